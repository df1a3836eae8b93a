"""From loaded blocks to the Document: headings, the 目录, tables with their units, figures, sections.

Loaders (``auditor.loaders``) turn a file into a Source (numbered lines and blocks of text and
table cells); ``build_document`` turns it into the Document that analyses and rules read.
A .txt file's flattened tables and a .docx file's real tables become the same Table object.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import regex

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
from auditor.text.chars import compact_spacing, display_width, normalise
from auditor.text.ordinals import parse_heading, parse_ordinal
from auditor.text.rx import rx
from auditor.text.spans import SENTENCE_END

_UNIT_IN_TEXT = regex.compile(
    r"(?:单位[：:]\s*|[（(/]|（单位[：:])(?P<u>亿元|万元|千元|元|%|万人次|万人|人次|人|户|个|件|分)[）)]?\s*$"
)
_CAPTION_UNIT = regex.compile(r"单位[：:]\s*(?P<u>亿元|万元|千元|元|万人|人|户|个|件|分)")


_COUNT_HEADER = regex.compile(r"(?P<u>人次|人|户|件|个|家|次|项)数$")


def unit_of_header(text: str) -> str | None:
    """The unit a header or row label gives to its figures: 预算执行情况(万元), 参保人数/万人, 人数."""
    if not ("单位" in text or "数" in text or any(ch in text for ch in "（(/／")):
        return None  # most cells are figures or names: neither pattern can match
    norm = normalise(text.strip())
    m = _UNIT_IN_TEXT.search(norm) or _COUNT_HEADER.search(norm)
    return m.group("u") if m else None


def _build_table(index: int, block: TableBlock, caption: str) -> Table:
    cm = _CAPTION_UNIT.search(caption)
    caption_unit = cm.group("u") if cm else None
    raw_rows = block.rows
    header_texts = [t for _, t in raw_rows[0]]
    column_units = [unit_of_header(t) for t in header_texts]
    rows: list[Row] = []
    row_unit: str | None = None
    for r, raw in enumerate(raw_rows):
        first = raw[0][1] if raw else ""
        if first:  # an empty first cell continues the row group above (a merged cell)
            row_unit = unit_of_header(first)
        cells = []
        for c, (line, text) in enumerate(raw):
            cell = Cell(text=text, line=line, column=c)
            if r > 0:  # header cells name columns; their numbers are not figures
                if c == 0:
                    default = None  # a row label
                else:
                    column_unit = column_units[c] if c < len(column_units) else None
                    default = unit_of_header(text) or row_unit or column_unit or caption_unit
                cell.quantities = extract_quantities(text, line, default_unit=default)
                if block.offsets is not None and block.offsets[r][c]:
                    shift = block.offsets[r][c]
                    cell.quantities = [
                        replace(q, column=q.column + shift, start=q.start + shift, end=q.end + shift)
                        for q in cell.quantities
                    ]
            cells.append(cell)
        rows.append(Row(cells))
    return Table(index=index, caption=caption, unit=caption_unit, header=rows[0], rows=rows[1:])


# ----------------------------------------------------------------------------- building


_TOC_TITLE = regex.compile(r"目\s*录")
_TOC_PART = regex.compile(r"第[一二三四五六七八九十]+部分")


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
    if fmt == "txt":
        blocks, wrapped = rejoin_wrapped(blocks)
    for block in blocks:
        if isinstance(block, TableBlock):
            table = _build_table(len(tables) + 1, block, last_text)
            tables.append(table)
            for row in block.rows:
                for line, _ in row:
                    lines[line - 1].role = "cell"
            last_text = ""
            toc_mode = False
            continue
        text, origin = compact_spacing(block.text)  # "五、改 进 措 施" is the heading 五、改进措施
        stripped = text.strip()
        if not stripped:
            continue
        if "目" in stripped and _TOC_TITLE.fullmatch(stripped):
            toc_mode = True
            lines[block.line - 1].role = "toc"
            last_text = stripped
            continue
        heading = parse_heading(block.line, text)
        if toc_mode and heading is not None and toc_first is not None:
            if (heading.level, heading.number) == (toc_first.level, toc_first.number):
                toc_mode = False  # the numbering starts over: the body has begun
        if toc_mode and not heading and (part := _TOC_PART.match(stripped)):
            if part.group(0) in toc_parts:
                toc_mode = False  # the first part again: the body has begun
            else:
                toc_parts.add(part.group(0))
                toc_first = None  # each part of the 目录 numbers its entries from 一、
        if toc_mode:
            if heading or rx(r"附件\s*\d|第[一二三四五六七八九十]+部分").match(stripped):
                lines[block.line - 1].role = "toc"
                if heading:
                    heading.in_toc = True
                    headings.append(heading)
                    toc_first = toc_first or heading
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
                ordinal=heading or parse_ordinal(block.line, text),
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


def _wrapdisplay_width(texts: list[str]) -> int | None:
    """The width a hard-wrapped text was cut at: many lines of (nearly) one width, few longer. None for
    text written one paragraph per line, whose lines have every length."""
    widths = [display_width(t.rstrip()) for t in texts if len(t.strip()) >= 10]
    if len(widths) < 6:
        return None
    common = Counter(widths)
    width = max(common, key=lambda w: (sum(common[v] for v in range(w - 2, w + 1)), w))
    at = sum(1 for w in widths if width - 2 <= w <= width)
    longer = sum(1 for w in widths if w > width)
    if width < 30 or at < max(4, len(widths) // 3) or longer > len(widths) // 10:
        return None
    return width


def rejoin_wrapped(blocks: list) -> tuple[list, dict[int, list[tuple[int, int]]]]:
    """Text blocks of a hard-wrapped text rejoined into their paragraphs, and for each rejoined one (by
    its first line) the (line, column) of every character.

    A line continues into the next when it runs to the wrap width and the next line is text without an
    indent. Where paragraphs open with an indent, that alone decides (a short numbered line after a full
    one is still a heading); elsewhere the line must also not end a sentence, and the next line must not
    start with an ordinal (一、 （二） 3.).
    """
    texts = [b.text for b in blocks if isinstance(b, TextBlock)]
    width = _wrapdisplay_width(texts)
    if width is None:
        if not any(_LABEL_CUT.match(t) for t in texts) and not any(
            t.rstrip()[-1:] in _CLAUSE_CUT for t in texts
        ):
            return blocks, {}
        width = 10**6  # no wrap width: only a line cut between a label and its figure is rejoined
    # where paragraphs open with an indent, the indent alone marks them: a line that runs to the width
    # continues into an unindented one even after a 。 or before a "10." that the cut put at its start
    opening = [t for t in texts if t.strip() and t[:1].isspace()]
    indented = (
        len(opening) >= 2
        and sum(1 for t in opening if display_width(t.rstrip()) >= width - 3) >= len(opening) * 0.6
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
        where = [(block.line, c) for c in range(len(text))]
        while k + 1 < len(blocks) and _continues(blocks[k].text.rstrip(), blocks[k + 1], width, indented):
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


# a line that opens with a figure and its unit or %, then a comma: the figure's label ended the line before
# ("…占一般公共预算支出的" / "96.74%,同比减少 166271.4 元")
_CLAUSE_CUT = "，,、"
_LABEL_CUT = rx(r"^[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|％|万元|亿元|元|万人|人|个百分点)\s*[，,、；;。]")


def _continues(line: str, nxt: object, width: int, indented: bool) -> bool:
    if not isinstance(nxt, TextBlock) or not nxt.text.strip() or not line:
        return False
    if (
        len(line.strip()) >= 10
        and regex.match(r"\p{Han}", line[-1])
        and not nxt.text[:1].isspace()
        and _LABEL_CUT.match(nxt.text)
    ):
        return True  # the cut fell between a label and its figure, whatever the line's width
    if (
        len(line.strip()) >= 10
        and line[-1] in _CLAUSE_CUT
        and not nxt.text[:1].isspace()
        and parse_ordinal(0, nxt.text.strip()) is None
    ):
        return True  # a line never ends a paragraph on a comma: "…收入总计520.00万元，" / "比上年增加…"
    if display_width(line) < width - 3 or nxt.text[:1].isspace():
        return False
    numbered = parse_ordinal(0, nxt.text.strip()) is not None
    if indented:  # a short numbered line after a full one is a heading; a full one, the cut's remainder
        return not (numbered and display_width(nxt.text.rstrip()) < width - 3)
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


_TITLE_YEAR = regex.compile(r"(20\d\d)\s*年度?(?:[市区县省]级|本级)?(?:部门|单位|整体|决算|绩效|项目|预算)")
_ANY_YEAR_OF = regex.compile(r"(20\d\d)\s*年度")


def infer_report_year(doc: Document) -> int | None:
    """The year the report is about: from the title block, else the most cited 20XX年度."""
    for para in doc.paragraphs[:25]:
        m = _TITLE_YEAR.search(normalise(para.text))
        if m and len(para.text) <= 60:
            return int(m.group(1))
    counts = Counter(int(y) for p in doc.paragraphs for y in _ANY_YEAR_OF.findall(normalise(p.text)))
    return counts.most_common(1)[0][0] if counts else None
