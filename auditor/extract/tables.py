"""What table rows and columns mean: 合计 rows, row hierarchy, and column roles.

指标 | 目标值 | 实际数 | 计划完成率 | 同比去年      → label, target, actual, rate, yoy
一、基本支出 / 1、人员经费 / 其中：… / 合计     → level 1, level 2, subset, total
"""

from __future__ import annotations

from auditor.model.document import Cell, Row, Table
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.rx import lazy

_ROLE_PATTERNS = [
    # order matters: 计划完成率 is a rate, not a target
    ("rate", lazy(r"完成率|完成比例|执行率|支出率|完成进度|完成程度")),
    # the change as an amount (本年 | 上年 | 增减额 | 增减率): current − prior
    (
        "delta",
        lazy(
            r"(?:增减|增加|减少|增长|变动|差异)(?:金额|数额|额)(?!度)|增减(?:变动额|值|数)|^差额|增减\s*[（(]\s*万?元"
            r"|(?:预算|决算)(?:数|金额)增减$"  # "2023年预算数增减": this year's budget less last year's
        ),
    ),
    ("yoy", lazy(r"同比|增幅|增长率|增减率|比上年|较上年|变动率|增减幅度|增减\s*[（(]?\s*[%％]")),
    ("prior", lazy(r"上年|去年|上一年|上年度|上年同期")),
    ("target", lazy(r"目标值|目标数|计划数|计划值|预期值|预期目标|年度目标|全年目标|任务数|指标值")),
    ("actual", lazy(r"实际数|实际值|实际完成|完成数|完成值|实际|执行数|决算数")),
    # this period's figure beside last year's (本期 | 上年同期 | 增长率): compared in a yoy column only
    ("current", lazy(r"^(?:本期|本年度?|当年|今年)(?:数|金额|发生额|累计)?(?:[（(][^）)]*[）)])?$")),
]
_AMOUNT_HEADER = lazy(r"万?元|金额|额")
_RATE_HEADER = lazy(r"%|％|率|幅|百分")
_TOTAL_ROW = lazy(r"^(?:合\s*计|总\s*计|共\s*计|总\s*额|总\s*数)$")
_SUBTOTAL_ROW = lazy(r"^小\s*计$")
# the total of one side of a 收支 table: "收入总计 | 113.38", "支出合计 | …"
_SIDE_TOTAL_ROW = lazy(r"^(?:收入|支出)(?:总计|合计)$")
SUBSET_ROW = lazy(r"^(?:其中|含)[：:、,，]?")  # "其中：公务用车运行维护费", "含：…"
_LEVELS = [
    (1, lazy(r"^[一二三四五六七八九十]+[、.．]")),
    (2, lazy(r"^(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．]|\d{1,2}\.(?!\d))")),
    (3, lazy(r"^[（(]\d{1,2}[）)]")),
]
_EMPTY = {"", "-", "—", "－", "/", "／", "0", "0.00"}


def _header_text(cell: Cell) -> str:
    return normalise(cell.text).replace(" ", "")


def column_roles(table: Table) -> list[str]:
    """One role per column: label, target, actual, rate, delta, yoy, prior, current, or value."""
    roles = []
    for i, cell in enumerate(table.header.cells):
        text = _header_text(cell)
        role = "label" if i == 0 else "value"
        if i > 0:
            for name, pattern in _ROLE_PATTERNS:
                if pattern.search(text):
                    role = name
                    break
            if role == "yoy" and _AMOUNT_HEADER.search(text) and not _RATE_HEADER.search(text):
                role = "delta"  # 比上年增减（万元）
        roles.append(role)
    return roles


@record
class RowKind:
    """What a row's label makes it: a total, a subtotal, a 其中 subset or an item, and its level."""

    kind: str  # total | subtotal | subset | item
    level: int  # 1 一、 · 2 （一）/1、 · 3 （1） · 0 no ordinal


def total_word(text: str) -> str:
    """ "total" for a cell saying 合计/总计/共计…, "subtotal" for 小计, "" otherwise."""
    compact = normalise(text).strip().replace(" ", "")
    if _TOTAL_ROW.match(compact):
        return "total"
    if _SUBTOTAL_ROW.match(compact):
        return "subtotal"
    return ""


def row_kind(row: Row) -> RowKind:
    label = normalise(row.cells[0].text).strip() if row.cells else ""
    compact = label.replace(" ", "")
    word = total_word(label)
    if word:
        return RowKind(word, 0)
    if SUBSET_ROW.match(compact):
        return RowKind("subset", 0)
    for level, pattern in _LEVELS:
        if pattern.match(label):
            return RowKind("item", level)
    return RowKind("item", 0)


