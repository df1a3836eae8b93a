"""Outline ordinals: 一、 （一） 1. （1） ① leading a line, and Chinese numerals."""

from __future__ import annotations

from auditor.model.document import Heading
from auditor.text.chars import normalise
from auditor.text.rx import lazy

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "[一二三四五六七八九十]+"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_PATTERNS = [
    (1, lazy(rf"^\s*(?P<ord>(?P<n>{_CN_NUM})[、.．])")),
    (2, lazy(rf"^\s*(?P<ord>[（(](?P<n>{_CN_NUM})[）)])")),
    # "4．2026年…" (a 目录 entry naming a year): the dot after a number is an ordinal there too
    (3, lazy(r"^\s*(?P<ord>(?P<n>\d{1,2})(?:[、．]|\.(?!\d)|\.(?=(?:19|20)\d\d年)))")),
    (4, lazy(r"^\s*(?P<ord>[（(](?P<n>\d{1,2})[）)])")),
    (5, lazy(rf"^\s*(?P<ord>(?P<n>[{_CIRCLED}]))")),
]
_MAX_HEADING_LEN = 40
_ORDINAL_FIRST = frozenset("一二三四五六七八九十（(0123456789" + _CIRCLED)  # every ordinal starts so


def chinese_numeral(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return 0


_LEADERS = lazy(r"\s*[.…·．。_\-]{4,}\s*\d*\s*$")  # a 目录 line's dot leaders and page number


# a Word field left in a 目录 line when the document was saved as a web page or text: PAGEREF _Toc32310 \h 3
_FIELD = lazy(r"\s*PAGEREF\s+_Toc\d+(?:\s*\\?h)?(?:\s*\d+)?\s*$")


def parse_heading(line: int, text: str) -> Heading | None:
    """A short line led by a heading ordinal (一、 （一） 1. （1） ①); a 目录 line's leaders do not count."""
    if "PAGEREF" in text:
        text = _FIELD.sub("", text)
    if "…" in text or "..." in text or "．．" in text:
        text = _LEADERS.sub("", text)
    if len(text.strip()) > _MAX_HEADING_LEN:
        return None
    if text.rstrip().endswith("|"):
        return None  # "一、一般公共服务支出 |": a table's cell copied one per line, not a heading
    return parse_ordinal(line, text)


def parse_ordinal(line: int, text: str) -> Heading | None:
    """The outline ordinal leading a line of any length: list items such as "（1）预算编制合理性，…"."""
    norm = normalise(text)
    if norm.lstrip()[:1] not in _ORDINAL_FIRST:
        return None
    for level, pattern in _HEADING_PATTERNS:
        m = pattern.match(norm)
        if not m:
            continue
        n = m.group("n")
        if level in (1, 2):
            number = chinese_numeral(n)
        elif level == 5:
            number = _CIRCLED.index(n) + 1
        else:
            number = int(n)
        title = text[m.end() :].strip(" 。.")
        if not title:
            return None
        return Heading(line=line, level=level, ordinal=m.group("ord"), number=number, title=title)
    return None
