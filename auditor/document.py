"""The document as the rules see it: numbered lines, paragraphs, headings, tables and figures.

Loaders (``auditor.loaders``) turn a file into a sequence of blocks (paragraphs and tables,
each piece of text with its line number); ``build_document`` turns blocks into a Document.
A .txt file's flattened tables and a .docx file's real tables become the same Table object.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import regex

from auditor.quantity import Quantity, extract_quantities, normalise
from auditor.rx import rx


@dataclass
class Line:
    number: int  # 1-based; findings refer to these
    text: str
    role: str = "text"  # text | blank | cell | heading | toc
    page: int | None = None


@dataclass
class Cell:
    text: str
    line: int
    column: int  # 0-based column index in its row
    quantities: list[Quantity] = field(default_factory=list)


@dataclass
class Row:
    cells: list[Cell]

    @property
    def label(self) -> str:
        """The row's first non-empty cell: 合计, 一、基本支出, 城镇新增就业人数 …"""
        for cell in self.cells:
            if cell.text:
                return cell.text
        return ""

    @property
    def lines(self) -> list[int]:
        return [c.line for c in self.cells]


@dataclass
class Table:
    index: int  # 1-based order in the document
    caption: str  # the title line just above the table, if any
    unit: str | None  # unit from the caption (单位：万元)
    header: Row
    rows: list[Row]  # body rows, header excluded

    @property
    def first_line(self) -> int:
        return self.header.cells[0].line

    @property
    def last_line(self) -> int:
        return (self.rows[-1] if self.rows else self.header).cells[-1].line

    @property
    def width(self) -> int:
        return max(len(r.cells) for r in [self.header, *self.rows])

    def column_header(self, index: int) -> str:
        cells = self.header.cells
        return cells[index].text if index < len(cells) else ""


@dataclass
class Heading:
    line: int
    level: int  # 1 一、 · 2 （一） · 3 1. / 1、 · 4 （1） · 5 ①
    ordinal: str  # as written: 一、 （二） 3.
    number: int  # the ordinal's value: 一 → 1
    title: str
    in_toc: bool = False


@dataclass
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    heading: Heading
    first_line: int
    last_line: int
    parent: Section | None = field(default=None, repr=False)
    children: list[Section] = field(default_factory=list, repr=False)

    @property
    def level(self) -> int:
        return self.heading.level

    @property
    def title(self) -> str:
        return self.heading.title

    def path(self) -> list[Section]:
        """This section and its ancestors, outermost first."""
        chain: list[Section] = []
        node: Section | None = self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


@dataclass
class Paragraph:
    line: int
    text: str
    quantities: list[Quantity]
    heading: Heading | None = None  # a short ordinal-led line: a heading
    ordinal: Heading | None = None  # any ordinal-led paragraph (headings and long list items)


@dataclass
class Document:
    path: str
    format: str  # txt | docx | pdf
    lines: list[Line]
    paragraphs: list[Paragraph]
    tables: list[Table]
    headings: list[Heading]
    report_year: int | None = None
    sections: list[Section] = field(default_factory=list)  # top-level sections of the body

    @cached_property
    def quantities(self) -> list[Quantity]:
        """Every figure of the document in line order (paragraphs and table cells)."""
        found = [q for p in self.paragraphs for q in p.quantities]
        found += [q for t in self.tables for r in [t.header, *t.rows] for c in r.cells for q in c.quantities]
        return sorted(found, key=lambda q: (q.line, q.start))

    @cached_property
    def relations(self):  # -> auditor.relations.Relations (imported lazily: it imports this module)
        from auditor.relations import analyse

        return analyse(self)

    @cached_property
    def repeated_blocks(self):  # -> list[auditor.duplicates.RepeatedBlock]
        from auditor.duplicates import find_repeated_blocks

        return find_repeated_blocks(self)

    @cached_property
    def entity(self):  # -> auditor.textscan.Entity | None: the report's own unit, from its title
        from auditor.textscan import own_entity

        return own_entity(self)

    @cached_property
    def scores(self):  # -> auditor.scores.Scores: indicator trees, totals, grades, questionnaires
        from auditor.scores import analyse

        return analyse(self)

    def section_at(self, line: int) -> Section | None:
        """The innermost section containing ``line`` (None before the first body heading)."""
        found = None
        candidates = self.sections
        starts_of = self.__dict__.setdefault("_section_starts", {})
        while candidates:
            # siblings are in line order and do not overlap: bisect instead of scanning
            starts = starts_of.get(id(candidates))
            if starts is None:
                starts = starts_of[id(candidates)] = [s.first_line for s in candidates]
            i = bisect_right(starts, line) - 1
            if i < 0 or line > candidates[i].last_line:
                break
            found = candidates[i]
            candidates = found.children
        return found

    def line_text(self, number: int) -> str:
        return self.lines[number - 1].text if 0 < number <= len(self.lines) else ""


