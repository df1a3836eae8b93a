"""The checks a 预算/决算公开 needs beyond its tables' own sums: W101 (words against figures), K101 (科目
names against codes), and V101 for each 项 paragraph against its row of the 一般公共预算 支出 table.

Each case is a small Word document of an invented unit: an explanation in the genre's style and the
一般公共预算 支出 table it explains. The figures are invented and consistent unless a case plants a slip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import check_paths

UNIT = "上海市临江区档案局"

# 科目编码 · 科目名称 · 合计 · 基本支出 · 项目支出
FINAL_TABLE = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["201", "一般公共服务支出", "612.40", "512.40", "100.00"],
    ["20126", "档案事务", "612.40", "512.40", "100.00"],
    ["2012601", "行政运行", "512.40", "512.40", ""],
    ["2012604", "档案馆", "100.00", "", "100.00"],
    ["208", "社会保障和就业支出", "108.91", "108.91", ""],
    ["20805", "行政事业单位养老支出", "108.91", "108.91", ""],
    ["2080506", "机关事业单位职业年金缴费支出", "108.91", "108.91", ""],
    ["210", "卫生健康支出", "74.90", "74.90", ""],
    ["21011", "行政事业单位医疗", "74.90", "74.90", ""],
    ["2101101", "行政单位医疗", "74.90", "74.90", ""],
    ["合计", "", "796.21", "696.21", "100.00"],
]
BUDGET_TABLE = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["221", "住房保障支出", "2,087,959.00", "2,087,959.00", ""],
    ["22102", "住房改革支出", "2,087,959.00", "2,087,959.00", ""],
    ["2210201", "住房公积金", "877,080.00", "877,080.00", ""],
    ["2210203", "购房补贴", "1,210,879.00", "1,210,879.00", ""],
    ["合计", "", "2,087,959.00", "2,087,959.00", ""],
]


def build(tmp_path: Path, paragraphs: list[str], title: str, unit: str, rows: list[list[str]]) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(f"{UNIT}2024年度部门{'决算' if '决算' in title else '预算'}")
    for text in paragraphs:
        document.add_paragraph(text)
    document.add_paragraph(title)
    document.add_paragraph(f"单位：{unit}")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    path = tmp_path / "report.docx"
    document.save(path)
    return path


def final(tmp_path: Path, *paragraphs: str) -> Path:
    return build(
        tmp_path,
        ["一、一般公共预算财政拨款支出决算情况说明", *paragraphs],
        "一般公共预算财政拨款支出决算表",
        "万元",
        FINAL_TABLE,
    )


def budget(tmp_path: Path, *paragraphs: str) -> Path:
    return build(
        tmp_path,
        ["一、一般公共预算支出预算情况说明", *paragraphs],
        "部门一般公共预算支出功能分类预算表",
        "元",
        BUDGET_TABLE,
    )


def found(path: Path, select: str) -> list[tuple[str, str | None, str | None]]:
    result = check_paths([path], overrides={"select": tuple(select.split(","))})
    assert not result.errors
    return [(f.rule, f.stated, f.expected) for f in result.findings]


# ----------------------------------------------------------------------------- W101: 大于 / 小于 / 持平

CLAIMS_PASS = [
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为500.00万元，支出决算为512.40万元，"
    "决算数大于预算数12.40万元，主要原因：人员增加。",
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为520.00万元，支出决算为512.40万元，"
    "决算数较预算数减少7.60万元，主要原因：人员调出。",
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为520.00万元，支出决算为512.40万元。"
    "决算数小于预算数的主要原因：人员调出。",
    "2、一般公共服务支出（类）档案事务（款）档案馆（项）。年初预算为100.00万元，支出决算为100.00万元。"
    "决算数与预算数持平。",
    # 基本持平 is a judgement, never checked
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为515.00万元，支出决算为512.40万元。"
    "决算数与预算数基本持平。",
    # two budgets and a claim that does not say which: nothing is said
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为500.00万元，调整预算为530.00万元，"
    "支出决算为512.40万元。决算数小于预算数的主要原因：人员调出。",
    # the claim names the adjusted budget: 512.40 < 530.00
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为500.00万元，调整预算为530.00万元，"
    "支出决算为512.40万元。决算数小于调整预算数的主要原因：人员调出。",
    # equal within rounding (512.4 and 512.40): neither larger nor smaller is wrong
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为512.4万元，支出决算为512.40万元。"
    "决算数大于预算数的主要原因：人员增加。",
]
CLAIMS_FAIL = [
    # the difference the claim states is not the two amounts' difference: 512.40 − 500.00 = 12.40
    (
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为500.00万元，支出决算为512.40万元，"
        "决算数大于预算数21.40万元，主要原因：人员增加。",
        [("W101", "21.40万元", "12.40万元")],
    ),
    # other words for the same claim
    (
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为520.00万元，支出决算为512.40万元。"
        "决算支出大于年初预算的主要原因：人员增加。",
        [("W101", "决算支出大于年初预算", "决算数小于预算数")],
    ),
    (
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为520.00万元，支出决算为512.40万元，"
        "决算数较预算数增加，主要原因：人员增加。",
        [("W101", "决算数较预算数增加", "决算数小于预算数")],
    ),
    (
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为520.00万元，支出决算为512.40万元。"
        "决算数大于预算数的主要原因：人员增加。",
        [("W101", "决算数大于预算数", "决算数小于预算数")],
    ),
    (
        "3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。"
        "年初预算为100.00万元，支出决算为108.91万元。决算数小于年初预算数的主要原因：缴费基数调整。",
        [("W101", "决算数小于年初预算数", "决算数大于预算数")],
    ),
    (
        "2、一般公共服务支出（类）档案事务（款）档案馆（项）。年初预算为96.00万元，支出决算为100.00万元。"
        "决算数与预算数持平。",
        [("W101", "决算数与预算数持平", "决算数大于预算数")],
    ),
    # the adjusted budget is named: 512.40 > 500.00, yet 小于
    (
        "1、一般公共服务支出（类）档案事务（款）行政运行（项）。调整预算为500.00万元，年初预算为530.00万元，"
        "支出决算为512.40万元。决算数小于调整后预算数的主要原因：人员调出。",
        [("W101", "决算数小于调整后预算数", "决算数大于预算数")],
    ),
]


@pytest.mark.parametrize("text", CLAIMS_PASS)
def test_claims_that_follow_the_figures(tmp_path, text):
    assert found(final(tmp_path, text), "W101") == []


@pytest.mark.parametrize("text,expected", CLAIMS_FAIL)
def test_claims_against_the_figures(tmp_path, text, expected):
    assert found(final(tmp_path, text), "W101") == expected


# ----------------------------------------------------------------------------- W101: rates over a zero base

ZERO_PASS = [
    "2024年档案宣传经费预算安排4.80万元，比上年增加2.40万元，增长100%。",  # a real doubling
    "2024年“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。",
    "其他档案事务支出（项）：2023年当年预算执行数为0万元，2024年预算安排25.00万元，比2023年预算执行数"
    "增加25.00万元。",
    "档案馆（项）：2023年当年预算执行数为80.00万元，2024年预算安排100.00万元，比2023年预算执行数增加25.00%。",
    # a new item "增长100%": how the reports write it, not a slip (regression: a county's 决算说明)
    "其他档案事务支出（项）：2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数"
    "增加100.00%。",
    "2024年档案宣传经费预算安排2.40万元，比上年增加2.40万元，增长100%。",
    "20114-档案事务45万元,较2023年决算数增加45万元,增长100%。",
]
ZERO_FAIL = [
    (
        "其他档案事务支出（项）：2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，"
        "比2023年预算执行数增加25.00%。",
        [("W101", "25.00%", "—")],
    ),
    (
        "档案宣传项目年初预算为0万元，支出决算为18.60万元，完成年初预算的93.20%。",
        [("W101", "93.20%", "—")],
    ),
    # the prior year is not printed, but the increase is the whole of this year's amount
    ("2024年档案宣传经费预算安排2.40万元，比上年增加2.40万元，增长50%。", [("W101", "50%", "—")]),
]


@pytest.mark.parametrize("text", ZERO_PASS)
def test_rates_over_a_base(tmp_path, text):
    assert found(final(tmp_path, text), "W101") == []


@pytest.mark.parametrize("text,expected", ZERO_FAIL)
def test_rates_over_a_zero_base(tmp_path, text, expected):
    assert found(final(tmp_path, text), "W101") == expected


# ----------------------------------------------------------------------------- W101: a reason's direction

REASON_PASS = [
    "档案馆（项）：2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
    "主要原因是：档案馆运行经费减少。",
    "档案馆（项）：2023年当年预算执行数为100.00万元，2024年预算安排110.60万元，比2023年预算执行数增加10.60%。"
    "主要原因是：档案数字化经费增加。",
    # a reason about another year or a one-off is not this change's direction
    "档案馆（项）：2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
    "主要原因是：上年一次性设备购置经费增加。",
    # the reason explains the comparison with the budget after the change, not the change
    "机关运行经费决算为1720.60万元，与上年相比减少53.06万元，降低2.99%；完成年初预算103.36%，决算数大于预算数55.93万元，"
    "主要原因：年中追加人员绩效奖励经费增加。",
    "公务用车运行维护费决算9.57万元，比去年减少0.30万元，下降3.04%，比预算增加0.57万元，主要原因是：年中追加公务用车维修经费增加。",
    # a 其中 change without its own figures stands between
    "支出总计1200.00万元，比上年减少60.00万元，下降4.76%，其中：项目支出比上年增加20.00万元，主要原因是：信息化项目经费增加。",
    # a fall in fiscal spending because other funds or a carry-forward grew
    "档案馆（项）：2023年当年预算执行数为18.20万元，2024年预算安排17.60万元，比2023年预算执行数减少0.60万元，下降3.30%。"
    "主要原因是：使用非财政拨款资金增加。",
    "项目支出289.40万元，比上年减少12.60万元，下降4.17%，主要原因是：跨年度项目结转下年资金增加。",
    # a reason of several clauses is not judged
    "档案馆（项）：2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
    "主要原因是：人员调出，公用经费减少，数字化经费增加。",
]
REASON_FAIL = [
    # no current figure: the comparison and its direction words are enough
    (
        "1.工资福利支出较上年增30.20万元，增5.03%。主要原因是：工资调标人员经费减少。",
        [("W101", "工资调标人员经费减少", "增加")],
    ),
    (
        "财政拨款收入1568.42万元，较2023年度决算数增加102.36万元，增长6.98%，主要原因是：人员调资经费减少。",
        [("W101", "人员调资经费减少", "增加")],
    ),
    ("公用经费同比减少8,300.00元，下降2.72%，下降原因是办公经费增加。", [("W101", "办公经费增加", "减少")]),
    (
        "档案馆（项）：2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。"
        "主要原因是：档案馆运行经费增加。",
        [("W101", "档案馆运行经费增加", "减少")],
    ),
    (
        "档案馆（项）：2023年当年预算执行数为100.00万元，2024年预算安排110.60万元，比2023年预算执行数增加10.60%。"
        "主要原因是：档案数字化支出减少。",
        [("W101", "档案数字化支出减少", "增加")],
    ),
]


@pytest.mark.parametrize("text", REASON_PASS)
def test_reasons_that_follow_the_change(tmp_path, text):
    assert found(final(tmp_path, text), "W101") == []


@pytest.mark.parametrize("text,expected", REASON_FAIL)
def test_reasons_against_the_change(tmp_path, text, expected):
    assert found(final(tmp_path, text), "W101") == expected


# ----------------------------------------------------------------------------- V101 / K101: 项 paragraphs

SUBJECT_PASS = [
    # the head amount and 预算安排 restate the row; 87.71 rounds 877,080元 and 87.70 cuts it off
    "1、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）87.71万元。主要用于：缴纳住房公积金。"
    "2023年当年预算执行数为80.00万元，2024年预算安排87.71万元，比2023年预算执行数增加9.64%。",
    "1、“住房保障支出（类）住房改革支出（款）住房公积金（项）”87.70万元，主要用于缴纳住房公积金。",
    # the prior year's amount is not the row's
    "2、住房保障支出（类）住房改革支出（款）购房补贴（项）121.09万元。2023年当年预算执行数为130.50万元。",
]
SUBJECT_FAIL = [
    (
        "1、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）87.71万元。主要用于：缴纳住房公积金。"
        "2023年当年预算执行数为80.00万元，2024年预算安排85.71万元，比2023年预算执行数增加7.14%。",
        [("V101", "85.71万元", "877,080.00元")],
    ),
    (
        "2、“住房保障支出（类）住房改革支出（款）购房补贴（项）”112.09万元，主要用于发放购房补贴。",
        [("V101", "112.09万元", "1,210,879.00元")],
    ),
]


@pytest.mark.parametrize("text", SUBJECT_PASS)
def test_subject_paragraphs_that_restate_their_row(tmp_path, text):
    assert found(budget(tmp_path, text), "V101") == []


@pytest.mark.parametrize("text,expected", SUBJECT_FAIL)
def test_subject_paragraphs_against_their_row(tmp_path, text, expected):
    assert found(budget(tmp_path, text), "V101") == expected


def test_subject_with_the_final_amount(tmp_path):
    ok = "1、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位职业年金缴费支出（06项）。年初预算为110.00万元，支出决算为108.91万元。"
    assert found(final(tmp_path, ok), "V101") == []
    slip = ok.replace("支出决算为108.91", "支出决算为118.91")
    assert found(final(tmp_path, slip), "V101") == [("V101", "118.91万元", "108.91万元")]


def test_subject_named_by_an_old_name(tmp_path):
    text = "3、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）。年初预算为74.90万元，支出决算为74.90万元。"
    assert found(final(tmp_path, text), "K101") == [("K101", "医疗卫生与计划生育支出", "卫生健康支出")]
    renamed = text.replace("医疗卫生与计划生育支出", "卫生健康支出")
    assert found(final(tmp_path, renamed), "K101") == []
    # a name without its code is not compared (which code it means is the question)
    assert found(final(tmp_path, text.replace("（210类）", "（类）")), "K101") == []


# ----------------------------------------------------------------------------- F101: tables against tables

EXPENSE_TABLE = [  # 支出决算表, all funds: 本年支出合计 = 基本支出 + 项目支出
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    ["201", "一般公共服务支出", "652.40", "512.40", "140.00"],
    ["20126", "档案事务", "652.40", "512.40", "140.00"],
    ["2012601", "行政运行", "512.40", "512.40", ""],
    ["2012604", "档案馆", "140.00", "", "140.00"],
    ["208", "社会保障和就业支出", "108.91", "108.91", ""],
    ["20805", "行政事业单位养老支出", "108.91", "108.91", ""],
    ["2080506", "机关事业单位职业年金缴费支出", "108.91", "108.91", ""],
    ["210", "卫生健康支出", "74.90", "74.90", ""],
    ["21011", "行政事业单位医疗", "74.90", "74.90", ""],
    ["2101101", "行政单位医疗", "74.90", "74.90", ""],
    ["合计", "", "836.21", "696.21", "140.00"],
]
BASIC_TABLE = [  # 一般公共预算财政拨款基本支出决算表: 合计 = the 基本支出 of FINAL_TABLE
    ["科目编码", "科目名称", "决算数"],
    ["301", "工资福利支出", "640.21"],
    ["302", "商品和服务支出", "56.00"],
    ["合计", "", "696.21"],
]


def tables(tmp_path: Path, *specs: tuple[str, list[list[str]]]) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(f"{UNIT}2024年度部门决算")
    for title, rows in specs:
        document.add_paragraph(title)
        document.add_paragraph("单位：万元")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.rows[r].cells[c].text = text
        document.add_paragraph("")
    path = tmp_path / "tables.docx"
    document.save(path)
    return path


def planted(rows: list[list[str]], label: str, column: int, new: str) -> list[list[str]]:
    out = [list(r) for r in rows]
    (row,) = [r for r in out[1:] if label in r]
    row[column] = new
    return out


def test_tables_that_agree(tmp_path):
    path = tables(
        tmp_path,
        ("支出决算表", EXPENSE_TABLE),
        ("一般公共预算财政拨款支出决算表", FINAL_TABLE),
        ("一般公共预算财政拨款基本支出决算表", BASIC_TABLE),
    )
    assert found(path, "F101,S102,V101") == []


def test_a_narrower_scope_larger_than_all_funds(tmp_path):
    # 一般公共预算 行政运行 521.40 (and its parents, so that the table adds up) above all funds' 512.40
    gpb = planted(FINAL_TABLE, "2012601", 2, "521.40")
    gpb = planted(gpb, "2012601", 3, "521.40")
    for label, values in (("201", ("621.40", "521.40")), ("20126", ("621.40", "521.40"))):
        gpb = planted(gpb, label, 2, values[0])
        gpb = planted(gpb, label, 3, values[1])
    gpb = planted(gpb, "合计", 2, "805.21")
    gpb = planted(gpb, "合计", 3, "705.21")
    path = tables(tmp_path, ("支出决算表", EXPENSE_TABLE), ("一般公共预算财政拨款支出决算表", gpb))
    assert ("F101", "521.40万元", "512.40万元") in found(path, "F101")
    assert found(path, "S102") == []


def test_one_total_in_two_tables(tmp_path):
    basic = planted(BASIC_TABLE, "合计", 2, "669.21")
    basic = planted(basic, "301", 2, "613.21")
    path = tables(
        tmp_path,
        ("一般公共预算财政拨款支出决算表", FINAL_TABLE),
        ("一般公共预算财政拨款基本支出决算表", basic),
    )
    assert found(path, "F101") == [("F101", "669.21万元", "696.21万元")]


def test_a_total_row_cut_off_by_a_page_break(tmp_path):
    """The PDF table finder makes the last 合计 row its own table when its label spans the code columns: it
    is read as the row of the table above (its figures are checked against that table's rows)."""
    import docx

    from auditor.engine import analyse

    document = docx.Document()
    document.add_paragraph("一般公共预算财政拨款支出决算表")
    document.add_paragraph("单位：万元")
    body = FINAL_TABLE[:-1]
    table = document.add_table(rows=len(body), cols=5)
    for r, row in enumerate(body):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    tail = document.add_table(rows=1, cols=4)
    for c, text in enumerate(["合计", "796.21", "696.21", "100.00"]):
        tail.rows[0].cells[c].text = text
    path = tmp_path / "cut.docx"
    document.save(path)
    disclosure = analyse(path).disclosure
    assert len(disclosure.tables) == 1 and len(disclosure.absorbed) == 1
    assert found(path, "S102") == []
    tail.rows[0].cells[1].text = "786.21"
    document.save(path)
    # 合计 ≠ its 类 rows, and 合计 ≠ 基本支出 + 项目支出
    assert {(r, s) for r, s, _ in found(path, "S102")} == {("S102", "786.21万元")}


# ----------------------------------------------------------------------------- M101: the template's tables

EMPTY_TABLE = "{title}    单位：万元\n\t科目编码\n\t科目名称\n\t合计\n\n\t合计\n\t\n\t\n\n"
BUDGET_TITLES = [
    "部门财务收支预算总表",
    "部门收入预算总表",
    "部门支出预算总表",
    "部门财政拨款收支预算总表",
    "部门一般公共预算支出功能分类预算表",
    "部门一般公共预算基本支出部门预算经济分类预算表",
    "部门政府性基金预算支出功能分类预算表",
    "部门国有资本经营预算支出功能分类预算表",
    "部门“三公”经费和机关运行经费预算表",
]


def budget_set(titles: list[str], notes: dict[str, str]) -> str:
    text = f"{UNIT}2025年部门预算\n"
    for title in titles:
        text += EMPTY_TABLE.format(title=f"2025年{title}")
        text += notes.get(title, "") + "\n"
    return text


GOV_NOTE = "注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"
SOE_NOTE = "注：本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。"
THREE_NOTE = "注：本部门2025年无“三公”经费和机关运行经费预算，故本表为空表。"
NOTES = {BUDGET_TITLES[6]: GOV_NOTE, BUDGET_TITLES[7]: SOE_NOTE, BUDGET_TITLES[8]: THREE_NOTE}


def test_a_complete_set_of_tables(check):
    assert rules(check, budget_set(BUDGET_TITLES, NOTES), "M101") == []


def test_a_table_of_the_set_missing(check):
    titles = [t for t in BUDGET_TITLES if "收入预算总表" not in t]
    assert rules(check, budget_set(titles, NOTES), "M101") == [("M101", None, "收入预算总表")]


def test_too_few_tables_of_a_set_is_another_kind_of_report(check):
    # three tables of the list do not make a 部门预算: nothing is said about the other six
    assert rules(check, budget_set(BUDGET_TITLES[:3], NOTES), "M101") == []


def test_an_empty_table_without_its_note(check):
    notes = {k: v for k, v in NOTES.items() if v is not SOE_NOTE}
    assert [r for r, *_ in rules(check, budget_set(BUDGET_TITLES, notes), "M101")] == ["M101"]
    # the explanation saying the unit has none of it is as good as the note
    said = budget_set(BUDGET_TITLES, notes).replace(
        "部门预算\n", "部门预算\n2025年本部门国有资本经营预算拨款支出预算为0。\n", 1
    )
    assert rules(check, said, "M101") == []


def test_the_note_of_another_table(check):
    notes = dict(NOTES)
    notes[BUDGET_TITLES[7]] = GOV_NOTE  # copied from the table above
    assert rules(check, budget_set(BUDGET_TITLES, notes), "M101") == [("M101", GOV_NOTE, None)]


def rules(check, text: str, select: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.stated, f.expected) for f in check(text, select=select)]


