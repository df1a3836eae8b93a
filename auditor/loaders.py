"""Reading report files (.txt/.md, .docx) into Documents, with clear errors for bad input.

Files are opened read-only and never modified. Every failure is an InputError naming the
file and saying what is wrong, so that a batch can report it and go on with other files.
"""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

from auditor.document import (
    Block,
    Document,
    Line,
    TableBlock,
    TextBlock,
    build_document,
    split_flattened_tables,
)
from auditor.messages import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text"}
DOCX_SUFFIXES = {".docx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES

# A .docx is a zip of XML parts: refuse archives that would expand beyond sane sizes
# before any XML parser sees them (decompression bombs).
MAX_DOCX_MEMBERS = 5_000
MAX_DOCX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_TEXT_BYTES = 64 * 1024 * 1024


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def load(path: str | os.PathLike[str]) -> Document:
    """Read one report file into a Document; raise InputError on anything unreadable."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "missing")
    if p.is_dir():
        raise InputError(name, "is_directory")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(name, "unsupported", suffix=suffix or "(none)")
    try:
        size = p.stat().st_size
        if size == 0:
            raise InputError(name, "empty")
        if suffix in DOCX_SUFFIXES:
            return _load_docx(p, name)
        if size > MAX_TEXT_BYTES:
            raise InputError(name, "too_large", limit=MAX_TEXT_BYTES // (1024 * 1024))
        return _load_text(p.read_bytes(), name)
    except PermissionError:
        raise InputError(name, "unreadable") from None
    except IsADirectoryError:
        raise InputError(name, "is_directory") from None


# ----------------------------------------------------------------------------- text


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


def _load_text(data: bytes, name: str) -> Document:
    text = decode_text(data, name).lstrip("\ufeff")
    if not text.strip():
        raise InputError(name, "empty")
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    lines = [Line(number=i + 1, text=t.rstrip("\n")) for i, t in enumerate(physical)]
    for line in lines:
        if not line.text.strip():
            line.role = "blank"
    return build_document(name, "txt", lines, split_flattened_tables(lines))


# ----------------------------------------------------------------------------- docx


def _check_docx_archive(path: Path, name: str) -> None:
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


def _load_docx(path: Path, name: str) -> Document:
    _check_docx_archive(path, name)
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
                if row:
                    rows.append(row)
            if rows:
                blocks.append(TableBlock(rows))
    if not any(line.text.strip() for line in lines):
        raise InputError(name, "empty")
    return build_document(name, "docx", lines, blocks)
