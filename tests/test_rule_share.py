"""P101 share-of-total: shares that follow from their figures pass, wrong ones fail."""

import pytest

PASSING = [
    "2020年本年收入合计2952.11万元，其中：一般公共预算财政拨款收入2912.07万元，占98.64%；年初结转和结余资金40.04万元，占1.36%。",
    "2020年本年支出合计2845.57万元，其中：基本支出2358.51万元，占82.88%；项目支出487.06万元，占17.12%；经营支出0万元，占0%。",
    "2020年一般公共预算财政拨款支出2845.57万元，主要用于以下方面:一般公共服务（类）支出69.65万元，占2.45%；教育支出（类）4.5万元，占0.16%；社会保障和就业（类）支出2490.85万元，占87.53%；卫生健康支出104.70万元，占3.68%；住房保障支出175.87万元，占6.18%。",
    "截至2020年12月31日，我局资产总额为7865542.63元，其中流动资产共计7316396.2元，占资产总额93.02%；固定资产共计549146.43元，占资产总额6.98%。",
    "财政拨款基本支出421.3万元，其中：人员经费299.95万元，占基本支出的71%；公用经费121.35万元，占基本支出的29%。",
    # the base named far away in the report
    "2020年本年支出合计2845.57万元。\n\n一般公共预算财政拨款支出2845.57万元，占本年支出合计的100%。",
    # completion against a target is not a share (issue: completion rates)
    "目前已激活14.99万张，占目标任务数12万张的125%。",
    # no base can be resolved: no finding rather than a guess
    "公务接待费支出决算10.4万元，占40.15%。",
    # a second 占 after the figure's rate against its budget: its share of the whole
    "地方一般公共预算收入完成24,600万元，占调整预算101.20%，同比增长6.20%。从征收部门来看：税务部门完成15,990万元，占调整预算98.50%，占一般公共预算收入的65.00%；财政部门完成8,610万元，占调整预算106.40%，占一般公共预算收入的35.00%。",
    # approximate parts are not checked
    "全年服务企业120家，其中制造业企业80余家，占70%。",
]

FAILING = [
    (
        "政府采购支出总额32.64万元，其中：政府采购货物支出30.96万元、政府采购服务支出1.69万元。授予中小企业合同金额11.00万元，占政府采购支出总额的35.53%。",
        "35.53%",
        "33.70%",
        "（与 30.96 相除才得 35.53%）",
    ),
    (
        "2023年本年收入合计1868.58万元，其中：财政拨款收入1812.36万元，占96.09%；其他收入56.22万元，占3.01%。",
        "96.09%",
        "96.99%",
        "",
    ),
    (
        "资产总额1304.72万元，其中流动资产100.54万元，占资产总额7.17%；固定资产1204.18万元，占资产总额92.29%。",
        "7.17%",
        "7.71%",
        "",
    ),
    (
        "基本支出421.3万元，其中：人员经费299.95万元，占基本支出的75%；公用经费121.35万元，占基本支出的29%。",
        "75%",
        "71.20%",
        "",
    ),
    (
        "截至2023年12月31日，资产总额1304.72万元，其中流动资产100.54万元，占资产总额17.71%。",
        "17.71%",
        "7.71%",
        "",
    ),
    (
        "财政拨款基本支出421.3万元，其中：人员经费299.95万元，占基本支出的61%；公用经费121.35万元，占基本支出的29%。",
        "61%",
        "71.20%",
        "",
    ),
    (
        "2020年本年支出合计2845.57万元，其中：基本支出2358.51万元，占82.88%；项目支出487.06万元，占18.12%。",
        "18.12%",
        "17.12%",
        "",
    ),
    ("我局资产总额为7865542.63元，其中流动资产共计7316396.2元，占资产总额95.02%。", "95.02%", "93.02%", ""),
    (
        "一般公共预算财政拨款支出2845.57万元，主要用于以下方面:社会保障和就业（类）支出2490.85万元，占85.53%；卫生健康支出104.70万元，占3.68%；住房保障支出175.87万元，占6.18%；其他支出74.15万元，占2.61%。",
        "85.53%",
        "87.53%",
        "",
    ),
    (
        "三公经费支出25.9万元，其中：公务用车购置及运行维护费15.5万元，占69.85%；公务接待费10.4万元，占40.15%。",
        "69.85%",
        "59.85%",
        "",
    ),
    (
        "2023年本年支出合计1875.44万元。\n\n一般公共预算财政拨款支出1812.36万元，占本年支出合计的100%。",
        "100%",
        "96.64%",
        "",
    ),
    (
        "支出合计1885.44万元，其中：基本支出1360.20万元，占72.14%；项目支出525.24万元，占27.86%。",
        "72.14%",
        "72.14%",
        None,
    ),
]


