"""The standard tables of a 部门预算/决算公开: their kind, panels, columns and rows' 科目.

收入支出决算总表 · 收入决算表 · 支出决算表 · 财政拨款收入支出决算总表 · 一般公共预算财政拨款支出决算表 ·
基本支出决算表 · 三公经费表 · 政府性基金 / 国有资本经营 tables, and their budget-side equivalents. Each table
is read the way a finance officer reads it:

- its **kind**, from the title above it (wording variants and the budget side included);
- its **panels**: 收入 on the left and 支出 on the right of the same rows, or two code/name/amount groups
  side by side (基本支出 by 经济分类);
- each value column's **header path**, from merged header rows: ``["“三公”经费", "公务用车购置及运行费",
  "小计", "预算数"]``;
- each row's **科目**: the code (201 / 20101 / 2010101 in one column, or 类 | 款 | 项 in three, or at the
  start of the name), the name, the level (类/款/项 by code length, else by the name's ordinal), and
  whether it is a 合计/总计 row.

From that model come the relations a table states by its layout: a 类 row is the sum of its 款 rows, a
合计 row the sum of the top-level rows, a 合计 column the sum of its component columns, 本年收入合计 +
年初结转和结余 = 收入总计, and 收入总计 = 支出总计; and the facts that the same 科目 must have the same amount
in every table of the same scope.
"""

from __future__ import annotations

from dataclasses import field, replace
from decimal import Decimal

import regex

from auditor.extract.changes import year_of
from auditor.extract.figures import extract_quantities, with_unit
from auditor.extract.tables import cell_at, cell_figure, is_empty_value, total_word
from auditor.extract.tolerance import interval_of
from auditor.model.document import Cell, Document, Paragraph, Row, Table
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.ordinals import parse_ordinal
from auditor.text.rx import lazy

# (kind, pattern on the title with spaces and quotes removed); the first match wins, so the more
# specific titles come first (财政拨款收入支出决算总表 before 收入支出决算总表).
_KINDS: list[tuple[str, regex.Pattern[str]]] = [
    ("three_public", lazy(r"三公")),
    ("gov_fund", lazy(r"政府性基金")),
    ("soe_capital", lazy(r"国有资本经营")),
    ("fiscal_summary", lazy(r"财政拨款收(?:入)?支(?:出)?(?:决算|预算)?总表")),
    ("basic", lazy(r"基本支出.{0,12}表|经济分类.{0,8}表")),
    ("gpb_expense", lazy(r"一般公共预算.{0,12}支出.{0,12}表")),
    ("summary", lazy(r"(?:收入支出|财务收支|收支)(?:决算|预算)?总表")),
    ("income", lazy(r"收入(?:决算|预算)(?:总)?表")),
    ("expense", lazy(r"支出(?:决算|预算)(?:总)?表")),
    ("project", lazy(r"项目支出.{0,12}表")),
]
_TITLE_TAIL = lazy(r"(?:编制(?:单位|部门)|金额单位|单位)[:：].*$")
_TITLE_SCAN = 6  # lines above a table that may hold its title (title, 编制单位, 单位：万元)
_TITLE_NOISE = lazy(r"[\s“”\"'‘’]+")
_TITLE_LEAD = lazy(r"^(?:(?:附)?表\s*\d+[-—.．、:：]?|\d+[.．、]|(?:19|20)\d\d年度?)+")

_CODE_HEADER = lazy(r"编码|代码|^类$|^款$|^项$|科目编号")
_CODE_CELL = lazy(r"^\d{2,7}$")
_CODE_PART = lazy(r"^\d{1,7}$")  # a part printed short ("301 | 2") still makes a (wrong) code
_CODE_PARTS = frozenset({"类", "款", "项"})
_LEAD_CODE = lazy(r"^\s*(?P<code>\d{3}(?:\d{2}){0,2})(?!\d)\s*(?P<name>\D.*)$")
_TOTAL_NAME = lazy(r"(?:合\s*计|总\s*计)$")
_GRAND_NAME = lazy(r"总\s*计$")
_YEAR_SUM_NAME = lazy(r"^本年.{0,4}合计$")
_SUBSET_NAME = lazy(r"^(?:其中|含)[：:、,，]?")
_TOTAL_HEADER = lazy(r"^(?:合计|小计|总计|本年(?:收入|支出)?合计|(?:收入|支出)合计)$")
_SUBTOTAL_HEADER = lazy(r"^(?:小计|合计)$")
# a 三公 table's 合计 column named for what it totals: "“三公”经费合计"
_THREE_PUBLIC_TOTAL = lazy(r"^[“\"']?三公[”\"']?经费(?:支出)?(?:合计|总计|总额)$")
# Parts a 合计 column adds up. A group with any other column (年初预算, 上年数 …) is not checked.
_COMPONENT = lazy(
    r"基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出|人员经费|公用经费|财政拨款|一般公共预算|"
    r"政府性基金|国有资本经营|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入|财政专户|单位资金|"
    r"用事业基金弥补|非财政拨款结余|因公出国|公务用车|公务接待|购置|运行费"
)
_STAGE = lazy(r"^(?:预算数|决算数|执行数|年初预算数?|调整预算数?|全年预算数?|上年预算数?|本年预算数?)$")
_HEADER_NOISE = lazy(r"\s+")
_LABEL_HEADER = lazy(r"^(?:项目|科目|年度|类别|名称|科目名称|项目名称)$")


@record
class FiscalColumn:
    """A value column of a disclosure table, named by its header path."""

    index: int
    path: list[str]  # header texts from the top header row down: ["收入预算", "财政拨款收入"]
    panel: int
    unit: str | None = None  # the table's unit (单位：万元), for figures written bare

    @property
    def name(self) -> str:
        """How a finding names the column: 决算数, 本年支出合计, 公务用车购置费·预算数."""
        if len(self.path) >= 2 and _STAGE.match(self.path[-1]):
            return "·".join(self.path[-2:])
        return self.path[-1] if self.path else f"第{self.index + 1}列"


@record
class FiscalRow:
    """A row of a disclosure table read as a 科目 or item: code, name, level, and whether it totals."""

    row: Row
    index: int  # in table.rows
    code: str  # 2010601, or "" when the row has none
    name: str  # the 科目 or item name, without code and ordinal
    level: int  # 1 类 · 2 款 · 3 项 (by code length); by ordinal when there is no code; 0 none
    total: bool  # 合计 / 总计 / 本年收入合计 …
    subset: bool  # 其中：…

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


@record
class Panel:
    """One side of a table laid out in panels (收入 on the left, 支出 on the right), or the whole table."""

    index: int
    label_column: int | None
    code_columns: list[int]
    columns: list[FiscalColumn]  # the value columns
    rows: list[FiscalRow] = field(default_factory=list)


@record
class FiscalTable:
    """A table of the standard disclosure set, recognised by its title, with its rows and columns read."""

    table: Table
    title: str
    kind: str  # one of _KINDS' names, "" when only the layout (code columns) marks it
    header_rows: int  # rows of table.rows that continue the header
    panels: list[Panel]

    def where(self, row: FiscalRow | None, column: FiscalColumn | None) -> str:
        """一般公共预算财政拨款支出决算表 2080505 机关事业单位基本养老保险缴费支出 · 决算数"""
        parts = [self.title or f"表{self.table.index}"]
        if row is not None and row.label:
            parts.append(row.label)
        text = " ".join(parts)
        return f"{text} · {column.name}" if column is not None else text


