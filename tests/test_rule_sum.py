"""S101 sum-of-parts: sentences in the reports' phrasings that must pass and that must fail."""

import pytest

PASSING = [
    # 其中 lists with shares
    "2020年本年收入合计2952.11万元，其中：一般公共预算财政拨款收入2912.07万元，占98.64%；年初结转和结余资金40.04万元，占1.36%；其他收入0万元，占0%。",
    # bracketed breakdowns
    "年初预算数为36,158.49万元（其中，基本支出1,753.87万元，项目支出34,404.62万元），资金来源为一般公共预算财政拨款收入。",
    "2023年末单位实有资产合计13047176.25元（其中：流动资产1005448.91元，固定资产12041727.34元，无形资产0元）。",
    "人员支出125.94万元(工资支出36.9万元、津贴22.76万元、奖励支出24.72万元、住房保障支出12.64万元、社保费开支15.70万元、伙食补助等开支2.28万元、对个人家庭补助10.94万元)。",
    # counts
    "快接快立快处调解仲裁414件，其中仲裁裁决结案180件、线上结案35件、调解息诉199件。",
    "聘任专业技术岗7210人，其中高级职称2745人，中级职称2664人，初级职称1801人；事业单位管理岗聘任316人，管理六级1人，管理七级25人，管理八级132人，管理九级151人，管理十级7人。",
    # rounding drift
    "卫生健康支出104.70万元，具体为：行政单位医疗66.89万元、事业单位医疗21.10万元、公务员医疗补助16.70万元，合计104.70万元。",
    # a closing 合计
    "公用支出101.04万元，主要用于办公费10.80万元、印刷费6.35万元、邮电费0.4万元、差旅费1.5万元，维修费8万元，劳务费19.24万元，委托业务费11.4万元，工会经费4.1万元，其他交通补助9.28万元，其他开支26.67万元，办公设备购置3.3万元，合计101.04万元。",
    # different scales
    "切实降低企业社保成本4.74亿元，其中企业职工基本养老保险减轻企业负担35,400万元，工伤保险减轻企业负担2,100万元，失业保险减轻企业负担9,938万元。",
    # "（包括：A、B）" lists the parts of the figure before it
    "“三公”经费支出预算4432万元，其中：因公出国（境）费39万元，公务接待费323万元，公务用车购置及运行维护费4070万元（包括：公务用车运行维护费2648万元、公务用车购置费1422万元）。",
    # 收支总预算, then the list of income and the list of spending in one paragraph: each adds up to it
    "2024年财政拨款收支总预算1,250,000.00元。收入包括：一般公共预算拨款1,200,000.00元、上年结转结余50,000.00元；支出包括：教育支出900,000.00元、社会保障和就业支出200,000.00元、卫生健康支出150,000.00元。",
    # a subset, not a breakdown
    "培训学员3623人，其中脱贫劳动力3241人。",
    "事业编制31人（含参公管理事业编制5人）。",
    # a closing 合计 of every item, one of them an integer
    "公用支出58.90万元，主要用于办公费9.60万元、水电费12.45万元、邮电费0.8万元，维修费6万元，培训费4.15万元，"
    "其他支出22.30万元，物业费3.6万元，合计58.90万元。",
    # sub-items after a matching run
    "全年共申请工伤案件220件，其中受理218件，不予受理2件，认定工伤209件，死亡4件，视同工伤3件。",
    # a nested list opened by a colon
    "2020年末共有职工148人。其中在编人员130人：行政人员42人；参照公务员管理事业人员50人；非参公事业人员38人。经费自理人员18人。",
    # approximate parts are never summed as exact
    "全年服务企业120家，其中制造业企业80余家、服务业企业30多家。",
    # a whole written shorter than its parts was rounded: 12.45 + 34.38 = 46.83, about 47
    "项目支出共计47万元，其中：培训费12.45万元，劳务费34.38万元。",
    # figures of two units keep their own rounding
    "专项经费3.2亿元，其中：设备购置12000.45万元，工程款19999.6万元。",
    # the whole stated in the previous sentence
    "处理各类劳动人事争议案件458件，共涉及金额1809.63万元。其中，受理206件，涉案金额1008.51万元；案外调解291件，涉及金额801.12万元。",
]

FAILING = [
    ("2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。", "1875.44万元"),
    ("处理劳动人事争议案件412件，其中仲裁裁决结案168件、调解结案205件、撤诉结案29件。", "402件"),
    (
        "截至2023年12月31日，资产总额1304.72万元（其中：流动资产100.54万元，固定资产1214.18万元）。",
        "1314.72万元",
    ),
    (
        "三公经费支出9.20万元（其中：因公出国（境）费0万元，公务用车运行维护费6.40万元，公务接待费2.30万元）。",
        "8.70万元",
    ),
    ("实有人员编制46人，其中：行政编制15人，事业编制30人。", "45人"),
    ("单位共有公务用车4辆，其中：轿车2辆、越野车1辆、载客汽车0辆。", "3辆"),
    (
        "2023年支出总额为15901585.76元，其中：工资福利支出7359892.85元，商品和服务支出1059674.47元，对个人和家庭的补助支出7352945.44元，资本性支出139073元。",
        "15911585.76元",
    ),
    (
        "降低企业社保成本4.84亿元，其中养老保险35,400万元，工伤保险2,100万元，失业保险9,938万元。",
        "4.7438亿元",
    ),
    (
        "项目支出525.24万元，主要用于以下方面：就业补助资金312.50万元，占59.50%；培训补贴148.74万元，占28.32%；监察经费54.00万元，占10.28%。",
        "515.24万元",
    ),
    ("日常公用经费主要用于办公费12.00万元、印刷费3.50万元、差旅费6.20万元，合计22.70万元。", "21.70万元"),
    # a closing 合计 totals every item before it: a leading run that happens to fit (an integer item's
    # rounding allowance) is no way out
    (
        "公用支出55.50万元，主要用于办公费9.60万元、水电费12.45万元、邮电费0.8万元，维修费6万元，培训费4.15万元，"
        "其他支出22.30万元，物业费3.6万元，合计55.50万元。",
        "58.90万元",
    ),
    # typed prose drops trailing zeros: among two-decimal figures, 5万元 and 3.2万元 are 5.00 and 3.20, so
    # 12.45 + 3.2 + 5 + 8.6 + 17.35 = 46.60 is 0.30 off, more than two-decimal rounding allows
    (
        "日常公用经费主要用于办公费12.45万元、差旅费3.2万元、维修费5万元、培训费8.6万元、物业费17.35万元，合计46.30万元。",
        "46.60万元",
    ),
    ("商品和服务支出86.42万元（其中：办公费20.5万元，会议费6万元，差旅费59.62万元）。", "86.12万元"),
    # taxes and non-tax revenue are all of a general budget's revenue, each item compared or not
    (
        "上半年，全市一般公共预算收入1174.4亿元，同比增长6.3%。其中：税收收入865.4亿元，同比增长2.8%；"
        "非税收入279亿元，同比增长18.8%。",
        "1144.4亿元",
    ),
    (
        "2024年财政拨款收支总预算1,250,000.00元。收入包括：一般公共预算拨款1,200,000.00元、上年结转结余50,000.00元；支出包括：教育支出900,000.00元、社会保障和就业支出230,000.00元、卫生健康支出150,000.00元。",
        "1280000.00元",
    ),
    (
        "公务用车购置及运行维护费4070万元（包括：公务用车运行维护费2648万元、公务用车购置费1452万元）。",
        "4100万元",
    ),
    (
        "2020年一般公共预算财政拨款基本支出2358.51万元，其中：\n\n人员经费2002.61万元，主要包括基本工资等。\n\n日常公用经费345.90万元，主要包括办公费等。",
        "2348.51万元",
    ),
]


