"""Annotated copies of a report: a Word comment (批注) or a PDF highlight on each finding's figure.

``annotate_file`` reads a .docx or .pdf and writes an annotated copy; the input is never modified. A
finding is placed on the figure it states (``stated``, else the number at its column) in the line the
loaders number; those that cannot be placed go into one summary note on the first paragraph or page.
See docs/annotate.md.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from auditor.messages import InputError
from auditor.model.document import Line
from auditor.model.record import record
from auditor.report.findings import Finding
from auditor.text.chars import normalise
from auditor.text.rx import lazy

AUTHOR = "auditor"
INITIALS = "AU"
SUFFIXES = (".docx", ".pdf")

_WORDING = {
    "zh": {
        "summary": "以下 {count} 处问题未能在正文中定位：",
        "item": "[{rule} {title}] 第 {line} 行「{excerpt}」：{message}",
        "item_bare": "[{rule} {title}] 第 {line} 行：{message}",
    },
    "en": {
        "summary": "{count} findings could not be placed on their text:",
        "item": "[{rule} {title}] line {line} “{excerpt}”: {message}",
        "item_bare": "[{rule} {title}] line {line}: {message}",
    },
}


class AnnotateError(InputError):
    """A request that cannot be carried out (output over the input, unsupported type); nothing written.
    Its messages stand with the loaders' in auditor.messages (annotate_*)."""

    def __init__(self, path: str, key: str, **args: object) -> None:
        super().__init__(path, f"annotate_{key}", **args)


@dataclass(frozen=True)
class AnnotateResult:
    """What annotating a document did: findings placed on their figures, findings only summarised."""

    anchored: int  # findings placed on their own figure or passage
    summarized: int  # findings listed in the one summary note
    output: Path


def default_output(path: Path) -> Path:
    """Where the annotated copy goes by default: NAME.审核.docx (or .pdf) beside the input."""
    path = Path(path)
    return path.with_name(f"{path.stem}.审核{path.suffix}")


def annotate_file(path: Path, findings: list[Finding], output: Path, lang: str = "zh") -> AnnotateResult:
    """Write ``output``, a copy of ``path`` with a comment or highlight on each of its findings.

    Findings of other files are ignored. Messages are used as given (check with ``lang="en"`` for
    English ones); ``lang`` chooses the rule titles and the summary's wording. The input is never
    modified; an output that is the input itself is refused (AnnotateError). A file that cannot be
    read raises the loaders' InputError.
    """
    path, output = Path(path), Path(output)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise AnnotateError(str(path), "unsupported", suffix=path.suffix or "(none)")
    if output.suffix.lower() != suffix:
        raise AnnotateError(str(output), "suffix_mismatch", suffix=suffix)
    if _same_file(path, output):
        raise AnnotateError(str(output), "same_file")
    mine = [f for f in findings if _same_file(Path(f.path), path)]
    mine.sort(key=lambda f: (f.line, f.column, f.rule))
    annotate = _annotate_docx if suffix == ".docx" else _annotate_pdf
    return annotate(path, mine, output, lang)


def _same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def _write_atomically(output: Path, save) -> None:
    """Save through a temporary file beside ``output``: a failed save leaves no half-written copy."""
    partial = output.with_name(f".{output.name}.part")
    try:
        save(str(partial))
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)


# ----------------------------------------------------------------------------- wording


def rule_title(finding: Finding, lang: str) -> str:
    """The rule's Chinese title (合计与分项不符), or its English name with ``lang="en"``."""
    return finding.title if lang != "en" and finding.title else finding.name


def comment_text(finding: Finding, lang: str = "zh") -> str:
    """[S101 合计与分项不符] 合计不符：… — what a comment or highlight note says."""
    return f"[{finding.rule} {rule_title(finding, lang)}] {finding.message}"


