"""Shares: "A a，占y%" recomputed against the total it is a share of (percent_share)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, in_unit_of, plain
from auditor.extract.relations import Share
from auditor.extract.tolerance import (
    HUNDRED,
    Verdict,
    fmt,
    judge,
    recompute_percent,
    recompute_percent_of_sum,
    sum_interval,
)
from auditor.messages import Message
from auditor.model.quantity import Quantity
from auditor.rule import Context, Rule, Severity, Violation


class ShareMismatch(Message):
    zh = "占比不符：{part} / {base} = {computed}，文中写 {stated}{hint}"
    en = "share does not match: {part} / {base} = {computed}, the text says {stated}{hint}"


class ShareRounding(Message):
    zh = "占比末位舍入有误：{part} / {base} = {computed}，文中写 {stated}"
    en = "share wrongly rounded: {part} / {base} = {computed}, the text says {stated}"


class ShareOfSumMismatch(Message):
    zh = "占比不符：各项占比合计100%，{part} / ({terms} = {total}) = {computed}，文中写 {stated}"
    en = "share does not match: the shares make 100%, {part} / ({terms} = {total}) = {computed}, the text says {stated}"


class WrongBaseHint(Message):
    zh = "（与 {other} 相除才得 {stated}）"
    en = " ({stated} is {part} / {other})"


class ShareOfTotal(Rule):
    """Checks a stated share (占y%) against the part and the total it is a share of.

    ## What it does
    For "A a，占y%" the base is the whole of the breakdown A belongs to; for "占B的y%" it is
    the figure labelled B (in the same passage or, failing that, elsewhere in the report).
    The share is recomputed over the intervals the rounded figures stand for. When another
    figure of the passage would give the stated share, the message names it: the usual cause
    is division by the wrong base. When no total is written but every amount of one sentence carries
    its share of the same base and the shares make 100% ("基本支出中，人员经费96.30万元，占85.60%；公用经费
    16.20万元，占14.40%"), the list is the whole: each share is of the parts' sum, and one finding is
    given for the list.

    ## Why is this bad?
    A share that does not follow from its own figures misleads the reader about the structure
    of spending, and usually reveals a figure that was updated in one place but not another.

    ## Example
    Anti-pattern:

        政府采购支出总额32.64万元，其中：政府采购货物支出30.96万元、政府采购服务支出1.68万元。
        授予中小企业合同金额11.00万元，占政府采购支出总额的35.53%。

    (11.00 / 32.64 = 33.70%; 35.53% is 11.00 / 30.96.)

    Best practice:

        政府采购支出总额32.64万元，其中：政府采购货物支出30.96万元、政府采购服务支出1.68万元。
        授予中小企业合同金额11.00万元，占政府采购支出总额的33.70%。
    """

    code = "P101"
    title = "占比计算有误"
    name = "share-of-total"
    category = "percent_share"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        reported: set[int] = set()  # one finding per list: a wrong amount puts every share of it off
        for share in doc.relations.shares:
            part, pct, base = share.part, share.percent, share.base
            if base is None and share.base_parts and id(share.base_parts) not in reported:
                found = self._share_of_sum(share, ctx)
                if found is not None:
                    reported.add(id(share.base_parts))
                    yield found
                continue
            if base is None or part.approx or base.approx:
                continue
            checked = recompute_percent(part, base, pct, ctx.tolerance_percent)
            if checked is None or checked.verdict is Verdict.OK:
                continue
            verdict, shown = checked.verdict, checked.shown
            same_unit = part.unit == base.unit
            args = dict(
                part=plain(part) if same_unit else figure(part),
                base=plain(base) if same_unit else figure(base),
                computed=shown,
                stated=figure(pct),
            )
            lines = [part.line, base.line]
            if verdict is Verdict.ROUNDING:
                message: Message = ShareRounding(**args)
                severity = Severity.INFO
            else:
                other = self._base_that_fits(share)
                if other is not None and other.line == pct.line != base.line:
                    # "晋城市…支出执行128.9亿元…其中，民生支出104.6亿元，占一般公共预算支出的81.2%" under the
                    # province's 1649.8: the figure of the share's own line is the base its words name
                    continue
                hint: Message | str = ""
                if other is not None:
                    shown_other = plain(other) if other.unit == part.unit else figure(other)
                    hint = WrongBaseHint(other=shown_other, part=args["part"], stated=figure(pct))
                    lines.append(other.line)
                message = ShareMismatch(**args, hint=hint)
                severity = None
            yield self.violation(
                message,
                line=pct.line,
                column=pct.column,
                lines=lines,
                stated=figure(pct),
                expected=shown,
                severity=severity,
            )

    def _share_of_sum(self, share: Share, ctx: Context) -> Violation | None:
        """A share of a list whose shares make 100%, against the sum of the list's parts."""
        parts, part, pct = share.base_parts, share.part, share.percent
        checked = recompute_percent_of_sum(part, parts, pct, ctx.tolerance_percent)
        if checked is None or checked.verdict is not Verdict.MISMATCH:
            return None
        total = in_unit_of(
            sum((p.base_value for p in parts), Decimal(0)), part, max(p.decimals for p in parts)
        )
        return self.violation(
            ShareOfSumMismatch(
                part=plain(part),
                terms=" + ".join(plain(p) for p in parts),
                total=total,
                computed=checked.shown,
                stated=figure(pct),
            ),
            line=pct.line,
            column=pct.column,
            lines=list(dict.fromkeys([*(p.line for p in parts), pct.line])),
            stated=figure(pct),
            expected=checked.shown,
        )

    @staticmethod
    def _base_that_fits(share: Share) -> Quantity | None:
        """Another figure of the passage that the stated share is really a share of."""
        for other in share.neighbours:
            if other is share.base:
                continue
            checked = recompute_percent(share.part, other, share.percent)
            if checked is not None and checked.verdict is Verdict.OK:
                return other
        return None


class SharesTotal(Message):
    zh = "各项占比合计不为100%：{terms} = {computed}"
    en = "shares do not add up to 100%: {terms} = {computed}"


class SharesAddUp(Rule):
    """Checks that the shares of one complete breakdown add up to 100%.

    ## What it does
    When every part of a complete breakdown states its share ("其中：A a，占x%；B b，占y%；C c，占z%"),
    the stated shares must add up to 100% within their rounding (each share written with d decimals may
    be off by half a unit of its last digit). This catches a share that was not updated with the rest
    even where its base cannot be recomputed. When the parts themselves do not add up to the whole,
    S101 reports that instead.

    ## Why is this bad?
    Shares of a whole that add up to 98% or 103% tell the reader that at least one of them is wrong.

    ## Example
    Anti-pattern:

        2023年本年收入合计1868.58万元，其中：财政拨款收入1812.36万元，占96.99%；其他收入56.22万元，占4.01%。

    Best practice:

        2023年本年收入合计1868.58万元，其中：财政拨款收入1812.36万元，占96.99%；其他收入56.22万元，占3.01%。
    """

    code = "P102"
    title = "各项占比合计不为100%"
    name = "shares-add-up"
    category = "percent_share"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for b in doc.relations.breakdowns:
            if not b.complete or len(b.shares) != len(b.parts) or len(b.parts) < 2:
                continue
            shares = [b.shares[i] for i in range(len(b.parts))]
            if any(s.approx for s in shares):
                continue
            if judge(b.whole, sum_interval(b.parts)) is not Verdict.OK:
                continue  # the parts do not add up: S101 reports the cause, not this symptom
            total = sum_interval(shares).widen(ctx.tolerance_percent * len(shares))
            if total.lo <= HUNDRED <= total.hi:
                continue
            value = sum((s.value for s in shares), Decimal(0))
            decimals = max(s.decimals for s in shares)
            shown = fmt(value, decimals) + "%"
            yield self.violation(
                SharesTotal(terms=" + ".join(figure(s) for s in shares), computed=shown),
                line=shares[0].line,
                column=shares[0].column,
                lines=[s.line for s in shares],
                stated=shown,
                expected="100%",
            )
