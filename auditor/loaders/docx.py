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
        from docx.oxml.ns import qn

        document = docx.Document(str(path))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises a variety of lxml/zip/KeyError types
        raise InputError(name, "corrupt_docx_detail", detail=type(exc).__name__) from None

    lines: list[Line] = []
    blocks: list[Block] = []

    def add_line(text: str, role: str = "text") -> int:
        lines.append(Line(number=len(lines) + 1, text=text, role=role))
        return len(lines)

    def paragraph_text(element) -> str:  # the text of a w:p, runs joined, tabs kept
        parts = []
        for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag == qn("w:tab"):
                parts.append("\t")
        return "".join(parts)

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = paragraph_text(child)
            number = add_line(text, "text" if text.strip() else "blank")
            blocks.append(TextBlock(number, text))
        elif child.tag == qn("w:tbl"):
            rows = []
            for tr in child.iter(qn("w:tr")):
                row = []
                for tc in tr.iterchildren(qn("w:tc")):
                    merged = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
                    continued = merged is not None and merged.get(qn("w:val")) in (None, "continue")
                    text = "" if continued else "\n".join(paragraph_text(p) for p in tc.iter(qn("w:p")))
                    text = " ".join(t.strip() for t in text.split("\n") if t.strip())
                    row.append((add_line(text, "cell"), text))
                    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                    for _ in range(int(span.get(qn("w:val"), "1")) - 1 if span is not None else 0):
                        row.append((add_line("", "cell"), ""))  # a cell merged across: its columns stay
                if row:
                    rows.append(row)
            if rows:
                blocks.append(TableBlock(rows))
    if not any(line.text.strip() for line in lines):
        raise InputError(name, "empty")
    return Source(name, "docx", lines, blocks)