def summary_lines(findings: Iterable[Finding], line_texts: list[str], lang: str = "zh") -> list[str]:
    """The summary note: a heading, then one item per finding that could not be placed."""
    findings = list(findings)
    wording = _WORDING["en" if lang == "en" else "zh"]
    out = [wording["summary"].format(count=len(findings))]
    for f in findings:
        text = line_texts[f.line - 1] if 0 < f.line <= len(line_texts) else ""
        excerpt = " ".join(text.split())
        excerpt = excerpt[:30] + "…" if len(excerpt) > 30 else excerpt
        out.append(
            wording["item" if excerpt else "item_bare"].format(
                rule=f.rule, title=rule_title(f, lang), line=f.line, excerpt=excerpt, message=f.message
            )
        )
    return out


# ----------------------------------------------------------------------------- the figure in its line

_NUMBER_AT = lazy(r"[-+]?\d[\d,.]*%?")
_NUMBER_IN = lazy(r"\d[\d,.]*%?")


def figure_span(text: str, column: int, stated: str | None) -> tuple[int, int] | None:
    """Where the finding's figure sits in its line's text, as [start, end); None when it is not found.

    The stated text at the finding's column first, else its occurrence nearest to the column; then
    the stated number without its unit (a table cell reads 10 where the finding states 10分); then the
    number written at the column. A finding that states nothing (a repeated passage) points at the
    text from its column on.
    """
    norm = normalise(text)  # full-width digits fold one for one: offsets stay the same
    col = min(max(column - 1, 0), len(text))
    if not (stated and stated.strip()):
        return (col, len(text)) if text[col:].strip() else None
    wanted = normalise(stated.strip())
    candidates = [regex.escape(wanted)]
    core = _NUMBER_IN.search(wanted)
    if core and core.group(0) != wanted:
        candidates.append(r"(?<![\d.])" + regex.escape(core.group(0)) + r"(?![\d])")
    for pattern in candidates:
        hits = [m.span() for m in regex.finditer(pattern, norm)]
        if hits:
            return min(hits, key=lambda span: (abs(span[0] - col), span[0]))
    m = _NUMBER_AT.match(norm, col)
    return m.span() if m else None


# ----------------------------------------------------------------------------- .docx: Word comments


def _annotate_docx(path: Path, findings: list[Finding], output: Path, lang: str) -> AnnotateResult:
    import docx
    from docx.text.run import Run

    from auditor.loaders.docx import check_archive, read_body

    check_archive(path, str(path))
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises a variety of lxml/zip/KeyError types
        raise InputError(str(path), "corrupt_docx_detail", detail=type(exc).__name__) from None
    lines, _, elements = read_body(document)
    texts = [line.text for line in lines]

    def comment(first, last, paragraphs: list[str]) -> None:
        note = document.add_comment(
            [Run(first, document), Run(last, document)],
            text=paragraphs[0],
            author=AUTHOR,
            initials=INITIALS,
        )
        for extra in paragraphs[1:]:
            note.add_paragraph(extra)

    unplaced: list[Finding] = []
    for f in findings:
        runs = None
        if 0 < f.line <= len(lines) and texts[f.line - 1].strip():
            runs = _runs_for(elements[f.line - 1], texts[f.line - 1], f)
        if runs is None:
            unplaced.append(f)
        else:
            comment(*runs, [comment_text(f, lang)])
    if unplaced:
        first, last = _first_paragraph_runs(document)
        comment(first, last, summary_lines(unplaced, texts, lang))
    _write_atomically(output, document.save)
    return AnnotateResult(len(findings) - len(unplaced), len(unplaced), output)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _char_origins(element) -> tuple[str, list[tuple[object, int] | None]]:
    """The line text of a w:p or w:tc as the docx loader builds it, and for each character the w:r and
    the offset in that run's text it comes from (None for what the loader adds: separators)."""
    T, TAB, BR, R, P = _qn("w:t"), _qn("w:tab"), _qn("w:br"), _qn("w:r"), _qn("w:p")

    def paragraph(p) -> list[tuple[str, tuple[object, int] | None]]:
        out: list[tuple[str, tuple[object, int] | None]] = []
        for node in p.iter(T, TAB, BR):  # the loader's walk (loaders.docx.paragraph_text)
            run = node.getparent()
            in_run = run is not None and run.tag == R
            if node.tag == T:
                start = _offset_in_run(run, node) if in_run else 0
                out += [(ch, (run, start + i) if in_run else None) for i, ch in enumerate(node.text or "")]
            elif node.tag == TAB:
                out.append(("\t", (run, _offset_in_run(run, node)) if in_run else None))
        return out

    if element.tag != _qn("w:tc"):
        chars = paragraph(element)
    else:  # loaders.docx.cell_text: paragraphs' lines stripped, joined with a space
        raw: list[tuple[str, tuple[object, int] | None]] = []
        for k, p in enumerate(element.iter(P)):
            if k:
                raw.append(("\n", None))
            raw += paragraph(p)
        pieces: list[list[tuple[str, tuple[object, int] | None]]] = [[]]
        for item in raw:
            if item[0] == "\n":
                pieces.append([])
            else:
                pieces[-1].append(item)
        chars = []
        for piece in pieces:
            s = "".join(ch for ch, _ in piece)
            left, right = len(s) - len(s.lstrip()), len(s.rstrip())
            if left < right:
                if chars:
                    chars.append((" ", None))
                chars += piece[left:right]
    return "".join(ch for ch, _ in chars), [origin for _, origin in chars]


