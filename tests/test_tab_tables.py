"""Tables copied out of Word or a spreadsheet into text: one row per line, cells separated by TABs.

The fixture is a 项目支出绩效自评表 in that layout: a funds block (年初预算数 · 全年预算数 · 全年执行数 · 分值 ·
执行率 · 得分), the indicators (一级 · 二级 · 三级指标 · 年度指标值 · 实际完成值 · 分值 · 得分), a 总分 row whose label
cell was merged across the columns before its two figures, and a 总分 of 100 that counts the funds block's 10
points for the budget execution rate besides the indicators' 90 (the form every 财政 bureau issues).
"""

from __future__ import annotations

import pytest
from helpers import ROOT

from auditor import load
from auditor.engine import check_paths
from auditor.loaders.text import load_text
from auditor.model.document import TableBlock

FORM = ROOT / "tests" / "fixtures" / "project-self-evaluation.txt"


def test_tab_separated_rows_are_tables_with_their_empty_cells_in_place():
    source = load_text("甲\t乙\t丙\n\t一\t2\n合计\t\t3\n正文一段。\n".encode(), "t.txt")
    table, text = source.blocks
    assert isinstance(table, TableBlock)
    assert [[cell for _, cell in row] for row in table.rows] == [
        ["甲", "乙", "丙"],
        ["", "一", "2"],
        ["合计", "", "3"],
    ]
    assert table.offsets[1] == [0, 1, 3]  # columns for reporting, counted in the line
    assert text.text == "正文一段。"


def test_the_flattened_layout_is_not_read_as_tab_rows():
    """One cell per TAB-led line, a blank line between rows: the layout of the corpus reports."""
    source = load_text("\t项目\n\t金额\n\n\t基本支出\n\t100\n\n\t项目支出\n\t50\n".encode(), "t.txt")
    (table,) = source.blocks
    assert [[cell for _, cell in row] for row in table.rows] == [
        ["项目", "金额"],
        ["基本支出", "100"],
        ["项目支出", "50"],
    ]


def test_a_lone_tab_line_in_prose_is_no_table():
    source = load_text("说明如下：\t详见附表。\n另一段。\n".encode(), "t.txt")
    assert not any(isinstance(b, TableBlock) for b in source.blocks)


def test_the_form_is_read_as_a_funds_table_and_an_indicator_table():
    doc = load(FORM)
    funds, indicators = doc.tables
    assert [c.text for c in funds.header.cells][:4] == [
        "项目资金（万元）",
        "年初预算数",
        "全年预算数",
        "全年执行数",
    ]
    assert [c.text for c in indicators.rows[1].cells][:3] == ["", "质量指标", "路况优良率"]


def test_a_consistent_form_raises_nothing():
    report = check_paths([FORM])
    assert report.errors == [] and report.findings == []


@pytest.mark.parametrize(
    ("old", "new", "stated", "expected"),
    [
        ("总分\t100\t96.50", "总分\t100\t95.50", "95.5分", "96.5分"),  # the total row
        ("\t15\t14\t部分", "\t15\t13\t部分", "96.5分", "95.5分"),  # an indicator's score
        ("\t10\t95.00%\t9.50", "\t10\t95.00%\t8.50", "96.5分", "95.5分"),  # the execution rate's points
        ("总分\t100\t96.50", "总分\t90\t96.50", "90分", "100分"),  # the total weight
    ],
)
def test_a_slip_in_the_form_is_a_table_total_finding(tmp_path, old, new, stated, expected):
    text = FORM.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "form.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    findings = check_paths([path]).findings
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("G101", stated, expected)]
    assert "含预算执行率" in findings[0].message
