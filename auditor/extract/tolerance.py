"""Interval arithmetic on rounded figures: the tolerance comes from how a figure was written.

A figure written with d decimals stands for value ± 0.5·10^-d; a sum of rounded parts may
drift by the sum of their half-units (as XBRL Calculations 1.1 treats rounded facts). Two
figures agree when their intervals overlap. There is no fixed epsilon anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from auditor.model.quantity import Kind, Quantity

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Interval:
    """The closed range of values a figure may stand for once its rounding is allowed for."""

    lo: Decimal
    hi: Decimal

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def widen(self, by: Decimal) -> Interval:
        return Interval(self.lo - by, self.hi + by)

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    @property
    def is_point(self) -> bool:
        return self.lo == self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2


def interval_of(q: Quantity, extra: Decimal = Decimal(0), decimals: int | None = None) -> Interval:
    """The values a written figure may stand for, in its base unit, widened by ``extra``.

    ``decimals``: the precision its peers in a sum share (``peer_decimals``)."""
    half = half_unit_at(q, decimals)
    if extra:
        half += extra * q.scale
    return Interval(q.base_value - half, q.base_value + half)


def sum_interval(parts: list[Quantity]) -> Interval:
    value = sum((q.base_value for q in parts), Decimal(0))
    half = sum((q.half_unit for q in parts), Decimal(0))
    return Interval(value - half, value + half)


def peer_decimals(figures: list[Quantity]) -> int | None:
    """The decimals a sum's money figures share, when some were written without their trailing zeros.

    Amounts in 万元 come out of the books to two decimals; a writer who lists 办公费10.80万元、差旅费1.5万元、
    维修费8万元 dropped zeros, he did not round 8.00 to the unit. When at least two figures of one unit
    carry d decimals, the shorter ones of that unit are read to d decimals too. None when the figures
    mix units or none has decimals: each keeps its own rounding.
    """
    money = [q for q in figures if q.kind is Kind.MONEY and not q.approx and q.value != 0]
    if len({q.unit for q in money}) != 1:
        return None
    decimals = max(q.decimals for q in money)
    if decimals == 0 or sum(q.decimals == decimals for q in money) < 2:
        return None
    return decimals


def half_unit_at(q: Quantity, decimals: int | None) -> Decimal:
    """``q``'s rounding half-interval, read to ``decimals`` when it is a money figure written shorter."""
    if decimals is None or q.kind is not Kind.MONEY or q.approx or q.decimals >= decimals:
        return q.half_unit
    return Decimal(5).scaleb(-decimals - 1) * q.scale


def sum_interval_at(parts: list[Quantity], decimals: int | None) -> Interval:
    """``sum_interval`` with each part read to ``decimals`` (see ``peer_decimals``)."""
    value = sum((q.base_value for q in parts), Decimal(0))
    half = sum((half_unit_at(q, decimals) for q in parts), Decimal(0))
    return Interval(value - half, value + half)


def percent_of(part: Interval, base: Interval) -> Interval | None:
    """part / base × 100 over all values the two intervals admit (None when base may be ≤ 0)."""
    if base.lo <= 0:
        return None
    lo_part, hi_part = part.lo, part.hi
    lo = min(lo_part / base.hi, lo_part / base.lo) * HUNDRED
    hi = max(hi_part / base.lo, hi_part / base.hi) * HUNDRED
    return Interval(lo, hi)


class Verdict(str, Enum):
    OK = "ok"
    ROUNDING = "rounding"  # exact inputs, last written digit wrongly rounded (e.g. truncated)
    MISMATCH = "mismatch"


def judge(
    stated: Quantity, computed: Interval, extra: Decimal = Decimal(0), decimals: int | None = None
) -> Verdict:
    """Compare a stated figure with a recomputed interval (both in the stated figure's base unit)."""
    if stated.approx:
        return Verdict.OK  # 余/多/约/以上 figures are never checked as exact
    written = interval_of(stated, extra, decimals)
    if written.overlaps(computed):
        return Verdict.OK
    if stated.kind is Kind.PERCENT and stated.base_value and stated.decimals and not computed.is_point:
        # A rate of rounded figures written by cutting its digits off (38.2877% as 38.28%, 6.00999% as
        # 6.00%): a rounding mode, not a slip in the arithmetic. Not for a whole percent: 32.96% written
        # as 32% is a full point off, and the genre rounds those (33%).
        unit = Decimal(1).scaleb(-stated.decimals) * stated.scale
        value = stated.base_value
        cut = Interval(value, value + unit) if value > 0 else Interval(value - unit, value)
        if cut.overlaps(computed):
            return Verdict.OK
    if computed.is_point:
        # The true value is known exactly (a ratio of exact counts): a miss by less than one
        # unit of the last written digit is a rounding slip such as 14/18 written as 77.77%.
        unit = Decimal(1).scaleb(-stated.decimals) * stated.scale
        if abs(stated.base_value - computed.lo) < unit:
            return Verdict.ROUNDING
    return Verdict.MISMATCH


def fmt(value: Decimal, decimals: int) -> str:
    """A recomputed value written with ``decimals`` decimals, rounded half-up like a report."""
    from decimal import ROUND_HALF_UP

    quantum = Decimal(1).scaleb(-decimals)
    return str(value.quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class PercentCheck:
    """A stated percentage against the ratio of two figures: the verdict and the ratio as written."""

    verdict: Verdict
    shown: str  # the recomputed percentage, written with at least two decimals: "33.70%"


def recompute_percent_of_sum(
    numerator: Quantity, parts: list[Quantity], stated: Quantity, extra: Decimal = Decimal(0)
) -> PercentCheck | None:
    """Check ``stated`` against numerator / (sum of ``parts``) × 100, the sum's rounding included."""
    total = sum((q.base_value for q in parts), Decimal(0))
    if total <= 0:
        return None
    computed = percent_of(interval_of(numerator), sum_interval(parts))
    if computed is None:
        return None
    verdict = judge(stated, computed, extra=extra)
    shown = fmt(numerator.base_value / total * HUNDRED, max(stated.decimals, 2)) + "%"
    return PercentCheck(verdict, shown)


def recompute_percent(
    numerator: Quantity,
    denominator: Quantity,
    stated: Quantity,
    extra: Decimal = Decimal(0),
    *,
    exact_denominator: bool = False,
) -> PercentCheck | None:
    """Check ``stated`` against numerator / denominator × 100 over the intervals the figures stand for.

    None when the ratio cannot be formed (a denominator that may be zero or negative).
    """
    if denominator.base_value <= 0:
        return None
    base = Interval.point(denominator.base_value) if exact_denominator else interval_of(denominator)
    computed = percent_of(interval_of(numerator), base)
    if computed is None:
        return None
    verdict = judge(stated, computed, extra=extra)
    shown = fmt(numerator.base_value / denominator.base_value * HUNDRED, max(stated.decimals, 2)) + "%"
    return PercentCheck(verdict, shown)