@record
class TableSum:
    """A figure of a disclosure table and the figures the layout says it adds up."""

    whole: Quantity
    parts: list[Quantity]
    where: str  # the whole's table, row and column
    kind: str  # rows (科目 hierarchy) | total (合计 row) | columns (合计 column) | carry (总计) | balance


@record
class CrossTableConflict:
    """The same 科目 and column in two tables of the same scope, with different amounts."""

    first: Quantity
    second: Quantity
    first_where: str
    second_where: str


@record
class Disclosure:
    """The disclosure tables of a document and every relation found broken in or between them."""

    tables: list[FiscalTable]
    sums: list[TableSum]
    conflicts: list[CrossTableConflict]
    text_conflicts: list[TextTableConflict] = field(default_factory=list)
    renamed: list[SubjectNameConflict] = field(default_factory=list)
    relations: list[TableRelation] = field(default_factory=list)

    absorbed: frozenset[int] = frozenset()  # tables that only continue the one before (its 合计 row)

    @property
    def genre(self) -> str:
        """final (部门决算) or budget (部门预算) by its tables' titles; "" for a report without them."""
        return genre_of(self.tables)

    @property
    def table_indexes(self) -> frozenset[int]:
        """The tables read here, which the generic reading of tables leaves alone. A 三公 table has its items
        across (合计 | 因公出国（境）费 | …); one named so but laid out otherwise (the items down its rows, one
        column of figures), where this reading finds no sum, is read as any other table. So is a table
        of one panel without 科目 codes where it finds none ("一般公共预算收入预算表" of a county: 一、地方收入 over its
        （一）税收收入 and 1、增值税…)."""
        lines = [
            q.line
            for q in [
                *(s.whole for s in self.sums),
                *(r.first for r in self.relations),
                *(r.second for r in self.relations),
                *(c.cell for c in self.text_conflicts),
            ]
        ]
        read = set()
        for t in self.tables:
            cells = [c.line for row in [t.table.header, *t.table.rows] for c in row.cells]
            summed = cells and any(min(cells) <= line <= max(cells) for line in lines)
            coded = any(p.code_columns for p in t.panels) or len(t.panels) > 1
            if summed or (coded and t.kind != "three_public"):
                read.add(t.table.index)
        return frozenset(read) | self.absorbed


# ----------------------------------------------------------------------------- reading tables


def genre_of(tables: list[FiscalTable]) -> str:
    titles = [t.title for t in tables]
    if any("决算" in t for t in titles):
        return "final"
    return "budget" if any("预算" in t for t in titles) else ""


# a project's performance form (项目支出绩效自评表, 绩效目标表) is not one of the standard tables
_PERFORMANCE_FORM = lazy(r"绩效|自评|评价|评分")


def table_kind(title: str) -> str:
    compact = _TITLE_NOISE.sub("", normalise(title))
    if _PERFORMANCE_FORM.search(compact):
        return ""
    for kind, pattern in _KINDS:
        if pattern.search(compact):
            return kind
    return ""


def title_of(doc: Document, table: Table) -> str:
    """The nearest line above the table that names a kind of table (表1 收入支出决算总表)."""
    line = table.first_line - 1
    for _ in range(_TITLE_SCAN):
        if line < 1:
            break
        entry = doc.lines[line - 1]
        if entry.role == "cell":
            break
        text = entry.text.strip()
        if text and "表" in text and _PERFORMANCE_FORM.search(text):
            return ""  # the table's own title names a performance form
        if text and "表" in text and table_kind(text):
            title = _TITLE_LEAD.sub("", _TITLE_NOISE.sub("", normalise(text)))
            return _TITLE_TAIL.sub("", title) or title  # "支出决算表    单位：万元" is 支出决算表
        line -= 1
    return ""


def _all_rows(table: Table) -> list[Row]:
    return [table.header, *table.rows]


def _has_figure(row: Row, skip: set[int]) -> bool:
    return any(c.column not in skip and cell_figure(c) is not None for c in row.cells)


def _cell_text(row: Row, column: int) -> str:
    return _HEADER_NOISE.sub("", normalise(row.cells[column].text)) if column < len(row.cells) else ""


def _header_paths(rows: list[Row], width: int) -> list[list[str]]:
    """Each column's header texts from the top down, reading merged cells as a finance officer does.

    A cell left empty under a text is that text's vertical merge (nothing new below it); a cell left
    empty beside a text in the same row is its horizontal merge, as long as the row above does not
    start a new group between the two.
    """
    paths: list[list[str]] = [[] for _ in range(width)]
    own_seen = [False] * width
    rows = [row for row in rows if not _COLUMN_NUMBERS.fullmatch(_cell_text(row, 0))]  # 栏次 | | 1 | …
    for r, row in enumerate(rows):
        texts = [_cell_text(row, c) for c in range(width)]
        above = [_cell_text(rows[r - 1], c) for c in range(width)] if r else [""] * width
        for c in range(width):
            text = texts[c]
            if text:
                paths[c].append(text)
                own_seen[c] = True
                continue
            if own_seen[c]:
                continue  # under its own header: a vertical merge
            j = c - 1
            while j >= 0 and not texts[j] and not above[j + 1]:
                j -= 1
            if j >= 0 and texts[j] and not any(above[k] for k in range(j + 1, c + 1)):
                paths[c].append(texts[j])
    return paths


def _is_code_column(header: list[str], cells: list[str]) -> bool:
    filled = [t for t in cells if t]
    codes = [t for t in filled if _CODE_CELL.match(t)]
    if not codes:
        return False
    if any(_CODE_HEADER.search(h) for h in header):
        return len(codes) >= len([t for t in filled if not _TOTAL_NAME.search(t)]) * 0.8
    return False


_TWO_HAN = lazy(r"\p{Han}{2}")
_ONLY_DIGITS = lazy(r"^[\d,.\s-]+$")


def _is_label_column(cells: list[str]) -> bool:
    filled = [t for t in cells if t]
    named = [t for t in filled if _TWO_HAN.search(t) and not _ONLY_DIGITS.match(t)]
    return len(named) >= 2 and len(named) >= 0.6 * len(filled)


_COLUMN_NUMBERS = lazy(r"\s*栏\s*次\s*")
_ROW_NUMBERS = lazy(r"\s*[行栏]\s*次\s*|\s*行\s*号\s*")


def read_table(table: Table, title: str, kind: str) -> FiscalTable | None:
    rows = _all_rows(table)
    width = table.width
    body_start = 0
    while (
        body_start < len(rows)
        and body_start < 6
        and (
            not _has_figure(rows[body_start], set())
            or _COLUMN_NUMBERS.fullmatch(_cell_text(rows[body_start], 0))
        )
    ):
        body_start += 1  # "栏次 | | 1 | 栏次 | | 2" numbers the columns: a header row
    if body_start >= len(rows):
        body_start = min(len(rows), 1)
    header = rows[:body_start]
    body = rows[body_start:]
    paths = _header_paths(header, width)
    body_texts = [[_cell_text(r, c) for r in body] for c in range(width)]
    code_cols = {c for c in range(width) if _is_code_column(paths[c], body_texts[c])}
    label_cols = [c for c in range(width) if c not in code_cols and _is_label_column(body_texts[c])]
    if not label_cols and not code_cols and kind != "three_public":
        return None
    if not kind and not code_cols:
        return None  # neither a title nor 科目 codes: some other table
    panels = _panels(width, paths, code_cols, label_cols)
    for panel in panels:
        # "项目 | 行次 | 金额": the 行次 column numbers the rows; the panel's figures are in the columns after it
        panel.columns = [c for c in panel.columns if not (c.path and _ROW_NUMBERS.fullmatch(c.path[-1]))]
        for column in panel.columns:
            column.unit = table.unit
    repeated = {tuple(_cell_text(r, c) for c in range(width)) for r in header}
    for panel in panels:
        previous: list[str] = []
        for k, row in enumerate(body):
            key = tuple(_cell_text(row, c) for c in range(width))
            if key in repeated or _is_header_repeat(row, panel):
                continue  # the header again after a page break
            frow, previous = _read_row(row, body_start + k - 1, panel, previous)
            if frow is not None:
                panel.rows.append(frow)
    return FiscalTable(table=table, title=title, kind=kind, header_rows=max(0, body_start - 1), panels=panels)


