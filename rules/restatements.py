"""Conflicting restatements: the same quantity stated with different values (restatement_conflict)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure
from auditor.extract.restatements import conflicts
from auditor.messages import Message
from auditor.rule import Context, Rule, Violation


class Restated(Message):
    zh = "前后数据不一致：{first_label} 第 {first_line} 行为 {first}，{second_label} 第 {second_line} 行为 {second}"
    en = "the same figure stated twice: {first_label} is {first} at line {first_line}, {second_label} is {second} at line {second_line}"


class TableRestated(Message):
    zh = "同一科目在两张表中金额不同：{first_where} 为 {first}，{second_where} 为 {second}"
    en = "one 科目 with two amounts: {first_where} is {first}, {second_where} is {second}"


class TextTableRestated(Message):
    zh = "文中数字与表中不一致：文中“{label}”为 {stated}，{where} 为 {expected}"
    en = "the text and the table disagree: the text gives {label} as {stated}, {where} is {expected}"


class RestatementConflict(Rule):
    """Reports the same quantity stated with different values in different places.

    ## What it does
    Indexes every amount by what it is — its topic, its scope (预算/决算, 年初/调整后, 本级/全市 …), its
    year and its unit after scale normalisation — with table cells labelled by row and column and the
    parts of a breakdown inheriting the scope of their whole. 本年支出合计, 2020年总支出 and 2020年支出总额
    are the department's total; a bare 支出总额 may be a project's and is not. 项目支出 of a named fund
    (财政拨款项目支出总计, 本部门财政拨款项目支出累计) is the unit's; a bare 项目支出 may be any section's and
    is not. 一般公共预算 names a fund, not a budget: its 预算 and its 决算 stay apart. Two statements of the
    same quantity must agree within their rounding.

    In a 预算/决算公开 the same 科目 must have the same amount in every table of the same scope
    (收入支出决算总表 and 支出决算表 for all funds; 财政拨款收入支出决算总表 and 一般公共预算财政拨款支出
    决算表 for 一般公共预算), and the totals the 情况说明 restates (收入支出总计, 财政拨款收入支出总计,
    本年支出合计, 基本支出 …) must be those of the tables, and so must each 项 paragraph's amount for the
    year ("住房保障支出（类）住房改革支出（款）住房公积金（项）208.80万元", "2026年预算安排…", "支出决算为…"),
    found by the 科目 chain's codes or names, against that 科目's row of the 一般公共预算 支出 table. A
    figure in 万元 that cuts a cell off instead of rounding it (87.70 for 877,080元) restates it. The 三公
    经费 of the text (the total and each item, budget or final) and its 机关运行经费 are those of the 三公 table. Two amounts written to the same precision
    that differ at all (326.71 and 326.72) are two different statements.

    ## Why is this bad?
    A figure restated differently — last year's total left in this year's text, a table not updated
    with the prose — gives the reader two answers to one question.

    ## Example
    Anti-pattern:

        2020年本年支出合计2845.57万元，其中：基本支出2358.51万元，项目支出487.06万元。
        （二）部门财政资金支出情况。2020年总支出3088.39万元。

    Best practice:

        2020年本年支出合计2845.57万元，其中：基本支出2358.51万元，项目支出487.06万元。
        （二）部门财政资金支出情况。2020年总支出2845.57万元。
    """

    code = "V101"
    title = "前后数据不一致"
    name = "restatement-conflict"
    category = "restatement_conflict"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        names = doc.entity.names if doc.entity else []
        pasted = {c.line for b in doc.repeated_blocks if b.conflicting for c in b.copies}
        for c in conflicts(doc, names, excluded_lines=pasted):
            a, b = c.first.quantity, c.second.quantity
            yield self.violation(
                Restated(
                    first_label=c.first.label,
                    first_line=a.line,
                    first=figure(a),
                    second_label=c.second.label,
                    second_line=b.line,
                    second=figure(b),
                ),
                line=b.line,
                column=b.column,
                lines=[a.line],
                stated=figure(b),
                expected=figure(a),
            )
        for c in doc.disclosure.text_conflicts:
            yield self.violation(
                TextTableRestated(
                    label=c.label, stated=figure(c.text), where=c.where, expected=figure(c.cell)
                ),
                line=c.text.line,
                column=c.text.column,
                lines=[c.cell.line],
                stated=figure(c.text),
                expected=figure(c.cell),
            )
        for pair in doc.disclosure.conflicts:
            a, b = pair.first, pair.second
            yield self.violation(
                TableRestated(
                    first_where=pair.first_where,
                    first=figure(a),
                    second_where=pair.second_where,
                    second=figure(b),
                ),
                line=b.line,
                column=b.column,
                lines=[a.line],
                stated=figure(b),
                expected=figure(a),
            )