@pytest.mark.parametrize("text", PASSING)
def test_consistent_shares_pass(check, text):
    assert check(text, select="P101") == []


@pytest.mark.parametrize(("text", "stated", "expected", "hint"), FAILING[:11])
def test_wrong_shares_fail(check, text, stated, expected, hint):
    findings = check(text, select="P101")
    assert [f.rule for f in findings] == ["P101"]
    f = findings[0]
    assert (f.stated, f.expected) == (stated, expected)
    assert f.message.endswith(hint or f"文中写 {stated}")
    assert f.category == "percent_share"


def test_consistent_share_of_a_consistent_total(check):
    text, *_ = FAILING[11]
    assert check(text, select="P101") == []


def test_wrong_base_message_in_english(tmp_path):
    from helpers import findings_for

    text = FAILING[0][0]
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    from auditor.engine import check_paths

    report = check_paths([path], overrides={"lang": "en", "select": ("P101",)})
    assert report.findings[0].message == (
        "share does not match: 11.00 / 32.64 = 33.70%, the text says 35.53% (35.53% is 11.00 / 30.96)"
    )
    assert findings_for  # the helper module is importable from tests


def test_truncated_share_of_exact_counts_is_info(check):
    findings = check("共18个项目，其中已设置绩效目标的14个，占77.77%；未设置的4个，占22.22%。", select="P101")
    assert [(f.severity, f.stated, f.expected) for f in findings] == [("info", "77.77%", "77.78%")]
    assert findings[0].message.startswith("占比末位舍入有误")


def test_a_share_after_the_figures_rate_against_its_budget(check):
    """ "财政部门完成B，占调整预算p%，占一般公共预算收入的q%": the second 占 is B's share of the revenue."""
    text = next(t for t in PASSING if "从征收部门来看" in t)
    wrong = text.replace("占一般公共预算收入的35.00%", "占一般公共预算收入的38.00%")
    assert [(f.rule, f.stated, f.expected) for f in check(wrong, select="P101")] == [
        ("P101", "38.00%", "35.00%")
    ]


LEVEL_IN_ITS_SENTENCE = (
    "1.收入预算执行情况。县人大常委会批准调整全县一般公共预算收入为509500万元。2023年全县一般公共预算收入完成"
    "510000万元，为调整预算的100.1%；其中税收收入完成270300万元，"
    "占一般公共预算收入的53%。\n"
    "分区域收入执行情况。县本级一般公共预算收入完成292600万元，同比增长4.3%，其中税收收入完成149300万元，"
    "占一般公共预算收入的{p}%。\n"
)


def test_a_share_of_the_whole_its_own_sentence_names(check):
    """L232: "县本级一般公共预算收入完成A，…，其中税收收入完成a，占一般公共预算收入的p%" below the county's own
    figures (a county's budget report): the base is the whole of the part's sentence, not unknown because the
    paragraph above speaks of the whole county."""
    assert check(LEVEL_IN_ITS_SENTENCE.format(p="51"), select="P101") == []
    found = check(LEVEL_IN_ITS_SENTENCE.format(p="81"), select="P101")
    assert [(f.rule, f.stated) for f in found] == [("P101", "81%")]


OWN_GROWTH_THEN_SHARE = (
    "1-3月全省县区一般公共预算收入完成503.7亿元。\n"
    "在41个县收支完成情况上，一般公共预算收入完成151亿元，同比增加21亿元，增长16.2%。其中：税收收入完成95.1亿元，"
    "增长19.9%，占一般公共预算收入的{p}%；非税收入完成55.9亿元，增长10.4%，占一般公共预算收入的37%。\n"
)