def test_another_regions_list_from_configuration(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    titles = ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表"]
    text = f"{UNIT}2025年部门预算\n" + "".join(EMPTY_TABLE.format(title=t) for t in titles[:3])
    (project / "report.txt").write_text(text, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        "[tool.auditor.disclosure]\nbudget-tables = [" + ", ".join(f'"{t}"' for t in titles) + "]\n",
        encoding="utf-8",
    )
    report = check_paths([project / "report.txt"], overrides={"select": ("M101",)})
    assert [(f.rule, f.expected) for f in report.findings] == [("M101", "财政拨款收支总表")]
    (project / "pyproject.toml").write_text(
        '[tool.auditor.disclosure]\nbudget-tables = "收支总表"\n', encoding="utf-8"
    )
    report = check_paths([project / "report.txt"], overrides={"select": ("M101",)})
    assert [e.kind for e in report.errors] == ["config"]
    assert "disclosure.budget-tables 须为表名的列表" in report.errors[0].message


def test_a_table_titled_the_other_templates_way(check):
    """财政部's 决算 template names the 国有资本经营 table without 收入: it is the same table (a false alarm on
    a county's 决算 that has all nine)."""
    titles = [
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表",
        "一般公共预算财政拨款“三公”经费支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款支出决算表",
    ]
    text = f"{UNIT}2024年度部门决算\n" + "".join(
        EMPTY_TABLE.format(title=t) + "注：本表无数据。\n" for t in titles
    )
    assert rules(check, text, "M101") == []
    text = text.replace("国有资本经营预算财政拨款支出决算表", "国有资本经营预算表")
    assert rules(check, text, "M101") == [("M101", None, "国有资本经营预算财政拨款收入支出决算表")]


# ----------------------------------------------------------------------------- V101: 三公 and 机关运行经费

THREE_TABLE = [
    ["“三公”经费预算数", "", "", "", "", "", "机关运行经费预算数"],
    ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "", "", ""],
    ["", "", "", "小计", "购置费", "运行费", ""],
    ["47.91", "0", "1.35", "46.56", "25", "21.56", "443.18"],
]
THREE_TEXT = (
    "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：因公出国（境）费0万元，与2023年预算持平；"
    "公务用车购置及运行费46.56万元，比2023年预算增加25万元，其中：公务用车购置费25万元，公务用车运行费21.56万元；"
    "公务接待费1.35万元，与2023年预算持平。",
    "2024年本部门机关运行经费预算为443.18万元，比2023年预算减少12.00万元。",
)