def _length(child) -> int:
    if child.tag == _qn("w:t"):
        return len(child.text or "")
    return 1 if child.tag == _qn("w:tab") else 0


def _offset_in_run(run, node) -> int:
    offset = 0
    for child in run:
        if child is node:
            return offset
        offset += _length(child)
    return offset


def _run_length(run) -> int:
    return sum(_length(child) for child in run)


def _split_run(run, k: int):
    """Split a w:r before character ``k`` of its text; return the run that starts there (the same run
    when ``k`` is 0, None when ``k`` is at its end). Both halves keep the run's properties."""
    if k <= 0:
        return run
    if k >= _run_length(run):
        return None
    right = copy.deepcopy(run)
    rpr = _qn("w:rPr")
    space = "{http://www.w3.org/XML/1998/namespace}space"
    pos = 0
    pairs = [(a, b) for a, b in zip(run, right, strict=True) if a.tag != rpr]
    for left_child, right_child in pairs:
        n = _length(left_child)
        start, end = pos, pos + n
        if end <= k and (n or start < k):
            right.remove(right_child)
        elif start >= k:
            run.remove(left_child)
        else:  # a w:t across the split
            text = left_child.text or ""
            left_child.text, right_child.text = text[: k - start], text[k - start :]
            left_child.set(space, "preserve")
            right_child.set(space, "preserve")
        pos = end
    run.addnext(right)
    return right


def _own(run, element) -> bool:
    """A run of this paragraph or cell itself (not of a text box or a nested table in it)."""
    stop = _qn("w:tc") if element.tag == _qn("w:tc") else _qn("w:p")
    box = _qn("w:txbxContent")
    node = run.getparent()
    while node is not None:
        if node.tag == box:
            return False
        if node.tag == stop:
            return node is element
        node = node.getparent()
    return False


def _whole(element) -> tuple[object, object] | None:
    """The first and last runs with text of a paragraph or cell: the comment covers all of it."""
    runs = [r for r in element.iter(_qn("w:r")) if _own(r, element) and _run_length(r)]
    return (runs[0], runs[-1]) if runs else None


def _runs_for(element, line_text: str, finding: Finding) -> tuple[object, object] | None:
    """The first and last w:r a finding's comment covers, runs split so that they hold just the figure."""
    text, origins = _char_origins(element)
    if text != line_text:  # not the loader's line: do not guess
        return None
    span = figure_span(text, finding.column, finding.stated)
    if span is None:
        return _whole(element)
    placed = [o for o in origins[span[0] : span[1]] if o is not None]
    if not placed or not all(_own(run, element) for run, _ in placed):
        return _whole(element)
    (first_run, start), (last_run, end) = placed[0], placed[-1]
    _split_run(last_run, end + 1)  # the end first: the start's offset stays valid
    figure = _split_run(first_run, start)
    return figure, (figure if first_run is last_run else last_run)


