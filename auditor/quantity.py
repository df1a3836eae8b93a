"""Figures in report text: every number becomes a Quantity with its unit, precision and label.

The extractor is deliberately conservative about what counts as a quantity: years, dates,
document numbers (〔2019〕30号), heading ordinals, indicator codes (A11), phone numbers and
ranges (45-55岁) are recognised and kept out, because a rule that recomputes a "sum" with a
year in it raises exactly the kind of false alarm that makes users stop reading findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import lru_cache

import regex

# Length-preserving normalisation, so that columns computed on the normalised text are the
# columns of the original line. NFKC would also fold ① into 1 and change lengths.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－，／～＜＞＝",
    "0123456789.%+-,/~<>=",
)
# The full-width comma is punctuation in Chinese text, never a thousands separator: keep it.
_FULLWIDTH = {k: v for k, v in _FULLWIDTH.items() if k != ord("，")}


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Fold full-width digits and signs to ASCII without changing the text's length (cached: the
    same paragraphs are read by many rules)."""
    return text.translate(_FULLWIDTH)


class Kind(str, Enum):
    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    SCORE = "score"
    POINTS = "points"  # 个百分点
    MEASURE = "measure"  # 平方米, 公里, 天 …
    RATE = "rate"  # 3.6万元/人
    PLAIN = "plain"  # a bare number with no unit


# unit text -> (canonical base unit, scale factor to the base unit, kind)
_UNITS: dict[str, tuple[str, int, Kind]] = {
    "亿元": ("元", 10**8, Kind.MONEY),
    "万元": ("元", 10**4, Kind.MONEY),
    "千元": ("元", 10**3, Kind.MONEY),
    "元": ("元", 1, Kind.MONEY),
    "亿": ("", 10**8, Kind.PLAIN),
    "万": ("", 10**4, Kind.PLAIN),
    "%": ("%", 1, Kind.PERCENT),
    "‰": ("‰", 1, Kind.PERCENT),
    "个百分点": ("个百分点", 1, Kind.POINTS),
    "分": ("分", 1, Kind.SCORE),
    "平方米": ("平方米", 1, Kind.MEASURE),
    "亩": ("亩", 1, Kind.MEASURE),
    "公里": ("公里", 1, Kind.MEASURE),
    "个月": ("个月", 1, Kind.MEASURE),
    "小时": ("小时", 1, Kind.MEASURE),
    "天": ("天", 1, Kind.MEASURE),
    "岁": ("岁", 1, Kind.MEASURE),
    "倍": ("倍", 1, Kind.MEASURE),
}
_COUNT_UNITS = (
    "人次 人 名 户 家 个 件 项 辆 台 套 份 场次 场 批次 次 张 条 所 间 篇 期 批 宗 起 册 本 座 处 "
    "支 门 类 单 笔 元次 班 届 轮 位 周 栋 床 株 棵 只 头 课时 学时 岗 处次 人/次 户次 家次 件次"
).split()
for _u in _COUNT_UNITS:
    _UNITS.setdefault(_u, (_u, 1, Kind.COUNT))
for _u in ("人次", "人", "户", "张", "个", "件", "家", "名"):
    _UNITS.setdefault("万" + _u, (_u, 10**4, Kind.COUNT))
    _UNITS.setdefault("亿" + _u, (_u, 10**8, Kind.COUNT))

