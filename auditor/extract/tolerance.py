"""Interval arithmetic on rounded figures: the tolerance comes from how a figure was written.

A figure written with d decimals stands for value ± 0.5·10^-d; a sum of rounded parts may
drift by the sum of their half-units (as XBRL Calculations 1.1 treats rounded facts). Two
figures agree when their intervals overlap. There is no fixed epsilon anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from auditor.model.quantity import Quantity

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Interval:
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


def interval_of(q: Quantity, extra: Decimal = Decimal(0)) -> Interval:
    """The values a written figure may stand for, in its base unit, widened by ``extra``."""
    half = q.half_unit + extra * q.scale if extra else q.half_unit
    return Interval(q.base_value - half, q.base_value + half)


def sum_interval(parts: list[Quantity]) -> Interval:
    value = sum((q.base_value for q in parts), Decimal(0))
    half = sum((q.half_unit for q in parts), Decimal(0))
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


def judge(stated: Quantity, computed: Interval, extra: Decimal = Decimal(0)) -> Verdict:
    """Compare a stated figure with a recomputed interval (both in the stated figure's base unit)."""
    if stated.approx:
        return Verdict.OK  # 余/多/约/以上 figures are never checked as exact
    written = interval_of(stated, extra)
    if written.overlaps(computed):
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