def three_public(tmp_path: Path, *paragraphs: str) -> Path:
    return build(tmp_path, list(paragraphs), "部门“三公”经费和机关运行经费预算表", "万元", THREE_TABLE)


def test_three_public_text_that_restates_its_table(tmp_path):
    assert found(three_public(tmp_path, *THREE_TEXT), "V101") == []


@pytest.mark.parametrize(
    "old,new",
    [
        ("预算数为47.91万元", "预算数为49.71万元"),
        ("公务接待费1.35万元", "公务接待费1.53万元"),
        ("公务用车运行费21.56万元", "公务用车运行费21.65万元"),
        ("机关运行经费预算为443.18万元", "机关运行经费预算为434.18万元"),
    ],
)
def test_three_public_text_against_its_table(tmp_path, old, new):
    text = [p.replace(old, new) for p in THREE_TEXT]
    stated = (
        new.split("为")[-1] if "为" in new else new.removeprefix("公务接待费").removeprefix("公务用车运行费")
    )
    assert [(r, s) for r, s, _ in found(three_public(tmp_path, *text), "V101")] == [("V101", stated)]


# ----------------------------------------------------------------------------- Y103: dates left from last year


def disclosure_with(tmp_path: Path, title: str, table_title: str, *paragraphs: str) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(title)
    for text in paragraphs:
        document.add_paragraph(text)
    document.add_paragraph(table_title)
    document.add_paragraph("单位：万元")
    table = document.add_table(rows=len(FINAL_TABLE), cols=len(FINAL_TABLE[0]))
    for r, row in enumerate(FINAL_TABLE):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    path = tmp_path / "dates.docx"
    document.save(path)
    return path


