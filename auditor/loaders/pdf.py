"""PDF files: text lines rejoined into paragraphs, ruled tables (continued across pages), a page per line.

Pages come from PDFium (``auditor.loaders.pdfium``); this module turns them into the lines and blocks
every other format gives: a paragraph wrapped by the layout is read whole again, a table that runs
on over a page break is one table, and what WPS hides above a page's visible area is left out.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from auditor.messages import InputError
from auditor.model.document import Block, Line, Source, TableBlock, TextBlock
from auditor.text.ordinals import parse_heading, parse_ordinal
from auditor.text.rx import rx


def load_pdf(path: Path, name: str) -> Source:
    """Text in reading order, tables as tables (ruled tables), each line with its page.

    A PDF wraps every paragraph into lines; lines that run to the right margin and continue
    unindented on the next line are joined back into one paragraph, so that a sentence broken
    by the layout is read whole.
    """
    try:
        from auditor.loaders.pdfium import PdfError, extract, load_library  # PDFium only when a PDF is read

        load_library()
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "pdf_unavailable") from None
    with path.open("rb") as fh:
        if fh.read(5) != b"%PDF-":
            raise InputError(name, "corrupt_pdf")
    try:
        pages = extract(str(path))
    except PdfError as exc:
        key = "encrypted_pdf" if exc.encrypted else "corrupt_pdf_detail"
        raise InputError(name, key, detail=f"PDFium {exc.code}") from None  # the code is language-neutral
    lines: list[Line] = []
    blocks: list[Block] = []
    carry: list[dict] = []  # a paragraph running over the page break
    previous = ""  # the previous page's text, without spaces
    # A page's right margin is its widest line. A page with only a few short lines (a table's title
    # above it) must not take its widest line for the margin: it takes that of the document's pages of
    # its size, or else its tables' width.
    typical: dict[tuple[int, int], list[float]] = {}
    for page in pages:
        if len(page.lines) >= 5:
            typical.setdefault((round(page.width), round(page.height)), []).append(
                max(t.x1 for t in page.lines)
            )
    margins: dict[int, float] = {}
    for page in pages:
        widest = max((t.x1 for t in page.lines), default=0.0)
        if len(page.lines) < 5:
            seen = sorted(typical.get((round(page.width), round(page.height)), []))
            other = seen[len(seen) // 2] if seen else max((t.bbox[2] for t in page.tables), default=0.0)
            widest = max(widest, other)
        margins[page.number] = widest
    for page in pages:
        carry, previous = _read_pdf_page(page, lines, blocks, carry, previous, margins[page.number])
    _flush_pdf_paragraph(carry, lines, blocks)
    if not any(p.lines or p.tables for p in pages):
        raise InputError(name, "pdf_no_text")
    if not any(line.text.strip() for line in lines):
        raise InputError(name, "empty")
    return Source(name, "pdf", lines, blocks)


def _flush_pdf_paragraph(paragraph: list[dict], lines: list[Line], blocks: list[Block]) -> None:
    if paragraph:
        text = "".join(t["text"].strip() for t in paragraph)
        lines.append(Line(number=len(lines) + 1, text=text, page=paragraph[0]["page"]))
        blocks.append(TextBlock(len(lines), text))
        paragraph.clear()


def _read_pdf_page(
    page, lines: list[Line], blocks: list[Block], carry: list[dict], previous: str, margin: float
) -> tuple[list[dict], str]:
    """Read one page into lines and blocks; return the paragraph still open at its end and its text."""
    page_number = page.number
    text_lines = [
        {"text": t.text, "x0": t.x0, "x1": t.x1, "top": t.top, "bottom": t.bottom, "page": page_number}
        for t in page.lines
    ]
    page_text = "".join("".join(t["text"].split()) for t in text_lines)
    text_lines = _drop_overflow(text_lines, previous)
    items: list[tuple[float, str, object]] = [(t["top"], "text", t) for t in text_lines]
    items += [(t.bbox[1], "table", t) for t in page.tables]
    items.sort(key=lambda item: item[0])
    if text_lines:
        left = min(t["x0"] for t in text_lines)
        right = margin
        char = max(4.0, statistics.median((t["x1"] - t["x0"]) / max(1, len(t["text"])) for t in text_lines))
    paragraph = carry
    for position, (_, kind, obj) in enumerate(items):
        if kind == "table":
            _flush_pdf_paragraph(paragraph, lines, blocks)
            raw_rows = [[_cell_text(cell) for cell in row] for row in obj.rows]
            for k, piece in enumerate(_split_at_titles(raw_rows)):
                if isinstance(piece, str):  # a table's title printed inside the ruled area
                    lines.append(Line(number=len(lines) + 1, text=piece, page=page_number))
                    blocks.append(TextBlock(len(lines), piece))
                    continue
                _add_table_rows(piece, position == 0 and k == 0, page_number, lines, blocks)
            continue
        t = obj
        if paragraph:
            prev = paragraph[-1]
            # a line wraps early when the next line starts with a number, which cannot be split
            lead = rx(r"[0-9０-９.,，%％A-Za-z\-]*").match(t["text"]).group(0)
            wrapped = prev["x1"] >= prev.get("right", right) - (3 + 0.6 * len(lead)) * char
            unindented = t["x0"] <= left + 0.5 * char
            same_page = prev["page"] == page_number
            close = not same_page or t["top"] - prev["bottom"] <= (prev["bottom"] - prev["top"]) * 1.2
            if not (wrapped and unindented and close) or _starts_item(t["text"]):
                _flush_pdf_paragraph(paragraph, lines, blocks)
        t["right"] = right
        paragraph.append(t)
    return paragraph, page_text


def _drop_overflow(text_lines: list[dict], previous: str) -> list[dict]:
    """WPS repeats the end of a page above the next page's visible area, clipped from view: leading
    lines that the previous page already holds are that hidden overflow, not a pasted passage."""
    if not previous:
        return text_lines
    ordered = sorted(text_lines, key=lambda t: t["top"])
    k = 0
    while k < len(ordered) and (compact := "".join(ordered[k]["text"].split())) and compact in previous:
        k += 1
    dropped = sum(len(t["text"]) for t in ordered[:k])
    return ordered[k:] if k and dropped >= 20 else text_lines


_PART_TITLE = rx(r"\s*第[一二三四五六七八九十]+部分")


def _starts_item(text: str) -> bool:
    """A line that opens a heading or a list item of its own (一、 （八）…), however long it runs."""
    if parse_heading(0, text) is not None or _PART_TITLE.match(text):
        return True
    item = parse_ordinal(0, text)
    return item is not None and item.level <= 2


_SPLIT_NUMBER = rx(r"(?<=\d)\s+(?=[,.]\d)|(?<=\d[,.])\s+(?=\d)")


def _cell_text(cell: str | None) -> str:
    """A cell's lines joined; a figure the layout split ("982 ,692.00") made whole again."""
    text = "".join((cell or "").split("\n")).strip()
    return _SPLIT_NUMBER.sub("", text) if " " in text else text


