"""I101 on running totals: "A，加B、C，减D，收入总计T", "收支相抵，年终结余N" after the two totals, and the
items' changes after a change and its 其中 (each with its direction)."""

from __future__ import annotations

import pytest

CHAIN = (
    "2024年全县一般公共预算收入完成52400万元，加上级补助收入131600万元、债务转贷收入18000万元、上年结转6200万元、"
    "调入资金4800万元，收入总计213000万元。"
)
SPENDING = (
    "全县一般公共预算支出完成206300万元，加上解上级支出1900万元、债务还本支出2100万元，支出总计210300万元。"
)
BALANCE = "一般公共预算收入总计213000万元，支出总计210300万元，收支相抵，年终结余2700万元。"

PASSING = [
    CHAIN,
    SPENDING,
    BALANCE,
    # a subtraction in the chain
    "本级收入完成8000万元，加上级补助收入12000万元，减上解上级支出500万元，收入总计19500万元。",
    # an item without its figure (上年结转等): the sum cannot be checked
    "全县一般公共预算收入完成52400万元，加上级补助收入131600万元、上年结转等，收入总计213000万元。",
    # the sentence holds other figures before the first term: which ones the chain starts from is a guess
    "税收收入38000万元，非税收入14400万元，加上级补助收入131600万元、债务转贷收入18000万元，收入总计213000万元。",
    # 加强 is a verb, no operator
    "全年收入完成52400万元，加强征管后非税收入增加3000万元，收入总计达到55400万元。",
    # after 收支相抵 a carry-over first, then the net balance: the first figure is no balance
    "收入总计213000万元，支出总计210300万元。收支相抵，结转下年支出2700万元，净结余0万元。",
    # a term subtracted whose name ends in 总支出 is a term, not the chain's total; the chain has no total
    "上年结转结余0亿元，加一般公共预算总收入13.83亿元，减一般公共预算总支出13.60亿元，1-6月结余0.23亿元。",
    # an approximate term is never added
    "本级收入完成约8000万元，加上级补助收入12000万元，收入总计19500万元。",
]
# a region's final accounts: the chain starts from the 其中 part its rates follow ("；加…"), a bracketed 其中
# inside the chain, and the balance in a paragraph of its own after the two totals
REGION = (
    "全县一般公共预算总收入186400万元，完成调整预算的101.2%，增长3.5%，其中地方一般公共预算收入98500万元，"
    "完成调整预算的99.6%，下降2.1%；加上级补助收入70300万元，上年结余收入8600万元，债务转贷收入12000万元"
    "（其中：再融资债券5000万元），调入资金3100万元，收入合计192500万元。\n"
    "一般公共预算支出171200万元（含上年结转支出，下同），增长4.8%；加上解上级支出6800万元，债务还本支出5000万元，"
    "支出合计183000万元。\n"
    "上述收支相抵，年终结余9500万元，全部结转下年使用。\n"
)
PASSING += [
    REGION,
    # the chain adds to the whole before the 其中, not to its part
    "全县一般公共预算收入完成52400万元，增长6.0%，其中税收收入38000万元，占72.5%；加上级补助收入131600万元，"
    "收入总计184000万元。",
    # two figures before the rates and no 其中: which one the chain adds to is open
    "税收收入38000万元，非税收入14400万元，增长3.0%，加上级补助收入131600万元，收入总计184000万元。",
    # the balance opens a section: no totals above it to take
    "（二）政府性基金\n上述收支相抵，年终结余9500万元。",
]
# a fund's items without totals: every income item less every spending item
ITEMS = (
    "国有资本经营收入1500万元，上级补助收入50万元，上年结余120万元，国有资本经营支出1400万元。\n"
    "上述收支相抵，年终结余270万元，全部结转下年使用。\n"
)
PASSING += [
    ITEMS,
    # a part of an item (其中) is no item of its own: the balance is not recomputed
    "社会保险基金收入11000万元，其中：财政补贴收入3000万元，上年结余6000万元，社会保险基金支出9000万元。\n"
    "上述收支相抵，年终结余8000万元。\n",
    # a figure that is neither income nor spending: the balance is not recomputed
    "社会保险基金收入11000万元，上年结余6000万元，社会保险基金支出9000万元，待偿债务500万元。\n"
    "上述收支相抵，年终结余8000万元。\n",
]
# the chain opens a sentence of its own ("。加上…"): its first figure ends the sentence before, or, when
# that sentence is a 其中 aside, the whole before it
NEXT_SENTENCE = (
    "2024年全区一般公共预算收入完成86.4亿元，完成年度预算的101.5%，同比增长5.2%。加上转移性收入32.6亿元，"
    "收入合计119.0亿元。"
)
AFTER_ASIDE = (
    "2024年全区政府性基金预算收入完成64.8亿元，完成年度预算的97.2%，同比增长3.1%。其中：国有土地使用权出让收入"
    "完成60.5亿元，同比增长2.9%。加上转移性收入18.2亿元，收入合计83.0亿元。"
)
PASSING += [NEXT_SENTENCE, AFTER_ASIDE]
THREE_PUBLIC = (
    "2023年度“三公”经费财政拨款支出决算数比2022年度减少0.36万元，降低3.60%，其中：因公出国（境）费支出决算减少0万元，"
    "降低0%；公务用车运行维护费支出决算减少0.40万元，降低5.10%；公务接待费支出决算增加0.04万元，增长2.00%。"
)
PASSING += [
    THREE_PUBLIC,
    # items after ，: a rate clause between them is no item
    "三公经费支出比上年减少0.30万元，其中：公务接待费减少0.10万元，下降5.00%，公务用车运行维护费减少0.20万元，下降8.00%。",
    # an item without its change (与上年持平) leaves the sum unstated
    "三公经费支出比上年减少0.30万元，其中：公务接待费减少0.10万元，公务用车运行维护费与上年持平。",
    # items that give their level and their change: which figure adds up is not said
    "支出比上年减少50万元，其中：基本支出800万元，减少30万元；项目支出200万元，减少10万元。",
]
FAILING = [
    (THREE_PUBLIC.replace("减少0.40万元", "减少0.70万元"), "0.36万元", "0.66万元"),
    (
        "三公经费支出比上年减少0.30万元，其中：公务接待费减少0.10万元，下降5.00%，公务用车运行维护费减少0.50万元，下降8.00%。",
        "0.30万元",
        "0.60万元",
    ),
    (CHAIN.replace("18000万元", "15000万元"), "213000万元", "210000万元"),
    (CHAIN.replace("213000万元", "243000万元"), "243000万元", "213000万元"),
    (SPENDING.replace("1900万元", "1600万元"), "210300万元", "210000万元"),
    (
        "本级收入完成8000万元，加上级补助收入12000万元，减上解上级支出500万元，收入总计20500万元。",
        "20500万元",
        "19500万元",
    ),
    (BALANCE.replace("2700万元", "2400万元"), "2400万元", "2700万元"),
    (REGION.replace("上年结余收入8600万元", "上年结余收入8900万元"), "192500万元", "192800万元"),
    (REGION.replace("债务还本支出5000万元", "债务还本支出5300万元"), "183000万元", "183300万元"),
    (REGION.replace("年终结余9500万元", "年终结余9800万元"), "9800万元", "9500万元"),
    (ITEMS.replace("上年结余120万元", "上年结余150万元"), "270万元", "300万元"),
    (NEXT_SENTENCE.replace("转移性收入32.6亿元", "转移性收入35.6亿元"), "119.0亿元", "122.0亿元"),
    (AFTER_ASIDE.replace("转移性收入18.2亿元", "转移性收入13.2亿元"), "83.0亿元", "78.0亿元"),
]


