"""Y101 year-over-year and Y102 prior-year: changes in the reports' phrasings and tables."""

import pytest

TITLE = "某县人力资源和社会保障局2020年度部门决算情况说明\n"
TITLE23 = "某县人力资源和社会保障局2023年部门整体支出绩效自评报告\n"

PASSING = [
    TITLE
    + "2020年度收、支总计2952.11万元、2845.57万元。与2019年相比，收、支总计各减少181.24万元、242.82万元，分别下降5.78%、7.86%。",
    TITLE
    + "2020年一般公共预算财政拨款支出2845.57万元，占本年支出合计的100%。与2019年相比，一般公共预算财政拨款减少242.82万元，下降7.86%。",
    TITLE + "2020年，本局机关运行经费支出355.9万元，比2019年减少4.66万元，下降1.29%。",
    TITLE
    + "公务用车购置及运行维护费支出15.5万元。公务用车购置及运行维护费支出决算比2019年减少0.5万元，下降3.13%。",
    TITLE23
    + "2023年本年收入1868.58万元，较上年收入1760.86万增加6.12%，2023年支出合计1885.44万元，较上年1757.02万元增加7.31%。",
    TITLE23
    + "寻甸县人社局2023年度年初预算安排1401.15万元，2022年度年初预算安排1217.55万元，较上年度增加15.08%。",
    TITLE23
    + "2023年度“三公经费”支出2.79万元，其中公务用车购置费0万元，公务用车运行维护费2.4万元，公务接待费0.38万元。2022年度“三公经费”支出20.50万元，其中公务用车购置费17.97万元，公务用车运行维护费2.4万元，公务接待费0.14万元。较上年度“三公经费”支出减少86.39%，其中公务用车购置费减少100%，公务用车运行维护费与上年一致，公务接待费增加171.43%。",
    "2019年年末存量资金规模为2670.6万元，2018年度年末存量资金规模为4978.72万元，全年部门财政存量资金变动率为-46.36%。",
    "城乡居民基础养老金最低标准从每人每月148元提高至每人每月170元，增长14.86%。",
    TITLE + "2020年总收入比2019年总收入3133.35万元减少181.24万元、下降5.78%。",
    # the next sentence opens with the figure's own name and the measure compared (决算): its prior year
    # (an excerpt without its title: the report year is not known)
    "公务接待费支出3.26万元，完成预算96.50%。公务接待费支出决算比2022年减少0.84万元，下降20.49%。",
    # …and a sentence naming another item is about that item, not the figure before it
    "公务接待费支出3.26万元。公务用车运行维护费支出决算比2022年减少0.84万元，下降25.49%。",
    # rates about the figure between it and its comparison: against the budget, against the even pace
    "1-3月，全县实现一般公共预算收入24600万元，完成预算的25.10%，较均衡进度慢-0.10%，较上年同期增收1600万元，增长6.96%。",
    "3月份，全县实现一般公共预算收入8200万元，完成预算98000万元的8.37%，较均衡进度快0.04%，较上年同期减收400万元，下降4.65%。",
    # approximate figures are never checked as exact
    TITLE + "全年支出约3000万元，比2019年增加200万元，增长10%。",
    # a change with nothing to check it against
    TITLE + "合同签订率达到95.8%，比上年提高1.2个百分点。",
    # a table 同比 column against a 上年 column
    "\t指标\n\t上年数\n\t实际数\n\t同比\n\n\t城镇新增就业人数\n\t33,414\n\t30,342\n\t-9.19%\n",
]

FAILING = [
    (TITLE + "2020年，本局机关运行经费支出355.9万元，比2019年减少4.66万元，下降1.92%。", "1.92%", "1.29%"),
    (TITLE23 + "2023年本年收入1868.58万元，较上年收入1760.86万元增加7.12%。", "7.12%", "6.12%"),
    (TITLE23 + "2023年支出合计1885.44万元，较上年1757.02万元增加128.42万元，增长7.13%。", "7.13%", "7.31%"),
    (
        TITLE
        + "2020年度收、支总计2952.11万元、2845.57万元。与2019年相比，收、支总计各减少181.24万元、242.82万元，分别下降5.78%、8.76%。",
        "8.76%",
        "7.86%",
    ),
    (
        TITLE23
        + "寻甸县人社局2023年度年初预算安排1401.15万元，2022年度年初预算安排1217.55万元，较上年度增加16.08%。",
        "16.08%",
        "15.08%",
    ),
    (
        TITLE23
        + "2023年度“三公经费”支出2.79万元，其中公务接待费0.38万元。2022年度“三公经费”支出20.50万元，其中公务接待费0.14万元。较上年度“三公经费”支出减少86.39%，其中公务接待费增加71.43%。",
        "71.43%",
        "171.43%",
    ),
    (
        "2019年年末存量资金规模为2670.6万元，2018年度年末存量资金规模为4978.72万元，全年部门财政存量资金变动率为-43.36%。",
        "-43.36%",
        "-46.36%",
    ),
    ("城乡居保基础养老金最低标准从每人每月148元提高至每人每月170元，增长15.65%。", "15.65%", "14.86%"),
    (TITLE23 + "2023年支出合计1885.44万元，较上年1757.02万元增加138.42万元。", "138.42万元", "128.42万元"),
    (
        "1-3月，全县实现一般公共预算收入24600万元，完成预算的25.10%，较均衡进度慢-0.10%，较上年同期增收1600万元，增长9.96%。",
        "9.96%",
        "6.96%",
    ),
    (
        "3月份，全县实现一般公共预算收入8200万元，完成预算98000万元的8.37%，较均衡进度快0.04%，较上年同期减收400万元，下降4.95%。",
        "4.95%",
        "4.65%",
    ),
    (
        "公务接待费支出3.26万元，完成预算96.50%。公务接待费支出决算比2022年减少0.84万元，下降25.49%。",
        "25.49%",
        "20.49%",
    ),
    (TITLE23 + "2023年本年收入1760.86万元，较上年收入1868.58万元增加6.12%。", "增长", "下降"),
    (
        "\t指标\n\t目标值\n\t实际数\n\t计划完成率\n\t同比去年\n\n\t城乡居民养老金最低标准/元\n\t170\n\t170\n\t100%\n\t15.65%\n\n"
        "城乡居保基础养老金最低标准从每人每月148元提高至每人每月170元。\n",
        "15.65%",
        "14.86%",
    ),
]


