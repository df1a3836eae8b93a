"""Relations between the standard tables of a 预算/决算公开: the same total in two tables, and amounts of a
narrower fund scope never above a wider one (table_relation)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, in_unit_of
from auditor.messages import Message
from auditor.rule import Context, Rule, Violation


class SameTotal(Message):
    zh = "两表同一合计数不一致：{first_where} 为 {first}，{second_where} 为 {second}"
    en = "two tables give one total differently: {first_where} is {first}, {second_where} is {second}"


class PartsOfBasic(Message):
    zh = "基本支出不等于人员经费与公用经费之和：{parts} = {computed}，{first_where} 为 {first}"
    en = "基本支出 is not 人员经费 + 公用经费: {parts} = {computed}, {first_where} is {first}"


class NarrowerLarger(Message):
    zh = "口径较窄的数大于口径较宽的数：{second_where} 为 {second}，大于 {first_where} 的 {first}"
    en = (
        "a narrower scope exceeds a wider one: {second_where} is {second}, more than {first} in {first_where}"
    )


class TableRelation(Rule):
    """Checks the 勾稽关系 between the tables of a 预算/决算公开.

    ## What it does
    - A total stated by two tables must be the same in both: 本年支出合计 in the 收入支出决算总表 and the
      合计 row of the 支出决算表; 本年收入合计 and the 收入决算表; the 一般公共预算 column of the 财政拨款收入
      支出决算总表 and the 一般公共预算财政拨款支出决算表; its 基本支出 合计 and the 基本支出 table's 合计.
    - The same amount in a narrower fund scope is never larger than in a wider one: all funds ⊇ 财政拨款 ⊇
      一般公共预算财政拨款, for each 科目 and for the totals (基本支出, 项目支出, 本年支出合计).
    - 基本支出 = 人员经费 + 公用经费 across the tables that state them, and the 基本支出 table's 因公出国
      （境）费用 (30212), 公务接待费 (30217) and 公务用车运行维护费 (30231) are never more than the same
      item of the 三公 table, which also holds the projects' share.

    A 合计 row that a page break cut off from its table is read as that table's last row. Two amounts are
    compared within their rounding.

    ## Why is this bad?
    The tables are exported from one set of accounts; when two of them disagree, one was edited by hand or
    comes from another version, and the reader cannot know which figure is the unit's.

    ## Example
    Anti-pattern:

        支出决算表    单位：万元
        \t科目编码
        \t科目名称
        \t本年支出合计

        \t2012601
        \t行政运行
        \t512.40

        一般公共预算财政拨款支出决算表    单位：万元
        \t科目编码
        \t科目名称
        \t合计

        \t2012601
        \t行政运行
        \t521.40

    Best practice:

        支出决算表    单位：万元
        \t科目编码
        \t科目名称
        \t本年支出合计

        \t2012601
        \t行政运行
        \t512.40

        一般公共预算财政拨款支出决算表    单位：万元
        \t科目编码
        \t科目名称
        \t合计

        \t2012601
        \t行政运行
        \t512.40
    """

    code = "F101"
    title = "表间数据不符"
    name = "table-relation"
    category = "table_relation"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for r in doc.disclosure.relations:
            if r.kind == "sum":
                computed = sum((q.base_value for q, _ in r.parts), Decimal(0))
                shown = in_unit_of(computed, r.first, max(q.decimals for q, _ in r.parts))
                yield self.violation(
                    PartsOfBasic(
                        parts=" + ".join(f"{where} {figure(q)}" for q, where in r.parts),
                        computed=shown,
                        first_where=r.first_where,
                        first=figure(r.first),
                    ),
                    line=r.first.line,
                    column=r.first.column,
                    lines=[q.line for q, _ in r.parts],
                    stated=figure(r.first),
                    expected=shown,
                )
                continue
            args = dict(
                first_where=r.first_where,
                first=figure(r.first),
                second_where=r.second_where,
                second=figure(r.second),
            )
            yield self.violation(
                SameTotal(**args) if r.kind == "same" else NarrowerLarger(**args),
                line=r.second.line,
                column=r.second.column,
                lines=[r.first.line],
                stated=figure(r.second),
                expected=figure(r.first),
            )