@pytest.mark.parametrize("text", PASSING)
def test_consistent_running_totals_pass(check, text):
    assert check(text, select="I101") == []


@pytest.mark.parametrize(("text", "stated", "expected"), FAILING)
def test_wrong_running_totals_fail(check, text, stated, expected):
    findings = check(text, select="I101")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("I101", stated, expected)]


def test_the_message_shows_the_chain(check):
    (finding,) = check(CHAIN.replace("18000万元", "15000万元"), select="I101")
    assert "52400 + 131600 + 15000 + 6200 + 4800 = 210000万元" in finding.message


# "W，…其中A；B。加上…等C，收入总计T": the chain adds to W, whose parts A and B are; one figure for a group of
# names ("托底补助、结算补助等C")
PARTS_THEN_CHAIN = (
    "全乡本级一般公共预算收入完成86.40万元，为年初预算的108.0%，其中税收收入80.20万元，增长6.1%；非税收入6.20万元。"
    "加上均衡性转移支付、结算补助、上年结转等1,423.60万元，收入总计1,510.00万元。"
)
# "…减少Δ，下降p%。其中：A减少a，…；B减少b，…": the 其中 of the change opens the next sentence
NEXT_SENTENCE_CHANGES = (
    "2023年度“三公”经费支出决算比上年减少8,640.00元，下降30.12%。其中：因公出国（境）费支出决算增加0元，增长0%；"
    "公务用车运行维护费支出决算减少1,240.00元，下降7.80%；公务接待费支出决算减少7,400.00元，下降57.36%。"
)