@pytest.mark.parametrize("text", PASSING)
def test_consistent_breakdowns_pass(check, text):
    assert check(text, select="S101") == []


@pytest.mark.parametrize(("text", "expected"), FAILING)
def test_broken_breakdowns_fail(check, text, expected):
    findings = check(text, select="S101")
    assert [f.rule for f in findings] == ["S101"]
    finding = findings[0]
    assert finding.expected == expected
    assert finding.severity == "error"
    assert finding.category == "sum_total"
    assert finding.stated in text.replace(",", ",")


def test_finding_points_at_the_whole_and_lists_all_lines(check):
    text = "基本支出2358.51万元，其中：\n\n人员经费2002.61万元。\n\n日常公用经费345.90万元。\n"
    (finding,) = check(text, select="S101")
    assert finding.line == 1
    assert finding.column == text.index("2358.51") + 1
    assert finding.lines == [1, 3, 5]
    assert finding.message == "合计不符：2002.61 + 345.90 = 2348.51万元，文中写 2358.51万元"


REGRESSIONS = [
    # one item's month and its year to date are no two parts
    "政府性基金收入当月完成5.0亿元，下降8.2%；累计完成60.4亿元，下降3.4%。其中，土地出让金收入当月完成4.5亿元，"
    "增长6.6%；累计完成50.8亿元，下降9.9%。",
    # a revenue report's main items, each with its own comparison: they may add up to less than the whole
    "2024年1-5月，全县政府性基金预算收入完成7200万元，较上年减收1800万元，下降20.0%。其中：国有土地使用权出让收入"
    "6100万元，较上年减收1500万元，下降19.74%；城市基础设施配套费收入350万元，较上年减收120万元，下降25.53%。",
    # every part with its share, the shares 59.54% of the whole: the list stops short (县乡级 left out)
    "全县大口径财政收入17056万元。从层级看：上划中央收入7716万元，占收入的45.24%；上划省级收入2432万元，"
    "占收入的14.26%；上划市级收入6万元，占收入的0.04%。",
    # 000: a part restating the whole is not a breakdown
    "一般公共预算支出收入决算数为14011296.99元，其中：本单位当年财政拨款基本支出（收入决算数）为：14011296.99元；当年财政拨款基本支出（支出决算数）为：8049757.29元。",
    # 004: counts in later ；-groups are not parts of the 其中 list
    "吸纳贫困劳动力就业共317人实施补贴，其中养老保险补贴、失业保险补贴共计社保补贴138万余元，岗位补贴31.7万元；发放交通补助63人，补贴金额1.5万元；发放求职创业补贴223人，补贴金额6.69万元。",
]


@pytest.mark.parametrize("text", REGRESSIONS)
def test_corpus_false_alarms_stay_fixed(check, text):
    assert check(text, select="S101") == []


MADE_OF = (
    "全乡一般公共预算财力1,510.00万元。由一般公共预算收入86.40万元，加上级补助收入、上年结余、动用预算稳定调节基金等"
    "1,423.60万元构成。"
)