def _continue(ft: FiscalTable, table: Table) -> bool:
    """A table of 合计/总计 rows alone, cut from the bottom of ``ft`` by a page break (its merged label cell
    spans the code columns, so the row is narrower): its rows join ``ft``'s panel as total rows, the
    figures right-aligned to the value columns. True when it was joined."""
    if len(ft.panels) != 1:
        return False
    panel = ft.panels[0]
    joined = []
    for row in _all_rows(table):
        cells = [c for c in row.cells if c.text]
        if not cells or not _TOTAL_NAME.search(cells[0].text) or len(row.cells) - 1 != len(panel.columns):
            return False
        values = [
            c
            if c.quantities
            else replace(c, quantities=extract_quantities(c.text, c.line, default_unit=ft.table.unit))
            for c in row.cells[1:]
        ]  # a header row's cells were read as names, not figures
        if not all(cell_figure(c) is not None or is_empty_value(c) for c in values):
            return False
        label_at = panel.label_column if panel.label_column is not None else 0
        moved = [replace(row.cells[0], column=label_at)]
        moved += [replace(c, column=col.index) for c, col in zip(values, panel.columns, strict=True)]
        width = max(ft.table.width, *(c.column + 1 for c in moved))
        slots: list[Cell] = [Cell("", row.cells[0].line, i) for i in range(width)]
        for c in moved:
            slots[c.column] = c
        name = _TITLE_NOISE.sub("", cells[0].text)
        joined.append(FiscalRow(Row(slots), len(ft.table.rows) + len(joined), "", name, 0, True, False))
    if not joined:
        return False
    panel.rows.extend(joined)
    return True


def _panels(width: int, paths: list[list[str]], code_cols: set[int], label_cols: list[int]) -> list[Panel]:
    starts: list[tuple[int, int | None, list[int]]] = []  # (first column, label column, code columns)
    for label in label_cols:
        first = label
        while first - 1 in code_cols:
            first -= 1
        starts.append((first, label, [c for c in range(first, label)]))
    leading_codes = sorted(c for c in code_cols if not any(first <= c < lab for first, lab, _ in starts))
    if leading_codes and not starts:
        starts.append((leading_codes[0], None, leading_codes))
    if not starts:
        starts.append((0, None, []))
    starts.sort()
    panels = []
    for i, (first, label, codes) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else width
        begin = (label + 1) if label is not None else (max(codes) + 1 if codes else first)
        columns = [FiscalColumn(c, paths[c], i) for c in range(begin, end) if c not in code_cols]
        panels.append(Panel(i, label, codes, columns))
    return panels


def _is_header_repeat(row: Row, panel: Panel) -> bool:
    texts = [_cell_text(row, c) for c in panel.code_columns]
    if texts and all(t in _CODE_PARTS or not t for t in texts) and any(texts):
        return not any(cell_figure(row.cells[c.index]) for c in panel.columns if c.index < len(row.cells))
    return any(_CODE_HEADER.search(t) for t in texts if t)


def _read_row(row: Row, index: int, panel: Panel, previous: list[str]) -> tuple[FiscalRow | None, list[str]]:
    parts = [_cell_text(row, c) for c in panel.code_columns]
    label = _cell_text(row, panel.label_column) if panel.label_column is not None else ""
    code = ""
    if parts and all(_CODE_PART.match(p) or not p for p in parts) and any(parts):
        if len(parts) == 1:
            code = parts[0]
        else:
            # 类 | 款 | 项 in separate columns; a blank leading part repeats the row above's
            filled = [p or (previous[i] if i < len(previous) else "") for i, p in enumerate(parts)]
            last = max(i for i, p in enumerate(parts) if p)
            code = "".join(filled[: last + 1])
            previous = filled[: last + 1]
    elif not label:
        label = next((p for p in parts if p and p not in _CODE_PARTS), "")
    if not code and label:
        m = _LEAD_CODE.match(label)
        if m:
            code, label = m.group("code"), m.group("name").strip()
    if not code and not label:
        if panel.label_column is None and not panel.code_columns:
            return FiscalRow(row, index, "", "", 0, False, False), previous  # a values-only row (三公)
        return None, previous
    ordinal = parse_ordinal(0, label) if label else None
    name = ordinal.title if ordinal is not None else label
    if code:
        level = {3: 1, 5: 2, 7: 3}.get(len(code), 0)
    else:
        level = ordinal.level if ordinal is not None and ordinal.level <= 2 else 0
    total = bool(_TOTAL_NAME.search(name)) and not code
    subset = bool(_SUBSET_NAME.match(name))
    return FiscalRow(row, index, code, name, level, total, subset), previous


_EMPTY = object()  # an empty, 0, - or — cell: zero in a sum, never a whole


def value(row: FiscalRow, column: FiscalColumn) -> Quantity | object | None:
    """The amount of a row in a column: its figure, _EMPTY for an empty cell, None for text."""
    cells = row.row.cells
    cell = cells[column.index] if column.index < len(cells) else None
    q = cell_figure(cell) if cell is not None else None
    if q is not None:
        unit = column.unit
        if q.kind is Kind.PLAIN and not q.unit and unit:
            q = with_unit(q, unit)  # a first-column figure (三公 tables) takes the table's unit too
        return q if q.kind in (Kind.MONEY, Kind.COUNT) or (q.kind is Kind.PLAIN and not unit) else None
    return _EMPTY if is_empty_value(cell) else None


# ----------------------------------------------------------------------------- relations


def _figures(rows: list[FiscalRow], column: FiscalColumn) -> list[Quantity] | None:
    out = []
    for r in rows:
        q = value(r, column)
        if q is None:
            return None
        if q is not _EMPTY:
            out.append(q)
    return out


def _whole(row: FiscalRow, column: FiscalColumn) -> Quantity | None:
    q = value(row, column)
    return None if q is None or q is _EMPTY else q


def _hierarchy_sums(ft: FiscalTable, panel: Panel) -> list[TableSum]:
    """A 类 row = Σ its 款 rows, a 款 row = Σ its 项 rows; a 合计 row = Σ the top-level rows."""
    found: list[TableSum] = []
    coded = [r for r in panel.rows if r.code]
    for i, parent in enumerate(coded):
        if not parent.level:
            continue
        children: list[FiscalRow] = []
        for other in coded[i + 1 :]:
            if not other.code.startswith(parent.code) or len(other.code) <= len(parent.code):
                break
            children.append(other)
        if not children or any(not c.level for c in children):
            continue  # a code of the wrong length ("301 2") among them: the rows cannot be trusted
        depth = min(c.level for c in children)
        children = [c for c in children if c.level == depth]
        for column in panel.columns:
            whole, parts = _whole(parent, column), _figures(children, column)
            if whole is not None and parts is not None:
                found.append(TableSum(whole, parts, ft.where(parent, column), "rows"))
    if any(not r.level for r in coded):
        return found
    top = min((r.level for r in coded), default=0)
    tops = [r for r in coded if r.level == top]
    codes = [r.code for r in tops]
    totals = [r for r in panel.rows if r.total]
    if tops and len(set(codes)) == len(codes) and len(totals) == 1:
        for column in panel.columns:
            whole, parts = _whole(totals[0], column), _figures(tops, column)
            if whole is not None and parts is not None:
                found.append(TableSum(whole, parts, ft.where(totals[0], column), "total"))
    return found