@pytest.mark.parametrize("text", PASSING)
def test_consistent_changes_pass(check, text):
    assert check(text, select="Y101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), FAILING)
def test_wrong_changes_fail(check, text, stated, expected):
    findings = check(text, select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("Y101", stated, expected)]
    assert findings[0].category == "yoy_change"


def test_message_names_both_years(check):
    (f,) = check(FAILING[0][0], select="Y101")
    assert f.message == "增减幅度不符：本年 355.9，上年 360.56，下降1.29%，文中写 1.92%"


YEAR_PASSING = [
    TITLE + "机关运行经费支出355.9万元，比2019年减少4.66万元，下降1.29%。",
    TITLE + "与2019年相比，收、支总计各减少181.24万元、242.82万元。",
    # the sentence's own year decides, not the report's: history is fine
    TITLE + "2019年支出3088.39万元，比2018年增加120.00万元。",
    TITLE + "公务接待费支出10.4万元，比上年减少0.7万元。",
    TITLE + "2014年10月启动机关事业单位养老保险改革，与2014年相比参保人数大幅增加。",
]

YEAR_FAILING = [
    (TITLE + "因公出国（境）支出决算比2018年减少3.94万元，下降100%。", "2018年", "2019年"),
    (TITLE + "公务用车购置及运行维护费支出15.5万元，比2018年减少0.5万元，下降3.13%。", "2018年", "2019年"),
    (TITLE23 + "与2021年相比，本年收入增加107.72万元。", "2021年", "2022年"),
    (TITLE23 + "2023年支出合计1885.44万元，较2020年增加128.42万元。", "2020年", "2022年"),
    (TITLE + "2020年机关运行经费比2017年同期下降1.29%。", "2017年", "2019年"),
]


@pytest.mark.parametrize("text", YEAR_PASSING)
def test_right_comparison_year_passes(check, text):
    assert check(text, select="Y102") == []


@pytest.mark.parametrize(("text", "stated", "expected"), YEAR_FAILING)
def test_wrong_comparison_year_fails(check, text, stated, expected):
    findings = check(text, select="Y102")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("Y102", stated, expected)]
    assert findings[0].category == "year_mismatch"
    line = text.split("\n")[findings[0].line - 1]
    assert line[findings[0].column - 1 :].startswith(stated.removesuffix("年"))


def test_report_year_from_configuration(check, tmp_path):
    from auditor.engine import check_paths

    path = tmp_path / "no-title.txt"
    path.write_text("公务接待费支出10.4万元，比2021年减少0.7万元。\n", encoding="utf-8")
    assert check_paths([path], overrides={"select": ("Y102",)}).findings == []  # no year known: silent
    report = check_paths([path], overrides={"select": ("Y102",), "report_year": 2023})
    assert [(f.stated, f.expected) for f in report.findings] == [("2021年", "2022年")]


GROWTH_PASSING = [
    # (2468 / 2007) ** (1/5) − 1 = 4.22%
    "全县一般公共预算收入从2015年的2007万元上升到2020年的2468万元，年均增长4.22%。",
    "财政总收入由2019年的109308万元增加至2024年的194697万元，年均递增12.24%。",
    # a decline over the years
    "政府性基金收入从2020年的8000万元下降到2023年的5000万元，年均下降14.50%。",
    # approximate figures are never checked as exact
    "一般公共预算支出从2015年的约10亿元增长到2020年的约19亿元，年均增长20%。",
    # 12.82% over five years: the figures' rounding allows it (99229 → 181398)
    "上级补助收入从2015年的99229万元上升到2020年的181398万元，年均增长12.82%。",
]

GROWTH_FAILING = [
    # the simple average (60% ÷ 5) instead of the compound rate
    ("一般公共预算收入从2018年的5000万元增加到2023年的8000万元，年均增长12.0%。", "12.0%", "9.86%"),
    ("财政总收入由2019年的109308万元增加至2024年的194697万元，年均递增12.54%。", "12.54%", "12.24%"),
    ("政府性基金收入从2020年的8000万元下降到2023年的5000万元，年均下降16.50%。", "16.50%", "14.50%"),
]


@pytest.mark.parametrize("text", GROWTH_PASSING)
def test_consistent_annual_growth_passes(check, text):
    assert check(text, select="Y105") == []


@pytest.mark.parametrize(("text", "stated", "expected"), GROWTH_FAILING)
def test_wrong_annual_growth_fails(check, text, stated, expected):
    findings = check(text, select="Y105")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("Y105", stated, expected)]
    assert text[findings[0].column - 1 :].startswith(stated.removesuffix("%"))


# ----------------------------------------------------------------------------- change columns of tables