def test_a_whole_and_what_it_is_made_of(check):
    """ "W。由A，加B…构成": the parts named after 由, closed by 构成 in the next sentence."""
    assert check(MADE_OF, select="S101") == []
    found = check(MADE_OF.replace("86.40万元", "96.40万元"), select="S101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("S101", "1,510.00万元", "1520.00万元")]
    # "主要由…构成" names the main parts only: less is no slip
    assert check(MADE_OF.replace("。由", "。主要由").replace("86.40万元", "76.40万元"), select="S101") == []


CUT_OFF_LIST = (
    "（二）收入预算执行情况。\n2024年全县完成地方财政收入986420万元，其中：\n"
    "1.一般公共预算收入完成512300万元，其中税收收入301200万元、非税收入211100万元。\n"
    "2.政府性基金预算收入完成318600万元，其中：(1)政府性基金收入完成206400万元；(2)上级补助收入"
)


def test_a_list_the_texts_cut_end_breaks_off_is_no_breakdown(check):
    # the text (a page's opening) stops inside the list's last item: items 3. and 4. are not there
    assert check(CUT_OFF_LIST, select="S101") == []
    # the same list ending its text on a full stop is all there is
    complete = CUT_OFF_LIST.replace("；(2)上级补助收入", "；(2)上级补助收入112200万元。")
    assert [f.stated for f in check(complete, select="S101")] == ["986420万元"]


STAFF = (
    "机构设置及人员情况：核定编制人数30，其中：行政编制人数12、参照公务员管理事业编制人数2、事业编制人数16。"
)


def test_staff_counts_written_without_their_unit_add_up(check):
    assert check(STAFF, select="S101") == []
    slipped = STAFF.replace("事业编制人数16", "事业编制人数18")
    assert [f.stated for f in check(slipped, select="S101")] == ["30人"]


# a view opener that names its whole: "从收入结构看，X中，…" breaks down X, whichever figure stands before it
LEVELS_THEN_VIEW = (
    "2024年全盟一般公共预算收入完成3100万元，增长5.2%。\n"
    "在全盟一般公共预算收入中，盟本级一般公共预算收入完成340万元，增长8.1%；旗级一般公共预算收入完成2760万元，"
    "增长4.9%。从收入结构看，全盟一般公共预算收入中，税收收入2130万元，占一般公共预算收入的68.7%；非税收入970万元，"
    "占一般公共预算收入的31.3%。\n"
)
VIEW_OF_THE_WHOLE = "全县一般公共预算收入完成5200万元，增长3.1%。从收入结构看，一般公共预算收入中，税收收入3600万元，非税收入1600万元。"


def test_a_view_opener_breaks_down_the_whole_it_names(check):
    # the 全盟 figure is a paragraph above: neither the 旗级 figure before the view nor its level's is the base
    assert check(LEVELS_THEN_VIEW, select="S101,P101") == []
    assert check(VIEW_OF_THE_WHOLE, select="S101") == []
    found = check(VIEW_OF_THE_WHOLE.replace("1600万元", "1700万元"), select="S101")
    assert [f.stated for f in found] == ["5200万元"]


MONTH = "3月份，全市一般公共预算收入当月完成73.8亿元，其中：市本级当月完成14.1亿元，县区级当月完成59.7亿元。"


def test_a_months_parts_add_up(check):
    assert check(MONTH, select="S101") == []
    assert [f.stated for f in check(MONTH.replace("59.7亿元", "58.7亿元"), select="S101")] == ["73.8亿元"]


DETAILS = (
    "二、“三公”经费2024年预算情况\n"
    "2024年“三公”经费财政拨款预算2.60万元，比2023年预算减少0.80万元。具体情况：\n"
    "1、2024年因公出国（境）费预算0万元，与2023年预算持平。\n"
    "2、2024年公务用车购置及运行维护费预算0.90万元，比2023年预算减少1.10万元。\n"
    "3、2024年公务接待费预算1.70万元，比2023年预算增加0.30万元。\n"
)
# the parts were listed already, each with its rate: "具体情况如下" gives their details, not the last part's
DETAILS_OF_PARTS = (
    "2024年度“三公”经费财政拨款支出决算为52.30万元，完成年初预算的90.17%。其中：因公出国（境）费支出决算为0万元，"
    "完成年初预算的100%；公务接待费支出决算为18.40万元，完成年初预算的80.00%；公务用车购置及运行维护费支出决算为"
    "33.90万元，完成年初预算的96.86%。具体情况如下：\n"
    "（一）因公出国（境）费支出0万元，与2023年度持平。\n"
    "（二）公务接待费支出18.40万元，比2023年度减少2.60万元。\n"
    "（三）公务用车购置及运行维护费支出33.90万元，比2023年度减少1.10万元。\n"
)


def test_the_details_after_a_whole_are_its_parts(check):
    assert check(DETAILS, select="S101") == []
    assert [f.stated for f in check(DETAILS.replace("预算1.70万元", "预算1.80万元"), select="S101")] == [
        "2.60万元"
    ]
    assert check(DETAILS_OF_PARTS, select="S101") == []


# a news report of a whole 盟: its 支出 is stated once without a level, then for each level below it
LEVELS_THEN_SHARE = (
    "去年全年全盟一般公共预算收入完成3100万元，增长8.1%；一般公共预算支出完成11000万元，下降1.2%。\n"
    "从支出看，盟本级一般公共预算支出完成2900万元，下降25.7%；旗级一般公共预算支出完成8100万元，增长11.7%。"
    "财政支出中，民生支出7920万元，占一般公共预算支出的72.0%；旗级民生支出6480万元，占一般公共预算支出的80.0%。\n"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        (
            "占一般公共预算支出的72.0%",
            "占一般公共预算支出的75.0%",
            [("P101", "75.0%")],
        ),  # of the whole's 11000
        ("占一般公共预算支出的80.0%", "占一般公共预算支出的83.0%", [("P101", "83.0%")]),  # of 旗级's own 8100
    ],
)
def test_a_share_of_a_base_stated_for_several_levels_is_of_its_parts_level(check, old, new, found):
    assert check(LEVELS_THEN_SHARE, select="P101") == []
    assert [(f.rule, f.stated) for f in check(LEVELS_THEN_SHARE.replace(old, new), select="P101")] == found


TRANSFERS_AND_TRANSFERS_IN = (
    "2022年，全县一般公共预算总收入63.69亿元，其中：一般公共预算收入完成17.03亿元，完成调整预算的100.1%；"
    "上级税收返还和转移支付补助等转移性收入38.98亿元，调入资金5.79亿元，动用预算稳定调节基金1234万元；"
    "上年结转1.76亿元。"
)


def test_transfers_received_and_funds_brought_in_are_parts_of_the_total_revenue(check):
    """税收返还 received from above and 调入资金 are income items, not refunds taken off or signed changes."""
    assert check(TRANSFERS_AND_TRANSFERS_IN, select="S101") == []  # 63.6834 within the rounding of 63.69
    found = check(TRANSFERS_AND_TRANSFERS_IN.replace("调入资金5.79亿元", "调入资金5.49亿元"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "63.69亿元")]


MAINLY = (
    "2024年5月份，全县政府性基金预算支出完成14179万元，较上年同期减支36662万元，下降72.1%。主要是其他支出5683万元，"
    "占比40%，国有土地使用权出让收入安排的支出5180万元，占比36.5%，大中型水库移民后期扶持基金支出2340万元，占比16.5%。"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("占比40%", "占比43%", [("P101", "43%")]),  # 5683 / 14179 = 40.08%
        ("支出2340万元", "支出2640万元", [("P101", "16.5%")]),
        # the main items only: they may add up to less than the whole, and 主要是由于 gives a reason, no list
        ("。主要是其他支出5683万元，占比40%，", "。主要是由于上年同期基数较高。其他支出5683万元，", []),
    ],
)
def test_the_main_items_after_a_compared_whole_carry_their_shares_of_it(check, old, new, found):
    assert check(MAINLY, select="S101,P101") == []
    assert [(f.rule, f.stated) for f in check(MAINLY.replace(old, new), select="S101,P101")] == found


BALANCE_SENTENCE = (
    "收支平衡情况：2024年，全县一般公共预算收入9,340万元、上级补助收入285,116万元（其中：返还性收入1,802万元、"
    "一般性转移支付补助160,314万元、专项转移支付补助123,000万元）、一般债券转贷收入24,500万元（其中：新增一般债券"
    "收入8,200万元、再融资债券16,300万元）、上年结转收入3,105万元，调入资金1,239万元（其中：政府性基金调入139万元，"
    "国有资本经营预算调入1,100万元），收入总计323,300万元。全县一般公共预算支出296,870万元、上解支出4,512万元、"
    "债务还本支出17,260万元，调出资金1,508万元，支出总计320,150万元。"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("收入总计323,300万元", "收入总计328,300万元", [("S101", "328,300万元")]),
        ("调出资金1,508万元", "调出资金1,808万元", [("S101", "320,150万元")]),
        # a part's own 其中 in brackets is that part's: its figures are not the list's
        ("返还性收入1,802万元", "返还性收入1,902万元", [("S101", "285,116万元")]),
    ],
)
def test_a_balance_sentences_items_before_its_income_and_spending_totals(check, old, new, found):
    """L202: "收支平衡情况：一般公共预算收入A、上级补助收入B（其中：…）、…、上年结转收入D，调入资金E，收入总计T":
    the items after the lead-in add up to the 收入总计 (a fund's name or 上年结转 is no whole), and likewise the
    支出总计."""
    assert check(BALANCE_SENTENCE, select="S101") == []
    assert [(f.rule, f.stated) for f in check(BALANCE_SENTENCE.replace(old, new), select="S101")] == found


