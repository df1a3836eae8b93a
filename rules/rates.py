"""Completion and execution rates: 完成率 = 实际 / 目标, recomputed (completion_rate)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, plain
from auditor.extract.tolerance import Verdict, recompute_percent
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class RateMismatch(Message):
    zh = "完成率不符：{actual} / {target} = {computed}，文中写 {stated}"
    en = "completion rate does not match: {actual} / {target} = {computed}, the text says {stated}"


class RateRounding(Message):
    zh = "完成率末位舍入有误：{actual} / {target} = {computed}，文中写 {stated}"
    en = "completion rate wrongly rounded: {actual} / {target} = {computed}, the text says {stated}"


class CompletionRate(Rule):
    """Checks a stated completion or execution rate against the actual and target figures.

    ## What it does
    Recomputes 实际 / 目标 for "完成X，占目标任务数Y的Z%", "任务3746人，共计完成3821人，完成上级任务的102%",
    "预算数40万元，执行数为40万元，完成预算的100%", "调整预算数…，决算数…，预算支出率为100%", and for
    tables with 目标值/计划数, 实际数 and 计划完成率/执行率 columns. Actual and target are recognised by
    their labels (执行/决算/完成/实际 against 预算/计划/目标/任务; a label ending in 预算 is a budget,
    "…支出年初预算为A"), within the same paragraph. "为调整预算数A的C%" and 资金到位率 (实际到位 over 预算)
    are read the same way. A set
    target (目标值, 任务数, 计划数) is taken as exact; actual figures and budgets carry their rounding.

    ## Why is this bad?
    A completion rate that does not follow from the report's own actual and target figures
    overstates or understates performance — the figure reviewers read first.

    ## Example
    Anti-pattern:

        工伤保险参保人数目标40.5万人，实际完成42.34万人，完成目标任务的104.49%。

    (42.34 / 40.5 = 104.54%.)

    Best practice:

        工伤保险参保人数目标40.5万人，实际完成42.34万人，完成目标任务的104.54%。
    """

    code = "C101"
    title = "完成率计算有误"
    name = "completion-rate"
    category = "completion_rate"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for r in doc.relations.rates:
            checked = recompute_percent(
                r.actual, r.target, r.rate, ctx.tolerance_percent, exact_denominator=r.target_exact
            )
            if checked is None or checked.verdict is Verdict.OK:
                continue
            shown = checked.shown
            same_unit = r.actual.unit == r.target.unit
            args = dict(
                actual=plain(r.actual) if same_unit else figure(r.actual),
                target=plain(r.target) if same_unit else figure(r.target),
                computed=shown,
                stated=figure(r.rate),
            )
            rounding = checked.verdict is Verdict.ROUNDING
            yield self.violation(
                RateRounding(**args) if rounding else RateMismatch(**args),
                line=r.rate.line,
                column=r.rate.column,
                lines=[r.actual.line, r.target.line],
                stated=figure(r.rate),
                expected=shown,
                severity=Severity.INFO if rounding else None,
            )
