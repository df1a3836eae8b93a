"""Document-level rules: duplicates (D101/D102), restatements (V101), years (Y103/Y104),
residue (T101), numbering and contents (H101/H102), entity names (E101)."""

from __future__ import annotations

import pytest

LONG = "负责全县促进就业工作，拟订统筹城乡就业发展规划和政策，完善公共就业创业服务体系，统筹建立面向城乡劳动者的职业技能培训制度，拟订并组织落实创业、就业援助制度。"
TITLE = "云溪县人力资源和社会保障局\n2023年部门整体支出绩效自评报告\n"


def rules(check, text: str, select: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.stated, f.expected) for f in check(text, select=select)]


# ----------------------------------------------------------------------------- D101 / D102

DUP_PASSING = [
    # a heading and its 目录 entry, and table header cells repeated across tables
    "目录\n一、部门概况\n二、绩效目标\n\n一、部门概况\n正文。\n二、绩效目标\n正文。\n",
    "\t项目\n\t金额(万元)\n\n\t基本支出\n\t10\n\n正文。\n\t项目\n\t金额(万元)\n\n\t项目支出\n\t20\n",
    # short stock phrases
    "主要原因是严格落实中央八项规定。\n另一方面，主要原因是严格落实中央八项规定。\n",
    # parallel statements about two years are not copies
    "2023年度“三公经费”支出2.79万元，其中公务用车购置费0万元，公务用车运行维护费2.4万元，公务接待费0.38万元，全部按照规定执行。\n"
    "2022年度“三公经费”支出20.50万元，其中公务用车购置费17.97万元，公务用车运行维护费2.4万元，公务接待费0.14万元，全部按照规定执行。\n",
    # a summary that repeats one passage of the body
    "一、报告摘要\n" + LONG + "\n二、部门职能\n" + LONG + "\n",
    # parallel descriptions of different projects with their own figures
    "职业技能鉴定经费项目绩效目标完成情况综述。项目全年预算数40万元，执行数为40万元，完成预算的100%。\n"
    "劳动人事争议仲裁经费项目绩效目标完成情况综述。项目全年预算数50万元，执行数为50万元，完成预算的100%。\n",
    # the cover repeats the title
    TITLE + "\n\n" + TITLE + "正文。\n",
    # one sentence written for two levels of government, each named in its paragraph before it
    "2024年全州“三公”经费支出520万元。其中：公车购置支出60万元，比上年减支10万元，为年初预算数62万元的96.77%；"
    "公务接待费支出90万元，比上年减支6万元。\n"
    "州本级“三公”经费支出130万元。其中：公车购置支出20万元，比上年减支4万元，为年初预算数25万元的80%；"
    "公务接待费支出30万元，比上年减支2万元。\n",
    # L285: a web page's abstract under a "摘要：" label of its own, repeating the article's opening
    "摘要：\n云溪县\n" + LONG + "\n云溪县\n" + LONG + "\n",
    # L322: a web page's "内容概述:" field, the label and the article's opening on one line
    "发布机构: 云溪县\n内容概述: " + LONG + "\n\n相关阅读:\n\n" + LONG + "\n",
    # the same conclusion sentence twice (short)
    "本部门得分92分，部门整体支出绩效为“优秀”。\n综上，本部门得分92分，部门整体支出绩效为“优秀”。\n",
]

