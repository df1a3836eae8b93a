"""False alarms met on real 预算/决算公开 text, each kept from coming back (the tables have their own tests).

The sentences are written in the genre's style for these tests; the figures are invented.
"""

from __future__ import annotations

import pytest

UNIT = "上海市某某区档案局"


def rules(check, text: str, select: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.stated, f.expected) for f in check(text, select=select)]


# ----------------------------------------------------------------------------- S101: change amounts

CHANGE_AMOUNTS_PASS = [
    # a change amount inside the list is neither a part nor the whole: 860.12 + 240.00 + 0 + 0 = 1100.12
    f"2025年，{UNIT}收入预算1,100.12万元，其中：财政拨款收入860.12万元，比2024年预算增加0.46万元；"
    "事业收入240.00万元；事业单位经营收入0.00万元；其他收入0.00万元。\n",
    # "…，比上年增加25万元。其中：" breaks down the level (47.91), not the change (25)
    "2025年“三公”经费预算数为47.91万元，比2024年预算增加25万元。其中：\n"
    "（一）因公出国（境）费0万元，与2024年预算持平。\n"
    "（二）公务用车购置及运行费46.56万元，比2024年预算增加25万元。\n"
    "（三）公务接待费1.35万元，与2024年预算持平。\n",
    # "稳增长30.00万" names a programme: it is a part, and the parts add up
    "2025年度项目总预算1200.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，"
    "区级支持总部经济800.00万，合计1200.00万。\n",
]
CHANGE_AMOUNTS_FAIL = [
    # the same list with a slip in a real part is still caught
    (
        f"2025年，{UNIT}收入预算1,100.12万元，其中：财政拨款收入860.12万元，比2024年预算增加0.46万元；"
        "事业收入250.00万元；事业单位经营收入0.00万元；其他收入0.00万元。\n",
        [("S101", "1,100.12万元", "1110.12万元")],
    ),
    # bare 万 with two decimals in a budget line is 万元: 370 + 30 + 800 ≠ 1210
    (
        "2025年度项目总预算1210.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，"
        "区级支持总部经济800.00万，合计1210.00万。\n",
        [("S101", "1210.00万元", "1200.00万元")],
    ),
]


@pytest.mark.parametrize("text", CHANGE_AMOUNTS_PASS)
def test_change_amounts_are_not_parts(check, text):
    assert rules(check, text, "S101") == []


@pytest.mark.parametrize("text,expected", CHANGE_AMOUNTS_FAIL)
def test_real_parts_still_checked(check, text, expected):
    assert rules(check, text, "S101") == expected


# ----------------------------------------------------------------------------- H101 / H102: outlines

OUTLINE_PASS = [
    # an unnumbered title opens a part of its own that numbers from 一、 again
    "一、主要职能\n二、机构设置\n三、名词解释\n其他相关情况说明\n一、“三公”经费预算\n二、机关运行经费预算\n",
    "2025年部门预算编制说明\n（一）收入预算\n（二）支出预算\n项目经费情况说明\n（一）项目概况\n（二）立项依据\n",
    # （八） run into the end of the previous item is not a skip
    "主要职能\n（一）负责财政收支。\n（二）负责会计管理。（三）负责国库管理。\n（四）完成交办的其他任务。\n",
    # the 目录 lists titles the body writes without ordinals, with the year, or under the unit's own name
    "目 录\n一、单位主要职能\n二、单位机构设置\n三、单位预算编制说明\n四、单位预算表\n"
    "1．2025年预算单位财务收支预算总表\n2．2025年预算单位收入预算总表\n"
    f"{UNIT}主要职能\n正文。\n{UNIT}机构设置\n正文。\n2025年单位预算编制说明\n正文。\n"
    "2025年预算单位财务收支预算总表\n2025年预算单位收入预算总表\n",
    # parts inside the 目录, each numbering from 一、
    "目 录\n第一部分 单位概况\n一、主要职能\n二、单位构成\n第二部分 决算表\n一、收入支出决算总表\n二、收入决算表\n"
    "第一部分 单位概况\n一、主要职能\n正文。\n二、单位构成\n正文。\n第二部分 决算表\n一、收入支出决算总表\n二、收入决算表\n",
    # 目录 lines with dot leaders are entries; a project's own 一、…七、 does not answer the 目录's 七、
    "目 录\n一、部门主要职能 ………………………… 3\n二、其他相关情况说明 ………………………… 9\n"
    "三、项目经费情况说明 …………………………… 12\n"
    "部门主要职能\n正文。\n其他相关情况说明\n一、“三公”经费\n正文。\n"
    "档案数字化项目经费情况说明\n一、项目概况\n正文。\n二、立项依据\n正文。\n三、绩效目标\n正文。\n",
    # a loosely reworded title
    "目录\n一、概况\n二、其他重要事项说明\n一、概况\n正文。\n二、其他重要事项的情况说明\n正文。\n",
]
OUTLINE_FAIL = [
    # a real skip is still reported: （二） is nowhere
    ("主要职能\n（一）负责财政收支。\n（三）负责国库管理。\n", [("H101", "（三）", "（二）")]),
    # a 目录 entry that names a different section
    (
        "目录\n一、概况\n二、绩效目标\n一、概况\n正文。\n二、存在的问题\n正文。\n",
        [("H102", "二、绩效目标", "二、存在的问题")],
    ),
]


@pytest.mark.parametrize("text", OUTLINE_PASS)
def test_disclosure_outlines_pass(check, text):
    assert rules(check, text, "H101,H102") == []


@pytest.mark.parametrize("text,expected", OUTLINE_FAIL)
def test_outline_slips_still_reported(check, text, expected):
    assert rules(check, text, "H101,H102") == expected


