"""The standard tables of a 部门决算公开 (auditor.extract.fiscal) as Word tables and through PDF: S102 and V101.

Each fixture under fixtures/disclosure/ holds consistent tables of an invented unit, one row a line with
cells split by " | " ("<" merges a cell into the one on its left, "^" into the one above). A test builds a
.docx from them with python-docx (the title and 单位：万元 above each table, merged header cells), plants
at most one slip, and for the PDF cases LibreOffice converts every document in one call.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import regex
from helpers import ROOT, SAMPLES

from auditor import load
from auditor.engine import analyse, check_paths
from auditor.extract.fiscal import read_disclosure
from auditor.model.document import Document

FIXTURES = ROOT / "tests" / "fixtures" / "disclosure"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
UNIT = "上海市临江区档案局"


# ----------------------------------------------------------------------------- fixtures into .docx


@dataclass
class TableSpec:
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)  # cm per column
    repeat_header: int = 0  # rows repeated at the top of every page


def read_fixture(name: str) -> list[str | TableSpec]:
    """Paragraphs and tables of a fixture file, in order ("@widths", "@repeat-header" set the next table)."""
    blocks: list[str | TableSpec] = []
    options: dict[str, list[str]] = {}
    table: TableSpec | None = None  # the table whose rows are being read
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("@"):
            key, *values = line[1:].split()
            options[key] = values
        elif "|" in line and not line.startswith("#"):
            cells = [c.strip() for c in line.split("|")]
            if table is None:
                widths = [float(w) for w in options.pop("widths", [])]
                table = TableSpec([], widths, int(options.pop("repeat-header", ["0"])[0]))
                blocks.append(table)
            table.rows.append(cells)
        else:
            table = None
            if line.strip() and not line.startswith("#"):
                blocks.append(line.strip())
    return blocks


def only_table(name: str) -> TableSpec:
    (table,) = [b for b in read_fixture(name) if isinstance(b, TableSpec)]
    return table


@dataclass(frozen=True)
class Slip:
    """One figure typed wrong: in the row with a cell ``row``, column ``column`` reads ``new``, not ``old``."""

    row: str
    column: int
    old: str
    new: str


def plant(blocks: list[str | TableSpec], slips: tuple[Slip, ...]) -> None:
    for slip in slips:
        hits = [
            row
            for b in blocks
            if isinstance(b, TableSpec)
            for row in b.rows
            if slip.row in row and slip.column < len(row) and row[slip.column] == slip.old
        ]
        assert len(hits) == 1, slip
        hits[0][slip.column] = slip.new


def _add_table(document, spec: TableSpec, merge_across: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    rows = spec.rows
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    grid = [row.cells for row in table.rows]  # table.cell() walks the whole table on every call
    if spec.widths:
        table.autofit = False
        for c, w in enumerate(spec.widths):
            table.columns[c].width = Cm(w)
            for cells in grid:
                cells[c].width = Cm(w)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text not in ("<", "^", ""):
                grid[r][c].text = text
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text in ("<", "^"):
                continue
            right = c
            while merge_across and right + 1 < width and row[right + 1] == "<":
                right += 1
            down = r
            while down + 1 < len(rows) and rows[down + 1][c] == "^":
                down += 1
            if (down, right) != (r, c):
                table.cell(r, c).merge(table.cell(down, right))
    for r in range(spec.repeat_header):
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        table.rows[r]._tr.get_or_add_trPr().append(flag)


def new_document():
    """A Word document set as these reports are: 五号 (10.5 pt) text, no space after paragraphs."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(0)
    document.add_paragraph(f"{UNIT}2024年度部门决算")
    return document


def build_docx(
    path: Path,
    fixtures: tuple[str, ...],
    slips: tuple[Slip, ...] = (),
    merge_across: bool = False,
    aligned: bool = True,
) -> Path:
    """A 决算公开 .docx of the fixtures' tables, with one slip planted or none."""
    blocks = [b for name in fixtures for b in read_fixture(name)]
    plant(blocks, slips)
    return save_docx(path, blocks, merge_across, aligned)


