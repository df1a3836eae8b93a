"""What a 预算/决算公开 must hold: the template's tables, and a statement under each table left empty.

The template of a region and year lists the tables a unit publishes (上海市: nine for a 部门决算, nine for a
部门预算). A table the unit has nothing for is still published, empty, with a note under it ("注：本部门
2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"). Three slips follow from copying:

- a table of the list is not there at all (neither the table nor its title);
- an empty table has no note, so the reader cannot tell "nothing" from "left out";
- the note under one table names another one's fund (政府性基金 under the 国有资本经营 table).

The lists are configurable per region and year (``[tool.auditor.disclosure]``, see docs/configuration.md);
a document is held to a list only when it already holds most of it, so reports of other kinds and
templates are never measured against the 上海市 one.
"""

from __future__ import annotations

from auditor.extract.fiscal import table_kind, title_of
from auditor.extract.tables import first_figure
from auditor.model.document import Document, Table
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.rx import lazy

# 上海市's templates (部门决算 2024, 部门预算 2024-2026): each table by the words its title line contains once
# spaces and quotes are removed, so that 2025年部门…, 预算单位… and 单位… all match; "A|B" names one table
# that templates title in two ways.
FINAL_TABLES: tuple[str, ...] = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表|国有资本经营预算财政拨款支出决算表",  # 上海市 | 财政部
)
BUDGET_TABLES: tuple[str, ...] = (
    "财务收支预算总表",
    "收入预算总表",
    "支出预算总表",
    "财政拨款收支预算总表",
    "一般公共预算支出功能分类预算表",
    "一般公共预算基本支出部门预算经济分类预算表",
    "政府性基金预算支出功能分类预算表",
    "国有资本经营预算支出功能分类预算表",
    "“三公”经费和机关运行经费预算表",
)
_LEAST_SHARE = (2, 3)  # a document is held to a list when it has at least two thirds of its tables

_NOISE = lazy(r"[\s“”\"'‘’《》]+")
_NOTE = lazy(r"空表|无数据|没有数据|(?:无|没有|未安排|未发生|不涉及).{0,30}(?:收入|支出|预算|经费|拨款|数据)")
# The fund or item a table or its note is about: the note under a table must name that table's.
_SUBJECTS = {
    "gov_fund": lazy(r"政府性基金"),
    "soe_capital": lazy(r"国有资本经营"),
    "three_public": lazy(r"三公"),
}
_NOTE_SCAN = 3  # lines under a table that may hold its note


def _compact(text: str) -> str:
    return _NOISE.sub("", normalise(text))


@record
class MissingTable:
    """A table the disclosure template requires that the document does not contain."""

    title: str  # the template's title of the table
    line: int  # where the finding points: the first table of the document


@record
class EmptyTable:
    """A required table published without figures, and the note that explains why, if any."""

    title: str
    line: int  # the table's title line, or its first line
    note: str = ""  # the note under it, when it names another table's fund
    note_line: int = 0


def _title_line(doc: Document, table: Table, title: str) -> int:
    key = _compact(title)
    for number in range(table.first_line - 1, max(0, table.first_line - 7), -1):
        if key and key in _compact(doc.lines[number - 1].text):
            return number
    return table.first_line


def missing_tables(doc: Document, final: tuple[str, ...], budget: tuple[str, ...]) -> list[MissingTable]:
    """The tables of the template list the document follows that it lacks (neither table nor title)."""
    if not doc.tables:
        return []
    titles = [_compact(line.text) for line in doc.lines if "表" in line.text and len(line.text) <= 80]
    best: tuple[str, ...] = ()
    best_present: list[bool] = []
    for listed in (final, budget):
        present = [any(_compact(name) in line for name in t.split("|") for line in titles) for t in listed]
        if sum(present) > sum(best_present):
            best, best_present = listed, present
    need = -(-len(best) * _LEAST_SHARE[0] // _LEAST_SHARE[1])
    if not best or sum(best_present) < need or all(best_present):
        return []
    first = doc.tables[0].first_line
    return [
        MissingTable(t.split("|")[0], first) for t, here in zip(best, best_present, strict=True) if not here
    ]


def empty_tables(doc: Document) -> list[EmptyTable]:
    """Empty 政府性基金 / 国有资本经营 / 三公 tables without a note, and notes that name another table's fund."""
    found: list[EmptyTable] = []
    for table in doc.tables:
        title = title_of(doc, table)
        kind = table_kind(title) if title else ""
        if kind not in _SUBJECTS or first_figure(table) is not None:
            continue
        rows = [table.header, *table.rows] if table.header is not None else table.rows
        if all(sum(1 for c in r.cells if c.text.strip()) <= 1 for r in rows):
            continue  # "表1 收入支出决算总表 | |||" ⏎ "公开01表 | |||": captions read as rows, no table to be empty
        notes = [
            (n, doc.lines[n - 1].text)
            for n in range(table.last_line + 1, min(len(doc.lines), table.last_line + _NOTE_SCAN) + 1)
            if _NOTE.search(normalise(doc.lines[n - 1].text))
        ]
        if not notes:
            if not _explained_elsewhere(doc, kind):
                found.append(EmptyTable(title, _title_line(doc, table, title)))
            continue
        number, note = notes[0]
        named = {k for k, pattern in _SUBJECTS.items() if pattern.search(note)}
        if named and kind not in named:
            found.append(EmptyTable(title, _title_line(doc, table, title), note.strip(), number))
    return found


def _explained_elsewhere(doc: Document, kind: str) -> bool:
    """The explanation says that the unit has none of it ("本部门无政府性基金预算财政拨款收支")."""
    subject = _SUBJECTS[kind]
    for p in doc.paragraphs:
        text = normalise(p.text)
        for m in subject.finditer(text):
            clause = text[max(0, m.start() - 20) : m.start() + 40]
            if _NOTE.search(clause) or _ZERO.search(clause):
                return True  # "政府性基金拨款支出预算为0" says the same as the note
    return False


_ZERO = lazy(r"(?:为|是)\s*(?:0(?:\.0+)?(?:万?元)?|零)(?![\d.])")
