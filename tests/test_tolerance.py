"""Tolerance from written precision: rounding alone never raises a finding."""

from decimal import Decimal

from auditor.extract.figures import extract_quantities
from auditor.extract.tolerance import Interval, Verdict, interval_of, judge, percent_of, sum_interval


def qs(text: str):
    return extract_quantities(text, 1)


def test_sum_of_rounded_parts_may_drift_by_their_half_units():
    # 66.89 + 21.10 + 16.70 = 104.69 against a stated 104.70: three parts and the total
    # each carry ±0.005, so the difference of 0.01 is rounding, not an error.
    *parts, whole = qs("66.89万元、21.10万元、16.70万元，合计104.70万元")
    assert judge(whole, sum_interval(parts)) is Verdict.OK


def test_sum_beyond_rounding_is_a_mismatch():
    *parts, whole = qs("66.89万元、21.10万元、16.70万元，合计104.75万元")
    assert judge(whole, sum_interval(parts)) is Verdict.MISMATCH


def test_fewer_decimals_mean_a_wider_interval():
    part, whole = qs("公务用车运行维护费2.4万元，合计2.44万元")
    assert interval_of(part) == Interval(Decimal("23500.0"), Decimal("24500.0"))
    assert judge(whole, sum_interval([part])) is Verdict.OK


def test_share_within_rounding():
    part, base, pct = qs("2912.07万元，2952.11万元，98.64%")
    assert judge(pct, percent_of(interval_of(part), interval_of(base))) is Verdict.OK


def test_share_against_wrong_base():
    part, base, pct = qs("11.00万元，32.64万元，35.53%")
    assert judge(pct, percent_of(interval_of(part), interval_of(base))) is Verdict.MISMATCH


def test_ratio_of_exact_counts_with_truncated_last_digit_is_a_rounding_slip():
    # 14 / 18 = 77.777…%: 77.78% is right, 77.77% is a truncation: low severity, not an error.
    part, base, right, truncated, wrong = qs("14个，18个，77.78%，77.77%，75%")
    computed = percent_of(interval_of(part), interval_of(base))
    assert computed.is_point
    assert judge(right, computed) is Verdict.OK
    assert judge(truncated, computed) is Verdict.ROUNDING
    assert judge(wrong, computed) is Verdict.MISMATCH


def test_approximate_figures_are_never_checked():
    part, base, pct = qs("1000余人，2000人，80%")
    assert judge(pct, percent_of(interval_of(part), interval_of(base))) is Verdict.MISMATCH
    approx_pct = qs("约80%")[0]
    assert judge(approx_pct, Interval.point(Decimal(50))) is Verdict.OK


def test_extra_tolerance_widens_the_stated_figure():
    pct = qs("33.72%")[0]
    computed = Interval.point(Decimal("33.70"))
    assert judge(pct, computed) is Verdict.MISMATCH
    assert judge(pct, computed, extra=Decimal("0.02")) is Verdict.OK
