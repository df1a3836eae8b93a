"""Plain-text reports (.txt/.md): encodings, physical lines, and tables: flattened (a TAB-led line per
cell), markdown or pipe rows (one row per line), and columns aligned by spaces."""

from __future__ import annotations

import codecs
from dataclasses import replace
from itertools import combinations, pairwise

import regex

from auditor.loaders.limits import MAX_LINE_CHARS
from auditor.messages import InputError
from auditor.model.document import Block, Line, Source, TableBlock, TextBlock
from auditor.text.chars import normalise, simplified
from auditor.text.labels import (
    FUNDS_FIGURES_HEADER,
    GROUP_LABEL,
    JOINED_NAME,
    LEVEL_HEADER,
    MAX_POINTS_HEADER,
    SCORE_HEADER,
)
from auditor.text.rx import lazy


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern) or GB18030/GBK.

    GB18030 is a superset of GB2312 and GBK and decodes strictly, so trying UTF-8 and then
    GB18030 identifies Chinese text without the guesswork of a statistical detector, which
    misreads short Chinese texts as Western code pages.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without BOM: ASCII characters leave a NUL in every other byte.
        even_nuls, odd_nuls = head[0::2].count(0), head[1::2].count(0)
        if odd_nuls > even_nuls * 4:
            return _strict(data, "utf-16-le", name)
        if even_nuls > odd_nuls * 4:
            return _strict(data, "utf-16-be", name)
        raise InputError(name, "binary")
    if b"\x00" in data:
        raise InputError(name, "binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(name, "undecodable") from None
    if not _looks_like_text(text):
        raise InputError(name, "binary")
    return text


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(name, "undecodable") from None


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return True
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n\f")
    return control / len(sample) < 0.01


def load_text(data: bytes, name: str) -> Source:
    text = decode_text(data, name).lstrip("\ufeff")
    if not text.strip():
        raise InputError(name, "empty")
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    longest = max(range(len(physical)), key=lambda i: len(physical[i]), default=0)
    if physical and len(physical[longest]) > MAX_LINE_CHARS:
        raise InputError(
            name, "line_too_long", line=longest + 1, chars=len(physical[longest]), limit=MAX_LINE_CHARS
        )
    pages = [i for i, t in enumerate(physical) if "\f" in t]  # pdftotext starts each page with a form feed
    if pages:
        physical = [t.replace("\f", "") for t in physical]
    lines = [Line(number=i + 1, text=t.rstrip("\n")) for i, t in enumerate(physical)]
    for line in lines:
        if not line.text.strip():
            line.role = "blank"
    for i in _page_repeats(physical, pages):
        lines[i].role = "repeat"
    return Source(name, "txt", lines, split_flattened_tables(lines))


def _page_repeats(physical: list[str], pages: list[int]) -> list[int]:
    """The leading lines of a page that the previous page already holds: WPS prints the end of a page again
    above the next page's visible area, hidden, and text extracted from the PDF keeps both (the PDF loader
    drops the same lines)."""
    out: list[int] = []
    for n, start in enumerate(pages):
        first = pages[n - 1] if n else 0
        previous = "".join("".join(t.split()) for t in physical[first:start])
        end = pages[n + 1] if n + 1 < len(pages) else len(physical)
        k, held, chars = start, [], 0
        while k < end and (not physical[k].strip() or "".join(physical[k].split()) in previous):
            if physical[k].strip():
                held.append(k)
                chars += len(physical[k].strip())
            k += 1
        if chars >= 20:
            out += held
    return out


# A table written one row per line: cells between pipes (markdown, "收入 | 支出"), or columns aligned by
# runs of spaces as text copied from a PDF or a web page has them.
_RULE_ROW = lazy(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # |---|:--:|
_GAP = lazy(r"(?:[ \u3000]{2,}|\t)+")
_FIGURE = lazy(r"^[-−]?\d[\d,，]*(?:\.\d+)?\s*(?:%|万元|亿元|元|人|个|项|分)?$")


def _pipe_cells(text: str) -> list[tuple[int, str]] | None:
    """(offset, text) of each cell of a pipe row, or None for a line that is not one. A row of two cells
    may have no outer bars ("一、地方收入 | 5400"); a cell then stands on each side of its one bar."""
    bars = text.count("|")
    if bars == 1:
        left, _, right = text.partition("|")
        if not left.strip() or not right.strip():
            return None  # "预算数 |": a cell of a stream, one per line
    elif bars < 2:
        return None
    cells, start = [], 0
    for m in regex.finditer(r"\|", text):
        cells.append((start, text[start : m.start()]))
        start = m.end()
    cells.append((start, text[start:]))
    if text.strip().startswith("|"):
        cells = cells[1:]
    if text.strip().endswith("|"):
        cells = cells[:-1]
    out = []
    for offset, cell in cells:
        lead = len(cell) - len(cell.lstrip())
        out.append((offset + lead, cell.strip()))
    framed = text.strip().startswith("|") and text.strip().endswith("|")
    return out if len(out) >= 2 or (framed and out) else None  # "| 一、部门管理（20分） |": a one-cell row


def _tab_cells(text: str) -> list[tuple[int, str]] | None:
    """(offset, text) of each cell of a row whose cells are separated by TABs, as a table copied out of Word
    or a spreadsheet is; an empty cell (a merged one) stays, so that the columns stay in place. None for a
    line that is not one: a TAB-led line without another TAB is a cell of the flattened layout."""
    if "\t" not in text.lstrip("\t") and not (text.startswith("\t") and text.count("\t") >= 2):
        return None
    if not text.strip():
        return None
    out, start = [], 0
    for part in text.split("\t"):
        lead = len(part) - len(part.lstrip())
        out.append((start + lead, part.strip()))
        start += len(part) + 1
    while out and not out[-1][1]:
        out.pop()  # trailing TABs
    return out if len(out) >= 2 else None


def _aligned_cells(text: str) -> list[tuple[int, str]] | None:
    """(offset, text) of the columns of a space-aligned row: two or more spaces between columns."""
    stripped = text.strip()
    if not stripped or not _GAP.search(stripped):
        return None
    out, start = [], len(text) - len(text.lstrip())
    for m in _GAP.finditer(text, start):
        if m.start() > start:
            out.append((start, text[start : m.start()]))
        start = m.end()
    if start < len(text.rstrip()):
        out.append((start, text[start : len(text.rstrip())]))
    return out if len(out) >= 3 else None


_PROSE_END = lazy(r"[。！？；;]")
_INTRO_END = lazy(r"(?:表|如下|[：:])\s*$")


def _fused_prose(text: str) -> int:
    """Where a table's first row starts in a line that opens with prose, 0 when it does not: a web copy
    runs a paragraph, its "具体情况如下：" and the table's title into the header's first cell. The prose is
    a sentence or more (one that ends in 。) before the first "|" of a line that is no framed row."""
    bar = text.find("|")
    if bar < 30 or text.lstrip().startswith("|") or text.count("|") < 3:
        return 0
    head = text[:bar]
    ends = [m.end() for m in _PROSE_END.finditer(head)]
    if not ends:
        return 0
    if _INTRO_END.search(head):
        return bar  # the title (…执行情况表) or "如下：" closes the first cell: all of it is prose
    return ends[-1]


def _one_line_tables(
    lines: list[Line], i: int
) -> tuple[list[list[tuple[int, str]]], list[list[int]], int] | None:
    """The table that starts at line ``i`` when it is written one row per line, with the line after it.

    Pipe rows: two or more in a row. Space-aligned rows: three or more with the same number of columns
    (three or more) and figures in some of them, so that a letter-spaced title or a signature line with
    wide gaps is never a table. A repeated header row (a table cut by a page break) is kept out.
    """
    for split, least in ((_tab_cells, 2), (_pipe_cells, 2), (_aligned_cells, 3)):
        rows: list[list[tuple[int, str]]] = []
        offsets: list[list[int]] = []
        k = i
        while k < len(lines):
            text = lines[k].text
            if split is _pipe_cells and rows and (_RULE_ROW.match(text) or text.strip() == "|"):
                k += 1  # "|---|" under the header; "|" alone, a row of merged cells of a web table
                continue
            cells = split(text) if split is _tab_cells or not text.startswith("\t") else None
            if cells is None or (split is _aligned_cells and rows and len(cells) != len(rows[0])):
                break
            row = [(lines[k].number, cell) for _, cell in cells]
            if rows and [t for _, t in row] == [t for _, t in rows[0]]:
                k += 1  # the header again, after a page break
                continue
            rows.append(row)
            offsets.append([offset for offset, _ in cells])
            k += 1
        if len(rows) < least:
            continue
        if split is _pipe_cells and (fragments := _fragment_rows(lines, i, k)) is not None:
            return (*fragments, k)
        if split is _pipe_cells:
            _realign_dropped_cells(rows, offsets)
        figures = sum(1 for row in rows for _, t in row if _FIGURE.match(t))
        if split is _aligned_cells and figures < len(rows):
            continue
        return rows, offsets, k
    return None


_MOST_EMPTY_CELLS = 4
_FRAGMENT_LEAST_ROWS = 3
_CAPTION_CELL = lazy(r"表$|单位\s*[：:]")
_NOTHING_CELL = lazy(r"[-—－/／]*")


def _fragment_rows(
    lines: list[Line], i: int, k: int
) -> tuple[list[list[tuple[int, str]]], list[list[int]]] | None:
    """A web table whose every empty cell became a line break ("| 资源税 | 700 |" ⏎ "| 13 |" ⏎ "| 13 | 26 | 3.71 |"):
    lines i..k-1 read as one stream of cells, a line end standing for one empty cell, cut into rows of the
    one width at which every row starts with its name and holds only figures after it. The header before the
    first row may name its columns in two levels ("累计完成数 | 累计完成数 | … | 中央级 | 省级 | …"). None
    unless the lines are such fragments."""
    if (
        k - i < 2 * _FRAGMENT_LEAST_ROWS
        or sum(lines[j].text.lstrip().startswith("|") for j in range(i, k)) * 3 < (k - i) * 2
    ):
        return None
    stream: list[tuple[int, int, str]] = []  # (line, offset, text)
    for j in range(i, k):
        cells = _pipe_cells(lines[j].text) or []
        stream += [(lines[j].number, offset, text) for offset, text in cells]
        stream.append((lines[j].number, 0, ""))  # the line break: one empty cell
    texts = [t for _, _, t in stream]

    def label(t: str) -> bool:
        return bool(t) and not _FIGURE.match(t) and not _NOTHING_CELL.fullmatch(t)

    first = next((c for c in range(len(texts) - 1) if label(texts[c]) and _FIGURE.match(texts[c + 1])), None)
    if first is None:
        return None
    for width in range(3, 25):
        starts = range(first, len(texts), width)
        rows = len(starts) - (1 if (len(texts) - first) % width else 0)
        if rows < _FRAGMENT_LEAST_ROWS:
            break
        # (a last row cut short by the end of the text may start after the full ones: "| 车船税 | 3110 |")
        if all(
            label(texts[c]) == ((c - first) % width == 0) for c in range(first, first + rows * width)
        ) and not any(label(t) for t in texts[first + rows * width + 1 :]):
            break
    else:
        return None
    if rows < _FRAGMENT_LEAST_ROWS:
        return None
    head = [(line, off, t) for line, off, t in stream[:first] if t]
    caption = [cell for cell in head[:1] if _CAPTION_CELL.search(cell[2])]
    head = head[len(caption) :]
    columns = _two_level_header([t for _, _, t in head], width)
    if columns is None:
        return None
    at = head[0][0] if head else stream[first][0]
    out_rows: list[list[tuple[int, str]]] = [[(line, t) for line, _, t in caption]] if caption else []
    out_offsets: list[list[int]] = [[off for _, off, _ in caption]] if caption else []
    out_rows.append([(at, t) for t in columns])
    out_offsets.append([0] * width)
    for r in range(rows + 1):
        cells = stream[first + r * width : first + (r + 1) * width]
        if r == rows and not any(t for _, _, t in cells):
            break
        cells += [(cells[-1][0], 0, "")] * (width - len(cells))
        out_rows.append([(line, t) for line, _, t in cells])
        out_offsets.append([off for _, off, _ in cells])
    return out_rows, out_offsets


_TOP_ROW_NAME = lazy(r"备注|说明|科目|项目|名称|[%％]|同比|上年|增减|计划|预算|决算|完成|执行|合计数")


def _two_level_header(names: list[str], width: int) -> list[str] | None:
    """Column names for ``width`` columns: the names themselves, or a header of two rows written as one
    ("预算科目 · 本年收入计划 · 累计完成数 · 累计完成数 · 占计划% · … · 中央级 · 省级 · 市级 · 县乡级 · 合计"), where a
    name repeated side by side spans the sub-columns named at the end."""
    names = ["".join(name.split()) for name in names]  # "合 计", "预 算 科 目": letter-spaced names
    if len(names) == width:
        return names
    # the longest run of sub-column names at the end: a name of the top row (备注, 上年同期数, 占计划%…) ends it
    ends = next((n for n in range(1, len(names)) if _TOP_ROW_NAME.search(names[-n])), len(names))
    for subs in range(ends - 1, 1, -1):
        top, sub = names[: len(names) - subs], names[len(names) - subs :]
        for at in range(len(top) - 1):
            run = 1
            while at + run < len(top) and top[at + run] == top[at]:
                run += 1
            if run >= 2 and len(top) - run + subs == width:
                return [*top[:at], *(f"{top[at]} {name}" for name in sub), *top[at + run :]]
    return None


def spanned_header(names: list[str], width: int) -> list[list[str]] | None:
    """The two header rows of ``width`` columns whose names were copied one after the other, the top row's
    first: "“三公”经费合计 · 因公出国（境）费 · 公务用车购置及运行费 · 公务接待费 · 小计 · 公务用车购置费 · 公务
    用车运行费". One top name, joining two things (购置及运行), spans the sub-columns named last, its own 小计
    first and one for each of the things; the others stand over one column each. A name wrapped over two
    cells ("公务 · 接待费") is joined when that is the only reading. None unless exactly one reading fits."""
    names = ["".join(n.split()) for n in names if n.strip()]
    candidates = [names] if len(names) == width + 1 else []
    if len(names) == width + 2:
        candidates = [
            [*names[:j], names[j] + names[j + 1], *names[j + 2 :]]
            for j in range(len(names) - 1)
            if len(names[j]) <= 3 and not _GROUP_TOTAL.fullmatch(names[j])
        ]
    found = []
    for ns in candidates:
        for t in range(2, len(ns) - 2):
            top, sub = ns[:t], ns[t:]
            if not _GROUP_TOTAL.fullmatch(sub[0]) or any(_GROUP_TOTAL.fullmatch(n) for n in sub[1:]):
                continue
            for g, name in enumerate(top):
                m = JOINED_NAME.search(name)
                if m is None or any(JOINED_NAME.search(n) for n in sub):
                    continue
                if not all(any(w in n for n in sub[1:]) for w in (m.group("a"), m.group("b"))):
                    continue
                after = len(top) - g - 1
                found.append(
                    [
                        [*top[:g], name, *[""] * (len(sub) - 1), *top[g + 1 :]],
                        [*[""] * g, *sub, *[""] * after],
                    ]
                )
    return found[0] if len(found) == 1 else None


def _spanned_rows(
    names: list[tuple[int, str]], values: list[tuple[int, str]]
) -> list[list[tuple[int, str]]] | None:
    """A header of two rows copied as one run of names (see spanned_header), then one row of figures."""
    header = spanned_header([t for _, t in names], len(values))
    if header is None:
        return None
    lines = [line for line, t in names if t.strip()]
    top, sub = header
    return [
        [(lines[0], t) for t in top],
        [(lines[-1], t) for t in sub],
        list(values),
    ]


_LINE_NUMBER_HEADER = lazy(r"行次|行号")
_NAMES_HEADER = lazy(r"(?:收入|支出)?(?:项目|科目)(?:名称)?|名称")
_LINE_NUMBER = lazy(r"\d{1,3}")
_NUMBER_CELL = lazy(r"[-−]?\d[\d,]*(?:\.\d+)?%?|[/—－\-–]+")


def _realign_dropped_cells(rows: list[list[tuple[int, str]]], offsets: list[list[int]]) -> None:
    """Put back in their columns the cells of rows whose copy dropped the empty ones (a web table turned
    into pipe rows: "二、上级补助收入 | 2 | 二、外交支出 | 29 | ||" for "二、上级补助收入 | 2 | | 二、外交支出 | 29 |").

    Only a table with 行次 columns is mended: the line numbers run on from row to row, which places each
    row's cells (a name, its line number, its amount) without guessing. A row whose cells fit its columns
    in more than one way as well is left as it is.
    """
    head = next(
        (
            r
            for r in range(min(3, len(rows)))
            if any(_LINE_NUMBER_HEADER.fullmatch(t.replace(" ", "")) for _, t in rows[r])
        ),
        None,
    )
    if head is None:
        return
    names = [simplified(normalise(t)).replace(" ", "") for _, t in rows[head]]
    kinds = [
        "line" if _LINE_NUMBER_HEADER.fullmatch(n) else "name" if _NAMES_HEADER.fullmatch(n) else "value"
        for n in names
    ]
    width = len(kinds)
    for r in range(head):  # "收入 | 支出 | | | |": each name over its half of "项目 | 行次 | 金额 | 项目 | …"
        filled = [(c, t) for c, (_, t) in enumerate(rows[r]) if t]
        groups = len(filled)
        if 1 < groups < width and width % groups == 0 and [c for c, _ in filled] == list(range(groups)):
            span = width // groups
            if all(names[g * span : (g + 1) * span] == names[:span] for g in range(groups)):
                _move(rows, offsets, r, width, {g * span: filled[g] for g in range(groups)})
    expected: dict[int, int] = {}  # the next line number of each 行次 column
    for r in range(head + 1, len(rows)):
        row = rows[r]
        filled = [(c, t) for c, (_, t) in enumerate(row) if t]
        if len(filled) > width or not filled:
            continue
        numbering = "栏次" in simplified(normalise(row[0][1])).replace(" ", "")  # "栏次 | | 1 | 栏次 | | 2"

        fits = [
            (p, cols)
            for cols in combinations(range(width), len(filled))
            if (p := _fit(cols, filled, kinds, expected, numbering)) is not None
        ]
        if not fits:
            continue
        best = max(p for p, _ in fits)
        chosen = [cols for p, cols in fits if p == best]
        if len(chosen) != 1:
            continue
        (columns,) = chosen
        for c, (_, text) in zip(columns, filled, strict=True):
            if kinds[c] == "line":
                expected[c] = int(text) + 1
        if list(columns) != [c for c, _ in filled]:
            _move(rows, offsets, r, width, dict(zip(columns, filled, strict=True)))


def _fit(
    columns: tuple[int, ...],
    filled: list[tuple[int, str]],
    kinds: list[str],
    expected: dict[int, int],
    numbering: bool,
) -> int | None:
    """How well a row's filled cells fit ``columns`` (more 行次 cells where the numbers run on is better),
    None when one of them cannot stand there (a name in a column of figures, a line number out of turn)."""
    points = 0
    for c, (_, text) in zip(columns, filled, strict=True):
        number = _NUMBER_CELL.fullmatch(text) is not None
        if kinds[c] == "line":
            if numbering or not _LINE_NUMBER.fullmatch(text):
                return None
            if c in expected and int(text) != expected[c]:
                return None
            points += 2 if c in expected else 1
        elif (kinds[c] == "name") == number:
            return None
    return points


def _move(
    rows: list[list[tuple[int, str]]],
    offsets: list[list[int]],
    r: int,
    width: int,
    placed: dict[int, tuple[int, str]],
) -> None:
    """Row ``r`` rebuilt with each cell (its old column, its text) in its new column, the others empty."""
    line = rows[r][0][0]
    at = offsets[r]
    rows[r] = [(line, placed[c][1] if c in placed else "") for c in range(width)]
    ends: list[int | None] = [
        at[placed[c][0]] if c in placed and placed[c][0] < len(at) else None for c in range(width)
    ]
    last = max(at, default=0)
    for c in range(width - 1, -1, -1):  # an empty cell stands where the next one starts
        if ends[c] is None:
            ends[c] = ends[c + 1] if c + 1 < width else last
    offsets[r] = [e if e is not None else last for e in ends]


# A table whose cells a copy separated by single spaces: "3. 医疗收入 51420916.22 61360289.59 9939373.37 19.33%".
# The row is a label (with a character, not ending in a figure) and two or more figures; the header above
# names as many columns, perhaps over two lines ("2016年度 2017年度 2017比2016增减" / "增减值 增减%").
_SPACED_FIGURE = r"[-−]?\d[\d,]*(?:\.\d+)?%?"
_SPACED_ROW = lazy(
    rf"^\s*(?P<label>\S(?:.*?\p{{Han}}.*?)?[^\d\s.,%])\s+(?P<figures>{_SPACED_FIGURE}(?:\s{_SPACED_FIGURE})+)\s*$"
)
_SPACED_ONE = lazy(rf"^\s*(?P<label>\S(?:.*?\p{{Han}}.*?)?[^\d\s.,%])\s+(?P<figures>{_SPACED_FIGURE})\s*$")
_SPACED_FIGURES_ONLY = lazy(rf"^\s*(?P<figures>{_SPACED_FIGURE}(?:\s{_SPACED_FIGURE})+)\s*$")
_SPACED_LABEL_ONLY = lazy(r"^\s*\S*\p{Han}[^\d]*$")
_LEAST_SPACED = 3


def _spaced_rows(
    lines: list[Line], i: int
) -> tuple[list[list[tuple[int, str]]], list[list[int]], int] | None:
    """The table of single-space separated rows under their header, starting at line ``i`` (the header)."""
    header = lines[i].text.split()
    if len(header) < 3 or not _HAN.search(header[0]) or not all(_HEADER_TOKEN.match(t) for t in header[1:]):
        return None
    k = i + 1
    header_rows = [(lines[i].number, header)]
    if k < len(lines) and not _SPACED_ROW.match(lines[k].text) and _SUB_HEADER.match(lines[k].text):
        header_rows.append((lines[k].number, lines[k].text.split()))
        k += 1
    data: list[tuple[int, str, list[tuple[int, int, str]]]] = []  # line, label, figures (line, column, text)
    while k < len(lines):
        text = lines[k].text
        m = _SPACED_ROW.match(text) or (_SPACED_ONE.match(text) if data else None)  # "2. 科教项目收入 0"
        if m is None and _SPACED_LABEL_ONLY.match(text) and k + 1 < len(lines):
            # "三、出院者平均医药费用" / "5591.34 5641.93 50.59 0.90%": a row cut in two
            joined = _SPACED_FIGURES_ONLY.match(lines[k + 1].text)
            if joined is not None:
                figures = _figures_at(lines[k + 1].text, joined, lines[k + 1].number)
                data.append((lines[k].number, text.strip(), figures))
                k += 2
                continue
        if m is None:
            break
        label = m.group("label").strip()
        inner = list(_INNER_ORDINAL.finditer(label))
        if inner:  # "一、收入支出情况对比 (一) 收入总计": a group's name merged into its first row
            label = label[inner[-1].start() + 1 :]
        data.append((lines[k].number, label, _figures_at(text, m, lines[k].number)))
        k += 1
    if len(data) < _LEAST_SPACED:
        return None
    width = max(len(f) for _, _, f in data)
    names = header_rows[0][1]
    if len(header_rows) == 2 and len(names) - 1 + len(header_rows[1][1]) - 1 == width:
        names = names[:-1] + [names[-1] + t for t in header_rows[1][1]]  # the last column split in two
    if len(names) != width + 1 or any(len(f) not in (1, width) for _, _, f in data):
        return None
    rows: list[list[tuple[int, str]]] = [[(header_rows[0][0], t) for t in names]]
    offsets: list[list[int]] = [[0] * len(names)]
    for line, label, figures in data:
        cells = [(line, label)] + [(fl, t) for fl, _, t in figures] + [(line, "")] * (width - len(figures))
        rows.append(cells)
        offsets.append(
            [len(lines[line - 1].text) - len(lines[line - 1].text.lstrip())]
            + [c for _, c, _ in figures]
            + [0] * (width - len(figures))
        )
    return rows, offsets, k


_HEADER_TOKEN = lazy(r"^(?:(?:19|20)\d\d年度?|.*\p{Han}.*)$")
_HAN = lazy(r"\p{Han}")
_TOP_ORDINAL = lazy(r"^[一二三四五六七八九十]+[、.．]")
_TOKEN = lazy(r"\S+")
_INNER_ORDINAL = lazy(
    r"\s(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d))"
)
_SUB_HEADER = lazy(r"^\s*(?:\p{Han}[^\s\d]*[%％]?\s+)+\p{Han}[^\s\d]*[%％]?\s*$")


def _figures_at(text: str, m: regex.Match, line: int) -> list[tuple[int, int, str]]:
    """(line, column, text) of each figure of a spaced row."""
    out, start = [], m.start("figures")
    for token in _TOKEN.finditer(text[start : m.end("figures")]):
        out.append((line, start + token.start(), token.group()))
    return out


# A web table copied as text one cell per line, each cell followed by " |" (an empty cell is a lone "|"):
# the rows' ends are lost and are found again from the cells (see _cell_stream_rows).
_STREAM_CELL = lazy(r"^(?P<cell>[^|]*?)\s*\|\s*$")
# (a 度量单位 cell alone, "%" or "人", stands among a row's figures: "= · 100 · % · · 60")
_VALUE_CELL = lazy(
    r"[-−]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|亿元|元|分|人次|人|户|个|项|次|家|天)?|[/—－\-–]+|"
    r"%|％|万元|元|人次|人|户|个|项|次|家|天|辆|件|台|套|所|座|篇|份|批|期|场|年|月|小时|公里|平方米|亩|吨|"
)
_HEADER_CELL = lazy(
    r"(?:[一二三四]级指标|(?:年初|全年|调整后|年度)?预算(?:数|执行数|执行率)?(?:[（(]万?元[）)])?|全年执行数|"
    r"(?:预算)?执行(?:数|率)|分值|权重|得分|原因|(?:年度)?指标值|实际完成值|完成值|指标性质|度量单位|"
    r"偏差原因分析及改进措施|未完成原因分析|项目资金(?:[（(]万?元[）)])?|"
    r"评分(?:标准|细则|要点|依据)|(?:自评|评价)?得分|扣分(?:原因|理由|情况)\p{Han}{0,6}|指标(?:说明|解释)|备注|"
    r"公式|本地区|本级|下级|"  # a government's debt table: 项目 · 公式 · 本地区 · 本级 · 下级
    + GROUP_LABEL.pattern
    + ")"
)
_LEVEL_COLUMNS = lazy(r"公式|本地区|本级|下级")
_LEAST_STREAM = 8
_UNIT_NAME = lazy(r"[（(]\s*(?:万元|元|亿元)\s*[）)]?\s*$")
_PARAGRAPH_CELL = 30  # the longest cell of a table copied one cell per paragraph
_CELL_LINES = 6  # the most lines one cell of a stream may wrap over


def _stream_cell(text: str) -> str | None:
    m = _STREAM_CELL.match(text)
    return m.group("cell").strip() if m else None


def _cell_stream_rows(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]] | None:
    """The rows of a run of one-cell lines, or None when it holds no header to give them their width.

    A header is a run of column names (年初预算数 · 全年预算数 · … · 得分, or 一级指标 · 二级指标 · …); each
    row after it is its text cells followed by its figures, up to the header's width. Text cells that do
    not fit after a row's figures are the last columns of the row before (a 原因 written beside its
    figures), and the cells before the first header are a row of their own (the project's particulars).
    """
    paired = _side_by_side_rows(cells) or _tree_rows(cells) or _spanned_stream_rows(cells)
    if paired is not None:
        return paired
    if any(_tree_header(cells, j) for j in (1, 2, 3)):
        return None  # a title before an indicator table's header: the table starts at its header
    rows: list[list[tuple[int, str]]] = []
    width = named = 0
    k, n = 0, len(cells)
    while k < n:
        texts = []
        while k < n and not _VALUE_CELL.fullmatch(cells[k][1]):
            texts.append(cells[k])
            k += 1
        values = []
        while k < n and _VALUE_CELL.fullmatch(cells[k][1]):
            values.append(cells[k])
            k += 1
        head = _header_run(texts)
        if head is None and not rows and len(texts) >= 3 and len(texts) == len(values) + 2:
            # column names no vocabulary knows, then the first row's label and its figures: as many names as
            # the row has cells ("项目 · 合计 · 因公出国（境）费 · … / 预算数 · 860 · 25 · …")
            return _plain_stream_rows(cells, len(texts) - 1)
        if head is None and not rows and len(texts) >= 5 and len(texts) == len(values) + 3:
            # the same with one name over the last columns, which name its own 合计 first ("… · 公务用车购置
            # 及运行维护费 · 合计 · 购置 · 运行"): a two-row header copied as one run of names
            return _grouped_stream_rows(cells, len(texts) - 1)
        if head is not None:
            a, b = head
            if (
                a
                and _ROWS_NAME.fullmatch(texts[a - 1][1].replace(" ", ""))
                and _LEVEL_COLUMNS.search("".join(t for _, t in texts[a:b]))
            ):
                a -= 1  # "项目 · 公式 · 本地区 · 本级 · 下级": the rows' names have a column of their own
            header = [t.replace(" ", "") for _, t in texts[a:b]]
            # "预算资金（万元） · 年初预算数 · …": the one name before the figures' names names the rows' column
            label = (
                texts[0]
                if a == 1
                and not rows
                and FUNDS_FIGURES_HEADER.fullmatch(header[0])
                and _UNIT_NAME.search(texts[0][1])
                else None
            )
            if label is None:
                _place(rows, texts[:a], width)
            else:
                a -= 1
                header = ["", *header]
            if GROUP_LABEL.fullmatch(header[0]):
                header = header[1:]  # the block's name, merged down its first column
            rows.append(texts[a:b])
            width = len(header)
            # the columns before the first one of figures hold the row's names
            named = next((c for c, h in enumerate(header) if FUNDS_FIGURES_HEADER.fullmatch(h)), width)
            if label is not None:
                named = 1
            elif named == 0 and texts[b:] and not _VALUE_CELL.fullmatch(texts[b][1]):
                # "年初预算数 · 全年预算数 · … · 自评得分", then "年度资金总额 · 861.10 · …": the column of the
                # rows' names had no name in the copy (or its name went to the caption)
                rows[-1] = [(texts[a][0], ""), *rows[-1]]
                width, named = width + 1, 1
            texts = texts[b:]
        if not width:
            if values:
                return None  # figures before any header: their columns cannot be known
            rows.append(texts)
            continue
        spill = max(0, len(texts) - max(named, 1), len(texts) + len(values) - width)
        _place(rows, texts[:spill], width)
        if texts[spill:] or values:
            rows.append(texts[spill:] + values)
    return rows if width else None


def _spanned_stream_rows(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]] | None:
    """A stream of column names, then one figure for each column: a header of two rows, one row."""
    first = next((k for k, (_, t) in enumerate(cells) if t and _VALUE_CELL.fullmatch(t)), len(cells))
    names, values = cells[:first], cells[first:]
    if len(values) < 3 or not all(t and _VALUE_CELL.fullmatch(t) for _, t in values):
        return None
    return _spanned_rows(names, values)