def save_docx(
    path: Path, blocks: list[str | TableSpec], merge_across: bool = False, aligned: bool = True
) -> Path:
    """``merge_across``: "<" cells merged (w:gridSpan), not left empty; ``aligned``: titles centred and
    单位 lines to the right, as the published tables set them (else every line to the left)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = new_document()
    for block in blocks:
        if isinstance(block, TableSpec):
            _add_table(document, block, merge_across)
            continue
        paragraph = document.add_paragraph(block)
        if aligned and regex.match(r"表\d", block):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif aligned and block.startswith("单位："):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(str(path))
    return path


# ----------------------------------------------------------------------------- the cases


@dataclass(frozen=True)
class Expected:
    rule: str
    row: str  # a cell naming the row of the stated figure
    column: int
    message: str


@dataclass(frozen=True)
class Case:
    fixtures: tuple[str, ...]
    slips: tuple[Slip, ...] = ()
    expected: tuple[Expected, ...] = ()


def _long_terms() -> str:
    """The five 类 rows of expense-long.tables in 本年支出合计, as a finding lists them."""
    rows = only_table("expense-long.tables").rows
    shown = [r[4] for r in rows if regex.fullmatch(r"\d{3}", r[0]) and not r[1]]
    assert len(shown) == 5
    return " + ".join(shown)


EXPENSE_LABEL = "支出决算表 2080505 机关事业单位基本养老保险缴费支出"
BASIC = "一般公共预算财政拨款基本支出决算表"
THREE = "财政拨款三公经费支出决算表"  # the title as findings name it: quotes dropped

CASES: dict[str, Case] = {
    # 1. the two-panel 收入支出决算总表
    "summary": Case(("summary.tables",)),
    "summary-income-slip": Case(
        ("summary.tables",),
        (Slip("三、事业收入", 1, "96.20", "96.30"),),
        (
            Expected(
                "S102",
                "本年收入合计",
                1,
                "表内合计不符（收入支出决算总表 本年收入合计 · 收入·决算数）："
                "1,180.40 + 96.30 + 12.00 = 1288.70万元，表中写 1,288.60万元",
            ),
        ),
    ),
    "summary-unbalanced": Case(
        ("summary.tables",),
        (Slip("年末结转和结余", 3, "99.26", "99.36"), Slip("支出总计", 3, "1,423.75", "1,423.85")),
        (
            Expected(
                "S102",
                "支出总计",
                3,
                "收支总表不平衡（收入支出决算总表 支出总计 · 支出·决算数）：收入总计 1,423.75万元，支出总计 1,423.85万元",
            ),
        ),
    ),
    # 2. 支出决算表, 科目编码 in 类 | 款 | 项; a 项 cell's slip shows at its 款 and in its row's 合计 column
    "expense": Case(("expense.tables",)),
    "expense-item-slip": Case(
        ("expense.tables",),
        (Slip("机关事业单位基本养老保险缴费支出", 5, "217.81", "217.18"),),
        (
            Expected(
                "S102",
                "行政事业单位养老支出",
                5,
                "表内合计不符（支出决算表 20805 行政事业单位养老支出 · 基本支出）："
                "217.18 + 108.91 = 326.09万元，表中写 326.72万元",
            ),
            Expected(
                "S102",
                "机关事业单位基本养老保险缴费支出",
                4,
                f"表内合计不符（{EXPENSE_LABEL} · 本年支出合计）：217.18 = 217.18万元，表中写 217.81万元",
            ),
        ),
    ),
    "expense-category-slip": Case(
        ("expense.tables",),
        (Slip("一般公共服务支出", 6, "193.80", "198.30"),),
        (
            Expected(
                "S102",
                "一般公共服务支出",
                6,
                "表内合计不符（支出决算表 201 一般公共服务支出 · 项目支出）：193.80 = 193.80万元，表中写 198.30万元",
            ),
            Expected(
                "S102",
                "一般公共服务支出",
                4,
                "表内合计不符（支出决算表 201 一般公共服务支出 · 本年支出合计）："
                "632.55 + 198.30 = 830.85万元，表中写 826.35万元",
            ),
            Expected(
                "S102",
                "合计",
                6,
                "表内合计不符（支出决算表 合计 · 项目支出）：198.30 = 198.30万元，表中写 193.80万元",
            ),
        ),
    ),
    # 3. the same table, 65 科目 rows over two pages with the header repeated
    "long": Case(("expense-long.tables",)),
    "long-total-slip": Case(
        ("expense-long.tables",),
        (Slip("合计", 4, "5,153.70", "5,153.07"),),
        (
            Expected(
                "S102",
                "合计",
                4,
                f"表内合计不符（支出决算表 合计 · 本年支出合计）：{_long_terms()} = 5153.70万元，表中写 5,153.07万元",
            ),
            Expected(
                "S102",
                "合计",
                4,
                "表内合计不符（支出决算表 合计 · 本年支出合计）：4,655.70 + 498.00 = 5153.70万元，表中写 5,153.07万元",
            ),
        ),
    ),
    # 5. 基本支出 by 经济分类, two panels side by side
    "basic": Case(("basic.tables",)),
    "basic-left-slip": Case(
        ("basic.tables",),
        (Slip("津贴补贴", 2, "322.85", "322.58"),),
        (
            Expected(
                "S102",
                "工资福利支出",
                2,
                f"表内合计不符（{BASIC} 301 工资福利支出 · 人员经费·决算数）："
                "301.20 + 322.58 + 25.10 + 145.38 + 73.89 = 868.15万元，表中写 868.42万元",
            ),
        ),
    ),
    "basic-right-slip": Case(
        ("basic.tables",),
        (Slip("公用经费合计", 5, "198.21", "198.12"),),
        (
            Expected(
                "S102",
                "公用经费合计",
                5,
                f"表内合计不符（{BASIC} 公用经费合计 · 公用经费·决算数）：186.37 + 11.84 = 198.21万元，表中写 198.12万元",
            ),
        ),
    ),
    # 6. 三公经费, a two-level merged header and one row of figures
    "three-public": Case(("three-public.tables",)),
    "three-public-total-slip": Case(
        ("three-public.tables",),
        (Slip("12.50", 0, "12.50", "12.60"),),
        (
            Expected(
                "S102",
                "2.20",
                0,
                f"表内合计不符（{THREE} · 合计）：2.00 + 8.30 + 2.20 = 12.50万元，表中写 12.60万元",
            ),
        ),
    ),
    "three-public-subtotal-slip": Case(
        ("three-public.tables",),
        (Slip("12.50", 4, "8.30", "8.03"),),
        (Expected("S102", "2.20", 2, f"表内合计不符（{THREE} · 小计）：8.03 = 8.03万元，表中写 8.30万元"),),
    ),
    # 7. the same 科目 in 收入支出决算总表 and 支出决算表 (the 总表 kept balanced around the slip)
    "cross": Case(("summary.tables", "expense.tables")),
    "cross-slip": Case(
        ("summary.tables", "expense.tables"),
        (
            Slip("二、社会保障和就业支出", 3, "326.72", "326.71"),
            Slip("本年支出合计", 3, "1,324.49", "1,324.48"),
            Slip("年末结转和结余", 3, "99.26", "99.27"),
        ),
        (
            Expected(
                "V101",
                "社会保障和就业支出",
                4,
                "同一科目在两张表中金额不同：收入支出决算总表 社会保障和就业支出 · 支出·决算数 为 326.71万元，"
                "支出决算表 208 社会保障和就业支出 · 本年支出合计 为 326.72万元",
            ),
            # the 总表's 本年支出合计 moved with the slip: it is no longer the 支出决算表's 合计
            Expected(
                "F101",
                "合计",
                -3,  # 本年支出合计, from the right: the label spans the code columns in .docx, not in PDF
                "两表同一合计数不一致：收入支出决算总表 本年支出合计 · 支出·决算数 为 1,324.48万元，"
                "支出决算表 合计 · 本年支出合计 为 1,324.49万元",
            ),
        ),
    ),
    # 8. regressions: a code printed short; tables with nothing in them
    "short-code": Case(("basic-short-code.tables",)),
    "short-code-slip": Case(
        ("basic-short-code.tables",),
        (Slip("水费", 3, "3.12", "3.21"),),
        (
            Expected(
                "S102",
                "商品和服务支出",
                3,
                f"表内合计不符（{BASIC} 302 商品和服务支出 · 决算数）：24.60 + 3.21 + 18.75 + 9.40 = 55.96万元，表中写 55.87万元",
            ),
        ),
    ),
    "empty": Case(("empty.tables",)),
}
# Documents converted only to PDF: (fixtures, build options)
PDF_ONLY: dict[str, tuple[tuple[str, ...], dict[str, bool]]] = {
    "three-public-left-aligned": (("three-public.tables",), {"aligned": False}),
    "split-row": (("expense-split-row.tables",), {}),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Every case as a PDF, built with merged header cells; one soffice call converts them all."""
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("disclosure-pdf")
    sources = [
        build_docx(out / f"{name}.docx", case.fixtures, case.slips, merge_across=True)
        for name, case in CASES.items()
    ]
    sources += [
        build_docx(out / f"{name}.docx", fixtures, merge_across=True, **options)
        for name, (fixtures, options) in PDF_ONLY.items()
    ]
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{out}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    paths = {s.stem: s.with_suffix(".pdf") for s in sources}
    assert all(p.is_file() for p in paths.values())
    return paths