YEARS_TABLE = (
    "单位：万元\n"
    "项目 | 2024年决算数 | 2023年决算数 | 增减额 | 增减率\n"
    "财政拨款收入 | 2468.30 | 2210.00 | 258.30 | 11.69%\n"
    "事业收入 | 36.00 | 60.00 | -24.00 | -40.00%\n"
)
THIS_AND_LAST = (
    "单位：万元\n"
    "项目 | 本年数 | 上年数 | 比上年增减（万元） | 增减率（%）\n"
    "基本支出 | 912.40 | 880.00 | 32.40 | 3.68\n"
    "项目支出 | 150.00 | 175.00 | -25.00 | -14.29\n"
)
BUDGET_TABLE = (
    "“三公”经费预算与决算对比（单位：万元）\n"
    "项目 | 预算数 | 决算数 | 增减额 | 增减率\n"
    "公务接待费 | 6.00 | 4.50 | -1.50 | -25.00%\n"
    "公务用车运行维护费 | 18.00 | 16.20 | -1.80 | -10.00%\n"
)
# the change column named after the figure it changes: "2024年预算数增减"
BUDGETS_TABLE = (
    "单位：万元\n"
    "项目 | 2023年预算数 | 2024年预算数 | 2024年预算数增减 | 增减原因\n"
    "公务接待费 | 114.50 | 98.90 | -15.60 | 压减一般性支出\n"
    "公务用车运行维护费 | 100.70 | 89.80 | -10.90 | 车辆减少\n"
)
TABLE_PASSING = [
    YEARS_TABLE,
    BUDGETS_TABLE,
    THIS_AND_LAST,
    BUDGET_TABLE,
    # a decrease written without its minus sign, or as last year minus this year: either sign is the table's
    THIS_AND_LAST.replace("| -25.00 |", "| 25.00 |"),
    # two budget columns: which one the change is against is not said
    "项目 | 年初预算数 | 调整预算数 | 决算数 | 增减额\n公务接待费 | 6.00 | 5.00 | 4.50 | -1.50\n",
    # a 同比 column beside a budget: last year's figure is not in the table
    "项目 | 预算数 | 决算数 | 增减额 | 同比增减率\n公务接待费 | 6.00 | 4.50 | -1.50 | -40.00%\n",
    # two years that name different figures (a budget and an actual) are no year-over-year pair
    "项目 | 2024年预算数 | 2023年决算数 | 增减额\n公务接待费 | 6.00 | 4.50 | 3.50\n",
]
TABLE_FAILING = [
    (BUDGETS_TABLE.replace("| -10.90 |", "| -10.09 |"), "-10.09万元", "-10.90万元"),
    (YEARS_TABLE.replace("| 258.30 |", "| 288.30 |"), "288.30万元", "258.30万元"),
    (YEARS_TABLE.replace("| -40.00%", "| -43.00%"), "-43.00%", "-40.00%"),
    (THIS_AND_LAST.replace("| 32.40 |", "| 35.40 |"), "35.40万元", "32.40万元"),
    (THIS_AND_LAST.replace("| -14.29", "| -17.29"), "-17.29%", "-14.29%"),
    (BUDGET_TABLE.replace("| -1.80 |", "| -1.50 |"), "-1.50万元", "-1.80万元"),
    (BUDGET_TABLE.replace("| -25.00%", "| -28.00%"), "-28.00%", "-25.00%"),
]


@pytest.mark.parametrize("text", TABLE_PASSING)
def test_consistent_change_columns_pass(check, text):
    assert check(text, select="Y101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), TABLE_FAILING)
def test_wrong_change_columns_fail(check, text, stated, expected):
    findings = check(text, select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("Y101", stated, expected)]


def test_change_against_budget_names_budget(check):
    (finding,) = check(BUDGET_TABLE.replace("| -1.80 |", "| -1.50 |"), select="Y101")
    assert "决算 16.20 − 预算 18.00" in finding.message


ITEMS_ABOVE = (
    "2023年度部门决算说明\n"
    "2023年度“三公”经费支出决算为14,360.00元。其中：公务用车运行维护费支出决算为10,200.00元；"
    "公务接待费支出决算为4,160.00元。\n"
    "2023年度“三公”经费支出决算比上年减少3,640.00元，下降20.22%。其中：公务用车运行维护费支出决算减少800.00元，"
    "下降7.27%；公务接待费支出决算减少2,840.00元，下降40.57%。\n"
)


def test_each_items_change_against_its_level_in_the_paragraph_above(check):
    """The items of a compared whole's 其中 give their change and rate; their levels stand above."""
    assert check(ITEMS_ABOVE, select="Y101") == []
    found = check(ITEMS_ABOVE.replace("下降40.57%", "下降45.07%"), select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("Y101", "45.07%", "40.57%")]


NEWS = "1月8日，记者从市财政局获悉，去年全年全市一般公共预算收入累计完成310682万元，同比增加23188万元，增长8.1%。"


def test_last_years_whole_year_in_a_january_news_report_is_the_year_reported(check):
    assert check(NEWS, select="Y101") == []
    found = check(NEWS.replace("增长8.1%", "增长8.4%"), select="Y101")
    assert [(f.rule, f.stated) for f in found] == [("Y101", "8.4%")]


@pytest.mark.parametrize(
    ("rate", "found"),
    [
        ("2.72%", []),  # 23 / (870 - 23)
        ("2.78%", []),  # 23.5 / (869.5 - 23.5) = 2.778%: both figures rounded up to the edge
        ("2.65%", []),  # 22.5 / (870.5 - 22.5) = 2.653%: and down
        ("2.82%", [("Y101", "2.82%")]),  # no rounding of 870 and 23 gives it
    ],
)
def test_a_rate_over_the_prior_the_change_implies_counts_each_rounding_once(check, rate, found):
    """The prior is 870 - 23; its change is the stated 23, not 870 - (870 - 23) rounded twice over."""
    text = f"税收事务支出870万元，比上年增加23万元，增长{rate}。"
    assert [(f.rule, f.stated) for f in check(text, select="Y101")] == found


ADJUSTED = (
    "一般公共预算总收入由397959万元调整为409959万元，调增12000万元。其中，一般债券转贷收入调增12000万元。\n"
    "政府性基金预算总支出由56220万元调整为54720万元，调减1500万元，下降2.67%。"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("调增12000万元。其中", "调增13000万元。其中", [("13000万元", "12000万元")]),
        # the figure before: both the amount and the rate miss it
        ("由56220万元", "由56520万元", [("1500万元", "1800万元"), ("2.67%", "3.18%")]),
        ("调减1500万元", "调增1500万元", [("增长", "下降")]),  # 54720 is less than 56220
    ],
)
def test_a_budget_adjusted_from_one_figure_to_another_changes_by_their_difference(check, old, new, found):
    assert check(ADJUSTED, select="Y101") == []
    slipped = check(ADJUSTED.replace(old, new), select="Y101")
    assert [(f.stated, f.expected) for f in slipped] == found
    assert all("变动后" in f.message for f in slipped)  # before and after, not two years


