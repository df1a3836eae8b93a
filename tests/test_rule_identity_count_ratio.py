"""I101 accounting identities, N101 listed-item counts, R101 count ratios, P102 shares adding up."""

import pytest

IDENTITY_PASSING = [
    "2023年末单位实有资产合计13047176.25元（其中：流动资产1005448.91元，固定资产12041727.34元，无形资产0元）；负债合计5422.21元；净资产合计13041754.04元。",
    "2019年，市人社局年初预算数为36,158.49万元（其中，基本支出1,753.87万元，项目支出34,404.62万元）；2019年机构改革划出资金4,994.40万元，财政部门直接调整资金17,703.56万元；剔除涉改调整资金和财政部门直接调整资金后的部门预算数为13,460.53万元。",
    "2019年初公用经费预算245万元，因机构改革涉及预算资金划出30.5万元，调整后公用经费预算214.5万元，决算210.77万元。",
    "年末资产总额500.00万元，负债总额120.00万元，净资产380.00万元。",
    "资产总计1,200万元，负债合计200万元，净资产合计1,000万元。",
    # rounding: 1304.72 − 0.54 = 1304.18, stated 1304.2 (one decimal)
    "资产合计1304.72万元，负债合计0.54万元，净资产合计1304.2万元。",
    # without a base budget no reconciliation is checked
    "剔除涉改调整资金和财政部门直接调整资金后的部门预算数为13,460.53万元。",
    # figures in different paragraphs are not put together
    "资产合计500.00万元。\n负债合计120.00万元，净资产合计390.00万元。",
    # approximate figures
    "资产合计约500万元，负债合计120万元，净资产合计390万元。",
    "年初预算数为100.00万元，调整后预算数为120.00万元。",
    "本年收入合计356.2万元，加年初结转和结余12.48万元，收入总计368.68万元。",
]

IDENTITY_FAILING = [
    (
        "2023年末单位实有资产合计13047176.25元；负债合计5422.21元；净资产合计13014754.04元。",
        "13014754.04元",
        "13041754.04元",
    ),
    ("年末资产总额500.00万元，负债总额120.00万元，净资产390.00万元。", "390.00万元", "380.00万元"),
    ("资产总计1,200万元，负债合计200万元，净资产合计1,100万元。", "1,100万元", "1000万元"),
    ("资产合计1304.72万元，负债合计10.54万元，净资产合计1304.18万元。", "1304.18万元", "1294.18万元"),
    ("年末资产总额88.5万元，负债总额8.5万元，净资产合计90.0万元。", "90.0万元", "80.0万元"),
    (
        "年初预算数为36,158.49万元；机构改革划出资金4,994.40万元，财政部门直接调整资金17,703.56万元；剔除涉改调整资金和财政部门直接调整资金后的部门预算数为13,640.53万元。",
        "13,640.53万元",
        "13460.53万元",
    ),
    (
        "2019年初公用经费预算245万元，因机构改革涉及预算资金划出30.5万元，调整后公用经费预算224.5万元。",
        "224.5万元",
        "214.5万元",
    ),
    ("年初预算安排1000.00万元，年中调减资金100.00万元，调整后预算为950.00万元。", "950.00万元", "900.00万元"),
    ("年初部门预算数为800万元，核减资金50万元，扣除核减资金后的预算数为760万元。", "760万元", "750万元"),
    ("资产合计13047176.25元，负债合计5422.21元，净资产合计13047176.25元。", "13047176.25元", "13041754.04元"),
    # typed prose drops trailing zeros: 356万元 among two-decimal figures is 356.00万元, not 356 ± 0.5
    ("本年收入合计356万元，加年初结转和结余12.48万元，收入总计368.78万元。", "368.78万元", "368.48万元"),
]