def test_a_running_total_after_its_first_figure_is_the_chains_not_a_list(check):
    """Regression: "A，加上级转移支付收入B，其中：…，上年结转C，基金调入D，收入合计T" and "A。加上B、C…后，支出总计T" are
    running totals from A (I101): the items after 加 are no list of parts of the 收入合计 on their own."""
    chain = (
        "全镇一般公共预算收入4,600万元，加上级转移支付收入1,900万元，其中：一般转移支付收入1,480万元，上年结转结余"
        "70万元，基金调入110万元，收入合计为6,680万元。\n"
        "全县一般公共预算支出完成59.69亿元，下降18.2%。加上上解支出1.4亿元、调出资金0.46亿元，以及结转下年3.48亿元后，"
        "支出总计65.03亿元。"
    )
    assert check(chain, select="S101") == []
    assert [
        (f.rule, f.stated) for f in check(chain.replace("支出总计65.03", "支出总计66.05"), select="S,I")
    ] == [("I101", "66.05亿元")]


REFUNDS_RECEIVED = "1.上级补助收入4.26亿元。其中土地出让返还收入3.10亿元，污水处理费返还收入0.56亿元，政府性基金转移支付收入0.60亿元。"


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("0.60亿元", "0.80亿元", [("S101", "4.26亿元")]),
        # a refund paid out is taken off, not added: the list has no sum to check
        ("污水处理费返还收入0.56亿元", "出口退税0.56亿元", []),
    ],
)
def test_refund_income_received_from_above_is_a_part(check, old, new, found):
    """L208: "上级补助收入W。其中土地出让返还收入A，污水处理费返还收入B，…": 返还收入 (and 返还性收入) is money
    received, one of the parts; only a refund paid out (出口退税, 退库) stops the list."""
    assert check(REFUNDS_RECEIVED, select="S101") == []
    assert [(f.rule, f.stated) for f in check(REFUNDS_RECEIVED.replace(old, new), select="S101")] == found


STAFF_LIST = (
    "人员情况：编制人数{w}，其中：行政编制人数21、参照公务员管理的事业编制人数0、全额补助事业编制人数26、"
    "差额补助事业编制人数0、自收自支编制人数9人。"
)


def test_an_enumeration_of_one_kind_is_summed_whole(check):
    """L209: "编制人数W，其中：行政编制人数a、…、自收自支编制人数e人" — items of one kind listed with 、 are all of
    the list: a leading run that happens to add up to W is not taken for the breakdown."""
    assert check(STAFF_LIST.format(w="56"), select="S101") == []
    found = check(STAFF_LIST.format(w="47"), select="S101")  # 21 + 0 + 26 = 47, but the list goes on
    assert [(f.rule, f.stated, f.expected) for f in found] == [("S101", "47人", "56人")]
    # separated by ，, a run that adds up is still the breakdown meant; what follows is about its parts
    cases = "共受理工伤案件220件，其中受理工伤案件218件，不予受理工伤案件2件，认定工伤案件209件。"
    assert check(cases, select="S101") == []


RATE_BASES = (
    "2024年全区一般公共预算总收入520000万元，完成调整后预算收入515000万元的101.0%，同比增收3100万元，增长0.6%。"
    "其中：地方一般公共预算收入{a}万元，完成调整后预算收入318000万元的103.8%，同比增收16200万元，增长5.4%；"
    "上划中央收入190000万元，完成调整后预算收入197000万元的96.4%，同比减收13100万元，下降6.4%。"
)


def test_a_rates_base_in_a_list_is_no_part(check):
    """Regression (a district's final accounts): "其中：A a，完成调整后预算收入B万元的r%；C c，…" — B is the base of
    A's completion rate, not a part of the total (S101 read a + B)."""
    assert check(RATE_BASES.format(a="330000"), select="S101") == []
    found = check(RATE_BASES.format(a="331000"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "520000万元")]


COMPARED_THEN_SEMICOLON = (
    "2025年全市使用财政拨款安排“三公”经费预算总额为{w}万元，较2024年的2310万元减少260万元，下降11.3%；其中：因公出国"
    "（境）经费45万元，较上年持平；公务接待费255万元，较上年减少15万元，下降5.6%；公务用车购置及运行维护费1750万元，"
    "较上年减少245万元，下降12.3%。"
)


def test_a_whole_compared_before_a_semicolon_and_its_qizhong(check):
    """L222: "…预算总额为W，较2024年的P减少d，下降p%；其中：A a，较上年持平；B b，…" (a city's 三公 budget): the
    ； after the whole's comparison does not part the whole from its 其中 list."""
    assert check(COMPARED_THEN_SEMICOLON.format(w="2050"), select="S101") == []
    found = check(
        COMPARED_THEN_SEMICOLON.format(w="2050").replace("公务接待费255万元", "公务接待费285万元"),
        select="S101",
    )
    assert [(f.rule, f.stated) for f in found] == [("S101", "2050万元")]


EXPLAINED_THEN_ITEMS = (
    "2024年本部门支出决算数为905.40万元。具体情况如下：\n"
    "1.工资福利支出决算数为612.30万元，主要是在职人员和参照公务员法管理事业单位（以下简称“参公单位”）人员的"
    "劳动报酬以及单位缴纳的各项社会保险费等。其中：\n"
    "（1）基本工资决算数为{a}万元，比上年决算数下降2.1%，主要是人员退休减少。\n"
    "（2）社会保障缴费决算数为120.50万元，比上年决算数增长3.4%。\n"
    "（3）住房公积金决算数为61.60万元。\n"
    "2.商品和服务支出决算数为293.10万元，主要是办公、差旅和会议等各类支出。\n"
)


def test_a_whole_explained_before_its_numbered_items(check):
    """L223: "1.A决算数为W万元，主要是…等。其中：" ⏎ "（1）a…" ⏎ "（2）b…" (a ministry's expenditure by economic
    class): the clause that says what the whole is (主要是…) does not make the numbered items a selection."""
    assert check(EXPLAINED_THEN_ITEMS.format(a="430.20"), select="S101") == []
    found = check(EXPLAINED_THEN_ITEMS.format(a="460.20"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "612.30万元")]


SPENDING_BALANCE_LIST = (
    "一般公共预算支出409500万元，上解上级支出{paid}万元，债务还本支出8200万元，安排预算稳定调节基金182万元，"
    "区域间转移性支出1170万元，支出总计425500万元。"
)


def test_a_spending_list_closed_by_its_total_with_the_stabilisation_fund(check):
    """L231: "A，上解上级支出B，债务还本支出C，安排预算稳定调节基金D，…，支出总计T" (a county's final accounts):
    the fund set aside is spent in the year, like the others; neither its 安排 nor its 预算 makes it a budget."""
    assert check(SPENDING_BALANCE_LIST.format(paid="6448"), select="S101") == []
    found = check(SPENDING_BALANCE_LIST.format(paid="6748"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "425500万元")]


