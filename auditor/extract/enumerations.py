"""Counts of listed items: "设5个内设机构：办公室、…", "下达项目18个（A、B…）", "包括A、B、C3个二级指标".

Items are split on 、 at the top level (brackets, quotes and 《》 titles keep their 、), and a
name that itself contains 、 is put back together when the list names organisational units
(社会就业失业、保险管理、基金监督股 is one 股).
"""

from __future__ import annotations

import regex

from auditor.model.document import Paragraph
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.rx import lazy, rx
from auditor.text.spans import clause_start, depth_at

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMBER = r"(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})"
_COUNTER = r"(?P<unit>个|项|家|所|类|条|名|支|方面)"
_NOUN = r"(?P<noun>\p{Han}{0,10}?)"
# count before the list: 设5个内设机构：A、B | 下达项目18个（A、B） | 机关内设机构6个：A、B
# (or after 分别为 / 即: "设8个内设机构，分别为：办公室、…", "内设4个科室，即：…")
_COUNT_THEN_LIST = lazy(
    rf"(?<![\d.]){_NUMBER}{_COUNTER}{_NOUN}(?P<open>[：:（(]|[，,]\s*(?:分别为|分别是|具体为|即)\s*[：:]?)"
)
# list before the count: 包括A、B、C3个二级指标 | A、B等7个股室
_LIST_THEN_COUNT = lazy(rf"(?P<etc>等)?{_NUMBER}{_COUNTER}(?P<noun>\p{{Han}}{{1,10}})")
# a Chinese numeral right after a noun's character names a class or grade (公益一类, 二级), counts nothing;
# after these it counts: 设三个, 有两类, 共五项, 分为两类, 包括三个, 下达五个
_IN_A_NAME = lazy(r"[^设有共计为含括立置下内是即了等达\P{Han}]")
# (以 as in 以A、B两个方面为重点; 以及 joins, it introduces nothing: "省委、省政府十项规定以及市委、市政府十一项规定")
_INTRO_VERB = lazy(
    r"(?:包括|包含|设立|设置|下设|内设|设有|涵盖|分为|分别是|分别为|即|含|从|以(?!及|上|下|来|后|前))"
)
_ORDINAL_OPENS = lazy(r"\s*(?:一是|其一|第一|首先|[（(]?[一1][)）、.．])")
_PARTIAL = lazy(r"^(?:包括|包含|含|如|例如|比如|主要有|主要包括|其中)")
_EARLIER_COUNT = lazy(rf"{_NUMBER}{_COUNTER}\p{{Han}}{{1,6}}?(?:及|和|以及|、|，|,)")
_PLACE_CLASS = lazy(r"县|市|区|旗|乡|镇|街道|乡镇|县区|县市|市区|社区|村")
_ORG_NOUN = lazy(r"机构|科室|股室|处室|部门|单位|科|股|室|处|站|所|中心|队")
_ORG_SUFFIX = lazy(r"(?:局|科|股|室|处|站|所|中心|队|办|部|院|馆|会|组|公司|单位)[）)]?$")
_OPEN, _CLOSE = "（(“《〔【[‘", "）)”》〕】]’"


@record
class Enumeration:
    """A stated count and the items the text lists for it."""

    count: int
    count_text: str
    line: int
    column: int
    items: list[str]
    alternatives: set[int]  # item counts the list can be read as (a final 和/及 may join two items)
    partial: bool  # 等 / 包括…: the list may name only some of the items


def _value(n: str) -> int:
    if n.isdigit():
        return int(n)
    if n.startswith("十"):
        return 10 + _CN.get(n[1:], 0) if len(n) > 1 else 10
    if "十" in n:
        tens, _, ones = n.partition("十")
        return _CN[tens] * 10 + (_CN.get(ones, 0) if ones else 0)
    return _CN.get(n, 0)


_IN_BRACKETS_STOP = lazy(r"(?<=\p{Han})[。；;](?=\p{Han})")


def split_items(text: str) -> list[str]:
    """Split on 、 outside brackets, quotes and 《》."""
    items, depth, current = [], 0, []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch == "、" and depth == 0:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    items.append("".join(current).strip())
    return [i for i in items if i]


def _rejoin_org_names(items: list[str]) -> list[str]:
    """社会就业失业、保险管理、基金监督股 → one name: fragments join the next item with a unit suffix."""
    out, pending = [], []
    for item in items:
        pending.append(item)
        if _ORG_SUFFIX.search(item):
            out.append("、".join(pending))
            pending = []
    if pending:
        if out:
            out[-1] = out[-1] + "、" + "、".join(pending)
        else:
            out.append("、".join(pending))
    return out