def case_path(name: str, fmt: str, tmp_path: Path, request) -> Path:
    if fmt == "pdf":
        return request.getfixturevalue("pdfs")[name]
    case = CASES[name]
    # The docx loader reads a horizontally merged cell as one cell (see test_docx_merged_across_*), so
    # the Word documents leave "<" cells empty; vertical merges are real merges.
    return build_docx(tmp_path / f"{name}.docx", case.fixtures, case.slips)


def _squeeze(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def cell_line(doc: Document, row: str, column: int) -> int:
    """The line of a cell, found by another cell of its row (text compared without spaces)."""
    hits = [
        r
        for t in doc.tables
        for r in [t.header, *t.rows]
        if _squeeze(row) in [_squeeze(c.text) for c in r.cells]
    ]
    assert len(hits) == 1, (row, len(hits))
    return hits[0].cells[column].line


def table_findings(path: Path) -> list[tuple[str, int, str]]:
    """Every finding of every rule (the generic table checks must leave these tables to S102 and V101)."""
    report = check_paths([path])
    assert report.errors == []
    return sorted((f.rule, f.line, f.message) for f in report.findings)


FORMATS = ("docx", "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(CASES))
def test_each_case_raises_exactly_its_findings(name, fmt, tmp_path, request):
    path = case_path(name, fmt, tmp_path, request)
    doc = load(path)
    expected = sorted((e.rule, cell_line(doc, e.row, e.column), e.message) for e in CASES[name].expected)
    assert table_findings(path) == expected


# ----------------------------------------------------------------------------- the model of each table


def _columns(ft) -> list[list[str]]:
    return [c.path for p in ft.panels for c in p.columns]


@pytest.mark.parametrize("fmt", FORMATS)
def test_summary_has_two_panels_and_its_sums(fmt, tmp_path, request):
    d = analyse(case_path("summary", fmt, tmp_path, request)).disclosure
    (ft,) = d.tables
    assert (ft.title, ft.kind, len(ft.panels)) == ("收入支出决算总表", "summary", 2)
    assert _columns(ft) == [["收入", "决算数"], ["支出", "决算数"]]
    income, expense = ft.panels
    assert [r.name for r in income.rows if r.total] == ["本年收入合计", "收入总计"]
    assert [r.name for r in expense.rows if r.level == 1] == [
        "一般公共服务支出",
        "社会保障和就业支出",
        "卫生健康支出",
        "住房保障支出",
    ]
    sums = sorted((s.kind, s.where, str(s.whole.value), [str(p.value) for p in s.parts]) for s in d.sums)
    assert sums == [
        ("balance", "收入支出决算总表 支出总计 · 支出·决算数", "1423.75", ["1423.75"]),
        ("carry", "收入支出决算总表 支出总计 · 支出·决算数", "1423.75", ["1324.49", "99.26"]),
        ("carry", "收入支出决算总表 收入总计 · 收入·决算数", "1423.75", ["1288.60", "135.15"]),
        (
            "total",
            "收入支出决算总表 本年支出合计 · 支出·决算数",
            "1324.49",
            ["826.35", "326.72", "74.90", "96.52"],
        ),
        ("total", "收入支出决算总表 本年收入合计 · 收入·决算数", "1288.60", ["1180.40", "96.20", "12.00"]),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_expense_codes_from_three_columns(fmt, tmp_path, request):
    d = analyse(case_path("expense", fmt, tmp_path, request)).disclosure
    (ft,) = d.tables
    assert (ft.title, ft.kind) == ("支出决算表", "expense")
    (panel,) = ft.panels
    assert (panel.code_columns, panel.label_column) == ([0, 1, 2], 3)
    assert _columns(ft) == [["本年支出合计"], ["基本支出"], ["项目支出"]]
    rows = [(r.code, r.level) for r in panel.rows]
    assert rows[:5] == [("201", 1), ("20126", 2), ("2012601", 3), ("2012604", 3), ("2012699", 3)]
    assert len(rows) == 16 and [r.name for r in panel.rows if r.total] == ["合计"]
    kinds = sorted({s.kind for s in d.sums})
    assert kinds == ["columns", "rows", "total"]
    # each 类 and 款 row in each column where it has a figure (no 项目支出 in 208, 210, 221): 3 + 2 + 2 + 2
    # 类 and as many 款; the 合计 row in each column; every row's 本年支出合计 = 基本支出 + 项目支出
    assert sum(s.kind == "rows" for s in d.sums) == 2 * 9
    assert sum(s.kind == "total" for s in d.sums) == 3
    assert sum(s.kind == "columns" for s in d.sums) == 16


@pytest.mark.parametrize("fmt", FORMATS)
def test_basic_expenditure_two_panels_side_by_side(fmt, tmp_path, request):
    d = analyse(case_path("basic", fmt, tmp_path, request)).disclosure
    (ft,) = d.tables
    assert (ft.title, ft.kind) == (BASIC, "basic")
    assert [(p.code_columns, p.label_column) for p in ft.panels] == [([0], 1), ([3], 4)]
    assert _columns(ft) == [["人员经费", "决算数"], ["公用经费", "决算数"]]
    left, right = ft.panels
    assert [r.code for r in left.rows if r.level == 1] == ["301", "303"]
    assert [r.code for r in right.rows if r.level == 1] == ["302", "310"]
    assert [r.name for r in left.rows if r.total] == ["人员经费合计"]
    assert [r.name for r in right.rows if r.total] == ["公用经费合计"]
    wheres = sorted(s.where for s in d.sums if s.kind == "total")
    assert wheres == [f"{BASIC} 人员经费合计 · 人员经费·决算数", f"{BASIC} 公用经费合计 · 公用经费·决算数"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_three_public_header_paths_and_sums(fmt, tmp_path, request):
    d = analyse(case_path("three-public", fmt, tmp_path, request)).disclosure
    (ft,) = d.tables
    assert (ft.title, ft.kind, ft.header_rows) == (THREE, "three_public", 1)
    assert _columns(ft) == [
        ["合计"],
        ["因公出国（境）费"],
        ["公务用车购置及运行费", "小计"],
        ["公务用车购置及运行费", "购置费"],
        ["公务用车购置及运行费", "运行费"],
        ["公务接待费"],
    ]
    sums = sorted((s.where, str(s.whole.value), [str(p.value) for p in s.parts]) for s in d.sums)
    assert sums == [
        (f"{THREE} · 合计", "12.50", ["2.00", "8.30", "2.20"]),
        (f"{THREE} · 小计", "8.30", ["8.30"]),  # 购置费 is empty: zero
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_code_printed_short_is_no_code_of_its_level(fmt, tmp_path, request):
    d = analyse(case_path("short-code", fmt, tmp_path, request)).disclosure
    (ft,) = d.tables
    (panel,) = ft.panels
    short = next(r for r in panel.rows if r.name == "津贴补贴")
    assert (short.code, short.level) == ("3012", 0)
    # 301's rows cannot be trusted and the 合计 row neither; 302 is still checked
    assert [s.where for s in d.sums if s.kind == "rows"] == [f"{BASIC} 302 商品和服务支出 · 决算数"]
    assert not any(s.kind == "total" for s in d.sums)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_tables_are_read_without_sums(fmt, tmp_path, request):
    path = case_path("empty", fmt, tmp_path, request)
    doc = load(path)
    assert len(doc.tables) == 2
    assert read_disclosure(doc).sums == []
    report = check_paths([path])
    assert report.errors == [] and [f for f in report.findings if f.rule == "S102"] == []


def test_a_total_over_empty_parts_is_reported_not_crashed(tmp_path):
    """合计 3.00 over rows that are all empty: the sum of no parts is 0 (a Decimal, never a float)."""
    blocks = read_fixture("empty.tables")
    table = blocks[2]
    assert isinstance(table, TableSpec)
    table.rows[1:] = [
        ["229", "其他支出", "", "", "", ""],
        ["22960", "彩票公益金安排的支出", "", "", "", ""],
        ["", "合计", "", "", "3.00", ""],
    ]
    path = save_docx(tmp_path / "whole-only.docx", blocks)
    doc = load(path)
    line = cell_line(doc, "合计", 4)
    note = next(n.number for n in doc.lines if n.text.startswith("注：本单位2024年度没有使用政府性基金"))
    # the 合计 row = Σ top-level rows and the 合计 column's own check give the same message (set, not list)
    assert set(table_findings(path)) == {
        ("T101", note, "模板残留（表下写“本表为空表”，表中却有数字：3.00）：“故本表为空表”"),
        (
            "S102",
            line,
            "表内合计不符（政府性基金预算财政拨款收入支出决算表 合计 · 本年支出）：0 = 0.00万元，表中写 3.00万元",
        ),
    }


# ----------------------------------------------------------------------------- PDF only: pages and wrapping


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_long_table_over_two_pages_is_one_table(pdfs):
    doc = load(pdfs["long"])
    assert len(doc.tables) == 1
    pages = {doc.lines[c.line - 1].page for r in doc.tables[0].rows for c in r.cells}
    assert pages == {1, 2}
    (ft,) = read_disclosure(doc).tables
    (panel,) = ft.panels
    spec = only_table("expense-long.tables")
    codes = ["".join(r[:3]) for r in spec.rows[2:-1]]
    assert [r.code for r in panel.rows if r.code] == codes  # the header repeated on page 2 is no row
    assert len(panel.rows) == 66 and panel.rows[-1].total
    rows_sums = [s for s in read_disclosure(doc).sums if s.kind == "rows"]
    assert len(rows_sums) == (5 + 15) * 3  # every 类 and 款 row, in three columns


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_long_table_total_cites_rows_of_both_pages(pdfs):
    report = check_paths([pdfs["long-total-slip"]])
    doc = load(pdfs["long-total-slip"])
    total = next(f for f in report.findings if f.rule == "S102" and "724.08" in f.message)
    assert {doc.lines[n - 1].page for n in total.lines} == {1, 2}


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_wrapped_name_is_one_name(pdfs):
    import shutil
    import subprocess

    name = "机关事业单位基本养老保险缴费支出"
    if shutil.which("pdftotext"):  # poppler shows the printed lines: the narrow column wraps the name
        printed = subprocess.run(
            ["pdftotext", "-layout", str(pdfs["expense"]), "-"], capture_output=True, text=True
        ).stdout
        assert not any(name in _squeeze(line) for line in printed.splitlines())
    (ft,) = read_disclosure(load(pdfs["expense"])).tables
    assert [r.label for r in ft.panels[0].rows if r.code == "2080505"] == [f"2080505 {name}"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_left_aligned_title_lines_stay_lines(pdfs):
    doc = load(pdfs["three-public-left-aligned"])
    texts = [line.text for line in doc.lines if line.role != "cell"]
    # the space after 表7 is a gap PDFium does not report as a character: compare without spaces
    assert [t.replace(" ", "") for t in texts[:3]] == [
        f"{UNIT}2024年度部门决算",
        "表7财政拨款“三公”经费支出决算表",
        "单位：万元",
    ]
    assert [ft.title for ft in read_disclosure(doc).tables] == [THREE]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_row_split_at_a_page_break_is_one_row(pdfs):
    from auditor.loaders.pdfium import extract

    later = [row for page in extract(str(pdfs["split-row"]))[1:] for t in page.tables for row in t.rows]
    split = [r for r in later if not r[0] and any(r) and not any(ch.isdigit() for c in r if c for ch in c)]
    if not split:
        pytest.skip("no row was split at a page break in this rendering")  # fonts differ from here
    spec = only_table("expense-split-row.tables")
    labels = [f"{''.join(r[:3])} {r[3]}" for r in spec.rows[1:-1]]
    (ft,) = read_disclosure(load(pdfs["split-row"])).tables
    assert [r.label for r in ft.panels[0].rows if not r.total] == labels


# ----------------------------------------------------------------------------- a Word table merged across


@pytest.mark.parametrize(
    "name,columns",
    [
        ("summary", [["收入", "决算数"], ["支出", "决算数"]]),
        ("expense", [["本年支出合计"], ["基本支出"], ["项目支出"]]),
        ("basic", [["人员经费", "决算数"], ["公用经费", "决算数"]]),
        (
            "three-public",
            [
                ["合计"],
                ["因公出国（境）费"],
                ["公务用车购置及运行费", "小计"],
                ["公务用车购置及运行费", "购置费"],
                ["公务用车购置及运行费", "运行费"],
                ["公务接待费"],
            ],
        ),
    ],
)
def test_docx_merged_across_reads_like_the_pdf(name, columns, tmp_path):
    case = CASES[name]
    path = build_docx(tmp_path / f"{name}.docx", case.fixtures, case.slips, merge_across=True)
    doc = load(path)
    (ft,) = read_disclosure(doc).tables
    assert _columns(ft) == columns
    assert table_findings(path) == []
    assert all(len(r.cells) == doc.tables[0].width for r in [doc.tables[0].header, *doc.tables[0].rows])


# ----------------------------------------------------------------------------- 8. prose regressions (S101)

BUDGET = (
    f"{UNIT}2025年部门预算编制说明\n"
    "一、收入预算情况\n"
    "2025年，本单位收入预算1212.12万元，其中：财政拨款收入950.12万元，比上年增加0.46万元；"
    "事业收入262.00万元，比上年减少3.20万元；其他收入0.00万元。\n"
    "二、专项资金预算情况\n"
    "2025年度专项资金预算500.00万，其中支持档案数字化120.00万，支持商销稳增长30.00万，支持馆藏修复350.00万。\n"
)


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("", "", []),
        (
            "事业收入262.00万元",
            "事业收入263.00万元",
            [("S101", 3, "合计不符：950.12 + 263.00 + 0.00 = 1213.12万元，文中写 1212.12万元")],
        ),
        (
            "馆藏修复350.00万",
            "馆藏修复355.00万",
            [("S101", 5, "合计不符：120.00 + 30.00 + 355.00 = 505.00万元，文中写 500.00万元")],
        ),
    ],
    ids=["consistent", "income-slip", "programme-slip"],
)
def test_change_amounts_are_no_parts_and_programmes_are(check, old, new, expected):
    """比上年增加0.46万元 is neither part nor whole; 支持商销稳增长30.00万 is a part, not a change."""
    text = BUDGET.replace(old, new, 1) if old else BUDGET
    found = [(f.rule, f.line, f.message) for f in check(text)]
    assert found == expected


# ----------------------------------------------------------------------------- 9. other tables keep their reading


EVALUATION = ROOT / "tests" / "fixtures" / "evaluation-consistent.txt"


def test_evaluation_tables_are_no_disclosure_tables(tmp_path):
    doc = load(EVALUATION)
    assert len(doc.tables) == 2 and read_disclosure(doc).tables == []
    assert check_paths([EVALUATION]).findings == []
    path = tmp_path / "evaluation.txt"
    path.write_text(
        EVALUATION.read_text(encoding="utf-8").replace("A2资源配置（8分）", "A2资源配置（9分）", 1)
    )
    report = check_paths([path])
    found = [(f.rule, f.line, f.stated, f.expected) for f in report.findings]
    assert found == [("G101", 38, "14分", "15分"), ("G101", 53, "9分", "8分")]  # A部门决策 and A2资源配置


def test_expense_table_of_an_evaluation_keeps_the_plain_table_check(tmp_path):
    """部门支出决算情况表 in a 自评报告 is no standard table: its 合计 row is checked as any table's."""
    source = SAMPLES / "self-evaluation-2023.txt"
    assert read_disclosure(load(source)).tables == []
    path = tmp_path / "self-evaluation.txt"
    path.write_text(source.read_text(encoding="utf-8").replace("\t1875.44", "\t1885.44", 1), encoding="utf-8")
    found = [(f.rule, f.line, f.message) for f in check_paths([path]).findings if f.rule == "S102"]
    assert found == [("S102", 35, "表内合计不符：1350.20 + 525.24 = 1875.44万元，表中写 1885.44万元")]


ROW_NUMBERED = (
    "某医院2023年度部门决算\n1.收入支出决算总表\n单位：万元\n收入 | 支出 | ||||\n"
    "项目 | 行次 | 金额 | 项目 | 行次 | 金额 |\n"
    "一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 | |\n"
    "二、上级补助收入 | 2 | | 二、外交支出 | 29 | |\n"
    "三、事业收入 | 3 | 34221.23 | 三、国防支出 | 30 | |\n"
    "本年收入合计 | 23 | 34846.81 | 本年支出合计 | 50 | 34846.81 |\n"
    "总计 | 27 | 34846.81 | 总计 | 54 | 34846.81 |\n"
)


def test_row_numbers_are_no_amounts(check):
    """A 行次 column numbers the rows of a web copy of the form; its numbers are never added up."""
    assert check(ROW_NUMBERED) == []
    # a row that lost its empty cell in the copy ("二、上级补助收入 | 2 | 二、外交支出 | 29 | ||") as well
    assert check(ROW_NUMBERED.replace("| 2 | | 二、外交支出 | 29 | |", "| 2 | 二、外交支出 | 29 | ||")) == []