RATE_THEN_QIZHONG = (
    "（2）项目资金执行情况。实际执行{w}万元，项目执行率88.74%。其中中央补助经费执行7177.37万元，省级财政配套资金"
    "执行2087.98万元。"
)


def test_a_whole_with_its_execution_rate_before_qizhong(check):
    """L236: "实际执行W万元，项目执行率r%。其中A执行a，B执行b。" (a department's self-evaluation): the rate
    clause between the whole and its 其中 is the whole's own."""
    assert check(RATE_THEN_QIZHONG.format(w="9265.35"), select="S101") == []
    found = check(RATE_THEN_QIZHONG.format(w="9565.35"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "9565.35万元")]


DETAILED_NEXT_SENTENCE = (
    "2.全年实现财政非税收入9265.21万元。具体为：国有土地使用权出让金收入1375.05万元，国有资源资产有偿使用收入20.95万元，"
    "其他上级部门补助收入7586.30万元，其他收入{other}万元。"
)


def test_a_figure_detailed_in_the_next_sentence(check):
    """L261: "…收入W。具体为：A a，B b，…" (a town's budget execution report): the sentence opening with 具体为
    details the figure that ends the sentence before."""
    assert check(DETAILED_NEXT_SENTENCE.format(other="282.91"), select="S101") == []
    found = check(DETAILED_NEXT_SENTENCE.format(other="582.91"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "9265.21万元")]


BY_LEVEL_TEXT = (
    "1—5月份，全市一般公共预算支出完成1268606万元，下降1.4%。分级次看，市本级支出完成{city}万元，下降1.9%；县区级支出"
    "完成927919万元，下降1.3%，其中：区级支出完成177596万元，增长4.9%；县级支出完成750323万元，下降2.6%。"
)


def test_a_whole_broken_down_by_level(check):
    """L277: "全市…支出完成W，下降p%。分级次看，市本级支出完成a，…；县区级支出完成b，…，其中：区级…；县级…" (a city's
    monthly report): the levels up to the first 其中 make up the city's whole; without a figure of the whole region
    in the sentence before, nothing is summed."""
    assert check(BY_LEVEL_TEXT.format(city="340687"), select="S101") == []
    found = check(BY_LEVEL_TEXT.format(city="370687"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "1268606万元")]
    no_region = BY_LEVEL_TEXT.format(city="370687").replace("全市一般公共预算支出", "一般公共预算支出")
    assert check(no_region, select="S101") == []


DETAILS_OF_A_LIST = (
    "2023年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务接待费支出决算12.6万元，"
    "占60.00%；公务用车购置及运行维护费支出决算8.4万元，占40.00%。具体情况如下：\n"
    "1.因公出国（境）费支出0万元，与预算持平。\n"
    "2.公务接待费支出12.6万元，主要用于上级检查指导工作。\n"
)
DETAILS_OF_ONE = (
    "公务用车购置及运行维护费支出决算8.4万元。具体情况如下：\n"
    "1.公务用车购置费0万元。\n"
    "2.公务用车运行维护费{running}万元。\n"
)


def test_details_after_a_list_are_of_every_item(check):
    """L279: "…A a，占x%；B b，占y%；C c，占z%。具体情况如下：1.A… 2.B…" (a township's 三公 note): the
    numbered details are of the items listed, not parts of the last of them; after one amount they are."""
    assert check(DETAILS_OF_A_LIST, select="S101") == []
    assert check(DETAILS_OF_ONE.format(running="8.4"), select="S101") == []
    found = check(DETAILS_OF_ONE.format(running="9.4"), select="S101")
    assert [(f.rule, f.stated) for f in found] == [("S101", "8.4万元")]


ITEMS_OF_TWO_AMOUNTS = (
    "2023年全镇新增各类市场主体420户，累计达到{total}户。其中，新增个体工商户310户，累计3560户，增速为9.5%；"
    "新增私营企业95户，累计880户，增速为12.1%；新增农民专业合作社15户，累计260户。"
)


def test_items_of_two_amounts_are_no_list_of_parts(check):
    """L280: "…累计W户。其中，新增A a1户，累计a2户；新增B b1户，累计b2户…" (a county's statistical bulletin):
    each item has the year's figure and its running total, the second without a name; the list says nothing
    of which make the whole. A list of one amount per item is summed."""
    assert check(ITEMS_OF_TWO_AMOUNTS.format(total="4700"), select="S101") == []
    assert check(ITEMS_OF_TWO_AMOUNTS.format(total="5200"), select="S101") == []
    one_amount = (
        "2023年全镇累计市场主体{total}户。其中，个体工商户3560户，私营企业880户，农民专业合作社260户。"
    )
    assert check(one_amount.format(total="4700"), select="S101") == []
    assert [f.stated for f in check(one_amount.format(total="5200"), select="S101")] == ["5200户"]


MAIN_TAXES = (
    "全市实现税收收入{total}亿元，增长8.2%，其中，增值税120.40亿元，增长6.1%；企业所得税66.30亿元，增长11.0%；"
    "个人所得税31.50亿元，增长4.3%；土地增值税28.80亿元，下降2.5%。"
)
MAIN_CLASSES = (
    "全年全县一般公共预算支出{total}亿元，其中，教育支出9.60亿元，社会保障和就业支出6.20亿元，卫生健康支出5.10亿元，"
    "农林水支出7.30亿元，科学技术支出1.40亿元。"
)


@pytest.mark.parametrize("text", [MAIN_TAXES, MAIN_CLASSES])
def test_the_main_members_of_a_long_family_are_some_of_the_whole(check, text):
    """L281: "税收收入W，其中，增值税a；企业所得税b；…" and a government's "一般公共预算支出W，其中，教育支出a，
    社会保障和就业支出b，…" (statistical bulletins, budget execution reports) name the largest taxes and classes,
    not all of them: less than W is no slip, more than W is."""
    assert check(text.format(total="300.00" if text is MAIN_TAXES else "40.00"), select="S101") == []
    total = "230.00" if text is MAIN_TAXES else "25.00"
    assert [f.rule for f in check(text.format(total=total), select="S101")] == ["S101"]


def test_a_units_spending_by_class_is_all_of_it(check):
    """A unit's 财政拨款 spending by functional class names every class it has: less than the whole is a slip."""
    text = (
        "2023年本部门一般公共预算财政拨款支出{total}万元，其中，一般公共服务支出310.20万元，社会保障和就业支出"
        "42.60万元，卫生健康支出18.30万元，住房保障支出25.10万元。"
    )
    assert check(text.format(total="396.20"), select="S101") == []
    assert [f.stated for f in check(text.format(total="426.20"), select="S101")] == ["426.20万元"]


COUNTERPART = (
    "年末，全县金融机构存款余额{deposits}亿元，比年初增加21.30亿元，其中，住户储蓄存款余额280.50亿元，比年初增加"
    "30.10亿元；金融机构贷款余额190.40亿元，比年初增加25.60亿元。"
)