NAMED_ABOVE = (
    "（三）公务接待费支出0.18万元，其中：\n\n"
    "国内接待费支出0.18万元，国内公务接待3批次，接待16人次。\n\n"
    "公务接待费支出决算数比预算数减少4.82万元，下降96.40%。主要原因是加强了公务接待管理。"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("下降96.40%", "下降86.40%", [("Y101", "86.40%")]),  # 4.82 / (0.18 + 4.82) = 96.40%
        ("减少4.82万元", "减少3.82万元", [("Y101", "96.40%")]),  # 3.82 / 4.00 = 95.50%
        # two figures of that name above: which one is compared cannot be told
        ("国内接待费支出0.18万元", "公务接待费支出0.20万元", []),
        # the clause names another subject
        ("公务接待费支出决算数比", "会议费支出决算数比", []),
    ],
)
def test_a_comparison_naming_its_subject_compares_the_figure_of_that_name_above(check, old, new, found):
    assert check(NAMED_ABOVE, select="Y101") == []
    assert [(f.rule, f.stated) for f in check(NAMED_ABOVE.replace(old, new), select="Y101")] == found


GLUED = (
    "2021年全州“三公经费”财政拨款支出4855万元。其中：公车购置支出470万元，比上年减支1122万元，降低70.48%，"
    "为年初预算数476万元的98.74%公务用车运行维护费支出3758万元，比上年增支816万元，增长27.74%。"
)


def test_an_item_glued_to_the_rate_before_it_is_compared_on_its_own(check):
    """The ； between two items of a 其中 list was left out ("…的98.74%公务用车运行维护费…")."""
    assert check(GLUED, select="Y101") == []
    found = check(GLUED.replace("增长27.74%", "增长20.74%"), select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("Y101", "20.74%", "27.74%")]


TWO_YEARS_LISTED = (
    "全区2023年的“三公”经费决算数合计为520.40万元，其中：因公出国（境）费0万元、公务用车购置费120.00万元、"
    "公务用车运行维护费300.20万元、公务接待费100.20万元。2022年的“三公”经费决算数合计为470.50万元，其中："
    "因公出国（境）费0万元、公务用车购置费100.00万元、公务用车运行维护费280.30万元、公务接待费90.20万元。\n"
    "2023年“三公”经费决算数较上年增加49.90万元，主要原因是：\n"
    "1、公务用车运行维护费增加19.90万元，原因是车辆使用年限较长，维修费上升。\n"
    "2、公务接待费增加10.00万元，原因是招商引资活动增多。\n"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("运行维护费增加19.90万元", "运行维护费增加18.90万元", [("Y101", "18.90万元")]),  # 300.20 - 280.30
        ("公务接待费增加10.00万元", "公务接待费减少10.00万元", [("Y101", "下降")]),  # 100.20 is more
        # the item is named otherwise than in the lists: nothing to compare it with
        ("1、公务用车运行维护费增加19.90万元", "1、车辆运行费增加21.90万元", []),
    ],
)
def test_an_items_change_after_two_years_lists_is_their_difference(check, old, new, found):
    assert check(TWO_YEARS_LISTED, select="Y101") == []
    slipped = check(TWO_YEARS_LISTED.replace(old, new), select="Y101")
    assert [(f.rule, f.stated) for f in slipped] == found


NAMED_THIS_YEAR_ABOVE = (
    "某县某局2023年度一般公共预算财政拨款“三公”经费支出年初预算为31,500元，支出决算为28,640.20元，"
    "完成年初预算的90.92%。\n"
    "2023年度一般公共预算财政拨款“三公”经费支出决算数比上年减少6,359.80元，下降18.17%。\n"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("下降18.17%", "下降16.17%", [("Y101", "16.17%")]),  # 6359.80 / 35000.00 = 18.17%
        # the figure above is another year's: not this comparison's subject
        ("某县某局2023年度", "某县某局2022年度", []),
        # two figures of that name above: which one is compared is open
        (
            "完成年初预算的90.92%。",
            "完成年初预算的90.92%。一般公共预算财政拨款“三公”经费支出年初预算为30,000元，支出决算为29,000.00元。",
            [],
        ),
    ],
)
def test_a_yoy_comparison_naming_its_subject_compares_this_years_figure_of_that_name_above(
    check, old, new, found
):
    """L204: "…经费支出年初预算为A，支出决算为B。⏎ …经费支出决算数比上年减少d，下降p%" — B carries the name of the
    figure before it in its sentence, and is the current figure of the comparison below (prior = B + d)."""
    assert check(NAMED_THIS_YEAR_ABOVE, select="Y101") == []
    got = check(NAMED_THIS_YEAR_ABOVE.replace(old, new).replace("下降18.17%", "下降16.17%"), select="Y101")
    assert [(f.rule, f.stated) for f in got] == found