# ----------------------------------------------------------------------------- blocks


@dataclass
class TextBlock:
    line: int
    text: str


@dataclass
class TableBlock:
    rows: list[list[tuple[int, str]]]  # (line number, cell text)


Block = TextBlock | TableBlock

# ----------------------------------------------------------------------------- headings

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "[一二三四五六七八九十]+"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_PATTERNS = [
    (1, regex.compile(rf"^\s*(?P<ord>(?P<n>{_CN_NUM})[、.．])")),
    (2, regex.compile(rf"^\s*(?P<ord>[（(](?P<n>{_CN_NUM})[）)])")),
    (3, regex.compile(r"^\s*(?P<ord>(?P<n>\d{1,2})(?:[、．]|\.(?!\d)))")),
    (4, regex.compile(r"^\s*(?P<ord>[（(](?P<n>\d{1,2})[）)])")),
    (5, regex.compile(rf"^\s*(?P<ord>(?P<n>[{_CIRCLED}]))")),
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


def parse_heading(line: int, text: str) -> Heading | None:
    """A short line led by a heading ordinal (一、 （一） 1. （1） ①)."""
    if len(text.strip()) > _MAX_HEADING_LEN:
        return None
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


# ----------------------------------------------------------------------------- tables

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
            cells.append(cell)
        rows.append(Row(cells))
    return Table(index=index, caption=caption, unit=caption_unit, header=rows[0], rows=rows[1:])


# ----------------------------------------------------------------------------- building


_TOC_TITLE = regex.compile(r"目\s*录")


def build_document(path: str, fmt: str, lines: list[Line], blocks: list[Block]) -> Document:
    paragraphs: list[Paragraph] = []
    tables: list[Table] = []
    headings: list[Heading] = []
    last_text = ""
    toc_mode = False
    toc_first: Heading | None = None
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
        text = block.text
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
        if toc_mode:
            if heading or rx(r"附件\s*\d").match(stripped):
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
        quantities = extract_quantities(text, block.line)
        paragraphs.append(
            Paragraph(
                line=block.line,
                text=text,
                quantities=quantities,
                heading=heading,
                ordinal=heading or parse_ordinal(block.line, text),
            )
        )
        last_text = stripped
    doc = Document(
        path=path, format=fmt, lines=lines, paragraphs=paragraphs, tables=tables, headings=headings
    )
    doc.report_year = infer_report_year(doc)
    doc.sections = build_sections([h for h in headings if not h.in_toc], len(lines))
    return doc


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


_TITLE_YEAR = regex.compile(r"(20\d\d)\s*年度?(?:部门|单位|整体|决算|绩效|项目|预算)")
_ANY_YEAR_OF = regex.compile(r"(20\d\d)\s*年度")


def infer_report_year(doc: Document) -> int | None:
    """The year the report is about: from the title block, else the most cited 20XX年度."""
    for para in doc.paragraphs[:25]:
        m = _TITLE_YEAR.search(normalise(para.text))
        if m and len(para.text) <= 60:
            return int(m.group(1))
    counts = Counter(int(y) for p in doc.paragraphs for y in _ANY_YEAR_OF.findall(normalise(p.text)))
    return counts.most_common(1)[0][0] if counts else None


def split_flattened_tables(lines: list[Line]) -> list[Block]:
    """Blocks of a plain-text report: TAB-led lines grouped into table rows, the rest as text.

    In the flattened layout each cell is a line starting with a TAB, a blank line ends a row,
    and two blank lines (or a line of prose) end the table. A lone TAB line is a merged cell.
    """
    blocks: list[Block] = []
    i, n = 0, len(lines)

    def is_cell(k: int) -> bool:
        return k < n and lines[k].text.startswith("\t")

    def is_blank(k: int) -> bool:
        return k < n and not lines[k].text.strip()

    def continues_cell(k: int) -> bool:
        # Word wraps inside a cell come out as a short line without the leading TAB.
        return k < n and not is_blank(k) and not is_cell(k) and len(lines[k].text) <= 20 and is_cell(k + 1)

    while i < n:
        if not is_cell(i):
            blocks.append(TextBlock(lines[i].number, lines[i].text))
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
