"""Loading and the document model: encodings, flattened tables, headings, table of contents."""

from decimal import Decimal
from pathlib import Path

import pytest
from helpers import corpus_file

from auditor import load
from auditor.loaders import decode_text
from auditor.messages import InputError

TABLE_TEXT = (
    "表3  部门支出决算情况表    单位：万元\n"
    "\t支出类型\n\t年初预算数\n\t决算数\n"
    "\n"
    "\t一、基本支出\n\t1753.87\n\t2474.88\n"
    "\n"
    "\t二、项目支出\n\t34404.62\n\t\n"
    "\n"
    "\t合计\n\t36158.49\n\t13867.60\n"
    "\n\n"
    "备注：来源于决算表格。\n"
)


def doc_of(text: str, tmp_path: Path, name: str = "r.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_flattened_table_becomes_rows_and_cells(tmp_path):
    doc = doc_of(TABLE_TEXT, tmp_path)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert [c.text for c in table.header.cells] == ["支出类型", "年初预算数", "决算数"]
    assert [r.label for r in table.rows] == ["一、基本支出", "二、项目支出", "合计"]
    assert table.unit == "万元"
    assert table.caption.startswith("表3")
    merged = table.rows[1].cells[2]
    assert merged.text == "" and merged.line == 12
    cell = table.rows[0].cells[1]
    assert cell.line == 7
    assert cell.quantities[0].unit == "万元"
    # prose after the table is a paragraph again
    assert doc.paragraphs[-1].text.startswith("备注")


def test_unit_from_column_header_and_row_label(tmp_path):
    text = (
        "\t指标\n\t目标值\n\t实际数\n\t计划完成率\n"
        "\n"
        "\t城乡居民养老金最低标准/元\n\t148\n\t170\n\t100%\n"
        "\n"
        "\t预算执行情况(万元)\n\t40万\n\t40万\n\t100%\n"
    )
    table = doc_of(text, tmp_path).tables[0]
    assert [q.unit for c in table.rows[0].cells for q in c.quantities] == ["元", "元", "%"]
    assert [q.unit for c in table.rows[1].cells for q in c.quantities] == ["万元", "万元", "%"]


def test_word_wrapped_cell_text_is_joined(tmp_path):
    text = "\t项目完成指标\n\t数量\n\n指标\n\t鉴定率\n\t100%\n\n\t效益指标\n\t社会\n\t满意度\n\t95%\n"
    table = doc_of(text, tmp_path).tables[0]
    assert [c.text for c in table.header.cells] == ["项目完成指标", "数量指标", "鉴定率", "100%"]
    assert len(table.rows) == 1


def test_stray_indented_line_is_prose(tmp_path):
    doc = doc_of("标题\n\t评价工作负责人（签字）：\n\n正文。\n", tmp_path)
    assert doc.tables == []
    assert any("签字" in p.text for p in doc.paragraphs)


def test_headings_and_levels(tmp_path):
    text = "一、部门概况\n（一）机构设置\n1.内设机构\n（1）办公室\n①综合\n二、绩效目标\n1.贯彻执行国家、省、市有关人力资源和社会保障方针政策和法律法规，拟订全县人力资源市场发展规划和人力资源流动政策。\n"
    doc = doc_of(text, tmp_path)
    assert [(h.level, h.number) for h in doc.headings] == [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (1, 2)]
    assert doc.headings[-1].title == "绩效目标"


def test_table_of_contents_is_marked(tmp_path):
    text = "目录\n一、部门概况\n二、绩效目标\n附件1 成本费用分析报告\n\n某局2023年部门整体支出绩效自评报告\n一、部门概况\n正文。\n"
    doc = doc_of(text, tmp_path)
    toc = [h for h in doc.headings if h.in_toc]
    body = [h for h in doc.headings if not h.in_toc]
    assert [h.title for h in toc] == ["部门概况", "绩效目标"]
    assert [h.line for h in body] == [7]
    assert doc.lines[3].role == "toc"


def test_report_year_from_title(tmp_path):
    doc = doc_of(
        "附件2\n\n某县人力资源和社会保障局\n2020年部门整体支出绩效评价报告\n2019年相比……\n", tmp_path
    )
    assert doc.report_year == 2020


def test_report_year_not_from_the_years_compared_with(tmp_path):
    """No title block: the year the figures are of, not the year each is compared with, most often cited."""
    doc = doc_of(
        "某局2024年度“三公”经费财政拨款支出决算为60.5万元。\n"
        "（一）公务接待费支出20.1万元，与2023年度决算相比，减少2.0万元。\n"
        "（二）公务用车运行维护费支出40.4万元，与2023年度决算相比，减少1.5万元。\n",
        tmp_path,
    )
    assert doc.report_year == 2024


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("收入合计2952.11万元".encode(), "收入合计2952.11万元"),
        (b"\xef\xbb\xbf" + "收入合计".encode(), "收入合计"),
        ("收入合计2952.11万元".encode("gb18030"), "收入合计2952.11万元"),
        ("收入合计".encode("gbk"), "收入合计"),
        ("收入合计 2952.11".encode("utf-16"), "收入合计 2952.11"),
        ("abc 收入 2952.11".encode("utf-16-le"), "abc 收入 2952.11"),
    ],
)
def test_encodings_are_detected(data, expected):
    assert decode_text(data, "x.txt").lstrip("\ufeff") == expected