DUP_FAILING = [
    ("（一）部门职能\n" + LONG + "\n（二）年度工作\n" + LONG + "\n", ["D101"]),
    (LONG + "\n正文。\n" + LONG + "\n正文。\n" + LONG + "\n", ["D101"]),
    (
        "全年下达项目7个（金保网网络运行经费、仲裁办案人员和劳动保障监察大队办案人员服装费、2019年省级财政人社公共服务能力建设资金、人力资源和社会保障局办公室搬迁资金、2020年县属事业单位公开考试招聘工作人员笔试工作经费、城镇居民收入调查统计户培训资金、2020年第二批中央财政农业资源及生态保护补助资金）。\n"
        "本部门财政拨款项目支出具体项目为：金保网网络运行经费、仲裁办案人员和劳动保障监察大队办案人员服装费、2019年省级财政人社公共服务能力建设资金、人力资源和社会保障局办公室搬迁资金、2020年县属事业单位公开考试招聘工作人员笔试工作经费、城镇居民收入调查统计户培训资金、2020年第二批中央财政农业资源及生态保护补助资金等。\n",
        ["D101"],
    ),
    (
        "抓好人才回归工作，从县外调入事业单位人员32人，其中，专业技术人才27人、管理人才5人。全面抓好事业单位公开招聘工作。\n"
        "抓好人才回归工作，从县外调入事业单位人员23人，其中，专业技术人才19人、管理人才4人。全面抓好事业单位公开招聘工作。\n",
        ["D102"],
    ),
    (
        "结合普法强基开展农村劳动力转移就业百日行动，走访慰问转移就业人员1726人，接送返乡农民工8762人，召开座谈会175场次，发放宣传资料25080份。\n"
        "结合普法强基开展农村劳动力转移就业百日行动，走访慰问转移就业人员1726人，接送返乡农民工8762人，召开座谈会157场次，发放宣传资料25080份。\n",
        ["D102"],
    ),
    # the same level twice is still a paste
    (
        "全州“三公”经费支出520万元。其中：公车购置支出60万元，比上年减支10万元，为年初预算数62万元的96.77%；"
        "公务接待费支出90万元，比上年减支6万元。\n"
        "全州“三公”经费支出情况如下。其中：公车购置支出20万元，比上年减支4万元，为年初预算数25万元的80%；"
        "公务接待费支出30万元，比上年减支2万元。\n",
        ["D102"],
    ),
    # a label that names no summary does not excuse the repeat
    ("说明：\n云溪县\n" + LONG + "\n云溪县\n" + LONG + "\n", ["D101"]),
    ("发布机构: 云溪县\n内容说明: " + LONG + "\n\n相关阅读:\n\n" + LONG + "\n", ["D101"]),
]


@pytest.mark.parametrize("text", DUP_PASSING)
def test_legitimate_repeats_pass(check, text):
    assert check(text, select="D") == []


@pytest.mark.parametrize(("text", "expected"), DUP_FAILING)
def test_repeats_fail(check, text, expected):
    assert [f.rule for f in check(text, select="D")] == expected


def test_near_duplicate_names_every_version(check):
    (f,) = check(DUP_FAILING[3][0], select="D102")
    assert "32、27、5" in f.message and "23、19、4" in f.message
    assert (f.stated, f.expected, f.line, f.lines) == ("23", "32", 2, [2, 1])  # primary first


def test_duplicate_lists_every_copy(check):
    (f,) = check(DUP_FAILING[1][0], select="D101")
    assert sorted(f.lines) == [1, 3, 5] and f.severity == "warning"


# ----------------------------------------------------------------------------- V101

RESTATE_PASSING = [
    "2020年本年支出合计2845.57万元。\n2020年总支出2845.57万元。",
    # different scopes: 预算 and 决算, 年初 and 调整后
    "2019年年初预算数为36,158.49万元，调整预算数为13,867.60万元，决算数为13,867.60万元。",
    "2019年初公用经费预算245万元，因机构改革划出30.5万元，调整后公用经费预算214.5万元。",
    # different years
    "2023年本年支出合计1885.44万元。\n2022年本年支出合计1757.02万元。",
    # a project's 支出总额 is not the department's total
    "项目支出总额7851828.47元。\n2020年支出总额为15901585.76元。",
    # rounding: 2845.6 is 2845.57 written with one decimal
    "2020年本年支出合计2845.57万元。\n2020年总支出2845.6万元。",
    # parts of different wholes
    "年初预算数为36,158.49万元（其中，基本支出1,753.87万元，项目支出34,404.62万元）；划出资金4,994.40万元（其中，基本支出136.10万元，项目支出4,858.30万元）。",
    # counts whose label does not name their subject
    "贫困劳动力培训任务250人，培训完成628人；两后生培训任务30人，培训完成34人。",
]