RESTATED_TOTAL = "2024年度全区“三公”经费总支出为1652.40万元。与上年相比，2024年度的“三公”经费支出减少了{d}万元，下降了{p}。"


@pytest.mark.parametrize(
    ("d", "p", "found"),
    [
        ("412.60", "19.98%", []),  # 412.60 / 2065.00 = 19.98%
        ("412.60", "21.98%", [("Y101", "21.98%")]),
        ("512.60", "19.98%", [("Y101", "19.98%")]),
    ],
)
def test_the_next_sentence_compares_the_total_it_names_without_its_zong(check, d, p, found):
    """L205: "…“三公”经费总支出为W。与上年相比，…“三公”经费支出减少了d，下降了p%": the comparison's subject is the
    sentence before's one figure, named without 总."""
    got = check(RESTATED_TOTAL.format(d=d, p=p), select="Y101")
    assert [(f.rule, f.stated) for f in got] == found


PRIOR_ONLY_ABOVE = (
    "2023年度“三公”经费合计支出26.40万元，其中：因公出国（境）经费0万元，公务接待14.80万元，公务用车运行费用11.60万元。\n"
    "2024年度“三公”经费预算较2023年度增加1.20万元，其中公务接待较上年同期减少0.80万元，减少{a}。"
    "公务用车运行费用较上年同期增加2.00万元，增长{b}。\n"
)


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("5.41%", "17.24%", []),  # 0.80 / 14.80 = 5.41%; 2.00 / 11.60 = 17.24%
        ("6.41%", "17.24%", [("Y101", "6.41%")]),
        # the paragraph is about 2024: last year's 11.60 is the base, never this year's figure
        ("5.41%", "21.24%", [("Y101", "21.24%")]),
    ],
)
def test_a_change_with_last_years_figure_above_and_no_current(check, a, b, found):
    """L207: "2023年度…公务接待14.80万元…。⏎ 2024年度…其中公务接待较上年同期减少0.80万元，减少5.41%": the change
    over last year's figure named above (this year's is not stated)."""
    got = check(PRIOR_ONLY_ABOVE.format(a=a, b=b), select="Y101")
    assert [(f.rule, f.stated) for f in got] == found


def test_a_change_without_current_and_a_prior_of_another_year_says_nothing(check):
    """The figure above is of two years before: no base for the rate."""
    text = PRIOR_ONLY_ABOVE.replace("2023年度“三公”", "2022年度“三公”").format(a="9.99%", b="9.99%")
    assert check(text, select="Y101") == []


UNSIGNED_DIFFERENCE = (
    "2023年度本部门“三公”经费支出3.15万元，年初预算为4.20万元，差值为{d}万元。其中：公务用车运行维护费支出1.10万元，"
    "年初预算为2.00万元，差值为{e}万元，原因为压减开支；公务接待费支出2.05万元，年初预算为2.20万元，差值为0.15万元。"
)


@pytest.mark.parametrize(
    ("d", "e", "found"),
    [
        ("1.05", "0.90", []),
        ("1.50", "0.90", [("Y101", "1.50万元")]),
        ("1.05", "0.09", [("Y101", "0.09万元")]),
    ],
)
def test_an_unsigned_difference_of_the_two_figures_before_it(check, d, e, found):
    """L211: "支出A，年初预算为B，差值为D" — D = |A − B|, whichever is larger."""
    got = check(UNSIGNED_DIFFERENCE.format(d=d, e=e), select="Y101")
    assert [(f.rule, f.stated) for f in got] == found
    if found:
        assert "差值" in got[0].message


def test_a_difference_after_figures_of_other_clauses_says_nothing(check):
    """Only the two figures right before 差值, in consecutive clauses, are its terms."""
    text = "2023年支出3.15万元，较上年增长5%，年初预算为4.20万元，为全年的75%，差值为9.99万元。"
    assert check(text, select="Y101") == []


RATE_BASE_THEN_YOY = (
    "2024年全区一般公共预算总收入520000万元，完成调整后预算收入515000万元的101.0%，同比增收3100万元，增长{a}。"
    "其中：地方一般公共预算收入330000万元，完成调整后预算收入318000万元的103.8%，同比增收16200万元，增长{b}。"
)


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("0.6%", "5.2%", []),  # 3100 / 516900 = 0.60%; 16200 / 313800 = 5.16%
        ("0.9%", "5.2%", [("Y101", "0.9%")]),
        ("0.6%", "6.2%", [("Y101", "6.2%")]),
    ],
)
def test_a_comparison_after_a_completion_rate_of_a_named_budget(check, a, b, found):
    """L221: "…收入A，完成调整后预算收入B万元的r%，同比增收d，增长p%" (a district's final accounts): B is the rate's
    base; the comparison is A's, also as an item of a 其中 list."""
    got = check(RATE_BASE_THEN_YOY.format(a=a, b=b), select="Y101")
    assert [(f.rule, f.stated) for f in got] == found


RATE_THEN_REVENUE_CHANGE = (
    "今年1—5月份，全省一般公共预算收入完成1509.3亿元，比上年增长36.6%，增收404.5亿元。\n"
    "税收收入完成1237.5亿元，增长{p}%，增收412.8亿元；非税收入完成271.8亿元，下降3%，减收8.3亿元。\n"
)