def _summary_sums(ft: FiscalTable, panel: Panel) -> list[TableSum]:
    """Panels without codes (收支总表): 一、… items = 本年合计; 本年合计 + 结转 rows = 总计."""
    found: list[TableSum] = []
    rows = [r for r in panel.rows if r.name]
    grand = next((k for k, r in enumerate(rows) if r.total and _GRAND_NAME.search(r.name)), None)
    if any(r.code for r in rows):
        return found
    if grand is None:
        return _plain_total(ft, panel, rows)
    year_sum = next((k for k, r in enumerate(rows[:grand]) if _YEAR_SUM_NAME.match(r.name)), None)
    end = year_sum if year_sum is not None else grand
    items = [r for r in rows[:end] if r.level == 1]
    if len(items) < 2 or any(r.total for r in rows[:end]):
        return found
    for column in panel.columns[:1] if ft.kind in ("summary",) else panel.columns:
        whole, parts = _whole(rows[end], column), _figures(items, column)
        if whole is not None and parts is not None and parts:
            found.append(TableSum(whole, parts, ft.where(rows[end], column), "total"))
        if year_sum is not None:
            between = [r for r in rows[year_sum + 1 : grand] if not r.subset]
            # 年初结转和结余 and its numbered funds below it: the unnumbered rows are the terms
            carried = [r for r in between if r.level == 0] or [r for r in between if r.level == 1]
            whole, parts = _whole(rows[grand], column), _figures([rows[year_sum], *carried], column)
            if whole is not None and parts is not None:
                found.append(TableSum(whole, parts, ft.where(rows[grand], column), "carry"))
    # ordinal children: 一、财政拨款收入 = 1. 一般公共预算 + 2. 政府性基金 …
    for k, r in enumerate(rows[:grand]):
        if r.level != 1:
            continue
        children = []
        for other in rows[k + 1 : grand]:
            if other.level != 2:
                break
            children.append(other)
        if len(children) < 2:
            continue
        for column in panel.columns:
            whole, parts = _whole(r, column), _figures(children, column)
            if whole is not None and parts is not None:
                found.append(TableSum(whole, parts, ft.where(r, column), "rows"))
    return found


def _plain_total(ft: FiscalTable, panel: Panel, rows: list[FiscalRow]) -> list[TableSum]:
    """A table of items without codes closed by one 合计 row (一、基本支出 · 二、项目支出 · 合计): the 合计 is
    the sum of the numbered items, or of every row above it when none is numbered (其中 rows excluded)."""
    totals = [k for k, r in enumerate(rows) if r.total]
    if len(totals) != 1 or totals[0] < 2:
        return []
    end = totals[0]
    items = [r for r in rows[:end] if r.level == 1] or [
        r for r in rows[:end] if r.level == 0 and not r.subset
    ]
    if len(items) < 2:
        return []
    found = []
    for column in panel.columns:
        whole, parts = _whole(rows[end], column), _figures(items, column)
        if whole is not None and parts:
            found.append(TableSum(whole, parts, ft.where(rows[end], column), "total"))
    return found


def _column_sums(ft: FiscalTable, panel: Panel) -> list[TableSum]:
    """A 合计/小计 column = Σ its component columns (基本支出 + 项目支出 …), in every row."""
    found: list[TableSum] = []
    by_path = {tuple(c.path): c for c in panel.columns}
    for total in panel.columns:
        k = next(
            (i for i, h in enumerate(total.path) if _TOTAL_HEADER.match(h) or _THREE_PUBLIC_TOTAL.match(h)),
            None,
        )
        if k is None:
            continue
        group, stage = total.path[:k], total.path[k + 1 :]
        middles: list[tuple[list[str], FiscalColumn]] = []
        for c in panel.columns:
            if c is total or c.path[:k] != group:
                continue
            if stage and c.path[len(c.path) - len(stage) :] != stage:
                continue
            middle = c.path[k : len(c.path) - len(stage)] if stage else c.path[k:]
            if middle and not _LABEL_HEADER.match(middle[0]):  # "项目 | 合计 | 因公出国…": the rows' names
                middles.append((middle, c))
        if not middles:
            continue
        subtotal_groups = {m[0] for m, _ in middles if len(m) == 2 and _SUBTOTAL_HEADER.match(m[1])}
        parts: list[FiscalColumn] = []
        for middle, c in middles:
            if len(middle) > 2 or _TOTAL_HEADER.match(middle[0]) or not _COMPONENT.search(middle[0]):
                parts = []
                break
            if len(middle) == 1 or _SUBTOTAL_HEADER.match(middle[1]):
                if len(middle) == 1 and middle[0] in subtotal_groups:
                    continue
                parts.append(c)
            elif middle[0] not in subtotal_groups and (*group, middle[0], *stage) not in by_path:
                parts.append(c)
        if len(parts) < 2:
            continue
        for row in panel.rows:
            if row.subset:
                continue
            whole = _whole(row, total)
            figures = [value(row, c) for c in parts]
            if whole is None or any(q is None for q in figures):
                continue
            found.append(
                TableSum(whole, [q for q in figures if q is not _EMPTY], ft.where(row, total), "columns")
            )
    return found


def _balance(ft: FiscalTable) -> list[TableSum]:
    """收入总计 = 支出总计 in a two-panel 收支总表."""
    if ft.kind not in ("summary", "fiscal_summary") or len(ft.panels) != 2:
        return []
    grands = []
    for panel in ft.panels:
        row = next((r for r in panel.rows if r.total and _GRAND_NAME.search(r.name)), None)
        if row is None or not panel.columns:
            return []
        grands.append((row, panel.columns[0]))
    (left, lcol), (right, rcol) = grands
    a, b = _whole(left, lcol), _whole(right, rcol)
    if a is None or b is None:
        return []
    return [TableSum(b, [a], ft.where(right, rcol), "balance")]


# ----------------------------------------------------------------------------- the same 科目 in two tables

_SCOPE_OF_KIND = {"summary": "all", "expense": "all", "fiscal_summary": "fiscal", "gpb_expense": "gpb"}
_NAME_KEY = lazy(r"[\s（()）]|支出$")


def _column_measure(ft: FiscalTable, panel: Panel, column: FiscalColumn, scope: str) -> tuple[str, str]:
    """(scope, measure) of a column whose cells restate 科目 amounts; measure "" for any other column."""
    last = column.path[-1] if column.path else ""
    if ft.kind == "summary":
        return scope, "total" if column is panel.columns[0] else ""
    if ft.kind == "fiscal_summary":
        if "一般公共预算" in last:
            return "gpb", "total"  # the 一般公共预算 column of the 财政拨款 summary
        return scope, "total" if _TOTAL_HEADER.match(last) else ""
    if _TOTAL_HEADER.match(last) and not any(_STAGE.match(h) and h != "决算数" for h in column.path):
        return scope, "total"
    return scope, {"基本支出": "basic", "项目支出": "project"}.get(last, "")