def test_shares_after_each_parts_own_growth(check):
    """L233: "…收入完成W…。其中：A完成a，增长r%，占…收入的p%；B完成b，增长s%，占…的q%" (a province's county
    report): each share follows its part's growth rate, and the whole written "收入完成W" is the base named."""
    assert check(OWN_GROWTH_THEN_SHARE.format(p="63"), select="P101,P102") == []
    found = check(OWN_GROWTH_THEN_SHARE.format(p="93"), select="P101")
    assert [(f.rule, f.stated) for f in found] == [("P101", "93%")]


SOLE_PART_BELOW_LEVELS = (
    "全市一般公共预算收入完成98000万元，同比增长3.2%。县区级一般公共预算收入完成68000万元。\n"
    "市本级一般公共预算收入完成30000万元，同比增长2.1%。其中，税收收入完成21000万元，占一般公共预算收入的{p}%。\n"
)


def test_a_sole_parts_share_of_the_sentence_before(check):
    """L233: "市本级…收入完成W，…。其中，税收收入完成a，占一般公共预算收入的p%" below the city's figures: the
    whole of the sentence before the part's 其中 is the base (the city's total was taken)."""
    assert check(SOLE_PART_BELOW_LEVELS.format(p="70"), select="P101") == []
    found = check(SOLE_PART_BELOW_LEVELS.format(p="40"), select="P101")
    assert [(f.rule, f.expected) for f in found] == [("P101", "70.00%")]


BALANCED_BUDGET_BASE = (
    "（一）教育支出类科目 5,806,105.16 元，占支出总预算\n"
    "{p}%，同比增加 3,520,772.45 元，增长 154.06%。\n"
    "四、财政拨款收支预算情况说明\n"
    "2023 年财政拨款收支总预算 7,057,486.18 元。收入包括：一般公共预算拨款 7,057,486.18 元。\n"
)


def test_a_share_of_the_spending_side_of_a_balanced_budget(check):
    """L238: "…类科目a元，占支出总预算p%" with the total written "财政拨款收支总预算T元" (a school's budget): the
    收支总预算 is the 支出总预算 as well."""
    assert check(BALANCED_BUDGET_BASE.format(p="82.27"), select="P101") == []
    found = check(BALANCED_BUDGET_BASE.format(p="85.27"), select="P101")
    assert [(f.rule, f.stated) for f in found] == [("P101", "85.27%")]


SHARE_NAMED_AGAIN = (
    "今年1-4月，全区一般公共预算支出1091.71亿元，同比增长10.1%；其中民生支出完成868.04亿元，同比增长5.6%，民生支出"
    "占一般公共预算支出的比重达{p}%。"
)


def test_a_share_whose_clause_names_the_part_again(check):
    """L275: "其中民生支出完成a，同比增长r%，民生支出占一般公共预算支出的比重达p%" (a region's monthly report): the
    share's clause names its part again after the part's own growth."""
    assert check(SHARE_NAMED_AGAIN.format(p="79.5"), select="P101") == []
    found = check(SHARE_NAMED_AGAIN.format(p="79.1"), select="P101")
    assert [(f.rule, f.expected) for f in found] == [("P101", "79.51%")]


SHARE_OF_THE_WHOLE_AMOUNT = "2023年全县一般公共预算支出累计完成48.60亿元，较去年增长1.2%。其中民生类支出39.30亿元，占一般公共预算支出总量的{p}%。"


def test_a_base_named_with_zongliang_is_the_amount_named_without_it(check):
    """L289: "占一般公共预算支出总量的p%" (a district's revenue and spending news): 总量 is the whole amount, the
    一般公共预算支出 stated before."""
    assert check(SHARE_OF_THE_WHOLE_AMOUNT.format(p="81"), select="P101") == []
    assert [f.stated for f in check(SHARE_OF_THE_WHOLE_AMOUNT.format(p="86"), select="P101")] == ["86%"]