def test_a_chain_after_a_whole_and_its_parts_adds_to_the_whole(check):
    assert check(PARTS_THEN_CHAIN, select="I101") == []
    found = check(PARTS_THEN_CHAIN.replace("1,423.60万元", "1,432.60万元"), select="I101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("I101", "1,510.00万元", "1519.00万元")]


def test_the_items_of_a_change_in_the_sentence_after_it(check):
    assert check(NEXT_SENTENCE_CHANGES, select="I101") == []
    found = check(NEXT_SENTENCE_CHANGES.replace("减少7,400.00元", "减少7,040.00元"), select="I101")
    assert [(f.rule, f.stated) for f in found] == [("I101", "8,640.00元")]


# "加上A、B，以及C后，收入总计T": the chain closes on 后 before its total
CHAIN_CLOSED_BY_HOU = (
    "全区一般公共预算收入完成21.40亿元，增长2.6%。其中：税收收入14.10亿元；非税收入7.30亿元。加上上级补助收入"
    "46.25亿元、地方政府债务收入6.80亿元，以及调入资金3.05亿元、上年结转0.90亿元后，收入总计78.40亿元。"
)


def test_a_chain_closed_by_hou_adds_up_to_its_total(check):
    assert check(CHAIN_CLOSED_BY_HOU, select="I101") == []
    found = check(CHAIN_CLOSED_BY_HOU.replace("6.80亿元", "5.80亿元"), select="I101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("I101", "78.40亿元", "77.40亿元")]


# a county's execution report: the whole, its rates, a part with its share, then the chain from the whole
EXECUTION = (
    "2024年，一般公共预算收入实际完成86,420万元，完成年初预算的104.12%，比上年增加3,260万元，增长3.92%，"
    "税收收入完成61,350万元，占一般公共预算收入比重为70.99%。加上级补助收入、调入资金、上年结转等收入152,380万元，"
    "收入总量238,800万元。"
)


def test_a_chain_after_a_parts_share_adds_to_the_whole_the_share_names(check):
    assert check(EXECUTION, select="I101,P101,Y101") == []
    found = check(EXECUTION.replace("152,380万元", "153,380万元"), select="I101")
    assert [(f.rule, f.stated) for f in found] == [("I101", "238,800万元")]
    # the share's base is the figure 实际完成 names
    found = check(EXECUTION.replace("70.99%", "71.99%"), select="P101")
    assert [(f.rule, f.stated) for f in found] == [("P101", "71.99%")]


# a 三公 note: the whole and its change, then one numbered paragraph per item with the item's change
THREE_PUBLIC_ITEMS = (
    "“三公”经费决算情况说明\n"
    "2023年一般公共预算财政拨款“三公”经费决算16.40万元，与2022年决算相比减少1.10万元，主要原因是严控出国。具体情况：\n"
    "一、2023年因公出国（境）费决算3.20万元，与2022年决算相比减少1.60万元，主要原因是减少出国团组。\n"
    "二、2023年公务用车购置及运行维护费决算10.60万元，全部为公务用车运行维护费，与2022年持平。\n"
    "三、2023年公务接待费决算2.60万元，与2022年决算相比增加0.50万元，主要原因是接待考察学习增加。\n"
)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("相比减少1.10万元", "相比减少1.40万元", [("I101", "1.40万元", "1.10万元")]),
        ("增加0.50万元", "增加0.80万元", [("I101", "1.10万元", "0.80万元")]),
        # an item compared with another stage (预算) is not this sum's term; nor is an item stating two changes
        ("与2022年决算相比增加0.50万元", "比2023年预算增加0.80万元", []),
        ("主要原因是减少出国团组", "其中培训费减少0.30万元", []),
    ],
)
def test_the_wholes_change_is_its_numbered_items_changes(check, old, new, found):
    """L203: "“三公”经费决算W，比上年减少d。具体情况：一、…减少a。二、…持平。三、…增加c" — d = a − c."""
    assert check(THREE_PUBLIC_ITEMS, select="I101") == []
    got = check(THREE_PUBLIC_ITEMS.replace(old, new), select="I101")
    assert [(f.rule, f.stated, f.expected) for f in got] == found


