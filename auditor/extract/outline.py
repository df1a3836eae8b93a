"""The report's outline: how its headings are numbered, and whether the 目录 matches the body.

Numbering is read from every ordinal-led paragraph (一、 （一） 1. （1） ①), headings and list items
alike, per parent. A part ("第二部分") or an attachment ("附件2") starts a new outline.
"""

from __future__ import annotations

import regex

from auditor.model.document import Document, Heading
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.ordinals import parse_ordinal
from auditor.text.rx import lazy, rx

_BARE_FIGURE = lazy(r"\s*[-−]?\d[\d,]*(?:\.\d+)?\s*[%％]?\s*")
_PART = lazy(r"^\s*(?:第[一二三四五六七八九十]+部分|附件\s*\d*|附表\s*\d*)")


@record
class NumberingSlip:
    """A heading ordinal that skips, repeats or restarts its sequence."""

    line: int
    column: int
    kind: str  # skip | repeat | restart
    written: str  # the ordinal as written
    expected: str  # the ordinal the sequence calls for
    previous_line: int


@record
class ContentsSlip:
    """A 目录 entry that no body heading matches, or one that matches under another number or title."""

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


_DEEPEST = 8  # runs kept per parent and level: a long document restarts its lists hundreds of times


_FIGURES_ROW = lazy(r"(?:[ \t\u3000]+[-+]?\d[\d,]*(?:\.\d+)?\s*[%％]?){3,}\s*$")


def numbering_slips(doc: Document) -> list[NumberingSlip]:
    """Skips, repeats and restarts among siblings, reading nested lists numbered at the wrong level kindly."""
    slips: list[NumberingSlip] = []
    # per (part, parent line, level): a stack of runs, each [last number, last line]
    runs: dict[tuple[int, int, int], list[list[int]]] = {}
    part = 0
    open_items: dict[int, Heading] = {}  # level -> last item at that level
    previous = ""  # the paragraph before this one
    paragraphs = doc.paragraphs
    for index, para in enumerate(paragraphs):
        text, before, previous = normalise(para.text), previous, para.text
        if _PART.match(text):
            part += 1
            open_items.clear()
            continue
        item = para.ordinal
        if item is not None and item.number == 1 and item.level <= 2 and _is_part_title(before):
            # "其他相关情况说明" then 一、…: an unnumbered title opens a part of its own
            part += 1
            open_items.clear()
        if item is None or (para.heading is not None and para.heading.in_toc):
            continue
        if _FIGURES_ROW.search(para.text):
            continue  # "（二） 支出总计 77084804.05 73952025.38 -4.06%": a table's row as text, numbered by its label
        if _CELL_LINE.search(doc.line_text(para.line)):
            continue  # "一、一般公共服务支出 |" ⏎ "31 |" ⏎ "0.00 |": a table's cells one per line, the label first
        if len(item.title.strip()) <= 1 or any(
            0 <= k < len(paragraphs) and _BARE_FIGURE.fullmatch(normalise(paragraphs[k].text))
            for k in (index - 1, index + 1)
        ):  # (or "五、经": a cell cut short, no heading has a title of one character)
            continue  # "三、上级补助收入" ⏎ "3" ⏎ "10.00": a table's cells one per paragraph, the label first
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
            if item.number != 1 and item.level <= 2 and parent is not None:
                # a first item numbered （二） under 一、 lost its （一）; a document whose outline opens at
                # 二、 (or （二） with no heading above it) is an excerpt, or the part before is elsewhere
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
            if len(stack) > _DEEPEST:
                del stack[0]  # lists are not nested this deep: the oldest run is long closed
        elif len(stack) > 1 and any(item.number == run[0] + 1 for run in stack[:-1]):
            while stack and item.number != stack[-1][0] + 1:
                stack.pop()  # back to the outer list: （三） was nested, （六） continues （五）
            stack[-1] = [item.number, item.line]
        elif item.number > last + 1 and item.level <= 3:
            # the text from the last item to this one: a hard-wrapped item runs the next one in on a later line
            between = "".join(doc.line_text(k) for k in range(last_line, min(item.line, last_line + 200)))
            if not _run_in(between, item, range(last + 1, item.number)):
                slips.append(_slip(item, "skip", last + 1, last_line))
            stack[-1] = [item.number, item.line]
        else:
            stack[-1] = [item.number, item.line]
    return slips


