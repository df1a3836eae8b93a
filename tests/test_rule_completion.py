"""C101 completion-rate: 实际 / 目标 in prose and in 目标值 · 实际数 · 完成率 tables."""

import pytest

PASSING = [
    "截止2021年12月，我区城镇新增就业人员任务3746人，共计完成3821人，完成上级任务的102%；失业人员再就业任务2310人，共计完成2319人，完成上级任务的100%。",
    "重点民生实事项目任务2300人，完成培训补贴人数共计4405人，完成目标任务的192%。",
    "其中就业困难对象再就业任务800人，共计完成上级任务的819人，完成102%。",
    "项目全年预算数40万元，执行数为40万元，完成预算的100%。",
    "据决算报表，调整预算数为13,867.60万元，决算数为13,867.60万元，预算支出率为100%。",
    "目前已激活14.99万张，占目标任务数12万张的125%。",
    "完成固定资产投资1700万元，占目标任务数1000万元的170 %；招商引资到位资金1100万，占目标任务数1000万元的110 %。",
    "2019年决算数为13,867.60万元（其中：基本支出2,474.88万元，项目支出11,392.72万元），预算完成率为100%。",
    # a rate with no target in the passage is not checked
    "全年城镇新增就业3,215人，完成目标任务的107.17%。",
    # budget figures are rounded: 126.6% is within 1900 / 1500 written in whole 万元
    "积极争取项目资金1900万元，占目标任务数1500万元的126.6%。",
    "\t指标\n\t目标值\n\t实际数\n\t计划完成率\n\n\t失业保险参保人数/万人\n\t32.1\n\t32.11\n\t100.03%\n\n\t企业职工养老保险征缴收入/万元\n\t260,000\n\t288,722\n\t111.05%\n",
]

FAILING = [
    ("城镇新增就业人员任务3746人，共计完成3821人，完成上级任务的104%。", "104%", "102.00%"),
    ("项目全年预算数40万元，执行数为38万元，完成预算的100%。", "100%", "95.00%"),
    ("目前已激活14.99万张，占目标任务数12万张的115%。", "115%", "124.92%"),
    ("调整预算数为13,867.60万元，决算数为13,467.60万元，预算支出率为100%。", "100%", "97.12%"),
    ("工伤保险参保人数目标40.5万人，实际完成42.34万人，完成目标任务的104.49%。", "104.49%", "104.54%"),
    ("培训任务目标360人，完成培训2366人，完成上级任务的567%。", "567%", "657.22%"),
    ("贫困劳动力培训任务250人，培训完成628人，完成上级任务的215%。", "215%", "251.20%"),
    (
        "寻甸县人社局2023年度支出数为1885.44万元，本年度单位收入年初预算数为1401.15万元，本年度预算执行完成率为100%。",
        "100%",
        "134.56%",
    ),
    (
        "\t指标\n\t目标值\n\t实际数\n\t计划完成率\n\n\t工伤保险参保人数/万人\n\t40.5\n\t42.34\n\t104.49%\n",
        "104.49%",
        "104.54%",
    ),
    (
        "\t指标\n\t计划数\n\t完成数\n\t完成率\n\n\t工伤保险征缴收入/万元\n\t7,200\n\t9,160\n\t127.15%\n\n\t培训人次\n\t3,000\n\t3,024\n\t100.8%\n",
        "127.15%",
        "127.22%",
    ),
]


