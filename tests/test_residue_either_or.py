"""T101: an either-or choice of the template left in brackets (增加（减少）, 下降（增长）, 本部门（单位）).

The sentences are written in the style of 部门预算/决算 情况说明 for these tests; the figures are invented.
"""

from __future__ import annotations

import pytest

UNIT = "上海市某区园林绿化局"


def residue(check, text: str) -> list[tuple[str, int, str | None]]:
    return [(f.rule, f.line, f.stated) for f in check(text, select="T101")]


EITHER_OR_FAILING = [
    # the template's "增加（减少）…，增长（下降）" kept in a filled-in sentence
    (
        f"2025年{UNIT}收入支出预算总计1,468.20万元，比上年增加（减少）12.30万元，增长（下降）0.8%。\n",
        ["增加（减少）", "增长（下降）"],
    ),
    # the 三公 template puts the decrease first
    (
        "2024年度公务接待费支出决算比2023年度减少（增加）0.62万元，下降（增长）4.5%。\n",
        ["减少（增加）", "下降（增长）"],
    ),
    ("一般公共预算财政拨款支出较上年上升（下降）3.2%，主要是项目支出调整。\n", ["上升（下降）"]),
    ("公用经费比上年提高（降低）1.06万元。\n", ["提高（降低）"]),
    ("人员经费比上年降低（提高）2.15万元。\n", ["降低（提高）"]),
    # half-width brackets, as a Word template typed on an English keyboard has them
    ("机关运行经费预算为86.40万元，比上年增加(减少)3.10万元。\n", ["增加(减少)"]),
    # a mixed pair and a space the PDF's text layer put inside the brackets (quoted without the space
    # the figures' reading takes out)
    ("政府采购预算比上年增加（ 减少）5.00万元。\n", ["增加（减少）"]),
    # the short form of a 预算 table note
    ("财政拨款收入较上年增（减）42.00万元。\n", ["增（减）"]),
    ("其他收入较上年减(增)0.80万元。\n", ["减(增)"]),
    # a reason sentence copied from the template with the choice still open
    ("财政拨款收入支出增加（减少）的主要原因是新增绿地养护项目。\n", ["增加（减少）"]),
    # the template's self-reference left unfilled
    ("根据预算绩效管理要求，本部门（单位）对8个项目编制了绩效目标。\n", ["本部门（单位）"]),
    ("截至2024年12月31日，本单位（部门）共有车辆2辆。\n", ["本单位（部门）"]),
    ("本部门(单位)2025年无政府性基金预算安排。\n", ["本部门(单位)"]),
    # the 决算 template's "决算数大于（小于）预算数的主要原因" with the comparison left open
    (
        "4、档案馆（项）：年初预算为96.00万元，支出决算为100.00万元。决算数大于（小于）预算数的主要原因：档案征集增加。\n",
        ["大于（小于）"],
    ),
    ("决算数小于(大于)预算数的主要原因是项目延期。\n", ["小于(大于)"]),
    # the slash form is still found, next to the bracket form
    ("事业收入比上年增加/减少6.00万元，下降（增长）12.5%。\n", ["增加/减少", "下降（增长）"]),
]


EITHER_OR_PASSING = [
    # brackets that explain the change, not an alternative
    "在职人员经费比上年减少（主要是人员调出）8.40万元。\n",
    "项目支出比上年增长（见表3）15.6%。\n",
    "公务用车运行维护费比上年下降（同口径）6.2%。\n",
    "事业收入比上年增加（含上年结转）20.00万元。\n",
    "其他收入比上年减少（减幅较小）0.30万元。\n",
    # one direction chosen: the template was filled in properly
    f"2025年{UNIT}收入支出预算总计1,468.20万元，比上年增加12.30万元，增长0.8%。\n",
    "2024年度公务接待费支出决算比2023年度减少0.62万元，下降4.5%。\n",
    # a signed change under its accounts label: the sign says the direction
    "现金及现金等价物净增加（减少）额为-3.20万元。\n",
    "与上年相比的增（减）幅见附表。\n",
    "表中“增（减）比例”栏按本年决算数与上年决算数计算。\n",
    "“增加（减少）数”一栏填列本年与上年的差额。\n",
    # ordinary policy wording and the 财政局's own duties
    "督促各部门（单位）做好预算公开工作。\n",
    "审核批复部门（单位）的年度预决算，组织财政资金的调度。\n",
    # a comparison that was chosen, and brackets that only qualify it
    "决算数大于预算数（含年中追加）的主要原因是新增档案数字化项目。\n",
    # single 多/少 is too common to be a template's choice
    "比上年多（少）安排的资金主要用于绿化养护。\n",
]


@pytest.mark.parametrize(("text", "found"), EITHER_OR_FAILING)
def test_a_bracketed_choice_left_open_is_residue(check, text, found):
    assert residue(check, text) == [("T101", 1, stated) for stated in found]


@pytest.mark.parametrize("text", EITHER_OR_PASSING)
def test_brackets_that_are_prose_pass(check, text):
    assert residue(check, text) == []


def test_the_line_of_a_choice_is_reported(check):
    text = (
        "一、收入支出预算总体情况\n"
        f"2025年{UNIT}收入支出预算总计1,468.20万元，比上年增加12.30万元。\n"
        "二、三公经费\n"
        "公务接待费预算比上年减少（增加）0.20万元。\n"
    )
    assert residue(check, text) == [("T101", 4, "减少（增加）")]
