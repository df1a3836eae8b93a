"""Accounting identities: 净资产 = 资产 − 负债, budget reconciliations (identity)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, in_unit_of, plain
from auditor.extract.tolerance import Interval, Verdict, interval_of, judge, peer_decimals
from auditor.messages import Message
from auditor.rule import Context, Rule, Violation


class IdentityMismatch(Message):
    zh = "{name}不符：{expression} = {computed}，文中写 {stated}"
    en = "{name_en} does not hold: {expression} = {computed}, the text says {stated}"


class UnequalTotals(Message):
    zh = "收支总计不相等：收入总计 {income}，支出总计 {stated}（收支总表的收入总计与支出总计应相等）"
    en = "the totals differ: total income {income}, total spending {stated} (the summary table's totals are equal)"


_NAMES = {
    "net_assets": ("净资产", "net assets"),
    "reconciliation": ("预算调整后数额", "reconciled budget"),
    "running_total": ("加减合计", "running total"),
    "balance": ("收支相抵结余", "balance of income and spending"),
    "change_sum": ("各项增减额之和", "sum of the items' changes"),
}


class AccountingIdentity(Rule):
    """Checks accounting identities stated in one paragraph.

    ## What it does
    净资产 must equal 资产合计 − 负债合计 when all three are stated together; a budget stated "after"
    deductions (剔除…后的部门预算数, 调整后…预算) must equal the 年初预算 it starts from minus the deductions
    the paragraph lists (机构改革划出, 财政部门直接调整 …); a running total in one sentence ("收入A，加上级补助
    收入B、上年结转C，减上解支出D，收入总计T") must equal its terms, and "收支相抵，年终结余N" the paragraph's one
    收入总计 less its one 支出总计. A chain with an item but no figure (上年结转等), or a first term that is not
    its sentence's one figure, is not checked. A change followed by 其中 and one change per item ("比上年减少
    0.28万元，其中：…减少0.29万元；…增加0.01万元") must equal the items' changes, each with its direction; an item
    without its change (与上年持平) or with two figures leaves the sum unstated. "收入总计A，支出总计B" side by
    side in a unit's report must be equal (the 收支总表 balances by its making), unless the paragraph speaks
    of a balance (结余, 结转, 收支相抵). Sums such as 资产合计 = 流动 + 固定 + 无形 are checked by S101
    when the text breaks the total down.

    ## Why is this bad?
    An identity that does not hold means one of the balance-sheet or budget figures was copied
    wrongly; reviewers recompute these first because they must hold exactly.

    ## Example
    Anti-pattern:

        2023年末单位实有资产合计13047176.25元；负债合计5422.21元；净资产合计13014754.04元。

    Best practice:

        2023年末单位实有资产合计13047176.25元；负债合计5422.21元；净资产合计13041754.04元。
    """

    code = "I101"
    title = "会计恒等关系不成立"
    name = "accounting-identity"
    category = "identity"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for identity in doc.relations.identities:
            result = identity.result
            computed = Interval.point(result.base_value * 0)
            value = 0
            parts = []
            at = peer_decimals([result, *(q for _, q in identity.terms)])  # typed prose: 8万元 is 8.00万元
            for sign, q in identity.terms:
                iv = interval_of(q, decimals=at)
                computed = computed + iv if sign > 0 else computed - iv
                value += sign * q.base_value
                shown = plain(q) if q.unit == result.unit else figure(q)
                if parts:
                    parts.append(f"{'+' if sign > 0 else '−'} {shown}")
                else:
                    parts.append(
                        shown if sign > 0 else f"−{shown}"
                    )  # "−61.11 + 355.34": a first term taken off
            if judge(result, computed, extra=ctx.tolerance_amount) is Verdict.OK:
                continue
            decimals = max(q.decimals for _, q in identity.terms)
            shown_value = in_unit_of(value, result, max(decimals, result.decimals))
            if identity.name == "equal_totals":
                ((_, income),) = identity.terms
                yield self.violation(
                    UnequalTotals(income=figure(income), stated=figure(result)),
                    line=result.line,
                    column=result.column,
                    lines=[income.line],
                    stated=figure(result),
                    expected=figure(income),
                )
                continue
            name, name_en = _NAMES[identity.name]
            yield self.violation(
                IdentityMismatch(
                    name=name,
                    name_en=name_en,
                    expression=" ".join(parts),
                    computed=shown_value,
                    stated=figure(result),
                ),
                line=result.line,
                column=result.column,
                lines=[q.line for _, q in identity.terms],
                stated=figure(result),
                expected=shown_value,
            )
