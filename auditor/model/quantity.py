"""A figure as written in a report: value, unit, precision, label and place (plain data).

The extraction layer (``auditor.extract.figures``) finds them; rules and analyses read them.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from enum import Enum

from auditor.model.record import record


class Kind(str, Enum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    SCORE = "score"
    POINTS = "points"  # 个百分点
    MEASURE = "measure"  # 平方米, 公里, 天 …
    RATE = "rate"  # 3.6万元/人
    PLAIN = "plain"  # a bare number with no unit


class cached:
    """``functools.cached_property`` without its lock (Python 3.11 takes a lock on every first
    access, which costs more than these one-line properties themselves)."""

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


@record  # a figure is itself: identity, not a field-by-field comparison of 16 fields
class Quantity:
    """One figure as written: ``2952.11万元`` → value 2952.11, decimals 2, unit 万元.

    ``base_value`` is the value in the base unit (元 for money, 人 for 万人), with
    ``half_unit`` its rounding half-interval in that base unit: a figure written with d
    decimals stands for the interval value ± 0.5·10^-d (zero for exact counts and scores).
    """

    value: Decimal
    decimals: int
    unit: str  # as written (or inherited), e.g. 万元, %, 人
    kind: Kind
    scale: int  # factor from the written unit to the base unit
    base_unit: str
    approx: bool  # 余/多/近/约/以上/≥ …: never checked as exact
    qualifier: str  # the approximate marker as written, "" when exact
    label: str  # the phrase the figure belongs to, e.g. 基本支出
    text: str  # the figure exactly as written
    line: int  # 1-based line number in the document
    column: int  # 1-based column of the first digit (or sign) in the line
    start: int  # 0-based offsets in the line text
    end: int
    inherited_unit: bool = False
    tags: frozenset[str] = field(default_factory=frozenset)

    @cached
    def base_value(self) -> Decimal:
        return self.value * self.scale

    @cached
    def exact(self) -> bool:
        """Counts written as whole numbers, scores, zero amounts and 元 to the 分 are exact; the rest was rounded."""
        if self.approx:
            return False
        if self.kind is Kind.SCORE:
            return True
        if self.value == 0 and self.kind in (Kind.MONEY, Kind.COUNT):
            return True  # "0万元" means nothing was spent, not "less than 0.5万元"
        if self.kind is Kind.MONEY and self.scale == 1 and self.decimals >= 2:
            return True  # 7359892.85元 is exact: 分 is the smallest unit of the currency
        return self.kind is Kind.COUNT and self.scale == 1 and self.decimals == 0

    @cached
    def half_unit(self) -> Decimal:
        """Half of the last written digit, in the base unit (0 for exact figures)."""
        if self.exact:
            return Decimal(0)
        return Decimal(5).scaleb(-self.decimals - 1) * self.scale

    @cached
    def is_amount(self) -> bool:
        """Money or a count: something that can be a part of a total."""
        return self.kind in (Kind.MONEY, Kind.COUNT) and not self.approx

    def in_unit_of(self, other: Quantity) -> Decimal:
        """This figure's value expressed in the written unit of ``other`` (same base unit)."""
        return self.base_value / other.scale
