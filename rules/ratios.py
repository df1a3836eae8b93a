"""Other recomputable rates: 覆盖率, 结案率, 办结率 … from two counts in the passage (ratio_other)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, plain
from auditor.extract.tolerance import Verdict, recompute_percent
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class RatioMismatch(Message):
    zh = "比率不符：{numerator} / {denominator} = {computed}，文中写 {stated}"
    en = "rate does not match: {numerator} / {denominator} = {computed}, the text says {stated}"


class RatioRounding(Message):
    zh = "比率末位舍入有误：{numerator} / {denominator} = {computed}，文中写 {stated}"
    en = "rate wrongly rounded: {numerator} / {denominator} = {computed}, the text says {stated}"


class CountRatio(Rule):
    """Checks a named rate against the two counts stated with it.

    ## What it does
    For 覆盖率, 结案率, 办结率, 处理率, 签订率, 参保率, 自评率 and similar rates, when the sentence states
    exactly two whole-number counts of the same unit before the rate ("共37个项目，已设置绩效目标的有23个，
    绩效目标覆盖率为62.16%"), recomputes the smaller over the larger. With more than two counts the
    pairing would be a guess, and nothing is checked. The 三公经费控制率 is recomputed as this year's
    三公经费 over last year's, when the paragraph states both years' totals.

    ## Why is this bad?
    A rate that does not follow from the counts beside it is either a typing error or a figure
    left from last year's text.

    ## Example
    Anti-pattern:

        共37个项目，已设置绩效目标的有23个，绩效目标覆盖率为65.16%。

    Best practice:

        共37个项目，已设置绩效目标的有23个，绩效目标覆盖率为62.16%。
    """

    code = "R101"
    title = "比率计算有误"
    name = "count-ratio"
    category = "ratio_other"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for r in doc.relations.ratios:
            checked = recompute_percent(r.numerator, r.denominator, r.rate, ctx.tolerance_percent)
            if checked is None or checked.verdict is Verdict.OK:
                continue
            shown = checked.shown
            args = dict(
                numerator=plain(r.numerator),
                denominator=plain(r.denominator),
                computed=shown,
                stated=figure(r.rate),
            )
            rounding = checked.verdict is Verdict.ROUNDING
            yield self.violation(
                RatioRounding(**args) if rounding else RatioMismatch(**args),
                line=r.rate.line,
                column=r.rate.column,
                lines=[r.numerator.line, r.denominator.line],
                stated=figure(r.rate),
                expected=shown,
                severity=Severity.INFO if rounding else None,
            )