def _tree_rows(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]] | None:
    """Rows of an indicator table whose every level has its weight beside it ("一级指标 · 分值 · 二级指标 ·
    分值 · 三级指标 · 分值 · 得分"), one cell per line: each row is the names and weights of the levels it
    opens, then the leaf's score (two figures in a row), its merged cells on the left left empty. None
    unless the stream opens with that header and every row has that shape."""
    width = _tree_header(cells, 0)
    if not width:
        return None
    levels = width // 2
    rows = [cells[:width]]
    row: list[tuple[int, str]] = []
    for cell in cells[width:]:
        figure = bool(_TREE_FIGURE.fullmatch(cell[1].strip()))
        if figure and row and _TREE_FIGURE.fullmatch(row[-1][1].strip()) and len(row) % 2 == 0:
            # the leaf's weight then its score: the row is complete
            pairs = len(row) // 2
            if pairs > levels:
                return None
            filler = [(cell[0], "")] * (2 * (levels - pairs))
            rows.append(filler + row + [cell])
            row = []
        elif figure != (len(row) % 2 == 1):
            return None  # a name where a weight belongs, or the other way round
        else:
            row.append(cell)
    # a row the text stops inside (an excerpt cut short) is left out: which level it opens cannot be told,
    # and the score checks take the groups still open at the document's end as cut off
    return rows if len(rows) >= 3 else None


