"""From loaded blocks to the Document: headings, the 目录, tables with their units, figures, sections.

Loaders (``auditor.loaders``) turn a file into a Source (numbered lines and blocks of text and
table cells); ``build_document`` turns it into the Document that analyses and rules read.
A .txt file's flattened tables and a .docx file's real tables become the same Table object.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace

from auditor.extract.figures import extract_quantities, respective_labels
from auditor.model.document import (
    Cell,
    Document,
    Heading,
    Paragraph,
    Row,
    Section,
    Source,
    Table,
    TableBlock,
    TextBlock,
)
from auditor.text.chars import compact_spacing, display_width, laid_out, normalise, simplified
from auditor.text.labels import (
    FUNDS_FIGURES_HEADER,
    GROUP_LABEL,
    LEVEL_HEADER,
    SCORED_FUNDS_HEADER,
    is_points_header,
)
from auditor.text.ordinals import parse_heading, parse_ordinal
from auditor.text.rx import lazy, rx
from auditor.text.spans import SENTENCE_END

_UNIT_IN_TEXT = lazy(
    r"(?:单位[：:]\s*|[（(/]|（单位[：:])(?P<u>亿元|万元|千元|元|%|万人次|万人|人次|人|户|个|件|分)[）)]?\s*$"
)
_CAPTION_UNIT = lazy(r"单位[：:]\s*(?P<u>亿元|万元|千元|元|万人|人|户|个|件|分)")


_COUNT_HEADER = lazy(r"(?P<u>人次|人|户|件|个|家|次|项)数$")


def unit_of_header(text: str) -> str | None:
    """The unit a header or row label gives to its figures: 预算执行情况(万元), 参保人数/万人, 人数."""
    if not ("单位" in text or "数" in text or any(ch in text for ch in "（(/／%％")):
        return None  # most cells are figures or names: neither pattern can match
    norm = normalise(text.strip())
    if norm.endswith("%") and rx(r"\p{Han}").search(norm):
        return "%"  # "比上年增减%", "税收比重%": the column's bare figures are percentages
    m = _UNIT_IN_TEXT.search(norm) or _COUNT_HEADER.search(norm)
    return m.group("u") if m else None


def _is_figure(text: str) -> bool:
    return bool(_FIGURE_CELL.fullmatch(normalise(text).strip()))


_FIGURE_CELL = lazy(r"[-+]?\d[\d,]*(?:\.\d+)?\s*[%％]?")
_AMOUNT_HEADER = lazy(r"(?:预算|执行|决算|资金|金额|收入|支出|拨款|到位)(?:数|额)?$")


def _header_words(row: list[tuple[int, str]]) -> tuple[int, int]:
    """How many cells of a row name indicator levels (一级指标) and how many name funds columns."""
    texts = [normalise(t).replace(" ", "") for _, t in row]
    return sum(1 for t in texts if LEVEL_HEADER.match(t)), sum(
        1 for t in texts if FUNDS_FIGURES_HEADER.fullmatch(t)
    )


def _split_at_inner_headers(block: TableBlock) -> list[TableBlock]:
    """A 项目支出绩效自评表 is one table in Word: the project's particulars, its funds block (年初预算数 ·
    全年预算数 · 全年执行数 · 分值 · 执行率 · 得分) and its indicators (一级 · 二级 · 三级指标 · 分值 · 得分),
    each block under a header row of its own. Each header starts a table of its own, so that every
    block's columns are named by its own header."""
    starts = [0]
    for k, row in enumerate(block.rows[1:], start=1):
        levels, funds = _header_words(row)
        # "预算数 | 决算数 | 预算数 | …" under a merged header is the header's second row, not a new block
        if levels >= 2 or (
            funds >= 4 and any(SCORED_FUNDS_HEADER.fullmatch(normalise(t).replace(" ", "")) for _, t in row)
        ):
            starts.append(k)
    if len(starts) == 1:
        return [block]
    parts = []
    for a, b in zip(starts, [*starts[1:], len(block.rows)], strict=True):
        offsets = block.offsets[a:b] if block.offsets is not None else None
        parts.append(TableBlock(block.rows[a:b], offsets))
    return parts


_PANELLED_KINDS = frozenset({"summary", "fiscal_summary"})


def _titled_panels(lines: list, block: TableBlock) -> bool:
    """Whether one of the lines just above the table titles it as a disclosure's 收支总表, whose 收入 and
    支出 panels are read together (收入总计 = 支出总计)."""
    from auditor.extract.fiscal import table_kind

    first = block.rows[0][0][0] if block.rows and block.rows[0] else 0
    above = [lines[k - 1].text for k in range(max(1, first - 6), first)]
    return any("表" in t and table_kind(t) in _PANELLED_KINDS for t in above)