def _facts(ft: FiscalTable, names: dict[str, str]) -> list[tuple[tuple[str, str, str], Quantity, str]]:
    """(scope, 科目 code, measure) → amount, for the expense side of the tables that restate 科目."""
    scope = _SCOPE_OF_KIND.get(ft.kind)
    if scope is None:
        return []
    panels = ft.panels[-1:] if ft.kind in ("summary", "fiscal_summary") else ft.panels
    out = []
    for panel in panels:
        for column in panel.columns:
            column_scope, measure = _column_measure(ft, panel, column, scope)
            if not measure:
                continue
            for row in panel.rows:
                code = row.code or names.get(_NAME_KEY.sub("", row.name), "")
                q = _whole(row, column)
                if code and q is not None and not row.total:
                    out.append(((column_scope, code, measure), q, ft.where(row, column)))
    return out


def _restates(text: Quantity, cell: Quantity) -> bool:
    """A figure of the text restates a cell: equal at the text's precision, rounded either way or cut off
    ("87.70万元" for 877,080.00元 is cut, not wrong)."""
    step = Decimal(1).scaleb(-text.decimals) * text.scale
    return abs(text.base_value - cell.base_value) < step


def _differ(a: Quantity, b: Quantity) -> bool:
    """Two statements of one amount disagree: at the same precision any difference, else beyond rounding."""
    if a.unit == b.unit and a.decimals == b.decimals:
        return a.value != b.value
    ia, ib = interval_of(a), interval_of(b)
    return ia.hi < ib.lo or ib.hi < ia.lo


def _cross_table(tables: list[FiscalTable]) -> list[CrossTableConflict]:
    names: dict[str, str] = {}
    for ft in tables:
        for panel in ft.panels:
            for row in panel.rows:
                if row.code and row.name:
                    names.setdefault(_NAME_KEY.sub("", row.name), row.code)
    seen: dict[tuple[str, str, str], list[tuple[Quantity, str, int]]] = {}
    found: list[CrossTableConflict] = []
    reported: set[tuple] = set()
    for ft in tables:
        for key, q, where in _facts(ft, names):
            for other, other_where, other_table in seen.get(key, []):
                if other_table == ft.table.index or not _differ(other, q):
                    continue
                pair = (key, other.base_value, q.base_value)
                if pair not in reported:
                    reported.add(pair)
                    found.append(CrossTableConflict(other, q, other_where, where))
            seen.setdefault(key, []).append((q, where, ft.table.index))
    return found


# ----------------------------------------------------------------------------- the document


def read_disclosure(doc: Document) -> Disclosure:
    """The disclosure tables of a document, their stated sums and cross-table conflicts."""
    tables: list[FiscalTable] = []
    absorbed: set[int] = set()
    for table in doc.tables:
        title = title_of(doc, table)
        if (
            not title
            and tables
            and tables[-1].table.index == table.index - 1
            and _continue(tables[-1], table)
        ):
            absorbed.add(table.index)
            continue
        kind = table_kind(title) if title else ""
        ft = read_table(table, title, kind)
        if ft is not None:
            tables.append(ft)
    sums: list[TableSum] = []
    for ft in tables:
        for panel in ft.panels:
            sums.extend(_hierarchy_sums(ft, panel))
            sums.extend(_summary_sums(ft, panel))
            sums.extend(_column_sums(ft, panel))
        sums.extend(_balance(ft))
    disclosure = Disclosure(
        tables=tables, sums=sums, conflicts=_cross_table(tables), absorbed=frozenset(absorbed)
    )
    disclosure.text_conflicts = text_against_tables(doc, disclosure)
    by_subject, disclosure.renamed = subject_paragraphs(doc, tables)
    disclosure.text_conflicts += by_subject
    disclosure.relations = table_relations(tables)
    disclosure.text_conflicts += three_public_against_text(doc, tables)
    return disclosure


# ----------------------------------------------------------------------------- the 情况说明 against the tables

# (pattern on a figure's label, measure); the scope (all funds, 财政拨款, 一般公共预算) comes from the
# label itself or, for the bare names, from the section the sentence stands in.
_TEXT_MEASURES: list[tuple[regex.Pattern[str], str]] = [
    (lazy(r"收入支出(?:决算)?总计$"), "grand"),
    (lazy(r"收入(?:决算)?总计$"), "income_grand"),
    (lazy(r"支出(?:决算)?总计$"), "expense_grand"),
    (lazy(r"^收入预算$"), "income_grand"),  # a budget's 收入预算 is its 收入总计
    (lazy(r"^支出预算$"), "expense_grand"),
    (lazy(r"^本年收入合计$"), "income_year"),
    (lazy(r"^本年支出合计$"), "expense_year"),
    (lazy(r"^一般公共预算财政拨款支出$"), "gpb_expense_year"),
    (lazy(r"^基本支出$"), "basic"),
    (lazy(r"^项目支出$"), "project"),
    (lazy(r"^人员经费$"), "personnel"),
    (lazy(r"^公用经费$"), "public"),
]
_NOT_THIS_YEAR = lazy(r"年初|调整|全年预算|执行数|上年|去年|同期|比|较|增|减|下降|预算数|预算为")
_LABEL_OWNER = lazy(r"^.{0,40}?(?:19|20)\d\d年度?")


@record
class TextTableConflict:
    """A figure of the text and the table cell it restates, with different amounts."""

    text: Quantity
    cell: Quantity
    label: str  # the text's own words for it
    where: str  # the cell's table, row and column


TableFact = tuple[str, Quantity, str, int]  # key ("gpb:basic"), the cell, where, the table's index


def _table_facts(tables: list[FiscalTable]) -> list[TableFact]:
    """Named totals of the tables, "fiscal:grand" (the 总计 cell) or "gpb:basic" (基本支出 合计), in every
    table that states them."""
    out: list[TableFact] = []

    def put(key: str, row: FiscalRow, column: FiscalColumn, ft: FiscalTable) -> None:
        q = _whole(row, column)
        if q is not None:
            out.append((key, q, ft.where(row, column), ft.table.index))

    for ft in tables:
        scope = {"summary": "all", "fiscal_summary": "fiscal"}.get(ft.kind)
        if scope and len(ft.panels) == 2:
            grands = []
            for side, panel in zip(("income", "expense"), ft.panels, strict=True):
                if not panel.columns:
                    continue
                column = panel.columns[0]
                gpb = next((c for c in panel.columns[1:] if c.path and "一般公共预算" in c.path[-1]), None)
                for row in panel.rows:
                    if row.total and _GRAND_NAME.search(row.name):
                        put(f"{scope}:{side}_grand", row, column, ft)
                        grands.append((row, column))
                    elif _YEAR_SUM_NAME.match(row.name):
                        put(f"{scope}:{side}_year", row, column, ft)
                        if side == "expense" and scope == "fiscal" and gpb is not None:
                            put("gpb:gpb_expense_year", row, gpb, ft)
            if grands:
                put(f"{scope}:grand", *grands[0], ft)
        if ft.kind in ("expense", "gpb_expense", "income"):
            scope = "gpb" if ft.kind == "gpb_expense" else "all"
            for panel in ft.panels:
                total = next((r for r in panel.rows if r.total), None)
                if total is None:
                    continue
                for column in panel.columns:
                    last = column.path[-1] if column.path else ""
                    if ft.kind == "income":
                        if _TOTAL_HEADER.match(last) and "支出" not in last:
                            put("all:income_year", total, column, ft)
                    elif _TOTAL_HEADER.match(last):
                        put(
                            f"{scope}:expense_year" if scope == "all" else "gpb:gpb_expense_year",
                            total,
                            column,
                            ft,
                        )
                    elif last == "基本支出":
                        put(f"{scope}:basic", total, column, ft)
                    elif last == "项目支出":
                        put(f"{scope}:project", total, column, ft)
        if ft.kind == "basic":
            gpb = "一般公共预算" in ft.title
            for panel in ft.panels:
                for row in panel.rows:
                    if row.total and panel.columns:
                        if row.name.startswith("人员经费"):
                            put("gpb:personnel", row, panel.columns[0], ft)
                        elif row.name.startswith("公用经费"):
                            put("gpb:public", row, panel.columns[0], ft)
                        elif gpb and _TOTAL_NAME.fullmatch(row.name):
                            put("gpb:basic", row, panel.columns[0], ft)
    return out