def _tree_header(cells: list[tuple[int, str]], at: int) -> int:
    """The width of the "一级指标 · 分值 · … · 得分" header starting at cell ``at``, 0 when there is none."""
    k = at
    while (
        k + 1 < len(cells)
        and LEVEL_HEADER.fullmatch(cells[k][1].replace(" ", ""))
        and MAX_POINTS_HEADER.fullmatch(cells[k + 1][1].replace(" ", ""))
    ):
        k += 2
    if (k - at) // 2 < 2 or k >= len(cells) or not SCORE_HEADER.fullmatch(cells[k][1].replace(" ", "")):
        return 0
    return k - at + 1


_TREE_FIGURE = lazy(r"\d+(?:\.\d+)?(?:分)?")


def _side_by_side_rows(cells: list[tuple[int, str]]) -> list[list[tuple[int, str]]] | None:
    """Rows of two tables printed side by side, one cell per line: "收入 · 执行数 · 支出 · 执行数", then
    name · figure · name · figure for each row (a half left empty where one side has fewer rows). None
    unless every row after the header has that shape."""
    texts = [t.replace(" ", "") for _, t in cells]
    for half in (2, 3):
        width = 2 * half
        head = texts[:width]
        if len(cells) < 3 * width or head[1:half] != head[half + 1 : width] or head[0] == head[1]:
            continue
        if any(not t or _VALUE_CELL.fullmatch(t) for t in head) or len(cells) % width not in (0, half):
            continue
        # the last row may stop after its left half: the right-hand table had fewer rows
        padded = cells + [(cells[-1][0], "")] * (-len(cells) % width)
        rows = [padded[k : k + width] for k in range(0, len(padded), width)]
        body = rows[1:]
        named = [r for r in body if r[half][1].strip()]
        if (
            all(_fits_halves(r, half) for r in body)
            and len(named) >= 2
            and any(r[1][1].strip() for r in body)
        ):
            return rows
    return None