def _split_side_by_side(block: TableBlock) -> list[TableBlock]:
    """ "收入 | 执行数 | 支出 | 执行数" over "一、本级收入 | 136156 | 一、本级支出 | 596885": two tables printed
    side by side, each a column of names and its figures under the same column names. Each half is a
    table of its own, so that a row's figures are its own name's (the 收支总表 of a disclosure, whose two
    panels are read together, is left to auditor.extract.fiscal)."""
    rows = block.rows
    header = [normalise(t).replace(" ", "") for _, t in rows[0]]
    half = len(header) // 2
    if len(rows) < 3 or half < 2 or len(header) != 2 * half or header[1:half] != header[half + 1 :]:
        return [block]
    if not all(t and not _is_figure(t) for t in header) or header[0] == header[1]:
        return [block]
    body = rows[1:]

    def filled(row: list[tuple[int, str]], c: int) -> str:
        return row[c][1].strip() if c < len(row) else ""

    names = [filled(r, half) for r in body]
    named = [t for t in names if t]
    # the middle column names rows in both halves' way: text, never a figure, in most rows
    if len(named) < 2 or any(_is_figure(t) for t in named) or len(named) * 3 < len(body) * 2:
        return [block]
    if any(_is_figure(filled(r, 0)) for r in body):
        return [block]
    parts = []
    for a, b in ((0, half), (half, 2 * half)):
        part = [r[a:b] for r in rows]
        keep = [k for k, r in enumerate(part) if k == 0 or any(t.strip() for _, t in r)]
        offsets = [block.offsets[k][a:b] for k in keep] if block.offsets is not None else None
        parts.append(TableBlock([part[k] for k in keep], offsets))
    return parts


_CAPTION_ROW = lazy(r"表$|表\s*[（(]|单位\s*[：:]|^\s*附\s*[件表]")


def _split_at_captions(block: TableBlock) -> list[tuple[str, TableBlock]]:
    """A web page copied as pipe rows runs its tables together: the page's particulars (索引号 | … |
    发布机构 | …), then "附件 | | |", "…情况统计表 | | |", "单位：万元 | | |", then the table itself. Rows with
    nothing but a caption in their first cell end the table above and give the one below its caption."""

    def lone(row: list[tuple[int, str]]) -> str | None:
        texts = [t.strip() for _, t in row]
        if not texts or not texts[0] or any(texts[1:]) or _is_figure(texts[0]):
            return None
        return texts[0] if _CAPTION_ROW.search(normalise(texts[0])) else None

    rows, offsets = block.rows, block.offsets
    pieces: list[tuple[str, int, int]] = []  # (caption, first row, end)
    start, title, k = 0, "", 0
    while k < len(rows):
        if k and lone(rows[k]) is not None:
            run = k
            while (
                run < len(rows) and not [t for _, t in rows[run] if t.strip()][1:] and rows[run][0][1].strip()
            ):
                run += 1  # the caption's rows, up to the table's header
            captions = [rows[j][0][1].strip() for j in range(k, run)]
            if run < len(rows) - 1 and len([t for _, t in rows[run] if t.strip()]) >= 3:
                pieces.append((title, start, k))
                title, start, k = " ".join(captions), run, run
                continue
        k += 1
    if not pieces:
        return [("", block)]
    pieces.append((title, start, len(rows)))
    out = []
    for caption, a, b in pieces:
        if b - a >= 2:
            out.append((caption, TableBlock(rows[a:b], offsets[a:b] if offsets is not None else None)))
    return out


_VALUE_COLUMN = lazy(r"(?:年初|全年|调整后?)?(?:预算|执行|决算|完成|实际)数|分值|得分|(?:执行|完成)率|权重")


def _header_without_its_label_cell(raw_rows: list, offsets: list | None) -> tuple[list, list | None]:
    """ "年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分" over "年度资金总额 | 329.77 | 329.77 | …": the
    label column's name stood on the line above (now the caption), so the header starts one cell late."""
    if len(raw_rows) < 2 or not raw_rows[0]:
        return raw_rows, offsets
    head = [normalise(t).replace(" ", "") for _, t in raw_rows[0]]
    names = [t for t in head if t]
    if len(names) < 3 or head[: len(names)] != names or not _VALUE_COLUMN.fullmatch(names[0]):
        return raw_rows, offsets
    row = [t.strip() for _, t in raw_rows[1]]
    filled = [t for t in row[1:] if t]
    if not row or not row[0] or _is_figure(row[0]) or not filled or len(row) <= len(names):
        return raw_rows, offsets
    if not all(_is_figure(t) or t in ("—", "-", "/") for t in row[1 : len(names) + 1] if t):
        return raw_rows, offsets
    line = raw_rows[0][0][0]
    width = (
        len(raw_rows[0]) if not raw_rows[0][-1][1].strip() else len(raw_rows[0]) + 1
    )  # (its empty end cut)
    shifted = [[(line, ""), *raw_rows[0]][:width], *raw_rows[1:]]
    if offsets is not None:
        offsets = [[0, *offsets[0]][:width], *offsets[1:]]
    return shifted, offsets