_BRACKETED_NUMERAL = lazy(r"^[（(][一二三四五六七八九十]+[）)]")
_DIGIT_ORDINAL = lazy(r"^(?:\d{1,2}[、．]|\d{1,2}\.(?!\d))")


def row_kinds(table: Table) -> list[RowKind]:
    """Each row's kind. A table numbering its rows with both （一） and 1、 nests 1、 under （一） (and （1）
    under 1、): "一、地方收入 ⏎ （一）税收收入 ⏎ 1、增值税"; one using only one of them puts it right under 一、."""
    kinds = [row_kind(r) for r in table.rows]
    labels = [normalise(r.cells[0].text).strip() if r.cells else "" for r in table.rows]
    if labels and _SIDE_TOTAL_ROW.match(labels[0].replace(" ", "")):
        # "收入总计 | 113.38" over 一、本级收入 · 二、转移性收入: one side's total, first (below the rows, a 收入总计
        # may add carry-overs to a 收入合计 the rows are not numbered to tell apart)
        kinds[0] = RowKind("total", 0)
    if any(_BRACKETED_NUMERAL.match(t) for t in labels) and any(_DIGIT_ORDINAL.match(t) for t in labels):
        kinds = [
            RowKind(k.kind, k.level + 1) if k.level >= 3 or (k.level == 2 and _DIGIT_ORDINAL.match(t)) else k
            for k, t in zip(kinds, labels, strict=True)
        ]
    return kinds


def cell_figure(cell: Cell) -> Quantity | None:
    """The single figure of a numeric cell (None for text, several figures, or approximations)."""
    if len(cell.quantities) != 1:
        return None
    q = cell.quantities[0]
    rest = normalise(cell.text).replace(normalise(q.text), "", 1).strip()
    if q.approx or len(rest) > 2:  # "100%" is a figure; "≥90%以上…" or prose with a number is not
        return None
    return q


def is_empty_value(cell: Cell | None) -> bool:
    """A cell that stands for zero in a column of amounts: empty, 0, -, —, /."""
    return cell is None or normalise(cell.text).replace(" ", "") in _EMPTY


def cell_at(row: Row, column: int) -> Cell | None:
    return row.cells[column] if column < len(row.cells) else None


def is_amount_column(table: Table, column: int) -> bool:
    """A column whose figures are money or counts (the ones a 合计 row adds up). A column headed as a rate
    (比上年增减% | 完成率) is none, even when the table's 单位：万元 gave its bare cells a unit."""
    header = cell_at(table.header, column)
    if header is not None:
        text = _header_text(header)
        if _RATE_HEADER.search(text) and not _AMOUNT_HEADER.search(text):
            return False
    kinds = set()
    rates = amounts = 0
    for row in table.rows:
        cell = cell_at(row, column)
        q = cell_figure(cell) if cell else None
        if q is not None and q.kind is Kind.PERCENT and q.inherited_unit:
            rates += 1  # "税收收入占总收入的比例% | 60.91": a row of its own kind among the amounts
            continue
        if q is not None:
            kinds.add((q.kind, q.base_unit))
            amounts += 1
    if len(kinds) != 1 or rates * 3 > amounts:
        return False
    kind = next(iter(kinds))[0]
    if kind is Kind.PLAIN:
        # bare figures without a unit anywhere ("本年收入计划 | 累计完成数 | 上年同期数"): amounts when their
        # header says so
        return header is not None and bool(_PLAIN_AMOUNT_HEADER.search(_header_text(header)))
    return kind in (Kind.MONEY, Kind.COUNT)


_PLAIN_AMOUNT_HEADER = lazy(r"(?:预算|决算|执行|完成|收入|支出|同期|计划|实际)(?:数|额|金额)?$|金额$|数额$")


def first_figure(table: Table) -> Quantity | None:
    """The table's first non-zero figure: an amount, else a count, else a plain number that is not a 科目
    code (codes stand in the first columns, as whole numbers without separators). None: the table is empty."""
    figures = [(cell, q) for row in table.rows for cell in row.cells for q in cell.quantities if q.value != 0]
    for kind in (Kind.MONEY, Kind.COUNT):
        found = next((q for _, q in figures if q.kind is kind), None)
        if found is not None:
            return found
    return next(
        (
            q
            for cell, q in figures
            if q.kind is Kind.PLAIN and (cell.column >= 3 or q.decimals or "," in q.text)
        ),
        None,
    )