FLAT_ITEMS = (
    "2024年度一般公共预算财政拨款安排的“三公”经费支出决算总额为7.20万元，比去年增加{d}万元，增长{p}，增加原因主要是"
    "公务用车运行支出增加。其中，因公出国支出决算比去年无增减变化；公务用车运行维护费支出决算比去年增加1.30万元，"
    "增长36.11%；公务接待费支出决算比去年增加0.60万元，增长50.00%。\n"
)


@pytest.mark.parametrize(
    ("d", "p", "found"),
    [
        ("1.90", "35.85%", []),  # 1.30 + 0.60; 1.90 / 5.30 = 35.85%
        ("2.10", "41.18%", [("I101", "2.10万元")]),  # 2.10 / 5.10 = 41.18%: only the items' sum is off
    ],
)
def test_items_said_flat_add_nothing_to_the_changes_sum(check, d, p, found):
    """L212: "…比去年增加d，增长p%，增加原因主要是…。其中，A比去年无增减变化；B…增加x；C…增加y": the reason before
    the 其中 does not part the change from its items, and an item without change (无增减变化) adds zero."""
    got = check(FLAT_ITEMS.format(d=d, p=p), select="I101,Y101")
    assert [(f.rule, f.stated) for f in got] == found


STATED_BALANCE = (
    "全区一般公共预算收入28.40亿元，上级补助收入9.20亿元，上年结余1.60亿元，债务转贷收入2.10亿元。一般公共预算支出"
    "27.30亿元，上解上级支出8.90亿元，债务还本支出0.40亿元。收入合计41.30亿元，支出合计36.60亿元，年终结余{balance}亿元。"
)


def test_the_totals_and_the_balance_of_one_sentence(check):
    """L288: "…上年结余C，…。收入合计T，支出合计S，年终结余N。" (a district's final accounts): N = T − S once the
    paragraph has counted last year's balance among the income; without it a unit's 收入合计 may be this year's
    alone, and its balance adds what it brought forward."""
    assert check(STATED_BALANCE.format(balance="4.70"), select="I101") == []
    assert [f.stated for f in check(STATED_BALANCE.format(balance="4.07"), select="I101")] == ["4.07亿元"]
    unit = "2023年本单位收入合计1000.00万元，支出合计950.00万元，年末结余70.00万元。"
    assert check(unit, select="I") == []


