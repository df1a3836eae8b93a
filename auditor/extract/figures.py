"""Figures in report text: every number becomes a Quantity with its unit, precision and label.

The extractor is deliberately conservative about what counts as a quantity: years, dates,
document numbers (〔2019〕30号), heading ordinals, indicator codes (A11), phone numbers and
ranges (45-55岁) are recognised and kept out, because a rule that recomputes a "sum" with a
year in it raises exactly the kind of false alarm that makes users stop reading findings.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import regex

from auditor.model.quantity import Kind, Quantity
from auditor.text.chars import normalise
from auditor.text.rx import lazy

# unit text -> (canonical base unit, scale factor to the base unit, kind)
_UNITS: dict[str, tuple[str, int, Kind]] = {
    "万亿元": ("元", 10**12, Kind.MONEY),
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
    "超过 超出 将近 接近 大约为 大约 约为 约合 约 近 逾 超 不足 不到 不少于 不低于 不超过 不高于 大于 小于 高于 低于 "
    "≥ ≤ > < ＞ ＜ >= <="
).split()
_PREFIX_ALT = "|".join(
    # a bare 约 is "about" unless it ends a word: 签约, 节约, 合约, 履约… ("家庭医生签约60.00万元" is exact)
    r"(?<![签节合条制预履特契邀违公缔集简])约" if p == "约" else regex.escape(p)
    for p in sorted(_PREFIX_APPROX, key=len, reverse=True)
)
_SUFFIX_APPROX = ("以上", "以下", "以内", "左右", "上下", "余", "多", "强", "内")

NUMBER_RE = lazy(
    r"""
    (?P<prefix>(?:"""
    + _PREFIX_ALT
    + r"""))?
    (?P<sign>[-−+])?
    (?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)  # (ASCII: a script's digits Decimal cannot read)
    (?P<mid>余|多)?
    \s?(?P<unit>"""
    + _UNIT_ALT
    + r""")?
    (?P<post>(?:[（(]含[）)])?(?:以上|以下|以内)|左右|余|多)?  # 90%（含）以上: a threshold
    """,
    regex.VERBOSE,
)

_DIGIT = lazy(r"[0-9]")
_SIGNS = frozenset("-−+")
_PREFIX_BY_LAST: dict[str, list[str]] = {}  # a prefix's last character -> the prefixes, longest first
for _p in sorted(_PREFIX_APPROX, key=len, reverse=True):
    _PREFIX_BY_LAST.setdefault(_p[-1], []).append(_p)


def numbers(norm: str) -> list[regex.Match]:
    """The matches of ``NUMBER_RE.finditer(norm)``, found digits first.

    A match starts at its digits, at a sign right before them or at a prefix right before either
    (约, 超过, ≥ …). ``NUMBER_RE`` scanned alone tries its thirty prefixes at every character of the
    text; here a digit is found first and the pattern is matched only where a match can start: the
    earliest of those places (at or after the previous match's end) at which it matches, which is
    where ``finditer`` finds it. A quarter of the time, the same matches.
    """
    out: list[regex.Match] = []
    i = 0
    match, search = NUMBER_RE.match, _DIGIT.search
    while (digit := search(norm, i)) is not None:
        d = digit.start()
        s = d - 1 if d > i and norm[d - 1] in _SIGNS else d
        starts = []  # the places a match may start, the earliest first (the prefixes are longest first)
        if s > i and (prefixes := _PREFIX_BY_LAST.get(norm[s - 1])) is not None:
            for p in prefixes:
                c = s - len(p)
                if c >= i and norm.startswith(p, c):
                    starts.append(c)
        starts.append(s)
        for c in starts:  # a prefix's own context may refuse it (签约60万元): then the next place
            m = match(norm, c)
            if m is not None:
                out.append(m)
                i = m.end()
                break
        else:  # (never: the digits alone match)
            i = d + 1
    return out


# Contexts that make a number something other than a quantity.
_YEAR_AFTER = lazy(r"\s?(?:年|-\d{4}年|—\d{4}年|至\d{4}年)")
_DATE_AFTER = lazy(r"(?:月|日|号|时|点|周年|届|季度)")
_DATE_FIRST = frozenset("月日号时点周届季")
_CODE_BEFORE = lazy(r"[A-Za-z]$")
_LABEL_BEFORE = lazy(r"(?:表|图|附件|附表|第|编号|代码|序号|No\.?|NO\.?)\s?$")
_ORDINAL_AFTER = lazy(r"[、．]|\.(?!\d)")
_BRACKET_OPEN = "〔【[（(［"
_BRACKET_CLOSE = "〕】]）)］"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


_LABEL_LEAD = lazy(r"^(?:其中|包括|主要包括|主要用于|分别为|分别是|分别|以及|及|和|并|共有|共)[：:，,]?")


_LABEL_TAIL = lazy(r"(?:为|是|达到|达|约为|约|近|有|了|至|到|共计|累计)+$")
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


def with_unit(q: Quantity, unit: str) -> Quantity:
    """A bare figure read in the unit its table states (单位：万元), as if the unit were written."""
    base_unit, scale, kind = _UNITS.get(unit) or (unit, 1, Kind.PLAIN)
    return replace(q, unit=unit, kind=kind, scale=scale, base_unit=base_unit, inherited_unit=True)


def extract_quantities(text: str, line: int, *, default_unit: str | None = None) -> list[Quantity]:
    """All quantities in one line of text, in order.

    ``default_unit`` is the unit a table cell inherits from its header or caption
    (``预算执行情况(万元)``); it applies to figures written without a unit.
    """
    norm = normalise(text)
    if "?" in norm or "\ufffd" in norm:
        # "利息4277.9244?萬元": a character lost between a figure and its unit stood for a space
        norm = _LOST_BEFORE_UNIT.sub(" ", norm)
    out: list[Quantity] = []
    last_end = 0
    for m in numbers(norm):
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
        elif unit == "万" and (_money_context(norm, first) or (decimals == 2 and _money_line(norm))):
            unit = "万元"
        elif unit == "亿" and _money_context(norm, first) and "亿元" in norm:
            unit = "亿元"  # "…上解上级支出38.1亿元，债务还本支出1亿，…": 亿 among 亿元 of money is 亿元
        elif (
            not unit and not decimals and (counted := _COUNTED_BEFORE.search(norm, max(0, first - 5), first))
        ):
            # "编制人数42，其中：行政编制人数19、…": a whole number after 人数 counts people
            unit = counted.group("u")
            inherited = True
        base_unit, scale, kind = _UNITS.get(unit) or (unit, 1, Kind.PLAIN)
        tags = _NO_TAGS
        if end < len(norm) and norm[end] in "/每":
            kind = Kind.RATE
            tags = _PER_UNIT
        qualifier = (prefix or "") + (mid or "") + (post or "")
        if first and text[first - 1] in _LOST_BYTES:
            # "…一般公共服务支出?8639萬元" in a page that lost its encoding: digits may have gone with the bytes
            qualifier = text[first - 1]
        label = _strip_label(text[_label_start(norm, first, last_end) : first if prefix else start])
        if not label:
            colon = _COLON_BEFORE.search(norm, last_end, first if prefix else start)
            if colon is not None:  # "人员经费支出：7462043.29元", "基本支出（支出决算数）为：8049757.29元"
                label = _strip_label(text[_label_start(norm, colon.start(), last_end) : colon.start()])
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
    if "、" in norm:
        _units_of_value_lists(norm, out)
    return out


def _units_of_value_lists(norm: str, out: list[Quantity]) -> None:
    """ "分别为0、5.40、1.25万元", "收入476.17、支出总计460.06万元": the unit written once after the last figure of
    a 、-list of figures with decimals is every figure's (money only: "1、2月" numbers months)."""
    i = 0
    while i < len(out):
        k = i
        while (
            k + 1 < len(out)
            and out[k].kind is Kind.PLAIN
            and not out[k].unit
            and norm[out[k].end : out[k].end + 1] == "、"
            and not _CLAUSE_BREAK.search(norm, out[k].end, out[k + 1].start)
        ):
            k += 1
        last = out[k]
        if k > i and last.kind is Kind.MONEY and not last.approx and not last.inherited_unit:
            listed = out[i:k]
            # (decimals tell figures from ordinals and months: "第1、2项" has none)
            if last.decimals > 0 and all(q.decimals > 0 or q.value == 0 for q in listed):
                for q in listed:
                    q.unit, q.kind, q.scale, q.base_unit = last.unit, last.kind, last.scale, last.base_unit
                    q.inherited_unit = True
        i = k + 1


_CLAUSE_BREAK = lazy(r"[，,；;。：:！？!?（()）]")
_LOST_BEFORE_UNIT = lazy(r"(?<=\d)[?\ufffd](?=[万亿千元人个户%])")
_LOST_BYTES = ("?", "\ufffd")  # ASCII ? (never Chinese text's ？) and the replacement character
_COUNTED_BEFORE = lazy(r"(?P<u>人次|人|户)数\s*(?:为|是|达到?|共)?\s*[：:]?\s*$")
_COLON_BEFORE = lazy(r"(?:为|是)?[：:]\s*$")
_LABEL_STOP = lazy(r"(?r)[，,。；;：:、！？!?\t（()）]")


def _in_value_list(norm: str, s: int, e: int, b1: str) -> bool:
    """ "分别为0、5.40、1.25万元": a bare number before 、 and another number is a list's value, not an
    ordinal, when a verb introduces it (为/是/达/到) or a number stands before it."""
    if norm[e] != "、" or e + 1 >= len(norm) or not norm[e + 1].isdigit():
        return False
    return b1 in "为是达到" or (b1 == "、" and s > 1 and norm[s - 2].isdigit())


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


def _money_line(norm: str) -> bool:
    """A line about money: "1410.00万" there is 万元 (a budget written with 分 but without 元)."""
    return "万元" in norm or "预算" in norm or "资金" in norm


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
    # ("…编制人数19、参照…": after a count's name, 19、 is its figure)
    if (
        not unit
        and plain
        and b1 != "数"
        and _ORDINAL_AFTER.match(norm, e)
        and not _in_value_list(norm, s, e, b1)
    ):
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


# ----------------------------------------------------------------------------- respectively: 分别为

# "A、B、C分别为a、b、c": each figure after 分别 belongs to the name in its place before it. A verb after
# 分别 (分别增长/下降/减少/较上年…/占…) makes the figures changes or shares: those are read elsewhere.
_RESPECTIVE = lazy(
    r"(?:分别为|分别是|分别达到|分别达|分别)(?!占|增|减|下降|上升|提高|降低|比|较|完成|用于|由|从|对|按|向|在|以)[：:]?"
)
_CLAUSE_BEFORE = lazy(r"(?r)[，,。；;：:！？!?\t]")
_NAME_SEPARATOR = lazy(r"、")
_LAST_NAME_JOIN = lazy(r"(?r)以及|和|与")
_VALUE_GAP = lazy(r"\s*(?:、|，|,|和|及|与|以及)\s*")
_HAN = lazy(r"\p{Han}")


def _split_names(text: str) -> list[str]:
    """The names of a "、"-list, brackets kept whole (因公出国（境）费)."""
    names, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch == "、" and depth == 0:
            names.append(text[start:i])
            start = i + 1
    names.append(text[start:])
    return names


# "各是550.00，540.00万元", "各减少50.00，60.00万元": a list with its unit written once, on the last figure
_LIST_OPENER = lazy(r"(?:各是|各为|分别为|分别是|(?:各|分别)(?:增加|减少|增长|下降|降低|提高))\s*$")
_LIST_GAP = lazy(r"\s*(?:、|，|,|和|及)\s*")


def _with_list_unit(text: str, quantities: list[Quantity]) -> list[Quantity]:
    out = list(quantities)
    i = 0
    while i < len(out):
        if out[i].unit or not _LIST_OPENER.search(text, 0, out[i].start):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(out) and not out[j].unit and _LIST_GAP.fullmatch(text[out[j].end : out[j + 1].start])
        ):
            j += 1
        if j > i and out[j].unit and all(not q.unit and q.kind is Kind.PLAIN for q in out[i:j]):
            for k in range(i, j):
                out[k] = with_unit(out[k], out[j].unit)
        i = j + 1
    return out


