"""Web pages (.html/.htm): paragraphs as lines, data tables as tables, read offline with lxml.

Many units publish their 部门预算/决算公开 and 绩效自评 as web pages. A page is decoded (BOM, then the
charset it declares, then UTF-8, then GB18030), parsed with libxml2's HTML parser, which never loads
anything (no network, no DTD, no entity declarations), and walked in document order: each block
element's text is one line, each data table a TableBlock with one line per cell, as the .docx loader
gives them.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import regex

from auditor.loaders.limits import MAX_LINE_CHARS, MAX_TEXT_BYTES
from auditor.messages import InputError
from auditor.model.document import Block, Line, Source, TableBlock, TextBlock
from auditor.text.rx import lazy

# A page's tables become one line per cell, merged cells included: colspan="1000" on every cell of a
# small page would otherwise make millions of lines. A real 决算公开 page has a few tens of thousands.
MAX_HTML_CELLS = 1_000_000
MAX_COLSPAN, MAX_ROWSPAN = 1000, 65534  # the HTML standard's own limits

# Elements that end the line before them and start a new one after (HTML's block-level elements).
_BLOCKS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav "
    "ol optgroup option p plaintext pre section summary table caption thead tbody tfoot tr td th ul xmp".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_PREFORMATTED = frozenset("pre listing plaintext xmp".split())
# What a reader never sees: code, styles, the head, embedded objects, form controls.
_DROPPED = frozenset(
    "head title script style noscript template iframe frame object embed applet svg math canvas "
    "audio video select datalist textarea".split()
)
_HIDDEN_STYLE = lazy(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", regex.I)

# ----------------------------------------------------------------------------- bytes to text

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_XML_DECLARATION = lazy(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']?([A-Za-z0-9._:-]+)""", regex.I)
_META_CHARSET = lazy(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", regex.I)
_PRESCAN_BYTES = 8192  # the HTML standard prescans 1024 bytes; published pages put long scripts first
# Labels as the WHATWG Encoding standard reads them: every GB label is the GBK decoder, for which
# GB18030 (its superset) stands in; a Western label is windows-1252; a page naming UTF-16 in ASCII
# bytes is not UTF-16.
_LABELS = {
    **dict.fromkeys(
        "gb2312 gbk x-gbk gb_2312 gb_2312-80 chinese csgb2312 iso-ir-58 csiso58gb231280 cp936 ms936 "
        "windows-936 gb18030".split(),
        "gb18030",
    ),
    **dict.fromkeys("iso-8859-1 iso8859-1 latin1 l1 ascii us-ascii windows-1252 cp1252".split(), "cp1252"),
    **dict.fromkeys("utf-16 utf-16le utf-16be unicode ucs-2".split(), "utf-8"),
}
# Files that are not pages, named .html: a download saved under the page's name, a compressed page.
_MAGIC = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (.docx)"),
    (b"\xd0\xcf\x11\xe0", "OLE (.doc/.wps)"),
    (b"{\\rtf", "RTF"),
    (b"\x1f\x8b", "gzip"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f")
_MARKUP = lazy(r"<\s*(?:[A-Za-z][\w:-]*|!|/)")
_AUDITOR_REPORT = lazy(rb"""<meta\s+name="generator"\s+content="auditor\b""")


def decode_page(data: bytes, name: str) -> str:
    """The page's text: by its BOM, else the charset its meta tag (or XML declaration) names, else UTF-8,
    else GB18030 (GB2312 and GBK pages, often undeclared). Every attempt is strict: a page is never
    read with characters guessed; bytes that are not a page (binary, a PDF or .docx named .html) are
    refused before any parser sees them."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], [encoding], name)
    stripped = data.lstrip()
    for magic, kind in _MAGIC:
        if stripped.startswith(magic):
            raise InputError(name, "html_other_format", kind=kind)
    sample = data[:65536]
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if b"\x00" in sample or controls > len(sample) // 100:
        raise InputError(name, "html_binary")
    head = data[:_PRESCAN_BYTES]
    declared = _XML_DECLARATION.match(head) or _META_CHARSET.search(head)
    encoding = _codec(declared.group(1).decode("ascii")) if declared else None
    if encoding not in (None, "utf-8") and not data.isascii():
        try:
            # Chinese text in GBK is never valid UTF-8 (its lead bytes are not followed by UTF-8's
            # continuation bytes), so a page that is valid UTF-8 is UTF-8 whatever it declares: a
            # template's meta tag copied from an old GB2312 site is a common slip.
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return _decode(data, [encoding, "utf-8", "gb18030"], name)


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    if label in _LABELS:
        return _LABELS[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None  # an unknown label: detect as if none were declared


def _decode(data: bytes, encodings: list[str | None], name: str) -> str:
    tried = list(dict.fromkeys(e for e in encodings if e))
    for encoding in tried:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "html_undecodable", tried=", ".join(e.upper() for e in tried))


# ----------------------------------------------------------------------------- whitespace

_SPACE_RUN = lazy(r"[\s\u00a0\u3000]+")
_INVISIBLE = lazy(r"[\u00ad\u200b-\u200f\u2060\ufeff]")
_WIDE = lazy(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


def collapse(text: str) -> str:
    """One paragraph's text as a browser shows it: every run of white space (&nbsp; and the full-width
    space too) one space, none at the ends. A line break of the page's source between two Chinese
    characters is no space at all: editors wrap long lines of Chinese text anywhere."""
    text = _INVISIBLE.sub("", text)

    def space(m: regex.Match) -> str:
        run, start, end = m.group(), m.start(), m.end()
        if ("\n" in run or "\r" in run) and 0 < start and end < len(text):
            if _WIDE.match(text[start - 1]) and _WIDE.match(text[end]):
                return ""
        return " "

    return _SPACE_RUN.sub(space, text).strip()


# ----------------------------------------------------------------------------- the page in reading order


def _hidden(element) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


class _Flow:
    """An element's content in reading order: each block's text, and (``tables``) each data table in its
    place as (table element, its rows). Iterative: a page nests as deep as its authoring tool made it."""

    def __init__(self, tables: bool) -> None:
        self.tables = tables
        self.out: list = []
        self.buffer: list[str] = []
        self.preformatted = 0  # how many <pre> are open: their line breaks are lines

    def read(self, root) -> list:
        self._text(root.text)
        stack: list[tuple[object, int]] = [(child, _OPEN) for child in reversed(root)]
        while stack:
            element, step = stack.pop()
            tag = element.tag
            if step == _CLOSE:
                if tag in _PREFORMATTED:
                    self.preformatted -= 1
                if tag in _BLOCKS:
                    self._flush()
                self._text(element.tail)
                continue
            if step == _TAIL:
                self._text(element.tail)
                continue
            if not isinstance(tag, str) or tag in _DROPPED or _hidden(element):
                stack.append((element, _TAIL))  # comments, processing instructions, what is not shown
                continue
            if tag == "br":
                self._flush()
                stack.append((element, _TAIL))
                continue
            if self.tables and tag == "table" and not _is_layout(rows := _rows(element)):
                self._flush()
                self.out.append((element, rows))
                stack.append((element, _TAIL))
                continue
            if tag in _BLOCKS:
                self._flush()
            if tag in _PREFORMATTED:
                self.preformatted += 1
            stack.append((element, _CLOSE))
            self._text(element.text)
            stack.extend((child, _OPEN) for child in reversed(element))
        self._flush()
        return self.out

    def _text(self, text: str | None) -> None:
        if not text:
            return
        if not self.preformatted:
            self.buffer.append(text)
            return
        first, *rest = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.buffer.append(first)
        for part in rest:
            self._flush()
            self.buffer.append(part)

    def _flush(self) -> None:
        if self.buffer:
            text = collapse("".join(self.buffer))
            self.buffer.clear()
            if text:
                self.out.append(text)


_OPEN, _CLOSE, _TAIL = 0, 1, 2


def text_of(element) -> str:
    """An element's text on one line: its blocks joined with a space (a table cell, a caption)."""
    if not len(element):  # most cells hold their text and nothing else
        return collapse(element.text or "")
    return " ".join(_Flow(tables=False).read(element))


# ----------------------------------------------------------------------------- tables


def _rows(table) -> list[list]:
    """A table's own rows (not those of tables inside its cells), each as its cells: <thead> first and
    <tfoot> last, as a browser shows them; cells outside any <tr> make a row of their own."""
    head: list[list] = []
    body: list[list] = []
    foot: list[list] = []

    def collect(container, into: list[list]) -> None:
        stray: list = []
        for child in container:
            if child.tag in ("td", "th"):
                stray.append(child)
                continue
            if stray:
                into.append(stray)
                stray = []
            if child.tag == "tr":
                into.append([c for c in child if c.tag in ("td", "th")])
            elif child.tag in ("thead", "tbody", "tfoot"):
                collect(child, {"thead": head, "tfoot": foot}.get(child.tag, into))
        if stray:
            into.append(stray)

    collect(table, body)
    return [row for row in head + body + foot if row]


_DIGITS = lazy(r"\s*(\d+)")


def _span(element, attribute: str, limit: int) -> int:
    """colspan/rowspan as browsers read them: leading digits; 0 (rowspan: to the end) and junk as given."""
    value = element.get(attribute)
    if value is None:
        return 1
    m = _DIGITS.match(value)
    return min(int(m.group(1)), limit) if m else 1


def _is_layout(rows: list[list]) -> bool:
    """Whether a table only lays the page out: a cell holding a table, a heading or more than ten
    paragraphs, or a single column. Its cells are then read as the page's paragraphs, and the data
    tables inside them as tables: government sites put whole articles in such tables."""
    if rows and all(sum(_span(c, "colspan", MAX_COLSPAN) for c in row) <= 1 for row in rows):
        return True
    for row in rows:
        for cell in row:
            paragraphs = 0
            for inner in cell.iterdescendants():
                if inner.tag == "table" or inner.tag in _HEADINGS:
                    return True
                if inner.tag in ("p", "li"):
                    paragraphs += 1
                    if paragraphs > 10:
                        return True
    return False


class _TooManyCells(Exception):
    pass


def _grid(rows: list[list], budget: int) -> Iterator[list[str]]:
    """Each row's cell texts with merged cells as the .docx loader gives them: a cell spanning columns
    is followed by an empty cell for each further column; a cell spanning rows leaves an empty cell in
    its columns of the rows below. Raises _TooManyCells past ``budget`` cells."""
    held: dict[int, int] = {}  # column -> rows below still covered by a rowspan from above
    for r, cells in enumerate(rows):
        row: list[str] = []
        covered, held = held, {}
        for cell in cells:
            while len(row) in covered:  # the columns a cell above spans into this row
                row.append("")
            colspan = max(_span(cell, "colspan", MAX_COLSPAN), 1)
            rowspan = _span(cell, "rowspan", MAX_ROWSPAN)
            rowspan = len(rows) - r if rowspan == 0 else min(rowspan, len(rows) - r)
            start = len(row)
            if start + colspan > budget:
                raise _TooManyCells
            row.append(text_of(cell))
            row.extend([""] * (colspan - 1))
            if rowspan > 1:
                held.update(dict.fromkeys(range(start, start + colspan), rowspan - 1))
        if covered and max(covered) >= len(row):  # columns held from above after the last cell
            row.extend([""] * (max(covered) + 1 - len(row)))
        for column, left in covered.items():
            if left > 1:
                held.setdefault(column, left - 1)
        if len(row) > budget:
            raise _TooManyCells
        if row:
            budget -= len(row)
            yield row


# ----------------------------------------------------------------------------- loading


def parse(text: str, name: str):
    """The page's element tree: libxml2's HTML parser, which loads nothing from anywhere (no network,
    no DTD; it knows HTML's named entities and expands no declared ones), given the text as UTF-8 so
    that a charset the page declares cannot override the one it was decoded with."""
    from lxml import etree  # lxml (python-docx's XML library) only when a page is read

    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
        huge_tree=False,  # keep libxml2's limits on depth and text node size
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(name, "corrupt_html", detail=type(exc).__name__) from None
    for error in parser.error_log:
        # libxml2 recovers from broken markup, but past a limit (nesting deeper than 256 elements, a
        # text of more than 10 MB) it stops reading: refuse the page rather than check half of it.
        if error.level_name == "FATAL":
            detail = error.message.split(", ")[0].strip()
            key = "html_limit" if error.type_name == "ERR_RESOURCE_LIMIT" else "corrupt_html"
            raise InputError(name, key, detail=detail)
    if root is None:
        raise InputError(name, "html_no_text")
    return root


def load_html(data: bytes, name: str) -> Source:
    """A page's lines and blocks: one line per paragraph, heading, list item or line of a <br>, and one
    per table cell."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(name, "too_large", limit=MAX_TEXT_BYTES // (1024 * 1024))
    if _AUDITOR_REPORT.search(data[:_PRESCAN_BYTES]):
        raise InputError(name, "html_auditor_report")
    text = decode_page(data, name)
    if "\x00" in text:
        raise InputError(name, "html_binary")
    if not _MARKUP.search(text):
        raise InputError(name, "html_no_markup")
    root = parse(text, name)

    lines: list[Line] = []
    blocks: list[Block] = []
    cells = 0

    def add_line(text: str, role: str) -> int:
        if len(text) > MAX_LINE_CHARS:
            raise InputError(
                name, "line_too_long", line=len(lines) + 1, chars=len(text), limit=MAX_LINE_CHARS
            )
        lines.append(Line(number=len(lines) + 1, text=text, role=role))
        return len(lines)

    for item in _Flow(tables=True).read(root):
        if isinstance(item, str):
            blocks.append(TextBlock(add_line(item, "text"), item))
            continue
        table, own_rows = item
        caption = table.find("caption")
        if caption is not None and (title := text_of(caption)):
            blocks.append(TextBlock(add_line(title, "text"), title))
        try:
            grid = list(_grid(own_rows, MAX_HTML_CELLS - cells))
        except _TooManyCells:
            raise InputError(name, "html_too_many_cells", limit=MAX_HTML_CELLS) from None
        cells += sum(len(row) for row in grid)
        rows = [[(add_line(t, "cell"), t) for t in row] for row in grid]
        if rows:
            blocks.append(TableBlock(rows))
    if not lines:
        raise InputError(name, "html_no_text")
    return Source(name, "html", lines, blocks)