def _first_paragraph_runs(document) -> tuple[object, object]:
    """The runs of the first paragraph with text, for the summary comment."""
    body = document.element.body
    for p in body.iter(_qn("w:p")):
        runs = _whole(p)
        if runs:
            return runs
    p = next(body.iter(_qn("w:p")), None)
    if p is None:
        p = body.add_p()
    run = p.add_r()  # no text anywhere a run can be: the note hangs on an empty run
    return run, run


# ----------------------------------------------------------------------------- .pdf: highlights

_HIGHLIGHT = "ffe14d"  # yellow, multiplied over the text by viewers


@record
class _PageText:
    """A page's characters without white space, as one string, with each one's PDFium index."""

    compact: str
    indexes: list[int]


def _page_text(textpage) -> _PageText:
    import pypdfium2.raw as R

    chars: list[str] = []
    indexes: list[int] = []
    previous = (0.0, 0.0)
    for i in range(textpage.count_chars()):
        code = R.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if 0 < code < 0x110000 else ""
        if not ch or ch.isspace() or ch == "\ufffe":
            continue
        left, bottom, *_ = textpage.get_charbox(i)
        if chars and ch == chars[-1] and abs(left - previous[0]) < 0.5 and abs(bottom - previous[1]) < 0.5:
            continue  # the same glyph painted over itself (fake bold): the loader reads it once
        previous = (left, bottom)
        chars.append(ch)
        indexes.append(i)
    return _PageText("".join(chars), indexes)


def _compact_span(text: str, span: tuple[int, int]) -> tuple[str, int, int]:
    """The line without white space and the span's place in it."""
    before = sum(1 for ch in text[: span[0]] if not ch.isspace())
    inside = sum(1 for ch in text[span[0] : span[1]] if not ch.isspace())
    return "".join(text.split()), before, before + inside


def _quads(textpage, indexes: list[int]) -> list[tuple[float, float, float, float]]:
    """The figure's boxes (left, bottom, right, top in PDF user space), one per printed line it spans."""
    boxes: list[list[float]] = []
    for i in indexes:
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        if boxes:
            last = boxes[-1]
            middle = (bottom + top) / 2
            if last[1] <= middle <= last[3] and left >= last[0] - 1:
                last[0], last[1] = min(last[0], left), min(last[1], bottom)
                last[2], last[3] = max(last[2], right), max(last[3], top)
                continue
        boxes.append([left, bottom, right, top])
    return [(b[0], b[1], b[2], b[3]) for b in boxes]


class _PdfText:
    """The PDF's pages as PDFium reads them, and where each of the loader's lines sits on its page."""

    def __init__(self, pdf, lines: list[Line]) -> None:
        self.pdf = pdf
        self.lines = lines
        self._pages: dict[int, tuple[object, _PageText, dict[int, int]]] = {}

    def page(self, index: int) -> tuple[object, _PageText, dict[int, int]]:
        """A page's PDFium text, and where its lines start in it: each line is looked for after the
        one before it (reading order), so that a cell reading 0.00 is this row's 0.00."""
        if index not in self._pages:
            textpage = self.pdf[index].get_textpage()
            text = _page_text(textpage)
            positions: dict[int, int] = {}
            cursor = 0
            for line in self.lines:
                compact = "".join(line.text.split())
                if line.page != index + 1 or not compact:
                    continue
                at = text.compact.find(compact, cursor)
                if at >= 0:
                    cursor = at + len(compact)
                else:
                    at = text.compact.find(compact)  # out of reading order: anywhere on the page
                if at >= 0:
                    positions[line.number] = at
            self._pages[index] = (textpage, text, positions)
        return self._pages[index]

    def close(self) -> None:
        for textpage, _, _ in self._pages.values():
            textpage.close()
        self.pdf.close()

    def locate(self, finding: Finding, page_number: int) -> tuple[int, list[tuple[float, ...]]] | None:
        """(page index, boxes) of the finding's figure, else of its passage's start; None if not found."""
        text = self.lines[finding.line - 1].text
        span = figure_span(text, finding.column, finding.stated) or (0, len(text))
        line, a, b = _compact_span(text, span)
        if a == b:
            return None
        b = min(b, a + 60)  # a long passage: its first characters are enough to point at it
        pages = [p for p in (page_number - 1, page_number) if 0 <= p < len(self.pdf)]
        if pages and pages[0] == page_number - 1:
            textpage, page, positions = self.page(pages[0])
            if finding.line in positions:
                at = positions[finding.line] + a
                return pages[0], _quads(textpage, page.indexes[at : at + (b - a)])
        # a paragraph running over the page break: its figure with a few characters either side
        for context in (24, 12, 6, 0):
            for index in pages:
                textpage, page, _ = self.page(index)
                at = _find_with_context(page, line, a, b, context)
                if at is not None:
                    return index, _quads(textpage, page.indexes[at : at + (b - a)])
        return None