FINAL_TITLE = ("上海市临江区档案局2024年度部门决算", "一般公共预算财政拨款支出决算表")
BUDGET_TITLE = ("上海市临江区2025年区级部门预算", "部门一般公共预算支出功能分类预算表")


@pytest.mark.parametrize(
    "titles,text",
    [
        (FINAL_TITLE, "截至2024年12月31日，本部门共有车辆2辆。"),
        (BUDGET_TITLE, "截至2024年8月31日，本部门共有车辆2辆，单价50万元以上的设备1台。"),
        (BUDGET_TITLE, "五、实施周期\n2025年1月1日-2025年12月31日"),
        (BUDGET_TITLE, "五、实施周期\n2024.7.1-2025.6.30"),  # a project across the budget year
        # a history, not the state the template asks for
        (FINAL_TITLE, "截至2023年6月，已累计完成档案数字化120万页。"),
    ],
)
def test_dates_of_this_report(tmp_path, titles, text):
    assert found(disclosure_with(tmp_path, titles[0], titles[1], *text.split("\n")), "Y103") == []


@pytest.mark.parametrize(
    "titles,text,stated,expected",
    [
        (FINAL_TITLE, "截至2023年12月31日，本部门共有车辆2辆。", "2023年", "2024年"),
        (BUDGET_TITLE, "截至2023年8月31日，本部门共有车辆2辆。", "2023年", "2024年"),
        (BUDGET_TITLE, "五、实施周期\n2024年1月1日-2024年12月31日", "2024年", "2025年"),
        (BUDGET_TITLE, "项目实施周期为2024年1月至2024年12月。", "2024年", "2025年"),
    ],
)
def test_dates_left_from_last_years_report(tmp_path, titles, text, stated, expected):
    path = disclosure_with(tmp_path, titles[0], titles[1], *text.split("\n"))
    assert found(path, "Y103") == [("Y103", stated, expected)]