RESTATE_FAILING = [
    (
        "2020年本年支出合计2845.57万元。\n（二）部门财政资金支出情况。2020年总支出3088.39万元。",
        "3088.39万元",
        "2845.57万元",
    ),
    (
        "某局2019年部门整体支出绩效评价报告\n表3 支出表 单位：万元\n\t支出类型\n\t年初预算数\n\n\t1、人员经费\n\t1504.87\n\n\t2、日常公用经费\n\t249.00\n\n正文。\n2019年初公用经费预算245万元。",
        "245万元",
        "249.00万元",
    ),
    ("2023年本年收入合计1868.58万元。\n2023年总收入1886.58万元。", "1886.58万元", "1868.58万元"),
    ("2023年机关运行经费支出355.9万元。\n2023年机关运行经费支出365.9万元。", "365.9万元", "355.9万元"),
    (TITLE + "2023年政府采购支出总额48.60万元。\n本年政府采购支出总额46.80万元。", "46.80万元", "48.60万元"),
]


@pytest.mark.parametrize("text", RESTATE_PASSING)
def test_consistent_restatements_pass(check, text):
    assert check(text, select="V101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), RESTATE_FAILING)
def test_conflicting_restatements_fail(check, text, stated, expected):
    assert rules(check, text, "V101") == [("V101", stated, expected)]


# ----------------------------------------------------------------------------- Y103 / Y104

YEAR_PASSING = [
    TITLE + "2022年度考核优秀记嘉奖一次1340人。",
    TITLE + "与2022年相比，2023年重点项目完成情况较好。",
    TITLE + "自2014年以来，持续推进重点项目建设。",
    TITLE + "制定了《2023年度工作计划》并严格执行。",
    TITLE + "\n2024年5月10日\n",
    TITLE + "截至2022年底的重点项目已全部完成。",
    # a budget plans its year: published within it (a false alarm on every signed 部门预算 before)
    "某县农业农村局2024年部门预算\n2024年收支总预算520.40万元。\n某县农业农村局\n2024年2月20日\n",
]

YEAR_FAILING = [
    (TITLE + "部门产出综合考察2022年重点项目的完成度，全部完成，得2分。", "Y103", "2022年", "2023年"),
    (TITLE + "本局制定了《云溪县人社局2022年度工作计划》并基本得到执行。", "Y103", "2022年", "2023年"),
    (TITLE + "依据2021年度绩效目标开展评价。", "Y103", "2021年", "2023年"),
    (TITLE + "\n2023年12月20日\n", "Y104", "2023年12月20日", "2024年"),
    (
        "某县农业农村局2023年度部门决算\n2023年收支总决算520.40万元。\n2023年12月20日\n",
        "Y104",
        "2023年12月20日",
        "2024年",
    ),
]


@pytest.mark.parametrize("text", YEAR_PASSING)
def test_years_that_fit_pass(check, text):
    assert check(text, select="Y103,Y104") == []


@pytest.mark.parametrize(("text", "rule", "stated", "expected"), YEAR_FAILING)
def test_stale_years_fail(check, text, rule, stated, expected):
    assert rules(check, text, "Y103,Y104") == [(rule, stated, expected)]


# ----------------------------------------------------------------------------- T101

RESIDUE_PASSING = [
    "2.教育（类）进修及培训（款）培训支出（项）: 支出决算为4.5万元。",
    "公务用车购置费支出决算比2019年减少0.5万元，下降3.13%。",
    "评价结论见附表1。\n\t指标\n\t得分\n\n\t决策\n\t20\n",
    "（一）评价结论。（附相关评分表）\n正文。\n\t指标\n\t得分\n\n\t决策\n\t20\n",
    "满意度达到95%，服务对象满意。",
    # tables published beside the text (attachments, links) are referred to, not missing
    "第二部分 2024年部门预算表\n（详见附表）\n第三部分 2024年部门预算情况说明\n一、收支预算总体情况\n",
    "收支预算情况见下表（见附表3）。",
    "全年收入由增长转为下降，降幅2.1%。",
]

RESIDUE_FAILING = [
    ("3.科学技术（类）***（款）***（项）: 支出决算为0万元。", ["***"]),  # one placeholder, written twice
    ("因公出国（境）支出决算比2019年增加/减少3.94万元，下降100%。", ["增加/减少"]),
    (
        "2.事业收入：指事业单位开展专业业务活动取得的收入。如…（二级预算单位事业收入情况）等。",
        ["如…（二级预算单位事业收入情况）等"],
    ),
    ("本部门XX年度预算执行率为98%。", ["XX"]),
    ("（一）评价结论。（附相关评分表）\n正文。", ["（附相关评分表）"]),
    ("资料来源：【】。", ["【】"]),
    ("项目支出448万元，同比增长下降57%。", ["增长下降"]),
    ("公用经费比上年减少增加2.40万元。", ["减少增加"]),
    ("全年预算执行率为%，完成年度目标。", ["为%"]),
    # L330: a share a template left without its value
    ("商品和服务支出预算62400元，占基本支出预算%，同比增加1200元。", ["占基本支出预算%"]),
]


@pytest.mark.parametrize("text", RESIDUE_PASSING)
def test_clean_text_passes(check, text):
    assert check(text, select="T101") == []


@pytest.mark.parametrize(("text", "found"), RESIDUE_FAILING)
def test_residue_fails(check, text, found):
    assert [f.stated for f in check(text, select="T101")] == found


# ----------------------------------------------------------------------------- H101 / H102

TOC_CUT_SHORT = (
    "目录\n一、部门主要职责\n二、预算收支情况\n三、“三公”经费安排情况\n\n一、部门主要职责\n"
    "本中心承担辖区居民的基本医疗、预防保健和健康教育等公共卫生服务。\n二、预算收支情况\n"
    "2024年部门预算总收入652.40万元，其中财政拨款收入652.40万元。2024年部门预算总收入"
)

NUMBERING_PASSING = [
    "一、部门概况\n（一）机构\n（二）人员\n二、绩效目标\n（一）总目标\n（二）具体目标\n",
    # lists restarting under different parents, and ordinary list items restarting
    "一、职能\n1.贯彻执行政策。\n2.拟订规划。\n二、工作\n1.促进就业。\n2.社会保障。\n",
    # an attachment starts its own outline
    "一、概况\n二、结论\n附件1\n一、指标体系\n二、评分说明\n",
    "第一部分 部门概况\n一、职能\n二、机构\n第二部分 决算说明\n一、收支总体情况\n",
    # a nested list numbered at the wrong level is reported once, not again when the outer list resumes
    # the text stops mid-sentence (a page's opening, an excerpt) before the entries it has not reached
    TOC_CUT_SHORT + "较上年预算总收入增加",
]

NUMBERING_FAILING = [
    ("一、部门概况\n（一）机构组成\n（三）人员概况\n", [("H101", "（三）", "（二）")]),
    ("一、概况\n二、目标\n三、过程\n四、结论\n四、存在的问题\n五、建议\n", [("H101", "四、", "五、")]),
    (
        "一、管理情况\n（一）信息公开\n（二）绩效监控\n（一）预算执行\n（二）目标完成\n（三）部门绩效\n",
        [("H101", "（一）", "（三）")],
    ),
    ("一、概况\n二、目标\n四、问题\n", [("H101", "四、", "三、")]),
    (
        "目录\n一、部门概况\n二、主要经验做法\n三、存在的问题\n\n报告\n一、部门概况\n正文。\n二、存在的问题\n正文。\n",
        [("H102", "二、主要经验做法", "二、存在的问题"), ("H102", "三、存在的问题", "二、存在的问题")],
    ),
    (
        "目录\n一、部门概况\n（一）机构设置\n（二）固定资产情况\n\n报告\n一、部门概况\n（一）机构设置\n正文。\n",
        [("H102", "（二）固定资产情况", None)],
    ),
    # the same text complete: its last section is missing
    (TOC_CUT_SHORT + "较上年增加12.00万元。", [("H102", "三、“三公”经费安排情况", None)]),
]


@pytest.mark.parametrize("text", NUMBERING_PASSING)
def test_good_numbering_passes(check, text):
    assert check(text, select="H") == []


@pytest.mark.parametrize(("text", "expected"), NUMBERING_FAILING)
def test_bad_numbering_fails(check, text, expected):
    assert rules(check, text, "H") == expected


# ----------------------------------------------------------------------------- E101

ENTITY_PASSING = [
    TITLE + "寻甸县人社局、云溪县人社局和云溪县人力资源和社会保障局都是写法。",
    TITLE + "云溪县人社局提供的基础资料。",
    TITLE + "云溪县财政局下达预算，云溪县人社局执行。",
    TITLE + "用人单位或个人提供的工伤认定申请。",
    # corpus regressions: a prefix of the name inside another phrase, and the place without 县
    TITLE + "出台《云溪县人社系统疫情防控工作方案》。",
    TITLE + "云溪人社局作为县政府工作部门，工作思路清晰。",
]

ENTITY_FAILING = [
    (TITLE + "《溪县人社局“三重一大”事项集体决策制度》。", "溪县人社局"),
    # the first character missing after a word: the word is not part of the misspelling
    (TITLE + "本年度由溪县人力资源和社会保障局牵头组织实施。", "溪县人力资源和社会保障局"),
    (TITLE + "评价依据：8.云溪县民政局提供的基础资料。", "云溪县民政局"),
    (TITLE + "云溪县人力资源和社会保障部对年度工作作出部署。", "云溪县人力资源和社会保障部"),
]


@pytest.mark.parametrize("text", ENTITY_PASSING)
def test_right_names_pass(check, text):
    assert check(text, select="E101") == []


@pytest.mark.parametrize(("text", "written"), ENTITY_FAILING)
def test_wrong_names_fail(check, text, written):
    assert [f.stated for f in check(text, select="E101")] == [written]


def _one_edit_variants(name: str) -> list[str]:
    """Every deletion, substitution and insertion of one character inside ``name`` (its first and
    last characters kept: a name must still end like one to be reported)."""
    inner = range(1, len(name) - 1)
    return sorted(
        {name[:i] + name[i + 1 :] for i in inner}
        | {name[:i] + "某" + name[i + 1 :] for i in inner}
        | {name[:i] + "某" + name[i:] for i in inner}
    )


# 云溪人力资源和社会保障局 (县 left out) is an accepted short form of the name, not a misspelling
@pytest.mark.parametrize(
    "written",
    [v for v in _one_edit_variants("云溪县人力资源和社会保障局") if v != "云溪人力资源和社会保障局"],
)
def test_every_one_edit_misspelling_is_found(check, written):
    # the search looks only around the name's first or last three characters: each edit keeps one
    text = TITLE + f"本年度由{written}牵头，会同相关股室组织实施。"
    assert [f.stated for f in check(text, select="E101")] == [written]


WHOSE_NOT_WHAT = (
    "2.生均一般公共预算教育事业费支出增长情况\n"
    "2023年本县普通小学、普通初中生均一般公共预算教育事业费支出情况是：\n"
    "（1）本县普通小学为{a}元，比上年的8120元增长4.93%。\n"
    "3.生均一般公共预算公用经费支出增长情况\n"
    "2023年本县普通小学、普通初中生均一般公共预算公用经费支出情况是：\n"
    "（1）本县普通小学为1450元，比上年的1390元增长4.32%。\n"
    "（2）本县普通小学为{b}元。\n"
)


def test_a_label_naming_whose_not_what_is_compared_within_its_section(check):
    """L297: "（1）本县普通小学为a元" under "2.生均…教育事业费支出…" and under "3.生均…公用经费支出…" (an education
    funding bulletin): a label without a measure names whose the money is; what it is is the section's, and
    only figures of one section restate each other."""
    assert check(WHOSE_NOT_WHAT.format(a="8520", b="1450"), select="V101") == []
    assert [f.rule for f in check(WHOSE_NOT_WHAT.format(a="8520", b="1540"), select="V101")] == ["V101"]


RUN_IN_AFTER_A_SPACE = (
    "三、关于财政拨款支出决算情况说明\n"
    "住房公积金支出4.55万元，完成预算的100%。\n"
    "四、关于“三公”经费支出决算情况说明。 本部门无“三公”经费支出。 五、关于机关运行经费支出说明 本部门无机关运行经费。"
    " 六、关于国有资产占用情况说明\n"
    "截至2017年12月31日，本部门共有车辆0辆。\n"
    "{next}、政府采购支出情况说明\n"
    "本部门无政府采购支出。\n"
)


def test_headings_run_into_one_line_after_a_space_are_not_skipped(check):
    """L307: "四、…。 本部门无…。 五、… 六、…" (a kindergarten's final accounts copied from a web page): the
    headings run into one line after a full stop and a space; 七、 follows 六、, and 八、 is still a skip."""
    assert check(RUN_IN_AFTER_A_SPACE.format(next="七"), select="H101") == []
    assert [f.stated for f in check(RUN_IN_AFTER_A_SPACE.format(next="八"), select="H101")] == ["八、"]


SCOPES_OF_ONE_ACCOUNT = (
    "一、{first}预算安排2017年三公经费预算总计21.56万元。\n"
    "（一）2017年公务接待费预算1.61万元，同比减少0.10万元，下降5.85%，其减少原因为：本部门人员减少，公务接待费预算相应减少。\n"
    "二、{second}预算安排2017年三公经费预算总计21.56万元。\n"
    "（一）2017年公务接待费预算1.61万元，同比减少0.10万元，下降5.85%，其减少原因为：本部门人员减少，公务接待费预算相应减少。\n"
)


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [("全口径", "一般公共预算", []), ("一般公共预算", "政府性基金", ["D101"])],
)
def test_the_whole_account_and_its_one_fund_in_the_same_words(check, first, second, found):
    """L312: "一、全口径预算安排…" and "二、一般公共预算安排…" with the same figures (a justice bureau's 三公 budget): all
    its money is of that fund; the same passage under two funds is still a copy."""
    text = SCOPES_OF_ONE_ACCOUNT.format(first=first, second=second)
    assert [f.rule for f in check(text, select="D101")] == found