def _find_with_context(page: _PageText, line: str, a: int, b: int, context: int) -> int | None:
    """Where the figure (line[a:b]) starts in the page's text, found with ``context`` characters of its
    line either side; the first such place."""
    lo, hi = max(0, a - context), min(len(line), b + context)
    at = page.compact.find(line[lo:hi])
    return None if at < 0 else at + (a - lo)


def _annotate_pdf(path: Path, findings: list[Finding], output: Path, lang: str) -> AnnotateResult:
    import pypdfium2 as pdfium
    from pypdf import PdfWriter
    from pypdf.annotations import Highlight, Popup, Text
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject, TextStringObject

    from auditor.loaders import read

    source = read(path)  # the same lines and pages the findings refer to; InputError if unreadable
    texts = [line.text for line in source.lines]
    pages = _PdfText(pdfium.PdfDocument(str(path)), source.lines)
    placed: list[tuple[Finding, int, list[tuple[float, ...]]]] = []
    unplaced: list[Finding] = []
    try:
        for f in findings:
            found = None
            if 0 < f.line <= len(texts) and texts[f.line - 1].strip():
                found = pages.locate(f, f.page or source.lines[f.line - 1].page or 1)
            if found and found[1]:
                placed.append((f, *found))
            else:
                unplaced.append(f)
    finally:
        pages.close()

    writer = PdfWriter(clone_from=str(path))

    def add_note(index: int, note, anchor: tuple[float, float, float, float]) -> None:
        """The annotation, and a closed pop-up beside it at the page's right edge for its note."""
        added = writer.add_annotation(index, note)
        box = writer.pages[index].mediabox
        right, top = float(box.right), min(float(box.top), anchor[3] + 20)
        popup = Popup(rect=(right - 220, top - 120, right - 20, top), parent=added, open=False)
        added[NameObject("/Popup")] = writer.add_annotation(index, popup).indirect_reference

    for f, index, boxes in placed:
        left = min(b[0] for b in boxes)
        bottom = min(b[1] for b in boxes)
        right = max(b[2] for b in boxes)
        top = max(b[3] for b in boxes)
        quads = ArrayObject(
            FloatObject(round(v, 3)) for x0, y0, x1, y1 in boxes for v in (x0, y1, x1, y1, x0, y0, x1, y0)
        )
        note = Highlight(
            rect=(left, bottom, right, top),
            quad_points=quads,
            highlight_color=_HIGHLIGHT,
            printing=True,
            title_bar=AUTHOR,
        )
        note[NameObject("/Contents")] = TextStringObject(comment_text(f, lang))
        note[NameObject("/Subj")] = TextStringObject(f"{f.rule} {rule_title(f, lang)}")
        add_note(index, note, (left, bottom, right, top))
    if unplaced:
        box = writer.pages[0].mediabox
        x, y = float(box.left) + 12, float(box.top) - 12
        rect = (x, y - 24, x + 24, y)
        sticky = Text(rect=rect, text="\n".join(summary_lines(unplaced, texts, lang)), title_bar=AUTHOR)
        del sticky["/Flags"]  # pypdf names the flags /Flags; annotations keep them in /F
        sticky[NameObject("/Name")] = NameObject("/Comment")
        sticky[NameObject("/F")] = NumberObject(4)  # print
        add_note(0, sticky, rect)
    _write_atomically(output, writer.write)
    return AnnotateResult(len(placed), len(unplaced), output)
