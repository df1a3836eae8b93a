"""What a 预算/决算公开 must hold: the template's tables, and a note under each empty one (completeness)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.completeness import BUDGET_TABLES, FINAL_TABLES, empty_tables, missing_tables
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class MissingTable(Message):
    zh = "公开表格缺失：未见“{title}”（本文件已有该套表格的其余各表）"
    en = "a disclosure table is missing: no “{title}” (the document has the rest of its set)"


class EmptyWithoutNote(Message):
    zh = "空表未说明：“{title}”无数字，表下未说明原因（如“本部门无…，故本表为空表”）"
    en = "an empty table without a note: “{title}” has no figures and no statement why"


class NoteOfAnotherTable(Message):
    zh = "空表说明与表格不符：“{title}”下的说明写“{note}”"
    en = "the note under an empty table is another table's: under “{title}” it says “{note}”"


def _titles(ctx: Context, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    section = ctx.options.get("disclosure")
    if isinstance(section, dict) and key in section:
        return tuple(section[key])
    return default


class Completeness(Rule):
    """Checks that a 预算/决算公开 holds the template's tables, and a note under each empty one.

    ## What it does
    - A document that holds at least two thirds of a template's list of tables (上海市's 部门决算 or 部门
      预算 list by default; set your region's in `[tool.auditor.disclosure]` as `final-tables` and
      `budget-tables`) must hold the rest too: a table whose title appears nowhere is reported.
    - A 政府性基金, 国有资本经营 or 三公 table with no figures needs a note under it ("本部门无…，故本表为
      空表"), unless the explanation says so; a note that names another table's fund is reported.

    ## Why is this bad?
    The template makes every unit publish the same set, so that a reader can tell "nothing" from "left
    out". A table dropped while exporting, or a note copied from the table above, breaks exactly that.

    ## Example
    Anti-pattern:

        国有资本经营预算支出功能分类预算表    单位：万元
        \t科目编码
        \t科目名称
        \t合计

        \t合计
        \t
        \t

        注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。

    Best practice:

        国有资本经营预算支出功能分类预算表    单位：万元
        \t科目编码
        \t科目名称
        \t合计

        \t合计
        \t
        \t

        注：本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。
    """

    code = "M101"
    title = "公开内容缺失"
    name = "disclosure-completeness"
    category = "completeness"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        final = _titles(ctx, "final-tables", FINAL_TABLES)
        budget = _titles(ctx, "budget-tables", BUDGET_TABLES)
        for m in missing_tables(doc.document, final, budget):
            yield self.violation(
                MissingTable(title=m.title), line=m.line, column=1, stated=None, expected=m.title
            )
        for e in empty_tables(doc.document):
            if e.note:
                yield self.violation(
                    NoteOfAnotherTable(title=e.title, note=e.note),
                    line=e.note_line,
                    column=1,
                    lines=[e.line],
                    stated=e.note,
                    expected=None,
                )
            else:
                yield self.violation(
                    EmptyWithoutNote(title=e.title), line=e.line, column=1, stated=None, expected=None
                )