def _reworded(entry: str, body: str) -> bool:
    """One title is the other with a few characters or a bracketed note added."""
    a, b = _title_key(entry), _title_key(regex.sub(r"[（(][^）)]*[）)]", "", body))
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) > 3:
        return False
    chars = iter(long_)
    return all(ch in chars for ch in short)


def _run_in(previous: str, item: Heading, missing: range) -> bool:
    """The missing items stand inside the previous paragraph ("…财务规则。（八）负责…"): run in, not skipped."""
    text = normalise(previous)
    for number in missing:
        ordinal = normalise(ordinal_text(item.level, number, item.ordinal))
        at = text.find(ordinal)
        # (a space may stand after the full stop: "…无“三公”经费支出。 五、关于机关运行经费…")
        before = text[:at].rstrip() if at > 0 else ""
        if not before or before[-1] not in "。；;！？!?":
            return False
    return True


_SENTENCE_MARK = lazy(r"[，,。；;：:！？!?]")


def _is_part_title(text: str) -> bool:
    """A short unnumbered line that names what follows: 部门预算编制说明, 其他相关情况说明."""
    stripped = text.strip()
    return (
        2 <= len(stripped) <= 30
        and not _SENTENCE_MARK.search(stripped)
        and parse_ordinal(0, stripped) is None
        and not regex.search(r"\d", stripped.replace("年", "").lstrip("0123456789"))
    )


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
    # "机构设置情况" in the 目录 is "本部门机构设置情况" in the body: the unit's own name for itself
    return _OWNER_PREFIX.sub("", rx(r"[\p{P}\s]").sub("", title))


_OWNER_PREFIX = lazy(r"^(?:本部门|本单位|我单位|我部门)")


_LEADING_YEAR = lazy(r"^(?:19|20)\d\d年度?")
_GENERIC_OWNER = lazy(r"^(?:本?部门|本?单位|项目)")  # stand for the unit's or a project's own name


def _body_key(text: str) -> str:
    item = parse_ordinal(0, text)
    return _LEADING_YEAR.sub("", _title_key(item.title if item is not None else text))


def _written_plainly(entry: Heading, plain: dict[str, None]) -> bool:
    """The entry's title stands in the body without an ordinal, perhaps with the year or the unit's
    own name for 部门/单位 (目录 单位主要职能, body 上海市××局主要职能)."""
    key = _LEADING_YEAR.sub("", _title_key(entry.title))
    if key in plain:
        return True
    owned = _GENERIC_OWNER.sub("", key)
    return (
        owned != key
        and len(owned) >= 4
        and any(p.endswith(owned) and len(p) <= len(owned) + 20 for p in plain)
    )


def _foreign_run(heading: Heading, body: list[Heading], toc: list[Heading]) -> bool:
    """The heading belongs to a numbering run whose titles the 目录 does not list (a project's own
    一、项目概况 … 七、绩效目标), so its number says nothing about the 目录's entry of that number."""
    listed = {_title_key(e.title) for e in toc}
    same = [h for h in body if h.level == heading.level and h.line <= heading.line]
    run: list[Heading] = []
    for h in reversed(same):
        run.append(h)
        if h.number == 1:
            break
    known = sum(1 for h in run if _title_key(h.title) in listed)
    return known * 2 < len(run)


def _is_group(toc: list[Heading], k: int, plain: dict[str, None]) -> bool:
    """A 目录 entry whose sub-entries follow it, all of them found in the body."""
    entry = toc[k]
    subs = []
    for other in toc[k + 1 :]:
        if other.level <= entry.level:
            break
        subs.append(other)
    return bool(subs) and all(_written_plainly(s, plain) for s in subs)