def respective_labels(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The figures of "A、B（和C）分别为a、b、c" labelled A, B, C; the others unchanged.

    Only when the names and the figures are as many (at least two), the figures follow 分别 with nothing
    but separators between them, and are of one kind. Figures written with the unit on the last one only
    ("分别为450.00、70.00万元") take its unit.
    """
    norm = normalise(text)
    if "分别" not in norm and "各" not in norm:
        return quantities
    out = _with_list_unit(norm, quantities)
    for m in _RESPECTIVE.finditer(norm):
        after = [i for i, q in enumerate(out) if q.start >= m.end()]
        if not after:
            continue
        run = [after[0]]
        if norm[m.end() : out[after[0]].start].strip():
            continue
        for i in after[1:]:
            if not _VALUE_GAP.fullmatch(norm[out[run[-1]].end : out[i].start]):
                break
            run.append(i)
        start = _CLAUSE_BEFORE.search(norm, 0, m.start())
        head = norm[start.end() if start else 0 : m.start()]
        names = _split_names(head)
        join = _LAST_NAME_JOIN.search(names[-1])
        if join is not None and len(names) >= 2 and len(names) + 1 == len(run):  # "A、B和C分别为a、b、c"
            names = [*names[:-1], names[-1][: join.start()], names[-1][join.end() :]]
        if len(names) < 2 or len(names) != len(run):
            continue
        names = [_strip_label(n) for n in names]
        if any(len(n) < 2 or not _HAN.search(n) for n in names):
            continue
        values = [out[i] for i in run]
        last = values[-1]
        if last.unit and all(not v.unit for v in values[:-1]):
            values = [*(with_unit(v, last.unit) for v in values[:-1]), last]
        if len({(v.kind, v.base_unit) for v in values}) != 1 or any(v.approx for v in values):
            continue
        for i, v, name in zip(run, values, names, strict=True):
            out[i] = replace(v, label=name)
    return out