def test_a_list_ends_at_the_wholes_counterpart(check):
    """L282: "存款余额W，…，其中，住户储蓄存款余额a，…；金融机构贷款余额L，…" (a county's statistical bulletin):
    the loans are the deposits' counterpart, not one of their parts: a alone is below W."""
    assert check(COUNTERPART.format(deposits="368.20"), select="S101") == []
    found = check(
        COUNTERPART.replace("住户储蓄存款余额280.50亿元", "住户储蓄存款余额380.50亿元").format(
            deposits="368.20"
        ),
        select="S101",
    )
    assert found == []  # a single part left: nothing to add up
    both = "全县一般公共预算收入{w}亿元，其中，税收收入6.20亿元，非税收入2.10亿元；全县一般公共预算支出31.50亿元。"
    assert check(both.format(w="8.30"), select="S101") == []
    assert [f.stated for f in check(both.format(w="9.30"), select="S101")] == ["9.30亿元"]


def test_averages_do_not_add_up(check):
    """L283: "全省居民人均可支配收入W，其中城镇居民人均可支配收入a，农村居民人均可支配收入b": the whole is the
    weighted mean of its parts, never their sum."""
    text = "全省居民人均可支配收入30120元，增长7.8%；其中城镇居民人均可支配收入36250元，农村居民人均可支配收入19880元。"
    assert check(text, select="S101") == []


UNCHOSEN_DIRECTION = (
    "2017年本校拟安排公车购置及运行维护费3万元，较2016年的3万元增加（减少）0万元，主要是由于工作需要导致增加（减少）。"
    "其中：购置经费0万元、运行维护费{running}万元，主要用于日常教育教学交流工作。"
)


def test_a_change_written_with_both_directions_is_a_change(check):
    """L293: "…较2016年的3万元增加（减少）0万元，…。其中：…" (a school's 三公 budget left with the template's
    choice unmade): the change is no whole of the 其中's parts."""
    assert check(UNCHOSEN_DIRECTION.format(running="3"), select="S101") == []


def test_a_bracket_naming_a_few_of_the_people_is_no_breakdown(check):
    """L294: "在职教师32人（跟岗1人，交流1人）" (a kindergarten's budget): two of the 32; no slip in one digit makes
    them half of it. A one-digit part that a slip could have made so small is still checked."""
    assert check("本园共有19个教学班，在职教师32人（跟岗1人，交流1人），临聘人员47人。", select="S101") == []
    slipped = check("本园在职教师10人（男教师1人，女教师1人），临聘人员47人。", select="S101")
    assert [f.stated for f in slipped] == ["10人"]


def test_a_part_named_after_its_figure_is_no_second_amount(check):
    """ "…其中受理218件，不予受理2件，…，1件认定工伤行政诉讼案件" names its item after the figure: the list stays a
    list (L280 is about an item's running total written without a name)."""
    text = "全年共申请工伤案件{total}件，其中受理218件，不予受理2件，1件认定工伤行政诉讼案件。"
    assert check(text.format(total="220"), select="S101") == []
    assert [f.stated for f in check(text.format(total="230"), select="S101")] == ["230件"]


NESTED_QIZHONG_SIBLING = (
    "2020年全区新增政府债务限额{total}亿元，其中一般债务1.39亿元，其中外债转贷0.01亿元；专项债务1亿元。"
)


def test_an_inner_qizhong_ends_where_the_outer_list_goes_on(check):
    """L295: "W，其中一般债务a，其中外债转贷a1；专项债务b" (a district's debt note): b is a's sibling in W's list, not
    one of a's parts; W = a + b is still checked."""
    assert check(NESTED_QIZHONG_SIBLING.format(total="2.39"), select="S101") == []
    assert [f.stated for f in check(NESTED_QIZHONG_SIBLING.format(total="2.49"), select="S101")] == [
        "2.49亿元"
    ]


ADJUSTED_FROM = (
    "政府性基金预算由年初的80000万元调整为{total}万元，其中：土地出让收入由年初预算的65000万元调整为35000万元，"
    "城市建设配套费10000万元、专项债务对应项目专项收入5000万元不作调整。"
)


def test_the_value_an_item_was_adjusted_from_is_no_part(check):
    """L296: "W，其中：A由年初预算的a0调整为a，B b、C c不作调整" (a county's budget adjustment): a0 is what A was,
    not one more part; W = a + b + c."""
    assert check(ADJUSTED_FROM.format(total="50000"), select="S101") == []
    assert [f.stated for f in check(ADJUSTED_FROM.format(total="60000"), select="S101")] == ["60000万元"]


CLOSED_BY_ZONGLIANG = (
    "2023年全县一般公共预算收支决算的平衡情况是：地方一般公共预算收入完成98,200万元、返还性收入16,300万元、一般性转移"
    "支付收入301,500万元、上年结余11,200万元，收入总量为427,200万元。一般公共预算支出401,300万元、上解支出21,400万元、"
    "债务还本支出{debt}万元，支出总量为432,600万元。"
)


def test_a_list_closed_by_its_zongliang(check):
    """L300: "A a、B b、…，收入总量为T。C c、D d…，支出总量为S。" (a county's final accounts): 总量 closes the list
    before it like 合计."""
    assert check(CLOSED_BY_ZONGLIANG.format(debt="9,900"), select="S101") == []
    assert [f.stated for f in check(CLOSED_BY_ZONGLIANG.format(debt="9,600"), select="S101")] == [
        "432,600万元"
    ]


CARRY_OVER_SENTENCE = (
    "全市财政总支出{total}亿元，其中：一般公共预算支出250.4亿元，上解上级支出38.1亿元，债务还本支出147.9亿元，"
    "安排预算稳定调节基金46.0亿元，调出资金2.2亿元。结转下年52.1亿元。"
)


def test_a_list_that_goes_on_in_a_sentence_of_its_carry_over(check):
    """L313: "…总支出W，其中：A a，…，调出资金e。结转下年f。" (a city's fiscal report): the carry-over in a sentence
    of its own is the list's last item: the list before it is short of W, and more than W is still a slip."""
    assert check(CARRY_OVER_SENTENCE.format(total="536.7"), select="S101") == []
    assert [f.stated for f in check(CARRY_OVER_SENTENCE.format(total="436.7"), select="S101")] == [
        "436.7亿元"
    ]


FARM_BRANCHES = (
    "全年农林牧渔业增加值{total}亿元，同比增长3.2%。其中，农业增加值4.42亿元，增长3.1%；林业增加值0.49亿元，增长7.8%；"
    "牧业增加值0.91亿元，增长0.1%；渔业增加值0.74亿元，增长2.0%。"
)


