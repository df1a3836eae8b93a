"""Reading report files (.txt .md .docx .pdf .doc .wps .html .htm) into a Source: numbered lines and blocks.

Files are opened read-only and never modified. Every failure is an InputError naming the
file and saying what is wrong, so that a batch can report it and go on with other files.
"""

from __future__ import annotations

import os
from pathlib import Path

from auditor.loaders.limits import MAX_TEXT_BYTES
from auditor.loaders.text import decode_text, load_text
from auditor.messages import InputError
from auditor.model.document import Source

TEXT_SUFFIXES = {".txt", ".md", ".text"}
DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
LEGACY_SUFFIXES = {".doc", ".wps"}  # binary Word/WPS: converted through LibreOffice when it is installed
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | LEGACY_SUFFIXES | HTML_SUFFIXES


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
            from auditor.loaders.docx import load_docx  # python-docx only for .docx

            return load_docx(p, name)
        if suffix in PDF_SUFFIXES:
            from auditor.loaders.pdf import load_pdf  # PDFium only for .pdf

            return load_pdf(p, name)
        if suffix in LEGACY_SUFFIXES:
            from auditor.loaders.legacy import load_legacy

            return load_legacy(p, name)
        if size > MAX_TEXT_BYTES:
            raise InputError(name, "too_large", limit=MAX_TEXT_BYTES // (1024 * 1024))
        if suffix in HTML_SUFFIXES:
            from auditor.loaders.html import load_html  # lxml only for web pages

            return load_html(p.read_bytes(), name)
        return load_text(p.read_bytes(), name)
    except PermissionError:
        raise InputError(name, "unreadable") from None
    except IsADirectoryError:
        raise InputError(name, "is_directory") from None


__all__ = ["SUPPORTED_SUFFIXES", "decode_text", "is_supported", "read"]