_UNIT_ALT = "|".join(regex.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

_PREFIX_APPROX = (
    "超过 超出 将近 接近 大约 约 近 逾 超 不足 不到 不少于 不低于 不超过 不高于 大于 小于 高于 低于 "
    "≥ ≤ > < ＞ ＜ >= <="
).split()
_PREFIX_ALT = "|".join(regex.escape(p) for p in sorted(_PREFIX_APPROX, key=len, reverse=True))
_SUFFIX_APPROX = ("以上", "以下", "以内", "左右", "上下", "余", "多", "强", "内")

NUMBER_RE = regex.compile(
    r"""
    (?P<prefix>(?:"""
    + _PREFIX_ALT
    + r"""))?
    (?P<sign>[-−+])?
    (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
    (?P<mid>余|多)?
    \s?(?P<unit>"""
    + _UNIT_ALT
    + r""")?
    (?P<post>以上|以下|以内|左右|余|多)?
    """,
    regex.VERBOSE,
)

# Contexts that make a number something other than a quantity.
_YEAR_AFTER = regex.compile(r"\s?(?:年|-\d{4}年|—\d{4}年|至\d{4}年)")
_DATE_AFTER = regex.compile(r"(?:月|日|号|时|点|周年|届|季度)")
_DATE_FIRST = frozenset("月日号时点周届季")
_CODE_BEFORE = regex.compile(r"[A-Za-z]$")
_LABEL_BEFORE = regex.compile(r"(?:表|图|附件|附表|第|编号|代码|序号|No\.?|NO\.?)\s?$")
_ORDINAL_AFTER = regex.compile(r"[、．]|\.(?!\d)")
_BRACKET_OPEN = "〔【[（(［"
_BRACKET_CLOSE = "〕】]）)］"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


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


@dataclass(eq=False)  # a figure is itself: identity, not a field-by-field comparison of 16 fields
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


_LABEL_LEAD = regex.compile(
    r"^(?:其中|包括|主要包括|主要用于|分别为|分别是|分别|以及|及|和|并|共有|共)[：:，,]?"
)


_LABEL_TAIL = regex.compile(r"(?:为|是|达到|达|约为|约|近|有|了|至|到|共计|累计)+$")
_NO_TAGS: frozenset[str] = frozenset()
_PER_UNIT = frozenset({"per-unit"})


_LEAD_FIRST = frozenset("其包主分以及和并共")  # the first characters of _LABEL_LEAD's words
_TAIL_LAST = frozenset("为是到达约近有了至计")  # the last characters of _LABEL_TAIL's words


def _strip_label(raw: str) -> str:
    label = raw.strip(" \t:：，,、；;。（）()“”\"'")
    if label[:1] in _LEAD_FIRST:
        label = _LABEL_LEAD.sub("", label)
    if label[-1:] in _TAIL_LAST:
        label = _LABEL_TAIL.sub("", label)
    return label.strip(" \t:：，,、")


def extract_quantities(text: str, line: int, *, default_unit: str | None = None) -> list[Quantity]:
    """All quantities in one line of text, in order.

    ``default_unit`` is the unit a table cell inherits from its header or caption
    (``预算执行情况(万元)``); it applies to figures written without a unit.
    """
    norm = normalise(text)
    out: list[Quantity] = []
    last_end = 0
    for m in NUMBER_RE.finditer(norm):
        prefix, sign, num, mid, unit, post = m.groups()
        if _is_not_quantity(norm, m, sign, num, unit):
            continue
        first, end = m.start(), m.end()
        start = m.start(2) if sign else m.start(3)
        if "," in num:
            num = num.replace(",", "")
        value = Decimal(num)
        if sign == "-" or sign == "−":
            value = -value
        dot = num.find(".")
        decimals = len(num) - dot - 1 if dot >= 0 else 0
        unit = unit or ""
        inherited = False
        if default_unit and unit in ("", "万", "亿"):
            # "40万" in a 预算执行情况(万元) column is 40万元; a bare "170" takes the column's unit.
            unit = default_unit
            inherited = True
        elif unit == "万" and _money_context(norm, first):
            unit = "万元"
        base_unit, scale, kind = _UNITS.get(unit) or (unit, 1, Kind.PLAIN)
        tags = _NO_TAGS
        if end < len(norm) and norm[end] in "/每":
            kind = Kind.RATE
            tags = _PER_UNIT
        qualifier = (prefix or "") + (mid or "") + (post or "")
        label = _strip_label(text[_label_start(norm, first, last_end) : first if prefix else start])
        out.append(
            Quantity(
                value,
                decimals,
                unit,
                kind,
                scale,
                base_unit,
                bool(qualifier),
                qualifier,
                label,
                text[first:end],
                line,
                start + 1,
                start,
                end,
                inherited,
                tags,
            )
        )
        last_end = end
    return out


_LABEL_STOP = regex.compile(r"(?r)[，,。；;：:、！？!?\t（()）]")


def _label_start(norm: str, pos: int, floor: int) -> int:
    """Start of the label phrase: back from the figure to the previous clause boundary.

    Balanced brackets belong to the label (一般公共服务（类）支出); an unbalanced opening
    bracket ends it (…1,753.87万元（其中，基本支出…).
    """
    depth = 0
    while True:
        m = _LABEL_STOP.search(norm, floor, pos)
        if m is None:
            return floor
        ch = m.group()
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                return m.end()
            depth -= 1
        elif depth == 0:
            return m.end()
        pos = m.start()


def _money_context(norm: str, pos: int) -> bool:
    window = norm[max(0, pos - 12) : pos]
    return any(
        w in window for w in ("资金", "经费", "预算", "支出", "收入", "金额", "费", "拨款", "补贴", "元")
    )


_LABEL_LAST = frozenset("表图件第号码序oO.")
_RANGE_MARKS = frozenset("-~～—")


def _is_not_quantity(norm: str, m: regex.Match, sign: str | None, num: str, unit: str | None) -> bool:
    """Years, dates, document numbers, ordinals, codes, phone numbers and ranges.

    Called for every number in every document: cheap character tests come first and decide
    most cases; a pattern runs only when its last character is already in place.
    """
    s, e = m.span(3)
    # A NUL sentinel keeps `b1 in "…"` from matching the empty string at line edges.
    b1 = norm[s - 1] if s > 0 else "\0"
    a1 = norm[e] if e < len(norm) else "\0"
    if sign and m.start(2) > 0 and norm[m.start(2) - 1].isdigit():
        return True  # the second half of a range such as 45-55岁 (the first half is caught below)
    digits = num.replace(",", "") if "," in num else num
    plain = "." not in digits
    # Years: 2020年, 2020年度, 2014-2017年, and a bare 4-digit year before a date separator.
    if plain and len(digits) == 4 and 1900 <= int(digits) <= 2100:
        if a1 == "年":
            return True
        if not unit and (a1 in "-—/～~至" or _YEAR_AFTER.match(norm, e)):
            return True
    if not unit and a1 in _DATE_FIRST and _DATE_AFTER.match(norm, e):
        return True
    # Document numbers: 〔2019〕30号, 【2018】11号, [2018]; numbers inside such brackets.
    if b1 in _BRACKET_OPEN and a1 in _BRACKET_CLOSE and len(digits) == 4:
        return True
    if b1 in "〕】]" or a1 == "号":
        return True
    # Indicator and table codes: A11, C213, 表2, 附件3, 第3.
    if b1.isascii() and b1.isalpha():
        return True
    if (
        b1 in _LABEL_LAST or (b1.isspace() and s > 1 and norm[s - 2] in _LABEL_LAST)
    ) and _LABEL_BEFORE.search(norm, max(0, s - 6), s):
        return True
    if not unit and a1.isascii() and a1.isalpha():
        return True  # 5G, 3A, 12345热线 is handled by the label, not here
    # Heading and list ordinals: 1. 1、 1． （1） (1) at a line or clause start.
    if not unit and plain and _ORDINAL_AFTER.match(norm, e):
        return True
    if not unit and b1 in "（(" and a1 in "）)" and len(digits) <= 2:
        return True
    # Ranges: 45-55岁, 45～55岁, 60%-80%: neither end is an amount.
    if a1 in _RANGE_MARKS and e + 1 < len(norm) and norm[e + 1].isdigit():
        return True
    if b1 in "~～—" and s > 1 and norm[s - 2].isdigit():
        return True
    # Phone-like strings: 0871-1234567 are caught as ranges above; 11-digit mobile numbers here.
    if not unit and len(digits) == 11 and digits.isdigit() and digits.startswith("1"):
        return True
    return False