def _fits_halves(row: list[tuple[int, str]], half: int) -> bool:
    """A name (or nothing) at the start of each half, figures after it; or a half left empty."""
    return all(
        not any(t for _, t in row[h : h + half])
        or all(
            (not t or not _VALUE_CELL.fullmatch(t)) if c == h else bool(_VALUE_CELL.fullmatch(t))
            for c, (_, t) in enumerate(row[h : h + half], start=h)
        )
        for h in range(0, len(row), half)
    )


def _plain_stream_rows(cells: list[tuple[int, str]], width: int) -> list[list[tuple[int, str]]] | None:
    """Rows of ``width`` cells after a header of as many: each a label and its figures, every row alike;
    None as soon as one is not (the stream's rows cannot be told apart then)."""
    rows = [cells[:width]]
    for k in range(width, len(cells), width):
        row = cells[k : k + width]
        if (
            len(row) < width
            or _VALUE_CELL.fullmatch(row[0][1])
            or not all(_VALUE_CELL.fullmatch(t) for _, t in row[1:])
        ):
            return None
        rows.append(row)
    return rows


def _grouped_stream_rows(cells: list[tuple[int, str]], names: int) -> list[list[tuple[int, str]]] | None:
    """Rows after ``names`` column names of which one names the columns after it, the first of them its
    合计 or 小计: the header one cell shorter, each of those columns named by the group and its own name."""
    head = cells[:names]
    group = next(
        (g for g in range(1, names - 2) if _GROUP_TOTAL.fullmatch(head[g + 1][1].replace(" ", ""))), None
    )
    if group is None:
        return None
    label = head[group][1].strip()
    header = [*head[:group], *((line, f"{label} {text.strip()}") for line, text in head[group + 1 :])]
    rows = _plain_stream_rows(header + cells[names:], names - 1)
    return rows


