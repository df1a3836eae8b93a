"""Rough edges a new user hit: the HTML report's marks, links and places; ``auditor text --figures``
labels; D102's message on a paragraph that pastes a passage twice; G101's column."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from helpers import ROOT, txt_to_docx

from auditor.engine import check_paths, load
from auditor.report.findings import DocumentLine, Finding, Report
from auditor.report.html import format_html
from auditor.report.textview import readable_label, render

FIXTURE_PDF = ROOT / "tests" / "fixtures" / "final-accounts-2023.pdf"
HAN_OUTSIDE_QUOTES = regex.compile(r"\p{Han}")

DUTIES = (
    "负责全区退役军人思想政治、管理保障和安置优待工作，拟订退役军人服务保障政策并组织实施，"
    "承担退役军人移交安置、就业创业扶持和权益维护工作，组织开展褒扬纪念和烈士纪念设施保护管理。"
)
REPEATED = f"临江区退役军人事务局2023年度部门决算\n一、部门职能\n{DUTIES}\n二、重点工作\n{DUTIES}\n"
SKIPPED_HEADING = (
    "临江区退役军人事务局2023年度部门决算\n一、部门概况\n本局内设科室四个。\n三、收支情况\n本年收支平衡。\n"
)
PASTE = (
    "全面开展农村劳动力职业技能培训，组织开展电工、焊工、家政服务等工种培训班，"
    "累计培训农村劳动力{}人次，其中，取得初级证书{}人、中级证书{}人。"
)
PASTED_TWICE = (
    "云岭县人力资源和社会保障局2023年度部门整体支出绩效自评报告\n"
    "就业创业工作稳步推进。一是落实就业优先政策。二是推进职业技能培训。"
    + PASTE.format(1260, 830, 214)
    + PASTE.format(1620, 380, 124)
    + "三是强化就业服务。\n"
)


def _cells(*rows: list[str]) -> str:
    """A flattened table as .txt reports carry it: a TAB-led line per cell, a blank line per row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


TABLE_TOTAL = "临江区农业农村局2023年度部门决算\n表3  部门支出决算情况表    单位：万元\n" + _cells(
    ["项目", "年初预算数", "决算数"],
    ["一、基本支出", "812.30", "806.45"],
    ["二、项目支出", "240.00", "233.10"],
    ["合计", "1052.30", "1049.55"],
)
BETWEEN_TABLES = (
    "临江区财政局2024年度部门决算\n表1 收入支出决算总表\n单位：万元\n"
    + _cells(
        ["收入", "收入", "支出", "支出"],
        ["项目", "决算数", "项目", "决算数"],
        ["一、财政拨款收入", "905.30", "一、一般公共服务支出", "640.20"],
        ["二、事业收入", "", "二、社会保障和就业支出", "180.15"],
        ["三、其他收入", "", "三、卫生健康支出", "85.00"],
        ["本年收入合计", "905.30", "本年支出合计", "905.35"],
        ["年初结转和结余", "0.05", "年末结转和结余", ""],
        ["收入总计", "905.35", "支出总计", "905.35"],
    )
    + "表3 支出决算表\n单位：万元\n"
    + _cells(
        ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
        ["201", "一般公共服务支出", "640.20", "540.20", "100.00"],
        ["20106", "财政事务", "640.20", "540.20", "100.00"],
        ["2010601", "行政运行", "540.20", "540.20", ""],
        ["2010602", "一般行政管理事务", "100.00", "", "100.00"],
        ["208", "社会保障和就业支出", "180.05", "180.05", ""],
        ["20805", "行政事业单位养老支出", "180.05", "180.05", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "180.05", "180.05", ""],
        ["210", "卫生健康支出", "85.00", "85.00", ""],
        ["21011", "行政事业单位医疗", "85.00", "85.00", ""],
        ["2101101", "行政单位医疗", "85.00", "85.00", ""],
        ["合计", "", "905.25", "805.25", "100.00"],
    )
)
INDICATORS = "云岭县人力资源和社会保障局2023年部门整体支出绩效评价指标体系\n" + _cells(
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["B部门管理（9分）", "B1预算管理（7分）", "B11基本支出预算执行率（1分）", "1", "1"],
    ["B部门管理（9分）", "B1预算管理（7分）", "B12项目支出预算执行率（3分）", "3", "3"],
    ["B部门管理（9分）", "B2资产管理（2分）", "B21资产管理制度健全性（2分）", "2", "2"],
)