def test_the_year_of_a_district_budget_from_its_title(tmp_path):
    from auditor import load

    path = disclosure_with(tmp_path, *BUDGET_TITLE)
    assert load(path).report_year == 2025


# ----------------------------------------------------------------------------- 项 paragraphs: found in the field

SUBJECT_FINAL_PASS = [
    # parts of the 项 and its budgets are not the row's 决算 合计 (512.40)
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。年初预算为500.00万元，支出决算为512.40万元，"
    "其中：基本支出决算412.40万元，项目支出决算100.00万元。",
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。全年预算数为530.00万元，决算数为512.40万元。",
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）。预算数为530.00万元，决算数为512.40万元。",
    # the 基本支出 of a 项 is not the 基本支出 total (696.21) of the tables
    "1、一般公共服务支出（类）档案事务（款）行政运行（项）512.40万元，其中：基本支出512.40万元。",
]
SUBJECT_FINAL_FAIL = [
    # a short numbered line is a heading by its form, and still a 项 paragraph
    ("1.一般公共服务支出（201类）档案事务（26款）行政运行（01项）521.40万元。", "521.40万元"),
    # a year before the chain, and a bare 决算为
    ("2024年一般公共服务支出（类）档案事务（款）行政运行（项）决算为521.40万元。", "521.40万元"),
]


