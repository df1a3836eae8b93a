"""Totals: a stated whole against the sum of the parts the text breaks it into (sum_total)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, in_unit_of, join_terms
from auditor.extract.relations import TABLE_MARKERS, Breakdown
from auditor.extract.tolerance import (
    Verdict,
    interval_of,
    judge,
    peer_decimals,
    sum_interval,
    sum_interval_at,
)
from auditor.messages import Message
from auditor.model.quantity import Quantity
from auditor.rule import Context, Rule, Violation


class SumMismatch(Message):
    zh = "合计不符：{terms} = {computed}，文中写 {stated}"
    en = "total does not add up: {terms} = {computed}, the text says {stated}"


class TableSumMismatch(Message):
    zh = "表内合计不符：{terms} = {computed}，表中写 {stated}"
    en = "table total does not add up: {terms} = {computed}, the table says {stated}"


class DisclosureSumMismatch(Message):
    zh = "表内合计不符（{where}）：{terms} = {computed}，表中写 {stated}"
    en = "table total does not add up ({where}): {terms} = {computed}, the table says {stated}"


class UnbalancedSummary(Message):
    zh = "收支总表不平衡（{where}）：收入总计 {income}，支出总计 {stated}"
    en = "the summary table does not balance ({where}): total income {income}, total expenditure {stated}"


class PartsExceedWhole(Message):
    zh = "分项之和超过总数：{terms} = {computed}，大于文中写的 {stated}"
    en = "the parts exceed their whole: {terms} = {computed}, more than the stated {stated}"


def _mismatches(
    rule: Rule, breakdowns: list[Breakdown], ctx: Context, message: type[Message]
) -> Iterator[Violation]:
    for b in breakdowns:
        if b.complete:
            yield from _mismatch(
                rule, b.whole, b.parts, b.lines, ctx, message, typed=b.marker not in TABLE_MARKERS
            )


def _excesses(rule: Rule, breakdowns: list[Breakdown], ctx: Context) -> Iterator[Violation]:
    """A list that names only the main parts (主要用于…) may add up to less than its whole, never to more."""
    for b in breakdowns:
        if b.complete or b.whole.approx or b.whole.base_value < 0 or any(p.base_value < 0 for p in b.parts):
            continue
        at = peer_decimals([b.whole, *b.parts]) if b.marker not in TABLE_MARKERS else None
        if sum_interval_at(b.parts, at).lo <= interval_of(b.whole, ctx.tolerance_amount).hi:
            continue
        total = in_unit_of(
            sum((p.base_value for p in b.parts), Decimal(0)), b.whole, _decimals(b.parts, b.whole)
        )
        yield rule.violation(
            PartsExceedWhole(terms=join_terms(b.parts, b.whole), computed=total, stated=figure(b.whole)),
            line=b.whole.line,
            column=b.whole.column,
            lines=b.lines,
            stated=figure(b.whole),
            expected=total,
        )


def _mismatch(
    rule: Rule,
    whole: Quantity,
    parts: list[Quantity],
    lines: list[int],
    ctx: Context,
    message: type[Message],
    typed: bool = False,
    **args: str,
) -> Iterator[Violation]:
    """``typed``: the figures were typed into prose, where 8万元 among 10.80万元 dropped its zeros; a table's
    formatting writes every cell to its decimals, and a shorter cell there was rounded."""
    at = peer_decimals([whole, *parts]) if typed else None
    if judge(whole, sum_interval_at(parts, at), extra=ctx.tolerance_amount) is Verdict.OK:
        return
    total = in_unit_of(sum((p.base_value for p in parts), Decimal(0)), whole, _decimals(parts, whole))
    terms = join_terms(parts, whole) if parts else "0"
    yield rule.violation(
        message(terms=terms, computed=total, stated=figure(whole), **args),
        line=whole.line,
        column=whole.column,
        lines=lines,
        stated=figure(whole),
        expected=total,
    )


class SumOfParts(Rule):
    """Checks that a whole equals the sum of the parts it is broken down into.

    ## What it does
    Finds a whole followed by its breakdown — "W，其中：A a、B b", "W（其中：A a，B b）",
    "W(A a、B b)", "W：A a；B b", "主要用于A a、B b…，合计W", or a list whose every item carries
    its share of W — and recomputes the sum. The tolerance comes from how the figures were
    written: each part and the whole may be off by half a unit of their last digit. A list that
    names the main parts only ("主要用于A a、B b", "…等") may add up to less than W, never to more.
    Also read: "W，A、B、C分别为a、b、c" when A, B, C are the members of W's fixed composition (三公,
    政府采购); "W，比上年增加Δ，增长x%，其中：…" (the 其中 breaks down W, unless its parts are changes);
    "W。其中：" with one numbered item per part on the next lines; "…总预算W。支出包括：…". A list
    closed by 其他… is never cut to a shorter run that happens to add up.

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
    title = "合计与分项不符"
    name = "sum-of-parts"
    category = "sum_total"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        prose = [b for b in doc.relations.breakdowns if b.marker not in TABLE_MARKERS and _as_if_slipped(b)]
        yield from _mismatches(self, prose, ctx, SumMismatch)
        yield from _excesses(self, prose, ctx)