@pytest.mark.parametrize("text", IDENTITY_PASSING)
def test_identities_that_hold_pass(check, text):
    assert check(text, select="I101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), IDENTITY_FAILING)
def test_broken_identities_fail(check, text, stated, expected):
    findings = check(text, select="I101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("I101", stated, expected)]


COUNT_PASSING = [
    "盐边县人力资源和社会保障局设5个内设机构：办公室（政策法规股）、就业促进与人力资源开发股、事业人员管理股、工资福利股、综合股。",
    "机关内设机构6个：办公室、公务员管理股、绩效考核评估股、工资福利股、劳动关系与法规股、社会就业失业、保险管理、基金监督股。",
    "2020年县财政对我单位下达项目3个（金保网网络运行经费、仲裁办案人员服装费、2019年省级财政人社公共服务能力建设资金（用于养老保险基金征缴管理））。",
    "预算编制情况包括预算编制、目标设置、保障措施3个二级指标。",
    "部门可持续发展设立队伍建设情况、信息共享公开情况和长效管理创新情况3个三级指标。",
    "市人社局以就业创业、社会保险、人才队伍建设、技能人才培养以及劳动关系协调五个方面为工作重心。",
    "寻甸县人力资源和社会保障局下设办公室、工资福利科等7个科室。",
    "从预算编制情况（预算编制、目标设置、保障措施）、预算执行情况（资金管理、项目管理）、预算使用效益（经济性、效率性）3个维度出发。",
    "全年完成各类补贴性职业技能培训74个培训班（包括网创培训、SYB培训）。",
    "其中参照公务员法管理的事业单位2个（市就业服务管理局、市社会保险管理局）。",
    "依据《预算法》、《会计法》等2项法律开展工作。",
    # 002: a count inside quotes is a name, not a count (regression)
    "工作基本思路是以邓小平理论、“三个代表”重要思想、科学发展观为指导。",
]

COUNT_FAILING = [
    ("部门决策设立部门目标、部门职能、资源配置、绩效管理3个二级指标。", "3个", "4"),
    ("本局设4个内设机构：办公室、就业促进股、事业人员管理股、工资福利股、综合股。", "4个", "5"),
    ("下达项目4个（金保网网络运行经费、仲裁办案人员服装费、办公室搬迁资金）。", "4个", "3"),
    ("预算执行情况包括资金管理、项目管理、资产管理、人员管理、制度管理6个二级指标。", "6个", "5"),
    ("预算使用效益包括经济性、效率性、效果性3个二级指标。", "3个", "3")
    if False
    else ("预算使用效益包括经济性、效率性、效果性、公平性3个二级指标。", "3个", "4"),
    ("市人社局以就业创业、社会保险、人才队伍建设以及技能人才培养五个方面为工作重心。", "五个", "4"),
    ("下设办公室、工资福利科、就业股、社保股、仲裁院等3个科室。", "3个", "5"),
    ("参照公务员法管理的事业单位3个（市就业服务管理局、市社会保险管理局）。", "3个", "2"),
    ("部门管理设立预算管理、财务管理、人力资源管理、资产管理4个二级指标。", "4个", "4")
    if False
    else ("部门管理设立预算管理、财务管理、人力资源管理2个二级指标。", "2个", "3"),
    ("资产管理设立资产管理制度健全性及执行情况、固定资产在用率、资产处置规范性1个三级指标。", "1个", "3"),
]


@pytest.mark.parametrize("text", COUNT_PASSING)
def test_counts_matching_their_lists_pass(check, text):
    assert check(text, select="N101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), COUNT_FAILING)
def test_counts_not_matching_their_lists_fail(check, text, stated, expected):
    findings = check(text, select="N101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("N101", stated, expected)]
    assert findings[0].severity == "warning"


RATIO_PASSING = [
    "共37个项目，已设置绩效目标的有23个，绩效目标覆盖率为62.16%。",
    "2019年共收到48件信访案件，已办结信访案件48件，信访案件处理率达100%。",
    "受理仲裁案件206件，结案206件，结案率100%。",
    "全年应签订劳动合同1200份，实际签订1152份，劳动合同签订率为96%。",
    "应参保人数500人，已参保人数476人，参保率95.2%。",
    "共发放问卷50份，有效问卷49份，问卷有效率为98%。",
    # three counts: a pair of them gives the rate
    "本年度37个项目中，自评23个，有14个未自评，自评率62%。",
    # three counts, no pair gives the rate and no part is named by it: which two it divides is a guess
    "共检查企业420户，制造业210户，服务业150户，达标率为80%。",
    # a completion rate is C101's
    "任务3746人，完成3821人，完成率102%。",
    # approximate counts are not exact
    "检查企业约400户，合格380户，合格率95%。",
    "1853名退捕渔民参保率达100%。",
    "某局2023年部门整体支出绩效自评报告\n2023年度“三公经费”支出2.79万元，2022年度“三公经费”支出20.50万元，三公经费控制率为13.61%。",
]

RATIO_FAILING = [
    # three counts: the largest is the whole, the rate is of the part it names (自评)
    ("本年度67个项目中，自评23个，有14个未自评，自评完成比例62%。", "62%", "34.33%"),
    ("共37个项目，已设置绩效目标的有23个，绩效目标覆盖率为65.16%。", "65.16%", "62.16%"),
    ("2019年共收到48件信访案件，已办结信访案件46件，信访案件处理率达100%。", "100%", "95.83%"),
    ("受理仲裁案件206件，结案196件，结案率100%。", "100%", "95.15%"),
    ("全年应签订劳动合同1200份，实际签订1152份，劳动合同签订率为94%。", "94%", "96.00%"),
    ("应参保人数500人，已参保人数476人，参保率92.5%。", "92.5%", "95.20%"),
    ("共发放问卷50份，有效问卷49份，问卷有效率为96%。", "96%", "98.00%"),
    ("共有项目18个，已公开项目14个，公开率为75%。", "75%", "77.78%"),
    ("共检查用人单位420户，达标400户，达标率为90.5%。", "90.5%", "95.24%"),
    ("全年受理投诉723件，按期办结700件，按期办结率为98.8%。", "98.8%", "96.82%"),
    ("全县建成就业服务站16个，覆盖乡镇15个，覆盖率为100%。", "100%", "93.75%"),
    (
        "某局2023年部门整体支出绩效自评报告\n2023年度“三公经费”支出2.79万元，2022年度“三公经费”支出20.50万元，“三公”经费控制率为31.6%。",
        "31.6%",
        "13.61%",
    ),
]


@pytest.mark.parametrize("text", RATIO_PASSING)
def test_ratios_that_follow_pass(check, text):
    assert check(text, select="R101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), RATIO_FAILING)
def test_ratios_that_do_not_follow_fail(check, text, stated, expected):
    findings = check(text, select="R101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("R101", stated, expected)]


def test_truncated_ratio_is_info(check):
    (f,) = check("共18个项目，已设置绩效目标的有14个，绩效目标覆盖率为77.77%。", select="R101")
    assert (f.severity, f.expected) == ("info", "77.78%")


SHARES_PASSING = [
    "2020年本年收入合计2952.11万元，其中：一般公共预算财政拨款收入2912.07万元，占98.64%；年初结转和结余资金40.04万元，占1.36%。",
    "2020年本年支出合计2845.57万元，其中：基本支出2358.51万元，占82.88%；项目支出487.06万元，占17.12%；经营支出0万元，占0%。",
    # rounded shares may add up to 99.99% or 100.01%
    "支出合计300.00万元，其中：A 100.00万元，占33.33%；B 100.00万元，占33.33%；C 100.00万元，占33.33%。",
    "资产总额7865542.63元，其中流动资产7316396.2元，占资产总额93.02%；固定资产549146.43元，占资产总额6.98%。",
    "财政拨款基本支出421.3万元，其中：人员经费299.95万元，占基本支出的71%；公用经费121.35万元，占基本支出的29%。",
    # when the parts themselves do not add up, S101 reports it, not P102
    "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，占71.61%；项目支出525.24万元，占27.86%。",
    # not every part has a share: nothing to add up
    "支出合计100万元，其中：A 60万元，占60%；B 40万元。",
    "收入合计2952.11万元，其中：财政拨款2912.07万元，占98.64%；其他收入40.04万元，占1.36%。",
    "三公经费25.9万元，其中：公务用车15.5万元，占59.85%；公务接待10.4万元，占40.15%。",
    "支出200万元，其中：A 150万元，占75%；B 50万元，占25%。",
]

SHARES_FAILING = [
    ("支出合计100.00万元，其中：A 60.00万元，占60%；B 40.00万元，占45%。", "105%"),
    (
        "2020年本年收入合计2952.11万元，其中：一般公共预算财政拨款收入2912.07万元，占98.64%；年初结转和结余资金40.04万元，占2.36%。",
        "101.00%",
    ),
    ("三公经费25.9万元，其中：公务用车15.5万元，占59.85%；公务接待10.4万元，占41.15%。", "101.00%"),
    ("资产总额100万元，其中流动资产90万元，占资产总额90%；固定资产10万元，占资产总额8%。", "98%"),
    ("支出200万元，其中：A 150万元，占75%；B 50万元，占35%。", "110%"),
    (
        "收入合计1000.00万元，其中：财政拨款900.00万元，占90.0%；事业收入50.00万元，占5.0%；其他收入50.00万元，占4.0%。",
        "99.0%",
    ),
    (
        "支出合计300.00万元，其中：A 100.00万元，占33.33%；B 100.00万元，占33.33%；C 100.00万元，占23.33%。",
        "89.99%",
    ),
    ("人员经费和公用经费合计421.3万元，其中：人员经费299.95万元，占71%；公用经费121.35万元，占19%。", "90%"),
    (
        "项目支出525.24万元，主要用于以下方面：就业补助资金312.50万元，占59.50%；职业技能培训补贴158.74万元，占30.22%；劳动保障监察经费54.00万元，占11.28%。",
        "101.00%",
    ),
    (
        "年末实有资产1304.72万元，其中：流动资产100.54万元，占7.71%；固定资产1204.18万元，占93.29%。",
        "101.00%",
    ),
]


@pytest.mark.parametrize("text", SHARES_PASSING)
def test_shares_adding_up_pass(check, text):
    assert check(text, select="P102") == []


@pytest.mark.parametrize(("text", "stated"), SHARES_FAILING)
def test_shares_not_adding_up_fail(check, text, stated):
    findings = check(text, select="P102")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("P102", stated, "100%")]


def test_a_count_before_numbered_items_is_not_checked_against_a_list(check):
    """Regression (a province's 三公 note): "主要是三个原因：一是A、B…；二是…；三是…" — the reasons are numbered
    一是/二是/三是; the 、 inside the first is no list of the count's items (N101 read two)."""
    text = (
        "2016年“三公”经费预算较上年减少4.03亿元，主要是三个原因：一是工商、质监管理体制由省下划市县后，省级减少较多；"
        "二是公务用车制度改革后，不含发放到个人的交通补贴；三是各单位厉行节约，继续严控“三公”经费。"
    )
    assert check(text, select="N101") == []
    listed = "本单位内设三个科室：办公室、财务室。"
    assert [f.rule for f in check(listed, select="N101")] == ["N101"]


@pytest.mark.parametrize(
    ("count", "found"),
    [
        ("6个", []),
        ("5个", []),
        ("7个", ["7个"]),
    ],  # 5 reads the last name as a name of its own: in doubt, silent
)
def test_the_last_name_of_a_list_after_a_comma_is_one_more_item(check, count, found):
    """L329: "由6个部室组成，即A、B、C、D、E，F。" (a library's budget): the sentence's last clause, one name that ends as
    the items do (部, 室), is the list's last item written after a ，."""
    text = f"区文化馆由{count}部室组成，即办公室、辅导部、非遗保护部、群文活动部、培训部，展览部。"
    assert [f.stated for f in check(text, select="N101")] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("1.总体情况。2024年度收入总计1262.46万元，支出总计1262.46万元。", []),
        ("1.总体情况。2024年度收入总计1262.46万元，支出总计1282.46万元。", ["1282.46万元"]),
        ("2024年度财政拨款收入总计500.00万元，财政拨款支出总计510.00万元。", ["510.00万元"]),
        # a sentence that goes on to a balance: the 支出总计 may be what was spent
        ("全区收入总计120.5亿元，支出总计110.2亿元，收支相抵，结转下年10.3亿元。", []),
        # two different sides: the 财政拨款 income against the unit's spending
        ("2024年度财政拨款收入总计500.00万元，支出总计510.00万元。", []),
    ],
)
def test_the_two_totals_side_by_side_are_equal(check, text, found):
    """L352: "收入总计A，支出总计B" in a unit's report: the 收支总表's totals, equal by its making."""
    assert [f.stated for f in check(text, select="I101")] == found


@pytest.mark.parametrize(
    "text",
    [
        "2024年全区收入总计120.5亿元，支出总计110.2亿元。",
        "2024年一般公共预算收入总计120.5亿元，支出总计110.2亿元。",
    ],
)
def test_a_governments_totals_side_by_side_are_not_read_as_equal(check, text):
    """L352: a government's totals may leave a balance stated elsewhere: only a unit's own are read."""
    assert check(text, select="I101") == []