def test_a_growth_rate_then_the_revenue_gained(check):
    """L235: "税收收入完成A，增长p%，增收d" (a province's monthly revenue report): the clause opening with the rate,
    then the revenue gained, compares with the year before like "比上年增长p%，增收d"."""
    assert check(RATE_THEN_REVENUE_CHANGE.format(p="50.1"), select="Y101") == []
    found = check(RATE_THEN_REVENUE_CHANGE.format(p="80.1"), select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("Y101", "80.1%", "50.05%")]


SHORTFALL_THEN_YOY = (
    "2024年，全县财政收入累计完成58210万元。其中：一般公共预算收入36200万元，完成预算40250万元的90.0%，"
    "短收4050万元，同比下降{p}%，减收4700万元；政府性基金收入22010万元，完成预算30000万元的73.4%，短收7990万元。"
)


def test_a_comparison_after_the_budget_and_its_shortfall(check):
    """L237: "…收入A，完成预算B的r%，短收D，同比下降p%，减收d" (a county's final accounts): the comparison with
    the year before is A's, not the shortfall's (the prior is A + d)."""
    assert check(SHORTFALL_THEN_YOY.format(p="11.5"), select="Y101") == []
    found = check(SHORTFALL_THEN_YOY.format(p="14.5"), select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("Y101", "14.5%", "11.49%")]


JOINED_BY_HE = (
    "公务用车购置及运行费1.41亿元，包括公务用车购置费0.14亿元和公务用车运行费1.27亿元，与2015年相比，分别减少0.18亿元"
    "和0.56亿元，下降{p}%和30.6%。"
)


def test_respective_changes_of_two_figures_joined_by_he(check):
    """L245: "包括A a和B b，与2015年相比，分别减少d和e，下降p%和q%" (a province's 三公 note): the two figures before
    分别 are joined by 和, as their changes are."""
    assert check(JOINED_BY_HE.format(p="56.3"), select="Y101") == []
    found = check(JOINED_BY_HE.format(p="133.1"), select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("Y101", "133.1%", "56.25%")]


UNIT_OF_THE_CHANGE = "一般公共预算支出完成255,325万元，比上年同期{word}14,484{unit}，{dir}6.01%。"