def test_physical_line_numbers_are_kept(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n\r\n第三行合计10万元\r\n".encode("gb18030"))
    doc = load(path)
    assert [line.number for line in doc.lines] == [1, 2, 3]
    assert doc.quantities[0].line == 3


def test_invalid_gb18030_is_an_error():
    with pytest.raises(InputError) as err:
        decode_text(b"\x81\x30\xff\xff\x81", "bad.txt")
    assert err.value.key == "undecodable"


def test_corpus_003_tables_are_rows_and_cells():
    doc = load(corpus_file("003"))
    income = next(t for t in doc.tables if t.caption.startswith("表2"))
    assert len(income.header.cells) == 4
    assert income.rows[-1].label.replace(" ", "") == "合计"
    assert next(q.value for c in income.rows[-1].cells for q in c.quantities) == Decimal("36158.49")
    expenses = next(t for t in doc.tables if t.caption.startswith("表3"))
    assert expenses.width == 7 and len(expenses.rows) == 9
    assert len(doc.tables) == 8


def test_corpus_002_indicator_table_is_one_table():
    doc = load(corpus_file("002"))
    indicator = next(t for t in doc.tables if "指标体系" in t.caption)
    assert indicator.width == 8
    assert len(indicator.rows) > 40


def test_sections_follow_the_heading_hierarchy(tmp_path):
    text = "标题\n一、部门概况\n（一）机构\n正文甲。\n（二）人员\n1.在编\n正文乙。\n二、绩效目标\n正文丙。\n"
    doc = doc_of(text, tmp_path)
    assert [s.title for s in doc.sections] == ["部门概况", "绩效目标"]
    first = doc.sections[0]
    assert [c.title for c in first.children] == ["机构", "人员"]
    assert (first.first_line, first.last_line) == (2, 7)
    assert [s.title for s in doc.section_at(7).path()] == ["部门概况", "人员", "在编"]
    assert doc.section_at(9).title == "绩效目标"
    assert doc.section_at(1) is None


def test_table_of_contents_ends_where_the_numbering_starts_over(tmp_path):
    doc = doc_of("目录\n一、部门概况\n二、改进措施\n一、部门概况\n正文。\n二、改进措施\n", tmp_path)
    assert [h.line for h in doc.headings if h.in_toc] == [2, 3]
    assert [h.line for h in doc.headings if not h.in_toc] == [4, 6]