ITEMS_WITH_LEVELS = (
    "2024年“三公”经费预算8.40万元，比上年减少{d}万元。其中：因公出国（境）费0万元，较上年无增减；公务接待费1.20万元，"
    "较上年无增减；公务用车运行维护费{car}万元，比上年减少0.60万元，主要原因是压减车辆。\n"
)


@pytest.mark.parametrize(
    ("d", "car", "found"),
    [
        ("0.60", "7.20", []),  # 0 + 1.20 + 7.20 = 8.40, and only the car's 0.60 moved
        ("0.30", "7.20", [("I101", "0.30万元")]),  # the items' changes make 0.60
        ("0.30", "7.50", []),  # the items' figures do not make the whole: which are all of it is unsure
    ],
)
def test_the_wholes_change_is_its_items_changes_when_each_item_gives_its_figure_first(check, d, car, found):
    """L324: "W，比上年减少d。其中：A a，较上年无增减；B b，较上年无增减；C c，比上年减少x" (a town's 三公 budget): each
    item states its figure, then its change or 无增减; when the figures make W, d = the items' changes."""
    got = check(ITEMS_WITH_LEVELS.format(d=d, car=car), select="I101")
    assert [(f.rule, f.stated) for f in got] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "2025年年初预算数2,410.60万元。支出较去年增加84.30万元，主要是基本支出增加51.20万元，项目支出增加33.10万元。",
            [],
        ),
        (
            "2025年年初预算数2,410.60万元。支出较去年增加84.30万元，主要是基本支出增加57.20万元，项目支出增加33.10万元。",
            ["57.20 + 33.10 = 90.30万元"],
        ),
        (
            "2023年度支出合计412.6万元，较上年决算数减少120.45万元，下降22.6%，主要原因是基本支出较上年决算数增加40.15万元，"
            "增长18.2%；项目支出较上年决算数减少160.60万元，下降50.1%。",
            [],
        ),
        (
            "2023年度支出合计412.6万元，较上年决算数减少120.45万元，下降22.6%，主要原因是基本支出较上年决算数增加46.15万元，"
            "增长18.2%；项目支出较上年决算数减少160.60万元，下降50.1%。",
            ["−46.15 + 160.60 = 114.45万元"],
        ),
        # other income sources are not all of a unit's income: "主要是" names the main ones
        ("收入较去年增加84.30万元，主要是一般公共预算拨款增加51.20万元，其他收入增加13.10万元。", []),
    ],
)
def test_a_change_of_spending_is_its_basic_and_project_spendings_changes(check, text, found):
    """L328: "支出较去年增加W，主要是基本支出增加a，项目支出增加b" (a unit's budget): 基本支出 and 项目支出 are all of
    its spending, so the main reasons are the whole change; W = ±a ± b."""
    assert [f.message.split("：", 1)[1].split("，")[0] for f in check(text, select="I101")] == found


BALANCE_PARAGRAPH = (
    "全县一般公共预算收入18.40亿元，上级补助收入9.15亿元，上年结余1.20亿元，债务转贷收入2.05亿元，动用预算稳定调节基金"
    "1.10亿元，调入资金350万元。一般公共预算支出24.60亿元，上解上级支出3.80亿元，债务还本支出{repaid}亿元，安排预算稳定"
    "调节基金1.25亿元。收入合计31.94亿元，支出合计30.05亿元，年终结余1.89亿元。"
)


@pytest.mark.parametrize(("repaid", "found"), [("0.40", []), ("0.50", [("S101", "30.05亿元")])])
def test_the_totals_sentence_closes_the_income_and_the_spending_sentences_before_it(check, repaid, found):
    """L334: "收入A，…。支出C，…。收入合计T，支出合计S，年终结余N。" (a district's final accounts): T adds up the
    sentence of every income, S the sentence of every spending (350万元 among 亿元 included)."""
    got = check(BALANCE_PARAGRAPH.format(repaid=repaid), select="S101,I101")
    assert [(f.rule, f.stated) for f in got] == found