def _is_title_row(row: list[str]) -> bool:
    """A row holding only a table's title (…预算总表, …决算表): the next table begins there."""
    filled = [c for c in row if c]
    return len(filled) == 1 and len(row) > 1 and filled[0].endswith("表") and len(filled[0]) >= 6


def _split_at_titles(rows: list[list[str]]) -> list[list[list[str]] | str]:
    pieces: list[list[list[str]] | str] = []
    current: list[list[str]] = []
    for row in rows:
        if _is_title_row(row):
            if current:
                pieces.append(current)
            pieces.append(next(c for c in row if c))
            current = []
        else:
            current.append(row)
    if current:
        pieces.append(current)
    return pieces


def _rest_of_a_split_row(row: list[str], previous: list[tuple[int, str]]) -> bool:
    """A first row on a new page that only finishes the text of the row before the break: no code or
    figure of its own, an empty first cell under a filled one."""
    if not row or row[0] or not previous or not previous[0][1]:
        return False
    return any(row) and not any(ch.isdigit() for cell in row for ch in cell)


def _add_table_rows(
    raw_rows: list[list[str]], at_page_top: bool, page_number: int, lines: list[Line], blocks: list[Block]
) -> None:
    """A table's rows as a TableBlock, or as the continuation of the table ending the previous page."""
    previous = blocks[-1] if blocks else None
    continues = (
        at_page_top
        and isinstance(previous, TableBlock)
        and previous.rows
        and bool(raw_rows)
        and len(raw_rows[0]) == len(previous.rows[0])
    )
    if continues and raw_rows[0] == [text for _, text in previous.rows[0]]:
        raw_rows = raw_rows[1:]  # the header row repeated on the new page
    if continues and raw_rows and _rest_of_a_split_row(raw_rows[0], previous.rows[-1]):
        last = previous.rows[-1]  # a row the page break cut in two: its name ends here
        for c, text in enumerate(raw_rows[0]):
            if text and c < len(last):
                line, before = last[c]
                lines[line - 1].text = before + text
                last[c] = (line, before + text)
        raw_rows = raw_rows[1:]
    rows = []
    for raw_row in raw_rows:
        row = []
        for text in raw_row:
            lines.append(Line(number=len(lines) + 1, text=text, role="cell", page=page_number))
            row.append((len(lines), text))
        rows.append(row)
    if continues:
        previous.rows.extend(rows)  # a table running on from the previous page
    elif rows:
        blocks.append(TableBlock(rows))