def contents_slips(doc: Document) -> list[ContentsSlip]:
    """Each 目录 entry against the body heading of the same title (and level)."""
    toc = [h for h in doc.headings if h.in_toc]
    if not toc or toc[0].number != 1:
        return []  # a 目录 that opens at 九、 is a fragment (an excerpt): what it lists is not all there is
    body = [h for h in doc.headings if not h.in_toc and h.line > toc[-1].line]
    # titles the body writes without an ordinal (主要职能, table titles): found there, the entry holds
    # (a dict: the keys in order, and membership in constant time)
    plain = dict.fromkeys(_body_key(line.text) for line in doc.lines[toc[-1].line :] if len(line.text) <= 60)
    # "一、部门职责：鼎城区教育局系…": a heading with its text after a colon on the same line
    plain.update(
        dict.fromkeys(
            _body_key(m.group("head"))
            for line in doc.lines[toc[-1].line :]
            if (m := _RUN_IN_HEADING.match(normalise(line.text)))
        )
    )
    slips = _slips(doc, toc, body, plain, _parts_of(doc, toc))
    if sum(slip.kind == "missing" for slip in slips) == len(toc):
        # no entry at all is in the body: the 目录 lists the documents published beside it ("1、…决算草案的报告
        # ⏎ 2、…绩效管理工作情况 ⏎ 4、…决算公开表"), of which this text is one
        return []
    return slips


_TOC_PART_NAME = lazy(r"^\s*(第[一二三四五六七八九十]+部分)")
_RUN_IN_HEADING = lazy(r"^\s*(?P<head>[^：:，,。]{2,30})[：:](?=\s*\S)")


def _parts_of(doc: Document, toc: list[Heading]) -> dict[int, tuple[str, int, int] | None]:
    """For each 目录 entry (by line), the part it is listed under and that part's line range in the body
    (first, last): ("第二部分", 25, 60). None when the 目录 lists the part but the body has no such part
    line (an excerpt cut short, or tables published as attachments): its entries cannot be looked for."""
    last = toc[-1].line
    listed: dict[int, str] = {}
    current = ""
    entry_lines = {h.line for h in toc}
    for line in doc.lines[:last]:  # the part lines of the 目录 stand before their first entries
        m = _TOC_PART_NAME.match(normalise(line.text))
        if m:
            current = m.group(1)
        if line.number in entry_lines:
            listed[line.number] = current
    starts: dict[str, int] = {}
    for line in doc.lines[last:]:
        m = _TOC_PART_NAME.match(normalise(line.text))
        if m:  # the last line of that part's name: a 目录's tail read as body comes first
            starts[m.group(1)] = line.number
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    ranges = {
        name: (start, ordered[i + 1][1] - 1 if i + 1 < len(ordered) else len(doc.lines))
        for i, (name, start) in enumerate(ordered)
    }
    out: dict[int, tuple[str, int, int] | None] = {}
    for number, part in listed.items():
        if not part or not ranges:
            out[number] = ("", 0, len(doc.lines))
        elif part in ranges:
            out[number] = (part, *ranges[part])
        else:
            out[number] = None
    return out


def _cut_short(
    doc: Document,
    toc: list[Heading],
    k: int,
    parts: dict[int, tuple[str, int, int] | None],
    where: tuple[str, int, int],
    by_title: dict[tuple[int, str], Heading],
    lines: int,
) -> bool:
    """Whether the text ends in the entry's part before it: the part is the body's last, none of its later
    entries is found, and the 目录 lists a later part the body does not have (an excerpt cut short)."""
    later = toc[k + 1 :]
    return (
        bool(where[0])
        and where[2] == lines
        and not any((e.level, _title_key(e.title)) in by_title for e in later if parts.get(e.line) == where)
        and (any(parts.get(e.line) is None for e in later) or _later_part_missing(doc, toc, where[0]))
    )


def _later_part_missing(doc: Document, toc: list[Heading], part: str) -> bool:
    """Whether the 目录 names a part after ``part`` (第四部分 名词解释, with no entries) the body lacks."""
    listed: list[str] = []
    body: set[str] = set()
    for line in doc.lines:
        m = _TOC_PART_NAME.match(normalise(line.text))
        if m and line.role == "toc":
            listed.append(m.group(1))
        elif m and line.number > toc[-1].line:
            body.add(m.group(1))
    after = listed[listed.index(part) + 1 :] if part in listed else []
    return any(name not in body for name in after)


