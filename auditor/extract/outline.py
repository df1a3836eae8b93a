"""The report's outline: how its headings are numbered, and whether the 目录 matches the body.

Numbering is read from every ordinal-led paragraph (一、 （一） 1. （1） ①), headings and list items
alike, per parent. A part ("第二部分") or an attachment ("附件2") starts a new outline.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from auditor.model.document import Document, Heading
from auditor.text.chars import normalise
from auditor.text.rx import rx

_PART = regex.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|附件\s*\d*|附表\s*\d*)")


@dataclass
class NumberingSlip:
    line: int
    column: int
    kind: str  # skip | repeat | restart
    written: str  # the ordinal as written
    expected: str  # the ordinal the sequence calls for
    previous_line: int


@dataclass
class ContentsSlip:
    line: int  # the 目录 entry
    kind: str  # missing | renumbered | retitled
    entry: str  # the 目录 entry as written
    body: str  # the body heading it corresponds to ('' when missing)
    body_line: int | None


def ordinal_text(level: int, number: int, like: str) -> str:
    """The ordinal for ``number`` written in the style of ``like`` (一、 （三） 3. （2） ②)."""
    if level in (1, 2):
        from auditor.text.ordinals import _CN_DIGITS

        digits = {v: k for k, v in _CN_DIGITS.items()}
        if number <= 10:
            cn = "十" if number == 10 else digits[number]
        elif number < 20:
            cn = "十" + digits[number - 10]
        else:
            cn = digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
        return cn + "、" if level == 1 else f"（{cn}）"
    if level == 5:
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[number - 1] if number <= 20 else str(number)
    if level == 4:
        return f"（{number}）"
    return f"{number}{like[-1] if like else '.'}"


def numbering_slips(doc: Document) -> list[NumberingSlip]:
    """Skips, repeats and restarts among siblings, reading nested lists numbered at the wrong level kindly."""
    slips: list[NumberingSlip] = []
    # per (part, parent line, level): a stack of runs, each [last number, last line]
    runs: dict[tuple[int, int, int], list[list[int]]] = {}
    part = 0
    open_items: dict[int, Heading] = {}  # level -> last item at that level
    for para in doc.paragraphs:
        if _PART.match(normalise(para.text)):
            part += 1
            open_items.clear()
            continue
        item = para.ordinal
        if item is None or (para.heading is not None and para.heading.in_toc):
            continue
        for deeper in [lv for lv in open_items if lv >= item.level]:
            if deeper > item.level:
                del open_items[deeper]
        parent = max((lv for lv in open_items if lv < item.level), default=None)
        parent_line = open_items[parent].line if parent is not None else 0
        key = (part, parent_line, item.level)
        stack = runs.setdefault(key, [])
        open_items[item.level] = item
        if not stack:
            stack.append([item.number, item.line])
            if item.number != 1 and item.level <= 2:
                slips.append(_slip(item, "skip", 1, item.line))
            continue
        last, last_line = stack[-1]
        if item.number == last + 1:
            stack[-1] = [item.number, item.line]
        elif item.number == last and item.level <= 2:
            slips.append(_slip(item, "repeat", last + 1, last_line))
            stack[-1] = [item.number, item.line]
        elif item.number == 1 and last >= 1:
            # a new list under the same parent: a list in a list numbered at the wrong level (一、…（五）
            # then （一）（二）（三）) for headings; ordinary for numbered list items
            if item.level <= 2:
                slips.append(_slip(item, "restart", last + 1, last_line))
            stack.append([1, item.line])
        elif len(stack) > 1 and any(item.number == run[0] + 1 for run in stack[:-1]):
            while stack and item.number != stack[-1][0] + 1:
                stack.pop()  # back to the outer list: （三） was nested, （六） continues （五）
            stack[-1] = [item.number, item.line]
        elif item.number > last + 1 and item.level <= 3:
            slips.append(_slip(item, "skip", last + 1, last_line))
            stack[-1] = [item.number, item.line]
        else:
            stack[-1] = [item.number, item.line]
    return slips


def _slip(item: Heading, kind: str, expected: int, previous_line: int) -> NumberingSlip:
    return NumberingSlip(
        line=item.line,
        column=1,
        kind=kind,
        written=item.ordinal,
        expected=ordinal_text(item.level, expected, item.ordinal),
        previous_line=previous_line,
    )


def _title_key(title: str) -> str:
    title = rx(r"[.…·\s]+\d+\s*$").sub("", normalise(title))  # page numbers of a printed 目录
    return rx(r"[\p{P}\s]").sub("", title)


def contents_slips(doc: Document) -> list[ContentsSlip]:
    """Each 目录 entry against the body heading of the same title (and level)."""
    toc = [h for h in doc.headings if h.in_toc]
    if not toc:
        return []
    body = [h for h in doc.headings if not h.in_toc and h.line > toc[-1].line]
    slips = []
    for entry in toc:
        same_level = [h for h in body if h.level == entry.level]
        match = next((h for h in same_level if _title_key(h.title) == _title_key(entry.title)), None)
        entry_text = entry.ordinal + entry.title
        if match is None:
            numbered = next((h for h in same_level if h.number == entry.number), None)
            if numbered is not None and entry.level == 1:
                slips.append(
                    ContentsSlip(
                        entry.line, "retitled", entry_text, numbered.ordinal + numbered.title, numbered.line
                    )
                )
            else:
                slips.append(ContentsSlip(entry.line, "missing", entry_text, "", None))
        elif match.number != entry.number:
            slips.append(
                ContentsSlip(entry.line, "renumbered", entry_text, match.ordinal + match.title, match.line)
            )
    return slips
