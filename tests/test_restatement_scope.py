"""V101 restatements: what a label's scope words mean (fund, budget or actual, whose)."""

from __future__ import annotations

import pytest

TITLE = "某县某局2024年度部门决算\n"

PROJECT_SPENDING = "2024年，财政拨款项目支出总计95.20万元。\n2024年度本部门财政拨款项目支出累计达到{b}万元，主要用于就业服务。\n"


def test_fund_project_spending_restated(check):
    """财政拨款项目支出 is the unit's project spending of that fund, however the label ends (总计, 累计达到)
    and whoever it names first (2024年度本部门…)."""
    assert check(TITLE + PROJECT_SPENDING.format(b="95.20"), select="V101") == []
    found = check(TITLE + PROJECT_SPENDING.format(b="92.50"), select="V101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("V101", "92.50万元", "95.20万元")]


NOT_THE_SAME = [
    # a bare 项目支出 may be any section's (本年支出 or 财政拨款): not compared
    "2024年项目支出95.20万元。\n三、财政拨款支出情况\n2024年项目支出80.10万元。\n",
    # another year, last year, a budget, another fund
    "2024年财政拨款项目支出95.20万元。2023年财政拨款项目支出80.10万元。\n",
    "2024年财政拨款项目支出95.20万元。上年财政拨款项目支出80.10万元。\n",
    "财政拨款项目支出预算120.00万元。财政拨款项目支出95.20万元。\n",
    "2024年财政拨款项目支出95.20万元。政府性基金财政拨款项目支出12.00万元。\n",
    "2024年财政拨款项目支出95.20万元。一般公共预算财政拨款项目支出90.00万元。\n",
    "2024年本级财政拨款项目支出60.00万元。2024年财政拨款项目支出95.20万元。\n",
    # 一般公共预算 names a fund, not a budget: its budget and its actual are two figures
    "2024年一般公共预算财政拨款支出预算500.00万元。\n2024年一般公共预算财政拨款支出480.00万元。\n",
    "2024年一般公共预算财政拨款项目支出预算120.00万元。\n2024年一般公共预算财政拨款项目支出95.20万元。\n",
]


@pytest.mark.parametrize("text", NOT_THE_SAME)
def test_different_quantities_are_not_compared(check, text):
    assert check(TITLE + text, select="V101") == []


def test_general_budget_is_a_fund_scope():
    """一般公共预算 is the fund; 预算 after it is the budget figure."""
    from auditor.extract.restatements import _parse

    assert _parse("2024年一般公共预算财政拨款支出", []) == ("总支出", frozenset({"一般公共预算", "财政拨款"}))
    _, scope = _parse("一般公共预算财政拨款支出预算", [])
    assert scope == frozenset({"一般公共预算", "财政拨款", "预算"})


_TWO_FUNDS = """全县一般公共预算收支平衡表
单位：万元
| 项目 | 执行数 |
| 一、税收收入 | 3000 |
| 二、上级补助收入 | 2000 |
| 合计 | 5000 |
全县{fund}收支平衡表
单位：万元
| 项目 | 执行数 |
| 一、土地出让收入 | 900 |
| 二、上级补助收入 | 100 |
"""


def test_the_same_row_in_tables_of_two_funds_is_two_quantities(check):
    """上级补助收入 of the 一般公共预算 table and of the 政府性基金 one: the fund each table's title names."""
    assert check(_TWO_FUNDS.format(fund="政府性基金预算"), select="V101") == []
    found = check(_TWO_FUNDS.format(fund="一般公共预算补充"), select="V101")
    assert [(f.rule, f.stated) for f in found] == [("V101", "100万元")]


# two levels of government, each a paragraph whose 其中 sentence speaks of the level it opened with
_LEVELS = (
    "2024年全州“三公”经费财政拨款支出520万元，比上年减支40万元。其中：公车购置支出60万元，比上年减支10万元，"
    "为年初预算数62万元的96.77%；公务接待费支出90万元，比上年减支6万元。\n"
    "州本级“三公”经费财政拨款支出130万元，比上年减支12万元。其中：公车购置支出20万元，比上年减支4万元，"
    "为年初预算数25万元的80%；公务接待费支出30万元，比上年减支2万元。\n"
    "综上，全州“三公”经费财政拨款支出{again}万元，控制在年初预算以内。\n"
)


def test_the_level_a_paragraph_opens_with_scopes_its_qizhong_sentence(check):
    assert check(TITLE + _LEVELS.format(again="520"), select="V101") == []
    # the same level's figure restated otherwise is still found
    found = check(TITLE + _LEVELS.format(again="530"), select="V101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("V101", "530万元", "520万元")]


# a bare total (资金总额, 财政拨款收入总额) named by the count in the clause before it: "共实施项目N个，资金总额…"
BARE_TOTAL = (
    "（一）收入情况。\n2024年本单位年初项目预算共计6个，财政拨款收入总额为1365420.50元。\n"
    "（二）支出情况。\n2024年财政拨款项目支出总计2310000.00元。2024年本单位年初项目预算共计6个，"
    "财政拨款收入总额为{b}元。\n"
)


def test_a_bare_total_is_what_the_count_before_it_names(check):
    assert check(TITLE + BARE_TOTAL.format(b="1365420.50"), select="V101") == []
    found = check(TITLE + BARE_TOTAL.format(b="1365420.80"), select="V101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("V101", "1365420.80元", "1365420.50元")]


@pytest.mark.parametrize(
    "text",
    [
        # two counts of two things: their totals are two quantities
        "2024年共实施基础设施类项目3个，资金总额50.00万元。2024年共实施民生保障类项目2个，资金总额30.00万元。\n",
        # a bare total after an amount is a part's sibling or the sum of the parts, not whose it is
        "2024年一般公共预算支出合计为120.00万元，转移性支出0.84万元，合计120.84万元。2024年支出合计为98.00万元。\n",
        # a count named by a verb alone names no subject
        "共3个，资金总额50.00万元。共2个，资金总额30.00万元。\n",
    ],
)
def test_bare_totals_of_different_things_are_not_compared(check, text):
    assert check(TITLE + text, select="V101") == []


UNIT_TOTAL_PARTS = (
    "2024年度总收入8,420.60万元，其中：财政拨款收入5,120.40万元，事业收入2,310.20万元，其他收入990.00万元。\n"
    "③其他收入：本年度我校其他收入为{b}万元，主要是捐赠收入。\n"
)


def test_a_part_of_the_units_total_restated_in_its_own_paragraph(check):
    """L350: "总收入W，其中：…其他收入a" and "本年度我校其他收入为a": the unit's total scopes nothing, and 我校/我院/本中心
    say whose, not what."""
    assert check(TITLE + UNIT_TOTAL_PARTS.format(b="990.00"), select="V101") == []
    found = check(TITLE + UNIT_TOTAL_PARTS.format(b="999.00"), select="V101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("V101", "999.00万元", "990.00万元")]


def test_a_part_of_a_budget_total_is_not_the_actuals_part(check):
    """L350: a whole with a scope of its own (预算) still scopes its parts."""
    text = (
        "2024年度收入预算总额8,420.60万元，其中：财政拨款收入5,120.40万元，其他收入990.00万元。\n"
        "③其他收入：本年度我校其他收入为999.00万元，主要是捐赠收入。\n"
    )
    assert check(TITLE + text, select="V101") == []