@pytest.mark.parametrize("text", PASSING)
def test_consistent_rates_pass(check, text):
    assert check(text, select="C101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), FAILING)
def test_wrong_rates_fail(check, text, stated, expected):
    findings = check(text, select="C101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("C101", stated, expected)]
    assert findings[0].category == "completion_rate"


def test_truncated_rate_of_exact_counts_is_info(check):
    (f,) = check("招聘任务30人，实际完成41人，完成目标任务的136.66%。", select="C101")
    assert (f.severity, f.expected) == ("info", "136.67%")


YEAR_PLAN = (
    "2023年，全县一般公共预算地方收入完成{a}万元，占年计划75000万元的110.5%，同比增长9.99%。其中，税收收入完成"
    "61323万元，为年计划55000万元的111.5%。非税收入完成21553万元，完成年计划20000万元的107.77%。"
)


def test_a_rate_of_the_years_plan(check):
    """L229: "…收入完成A，占年计划B的r%", "为年计划B的r%", "完成年计划B的r%" (a county's final accounts): the
    plan for the year, written 年计划, is the target."""
    assert check(YEAR_PLAN.format(a="82876"), select="C101,S101") == []
    found = check(YEAR_PLAN.format(a="85876"), select="C101,S101")
    assert [(f.rule, f.stated) for f in found] == [("C101", "110.5%")]
    slipped = YEAR_PLAN.format(a="82876").replace("55000", "58000")
    assert [(f.rule, f.stated) for f in check(slipped, select="C101")] == [("C101", "111.5%")]


SHORTFALL_BEFORE = (
    "税收收入受减税降费政策影响，较年初预算减少6020万元，下降11.36%。我县税收收入完成46980万元，为预算的{rate}%，"
    "其中：个人所得税1350万元，为预算的108.17%；资源税3475万元，为预算的167.87%。"
)


def test_a_shortfall_against_the_budget_is_no_budget(check):
    """L292: "…较年初预算减少d，下降p%。…完成A，为预算的r%" (a county's final accounts): the shortfall names the
    budget but is a change, not the budget; A's budget is not stated, and nothing is compared."""
    assert check(SHORTFALL_BEFORE.format(rate="88.64"), select="C101") == []
    assert check(SHORTFALL_BEFORE.format(rate="98.64"), select="C101") == []
    stated = "税收收入年初预算53000万元，较年初预算减少6020万元。税收收入完成46980万元，为预算的{rate}%。"
    assert check(stated.format(rate="88.64"), select="C101") == []
    assert [f.stated for f in check(stated.format(rate="98.64"), select="C101")] == ["98.64%"]


WHOSE_TARGETS = (
    "截至9月底，全区一般公共预算收入完成33.82亿元，同比增长25.63%，为人大预算数37.1亿元的{a}%，"
    "为市下三季度目标33.23亿元{b}%，为市下全年目标42亿元的{c}%。"
)


@pytest.mark.parametrize(
    ("a", "b", "c", "found"),
    [
        ("91.16", "101.78", "80.52", []),
        ("91.61", "101.78", "80.52", ["91.61%"]),
        ("91.16", "101.87", "80.52", ["101.87%"]),
        ("91.16", "101.78", "85.52", ["85.52%"]),
    ],
)
def test_rates_of_targets_named_by_who_set_them(check, a, b, c, found):
    """L338: "完成A，为人大预算数B的p%，为市下三季度目标C q%，为市下全年目标D的r%" (a district's quarterly report):
    the budget or target is named by whoever set it, 的 may be left out after its amount, and every rate is of
    A, never of the base of the rate before it."""
    assert [f.stated for f in check(WHOSE_TARGETS.format(a=a, b=b, c=c), select="C101")] == found


def test_a_ratio_to_last_years_figure_is_not_read_as_a_target(check):
    """L338: "为上年同期的p%" names no budget or target: no completion rate (the Y rules read it)."""
    text = "全区一般公共预算收入完成33.82亿元，为上年同期30亿元的{p}%。"
    assert check(text.format(p="120.00"), select="C101") == []


ADJUSTED_BY_CONGRESS = "{budget}2023年全县一般公共预算收入完成386420万元，为调整预算的{rate}%，同比增长2.1%。"


@pytest.mark.parametrize(
    "budget",
    [
        "经县人大常委会批准，调整后的全县一般公共预算收入为381500万元。",
        "县人大常委会第十次会议审查批准调整全县一般公共预算收入为381500万元。",
        # the adjusted budget of spending: 支出 in its name does not make it an actual
        "经县人大常委会批准，调整后的全县一般公共预算支出为381500万元。",
    ],
)
@pytest.mark.parametrize(("rate", "found"), [("101.3", []), ("101.29", []), ("102.3", ["102.3%"])])
def test_the_budget_as_the_congress_adjusted_it_is_the_adjusted_budget(check, budget, rate, found):
    """L346: the adjusted budget named by who adjusted it, without the word 预算."""
    side = "支出" if "支出为" in budget else "收入"
    text = ADJUSTED_BY_CONGRESS.format(budget=budget, rate=rate, side=side)
    assert [f.stated for f in check(text, select="C101")] == found