_GROUP_TOTAL = lazy(r"合计|小计")


def _header_run(texts: list[tuple[int, str]]) -> tuple[int, int] | None:
    """Where the longest run of four or more column names in ``texts`` starts and ends."""
    best, start = None, None
    for i, (_, t) in enumerate([*texts, (0, "")]):
        name = t.replace(" ", "")
        # a block's name ("预算执行情况（10分）") opens a header, merged down its first column; after the
        # column names, "投入（15分）" is the first row's 一级指标
        if (
            i < len(texts)
            and _HEADER_CELL.fullmatch(name)
            and (start is None or not GROUP_LABEL.fullmatch(name))
        ):
            start = i if start is None else start
            continue
        if start is not None and i - start >= 4 and (best is None or i - start > best[1] - best[0]):
            best = (start, i)
        start = None
    return best


def _place(rows: list[list[tuple[int, str]]], cells: list[tuple[int, str]], width: int) -> None:
    """Text cells before a row: the end of the row above while it has room, else a row of their own."""
    if not cells:
        return
    if rows and len(rows[-1]) + len(cells) <= width:
        rows[-1].extend(cells)
    else:
        rows.append(list(cells))


def split_flattened_tables(lines: list[Line]) -> list[Block]:
    """Blocks of a plain-text report: TAB-led lines grouped into table rows, the rest as text.

    In the flattened layout each cell is a line starting with a TAB, a blank line ends a row,
    and two blank lines (or a line of prose) end the table. A lone TAB line is a merged cell.
    """
    blocks: list[Block] = []
    i, n = 0, len(lines)

    def is_cell(k: int) -> bool:  # a TAB-led line; one with more TABs is a row of TAB-separated cells
        return k < n and lines[k].text.startswith("\t") and "\t" not in lines[k].text[1:].rstrip("\t")

    def is_blank(k: int) -> bool:
        return k < n and (not lines[k].text.strip() or lines[k].role == "repeat")

    def continues_cell(k: int) -> bool:
        # Word wraps inside a cell come out as a short line without the leading TAB.
        return k < n and not is_blank(k) and not is_cell(k) and len(lines[k].text) <= 20 and is_cell(k + 1)

    while i < n:
        if (
            not is_cell(i)
            and (stream := _cell_stream(lines, i) or _name_figure_lines(lines, i) or _spanned_lines(lines, i))
            is not None
        ):
            rows, i = stream
            blocks.append(TableBlock(rows))
            continue
        if not is_cell(i):
            text = lines[i].text
            cut = _fused_prose(text)
            if cut:  # "…下降92.21%。具体情况如下：…执行情况表 | 预算科目 | 本年收入计划 | …": prose, then the table
                view = [*lines[:i], replace(lines[i], text=" " * cut + text[cut:]), *lines[i + 1 :]]
                found = _one_line_tables(view, i)
                if found is not None:
                    blocks.append(TextBlock(lines[i].number, text[:cut]))
                    rows, offsets, i = found
                    blocks.append(TableBlock(rows, offsets))
                    continue
            found = _one_line_tables(lines, i) if ("|" in text or "  " in text or "\t" in text) else None
            if found is None and " " in text:
                found = _spaced_rows(lines, i)
            if found is not None:
                rows, offsets, i = found
                blocks.append(TableBlock(rows, offsets))
                continue
            blocks.append(TextBlock(lines[i].number, "" if lines[i].role == "repeat" else lines[i].text))
            i += 1
            continue
        rows: list[list[tuple[int, str]]] = []
        while is_cell(i):
            row: list[tuple[int, str]] = []
            while is_cell(i):
                row.append((lines[i].number, lines[i].text.strip()))
                i += 1
                while continues_cell(i) or (is_blank(i) and continues_cell(i + 1)):
                    i += 1 if continues_cell(i) else 2
                    line, text = row[-1]
                    row[-1] = (line, text + lines[i - 1].text.strip())
            rows.append(row)
            # one blank line between rows; two blank lines or prose end the table
            if is_blank(i) and is_cell(i + 1):
                i += 1
        cells = sum(len(r) for r in rows)
        if len(rows) >= 2 and cells >= 4:
            blocks.append(TableBlock(rows))
        else:  # a stray indented line or two: prose, not a table
            blocks.extend(TextBlock(line, text) for row in rows for line, text in row)
    return blocks