def _merged_sub_header(raw_rows: list, offsets: list | None) -> tuple[list, list | None]:
    """ "项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |" over "增、减金额 | 增、减幅度 | | | |": a header cell
    merged across the columns below it, whose second row names them; a text copy drops the second row's
    empty cells on the left. One header row, each column named by the group and its own name."""
    if len(raw_rows) < 3:
        return raw_rows, offsets
    header, second = raw_rows[0], raw_rows[1]
    texts = [t.strip() for _, t in header]
    below = [t.strip() for _, t in second]
    names = [t for t in below if t]
    if not names or any(_is_figure(t) or not _HAN.search(t) for t in names):
        return raw_rows, offsets
    groups = [
        (p, width)
        for p, t in enumerate(texts)
        if t and (width := next((w for w in range(1, len(texts) - p) if texts[p + w]), len(texts) - p)) > 1
    ]
    if len(groups) != 1:
        return raw_rows, offsets
    p, width = groups[0]
    if len(names) != width:
        return raw_rows, offsets
    # only where the copy moved the names to the left: a .docx or PDF table keeps them under their group,
    # and its header rows are read as a tree (auditor.extract.fiscal)
    if p == 0 or [i for i, t in enumerate(below) if t] != list(range(width)):
        return raw_rows, offsets
    merged = list(header)
    for j, name in enumerate(names):
        line = merged[p + j][0]
        merged[p + j] = (line, f"{texts[p]} {name}")
    rows = [merged, *raw_rows[2:]]
    return rows, ([offsets[0], *offsets[2:]] if offsets is not None else None)


def _repeated_sub_headers(raw_rows: list, offsets: list | None) -> tuple[list, list | None]:
    """ "项目 | 预算数 | 决算数 | | | |" over "合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 |": each
    name of the top row merged across the columns below it, and the label cell merged down both rows. A text
    copy drops the empty cells, so both rows start at the left. One header row, each column named by its group
    and its own name, when the names below fill the value columns in as many equal runs of the same names as
    the top row has groups (nothing else places the groups)."""
    if len(raw_rows) < 3 or not raw_rows[0] or not raw_rows[1]:
        return raw_rows, offsets
    top = [t.strip() for _, t in raw_rows[0]]
    below = [t.strip() for _, t in raw_rows[1]]
    groups = [t for t in top[1:] if t]
    names = [t for t in below if t]
    k, n = len(groups), len(names)
    if not top[0] or k < 2 or top[1 : k + 1] != groups or below[:n] != names or n % k or n // k < 2:
        return raw_rows, offsets
    if any(_is_figure(t) or not _HAN.search(t) for t in (*groups, *names)):
        return raw_rows, offsets
    span = n // k
    if any(names[g * span : (g + 1) * span] != names[:span] for g in range(k)):
        return raw_rows, offsets
    body = [max((c for c, (_, t) in enumerate(row) if t.strip()), default=-1) for row in raw_rows[2:]]
    if max(body) != n:  # the rows hold a label and n values: the second row is one cell short
        return raw_rows, offsets
    line = raw_rows[0][0][0]
    second = raw_rows[1]
    merged = [(line, top[0]), *((second[c][0], f"{groups[c // span]} {names[c]}") for c in range(n))]
    merged += [(line, "")] * (len(raw_rows[0]) - len(merged))
    if offsets is None:
        return [merged, *raw_rows[2:]], None
    merged_offsets = [offsets[0][0], *offsets[1][:n]]
    merged_offsets += [0] * (len(merged) - len(merged_offsets))
    return [merged, *raw_rows[2:]], [merged_offsets, *offsets[2:]]


_HAN = lazy(r"\p{Han}")


def _without_group_label(raw_rows: list, offsets: list | None) -> tuple[list, list | None]:
    """ "预算执行情况（10分） | 年度预算数（万元） | 年初预算 | …", "绩效指标（90分） | 一级指标 | …": the first
    cell of the header names the whole block (merged down its rows), and the rows under it start one
    column later. The header without it, when it is one cell longer than every row."""
    header = raw_rows[0]
    if len(raw_rows) < 2 or not header or not GROUP_LABEL.fullmatch(normalise(header[0][1]).replace(" ", "")):
        return raw_rows, offsets

    def width(row: list) -> int:
        n = len(row)
        while n and not row[n - 1][1].strip():
            n -= 1
        return n

    if width(header) <= max(width(r) for r in raw_rows[1:]):
        return raw_rows, offsets
    rows = [header[1:], *raw_rows[1:]]
    return rows, ([offsets[0][1:], *offsets[1:]] if offsets is not None else None)