def _table_fact_index(tables: list[FiscalTable]) -> dict[str, tuple[Quantity, str]]:
    """The first table's statement of each named total: "fiscal:grand" → (the 总计 cell, where)."""
    out: dict[str, tuple[Quantity, str]] = {}
    for key, q, where, _ in _table_facts(tables):
        out.setdefault(key, (q, where))
    return out


@record
class TableRelation:
    """Two tables that must agree and do not: the same total in both, or a narrower scope that is larger."""

    first: Quantity
    second: Quantity
    first_where: str
    second_where: str
    kind: str  # same (the same total) · scope (the second, a narrower scope, exceeds the first) · sum
    parts: list[tuple[Quantity, str]] = field(default_factory=list)  # sum: the parts of ``first``


# Scopes from the widest: all funds ⊇ 财政拨款 ⊇ 一般公共预算财政拨款.
_WIDER = {"fiscal": ("all",), "gpb": ("fiscal", "all")}
_SCOPED_TOTALS = {"gpb_expense_year": "expense_year"}  # the gpb name of the same measure


def table_relations(tables: list[FiscalTable]) -> list[TableRelation]:
    """Totals stated by two tables (支出决算表 合计 and 收入支出决算总表 本年支出合计), and each amount of a
    narrower scope against the same amount of a wider one (一般公共预算 ≤ 财政拨款 ≤ all funds)."""
    found: list[TableRelation] = []
    first: dict[str, tuple[Quantity, str, int]] = {}
    for key, q, where, table in _table_facts(tables):
        seen = first.get(key)
        if seen is None:
            first[key] = (q, where, table)
        elif seen[2] != table and _differ(seen[0], q):
            found.append(TableRelation(seen[0], q, seen[1], where, "same"))
    for key, (q, where, _) in first.items():
        scope, _, measure = key.partition(":")
        measure = _SCOPED_TOTALS.get(measure, measure)
        for wider in _WIDER.get(scope, ()):
            other = first.get(f"{wider}:{measure}")
            if other is not None and _exceeds(q, other[0]):
                found.append(TableRelation(other[0], q, other[1], where, "scope"))
                break
    names: dict[str, str] = {}
    by_key: dict[tuple[str, str, str], tuple[Quantity, str]] = {}
    for ft in tables:
        for key, q, where in _facts(ft, names):
            by_key.setdefault(key, (q, where))
    for (scope, code, measure), (q, where) in by_key.items():
        for wider in _WIDER.get(scope, ()):
            other = by_key.get((wider, code, measure))
            if other is not None and _exceeds(q, other[0]):
                found.append(TableRelation(other[0], q, other[1], where, "scope"))
                break
    found.extend(_basic_parts(first))
    found.extend(_basic_against_three_public(tables))
    return found


def _basic_parts(first: dict[str, tuple[Quantity, str, int]]) -> list[TableRelation]:
    """基本支出 = 人员经费 + 公用经费, each from the table that states it."""
    whole, personnel, public = (first.get(f"gpb:{k}") for k in ("basic", "personnel", "public"))
    if whole is None or personnel is None or public is None:
        return []
    total = interval_of(personnel[0]) + interval_of(public[0])
    if total.overlaps(interval_of(whole[0])):
        return []
    parts = [(personnel[0], personnel[1]), (public[0], public[1])]
    return [TableRelation(whole[0], personnel[0], whole[1], personnel[1], "sum", parts)]


# economic 科目 of the 基本支出 table that the 三公 table's items contain (the items add project spending)
_THREE_LINES = (("30212", "abroad"), ("30217", "reception"), ("30231", "car_run"))


def _basic_against_three_public(tables: list[FiscalTable]) -> list[TableRelation]:
    """公务接待费 (30217), 公务用车运行维护费 (30231) and 因公出国（境）费用 (30212) of the 基本支出 table never
    exceed the same item of the 三公 table, which holds them and the projects' share."""
    three = _three_public_facts(tables)
    if not three:
        return []
    stage = "actual" if any(s == "actual" for _, s in three) else "budget"
    found = []
    for ft in tables:
        if ft.kind != "basic":
            continue
        for panel in ft.panels:
            if not panel.columns:
                continue
            for row in panel.rows:
                item = dict(_THREE_LINES).get(row.code)
                if item is None or _three_item(row.name) != item:
                    continue  # the code and its name must both say it (codes are misread in PDFs)
                fact = three.get((item, stage))
                q = _whole(row, panel.columns[0]) if fact else None
                if q is not None and _exceeds(q, fact[0]):
                    found.append(TableRelation(fact[0], q, fact[1], ft.where(row, panel.columns[0]), "scope"))
    return found


def _exceeds(narrow: Quantity, wide: Quantity) -> bool:
    """The narrower scope's amount is larger than the wider one's beyond any rounding."""
    a, b = interval_of(narrow), interval_of(wide)
    return a.lo > b.hi


def _text_scope(label: str, section: str) -> str:
    if "一般公共预算" in label or "一般公共预算" in section:
        return "gpb"
    if "财政拨款" in label or "财政拨款" in section:
        return "fiscal"
    return "all"


def text_against_tables(doc: Document, disclosure: Disclosure) -> list[TextTableConflict]:
    """Totals the 情况说明 restates (收入支出总计, 本年支出合计, 基本支出 …) against their table cells."""
    facts = _table_fact_index(disclosure.tables)
    if not facts:
        return []
    year = doc.report_year
    found: list[TextTableConflict] = []
    for para in doc.paragraphs:
        if not para.quantities or para.heading is not None:
            continue
        section = doc.section_at(para.line)
        title = section.path()[0].title if section is not None else ""
        text = normalise(para.text)
        if "类" in text and _CHAIN.search(text):
            continue  # a 项 paragraph: its 基本支出 and 项目支出 are the 项's, not the totals (subject_paragraphs)
        for q in para.quantities:
            if q.kind is not Kind.MONEY or q.approx:
                continue
            label = _LABEL_OWNER.sub("", _TITLE_NOISE.sub("", q.label))
            if not label or _NOT_THIS_YEAR.search(label):
                continue
            years = [int(y) for y in _NAMED_YEAR.findall(q.label)]
            if year is not None and any(y != year for y in years):
                continue
            if text[q.end : q.end + 1] in ("（", "("):
                continue  # "2940.05万元（其中…）": its own breakdown follows
            measure = next((m for pattern, m in _TEXT_MEASURES if pattern.search(label)), None)
            if measure is None:
                continue
            if measure == "gpb_expense_year":
                key = "gpb:gpb_expense_year"
            elif measure in ("personnel", "public"):
                key = f"gpb:{measure}" if "基本支出" in title else ""
            else:
                scope = _text_scope(label, title)
                if measure in ("basic", "project") and scope == "fiscal":
                    scope = "gpb"
                key = f"{scope}:{measure}"
            fact = facts.get(key)
            if fact is None:
                continue
            cell, where = fact
            if not _restates(q, cell):
                found.append(TextTableConflict(q, cell, q.label.strip(), where))
    return found


