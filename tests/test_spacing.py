"""Spaces that spread a sentence out (text copied from a PDF or a web page): letter-spaced words and
spaces between a figure and its unit or %. The figures are read as if the spaces were not there, and
reported at their place in the line as written."""

from __future__ import annotations

import pytest

from auditor.text.chars import compact_spacing

SPREAD = [
    # (consistent, slipped, rule, the slipped figure's column)
    (
        "2023年本年支出合计 1875.44 万元 ，其中：基本支出 1350.20 万元 ，项目支出 525.24 万元 。",
        "2023年本年支出合计 1885.44 万元 ，其中：基本支出 1350.20 万元 ，项目支出 525.24 万元 。",
        "S101",
        13,
    ),
    (
        "2023年基本支出 1350.20 万元，比上年减少 12.30 万元 ，下降 0.90 % 。",
        "2023年基本支出 1350.20 万元，比上年减少 12.30 万元 ，下降 4.20 % 。",
        "Y101",
        41,
    ),
    (
        "基 本 支 出 决 算 1350.20 万 元 ， 比 上 年 增 加 50.00 万 元 ， 增 长 3.85 % 。",
        "基 本 支 出 决 算 1350.20 万 元 ， 比 上 年 增 加 50.00 万 元 ， 增 长 3.58 % 。",
        "Y101",
        53,
    ),
]


@pytest.mark.parametrize("right,wrong,rule,column", SPREAD)
def test_spread_out_figures_are_read(check, right, wrong, rule, column):
    title = "某区档案局2023年度部门决算\n"
    assert [f.rule for f in check(title + right + "\n", select="S,Y")] == []
    found = [(f.rule, f.line, f.column) for f in check(title + wrong + "\n", select="S,Y")]
    assert found == [(rule, 2, column)]


def test_what_compacting_keeps():
    text, origin = compact_spacing("基 本 支 出 1350.20 万元 ，GDP 增长 2023 2024年")
    assert (
        text == "基本支出1350.20万元，GDP 增长2023 2024年"
    )  # after Latin, and between two numbers, spaces stay
    assert [origin[text.index(ch)] for ch in "本1万"] == [2, 8, 16]
    assert compact_spacing("没有空格") == ("没有空格", [0, 1, 2, 3])


def test_a_web_copys_doubled_punctuation_is_read_once():
    text, origin = compact_spacing("金额1931.86万元,,占总额的6.7%,。货物支出4895.57万元,、工程")
    assert text == "金额1931.86万元,占总额的6.7%。货物支出4895.57万元,工程"
    assert origin[text.index("占")] == 13  # each kept character where it stands in the line
    assert compact_spacing("1,234,567元") == ("1,234,567元", list(range(10)))


def test_a_share_after_doubled_commas(check):
    """ "…合同金额1931.86万元,,占政府采购支出总额的6.7%": the share of the figure before the commas."""
    text = (
        "2021年度政府采购支出总额28861.94万元。授予小微企业合同金额1931.86万元,,占政府采购支出总额的{p}%,。\n"
    )
    assert check(text.format(p="6.7"), select="P101") == []
    assert [f.stated for f in check(text.format(p="9.7"), select="P101")] == ["9.7%"]