def _build_table(index: int, block: TableBlock, caption: str) -> Table:
    raw_rows = block.rows
    offsets = block.offsets
    first = [t for _, t in raw_rows[0] if t.strip()] if raw_rows else []
    second = [t for _, t in raw_rows[1] if t.strip()] if len(raw_rows) > 1 else []
    if len(raw_rows) > 2 and len(first) == 1 and len(second) >= 3 and not _is_figure(first[0]):
        # "单位：元 | | | |", "| 项目支出绩效自评表 | | | |": a first row that only gives the unit or the title
        # (a merged cell across the table) is the table's caption, not its header
        caption = f"{caption} {first[0]}".strip()
        raw_rows = raw_rows[1:]
        offsets = offsets[1:] if offsets is not None else None
    dropped = raw_rows[0][0][1].strip() if raw_rows and raw_rows[0] else ""
    raw_rows, offsets = _without_group_label(raw_rows, offsets)
    if raw_rows and raw_rows[0] and raw_rows[0][0][1].strip() != dropped:
        caption = f"{caption} {dropped}".strip()  # "绩效指标（90分）": the block's name and its points
    raw_rows, offsets = _merged_sub_header(raw_rows, offsets)
    raw_rows, offsets = _repeated_sub_headers(raw_rows, offsets)
    raw_rows, offsets = _header_without_its_label_cell(raw_rows, offsets)
    cm = _CAPTION_UNIT.search(caption)
    caption_unit = cm.group("u") if cm else None
    header_texts = [t for _, t in raw_rows[0]]
    column_units = [unit_of_header(t) for t in header_texts]
    for c, t in enumerate(header_texts if caption_unit in ("元", "万元", "千元", "亿元") else ()):
        if c and column_units[c] is None and is_points_header(normalise(t).replace(" ", "")):
            column_units[c] = (
                "分"  # 分值 and 得分 columns hold points, whatever unit the caption gives the money
            )
    if column_units and column_units[0] and not caption_unit:
        # "项目资金（万元） | 年初预算数 | 全年执行数 | 分值 | 执行率": the label column's header gives the unit
        # of the amount columns (not of 分值 or 执行率)
        for c, t in enumerate(header_texts[1:], start=1):
            if column_units[c] is None and _AMOUNT_HEADER.search(normalise(t).replace(" ", "")):
                column_units[c] = column_units[0]
    # 行次/栏次 columns number the rows ("本年收入合计 | 23 | 34846.81"): their numbers are no figures
    numbering = {
        c for raw in raw_rows[:3] for c, (_, t) in enumerate(raw) if _ROW_NUMBER_HEADER.match(normalise(t))
    }
    rows: list[Row] = []
    row_unit: str | None = None
    for r, raw in enumerate(raw_rows):
        first = raw[0][1] if raw else ""
        if first:  # an empty first cell continues the row group above (a merged cell)
            row_unit = unit_of_header(first)
        cells = []
        for c, (line, text) in enumerate(raw):
            cell = Cell(text=simplified(text), line=line, column=c)
            if r > 0:  # header cells name columns; their numbers are not figures
                if c == 0:
                    default = None  # a row label
                else:
                    column_unit = column_units[c] if c < len(column_units) else None
                    default = unit_of_header(text) or row_unit or column_unit or caption_unit
                cell.quantities = (
                    [] if c in numbering else extract_quantities(text, line, default_unit=default)
                )
                if offsets is not None and offsets[r][c]:
                    shift = offsets[r][c]
                    cell.quantities = [
                        replace(q, column=q.column + shift, start=q.start + shift, end=q.end + shift)
                        for q in cell.quantities
                    ]
            cells.append(cell)
        rows.append(Row(cells))
    return Table(index=index, caption=caption, unit=caption_unit, header=rows[0], rows=rows[1:])


# ----------------------------------------------------------------------------- building


_ROW_NUMBER_HEADER = lazy(r"^\s*[行栏欄]\s*次\s*$")
# "目 录", or a title that ends in it ("2023年政府决算公开目录"), never a numbered heading ("六、公开目录")
_TOC_TITLE = lazy(
    r"目\s*录\s*[：:]?|(?![一二三四五六七八九十]+、|\d{1,2}[.、．]|[（(])[\p{Han}\d“”]{2,24}目录[：:]?"
)
_TOC_PART = lazy(r"第[一二三四五六七八九十]+部分")
_TOC_NOTE = lazy(r"附后|见附件|详见附|另附|附表")


