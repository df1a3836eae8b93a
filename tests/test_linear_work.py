"""One document's cost grows linearly with its size, counted in work rather than seconds.

The document is the project's sample reports and the consistent evaluation fixture, copied k times
with every money and count figure of copy k multiplied by k (distinct figures, no repeated
paragraph). The work is the number of Python and built-in calls the rules and analyses make:
exact on every machine and at every load, so this test cannot flake. Comparing each prose score with
every indicator table, each share's base with every earlier amount, or each 目录 entry with every
heading made 4× the copies cost 5.4× the work; linear code stays near 4×.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal

from helpers import ROOT, SAMPLES

from auditor.config import Config
from auditor.engine import check_document, load
from auditor.rule import all_rules

_FIGURE = re.compile(r"(?<![\d.,])(\d+)(\.\d+)?(?=\s*(?:万元|元|人|个(?!百分点)|项|家|次|件)(?![/／]))")


def _scaled(text: str, k: int) -> str:
    def times(m: re.Match[str]) -> str:
        fraction = m.group(2) or ""
        return f"{Decimal(m.group(1) + fraction) * k:.{max(len(fraction) - 1, 0)}f}"

    return _FIGURE.sub(times, text)


def _work(copies: int, tmp_path) -> tuple[int, int]:
    sources = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    sources.append((ROOT / "tests" / "fixtures" / "evaluation-consistent.txt").read_text(encoding="utf-8"))
    path = tmp_path / f"copies-{copies}.txt"
    path.write_text(
        "\n\n".join(_scaled(t, k) for k in range(1, copies + 1) for t in sources), encoding="utf-8"
    )
    doc = load(path)
    rules = list(all_rules().values())
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call" or event == "c_call"

    sys.setprofile(count)
    try:
        found, errors = check_document(doc, rules, Config())
    finally:
        sys.setprofile(None)
    assert errors == []
    return calls, len(found)


def test_four_times_the_document_is_about_four_times_the_work(tmp_path):
    _work(1, tmp_path)  # patterns compiled, caches filled: not part of what is compared
    small, small_found = _work(16, tmp_path)
    large, large_found = _work(64, tmp_path)
    assert large_found > small_found > 0  # the copies' figures conflict: the rules do run
    assert large / small < 4.6, f"16 → 64 copies: {small} → {large} calls ({large / small:.2f}×)"
