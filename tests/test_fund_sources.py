"""S102 on the funds block of a project form: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金.

Self-evaluation forms (项目支出绩效自评表) and budget 绩效目标表 state a project's money by source, one row per
source, in every amount column. A block that closes with 其他资金 is complete; anything else is not read.
"""

from __future__ import annotations

import pytest

TITLE = "某县某局2024年度项目支出绩效自评报告\n"


def flattened(caption: str, rows: list[list[str]]) -> str:
    out = [caption]
    for row in rows:
        out += ["\t" + cell for cell in row]
        out.append("")
    return "\n".join(out) + "\n以上为本表情况。\n"


def standard_form(total: str, grant: str, carried: str, other: str) -> str:
    """The national template: 年初预算数, 全年预算数, 全年执行数, then 分值, 执行率, 得分 on the total row only."""
    return flattened(
        "项目支出绩效自评表",
        [
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["", "年度资金总额", "80.00", "96.00", total, "10", "93.75%", "9.38"],
            ["", "其中：当年财政拨款", "80.00", "86.00", grant, "—", "—", "—"],
            ["", "上年结转资金", "", "10.00", carried, "—", "—", "—"],
            ["", "其他资金", "", "", other, "—", "—", "—"],
        ],
    )


def paired_form(budget: str, grant: str, other: str) -> str:
    """Pairs "预算数: | 40 | 执行数: | 40" — each amount after its own label, two blocks side by side."""
    return flattened(
        "项目绩效目标完成情况表",
        [
            ["项目名称", "城乡居民就业服务经费"],
            ["预算执行情况(万元)", "预算数:", budget, "执行数:", "36万"],
            ["", "其中-财政拨款:", grant, "其中-财政拨款:", "30万"],
            ["", "其它资金:", other, "其它资金:", "6万"],
        ],
    )


def budget_target_form(applied: str) -> str:
    """A budget's 项目绩效目标表 (元): 项目资金总额 and 年度资金申请总额 side by side, each with its sources."""
    return flattened(
        "2024年度项目绩效目标申报表\n单位：元",
        [
            ["项目名称", "社区综合服务保障"],
            ["项目资金（元）", "项目资金总额", "2,450,000.00", "年度资金申请总额", applied],
            ["", "其中：财政资金", "2,450,000.00", "其中：当年财政拨款", "2,300,000.00"],
            ["", "", "", "上年结转资金", "150,000.00"],
            ["", "其他资金", "0.00", "其他资金", "0.00"],
        ],
    )


PIPE_FORM = (
    "项目支出绩效自评表\n"
    "资金来源 | 全年预算数（万元） | 全年执行数（万元）\n"
    "年度资金总额 | 52.40 | {total}\n"
    "其中：当年财政拨款 | 50.00 | 48.10\n"
    "上年结转资金 | 2.40 | 2.40\n"
    "其他资金 | - | -\n"
    "以上为本表情况。\n"
)

CONSISTENT = [
    standard_form("90.00", "80.50", "9.50", ""),
    paired_form("40万", "34万", "6万"),
    budget_target_form("2,450,000.00"),
    PIPE_FORM.format(total="50.50"),
    # rounding: 47.3 stands for 47.25..47.35, and 38.26 + 9.04 = 47.30
    flattened(
        "项目支出绩效自评表",
        [
            ["资金", "全年预算数", "全年执行数"],
            ["年度资金总额", "48.0", "47.3"],
            ["其中：当年财政拨款", "38.96", "38.26"],
            ["其他资金", "9.04", "9.04"],
        ],
    ),
]

SLIPPED = [
    # (text, stated, expected)
    (standard_form("93.00", "80.50", "9.50", ""), "93.00万元", "90.00万元"),
    (standard_form("90.00", "83.50", "9.50", ""), "90.00万元", "93.00万元"),
    (paired_form("40万", "37万", "6万"), "40万元", "43万元"),
    (budget_target_form("2,750,000.00"), "2,750,000.00元", "2450000.00元"),
    (PIPE_FORM.format(total="53.50"), "53.50万元", "50.50万元"),
]


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_funds_blocks_raise_nothing(check, text):
    assert check(TITLE + text, select="S") == []


@pytest.mark.parametrize(("text", "stated", "expected"), SLIPPED)
def test_a_source_that_does_not_add_up(check, text, stated, expected):
    found = [(f.rule, f.stated, f.expected) for f in check(TITLE + text, select="S")]
    assert found == [("S102", stated, expected)]


NOT_A_FUNDS_BLOCK = [
    # no 其他资金 row: 其中 names one source only, the block may go on elsewhere
    flattened(
        "项目支出绩效自评表",
        [
            ["资金", "全年预算数"],
            ["年度资金总额", "100.00"],
            ["其中：当年财政拨款", "80.00"],
            ["上年结转资金", "5.00"],
        ],
    ),
    # a numbered row ends the group before 其他资金: 事业收入 is not a source of 财政拨款收入
    flattened(
        "单位：万元",
        [
            ["项目", "决算数"],
            ["一、财政拨款收入", "100.00"],
            ["其中：一般公共预算", "80.00"],
            ["二、事业收入", "10.00"],
            ["其他资金", "5.00"],
        ],
    ),
    # a 合计 row ends it too
    flattened(
        "单位：万元",
        [
            ["项目", "金额"],
            ["资金总额", "100.00"],
            ["其中：财政拨款", "70.00"],
            ["合计", "70.00"],
            ["其他资金", "5.00"],
        ],
    ),
    # approximate figures are never checked as exact
    flattened(
        "项目支出绩效自评表",
        [
            ["资金", "全年执行数"],
            ["年度资金总额", "约90万"],
            ["其中：当年财政拨款", "60万"],
            ["其他资金", "0"],
        ],
    ),
]


@pytest.mark.parametrize("text", NOT_A_FUNDS_BLOCK)
def test_blocks_that_are_not_complete_are_not_read(check, text):
    assert check(TITLE + text, select="S") == []


def test_a_performance_form_is_not_a_standard_table(check):
    """项目支出绩效自评表 names 项目支出 and a 表, but it is no 项目支出决算表: its funds block is read, and its
    分值 and 得分 columns (10, 9.38 on the total row only) are not summed."""
    found = check(TITLE + standard_form("93.00", "80.50", "9.50", ""), select="S,F,V")
    assert [(f.rule, f.line) for f in found] == [("S102", 16)]
