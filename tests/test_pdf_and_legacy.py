"""PDF and binary Word/WPS input: the same findings as the text, with page numbers."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import regex
from helpers import ROOT, SAMPLES, corpus_file, txt_to_docx

from auditor import load
from auditor.engine import check_paths
from auditor.messages import InputError

FIXTURE_PDF = ROOT / "tests" / "fixtures" / "final-accounts-2023.pdf"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def said(path: Path) -> Counter:
    report = check_paths([path])
    assert report.errors == []
    return Counter(
        (f.rule, f.stated, f.expected, regex.sub(r"第 [\d、]+ 行", "第 N 行", f.message))
        for f in report.findings
    )


def test_committed_pdf_fixture_gives_the_texts_findings_with_pages():
    assert said(FIXTURE_PDF) == said(SAMPLES / "final-accounts-2023.txt")
    report = check_paths([FIXTURE_PDF])
    assert all(f.page is not None and f.page >= 1 for f in report.findings)
    doc = load(FIXTURE_PDF)
    assert doc.format == "pdf" and doc.lines[0].page == 1 and doc.lines[-1].page == 2


def test_pdf_paragraphs_are_joined_across_wrapped_lines():
    doc = load(FIXTURE_PDF)
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("2023年本年收入合计1868.58万元") and t.endswith("占3.01%。") for t in texts)


def _pdf_of(source: Path, tmp_path: Path) -> Path:
    docx_path = txt_to_docx(source, tmp_path / (source.stem + ".docx"))
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    return tmp_path / (source.stem + ".pdf")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_corpus_report_through_libreoffice_pdf(tmp_path, prefix):
    source = corpus_file(prefix)
    pdf = _pdf_of(source, tmp_path)
    assert said(pdf) == said(source)
    pages = {f.page for f in check_paths([pdf]).findings}
    assert None not in pages and len(pages) > 1


_EMPTY_PAGE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def test_scanned_pdf_without_text_layer_is_a_clear_error(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_EMPTY_PAGE_PDF)
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.key == "pdf_no_text"
    assert "扫描件" in err.value.message() and "OCR" in err.value.message("en")


def test_corrupt_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.key == "corrupt_pdf"
    # a PDF header over garbage: PDFium's own refusal, with its code
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 200)
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.key == "corrupt_pdf_detail" and "PDFium 3" in err.value.message()


def test_a_pdfium_that_cannot_be_loaded_is_a_clear_error_and_other_files_are_checked(tmp_path, monkeypatch):
    from auditor.loaders import pdfium

    def missing(name):
        return None  # as when pypdfium2 is not installed

    monkeypatch.setattr(pdfium, "_lib", None)
    monkeypatch.setattr("importlib.util.find_spec", missing)
    shutil.copy(FIXTURE_PDF, tmp_path / "a.pdf")
    shutil.copy(SAMPLES / "final-accounts-2023.txt", tmp_path / "b.txt")
    report = check_paths([tmp_path])
    [error] = report.errors
    assert error.path.endswith("a.pdf") and "pypdfium2" in error.message
    assert all(f.path.endswith("b.txt") for f in report.findings) and report.findings  # still checked
    monkeypatch.setattr(pdfium, "_lib", None)  # and the library loads again once it is there


def test_encrypted_pdf_is_a_clear_error(tmp_path):
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.key == "encrypted_pdf" and "加密" in err.value.message()


def test_doc_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError) as err:
        load(path)
    assert err.value.key == "legacy_needs_soffice"
    assert "另存为" in err.value.message() and ".docx" in err.value.message()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_doc_through_libreoffice(tmp_path):
    docx_path = txt_to_docx(SAMPLES / "final-accounts-2023.txt", tmp_path / "final-accounts-2023.docx")
    out = tmp_path / "doc"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "doc",
            "--outdir",
            str(out),
            str(docx_path),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    doc_path = out / "final-accounts-2023.doc"
    assert said(doc_path) == said(SAMPLES / "final-accounts-2023.txt")
    assert load(doc_path).format == "doc"
