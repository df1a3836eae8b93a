"""Reading report files (.txt/.md, .docx) into Documents, with clear errors for bad input.

Files are opened read-only and never modified. Every failure is an InputError naming the
file and saying what is wrong, so that a batch can report it and go on with other files.
"""

from __future__ import annotations

import codecs
import os
import zipfile
from pathlib import Path

from auditor.loaders.text import split_flattened_tables
from auditor.messages import InputError
from auditor.model.document import Block, Line, Source, TableBlock, TextBlock
from auditor.text.ordinals import parse_heading
from auditor.text.rx import rx

TEXT_SUFFIXES = {".txt", ".md", ".text"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
LEGACY_SUFFIXES = {".doc", ".wps"}  # binary Word/WPS: converted through LibreOffice when it is installed
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | LEGACY_SUFFIXES

# A .docx is a zip of XML parts: refuse archives that would expand beyond sane sizes
# before any XML parser sees them (decompression bombs).
MAX_DOCX_MEMBERS = 5_000
MAX_DOCX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_TEXT_BYTES = 64 * 1024 * 1024
MAX_LINE_CHARS = 1_000_000  # a report has paragraphs; a megabyte on one line is not a report's layout


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def read(path: str | os.PathLike[str]) -> Source:
    """Read one report file into its lines and blocks; raise InputError on anything unreadable."""
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
        if suffix in PDF_SUFFIXES:
            return _load_pdf(p, name)
        if suffix in LEGACY_SUFFIXES:
            return _load_legacy(p, name)
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


def _load_text(data: bytes, name: str) -> Source:
    text = decode_text(data, name).lstrip("\ufeff")
    if not text.strip():
        raise InputError(name, "empty")
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    longest = max(range(len(physical)), key=lambda i: len(physical[i]), default=0)
    if physical and len(physical[longest]) > MAX_LINE_CHARS:
        raise InputError(
            name, "line_too_long", line=longest + 1, chars=len(physical[longest]), limit=MAX_LINE_CHARS
        )
    lines = [Line(number=i + 1, text=t.rstrip("\n")) for i, t in enumerate(physical)]
    for line in lines:
        if not line.text.strip():
            line.role = "blank"
    return Source(name, "txt", lines, split_flattened_tables(lines))


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


def _load_docx(path: Path, name: str) -> Source:
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
    return Source(name, "docx", lines, blocks)


# ----------------------------------------------------------------------------- pdf


def _load_pdf(path: Path, name: str) -> Source:
    """Text in reading order, tables as tables (where pdfplumber finds ruled tables), page per line.

    A PDF wraps every paragraph into lines; lines that run to the right margin and continue
    unindented on the next line are joined back into one paragraph, so that a sentence broken
    by the layout is read whole.
    """
    try:
        import pdfplumber  # imported only when a PDF is read
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "pdf_unavailable") from None
    if path.read_bytes()[:5] != b"%PDF-":
        raise InputError(name, "corrupt_pdf")
    lines: list[Line] = []
    blocks: list[Block] = []
    chars_seen = 0
    carry: list[dict] = []  # a paragraph running over the page break
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page_number, page in enumerate(pdf.pages, start=1):
                chars_seen += len(page.chars)
                carry = _read_pdf_page(page, page_number, lines, blocks, carry)
            _flush_pdf_paragraph(carry, lines, blocks)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types for damaged or encrypted files
        detail = type(exc).__name__
        key = (
            "encrypted_pdf" if "password" in str(exc).lower() or "Encrypt" in detail else "corrupt_pdf_detail"
        )
        raise InputError(name, key, detail=detail) from None
    if chars_seen == 0:
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
    page, page_number: int, lines: list[Line], blocks: list[Block], carry: list[dict]
) -> list[dict]:
    """Read one page into lines and blocks; return the paragraph still open at the page's end."""
    import statistics

    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def inside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_lines = [
        dict(t, page=page_number) for t in page.extract_text_lines(return_chars=False) if not inside(t)
    ]
    items: list[tuple[float, str, object]] = [(t["top"], "text", t) for t in text_lines]
    items += [(t.bbox[1], "table", t) for t in tables]
    items.sort(key=lambda item: item[0])
    if text_lines:
        left = min(t["x0"] for t in text_lines)
        right = max(t["x1"] for t in text_lines)
        char = max(4.0, statistics.median((t["x1"] - t["x0"]) / max(1, len(t["text"])) for t in text_lines))
    paragraph = carry
    for position, (_, kind, obj) in enumerate(items):
        if kind == "table":
            _flush_pdf_paragraph(paragraph, lines, blocks)
            raw_rows = [["".join((cell or "").split("\n")).strip() for cell in row] for row in obj.extract()]
            previous = blocks[-1] if blocks else None
            continues = (
                position == 0
                and isinstance(previous, TableBlock)
                and previous.rows
                and len(raw_rows[0]) == len(previous.rows[0])
            )
            if continues and raw_rows and raw_rows[0] == [text for _, text in previous.rows[0]]:
                raw_rows = raw_rows[1:]  # the header row repeated on the new page
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
            if not (wrapped and unindented and close) or parse_heading(0, t["text"]) is not None:
                _flush_pdf_paragraph(paragraph, lines, blocks)
        t["right"] = right
        paragraph.append(t)
    return paragraph


# ----------------------------------------------------------------------------- doc / wps


def _load_legacy(path: Path, name: str) -> Source:
    """Binary Word/WPS files: converted to .docx with LibreOffice (soffice) into a temporary folder."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise InputError(name, "legacy_needs_soffice", suffix=path.suffix.lower())
    with tempfile.TemporaryDirectory(prefix="auditor-") as tmp:
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmp,
                    str(path.resolve()),
                ],
                capture_output=True,
                timeout=180,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            raise InputError(name, "legacy_conversion_failed") from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.exists():
            raise InputError(name, "legacy_conversion_failed")
        doc = _load_docx(converted, name)
    doc.format = path.suffix.lower().lstrip(".")
    return doc