def build_document(source: Source) -> Document:
    """The Document of a loaded file: paragraphs with their figures, headings, the 目录, tables, sections."""
    path, fmt, lines, blocks = source.path, source.format, source.lines, source.blocks
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    headings: list[Heading] = []
    last_text = ""
    toc_mode = False
    toc_first: Heading | None = None
    toc_parts: set[str] = set()
    wrapped: dict[int, list[tuple[int, int]]] = {}
    laid_rows: set[int] = set()
    if fmt == "txt":
        blocks, wrapped = rejoin_wrapped(blocks)
        laid_rows = _layout_rows(blocks) | _cell_runs(blocks)
    for block in blocks:
        if isinstance(block, TextBlock) and block.line in laid_rows:
            lines[block.line - 1].role = "cell"  # a row of a table laid out in columns: not prose
            continue
        if isinstance(block, TableBlock):
            for title, piece in _split_at_captions(block):
                for part in _split_at_inner_headers(piece):
                    caption = title or last_text
                    halves = [part] if _titled_panels(lines, part) else _split_side_by_side(part)
                    for half in halves:
                        tables.append(_build_table(len(tables) + 1, half, caption))
            for row in block.rows:
                for line, _ in row:
                    lines[line - 1].role = "cell"
            last_text = ""
            toc_mode = False
            continue
        # "五、改 进 措 施" is the heading 五、改进措施; a report republished in traditional characters is read
        # in simplified ones, character for character
        text, origin = compact_spacing(simplified(block.text))
        stripped = text.strip()
        if not stripped:
            continue
        if "目" in stripped and _TOC_TITLE.fullmatch(stripped):
            toc_mode = True
            lines[block.line - 1].role = "toc"
            last_text = stripped
            continue
        row = _row_of_columns(block.text) or _AMOUNT_AT_END.search(block.text) is not None
        heading = parse_heading(block.line, text) if not row else None
        if toc_mode and heading is not None and toc_first is not None:
            if (heading.level, heading.number) == (toc_first.level, toc_first.number):
                toc_mode = False  # the numbering starts over: the body has begun
        if toc_mode and not heading and (part := _TOC_PART.match(stripped)):
            if part.group(0) in toc_parts:
                toc_mode = False  # the first part again: the body has begun
            else:
                toc_parts.add(part.group(0))
                toc_first = None  # each part of the 目录 numbers its entries from 一、
        if toc_mode and not heading and len(stripped) <= 6 and lines[block.line - 2].role == "toc":
            lines[block.line - 1].role = "toc"  # "七、…“三公”经费支出决算" / "表": an entry wrapped
            continue
        if toc_mode:
            if heading or rx(r"附件\s*\d|第[一二三四五六七八九十]+部分").match(stripped):
                lines[block.line - 1].role = "toc"
                if heading:
                    heading.in_toc = True
                    headings.append(heading)
                    toc_first = toc_first or heading
                continue
            if len(stripped) <= 16 and _TOC_NOTE.search(stripped):
                lines[block.line - 1].role = "toc"  # "决算公开表格附后。" under its entry: the 目录 goes on
                continue
            toc_mode = False
        if heading:
            headings.append(heading)
            lines[block.line - 1].role = "heading"
        quantities = respective_labels(text, extract_quantities(text, block.line))
        joined = wrapped.get(block.line)
        columns = rows = None
        if joined is not None:  # a sentence rejoined from several lines: each figure on its own line
            columns = [joined[k][1] for k in origin]
            rows = [joined[k][0] for k in origin]
        elif len(origin) != len(block.text):  # spaces taken out: each figure where it stands
            columns = origin
        if columns is not None:
            quantities = [
                replace(q, column=columns[q.start] + 1, line=rows[q.start] if rows else q.line)
                for q in quantities
            ]
        paragraphs.append(
            Paragraph(
                line=block.line,
                text=text,
                quantities=quantities,
                heading=heading,
                ordinal=heading or (parse_ordinal(block.line, text) if not row else None),
                origin=columns,
                origin_lines=rows,
            )
        )
        last_text = stripped
    doc = Document(
        path=path, format=fmt, lines=lines, paragraphs=paragraphs, tables=tables, headings=headings
    )
    doc.report_year = infer_report_year(doc)
    doc.sections = build_sections([h for h in headings if not h.in_toc], len(lines))
    return doc


# ----------------------------------------------------------------------------- hard-wrapped text

_PARAGRAPH_END = SENTENCE_END + "；;：:…”」』"  # a line ending in one of these may end its paragraph


def _prose(texts: list[str]) -> list[str]:
    """The lines that may show a wrap width: ten characters or more, not laid out in columns (right-stripped)."""
    return [t.rstrip() for t in texts if len(t.strip()) >= 10 and not laid_out(t)]


