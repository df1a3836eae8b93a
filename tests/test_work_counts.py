"""Costs counted as work, not seconds: these cannot flake on a busy machine, and they fail when an
analysis turns quadratic in something a large document has many of."""

from __future__ import annotations

import auditor.extract.tolerance as tolerance
from auditor.extract.analysis import Analysis
from auditor.extract.build import build_document
from auditor.extract.restatements import conflicts, statements
from auditor.loaders import load_text


def _analysis(text: str) -> Analysis:
    return Analysis(build_document(load_text(text.encode("utf-8"), "work.txt")))


def test_one_quantity_stated_with_many_values_costs_linear_work(monkeypatch):
    # a paste half-updated forty times: forty values of one quantity, every line a reported paste (D102)
    text = "某局2023年度部门决算情况说明\n" + "".join(
        f"本年度一般公共预算财政拨款支出总额{100 + i}.00万元，比上年有所变化。\n\n" for i in range(40)
    )
    doc = _analysis(text)
    assert len(statements(doc, [])) == 40
    calls = 0
    real = tolerance.interval_of

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    class Lines(set):  # the excluded lines, counting how often they are asked about
        asked = 0

        def __contains__(self, line) -> bool:
            Lines.asked += 1
            return super().__contains__(line)

    monkeypatch.setattr(tolerance, "interval_of", counted)
    assert conflicts(doc, [], excluded_lines=Lines(range(1, 200))) == []
    assert calls <= 2 * 40, f"{calls} intervals for 40 statements: each pair of them recomputed"
    assert Lines.asked <= 2 * 40, (
        f"{Lines.asked} tests of the excluded lines: each pair of statements visited"
    )
