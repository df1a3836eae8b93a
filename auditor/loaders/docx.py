"""Word .docx files through python-docx, after the archive passes the size and entity checks."""

from __future__ import annotations

import zipfile
from pathlib import Path

from auditor.loaders.limits import MAX_DOCX_MEMBERS, MAX_DOCX_RATIO, MAX_DOCX_UNCOMPRESSED
from auditor.messages import InputError
from auditor.model.document import Block, Line, Source, TableBlock, TextBlock


def check_archive(path: Path, name: str) -> None:
    if not zipfile.is_zipfile(path):
        raise InputError(name, "corrupt_docx")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_DOCX_MEMBERS:
                raise InputError(name, "docx_too_many_members", count=len(infos))
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_DOCX_UNCOMPRESSED or (
                total > 10 * 1024 * 1024 and total / packed > MAX_DOCX_RATIO
            ):
                raise InputError(name, "docx_bomb", size=total // (1024 * 1024))
            if "word/document.xml" not in zf.namelist():
                raise InputError(name, "corrupt_docx")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with zf.open(info) as fh:
                        head = fh.read(2048)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise InputError(name, "docx_entities")
    except zipfile.BadZipFile:
        raise InputError(name, "corrupt_docx") from None


def load_docx(path: Path, name: str) -> Source:
    check_archive(path, name)
    try:
        import docx  # python-docx: imported only when a .docx is read

        document = docx.Document(str(path))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises a variety of lxml/zip/KeyError types
        raise InputError(name, "corrupt_docx_detail", detail=type(exc).__name__) from None

    lines, blocks, _ = read_body(document)
    if not any(line.text.strip() for line in lines):
        raise InputError(name, "empty")
    return Source(name, "docx", lines, blocks)


def paragraph_text(element) -> str:
    """The text of a w:p (or of anything holding runs): runs joined, tabs kept, breaks dropped."""
    from docx.oxml.ns import qn

    t, tab = qn("w:t"), qn("w:tab")
    parts = []
    for node in element.iter(t, tab, qn("w:br")):
        if node.tag == t:
            parts.append(node.text or "")
        elif node.tag == tab:
            parts.append("\t")
    return "".join(parts)


def cell_text(tc) -> str:
    """The text of a w:tc as one line: its paragraphs' lines stripped and joined with a space."""
    from docx.oxml.ns import qn

    text = "\n".join(paragraph_text(p) for p in tc.iter(qn("w:p")))
    return " ".join(t.strip() for t in text.split("\n") if t.strip())


def read_body(document) -> tuple[list[Line], list[Block], list]:
    """The numbered lines and blocks of an open python-docx Document, and the element each line reads.

    One line per body paragraph and one per table cell (a cell merged across keeps its columns as
    empty lines). The third list gives each line's w:p or w:tc, so that ``auditor.report.annotate``
    finds a finding's line in the same numbering.
    """
    from docx.oxml.ns import qn

    lines: list[Line] = []
    blocks: list[Block] = []
    elements: list = []

    def add_line(text: str, element, role: str = "text") -> int:
        lines.append(Line(number=len(lines) + 1, text=text, role=role))
        elements.append(element)
        return len(lines)

    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = paragraph_text(child)
            number = add_line(text, child, "text" if text.strip() else "blank")
            blocks.append(TextBlock(number, text))
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iter(qn("w:tr")):
                row = []
                for tc in tr.iterchildren(qn("w:tc")):
                    merged = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    continued = merged is not None and merged.get(qn("w:val")) in (None, "continue")
                    text = "" if continued else cell_text(tc)
                    row.append((add_line(text, tc, "cell"), text))
                    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                    for _ in range(int(span.get(qn("w:val"), "1")) - 1 if span is not None else 0):
                        row.append((add_line("", tc, "cell"), ""))  # a cell merged across: its columns stay
                if row:
                    rows.append(row)
            if rows:
                blocks.append(TableBlock(rows))
    return lines, blocks, elements