def _wrap_width(prose: list[str]) -> int | None:
    """The width a hard-wrapped text was cut at: many lines of (nearly) one width, few longer. None for
    text written one paragraph per line, whose lines have every length.

    Lines laid out in columns (a table's rows as pdftotext -layout writes them) say nothing of the prose's
    width and are left out. Many lines at the width is enough when a third of the lines are there; when
    headings and short lines are the majority, the lines at the width must mostly end inside a sentence,
    which text written a paragraph per line never does. ``prose``: the text's lines by ``_prose``.
    """
    widths = [display_width(t) for t in prose]
    if len(widths) < 6:
        return None
    common = Counter(w for w in widths if w >= 30)  # the short lines (headings, cells) never show the width
    if not common:
        return None
    width = max(common, key=lambda w: (sum(common[v] for v in range(w - 2, w + 1)), w))
    at = [t for t, w in zip(prose, widths, strict=True) if width - 2 <= w <= width]
    longer = sum(1 for w in widths if w > width)
    if width < 30 or len(at) < 4 or longer > len(widths) // 10:
        return None
    if len(at) >= len(widths) // 3:
        return width
    cut = sum(1 for t in at if t[-1] not in _PARAGRAPH_END)
    return width if len(at) >= 8 and cut >= len(at) * 0.6 else None


