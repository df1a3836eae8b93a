"""Quantity extraction: every number form of the reports, and the numbers that are not quantities."""

from decimal import Decimal

import pytest

from auditor.extract.figures import extract_quantities
from auditor.model.quantity import Kind


def one(text: str):
    found = extract_quantities(text, 1)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "decimals", "unit", "kind", "base"),
    [
        ("支出2952.11万元", "2952.11", 2, "万元", Kind.MONEY, "29521100"),
        ("年初预算数为36,158.49万元", "36158.49", 2, "万元", Kind.MONEY, "361584900"),
        ("项目支出总计7851828.47元", "7851828.47", 2, "元", Kind.MONEY, "7851828.47"),
        ("降低企业社保成本1.65亿元", "1.65", 2, "亿元", Kind.MONEY, "165000000"),
        ("参保人数4.28万人", "4.28", 2, "万人", Kind.COUNT, "42800"),
        ("满意度96.2%", "96.2", 1, "%", Kind.PERCENT, "96.2"),
        ("占98.64％", "98.64", 2, "%", Kind.PERCENT, "98.64"),
        ("新增就业30,342人", "30342", 0, "人", Kind.COUNT, "30342"),
        ("收入１８６８．５８万元", "1868.58", 2, "万元", Kind.MONEY, "18685800"),
        ("得分96分", "96", 0, "分", Kind.SCORE, "96"),
        ("增长2.5个百分点", "2.5", 1, "个百分点", Kind.POINTS, "2.5"),
        ("变动率为-46.36%", "-46.36", 2, "%", Kind.PERCENT, "-46.36"),
        ("培训4.2万人次", "4.2", 1, "万人次", Kind.COUNT, "42000"),
    ],
)
def test_number_forms(text, value, decimals, unit, kind, base):
    q = one(text)
    assert q.value == Decimal(value)
    assert q.decimals == decimals
    assert q.unit == unit
    assert q.kind is kind
    assert q.base_value == Decimal(base)
    assert not q.approx


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("帮助1000余人就业", "余"),
        ("近500人次", "近"),
        ("服务100多家企业", "多"),
        ("主动服务企业80余家", "余"),
        ("满意度≥90%", "≥"),
        ("满意度90%以上", "以上"),
        ("约3.5万元", "约"),
        ("累计支出6,000多万元", "多"),
        ("不足10人", "不足"),
    ],
)
def test_approximate_figures_are_flagged(text, qualifier):
    q = one(text)
    assert q.approx
    assert q.qualifier == qualifier
    assert not q.exact


def test_per_unit_rate_is_not_an_amount():
    q = one("人均经费3.6万元/人")
    assert q.kind is Kind.RATE
    assert not q.is_amount


@pytest.mark.parametrize(
    "text",
    [
        "2020年部门整体支出",
        "2023年度",
        "2024年5月10日",
        "截至2020年12月31日",
        "韶办发〔2019〕30号",
        "川财社【2018】11号",
        "财预〔2011〕285号",
        "昆政办[2013]72号",
        "一、部门概况",
        "（二）部门职能",
        "3.负责全县促进就业工作",
        "1、人员经费",
        "（1）预算编制合理性",
        "①设定了部门中长期规划目标",
        "A11部门中长期规划目标",
        "C213满意度",
        "见表2",
        "详见附件3",
        "联系电话0871-62345678",
        "手机13812345678",
        "45-55岁的劳动者",
        "2014-2017年度高层次人才",
        "第3季度",
    ],
)
def test_not_quantities(text):
    assert extract_quantities(text, 1) == []


def test_range_in_policy_text_is_not_two_amounts():
    assert extract_quantities("年龄在45-55岁之间、收入在3000～5000元之间", 1) == []


def test_ordinal_inside_a_sentence_is_not_a_quantity():
    found = extract_quantities("职能包括：1.贯彻执行政策；2.拟订规划；3.负责就业工作。", 1)
    assert found == []


def test_decimal_point_is_not_an_ordinal():
    assert one("4.5万元").value == Decimal("4.5")


def test_cell_inherits_unit_from_header():
    found = extract_quantities("40万", 7, default_unit="万元")
    assert found[0].unit == "万元" and found[0].kind is Kind.MONEY and found[0].inherited_unit
    bare = extract_quantities("13867.60", 7, default_unit="万元")[0]
    assert bare.base_value == Decimal("138676000")
    own = extract_quantities("100%", 7, default_unit="元")[0]
    assert own.unit == "%"