_FIGURES_NAME = lazy(r"(?:年初|全年|调整后?|本年|上年)?(?:预算|决算|执行|完成|实际)?(?:数|额|金额|数额)")
_ROWS_NAME = lazy(r"项目|科目|项目名称|科目名称|名称|指标")
_LEAST_NAMED_FIGURES = 6
_MOST_FIGURE_COLUMNS = 6
_ZERO = lazy(r"0+(?:\.0+)?")


def _name_figure_lines(lines: list[Line], i: int) -> tuple[list[list[tuple[int, str]]], int] | None:
    """A table of names and figures copied one cell per line, without separators: "（项目 ⏎）预算数 (⏎ 决算数)",
    then each row's name on a line and its figures on the next ones ("一般公共预算总收入 ⏎ 98,719"); a name
    whose figures were left empty is followed by the next name. With two columns of figures or more, a row
    giving fewer figures than columns is placed only when they are all zero (where they stand changes no
    sum); any other such row leaves the lines text. At least six figures (three full rows with several
    columns), else None."""
    n = len(lines)

    def text(k: int) -> str:
        return lines[k].text.strip() if k < n else ""

    def figure(k: int) -> bool:  # a figure, not an empty cell or a dash
        return bool(_VALUE_CELL.fullmatch(text(k))) and text(k) not in ("", "-", "—")

    def name(k: int) -> bool:
        t = text(k)
        return (
            bool(t)
            and len(t) <= 40
            and "|" not in t
            and "\t" not in lines[k].text
            and not _VALUE_CELL.fullmatch(t)
            and t[-1] not in "。；;：:，,"
            and bool(_HAN.search(t))
        )

    k = i
    label = None
    if _ROWS_NAME.fullmatch(text(k).replace(" ", "")) and _FIGURES_NAME.fullmatch(
        text(k + 1).replace(" ", "")
    ):
        label, k = (lines[k].number, text(k)), k + 1
    names = []
    while _FIGURES_NAME.fullmatch(text(k).replace(" ", "")) and len(names) < _MOST_FIGURE_COLUMNS:
        names.append((lines[k].number, text(k)))
        k += 1
    if not names or not (name(k) and figure(k + 1)):
        return None
    width = len(names)
    rows = [[label or (names[0][0], ""), *names]]
    full = 0
    while name(k):
        j = 0
        while j < width and figure(k + 1 + j):
            j += 1
        if j == width:
            rows.append(
                [(lines[k].number, text(k)), *((lines[k + 1 + c].number, text(k + 1 + c)) for c in range(j))]
            )
            full += 1
            k += 1 + j
        elif j and all(_ZERO.fullmatch(text(k + 1 + c)) for c in range(j)) and name(k + 1 + j):
            # "因公出国（境）费 ⏎ 0.00" under 预算数 · 决算数: zero wherever it stands
            given = [(lines[k + 1 + c].number, text(k + 1 + c)) for c in range(j)]
            rows.append(
                [(lines[k].number, text(k)), *given, *((lines[k].number, "") for _ in range(width - j))]
            )
            k += 1 + j
        elif j:
            return None  # figures short of the columns: which columns they fill cannot be told
        elif name(k + 1) and figure(k + 2):
            rows.append(
                [(lines[k].number, text(k)), *((lines[k].number, "") for _ in range(width))]
            )  # left empty
            k += 1
        else:
            break
    given = sum(1 for r in rows[1:] for _, t in r[1:] if t)
    if given < _LEAST_NAMED_FIGURES or (width > 1 and full < 3):
        return None
    tops = [m.group() for r in rows[1:] if (m := _TOP_ORDINAL.match(r[0][1]))]
    if len(tops) != len(set(tops)):
        # "一、一般公共预算 ⏎ 2,980.00 ⏎ 一、一般公共服务支出 ⏎ 2,100.00": two panels' rows taking turns
        return None
    return rows, k


