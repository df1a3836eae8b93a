"""The document as the rules see it: numbered lines, paragraphs, headings, tables and figures.

Plain data. Loaders (``auditor.loaders``) give a Source (numbered lines and blocks of text and
table cells); ``auditor.extract.build`` turns it into a Document. Nothing here computes an
analysis: those live in ``auditor.extract`` and are cached by its ``Analysis``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import field
from functools import cached_property

from auditor.model.quantity import Quantity
from auditor.model.record import record


@record
class Line:
    """A line of the document as the reader counts them, and what it is (text, cell, heading, 目录)."""

    number: int  # 1-based; findings refer to these
    text: str
    role: str = "text"  # text | blank | cell | heading | toc
    page: int | None = None


@record
class Cell:
    """A table cell: its text, its line, its column, and the figures in it."""

    text: str
    line: int
    column: int  # 0-based column index in its row
    quantities: list[Quantity] = field(default_factory=list)


@record
class Row:
    """A table row of cells."""

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


@record
class Table:
    """A table of the document: caption, unit, header row and body rows."""

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


@record
class Heading:
    """A numbered heading of the body or of its 目录."""

    line: int
    level: int  # 1 一、 · 2 （一） · 3 1. / 1、 · 4 （1） · 5 ①
    ordinal: str  # as written: 一、 （二） 3.
    number: int  # the ordinal's value: 一 → 1
    title: str
    in_toc: bool = False


@record
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


@record
class Paragraph:
    """A paragraph of running text, rejoined if it was wrapped, with its figures."""

    line: int
    text: str
    quantities: list[Quantity]
    heading: Heading | None = None  # a short ordinal-led line: a heading
    ordinal: Heading | None = None  # any ordinal-led paragraph (headings and long list items)
    # when ``text`` is not its line as written (spreading spaces taken out, "基 本 支 出"; a hard-wrapped
    # sentence rejoined): each character's 0-based column, and its line when the paragraph spans several
    origin: list[int] | None = field(default=None, repr=False)
    origin_lines: list[int] | None = field(default=None, repr=False)

    def column(self, offset: int) -> int:
        """The 1-based column, in its own line, of the character at ``offset`` of ``text``."""
        if self.origin is None:
            return offset + 1
        return (self.origin[offset] if offset < len(self.origin) else self.origin[-1] + 1) + 1

    def line_at(self, offset: int) -> int:
        """The line that holds the character at ``offset`` of ``text``."""
        if self.origin_lines is None:
            return self.line
        return self.origin_lines[min(offset, len(self.origin_lines) - 1)]


@record
class Document:
    """A report as every analysis reads it, whatever its format: lines, paragraphs, tables, headings."""

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


# ----------------------------------------------------------------------------- blocks (what loaders give)


@record
class TextBlock:
    """A run of text a loader hands to the document builder."""

    line: int
    text: str


@record
class TableBlock:
    """A table a loader hands to the document builder, as the lines and texts of its cells."""

    rows: list[list[tuple[int, str]]]  # (line number, cell text)
    # where each cell's text starts in its line (0-based), for tables written on one line per row
    # ("基本支出 | 1350.20"): their figures keep their true column; None when each cell has its own line
    offsets: list[list[int]] | None = None


Block = TextBlock | TableBlock


@record
class Source:
    """A file as a loader read it: its numbered lines and its blocks, before any analysis."""

    path: str
    format: str  # txt | docx | pdf
    lines: list[Line]
    blocks: list[Block]