TAX_RATIO = (
    "2023年，全县财政总收入累计完成36.40亿元，同比增长8.1%，完成年初预算的102.3%，其中税收收入累计完成29.80亿元，"
    "同比增长5.2%，完成年初预算的100.4%，税性比为{whole}%。一般公共预算收入累计完成21.50亿元。其中：地方税收收入累计"
    "完成15.70亿元，税收占比为{local}%；非税收入完成5.80亿元。"
)


@pytest.mark.parametrize(
    ("whole", "local", "found"), [("82", "73", []), ("86", "73", ["86%"]), ("82", "76", ["76%"])]
)
def test_the_tax_ratio_is_the_tax_revenues_share_of_its_whole(check, whole, local, found):
    """L290: "…财政总收入完成W，同比增长p%，完成年初预算的r%，其中税收收入完成a，…，税性比为s%" (a Jiangxi district's
    revenue news): 税性比 (税收占比) is the tax revenue's share of the whole it is part of, with the whole's own
    rates between the whole and its 其中."""
    assert [f.stated for f in check(TAX_RATIO.format(whole=whole, local=local), select="P101")] == found


COMPOSITION_OPENING = (
    "本部门2023年度收入总计{total}万元，其中年初结转和结余0万元；本年收入合计{total}万元，较2022年增加5.24万元。\n"
    "本年收入的具体构成为：财政拨款收入213.24万元，占100%；事业收入0万元，占0%；其他收入0万元，占0%。\n"
)


def test_a_composition_named_by_its_whole_is_of_that_whole(check):
    """L305: "本年收入的具体构成为：A a，占p%；B b，占q%…" (a party school's final accounts): the whole the sentence
    opens with by name is the 本年收入合计 stated above it."""
    assert check(COMPOSITION_OPENING.format(total="213.24"), select="P101") == []
    assert [f.stated for f in check(COMPOSITION_OPENING.format(total="231.24"), select="P101")] == ["100%"]


BUDGET_ARRANGED = (
    "区本级一般公共预算收入安排52.6亿元，同比增长3.1%。其中：税收收入40.5亿元，同比增长6.2%，"
    "占一般公共预算收入的{share}%；非税收入12.1亿元，同比下降5.3%。"
)


@pytest.mark.parametrize(("share", "found"), [("77", []), ("77.0", []), ("87", ["87%"])])
def test_a_base_named_by_its_budget_arrangement_is_that_amount(check, share, found):
    """L345: "…收入安排W" in a budget report is the amount of that 收入, as "…收入完成W" is in an execution report."""
    assert [f.stated for f in check(BUDGET_ARRANGED.format(share=share), select="P101")] == found


SHARE_OF_THE_LISTED_TOTAL = (
    "2024年度总收入8,420.60万元，其中：财政拨款收入5,120.40万元，事业收入2,310.20万元，其他收入990.00万元。\n"
    "①财政拨款收入：本年度我校财政拨款收入共计5,120.40万元，占总收入的60.81%。\n"
    "②事业收入：本年度我校事业收入2,310.20万元，占总收入的{share}%。\n"
)


@pytest.mark.parametrize(("share", "found"), [("27.44", []), ("27.4", []), ("28.44", ["28.44%"])])
def test_a_share_of_the_total_is_of_the_total_that_listed_its_amount(check, share, found):
    """L349: "占总收入的p%" in an item's own paragraph: the 总收入 above whose list gives the item's amount."""
    text = SHARE_OF_THE_LISTED_TOTAL.format(share=share)
    assert [f.stated for f in check(text, select="P101")] == found


def test_a_share_of_the_total_needs_one_total_listing_its_amount(check):
    """L349: two totals above listing the same amount: which one the share is of cannot be told."""
    text = (
        "2024年度总收入8,420.60万元，其中：财政拨款收入5,120.40万元，事业收入3,300.20万元。\n"
        "2023年度总收入7,900.00万元，其中：财政拨款收入5,120.40万元，事业收入2,779.60万元。\n"
        "①财政拨款收入：本年度财政拨款收入共计5,120.40万元，占总收入的70.00%。\n"
    )
    assert check(text, select="P101") == []