def test_toc_entry_with_full_width_dot_before_a_year_is_an_entry():
    from auditor.text.ordinals import parse_ordinal

    item = parse_ordinal(1, "4．2025年部门财政拨款收支预算总表")
    assert item is not None and (item.level, item.number) == (3, 4)
    assert parse_ordinal(1, "3.5万元用于培训") is None  # a decimal is not an ordinal


# ----------------------------------------------------------------------------- D102: form sentences

VEHICLES = (
    f"截至2024年8月31日，{UNIT}共有车辆3辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
    "应急保障用车0辆、执法执勤用车3辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；"
    "单价100万元（含）以上设备（不含车辆）0台（套）。\n"
    "2025年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
    "应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆；"
    "部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。\n"
)
ITEMS = (
    "1.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”76.76万元，"
    "主要用于人员养老保险费用。2024年当年预算执行数为70.70万元，2025年预算安排76.76万元，比2024年预算执行数增加8.57%。"
    "主要原因是：根据实际支出。\n"
    "2.“社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”38.38万元，"
    "主要用于人员职业年金缴费。2024年当年预算执行数为35.35万元，2025年预算安排38.38万元，比2024年预算执行数增加8.57%。"
    "主要原因是：根据实际支出。\n"
)
PASTE = (
    "二是推进人才招聘。全面抓好全区事业单位公开招聘和高校毕业生招募工作，做实做细招聘公告发布、报名资格审核、"
    "笔试、面试、体检考察等环节，圆满完成公开招聘工作。抓好人才回归工作，从区外调入事业单位人员{a}人，"
    "其中，专业技术人才{b}人、管理人才{c}人。"
)


@pytest.mark.parametrize("text", [VEHICLES, ITEMS])
def test_form_sentences_about_different_subjects_are_not_half_updated_pastes(check, text):
    assert rules(check, text, "D102") == []


def test_a_half_updated_paste_of_whole_sentences_is_still_reported(check):
    text = PASTE.format(a=32, b=27, c=5) + PASTE.format(a=23, b=19, c=4) + "\n"
    assert [r for r, _, _ in rules(check, text, "D102")] == ["D102"]


# ----------------------------------------------------------------------------- Y101 / Y102: budget 项 paragraphs

ITEM = (
    "2025年单位预算编制说明\n"
    "9、社会保障和就业支出（208类）行政事业单位养老支出（05款）机关事业单位职业年金缴费支出（06项）{b}万元。"
    "主要用于：支付职业年金。2024年当年预算执行数为{a}万元，2025年预算安排{b}万元，比2024年预算执行数增加{p}%。"
    "主要原因是：缴费基数调整。\n"
)


def test_prior_figure_stated_earlier_in_the_sentence_is_the_base(check):
    assert rules(check, ITEM.format(a="77.99", b="91.97", p="17.93"), "Y101") == []
    assert rules(check, ITEM.format(a="77.99", b="91.97", p="17.66"), "Y101") == [
        ("Y101", "17.66%", "17.93%")
    ]


def test_a_change_amount_is_not_the_prior_figure(check):
    text = (
        "2025年部门预算编制说明\n"
        "2025年，本部门支出预算1200.00万元，比2024年预算增加100.00万元；政府性基金拨款支出预算0万元，"
        "与2024年预算持平。\n"
    )
    assert rules(check, text, "Y101") == []


BUDGET_ITSELF = (
    "2025年部门预算编制说明\n"
    "2025年，本部门收入预算1200.00万元，其中：财政拨款收入1200.00万元，比{year}年预算增加100.00万元。\n"
)


def test_a_budget_compared_with_itself_names_the_wrong_year(check):
    assert rules(check, BUDGET_ITSELF.format(year=2025), "Y102") == [("Y102", "2025年", "2024年")]
    assert rules(check, BUDGET_ITSELF.format(year=2024), "Y102") == []


def test_actuals_against_the_same_years_budget_are_fine(check):
    text = "2024年度部门决算情况说明\n2024年一般公共预算财政拨款支出决算为980.00万元，比2024年预算减少20.00万元。\n"
    assert rules(check, text, "Y102") == []


# ----------------------------------------------------------------------------- areas, 约为, empty-table notes

AREA = (
    "本工程规划建筑面积约为13459平方米，其中地上建筑面积为{up}平方米（其中计容面积7998平方米，不计容面积105平方米），"
    "地下建筑面积为5356平方米。\n"
)


def test_floor_areas_add_up_like_amounts(check):
    assert rules(check, AREA.format(up=8103), "S101") == []
    assert rules(check, AREA.format(up=8013), "S101") == [("S101", "8013平方米", "8103平方米")]


def test_a_figure_after_yue_wei_is_approximate():
    from auditor.extract.figures import extract_quantities

    (q,) = extract_quantities("用地面积约为4000.6平方米", 1)
    assert q.approx and q.qualifier == "约为"


EMPTY_NOTE = (
    "2025年部门“三公”经费和机关运行经费预算表\n单位：万元\n"
    "\t“三公”经费合计\n\t公务接待费\n\t机关运行经费\n\n"
    "\t{total}\n\t{total}\n\t{admin}\n\n"
    "注：本部门2025年无“三公”经费预算，故本表为空表。\n"
)


def test_an_empty_table_note_under_a_table_with_figures_is_residue(check):
    found = rules(check, EMPTY_NOTE.format(total="1.35", admin="443.18"), "T101")
    assert found == [("T101", "故本表为空表", None)]
    assert rules(check, EMPTY_NOTE.format(total="0", admin="0"), "T101") == []