# ----------------------------------------------------------------------------- 科目 paragraphs against their rows

# "公共安全支出（204类）司法（06款）行政运行（01项）" or "一般公共服务支出（类）财政事务（款）行政运行（项）":
# a 科目 chain as the 情况说明 names each 项 it explains; the code parts are optional.
# a level's name: no punctuation, digits or brackets, except the 室 of 政府办公厅（室）及相关机构事务
_LEVEL = r"(?:[^\s（()）“”\"，,。；;：:、.．\d]|[（(]室[)）]){2,40}?"
_CHAIN = lazy(
    rf"(?P<n1>{_LEVEL})[（(](?P<c1>\d{{3}})?类[)）]\s*"
    rf"(?P<n2>{_LEVEL})[（(](?P<c2>\d{{2}})?款[)）]\s*"
    rf"(?:(?P<n3>{_LEVEL})[（(](?P<c3>\d{{2}})?项[)）])?"
)
_NAME_FOLD = lazy(r"[\s“”\"'‘’]+")
# The figure a 项 paragraph gives for the year it reports: right after the chain ("…（项）”208.8万元"),
# or named as this year's budget or final amount. Never the prior year's, the 年初预算 or a change.
# …of a budget ("预算安排…", "预算数为") or of a final account ("支出决算为", "决算数"), as the tables are.
_CURRENT_LABEL = {
    "budget": lazy(r"(?:预算安排|预算数为?|预算为|^预算)$"),
    "final": lazy(r"(?:支出决算(?:数)?为?|决算数为?|决算为|^决算)$"),
}
_OTHER_LABEL = lazy(r"执行|上年|去年|同期|年初|调整|全年|比|较|增|减|下降|完成|占|其中|基本|项目|人员|公用")
_NAME_LEAD = lazy(r"^(?:年度?|[.．、])+")  # "2024年住房保障支出（类）", "1.教育（205类）"


def _fold_name(name: str) -> str:
    """A 科目 name as compared: no spaces or quotes, 其它 as 其他, 与 and 及 as 和 (社会保障与就业支出 is a
    slip of the pen for 社会保障和就业支出, not another 科目)."""
    folded = _NAME_FOLD.sub("", name).replace("其它", "其他").replace("与", "和").replace("及", "和")
    return _NAME_LEAD.sub("", folded)