@pytest.mark.parametrize("text", SUBJECT_FINAL_PASS)
def test_final_subject_paragraphs_that_restate_their_row(tmp_path, text):
    assert found(final(tmp_path, text), "V101") == []


@pytest.mark.parametrize("text,stated", SUBJECT_FINAL_FAIL)
def test_final_subject_paragraphs_against_their_row(tmp_path, text, stated):
    assert found(final(tmp_path, text), "V101") == [("V101", stated, "512.40万元")]


OFFICE_TABLE = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["201", "一般公共服务支出", "420.00", "420.00", ""],
    ["20103", "政府办公厅（室）及相关机构事务", "420.00", "420.00", ""],
    ["2010301", "行政运行", "420.00", "420.00", ""],
    ["205", "教育支出", "36.00", "", "36.00"],
    ["20508", "进修及培训", "36.00", "", "36.00"],
    ["2050803", "培训支出", "36.00", "", "36.00"],
    ["合计", "", "456.00", "420.00", "36.00"],
]


def office(tmp_path: Path, *paragraphs: str) -> Path:
    return build(tmp_path, list(paragraphs), "一般公共预算财政拨款支出决算表", "万元", OFFICE_TABLE)


def test_a_name_with_brackets_in_it(tmp_path):
    text = (
        "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。支出决算为420.00万元。"
    )
    assert found(office(tmp_path, text), "V101,K101") == []
    slip = text.replace("420.00", "402.00")
    assert found(office(tmp_path, slip), "V101") == [("V101", "402.00万元", "420.00万元")]