def _page_width(prose: list[str]) -> int | None:
    """The width of the lines of text copied out of a PDF, whose lines of one physical width differ by
    a fifth in characters (digits, Latin letters and punctuation are narrower than CJK, and the copy puts
    spaces between a figure and its unit): half of the lines or more end within a fifth of one width,
    hardly any is longer, and most of them end inside a sentence. None when the lines say otherwise."""
    widths = [_compact_width(t) for t in prose]
    if len(widths) < 6:
        return None
    candidates = sorted({w for w in widths if w >= 30})
    if not candidates:
        return None
    ordered = sorted(widths)

    def ending_at(w: int) -> int:  # lines within a fifth below w: counted by bisection, linear in the text
        return bisect_right(ordered, w) - bisect_left(ordered, w - _page_slack(w))

    width = max(candidates, key=lambda w: (ending_at(w), -w))
    at = [t for t, w in zip(prose, widths, strict=True) if width - _page_slack(width) <= w <= width]
    longer = sum(1 for w in widths if w > width)
    cut = sum(1 for t in at if t[-1] not in _PARAGRAPH_END)
    if len(at) < max(4, len(widths) // 2) or longer > len(widths) // 10 or cut < len(at) * 0.6:
        return None
    return width


# a typed text wrapped at one width has nearly as many lines within a few columns of it as within a fifth
# (1.04-1.06 on the corpus wrapped at 70 columns); a PDF copy, whose lines of one physical width differ by a
# fifth in characters, has far more
_PAGE_MAJORITY = 1.25


def _at_width(prose: list[str], width: int, slack, measure) -> int:
    """How many prose lines (by ``_prose``) end within ``slack(width)`` of ``width``."""
    low = width - slack(width)
    return sum(1 for t in prose if low <= measure(t) <= width)


def _compact_width(text: str) -> int:
    return display_width(compact_spacing(text)[0])


def _page_slack(width: int) -> int:
    return max(3, width // 5)


def rejoin_wrapped(blocks: list) -> tuple[list, dict[int, list[tuple[int, int]]]]:
    """Text blocks of a hard-wrapped text rejoined into their paragraphs, and for each rejoined one (by
    its first line) the (line, column) of every character.

    A line continues into the next when it runs to the wrap width and the next line is text without an
    indent. Where paragraphs open with an indent, that alone decides (a short numbered line after a full
    one is still a heading); elsewhere the line must also not end a sentence, and the next line must not
    start with an ordinal (一、 （二） 3.).
    """
    texts = [b.text for b in blocks if isinstance(b, TextBlock)]
    prose = _prose(texts)
    width = _wrap_width(prose)
    slack, measure = _slack, display_width
    page = _page_width(prose)
    if page is not None and (
        width is None
        or _at_width(prose, page, _page_slack, _compact_width)
        >= _PAGE_MAJORITY * _at_width(prose, width, _slack, display_width)
    ):
        # lines copied out of a PDF: most of them end within a fifth of the page's width, far more than at
        # the one width a typed text is wrapped at
        width, slack, measure = page, _page_slack, _compact_width
    if width is None:
        if (
            not any(_LABEL_CUT.match(t) for t in texts)
            and not any(t.rstrip()[-1:] in _CLAUSE_CUT for t in texts)
            and not any(_UNIT_AT_START.match(t) for t in texts)
        ):
            return blocks, {}
        width = 10**6  # no wrap width: only a line cut between a label and its figure is rejoined
    # where paragraphs open with an indent, the indent alone marks them: a line that runs to the width
    # continues into an unindented one even after a 。 or before a "10." that the cut put at its start
    opening = [t for t in texts if t.strip() and t[:1].isspace()]
    indented = (
        len(opening) >= 2
        and sum(1 for t in opening if measure(t.rstrip()) >= width - slack(width)) >= len(opening) * 0.6
    )
    out: list = []
    positions: dict[int, list[tuple[int, int]]] = {}
    k = 0
    while k < len(blocks):
        block = blocks[k]
        if not isinstance(block, TextBlock) or not block.text.strip():
            out.append(block)
            k += 1
            continue
        text = block.text.rstrip()
        where: list[tuple[int, int]] = []  # written out only for a paragraph that joins lines
        while k + 1 < len(blocks) and _continues(
            blocks[k].text.rstrip(), blocks[k + 1], width, indented, slack, measure
        ):
            if not where:
                where = [(block.line, c) for c in range(len(text))]
            nxt = blocks[k + 1]
            lead = len(nxt.text) - len(nxt.text.lstrip())
            piece = nxt.text.strip()
            if (
                text
                and piece
                and text[-1].isascii()
                and text[-1].isalnum()
                and piece[0].isascii()
                and piece[0].isalnum()
                and not (text[-1].isdigit() and piece[0].isdigit())  # "1350.2" / "0万元": one figure, cut
            ):
                text += " "
                where.append((nxt.line, lead - 1 if lead else 0))
            text += piece
            where += [(nxt.line, lead + c) for c in range(len(piece))]
            k += 1
        if len(where) > len(block.text.rstrip()):
            positions[block.line] = where
            out.append(TextBlock(block.line, text))
        else:
            out.append(block)
        k += 1
    return out, positions


_HAN = lazy(r"\p{Han}")
_LEADING_WORD = lazy(
    r"[0-9A-Za-z.,%‰]+"
)  # a figure or a Latin word: never cut, so carried whole to the next line


# a line ending in a bare amount after a space ("一、一般公共预算财政拨款收入 440.55"): a table's row pasted
# into the text, not a heading (a 目录's page number is a short integer and stays)
_AMOUNT_AT_END = lazy(r"\s(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{4,})\s*$")
_COLUMNS = lazy(r"[ \u3000]{3,}")
_PAGE_NUMBER = lazy(r"\d{1,3}")


def _row_of_columns(raw: str) -> bool:
    """A table's row laid out in columns, not a heading: after a wide gap, another ordinal or a figure
    ("2. 政府性基金      三、教育支出      250,000"). A 目录 line's page number after the gap is no column."""
    if not laid_out(raw):
        return False
    later = [c for c in _COLUMNS.split(raw.strip())[1:] if c]
    return any(
        parse_ordinal(0, c) is not None or (c[:1].isdigit() and not _PAGE_NUMBER.fullmatch(c)) for c in later
    )


def _layout_rows(blocks: list) -> set[int]:
    """The lines of tables laid out in columns that no table was read from (pdftotext -layout's ragged
    rows): rows of columns, the column headers and the short fragments (一条 "二、事业收入" of the left
    panel, "单位：元") standing between such rows. Their ordinals are no headings and their figures no
    prose: read as paragraphs they made numbering skips and sums of half a row."""
    texts = [(b.line, b.text) for b in blocks if isinstance(b, TextBlock) and b.text.strip()]
    rows = [_row_of_columns(t) for _, t in texts]
    if sum(rows) < 2:
        return set()
    short = [
        not rows[k] and display_width(t.strip()) <= 40 and t.rstrip()[-1:] not in _PARAGRAPH_END
        for k, (_, t) in enumerate(texts)
    ]
    found = set()
    for k, (line, text) in enumerate(texts):
        if rows[k]:
            found.add(line)
            continue
        if not (short[k] or laid_out(text)):
            continue
        # between rows of columns, across other fragments: the nearest lines that are neither
        before = next((j for j in range(k - 1, -1, -1) if not short[j] or rows[j]), None)
        after = next((j for j in range(k + 1, len(texts)) if not short[j] or rows[j]), None)
        if before is not None and after is not None and rows[before] and rows[after]:
            found.add(line)
    return found


_BARE_FIGURE = lazy(r"[-−]?\d[\d,]*(?:\.\d+)?%?")


def _cell_runs(blocks: list) -> set[int]:
    """The lines of a table copied out of a PDF one cell per line (a PDF viewer's copy, pdftotext without
    -layout): runs of short lines without a sentence's end, many of them bare figures. Their ordinals
    ("二、政府性基金" beside "二、科学技术支出") are cells of two panels, not headings."""
    texts = [(b.line, b.text.strip()) for b in blocks if isinstance(b, TextBlock) and b.text.strip()]
    found: set[int] = set()
    run: list[tuple[int, str]] = []

    def close() -> None:
        bare = [k for k, (_, t) in enumerate(run) if _BARE_FIGURE.fullmatch(t)]
        if len(bare) >= 4 and len(bare) >= len(run) * 0.3:
            # the table runs from its header cells to its last figure: a title after it is the next section's,
            # and an ordinal before its first figure is a cell only when a figure follows within three lines
            start = bare[0]
            while start > 0 and (parse_ordinal(0, run[start - 1][1]) is None or bare[0] - (start - 1) <= 3):
                start -= 1
            found.update(line for line, _ in run[start : bare[-1] + 1])
        run.clear()

    for line, text in texts:
        if display_width(text) <= 40 and text[-1] not in _PARAGRAPH_END and not laid_out(text):
            run.append((line, text))
        else:
            close()
    close()
    return found


def _slack(width: int) -> int:
    """How far short of the wrap width a full line may end: a few columns, more on wide pages, where a
    PDF's proportional glyphs make lines of one physical width differ more in characters."""
    return max(3, width // 16)


def _unbreakable(text: str) -> int:
    """The width of the figure or Latin word that opens a line: a line ends that much short of the wrap
    width when the word did not fit ("…支持企业协同化发展" / "180.00万，…")."""
    m = _LEADING_WORD.match(text)
    return display_width(m.group()) if m else 0


# a line that opens with a figure and its unit or %, then a comma: the figure's label ended the line before
# ("…占一般公共预算支出的" / "96.74%,同比减少 166271.4 元")
_CLAUSE_CUT = "，,、"
_LABEL_CUT = rx(r"^[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|％|万元|亿元|元|万人|人|个百分点)\s*[，,、；;。]")


_FIGURE_AT_END = lazy(r"\d(?:\s*[万亿])?$")
_UNIT_AT_START = lazy(r"(?:[万亿]?元|%|％|个百分点)\s*[，,、；;。）)]")


def _continues(
    line: str, nxt: object, width: int, indented: bool, slack=_slack, measure=display_width
) -> bool:
    if not isinstance(nxt, TextBlock) or not nxt.text.strip() or not line:
        return False
    if laid_out(line) or laid_out(nxt.text):
        return False  # a row of columns is no line of a paragraph
    if (
        len(line.strip()) >= 10
        and _HAN.match(line[-1])
        and not nxt.text[:1].isspace()
        and _LABEL_CUT.match(nxt.text)
    ):
        return True  # the cut fell between a label and its figure, whatever the line's width
    if len(line.strip()) >= 10 and _FIGURE_AT_END.search(line) and _UNIT_AT_START.match(nxt.text):
        return True  # "…增加 0.60 万" / "元，增长20%": a figure's unit cut from it
    if (
        len(line.strip()) >= 10
        and line[-1] in _CLAUSE_CUT
        and not nxt.text[:1].isspace()
        and parse_ordinal(0, nxt.text.strip()) is None
    ):
        return True  # a line never ends a paragraph on a comma: "…收入总计520.00万元，" / "比上年增加…"
    if measure(line) + _unbreakable(nxt.text) < width - slack(width) or nxt.text[:1].isspace():
        return False  # the line ends short of the width, though the next line's first word would have fit
    numbered = parse_ordinal(0, nxt.text.strip()) is not None
    if indented:  # a short numbered line after a full one is a heading; a full one, the cut's remainder
        return not (numbered and measure(nxt.text.rstrip()) < width - slack(width))
    return line[-1] not in _PARAGRAPH_END and not numbered


def build_sections(headings: list[Heading], last_line: int) -> list[Section]:
    """The section tree from the body's headings (一、 contains （一）, which contains 1. …)."""
    roots: list[Section] = []
    stack: list[Section] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop().last_line = heading.line - 1
        section = Section(heading=heading, first_line=heading.line, last_line=last_line)
        if stack:
            section.parent = stack[-1]
            stack[-1].children.append(section)
        else:
            roots.append(section)
        stack.append(section)
    return roots


# a year cited as the one compared with ("与2015年度决算相比", "比2015年度") is the year before the report's
_NOT_COMPARED = r"(?<![与比较同]\s?)"
_TITLE_YEAR = lazy(
    _NOT_COMPARED + r"(20\d\d)\s*年度?(?:[市区县省]级|本级)?(?:部门|单位|整体|决算|绩效|项目|预算)"
)
_ANY_YEAR_OF = lazy(_NOT_COMPARED + r"(20\d\d)\s*年度")


def infer_report_year(doc: Document) -> int | None:
    """The year the report is about: from the title block, else the most cited 20XX年度 (not counting the
    years it is compared with)."""
    for para in doc.paragraphs[:25]:
        m = _TITLE_YEAR.search(normalise(para.text))
        if m and len(para.text) <= 60:
            return int(m.group(1))
    counts = Counter(int(y) for p in doc.paragraphs for y in _ANY_YEAR_OF.findall(normalise(p.text)))
    return counts.most_common(1)[0][0] if counts else None