def _same_name(a: str, b: str) -> bool:
    """Two names of one 科目: equal once folded, or one the other's short form (教育 / 教育支出), but never
    其他… against the name it is the rest of (其他卫生健康支出 / 卫生健康支出)."""
    a, b = _fold_name(a), _fold_name(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return bool(short) and short in long and not long.startswith(("其他", "其它"))


@record
class SubjectNameConflict:
    """A 科目 named in the text with its code, whose name in the tables is a different one."""

    line: int
    column: int
    stated: str  # the text's name for the code
    code: str
    table_name: str
    where: str  # the table that names the code
    amount: str = ""  # the paragraph's first figure for the 科目, as written


def _subject_names(tables: list[FiscalTable]) -> dict[str, tuple[str, str]]:
    """科目 code → (its name in the tables, the first table that names it)."""
    out: dict[str, tuple[str, str]] = {}
    for ft in tables:
        for panel in ft.panels:
            for row in panel.rows:
                if row.code and row.name and not row.total:
                    out.setdefault(row.code, (row.name, ft.title))
    return out


def _resolve_chain(m: regex.Match[str], names: dict[str, tuple[str, str]]) -> str | None:
    """The code a chain names: its printed code parts, else the one code whose names match at every level."""
    levels = [(m["n1"], m["c1"], 3), (m["n2"], m["c2"], 5)]
    if m["n3"]:
        levels.append((m["n3"], m["c3"], 7))
    if all(c for _, c, _ in levels):
        return "".join(c for _, c, _ in levels)
    candidates = [""]
    for name, _, length in levels:
        wanted = _fold_name(name)
        below = [c for c in names if len(c) == length and any(c.startswith(p) for p in candidates)]
        candidates = [c for c in below if _fold_name(names[c][0]) == wanted] or [
            c
            for c in below
            if _same_name(names[c][0], name)  # 教育（类） for 205 教育支出
        ]
        if not candidates:
            return None
    return candidates[0] if len(candidates) == 1 else None


def _name_conflicts(
    m: regex.Match[str], para: Paragraph, names: dict[str, tuple[str, str]]
) -> list[SubjectNameConflict]:
    """Each level printed with its code whose name is not the tables' name for that code."""
    found = []
    code = ""
    for level, part in (("n1", "c1"), ("n2", "c2"), ("n3", "c3")):
        if not m[part]:
            return found
        code += m[part]
        known = names.get(code)
        if known is None:
            continue
        stated, (table_name, title) = m[level], known
        if _fold_name(stated) and _fold_name(table_name) and not _same_name(stated, table_name):
            lead = len(stated) - len(_NAME_LEAD.sub("", stated))
            found.append(
                SubjectNameConflict(
                    para.line,
                    para.column(m.start(level) + lead),
                    _NAME_LEAD.sub("", stated),
                    code,
                    table_name,
                    title,
                )
            )
    return found


def _row_amounts(tables: list[FiscalTable]) -> dict[str, tuple[Quantity, str]]:
    """科目 code → (its 合计 amount in the 一般公共预算 支出 table, where)."""
    out: dict[str, tuple[Quantity, str]] = {}
    for ft in tables:
        if ft.kind != "gpb_expense":
            continue
        for panel in ft.panels:
            total = next(
                (c for c in panel.columns if _column_measure(ft, panel, c, "gpb") == ("gpb", "total")), None
            )
            if total is None:
                continue
            for row in panel.rows:
                q = _whole(row, total)
                if row.code and q is not None and not row.total:
                    out.setdefault(row.code, (q, ft.where(row, total)))
    return out


def subject_paragraphs(
    doc: Document, tables: list[FiscalTable]
) -> tuple[list[TextTableConflict], list[SubjectNameConflict]]:
    """Each 项 paragraph's amount for the year against its row in the 一般公共预算 支出 table, and the
    names it gives with codes against the tables' names for those codes."""
    names = _subject_names(tables)
    if not names:
        return [], []
    amounts = _row_amounts(tables)
    current = _CURRENT_LABEL["final" if genre_of(tables) == "final" else "budget"]
    year = doc.report_year
    conflicts: list[TextTableConflict] = []
    renamed: list[SubjectNameConflict] = []
    for para in doc.paragraphs:
        if "类" not in para.text or (para.heading is not None and not para.quantities):
            continue  # a short numbered 项 line ("1.教育支出（205类）…1250.36万元。") reads as a heading
        section = doc.section_at(para.line)
        if section is not None and any(
            word in s.heading.title for s in section.path() for word in ("政府性基金", "国有资本")
        ):
            continue
        text = normalise(para.text)
        chains = list(_CHAIN.finditer(text))
        for i, m in enumerate(chains):
            for r in _name_conflicts(m, para, names):
                r.amount = next((q.text for q in para.quantities if q.start >= m.end()), "")
                renamed.append(r)
            code = _resolve_chain(m, names)
            fact = amounts.get(code) if code else None
            if fact is None:
                continue
            end = chains[i + 1].start() if i + 1 < len(chains) else len(text)
            cell, where = fact
            stated: set = set()  # the head amount and "预算安排…" restate each other: one finding
            for q in para.quantities:
                if not (m.end() <= q.start < end) or q.kind is not Kind.MONEY or q.approx:
                    continue
                gap = _TITLE_NOISE.sub("", text[m.end() : q.start])
                label = _LABEL_OWNER.sub("", _TITLE_NOISE.sub("", q.label))
                if len(gap) < len(label):
                    label = gap  # "…（项）决算为521.40万元": the label runs back over the chain
                years = [int(y) for y in _NAMED_YEAR.findall(q.label)]
                if year is not None and any(y != year for y in years):
                    continue
                if gap and (_OTHER_LABEL.search(label) or not current.search(label)):
                    continue
                if not _restates(q, cell) and q.base_value not in stated:
                    stated.add(q.base_value)
                    said = f"{m[0].strip()} {q.label.strip()}" if gap else m[0].strip()
                    conflicts.append(TextTableConflict(q, cell, said, where))
    return conflicts, renamed


# ----------------------------------------------------------------------------- 三公 and 机关运行经费 in the text

# Each item of a 三公 table by the words of its column's header path, the more specific first.
_THREE_ITEMS: list[tuple[str, regex.Pattern[str]]] = [
    ("operation", lazy(r"机关运行经费")),
    ("abroad", lazy(r"因公出国")),
    ("reception", lazy(r"公务接待")),
    ("car_buy", lazy(r"(?<!及)购置费")),
    ("car_run", lazy(r"(?<!购置及)运[行转](?:维护)?费")),
    ("car", lazy(r"公务用车购置及运行|公务用车费")),
    ("total", lazy(r"三公")),
]
_THREE_FOREIGN = lazy(r"上年|去年|同期|比|较|增|减|下降|执行|调整|完成|占|平均|人均|其中")


def _three_item(words: str) -> str:
    return next((item for item, pattern in _THREE_ITEMS if pattern.search(words)), "")


def _three_public_facts(tables: list[FiscalTable]) -> dict[tuple[str, str], tuple[Quantity, str]]:
    """(item, budget | actual) → the cell of the 三公 table: ("car_run", "actual") → 公务用车运行费·决算数."""
    out: dict[tuple[str, str], tuple[Quantity, str]] = {}
    for ft in tables:
        if ft.kind != "three_public":
            continue
        for panel in ft.panels:
            if len(panel.rows) != 1:
                continue  # one row of figures, as the template has it
            for column in panel.columns:
                words = _TITLE_NOISE.sub("", "".join(column.path))
                item = _three_item(
                    _TITLE_NOISE.sub("", "".join(h for h in column.path if not _STAGE.match(h)))
                )
                if not item or (item == "total" and "合计" not in words):
                    continue
                stage = "actual" if "决算" in words else "budget"
                q = _whole(panel.rows[0], column)
                if q is not None:
                    out.setdefault((item, stage), (q, ft.where(None, column)))
    return out


_SENTENCE_MARK = lazy(r"[，,。；;]")
_NAMED_YEAR = lazy(r"((?:19|20)\d\d)年")
_NOT_A_STAGE_COLUMN = lazy(r"增|减|比|较|变动|原因|说明|备注|%")


def _three_public_row_facts(doc: Document) -> dict[tuple[str, str, int | None], tuple[Quantity, str]]:
    """The same from a 三公 table without a title that lists the items as rows ("合计 · 1、因公出国(境)费 ·
    2、公务接待费 · 3、公务用车费"), one column per year and stage (2022年预算数 · 2023年预算数): (item,
    stage, the column's year) → its cell."""
    out: dict[tuple[str, str, int | None], tuple[Quantity, str]] = {}
    for table in doc.tables:
        rows = {}
        for row in table.rows:
            label = _TITLE_NOISE.sub("", normalise(row.label))
            item = "total" if total_word(label) == "total" else _three_item(label)
            if item and item not in rows:
                rows[item] = row
        if not {"abroad", "reception"} <= set(rows) or not {"car", "car_run", "car_buy"} & set(rows):
            continue
        for c in range(1, table.width):
            header = normalise(table.column_header(c)).replace(" ", "")
            stage = "actual" if "决算" in header else "budget" if "预算" in header else ""
            if not stage or _NOT_A_STAGE_COLUMN.search(header):
                continue
            years = _NAMED_YEAR.findall(header)
            year = int(years[0]) if len(years) == 1 else None
            for item, row in rows.items():
                cell = cell_at(row, c)
                q = cell_figure(cell) if cell is not None else None
                if q is not None and q.kind is Kind.MONEY:
                    where = f"表{table.index} {row.label.strip()} · {table.column_header(c).strip()}"
                    out.setdefault((item, stage, year), (q, where))
        if out:
            break
    return out


def three_public_against_text(doc: Document, tables: list[FiscalTable]) -> list[TextTableConflict]:
    """The 三公 figures and 机关运行经费 of the 情况说明 against the 三公 table: the total, each item, budget
    (预算数, 年初预算) or final (决算数). A figure of another year, a change or a rate is never compared."""
    facts = _three_public_facts(tables)
    by_year = {} if facts else _three_public_row_facts(doc)
    if not facts and not by_year:
        return []
    final = any(key[1] == "actual" for key in [*facts, *by_year])
    year = doc.report_year
    found: list[TextTableConflict] = []
    recent = year  # the year the paragraphs above last named ("2024年，…“三公”经费…" over "1、公务接待费…")
    for para in doc.paragraphs:
        named = _NAMED_YEAR.search(para.text)
        titled = para.heading is not None and not _SENTENCE_MARK.search(
            para.text
        )  # "1、公务接待费…。" is text
        if titled or not ("三公" in para.text or "机关运行经费" in para.text or "公务" in para.text):
            recent = int(named.group(1)) if named else recent
            continue
        for q in para.quantities:
            if q.kind is not Kind.MONEY or q.approx:
                continue
            label = _TITLE_NOISE.sub("", normalise(q.label))
            if not label or _THREE_FOREIGN.search(_LABEL_OWNER.sub("", label)):
                continue
            years = [int(y) for y in _NAMED_YEAR.findall(label)]
            if year is not None and any(y != year for y in years):
                continue
            item = _three_item(label)
            if not item:
                continue
            if "决算" in label:
                stage = "actual"
            elif "预算" in label or not final:
                stage = "budget"
            else:
                continue  # a final account's figure that does not say whether it is the budget
            if by_year:
                # the figure's year, else the report's: a column of that year and stage, or the stage's only one
                when = years[0] if years else year_of(normalise(para.text), q) or recent
                fact = by_year.get((item, stage, when))
                if fact is None and when is not None:
                    stage_years = {y for i, st, y in by_year if i == item and st == stage}
                    fact = by_year.get((item, stage, None)) if stage_years == {None} else None
            else:
                fact = facts.get((item, stage))
            if fact is not None and not _restates(q, fact[0]):
                found.append(TextTableConflict(q, fact[0], q.label.strip(), fact[1]))
        recent = int(named.group(1)) if named else recent
    return found