def _readings(items: list[str], noun: str) -> set[int]:
    counts = {len(items)}
    if items:
        last = rx(r"(?:以及|和|及|与)").split(items[-1])
        if len(last) == 2 and all(part.strip() for part in last):
            counts.add(len(items) + 1)
    if _ORG_NOUN.search(noun):
        counts.add(len(_rejoin_org_names(items)))
    return counts


def _list_end(text: str, start: int, closing: str | None) -> int:
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if closing and ch in "）)" and depth == 0:
            return i
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif depth == 0 and not closing and ch in "。；;，,":
            return i
    return len(text)


def enumerations_in(para: Paragraph) -> list[Enumeration]:
    text = normalise(para.text)
    found: list[Enumeration] = []
    if "、" not in text:
        return found  # a list is split at 、: no 、, no list of two items
    for m in _COUNT_THEN_LIST.finditer(text):
        if _depth(text, m.start()) > 0:
            continue
        if not m.group("n").isdigit() and _IN_A_NAME.match(text[max(0, m.start() - 1) : m.start()]):
            continue  # "公益一类：(1)…": 一类 is part of the name 公益一类, not a count
        closing = "）" if m.group("open") in "（(" else None
        end = _list_end(text, m.end(), closing)
        body = text[m.end() : end]
        # inside brackets a 。 or ； between names separates them like 、 ("（A、B。C、D）": a keying slip)
        items = split_items(_IN_BRACKETS_STOP.sub("、", body) if closing else body)
        if len(items) < 2 or _PARTIAL.match(body) or body.rstrip().endswith("等"):
            continue
        if _ORDINAL_OPENS.match(body):
            continue  # "三个原因：一是A、B…；二是…；三是…": items numbered 一是/二是, not listed with 、
        if (
            closing
            and _PLACE_CLASS.fullmatch(m.group("noun"))
            and all(_PLACE_CLASS.fullmatch(t) for t in items)
        ):
            continue  # "20个县（市、区）": the kinds of place counted, not a list of them
        clause_begin = clause_start(text, m.start())
        noun = text[clause_begin : m.start()] + m.group("noun")
        last = _ONE_MORE_AFTER_A_COMMA.match(text, end) if not closing else None
        if last is not None and _alike(last["name"], items[-1]):
            # "即A、B、C、D、E，F。": the last name after a ， is one more item, or a name of its own
            e = _make(m, para, [*items, last["name"]], partial=False, noun=noun)
            e.alternatives |= _readings(items, noun)
        else:
            e = _make(m, para, items, partial=False, noun=noun)
        found.append(e)
    for m in _LIST_THEN_COUNT.finditer(text):
        if _depth(text, m.start()) > 0:
            continue  # inside quotes or a title: “三个代表” is a name, not a count
        if m.group("n") == "一":
            continue  # "是一所全日制…学校": 一所, 一个, 一家 is an article ("…1个三级指标" is a count)
        if text[max(0, m.start() - 1) : m.start()] in ("和", "及", "与", "、"):
            continue  # "…包含了A、3个B和23个C": the count of the last item, itself listed, not of the list
        clause_begin = clause_start(text, m.start(), "，,；;。：:")
        before = text[clause_begin : m.start()]
        verb = next((v for v in _INTRO_VERB.finditer(before) if _depth(before, v.start()) == 0), None)
        if verb is None or "、" not in before[verb.end() :]:
            continue
        body = before[verb.end() :]
        counted = list(_EARLIER_COUNT.finditer(body))
        if counted:
            body = body[counted[-1].end() :]  # "A、B、C6个处室及D、E、F3个年级": the 3 counts D, E, F
        items = split_items(body)
        if len(items) < 2:
            continue
        found.append(_make(m, para, items, partial=bool(m.group("etc")), noun=m.group("noun")))
    return found


# the sentence's last clause, one name alone: "…、活动服务部，读者服务部。"
_ONE_MORE_AFTER_A_COMMA = lazy(r"[，,]\s*(?P<name>\p{Han}{2,12})\s*(?:[。；;]|$)")


def _alike(name: str, last: str) -> bool:
    """Whether ``name`` ends as the list's last item does (部, 室, 中心…): one more of the same kind."""
    own = _ORG_SUFFIX.search(name)
    return own is not None and last.endswith(own.group(0))


def _depth(text: str, pos: int) -> int:
    return depth_at(text, pos, _OPEN, _CLOSE)


def _make(m: regex.Match, para: Paragraph, items: list[str], partial: bool, noun: str) -> Enumeration:
    return Enumeration(
        count=_value(m.group("n")),
        count_text=m.group("n") + m.group("unit"),
        line=para.line,
        column=para.column(m.start("n")),
        items=items,
        # "分为两类：…" counts classes, whatever the clause names: only units' names are rejoined
        alternatives=_readings(items, "" if m.group("unit") in ("类", "项", "条", "方面") else noun),
        partial=partial,
    )