def test_one_placeholder_written_again_is_one_finding_naming_every_line(check):
    """L325: a page whose names were masked ("****财政局…下达**县…", a republishing site): each placeholder once, at
    its first place, with the number of times and every line it stands on."""
    text = (
        "**县2023年度水利发展资金绩效自评报告\n"
        "****财政局下达**县2023年水利发展资金1200万元，****财政局下达配套资金300万元。\n"
        "**县水务局按期完成项目建设。\n"
    )
    found = check(text, select="T101")
    assert [(f.stated, f.line, f.lines) for f in found] == [("**", 1, [1, 2, 3]), ("****", 2, [2])]
    assert "共3处" in found[0].message and "共2处" in found[1].message


@pytest.mark.parametrize(
    "text",
    [
        # a document-sharing site's header: the uploader's masked name
        "部门整体支出绩效自评表.docx\n上传人:王** 文档编号:292440 上传时间:2023-04-28 格式:DOCX\n正文。\n",
        # cells run together by a copy: 310.2 | 154.74 | 10 | 50%
        "年度资金总额:310.2154.741050%\n",
    ],
)
def test_a_sharing_sites_header_and_cells_run_together_are_no_residue(check, text):
    """L326."""
    assert check(text, select="T101") == []


def test_one_unmade_choice_written_again_is_one_finding(check):
    """L336: "组织开展本部门(单位)预决算公开工作，制定本部门(单位)…，负责公开本部门(单位)…" (a school's final
    accounts): the template's choice left three times in one sentence is one finding."""
    text = "本单位组织开展本部门(单位)预决算公开工作，制定本部门(单位)预决算公开规定，负责公开本部门(单位)预决算。"
    found = check(text, select="T101")
    assert [f.stated for f in found] == ["本部门(单位)"] and "共3处" in found[0].message
