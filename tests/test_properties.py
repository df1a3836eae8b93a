"""Property tests: consistent figures written with realistic rounding never raise a finding;
one figure pushed beyond its rounding interval raises exactly the rule that checks it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.config import Config
from auditor.engine import check_document
from auditor.extract.build import build_document
from auditor.loaders import load_text
from auditor.rule import all_rules

TITLE = "某县人力资源和社会保障局2023年度部门决算情况说明\n"
LABELS = [
    "基本支出",
    "项目支出",
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助支出",
    "资本性支出",
    "其他支出",
]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# amounts in 分 between 100万元 and 10亿元: large enough that a 1-point change is beyond rounding
fen = st.integers(min_value=100_000_000, max_value=100_000_000_000)


def wan(value_fen: int) -> Decimal:
    """An amount in 分 as a report writes it: 万元 with two decimals, rounded half-up."""
    return (Decimal(value_fen) / Decimal(1_000_000)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def pct(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rules_fired(text: str) -> list[str]:
    doc = build_document(load_text(text.encode("utf-8"), "generated.txt"))
    findings, errors = check_document(doc, list(all_rules().values()), Config())
    assert errors == []
    return sorted({f.rule for f in findings if f.severity != "info"})


def breakdown(parts: list[int], whole_shift: Decimal = Decimal(0)) -> str:
    listed = "、".join(f"{LABELS[i]}{wan(p)}万元" for i, p in enumerate(parts))
    return TITLE + f"2023年本年支出合计{wan(sum(parts)) + whole_shift}万元，其中：{listed}。\n"


@SETTINGS
@given(st.lists(fen, min_size=2, max_size=6))
def test_consistent_breakdowns_raise_nothing(parts):
    assert rules_fired(breakdown(parts)) == []


@SETTINGS
@given(st.lists(fen, min_size=2, max_size=6), st.integers(min_value=1, max_value=5000), st.booleans())
def test_a_breakdown_whole_off_by_more_than_rounding_raises_s101(parts, cents, up):
    # n + 1 figures of ±0.005万元 drift at most 0.035万元; the shift is at least 0.10万元
    shift = Decimal(cents + 9) / 100 * (1 if up else -1)
    assert rules_fired(breakdown(parts, shift)) == ["S101"]


def share_sentence(a: int, b: int, shift: Decimal = Decimal(0)) -> str:
    share = pct(Decimal(a) / Decimal(a + b) * 100) + shift
    return (
        TITLE
        + f"2023年本年支出合计{wan(a + b)}万元，其中：基本支出{wan(a)}万元，占{share}%；项目支出{wan(b)}万元。\n"
    )


@SETTINGS
@given(fen, fen)
def test_consistent_shares_raise_nothing(a, b):
    assert rules_fired(share_sentence(a, b)) == []


@SETTINGS
@given(fen, fen, st.integers(min_value=1, max_value=2000), st.booleans())
def test_a_share_off_by_more_than_rounding_raises_p101(a, b, tenths, up):
    shift = Decimal(tenths + 9) / 10 * (1 if up else -1)  # at least one percentage point
    assert rules_fired(share_sentence(a, b, shift)) == ["P101"]


def change_sentence(current: int, prior: int, shift: Decimal = Decimal(0)) -> str:
    delta = current - prior
    rate = pct(abs(Decimal(delta)) / Decimal(prior) * 100) + shift
    verb, noun = ("增加", "增长") if delta > 0 else ("减少", "下降")
    return TITLE + f"2023年本年支出{wan(current)}万元，比上年{verb}{wan(abs(delta))}万元，{noun}{rate}%。\n"


# a year's figure between half and twice the previous year's, and at least 1万元 different
permille = st.integers(min_value=500, max_value=2000).filter(lambda p: p != 1000)


@SETTINGS
@given(fen, permille)
def test_consistent_changes_raise_nothing(prior, factor):
    current = prior * factor // 1000
    assert rules_fired(change_sentence(current, prior)) == []


@SETTINGS
@given(fen, permille, st.integers(min_value=1, max_value=500))
def test_a_change_rate_off_by_more_than_rounding_raises_y101(prior, factor, tenths):
    current = prior * factor // 1000
    shift = Decimal(tenths + 9) / 10  # upwards: a rate written too high by at least one point
    assert rules_fired(change_sentence(current, prior, shift)) == ["Y101"]


def rate_sentence(target: int, actual: int, shift: Decimal = Decimal(0)) -> str:
    rate = pct(Decimal(actual) / Decimal(target) * 100) + shift
    return TITLE + f"城镇新增就业任务{target}人，实际完成{actual}人，完成目标任务的{rate}%。\n"


counts = st.integers(min_value=50, max_value=200_000)


@SETTINGS
@given(counts, counts)
def test_consistent_completion_rates_raise_nothing(target, actual):
    assert rules_fired(rate_sentence(target, actual)) == []


@SETTINGS
@given(counts, counts, st.integers(min_value=1, max_value=500))
def test_a_completion_rate_off_by_more_than_rounding_raises_c101(target, actual, tenths):
    assert rules_fired(rate_sentence(target, actual, Decimal(tenths) / 10)) == ["C101"]


# the characters a number's match turns on: digits, signs, separators, every prefix's characters and
# those that make a bare 约 a word's end (签约), the units' own, spaces and a few plain characters
def _number_alphabet() -> list[str]:
    from auditor.extract.figures import _PREFIX_APPROX

    chars = set("".join(_PREFIX_APPROX)) | set("签节合条制预履特契邀违公缔集简")
    chars |= set("0123456789-−+,.万亿元%个百分点人次以上下内余多左右强（）()含 \t\u3000收入支出")
    return sorted(chars)


number_text = st.text(alphabet=_number_alphabet(), max_size=40)


@given(number_text)
@settings(max_examples=500, deadline=None)
def test_numbers_found_digits_first_are_the_patterns_own_matches(text):
    from auditor.extract.figures import NUMBER_RE, numbers

    assert [(m.span(), m.groups()) for m in numbers(text)] == [
        (m.span(), m.groups()) for m in NUMBER_RE.finditer(text)
    ]
