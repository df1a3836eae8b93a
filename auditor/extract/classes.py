"""A functional class's spending broken down by its 项 in a later paragraph of a 决算说明.

The 一般公共预算财政拨款支出 is first given by class, then each class is detailed by 款 and 项:

    …主要用于：一般公共服务（类）支出70.65万元，占23.55%；社会保障和就业（类）支出…
    …
    1.一般公共服务（类）：（1）人大事务（款）行政运行（项）支出决算为24.65万元；（2）人大事务（款）
      一般行政管理事务（项）支出决算为45万元。
        → Breakdown(whole=70.65, parts=[24.65, 45], marker="类款项")

The detail paragraph names its class but not the class's amount: the whole is the amount of that class
stated last before it, in prose. The items may also follow the class's line, one per paragraph. Read only
when every 项 has exactly one 决算 amount and nothing else in the detail is an amount but a budget.
"""

from __future__ import annotations

from auditor.model.document import Paragraph
from auditor.model.quantity import Kind, Quantity
from auditor.text.chars import normalise
from auditor.text.rx import lazy

MARKER = "类款项"

# "1.一般公共服务（类）：" "（五）住房保障支出（类）" "6.卫生健康（类）行政事业单位医疗（款）…"
_CLASS_LEAD = lazy(
    r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)])?\s*"
    r"(?P<name>\p{Han}{2,16}?)(?:支出)?\s*[（(]类[）)]\s*(?:支出)?\s*[:：]?"
)
_ITEM = lazy(r"[（(]项[）)]")
_ACTUAL_TAIL = lazy(r"(?:支出)?决算(?:数)?(?:为|是)?\s*[:：]?\s*$")
_BUDGET_TAIL = lazy(r"预算(?:数)?(?:为|是)?\s*[:：]?\s*$")
_SELECTION = lazy(r"主要|重点|部分|等(?:项目|方面)")
# an item numbered within the class: "（1）" "(2)" "1)" "①"
_SUB_ITEM = lazy(r"^\s*(?:[（(]\s*\d{1,2}\s*[）)]|\d{1,2}\s*[)）]|[①-⑳])")
# the label of the class's own amount: "一般公共服务（类）支出" "一般公共服务支出（类）" "一般公共服务支出"
_CLASS_LABEL = lazy(
    r"^(?P<name>\p{Han}{2,16}?)(?:支出)?\s*(?:[（(]类[）)])?\s*(?:支出)?(?:决算数?)?(?:为|是)?$"
)
_YEAR = lazy(r"^(?:(?:19|20)\d\d\s*年度?)|^(?:本年度?|当年)")


def _key(name: str) -> str:
    return name[:-2] if name.endswith("支出") else name


def _class_amounts(paragraphs: list[Paragraph], cache: dict) -> dict[str, list[Quantity]]:
    """Amounts in prose labelled with a class's name, by name, in document order (built once)."""
    index = cache.get("_class_amounts")
    if index is None:
        index = {}
        for para in paragraphs:
            if "支出" not in para.text and "类" not in para.text:
                continue
            for q in para.quantities:
                if not q.is_amount or q.approx:
                    continue
                m = _CLASS_LABEL.match(_YEAR.sub("", normalise(q.label)))
                if m:
                    index.setdefault(_key(m.group("name")), []).append(q)
        cache["_class_amounts"] = index
    return index


def _items(text: str, begin: int, quantities: list[Quantity]) -> list[Quantity] | None:
    """The 决算 amount of every 项 in ``text[begin:]``, or None when the items are not read so plainly."""
    marks = [m.end() for m in _ITEM.finditer(text, begin)]
    if not marks:
        return None
    parts: list[Quantity] = []
    for k, mark in enumerate(marks):
        end = marks[k + 1] if k + 1 < len(marks) else len(text)
        own = [q for q in quantities if mark <= q.start < end and q.is_amount]
        actual = [q for q in own if _ACTUAL_TAIL.search(text, mark, q.start)]
        others = [q for q in own if q not in actual]
        if len(actual) != 1 or actual[0].approx:
            return None
        if any(not _BUDGET_TAIL.search(text, mark, q.start) for q in others):
            return None  # a change, a balance or a second kind of amount: not a plain list of items
        if _SELECTION.search(text, mark, actual[0].start):
            return None
        parts.append(actual[0])
    if any(q.is_amount and q.start < marks[0] for q in quantities):
        return None  # the class's own amount is in the paragraph: the ordinary breakdowns read it
    return parts


def class_items(
    paragraphs: list[Paragraph], index: int, cache: dict
) -> tuple[Quantity, list[Quantity]] | None:
    """The class amount stated before ``paragraphs[index]`` and the 决算 amounts of its 项, when the paragraph
    opens a class's detail ("1.一般公共服务（类）：（1）…（项）支出决算为24.65万元；…")."""
    para = paragraphs[index]
    if "类" not in para.text:
        return None
    text = normalise(para.text)
    lead = _CLASS_LEAD.match(text)
    if lead is None:
        return None
    name = _key(lead.group("name"))
    if _ITEM.search(text, lead.end()):
        parts = _items(text, lead.end(), para.quantities)
        lines_end = index
    elif not para.quantities and not text[lead.end() :].strip():
        parts, lines_end = _items_below(paragraphs, index)
    else:
        return None
    if not parts or _runs_into_cut_end(paragraphs, lines_end):
        return None
    whole = None
    for q in _class_amounts(paragraphs, cache).get(name, ()):
        if q.line >= para.line:
            break
        whole = q
    if whole is None or any(
        p.kind is not Kind.MONEY or p.base_unit != whole.base_unit for p in [whole, *parts]
    ):
        return None
    return whole, parts


def _items_below(paragraphs: list[Paragraph], index: int) -> tuple[list[Quantity] | None, int]:
    """ "1.一般公共服务（类）" ⏎ "（1）…（项）支出决算为24.65万元。" ⏎ "（2）…": one item per paragraph."""
    parts: list[Quantity] = []
    last = index
    for k in range(index + 1, min(index + 16, len(paragraphs))):
        para = paragraphs[k]
        text = normalise(para.text)
        if not _SUB_ITEM.match(text):
            break
        got = _items(text, 0, para.quantities)
        if got is None:
            return None, k
        parts += got
        last = k
    return parts, last


def _runs_into_cut_end(paragraphs: list[Paragraph], last: int) -> bool:
    """The detail is the document's last paragraph and stops mid-sentence: more items may follow the cut."""
    if last != len(paragraphs) - 1:
        return False
    return normalise(paragraphs[last].text).rstrip()[-1:] not in "。！？!?）)”"