def _write(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _html(path: Path, lang: str = "zh", select: str | None = None) -> str:
    overrides = {"select": tuple(select.split(","))} if select else {}
    report = check_paths([path], overrides={**overrides, "lang": lang}, keep_text=True)
    assert report.errors == []
    return format_html(report, lang)


def _item(page: str, line: int) -> str:
    """The list item of one line of the (only) file."""
    m = regex.search(rf'<li [^>]*id="f0-L{line}">.*?</li>', page)
    assert m, f"no line {line}"
    return m.group(0)


def _marks(item: str, classes: str) -> list[str]:
    """The text of each <mark> with exactly these classes (nested marks' tags dropped)."""
    found = []
    for m in regex.finditer(
        rf'<mark class="{classes}"[^>]*>((?:[^<]|<(?!/?mark)|<mark[^>]*>[^<]*</mark>)*)</mark>', item
    ):
        found.append(regex.sub(r"<[^>]+>", "", m.group(1)))
    return found


def _notes(item: str) -> str:
    return regex.sub(r"<[^>]+>", "", item.partition('<div class="notes">')[2])


# ----------------------------------------------------------------------------- 1a. what a linked line is


def test_a_copy_of_a_passage_is_not_a_figure_used(tmp_path):
    page = _html(_write(tmp_path, REPEATED), select="D101")
    first_copy = _notes(_item(page, 3))  # the finding is on the later copy (line 5)
    assert "重复出现的位置" in first_copy and "参与计算的数字" not in first_copy
    english = _notes(_item(_html(tmp_path / "report.txt", "en", select="D101"), 3))
    assert "another copy of the passage" in english and "figures used" not in english


def test_a_heading_linked_to_a_numbering_finding_is_a_related_heading(tmp_path):
    page = _html(_write(tmp_path, SKIPPED_HEADING), select="H101")
    assert "相关标题" in _notes(_item(page, 2)) and "参与计算的数字" not in page
    assert "related heading" in _notes(_item(_html(tmp_path / "report.txt", "en", select="H101"), 2))


def test_the_parts_of_a_total_are_still_figures_used(tmp_path):
    page = _html(_write(tmp_path, TABLE_TOTAL), select="S102")
    assert "参与计算的数字" in _notes(_item(page, 9))


# ----------------------------------------------------------------------------- 1b. the whole passage


def test_a_repeated_passage_is_marked_whole(tmp_path):
    page = _html(_write(tmp_path, REPEATED), select="D101")
    assert _marks(_item(page, 5), "passage sev-warning") == [DUTIES]
    assert _marks(_item(page, 3), "passage involved") == [DUTIES]  # and so is its other copy


def test_a_half_updated_paste_is_marked_whole_with_its_figure(tmp_path):
    page = _html(_write(tmp_path, PASTED_TWICE), select="D102")
    item = _item(page, 2)
    assert _marks(item, "passage sev-error") == [PASTE.format(1620, 380, 124)]
    assert _marks(item, "passage involved") == [PASTE.format(1260, 830, 214)]
    assert _marks(item, "sev-error") == ["1620人次"]  # the differing figure, inside the passage


# ----------------------------------------------------------------------------- 1c. which cell a value is


def test_a_table_total_names_its_row_and_column(tmp_path):
    page = _html(_write(tmp_path, TABLE_TOTAL), select="S102")
    assert "行“合计” · 列“决算数”" in _item(page, 17)
    assert "行“一、基本支出” · 列“决算数”" in _item(page, 9)  # a part of the sum
    english = _html(tmp_path / "report.txt", "en", select="S102")
    assert "row “二、项目支出” · column “决算数”" in _item(english, 13)


def test_two_tables_that_disagree_name_each_cell(tmp_path):
    page = _html(_write(tmp_path, BETWEEN_TABLES), select="V101,F101")
    # V101: the 支出 side of the 总表 has its own row names; the 支出决算表 row has its 科目编码
    total_side = _item(page, 22)
    assert (
        "180.15" in total_side
        and "表“收入支出决算总表” · 行“社会保障和就业支出” · 列“支出·决算数”" in total_side
    )
    expense = _item(page, 78)
    assert "180.05" in expense and "表“支出决算表” · 行“208 社会保障和就业支出” · 列“本年支出合计”" in expense
    # F101: the two 合计 rows
    assert "行“合计” · 列“本年支出合计”" in _item(page, 114)


def test_a_word_table_names_its_cells_too(tmp_path):
    docx_path = txt_to_docx(_write(tmp_path, TABLE_TOTAL), tmp_path / "report.docx")
    page = _html(docx_path, select="S102")
    (total,) = regex.findall(r'<li class="cell flagged"[^>]*>(?:(?!</li>).)*?S102</b>.*?</li>', page)
    assert "1049.55</mark>" in total and "行“合计” · 列“决算数”" in total


# ----------------------------------------------------------------------------- 1d. the figure, not the TAB


def test_a_cell_of_a_txt_table_has_its_figure_marked(tmp_path):
    page = _html(_write(tmp_path, TABLE_TOTAL), select="S102")
    assert _marks(_item(page, 17), "sev-error") == ["1049.55"]


# ----------------------------------------------------------------------------- 1e. pages


def test_findings_of_a_pdf_give_their_page():
    report = check_paths([FIXTURE_PDF], keep_text=True)
    assert report.findings and all(f.page == 1 for f in report.findings)
    notes = regex.findall(r'<div class="note sev-[^"]+" id="finding-.*?</div>', format_html(report))
    assert notes and all("第 1 页" in regex.sub(r"<[^>]+>", "", n) for n in notes)
    assert "page 1" in format_html(report, "en")


def test_the_page_of_a_finding_and_of_the_line_it_links_to():
    lines = [
        DocumentLine(number=1, text="支出合计100万元。", page=4),
        DocumentLine(number=2, text="其中：基本支出60万元，项目支出30万元。", page=5),
    ]
    finding = Finding(
        path="report.pdf",
        rule="S101",
        name="sum-total",
        category="sum_total",
        severity="error",
        line=2,
        column=7,
        lines=[2, 1],
        message="合计不符",
        fingerprint="x",
        page=5,
    )
    report = Report(findings=[finding], documents={"report.pdf": lines})
    page = format_html(report)
    assert "第 5 页" in _notes(_item(page, 2))
    assert "见第 2 行（第 5 页）" in _notes(_item(page, 1))
    assert "see line 2 (page 5)" in _notes(_item(format_html(report, "en"), 1))


# ----------------------------------------------------------------------------- 2. auditor text --figures

FIGURES = (
    "临江区人力资源和社会保障局2023年度部门决算\n"
    "落实援企稳岗政策，为1072家企业返还稳岗补贴4935.97万元，对42名防疫一线专技人员落实临时性补助。\n"
    "全年评选表彰21个集体和35名个人。\n"
    "一般公共服务支出（类）2106.66万元，“三公”经费财政拨款支出年初预算0.95万元。\n"
    "共发放宣传资料10余次。\n"
)


@pytest.mark.parametrize(
    ("label", "after", "readable"),
    [
        ("对", "防疫一线专技人员落实临时性补助", "对…防疫一线专技人员…"),  # a preposition: the noun follows
        ("", "企业返还稳岗补贴", "企业返还稳岗补贴"),
        ("集体和", "个人", "个人"),  # 集体 is the count before 和
        ("一般公共服务支出（类", "", "一般公共服务支出（类）"),  # a bracket cut in half
        ("三公”经费财政拨款支出年初预算", "", "“三公”经费财政拨款支出年初预算"),
        ("含）以上设备（不含车辆", "", "（含）以上设备（不含车辆）"),
        (".1-2025.12.", "", ""),  # a piece of a date is no name
        (
            "2）组织事务（款）公务员事务（项）支出决算",
            "",
            "组织事务（款）公务员事务（项）支出决算",
        ),  # ordinal
        (
            "《农民工服务保障工作情况分析》《返乡创业调研报告》等调研成果被省委办公厅专报采用",
            "",
            "…等调研成果被省委办公厅专报采用",
        ),  # a sentence: the phrase next to the figure
        ("基本支出", "", "基本支出"),
        ("占", "", "占"),
    ],
)
def test_readable_labels(label, after, readable):
    assert readable_label(label, after) == readable


def test_text_figures_shows_readable_labels_and_explains_the_arrow(tmp_path):
    out = render(load(_write(tmp_path, FIGURES)), show_figures=True)
    header = out.splitlines()[0]
    assert "→" in header and "~" in header  # the legend
    figures = [line.strip() for line in out.splitlines() if line.strip().startswith("·")]
    assert "· 企业返还稳岗补贴: 1072家" in figures
    assert "· 对…防疫一线专技人员…: 42名" in figures
    assert "· 个人: 35名" in figures
    assert "· 一般公共服务支出（类）: 2106.66万元" in figures
    assert "· 发放宣传资料: 10余次 → 10次~" in figures  # the arrow only where the reading differs
    assert "· 基本支出" not in out and not any("→" in f for f in figures if "万元" in f)


# ----------------------------------------------------------------------------- 3. D102


def _check(tmp_path: Path, text: str, select: str, lang: str = "zh") -> list[Finding]:
    report = check_paths([_write(tmp_path, text)], overrides={"select": (select,), "lang": lang})
    assert report.errors == []
    return report.findings


def test_a_paragraph_that_pastes_a_passage_twice_says_which_copy(tmp_path):
    (f,) = _check(tmp_path, PASTED_TWICE, "D102")
    versions = f.message.partition("——")[2].split("；")
    assert versions == ["第 2 行第 1 处写 1260、830、214", "第 2 行第 2 处写 1620、380、124"]


def test_d102_in_english_has_no_chinese_outside_the_quoted_passage(tmp_path):
    (f,) = _check(tmp_path, PASTED_TWICE, "D102", lang="en")
    outside = regex.sub(r"“[^”]*”", "", f.message)
    assert not HAN_OUTSIDE_QUOTES.search(outside) and "、" not in outside, f.message
    assert "line 2 (copy 1 in the line): 1260, 830, 214" in f.message


def test_d101_in_english_lists_lines_the_english_way(tmp_path):
    text = f"临江区退役军人事务局2023年度部门决算\n{DUTIES}\n正文。\n{DUTIES}\n正文。\n{DUTIES}\n"
    (f,) = _check(tmp_path, text, "D101", lang="en")
    assert f.message.endswith("at lines 2, 4, 6")


# ----------------------------------------------------------------------------- 4. G101's column


def test_g101_points_at_the_weight_not_the_name(tmp_path):
    path = _write(tmp_path, INDICATORS)
    (f,) = check_paths([path], overrides={"select": ("G101",)}).findings
    text = path.read_text(encoding="utf-8").split("\n")[f.line - 1]
    assert text == "\tB1预算管理（7分）" and f.stated == "7分"
    assert text[f.column - 1 :].startswith("7分")