@pytest.mark.parametrize(("word", "dir"), [("增支", "增长"), ("减支", "下降")])
def test_a_change_written_in_the_wrong_unit(check, word, dir):
    """L246: "支出完成A万元，比上年同期增支d元，增长p%" (a city's half-year report): the rate holds with d in 万元;
    the finding names the change's unit, not the rate."""
    text = UNIT_OF_THE_CHANGE.format(word=word, unit="万元", dir=dir)
    if dir == "下降":
        text = text.replace("6.01%", "5.37%")
    assert check(text, select="Y101") == []
    found = check(text.replace("14,484万元", "14,484元"), select="Y101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("Y101", "14,484元", "14,484万元")]
    assert "单位疑误" in found[0].message


SECOND_COMPARISON = "2020年度镇本级“三公”经费41万元，较上年减少19万元，下降31.67%，{second}。"


@pytest.mark.parametrize(
    ("second", "slipped", "expected"),
    [
        ("较年初预算数减少4万元，下降8.9%", "较年初预算数减少4万元，下降2.2%", "8.89%"),
        ("比2018年减少9万元，下降18%", "比2018年减少9万元，下降28%", "18.00%"),
    ],
)
def test_a_second_comparison_of_the_same_figure(check, second, slipped, expected):
    """L259: "A，较上年减少d，下降p%，较年初预算数减少e，下降q%" (a town's 三公 note; also a second year): the
    second comparison is of A too, not of the change before it."""
    assert check(SECOND_COMPARISON.format(second=second), select="Y101") == []
    found = check(SECOND_COMPARISON.format(second=slipped), select="Y101")
    assert [(f.rule, f.expected) for f in found] == [("Y101", expected)]


DATED_PAIRS = (
    "2016年三公经费预算拨入33.00万元，2015年三公经费预算拨入57.55万元，与上年对比减少{d}万元。其中：1、公务接待费"
    "2016年预算8.00万元，2015年预算12.50万元；对比减少4.50万元；减少率{r}%。"
)


def test_two_years_figures_then_their_change(check):
    """L273: "2016年预算A，2015年预算B；对比减少d；减少率r%" (a bureau's 三公 budget note): the change is A's
    against B, both stated, checked as amount and as rate."""
    assert check(DATED_PAIRS.format(d="24.55", r="36.00"), select="Y101") == []
    found = check(DATED_PAIRS.format(d="27.55", r="36.00"), select="Y101")
    assert [(f.rule, f.stated) for f in found] == [("Y101", "27.55万元")]
    found = check(DATED_PAIRS.format(d="24.55", r="35.22"), select="Y101")
    assert [(f.rule, f.stated) for f in found] == [("Y101", "35.22%")]


BRACKET_THEN_RATE_THEN_CHANGE = (
    "全县一般公共预算收入完成78.14亿元（县本级60.4亿元，高新区17.74亿元），完成调整预算的102.72%，同比增收2.07亿元，"
    "增长{p}%。"
)


def test_a_comparison_after_a_bracketed_breakdown_and_a_rate(check):
    """L274: "…收入完成A（县本级a，高新区b），完成调整预算的r%，同比增收d，增长p%" (a county's final accounts): the
    comparison is of A, the figure the bracket breaks down."""
    assert check(BRACKET_THEN_RATE_THEN_CHANGE.format(p="2.7"), select="Y101") == []
    found = check(BRACKET_THEN_RATE_THEN_CHANGE.format(p="6.7"), select="Y101")
    assert [(f.rule, f.expected) for f in found] == [("Y101", "2.72%")]


NAMED_CHANGES_THEN_RATES = (
    "2020年度收入476.17万元、支出总计460.06万元。与2019年相比，收入减少84.55万元、支出总计减少99.6万元，"
    "分别下降{a}%、{b}%。"
)


@pytest.mark.parametrize(
    ("a", "b", "found"), [("15.08", "17.8", []), ("18", "17.8", ["18%"]), ("15.08", "21.6", ["21.6%"])]
)
def test_items_named_with_their_changes_then_the_rates_respectively(check, a, b, found):
    """L298: "收入A、支出总计B。与2019年相比，收入减少a、支出总计减少b，分别下降p%、q%" (a school's final accounts):
    each item's change, then the rates in their order, each over the item's own figure of last year."""
    text = NAMED_CHANGES_THEN_RATES.format(a=a, b=b)
    assert [f.stated for f in check(text, select="Y101")] == found


RESPECTIVE_UP_TO_THE_SEMICOLON = (
    "公务用车购置及运行费1.41亿元，包括公务用车购置费0.14亿元和公务用车运行费1.27亿元，与2015年相比，分别减少0.18亿元"
    "和0.56亿元，下降{a}%和30.6%；公务接待费0.27亿元，比2015年减少0.14亿元，下降34.1%。"
)


def test_respective_changes_end_at_the_semicolon(check):
    """L299: "…包括A a和B b，与2015年相比，分别减少d1和d2，下降p和q；C c，…" (a province's 三公 note): the pairs end
    at the ；, where the next item begins."""
    assert check(RESPECTIVE_UP_TO_THE_SEMICOLON.format(a="56.3"), select="Y101") == []
    assert [f.stated for f in check(RESPECTIVE_UP_TO_THE_SEMICOLON.format(a="133.1"), select="Y101")] == [
        "133.1%"
    ]


@pytest.mark.parametrize(
    ("text", "odd"),
    [
        ("2023年基本支出252.5元，较上年231.5万元，增加21万元。", "252.5元"),
        ("2023年机关运行经费259万元，较上年139万元增加120元。", "120元"),
    ],
)
def test_one_amount_in_another_unit_is_reported_as_its_unit(check, text, odd):
    """L306: "基本支出252.5元，较上年231.5万元，增加21万元" (a kindergarten's final accounts): this year's figure, last
    year's and the change, one of them in 元 among 万元, agree only in the others' unit: the unit is the slip."""
    (finding,) = check(text, select="Y101")
    assert finding.stated == odd and "单位疑误" in finding.message
    assert check(text.replace(odd, odd.replace("元", "万元")), select="Y101") == []


SAME_BASIS = "2019年市本级“三公”经费预算为3328万元。同口径比2018年减少830万元，下降{p}%。"


def test_a_comparison_on_the_same_basis(check):
    """L316: "…预算为A。同口径比2018年减少d，下降p%" (a city's 三公 budget): 同口径 qualifies the comparison; its
    subject is the figure of the sentence before."""
    assert check(SAME_BASIS.format(p="20"), select="Y101") == []
    assert [f.stated for f in check(SAME_BASIS.format(p="29"), select="Y101")] == ["29%"]


AFTER_THE_PARTS = (
    "2019年市本级“三公”经费预算为3328万元。其中，因公出国（境）费50万元，公务接待费478万元，公务用车购置及运行费"
    "{car}万元。比2018年减少830万元，下降{p}%。"
)


@pytest.mark.parametrize(
    ("car", "p", "found"), [("2800", "20", []), ("2800", "29", ["29%"]), ("2600", "29", [])]
)
def test_a_comparison_after_a_sentence_of_all_the_parts(check, car, p, found):
    """L317: "W。其中，A a，B b，C c。比2018年减少d，下降p%" (a city's 三公 budget): after a sentence of all the
    whole's parts, a comparison without a subject is the whole's; parts that do not make the whole leave it
    unread."""
    assert [f.stated for f in check(AFTER_THE_PARTS.format(car=car, p=p), select="Y101")] == found


@pytest.mark.parametrize(
    ("rate", "found"),
    [
        ("6.79%", []),
        ("7.28%", ["7.28%"]),
    ],  # 0.83 / (11.39 + 0.83) = 6.79%; 0.83 / 11.39 = 7.28%, the wrong base
)
def test_a_second_comparison_that_names_its_measure_is_about_the_figure_the_first_compared(
    check, rate, found
):
    """L323: "…支出共计A，较年初预算数减少d1，下降p1%，较上年支出数减少d2，下降p2%" (a town's 三公 note): the second
    comparison names only the measure (支出数): it is A's against last year."""
    text = f"2022年“三公”经费支出共计11.39万元，较年初预算数减少8.61万元，下降43.05%，较上年支出数减少0.83万元，下降{rate}。"
    assert [f.stated for f in check(text, select="Y101")] == found


@pytest.mark.parametrize(("rate", "found"), [("1.96%", []), ("2.96%", ["2.96%"])])  # 1200 / 61200 = 1.96%
def test_a_comparison_after_a_share_left_without_its_value(check, rate, found):
    """L330: "…支出预算A元，占基本支出预算%，同比增加d元，增长p%" (a unit's budget, the share never filled in): the
    empty share is still a clause about A, and the comparison is A's."""
    text = f"商品和服务支出预算62400元，占基本支出预算%，同比增加1200元，增长{rate}，原因是编外人员经费列入。"
    assert [f.stated for f in check(text, select="Y101")] == found


@pytest.mark.parametrize(("rate", "found"), [("1.88%", []), ("0.006%", ["0.006%"])])  # 0.10 / 5.31 = 1.88%
def test_a_comparison_with_the_same_years_budget_is_against_the_budget(check, rate, found):
    """L331: "2023年…公务接待费支出5.21万元，与2023年度预算相比，减少0.10万元，下降p%" (a district office's 三公
    note): the year compared is the figure's own, so the base is that year's budget, not last year."""
    text = f"2023年度公务接待费支出5.21万元，与2023年度预算相比，减少0.10万元，下降{rate}，原因是厉行节约。"
    got = check(text, select="Y101,Y102")
    assert [f.stated for f in got] == found
    assert all("预算" in f.message and "上年" not in f.message for f in got)


BOTH_TOTALS = "1.总体情况。2024年度收入总计842.30万元，支出总计{spending}万元。{subject}与2023年度相比，增加42.30万元，增长{rate}%，主要原因是人员增加。"


@pytest.mark.parametrize("subject", ["收、支", "收支总计"])
@pytest.mark.parametrize(("rate", "found"), [("5.29", []), ("5.3", []), ("6.29", ["6.29%"])])
def test_a_comparison_of_both_totals_stated_equal_is_of_their_one_figure(check, subject, rate, found):
    """L343: "收、支与上年相比，增加Δ，增长p%" after the sentence giving both totals as one figure."""
    text = BOTH_TOTALS.format(spending="842.30", subject=subject, rate=rate)
    assert [f.stated for f in check(text, select="Y101")] == found


@pytest.mark.parametrize(
    "text",
    [
        # two totals that differ: which one changed by 42.30 cannot be told
        BOTH_TOTALS.format(spending="840.10", subject="收、支", rate="6.29"),
        # a subject that is one side only is read as before, not as both
        BOTH_TOTALS.format(spending="842.30", subject="其他", rate="6.29"),
    ],
)
def test_a_comparison_of_both_totals_needs_them_equal(check, text):
    assert check(text, select="Y101") == []


PRE_PANDEMIC = "本厅2023年度“三公”经费财政拨款支出决算为62.07万元，{before}比2019年（疫情前）决算数减少24.87万元，降低{rate}%。"


@pytest.mark.parametrize("before", ["", "比上年决算数增加38.97万元，增长168.7%；"])
@pytest.mark.parametrize(("rate", "found"), [("28.6", []), ("38.6", ["38.6%"])])
def test_a_base_year_with_a_word_on_why_is_compared_and_not_called_wrong(check, before, rate, found):
    """L347: "比2019年（疫情前）决算数减少…": the change is checked over that year, and the year is no slip."""
    text = PRE_PANDEMIC.format(before=before, rate=rate)
    assert [f.stated for f in check(text, select="Y101")] == found
    assert check(text, select="Y102") == []


NAMED_IN_A_SENTENCE_BEFORE = (
    "2019年，市本级“三公”经费预算为2450万元。其中，因公出国（境）费40万元，公务接待费410万元，"
    "公务用车购置及运行费2000万元。同口径比2018年减少550万元，下降18.3%。其中：因公出国（境）费同口径比2018年"
    "减少8万元，下降{rate}%。"
)


@pytest.mark.parametrize(("rate", "found"), [("16.7", []), ("16.67", []), ("26.7", ["26.7%"])])
def test_an_items_change_is_of_its_figure_in_a_sentence_before(check, rate, found):
    """L348: the item named without a figure, its one figure stated in an earlier sentence of the paragraph."""
    text = NAMED_IN_A_SENTENCE_BEFORE.format(rate=rate)
    assert [f.stated for f in check(text, select="Y101")] == found


def test_an_items_change_needs_its_figure_of_the_paragraphs_year(check):
    """L348: a figure of that name stated for another year is not this year's."""
    text = "2018年因公出国（境）费48万元。2019年，本局压缩开支，因公出国（境）费同口径比2018年减少8万元，下降26.7%。"
    assert check(text, select="Y101") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2023年民生支出占一般公共预算支出的比重为80.2%，上年为78.0%，提高2.2个百分点。", []),
        ("2023年民生支出占一般公共预算支出的比重为80.2%，上年为78.0%，提高3.2个百分点。", ["3.2个百分点"]),
        ("2023年税收收入占一般公共预算收入的比重为68.5%，比上年提高2.2个百分点（上年为66.3%）。", []),
        (
            "2023年税收收入占一般公共预算收入的比重为68.5%，比上年提高3.2个百分点（上年为66.3%）。",
            ["3.2个百分点"],
        ),
        # two shares of this year, no last year's: nothing to compare
        ("2023年税收占比68.5%，非税占比31.5%，提高2.2个百分点。", []),
    ],
)
def test_a_change_in_points_after_last_years_share(check, text, found):
    """L353: last year's share in a clause of its own before the change, or in brackets after it."""
    assert [f.stated for f in check(text, select="Y101")] == found


@pytest.mark.parametrize(
    "text",
    [
        "2023年公务接待费6.00万元。2022年公务接待费5.00万元。公务接待费比上年增加1.00万元，增长20.00%。",
        "某局2023年度部门决算\n2022年公务接待费5.00万元。公务接待费比上年增加1.00万元，增长20.00%。",
    ],
)
def test_last_years_figure_in_the_sentence_before_is_no_current_figure(check, text):
    """L348: the figure named in the sentence before is last year's (the base of the change), not this year's."""
    assert check(text, select="Y101") == []