def test_farm_branches_leave_out_their_services(check):
    """L314: "农林牧渔业增加值W，其中，农业a；林业b；牧业c；渔业d" (a county's statistical bulletin): the four
    branches leave out 农林牧渔服务业; less than W is no slip, more is."""
    assert check(FARM_BRANCHES.format(total="6.80"), select="S101") == []
    assert [f.stated for f in check(FARM_BRANCHES.format(total="6.20"), select="S101")] == ["6.20亿元"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("1—5月，全县地方财政收入完成6717万元，其中，税收收入4575万元，非税收入12142万元。", ["6717万元"]),
        ("1—5月，全县地方财政收入完成6717万元，其中，税收收入4575万元，非税收入2142万元。", []),
        # far from its whole with no digit to take out: a misread list, not a slip
        ("1—5月，全县地方财政收入完成6717万元，其中，税收收入4575万元，非税收入13981万元。", []),
    ],
)
def test_a_digit_keyed_once_too_often(check, text, found):
    """L315: "地方财政收入6717万元，其中，税收收入4575万元，非税收入12142万元" (a county's monthly report): parts more
    than twice their whole are still a slip when one digit taken out of one part makes the sum (2142 meant)."""
    assert [f.stated for f in check(text, select="S101")] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what covers a shortfall is taken off: 8,210,450.30 − 1,305,220.10 = 6,905,230.20
        (
            "全年结余6,905,230.20元，其中财政拨款结余8,210,450.30元，用事业基金弥补收支差额1,305,220.10元。",
            [],
        ),
        # two parts that add up are still checked
        (
            "全年结余6,905,230.20元，其中财政拨款结余5,600,010.10元，其他资金结余1,405,220.10元。",
            ["6,905,230.20元"],
        ),
    ],
)
def test_what_makes_up_a_shortfall_is_no_part_of_a_sum(check, text, found):
    """L320: "结余A，其中财政结余a，用事业基金弥补收支差额b" (a school's cost report): a = A + b, the amount that makes
    up the shortfall is taken off, not added."""
    assert [f.stated for f in check(text, select="S101")] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the 、-list under 在职 falls short: reported with its own four items, not with the retired
        (
            "实有人数98人，其中：在职人数61人，包括行政人员12人、全额拨款事业人员30人、差额拨款事业人员9人、"
            "自收自支事业人员0人，离休人员1人，退休人员36人。",
            ["12 + 30 + 9 + 0 = 51人"],
        ),
        (
            "实有人数98人，其中：在职人数61人，包括行政人员22人、全额拨款事业人员30人、差额拨款事业人员9人、"
            "自收自支事业人员0人，离休人员1人，退休人员36人。",
            [],
        ),
    ],
)
def test_a_slip_in_a_list_joined_by_commas_of_enumeration_is_shown_with_that_list(check, text, found):
    """L321: "在职人数56人，包括A a、B b、C c、D d，离休人员e，退休人员f" (a hospital's budget): when no run of the
    parts makes the whole, the finding shows the items joined by 、, not the outer list's items after them."""
    messages = [f.message for f in check(text, select="S101")]
    assert len(messages) == len(found) and all(w in m for w, m in zip(found, messages, strict=True)), messages


def test_a_list_of_respective_items_that_the_excerpt_cuts_off_is_not_all_there(check):
    """L327: "…项目支出87.5万元，分别是A 5万元，…，F 9万元，科" (a stored page that stops in mid-word): the list may
    go on; the same list closed by 。 is checked."""
    text = "2022年部门预算项目支出62.5万元，分别是交流经费5万元，评审经费18万元，专家经费2.5万元，验收经费16万元，科"
    assert check(text, select="S101") == []
    assert [f.stated for f in check(text[:-2] + "。", select="S101")] == ["62.5万元"]


@pytest.mark.parametrize(
    ("non_tax", "found"),
    [("18420", []), ("19420", ["52640万元"])],  # 34220 + 18420 = 52640
)
def test_the_general_budgets_revenue_then_its_taxes_and_the_rest(check, non_tax, found):
    """L332: "一般公共预算收入完成W，下降p%；税收收入完成a，下降q%；非税收入完成b" (a city's monthly report): the next two
    figures of the sentence are the revenue's taxes and the rest, all of it without a 其中."""
    text = (
        "4月份，全市财政总收入完成90210万元，增长3.1%。一般公共预算收入完成52640万元，下降2.4%；"
        f"税收收入完成34220万元，下降1.9%；非税收入完成{non_tax}万元，下降3.3%。"
    )
    assert [f.stated for f in check(text, select="S101")] == found


@pytest.mark.parametrize(
    ("city", "found"),
    [("96310", []), ("97310", ["382450万元"])],  # 96310 + 286140 = 382450
)
def test_levels_after_a_sentence_led_by_the_budgets_revenue(check, city, found):
    """L333: "一般公共预算收入完成W，下降p%；税收收入完成a。分级次看，市本级完成b；县区级完成c" (a city's monthly report):
    no figure of that sentence names the whole region, the paragraph did before (全市…), and the levels break
    down the sentence's lead figure."""
    text = (
        "1—4月份，全市财政总收入完成610200万元，增长1.2%。一般公共预算收入完成382450万元，下降4.1%；税收收入完成"
        f"270130万元，下降2.0%。分级次看，市本级完成{city}万元，下降6.2%；县区级完成286140万元，下降3.4%。"
    )
    assert [f.stated for f in check(text, select="S101")] == found


@pytest.mark.parametrize(
    ("local", "found"), [("1210", []), ("1310", ["7420万元"])]
)  # 1210 + 4860 + 1350 = 7420
def test_a_parts_own_list_after_han_is_not_the_outer_lists(check, local, found):
    """L335: "其中：本级收入a；上级补助收入b，含一般性转移支付b1，专项转移支付b2；动用预算稳定调节基金c" (a town's
    adjusted budget): after a part, "，含…" lists the part's own items up to the next ；."""
    text = (
        f"收入总计调整为7420万元。其中：本级收入{local}万元；上级补助收入4860万元，含一般性转移支付补助3900万元，"
        "专项转移支付补助960万元；动用预算稳定调节基金1350万元。"
    )
    assert [f.stated for f in check(text, select="S101")] == found


CLASS_LIST = (
    "（二）一般公共预算财政拨款支出决算结构情况\n"
    "2024年一般公共预算财政拨款支出300.00万元，主要用于以下方面：一般公共服务（类）支出69.65万元，占23.22%；"
    "社会保障和就业（类）支出230.35万元，占76.78%。\n"
    "（三）一般公共预算财政拨款支出决算具体情况\n"
)