_MOST_SPANNED_NAMES = 14


def _spanned_lines(lines: list[Line], i: int) -> tuple[list[list[tuple[int, str]]], int] | None:
    """A header of two rows and its one row of figures copied one cell per line, without separators: "“三公”
    经费合计 ⏎ 因公出国（境）费 ⏎ 公务用车购置及运行费 ⏎ 公务接待费 ⏎ 小计 ⏎ 公务用车购置费 ⏎ 公务用车运行费 ⏎ 328.7 ⏎
    10 ⏎ …" (see spanned_header)."""
    n = len(lines)

    def text(k: int) -> str:
        return lines[k].text.strip() if k < n else ""

    def name(k: int) -> bool:
        t = text(k)
        return (
            0 < len(t) <= 20
            and "|" not in t
            and "\t" not in lines[k].text
            and not _VALUE_CELL.fullmatch(t)
            and not _PROSE_END.search(t)
            and t[-1] not in "，,：:"
            and bool(_HAN.search(t))
        )

    def figure(k: int) -> bool:
        return bool(_VALUE_CELL.fullmatch(text(k))) and text(k)[:1].isdigit()

    k = i
    while name(k) and k - i < _MOST_SPANNED_NAMES:
        k += 1
    if k - i < 5 or not figure(k):
        return None
    j = k
    while figure(j):
        j += 1
    names = [(lines[m].number, text(m)) for m in range(i, k)]
    values = [(lines[m].number, text(m)) for m in range(k, j)]
    rows = _spanned_rows(names, values)
    return (rows, j) if rows else None


