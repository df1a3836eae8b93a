"""Totals: a stated whole against the sum of the parts the text breaks it into (sum_total)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.display import figure, in_unit_of, join_terms
from auditor.document import Document
from auditor.messages import Message
from auditor.quantity import Quantity
from auditor.rule import Context, Rule, Violation
from auditor.tolerance import Verdict, judge, sum_interval


class SumMismatch(Message):
    zh = "合计不符：{terms} = {computed}，文中写 {stated}"
    en = "total does not add up: {terms} = {computed}, the text says {stated}"


class SumOfParts(Rule):
    """Checks that a whole equals the sum of the parts it is broken down into.

    ## What it does
    Finds a whole followed by its breakdown — "W，其中：A a、B b", "W（其中：A a，B b）",
    "W(A a、B b)", "W：A a；B b", "主要用于A a、B b…，合计W", or a list whose every item carries
    its share of W — and recomputes the sum. The tolerance comes from how the figures were
    written: each part and the whole may be off by half a unit of their last digit.

    ## Why is this bad?
    A total that its own breakdown contradicts is the most common and the most visible
    arithmetic error in a published report; one of the two figures is wrong.

    ## Example
    Anti-pattern:

        2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。

    (1350.20 + 525.24 = 1875.44, not 1885.44.)

    Best practice:

        2023年本年支出合计1885.44万元，其中：基本支出1360.20万元，项目支出525.24万元。
    """

    code = "S101"
    name = "sum-of-parts"
    category = "sum_total"

    def check(self, doc: Document, ctx: Context) -> Iterator[Violation]:
        for b in doc.relations.breakdowns:
            if not b.complete:
                continue
            whole = b.whole
            computed = sum_interval(b.parts)
            if judge(whole, computed, extra=ctx.tolerance_amount) is Verdict.OK:
                continue
            total = sum(p.base_value for p in b.parts)
            yield self.violation(
                SumMismatch(
                    terms=join_terms(b.parts, whole),
                    computed=in_unit_of(total, whole, _decimals(b.parts, whole)),
                    stated=figure(whole),
                ),
                line=whole.line,
                column=whole.column,
                lines=b.lines,
                stated=figure(whole),
                expected=in_unit_of(total, whole, _decimals(b.parts, whole)),
            )


def _decimals(parts: list[Quantity], whole: Quantity) -> int:
    """Decimals to show a sum of ``parts`` in the whole's unit without losing digits."""
    shift = [len(str(whole.scale // p.scale)) - 1 if whole.scale >= p.scale else 0 for p in parts]
    return max([whole.decimals, *(p.decimals + s for p, s in zip(parts, shift, strict=True))])