def _as_if_slipped(b: Breakdown) -> bool:
    """Whether the parts add up to within half to twice the whole, as a slip in one figure leaves them.

    Text names some parts only ("其中，环境服务、文化体育服务为106.59亿元、17.24亿元" of 1934.25亿元) and runs
    lists on into the next item's figures; a sum that far from its whole says the list was misread, not
    mistyped, and nothing is reported.
    """
    whole = b.whole.base_value
    if whole <= 0 or _one_digit(b.whole):
        return True  # a slip in a one-digit figure (共8人 written 共1人) moves it by any amount
    total = sum((p.base_value for p in b.parts), Decimal(0))
    if whole / 2 <= total <= whole * 2 or (total > whole * 2 and any(_one_digit(p) for p in b.parts)):
        return True
    # a one-digit part slipped (9 written 1) may leave the sum anywhere below, as far as that digit reaches
    # ("在职教师32人（跟岗1人，交流1人）" names two of them: no digit in one place makes 16)
    reach = max((_digit_reach(p) for p in b.parts if _one_digit(p)), default=Decimal(0))
    if total < whole / 2 and total + reach >= whole / 2:
        return True
    return _one_digit_too_many(b)


def _one_digit_too_many(b: Breakdown) -> bool:
    """Whether one part, with one of its digits taken out, makes the sum its whole: a digit keyed twice or
    once too often ("税收收入4575万元，非税收入12142万元" of 6717万元, 2142 meant)."""
    for k, part in enumerate(b.parts):
        digits = part.value.as_tuple().digits
        if len(digits) < 3:
            continue
        others = [q for j, q in enumerate(b.parts) if j != k]
        for cut in range(len(digits)):
            kept = digits[:cut] + digits[cut + 1 :]
            value = Decimal((0, kept, part.value.as_tuple().exponent))
            if judge(b.whole, sum_interval([*others, replace(part, value=value)])) is Verdict.OK:
                return True
    return False


def _digit_reach(q: Quantity) -> Decimal:
    """How much a one-digit figure grows at most when its digit is mistyped: 1 written for 9."""
    largest = Decimal(9).scaleb(-q.decimals)
    return max(largest - q.value, Decimal(0)) * q.scale


def _one_digit(q: Quantity) -> bool:
    return len("".join(ch for ch in q.text if ch.isdigit()).lstrip("0")) <= 1


class TableTotal(Rule):
    """Checks a table's 合计/小计 rows and parent rows against the rows they add up.

    ## What it does
    In every column of amounts (money or counts), a 合计/总计 row must equal the sum of the rows
    above it (or below it, when it is the table's first row and only total) — the top-level rows (一、二、三…) when the rows are numbered, leaving out 其中 rows — and
    a 小计 row the rows since the previous 小计. A numbered row followed by its sub-rows (一、基本支出 /
    1、人员经费 / 2、日常公用经费) must equal their sum. Empty cells and "-" count as zero. The unit comes
    from the caption (单位：万元) or the column header; the tolerance from the written decimals.

    The standard tables of a 预算/决算公开 are read by their layout (auditor.extract.fiscal): a 类 row
    (201) is the sum of its 款 rows (20106), a 款 row of its 项 rows (2010601), the 合计 row of the top
    rows; a 合计 column is the sum of its component columns (基本支出 + 项目支出, 人员经费 + 公用经费,
    三公 = 出国 + 用车 + 接待); in a 收支总表 本年收入合计 + 年初结转和结余 = 收入总计 and 收入总计 =
    支出总计. The message names the table, the row (code and name) and the column.

    ## Why is this bad?
    A 合计 row that does not add up is visible to every reader of the published table, and usually
    means one row was updated after the total was typed.

    ## Example
    Anti-pattern:

        表1  部门支出决算情况表    单位：万元
        \t支出类型
        \t决算数

        \t一、基本支出
        \t1350.20

        \t二、项目支出
        \t525.24

        \t合计
        \t1885.44

    Best practice:

        表1  部门支出决算情况表    单位：万元
        \t支出类型
        \t决算数

        \t一、基本支出
        \t1350.20

        \t二、项目支出
        \t525.24

        \t合计
        \t1875.44
    """

    code = "S102"
    title = "表格合计不符"
    name = "table-total"
    category = "sum_total"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        tables = [b for b in doc.relations.breakdowns if b.marker in TABLE_MARKERS]
        yield from _mismatches(self, tables, ctx, TableSumMismatch)
        for s in doc.disclosure.sums:
            lines = list(dict.fromkeys(q.line for q in [s.whole, *s.parts]))
            if s.kind == "balance":
                (income,) = s.parts
                if judge(s.whole, sum_interval(s.parts), extra=ctx.tolerance_amount) is not Verdict.OK:
                    yield self.violation(
                        UnbalancedSummary(where=s.where, income=figure(income), stated=figure(s.whole)),
                        line=s.whole.line,
                        column=s.whole.column,
                        lines=lines,
                        stated=figure(s.whole),
                        expected=figure(income),
                    )
                continue
            yield from _mismatch(self, s.whole, s.parts, lines, ctx, DisclosureSumMismatch, where=s.where)


def _decimals(parts: list[Quantity], whole: Quantity) -> int:
    """Decimals to show a sum of ``parts`` in the whole's unit without losing digits."""
    # (a zero in a smaller unit adds no digits: "3362.61万元 + 434万元 + 0元" sums to 3796.61万元)
    shift = [len(str(whole.scale // p.scale)) - 1 if whole.scale >= p.scale and p.value else 0 for p in parts]
    return max([whole.decimals, *(p.decimals + s for p, s in zip(parts, shift, strict=True))])