def test_label_is_the_phrase_before_the_figure():
    found = extract_quantities("2020年本年支出合计2845.57万元，其中：基本支出2358.51万元，占82.88%", 1)
    assert [q.label for q in found] == ["2020年本年支出合计", "基本支出", "占"]


def test_label_keeps_balanced_brackets():
    q = extract_quantities("；一般公共服务（类）支出69.65万元", 1)[0]
    assert q.label == "一般公共服务（类）支出"


def test_span_and_column_point_at_the_figure():
    line = "其中：基本支出2358.51万元"
    q = extract_quantities(line, 5)[0]
    assert q.line == 5
    assert line[q.start : q.end] == "2358.51万元"
    assert q.column == q.start + 1


def test_precision_half_units():
    assert one("支出45万元").half_unit == Decimal("5000")  # ±0.5万元
    assert one("支出45.00万元").half_unit == Decimal("50")  # ±0.005万元
    assert one("培训3623人").half_unit == 0  # counts are exact
    assert one("4.2万人次").half_unit == Decimal("500")  # a scaled count was rounded
    assert one("得1.5分").half_unit == 0  # scores are exact


def test_long_amount_is_not_a_phone_number():
    q = one("2023年支出总额为15901585.76元")
    assert q.value == Decimal("15901585.76")


def test_zero_amount_is_exact_but_zero_percent_is_rounded():
    assert one("因公出国（境）费0万元").half_unit == 0
    assert one("占0%").half_unit == Decimal("0.5")


def test_label_stops_at_an_unbalanced_opening_bracket():
    q = extract_quantities("支出合计1,753.87万元（其中，基本支出1,200.00万元）", 1)[1]
    assert q.label == "基本支出"
    q = extract_quantities("一般公共服务（类）（款）支出10万元", 1)[0]
    assert q.label == "一般公共服务（类）（款）支出"
    q = extract_quantities("说明（见附表（二））：收入合计5万元", 1)[0]
    assert q.label == "收入合计"


def test_label_drops_leading_and_trailing_link_words():
    found = extract_quantities("其中：基本支出为30万元，主要用于培训达到20万元", 1)
    assert [q.label for q in found] == ["基本支出", "培训"]


def test_a_figure_after_a_colon_takes_the_phrase_before_it():
    """ "人员经费支出：7462043.29元", "基本支出为：8049757.29元": the label is the phrase before the colon (it was
    empty, so the figure could not be compared with the same quantity stated elsewhere)."""
    from auditor.extract.figures import extract_quantities

    found = extract_quantities("其中：人员经费支出：7462043.29元，日常公用经费支出为：587714元。", 1)
    assert [(q.label, q.text) for q in found] == [
        ("人员经费支出", "7462043.29元"),
        ("日常公用经费支出", "587714元"),
    ]


def test_a_whole_number_after_renshu_counts_people():
    found = extract_quantities("编制人数42，其中：行政编制人数19、事业编制人数23、工勤人员3名。", 1)
    assert [(q.text, q.unit, q.kind) for q in found] == [
        ("42", "人", Kind.COUNT),
        ("19", "人", Kind.COUNT),  # after a count's name, "19、" is no list ordinal
        ("23", "人", Kind.COUNT),
        ("3名", "名", Kind.COUNT),
    ]
    # an ordinal at a clause start stays one, and a number after another word stays bare
    assert [q.text for q in extract_quantities("主要职责：1、贯彻执行政策；2、拟订规划。", 1)] == []
    assert [(q.text, q.kind) for q in extract_quantities("得分率96", 1)] == [("96", Kind.PLAIN)]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("分别为0、5.40、1.25万元。", ["万元", "万元", "万元"]),
        ("2020年度收入476.17、支出总计460.06万元。", ["万元", "万元"]),
        ("收入减少84.55、支出总计减少99.6万元", ["万元", "万元"]),
        # ordinals and months have no decimals: "第1、2季度" stays two numbers
        ("第1、2季度完成3.5万元", ["万元"]),
        ("完成1、2号楼改造，投入12.50万元", ["万元"]),
        # a clause between: the list ends there
        ("收入476.17，支出总计460.06万元", ["", "万元"]),
    ],
)
def test_the_unit_after_a_list_of_figures_is_each_figures(text, units):
    """L301: "收入476.17、支出总计460.06万元" (a school's final accounts): the unit written once after the last
    figure of a 、-list of figures with decimals is every figure's."""
    assert [q.unit for q in extract_quantities(text, 1) if q.unit or q.kind.value == "plain"] == units