def _without_row_bars(cells: list[tuple[int, str]], bars: list[int]) -> list[tuple[int, str]]:
    """ "| ⏎ 项目 | ⏎ 预算数 | ⏎ 决算数 | ⏎ | ⏎ 合计 | ⏎ 246 | ⏎ 167.37 | ⏎ | ⏎ …": a web table whose every row opens
    with a "|" of its own line; the lone bars stand before or after the header and then after every row's
    width of cells, and are no cells. Bars anywhere else are the empty cells they look like."""
    if len(bars) < 2:
        return cells
    # the first bar opens the header's row, or closes it
    period = bars[1] - bars[0] if bars[0] == 0 else bars[0] + 1
    if (
        period < 3
        or any(b - a != period for a, b in pairwise(bars))
        or len(cells) - bars[-1] - 1 > period - 1
    ):
        return cells
    drop = set(bars)
    return [c for j, c in enumerate(cells) if j not in drop]


def _cell_stream(lines: list[Line], i: int) -> tuple[list[list[tuple[int, str]]], int] | None:
    """The table of the run of one-cell lines that starts at line ``i``, with the line after it: cells
    followed by " |" on their line, or each on a line of its own with a line of "|" after it."""
    n = len(lines)

    def bar(k: int) -> bool:
        return k < n and lines[k].text.strip() == "|"

    def plain(k: int) -> bool:
        return k < n and bool(lines[k].text.strip()) and "|" not in lines[k].text

    def blank(k: int) -> bool:
        return k < n and not lines[k].text.strip()

    def short(k: int) -> bool:
        text = lines[k].text.strip()
        return len(text) <= _PARAGRAPH_CELL and not _PROSE_END.search(text)

    k = i
    cells: list[tuple[int, str]] = []
    if plain(i) and bar(i + 1):
        while k < n:
            end = k
            while plain(end) and end - k < _CELL_LINES:
                end += 1  # a cell's text wrapped over lines ("投 入" / "(15分)"), up to its "|"
            if end > k and bar(end):
                cells.append((lines[k].number, "".join(lines[j].text.strip() for j in range(k, end))))
                k = end + 1
            elif bar(k):
                cells.append((lines[k].number, ""))  # a cell that held nothing
                k += 1
            else:
                break
    elif plain(i) and blank(i + 1) and plain(i + 2) and short(i) and short(i + 2):
        # a web table copied one cell per paragraph: each cell a short line, then a blank one (a cell that held
        # nothing is one more blank line: "2157" ⏎ ⏎ ⏎ ⏎ "地方政府债务收入", the row's right half left empty)
        while k < n and plain(k) and short(k) and (blank(k + 1) or k + 1 == n):
            cells.append((lines[k].number, lines[k].text.strip()))
            k += 2
            empty = k
            while empty < n and blank(empty) and empty - k < _MOST_EMPTY_CELLS:
                empty += 1
            if empty > k and empty < n and plain(empty) and short(empty):
                cells += [(lines[k].number, "")] * (empty - k)
                k = empty
        k = min(k, n)
    else:
        bars: list[int] = []  # where a lone "|" line stands in the cells
        while k < n:
            text = lines[k].text.strip()
            if text.count("|") == 1 and (cell := _stream_cell(text)) is not None:
                if text == "|":
                    bars.append(len(cells))
                cells.append((lines[k].number, cell))
            elif cells and text and not text.strip("|"):
                # "1.税收收入 | ⏎ 16.48 | ⏎ ||": the row's last cells held nothing, one "|" each
                cells += [(lines[k].number, "")] * len(text)
            else:
                break
            k += 1
        cells = _without_row_bars(cells, bars)
    if len(cells) < _LEAST_STREAM:
        return None
    rows = _cell_stream_rows(cells)
    return (rows, k) if rows else None