def test_short_names_and_ordinals(tmp_path):
    # "教育" is 教育支出's short form; the ordinal "2." is not part of the name
    text = "2.教育（205类）进修及培训（08款）培训支出（03项）36.00万元。"
    assert found(office(tmp_path, text), "V101,K101") == []
    # 与 for 和 is a slip of the pen, not another 科目
    same = "1、一般公共服务支出（201类）政府办公厅（室）与相关机构事务（03款）行政运行（01项）。支出决算为420.00万元。"
    assert found(office(tmp_path, same), "K101") == []
    # 其他… is another 科目 than the one it is the rest of
    other = "2.其他教育支出（205类）进修及培训（08款）培训支出（03项）36.00万元。"
    assert found(office(tmp_path, other), "K101") == [("K101", "其他教育支出", "教育支出")]


def test_a_completion_rate_after_the_parts_is_the_wholes(check):
    text = (
        "档案馆项目年初预算为140.00万元，支出决算为150.00万元，其中：基本支出决算120.00万元，"
        "项目支出决算30.00万元，完成年初预算的107.14%。\n"
    )
    assert rules(check, text, "C101") == []
    assert rules(check, text.replace("107.14%", "101.74%"), "C101") == [("C101", "101.74%", "107.14%")]


def test_completion_rates_of_each_part_are_against_their_own_budgets(check):
    text = (
        "“三公”经费支出年初预算为48,000.00元，支出决算为41,578.60元，完成年初预算的86.62%。其中：因公出国（境）费"
        "支出决算为0元，完成年初预算的0%；公务用车运行维护费支出决算为31,842.60元，完成年初预算的88.45%；"
        "公务接待费支出决算为9,736.00元，完成年初预算的81.13%。\n"
    )
    assert rules(check, text, "C101") == []
    # the whole's own rate is still checked
    assert rules(check, text.replace("86.62%", "89.62%"), "C101") == [("C101", "89.62%", "86.62%")]


YOY_TWO_COMPARISONS = [
    # the first comparison's difference is not the second one's current figure
    "公务接待费支出决算3.42万元，比预算减少0.58万元，比去年增加0.30万元，增长9.62%。\n",
    # the base of a rate is not the current figure of the change after it
    "收入决算数128650万元，为调整预算数125000万元的102.92%，比2023年增收5230万元，增长4.24%。\n",
]


@pytest.mark.parametrize("text", YOY_TWO_COMPARISONS)
def test_two_comparisons_in_one_sentence(check, text):
    assert rules(check, text, "Y101") == []


YOY_CONSTRUCTIONS = [
    # one-character 增 / 减, a 决算数 between the year and the verb, a bare 同比
    ("2024年度基本支出决算为630.20万元，较上年增30.20万元，增5.30%。", "5.30%", "5.03%"),
    ("2024年度项目支出决算为330.00万元，较2023年度决算数增加30.00万元，增长11.00%。", "11.00%", "10.00%"),
    ("2024年度公用经费支出决算为85000元，同比增加5000元，增长6.52%。", "6.52%", "6.25%"),
]