@pytest.mark.parametrize(
    ("second", "found"),
    [("45", []), ("45.00", []), ("46", ["69.65万元"])],
)
def test_a_classs_items_in_a_later_paragraph_make_its_amount(check, second, found):
    """L337: "一般公共服务（类）支出W" in the structure list, then "1.一般公共服务（类）：（1）…（项）支出决算为a；
    （2）…（项）支出决算为b" in the detail (a county bureau's final accounts): a + b = W."""
    text = CLASS_LIST + (
        f"1.一般公共服务（类）：（1）人大事务（款）行政运行（项）支出决算为24.65万元；（2）人大事务（款）"
        f"一般行政管理事务（项）支出决算为{second}万元，完成预算100%。\n"
        "2.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出决算为230.35万元。\n"
    )
    assert [f.stated for f in check(text, select="S101")] == found


@pytest.mark.parametrize(("pension", "found"), [("230.35", []), ("230.53", ["230.35万元"])])
def test_a_classs_items_one_per_paragraph_below_it(check, pension, found):
    """L337: the class's line alone, "2.社会保障和就业（类）", and its 项 one per numbered paragraph below it; a class
    of one 项 restates the class's amount."""
    text = CLASS_LIST + (
        "1.一般公共服务（类）\n"
        "（1）人大事务（款）行政运行（项）支出决算为24.65万元，较年初预算增加2万元。\n"
        "2.社会保障和就业（类）\n"
        f"（1）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出决算为{pension}万元。\n"
    )
    assert [f.stated for f in check(text, select="S101")] == found


@pytest.mark.parametrize(
    "detail",
    [
        # the main items only
        "1.一般公共服务（类）：主要是（1）人大事务（款）行政运行（项）支出决算为24.65万元。",
        # a 项 with a budget and its 决算: the 决算 is the part (the budgets would make 70.65)
        "1.一般公共服务（类）：（1）人大事务（款）行政运行（项）年初预算为24.65万元，支出决算为24.65万元；"
        "（2）人大事务（款）一般行政管理事务（项）年初预算为46万元，支出决算为45万元。",
        # a 项 with a second kind of amount: not a plain list
        "1.一般公共服务（类）：（1）人大事务（款）行政运行（项）支出决算为24.65万元，比上年增加46万元。",
        # the class's own amount in the paragraph: the ordinary breakdown reads it (and agrees)
        "1.一般公共服务（类）支出69.65万元：（1）人大事务（款）行政运行（项）支出决算为24.65万元；（2）人大事务（款）"
        "一般行政管理事务（项）支出决算为45万元。",
        # a class that the structure list does not name
        "1.教育（类）：（1）普通教育（款）小学教育（项）支出决算为24.65万元。",
    ],
)
def test_a_classs_detail_read_only_when_plain(check, detail):
    """L337: a detail naming its main items, a 项 with a second kind of amount, a class given its own amount in
    the detail or named nowhere before raise nothing from the structure list's amount."""
    assert [f.stated for f in check(CLASS_LIST + detail + "\n", select="S101")] == []


def test_a_classs_detail_cut_off_is_not_summed(check):
    """L337: the excerpt ends inside the class's detail: more items may follow the cut."""
    text = (
        CLASS_LIST
        + "1.一般公共服务（类）：（1）人大事务（款）行政运行（项）支出决算为24.65万元；（2）人大事务（款）一般"
    )
    assert check(text, select="S101") == []


STAFF_SENTENCES = "（三）人员概况。2024年末共有职工96人。其中在编人员80人：行政人员30人；参公事业人员28人；其他事业人员22人。{tail}"


@pytest.mark.parametrize(("tail", "found"), [("编外聘用人员16人。", []), ("编外聘用人员19人。", ["96人"])])
def test_a_staff_list_goes_on_in_a_sentence_of_one_count(check, tail, found):
    """L342: the 其中 part's own list runs to the sentence's end; the next part is a sentence of its own."""
    assert [f.stated for f in check(STAFF_SENTENCES.format(tail=tail), select="S101")] == found


@pytest.mark.parametrize(
    "tail",
    [
        "离退休人员41人。",  # never among the staff
        "年末登记失业人数9099人。",  # named unlike the parts
        "编外聘用人员19人，均为劳务派遣。",  # a sentence of more than one count
    ],
)
def test_a_count_sentence_after_a_staff_list_is_no_part_unless_one_more_of_its_kind(check, tail):
    """L342: after the 其中 sentence, a count of something else is not one more part."""
    assert check(STAFF_SENTENCES.format(tail=tail), select="S101") == []


ITEM_MEASURES = (
    "2023年度一般公共预算财政拨款“三公”经费支出全年预算为{budget}万元，支出决算为{actual}万元，完成全年预算的82.00%，"
    "其中：因公出国（境）费全年预算为0万元，支出决算为0万元，完成全年预算的0%；公务用车购置及运行维护费全年预算为"
    "14.00万元，支出决算为12.10万元，完成全年预算的86.43%；公务接待费全年预算为6.00万元，支出决算为4.30万元，"
    "完成全年预算的71.67%。"
)
ITEM_MEASURES_IN_RATES = (
    "2024年度“三公”经费财政拨款支出决算为34.08万元，完成全年预算{budget}万元的67.2%，比上年决算数减少1.55万元，"
    "下降4.4%。其中：因公出国（境）费支出决算为0.94万元，完成全年预算0.94万元的100%，比上年决算数增加0.94万元；"
    "公务用车购置及运行维护费支出决算为33.14万元，完成全年预算49.80万元的66.5%，比上年决算数减少2.5万元，其中："
    "公务用车购置支出决算为17.98万元，完成全年预算18万元的99.9%，公务用车运行维护费支出决算为15.16万元，完成全年"
    "预算31.8万元的47.7%；公务接待费支出决算为0万元，完成全年预算0万元的0%。"
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (ITEM_MEASURES.format(budget="20.00", actual="16.40"), []),
        (ITEM_MEASURES.format(budget="21.00", actual="16.40"), ["21.00万元"]),
        (ITEM_MEASURES.format(budget="20.00", actual="16.50"), ["16.50万元"]),
        (ITEM_MEASURES_IN_RATES.format(budget="50.74"), []),
        (ITEM_MEASURES_IN_RATES.format(budget="51.74"), ["51.74万元"]),
    ],
)
def test_each_items_budget_and_actual_make_the_wholes(check, text, found):
    """L351: the whole's budget and actual, then each ；-item's: the budgets add up to the budget, the actuals
    to the actual (an item's own 其中 list and the changes on last year left out)."""
    assert [f.stated for f in check(text, select="S101")] == found


def test_items_budget_and_actual_going_on_in_the_next_sentence_are_not_summed(check):
    """L351: the third item in a sentence of its own: the 其中 sentence's two items are not all of them."""
    text = (
        "2023年度“三公”经费支出全年预算为20.00万元，支出决算为16.40万元，其中：因公出国（境）费全年预算为0万元，"
        "支出决算为0万元；公务接待费全年预算为6.00万元，支出决算为4.30万元。公务用车购置及运行维护费全年预算为"
        "14.00万元，支出决算为12.10万元。"
    )
    assert check(text, select="S101") == []