def _ends_mid_sentence(doc: Document) -> bool:
    """Whether the text's last line is a line of prose that stops mid-sentence ("…较上年预算总收"): the
    opening of a page, cut short. A signature or a date is too short to tell, a table row ends in a cell."""
    for line in reversed(doc.lines):
        text = normalise(line.text).rstrip()
        if not text:
            continue
        if _BARE_ORDINAL.fullmatch(text):
            return True  # "(一)": the text stops inside a heading
        if line.role == "text" and (
            _CELL_LINE.search(text)
            or (
                _BARE_FIGURE.fullmatch(text)
                and line.number >= 2
                and _CELL_LINE.search(doc.lines[line.number - 2].text)
            )
        ):
            return True  # "五、教育支出 |" ⏎ "3": a web table's cells one per line, cut off mid-row
        if (
            line.role in ("text", "heading")
            and len(text) >= 6
            and text[-1].isdigit()
            and not _DATE_END.search(text)
        ):
            return True  # a figure without its unit: "1、人员类项目支出3193" (a date or a signature never ends so)
        return line.role in ("text", "heading") and len(text) >= 20 and text[-1] not in _SENTENCE_ENDS
    return False


_SENTENCE_ENDS = '。！？!?；;：:）)”"》」.…'
_CELL_LINE = lazy(r"\S\s*\|\s*$")
_BARE_ORDINAL = lazy(r"[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]")
_DATE_END = lazy(r"(?:19|20)\d\d(?:[-./]\d{1,2}){0,2}$|\d{1,2}[-./]\d{1,2}$")


def _slips(
    doc: Document,
    toc: list[Heading],
    body: list[Heading],
    plain: dict[str, None],
    parts: dict[int, tuple[str, int, int] | None],
) -> list[ContentsSlip]:
    indexes: dict[tuple[str, int, int], tuple[dict, dict, list[Heading]] | None] = {}
    slips = []
    cut_end = _ends_mid_sentence(doc)
    found = {(h.level, _title_key(h.title)) for h in body}
    for k, entry in enumerate(toc):
        where = parts.get(entry.line, ("", 0, len(doc.lines)))
        if where is None:
            continue  # its part is not in the body
        if where not in indexes:
            scoped = [h for h in body if where[1] <= h.line <= where[2]]
            if where[0] and not scoped:
                indexes[where] = None  # a part with no headings in the body: its tables are images
                continue
            by_level: dict[int, list[Heading]] = {}
            by_title: dict[tuple[int, str], Heading] = {}
            for h in scoped:
                by_level.setdefault(h.level, []).append(h)
                by_title.setdefault((h.level, _title_key(h.title)), h)  # the first of that title and level
            indexes[where] = (by_level, by_title, scoped)
        index = indexes[where]
        if index is None:
            continue
        by_level, by_title, _ = index
        same_level = by_level.get(entry.level, [])
        match = by_title.get((entry.level, _title_key(entry.title)))
        entry_text = entry.ordinal + entry.title
        if match is None and _written_plainly(entry, plain):
            continue
        if match is None and _is_group(toc, k, plain):
            continue  # "五、部门预算表" over entries 1.–9. that the body has
        if match is None:
            numbered = next((h for h in same_level if h.number == entry.number), None)
            if numbered is not None and _foreign_run(numbered, body, toc):
                numbered = None  # "科技创新专项经费情况说明" then its own 一、…七、: not the 目录's 七、
            if numbered is not None and _reworded(entry.title, numbered.title):
                continue  # 其他重要事项说明 / 其他重要事项的情况说明: the same heading, worded loosely
            if numbered is not None and entry.level == 1:
                slips.append(
                    ContentsSlip(
                        entry.line, "retitled", entry_text, numbered.ordinal + numbered.title, numbered.line
                    )
                )
            elif not _cut_short(doc, toc, k, parts, where, by_title, len(doc.lines)) and not (
                cut_end and not any((e.level, _title_key(e.title)) in found for e in toc[k + 1 :])
            ):
                # (nor when the text stops mid-sentence before this entry and every later one: an excerpt)
                slips.append(ContentsSlip(entry.line, "missing", entry_text, "", None))
        elif match.number != entry.number and not _foreign_run(match, body, toc):
            slips.append(
                ContentsSlip(entry.line, "renumbered", entry_text, match.ordinal + match.title, match.line)
            )
    return slips