@pytest.mark.parametrize("text,stated,expected", YOY_CONSTRUCTIONS)
def test_year_over_year_constructions(check, text, stated, expected):
    right = text.replace(stated, expected)
    assert rules(check, f"某区档案局2024年度部门决算\n{right}\n", "Y101") == []
    assert rules(check, f"某区档案局2024年度部门决算\n{text}\n", "Y101") == [("Y101", stated, expected)]


MISSING_UNIT_FAIL = [
    ("机关运行经费支出184.65万元，比上年增加2.55万元，增长1.40，主要是照明设施更换。", "增长1.40"),
    (
        "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20。",
        "完成年初预算的98.20",
    ),
    ("2024年度一般公共预算财政拨款支出决算为2940.05，比上年减少12.30万元。", "决算为2940.05"),
]
MISSING_UNIT_PASS = [
    "机关运行经费支出184.65万元，比上年增加2.55万元，增长1.40%，主要是照明设施更换。",
    "人员经费占比比上年下降1.50个百分点，主要是人员退休。",
    "政府性基金预算拨款支出预算为0，国有资本经营预算拨款支出预算为0.00。",
]


@pytest.mark.parametrize("text,stated", MISSING_UNIT_FAIL)
def test_a_figure_without_its_unit(check, text, stated):
    assert [(r, s) for r, s, _ in rules(check, text + "\n", "T101")] == [("T101", stated)]


@pytest.mark.parametrize("text", MISSING_UNIT_PASS)
def test_figures_with_their_units(check, text):
    assert rules(check, text + "\n", "T101") == []


BASIC_PARTS_TABLE = [  # 一般公共预算财政拨款基本支出决算表 with its 人员经费 and 公用经费 totals
    ["科目编码", "科目名称", "决算数"],
    ["301", "工资福利支出", "640.21"],
    ["人员经费合计", "", "640.21"],
    ["302", "商品和服务支出", "56.00"],
    ["30201", "办公费", "54.80"],
    ["30217", "公务接待费", "1.20"],
    ["公用经费合计", "", "56.00"],
]
THREE_FINAL_TABLE = [
    ["合计", "合计", "公务接待费", "公务接待费"],
    ["预算数", "决算数", "预算数", "决算数"],
    ["2.00", "1.50", "2.00", "1.50"],
]


def test_basic_is_personnel_and_public(tmp_path):
    specs = [
        ("一般公共预算财政拨款支出决算表", FINAL_TABLE),
        ("一般公共预算财政拨款基本支出决算表", BASIC_PARTS_TABLE),
    ]
    assert found(tables(tmp_path, *specs), "F101") == []
    slipped = planted(BASIC_PARTS_TABLE, "公用经费合计", 2, "65.00")
    path = tables(tmp_path, specs[0], ("一般公共预算财政拨款基本支出决算表", slipped))
    assert found(path, "F101") == [("F101", "696.21万元", "705.21万元")]


def test_basic_lines_within_the_three_public_items(tmp_path):
    specs = [
        ("一般公共预算财政拨款基本支出决算表", BASIC_PARTS_TABLE),
        ("财政拨款“三公”经费支出决算表", THREE_FINAL_TABLE),
    ]
    assert found(tables(tmp_path, *specs), "F101") == []
    three = [list(r) for r in THREE_FINAL_TABLE]
    three[2] = ["2.00", "1.00", "2.00", "1.00"]
    path = tables(tmp_path, specs[0], ("财政拨款“三公”经费支出决算表", three))
    assert found(path, "F101") == [("F101", "1.20万元", "1.00万元")]
    # a code of a local classification under another name is not the 三公 item
    local = planted(BASIC_PARTS_TABLE, "30217", 1, "机关事业单位退休人员活动费")
    path = tables(
        tmp_path, ("一般公共预算财政拨款基本支出决算表", local), ("财政拨款“三公”经费支出决算表", three)
    )
    assert found(path, "F101") == []


def test_a_section_of_another_year(check):
    """A paragraph without a year under "六、2025年…预算安排情况" in a 2024 决算 is about 2025: its figures are
    not restatements of the 2024 ones."""
    text = (
        "某区档案局2024年度部门决算\n"
        "五、“三公”经费支出决算情况说明\n"
        "公务用车运行维护费4.36万元，比上年增加0.38万元。\n"
        "六、2025年机关运行经费预算安排情况\n"
        "公务用车运行维护费1.00万元，主要用于新增执法执勤车辆。\n"
    )
    assert rules(check, text, "V101") == []
    same_year = text.replace("六、2025年机关运行经费预算安排情况", "六、2024年机关运行经费情况")
    assert [r for r, *_ in rules(check, same_year, "V101")] == ["V101"]
