"""The same report as .txt and as .docx (tables as real Word tables) yields the same findings."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
import regex
from helpers import SAMPLES, corpus_file, txt_to_docx

from auditor import load
from auditor.engine import check_paths
from auditor.messages import InputError


def comparable(path: Path) -> tuple[Counter, object]:
    report = check_paths([path])
    assert not report.errors, report.errors
    doc = load(path)
    # Line numbers differ between the formats; what a finding says must not (but the lines it cites).
    said = [
        (f.rule, f.stated, f.expected, regex.sub(r"第 [\d、]+ 行", "第 N 行", f.message))
        for f in report.findings
    ]
    return Counter(said), (report, doc)


def assert_same_findings(source: Path, tmp_path: Path) -> None:
    docx_path = txt_to_docx(source, tmp_path / (source.stem + ".docx"))
    txt_findings, (txt_report, txt_doc) = comparable(source)
    docx_findings, (docx_report, docx_doc) = comparable(docx_path)
    assert docx_findings == txt_findings

    # and each finding points at the same text in both formats
    def where(report, doc):
        return sorted((f.rule, f.stated, doc.line_text(f.line).strip()) for f in report.findings)

    assert where(docx_report, docx_doc) == where(txt_report, txt_doc)


@pytest.mark.parametrize("name", ["final-accounts-2023.txt", "self-evaluation-2023.txt"])
def test_samples_as_docx(tmp_path, name):
    assert_same_findings(SAMPLES / name, tmp_path)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_corpus_reports_as_docx(tmp_path, prefix):
    assert_same_findings(corpus_file(prefix), tmp_path)


def test_docx_tables_are_tables(tmp_path):
    docx_path = txt_to_docx(SAMPLES / "self-evaluation-2023.txt", tmp_path / "s.docx")
    txt_doc, docx_doc = load(SAMPLES / "self-evaluation-2023.txt"), load(docx_path)
    assert len(docx_doc.tables) == len(txt_doc.tables) == 1
    t_txt, t_docx = txt_doc.tables[0], docx_doc.tables[0]
    assert [c.text for c in t_docx.header.cells] == [c.text for c in t_txt.header.cells]
    assert [r.label for r in t_docx.rows] == [r.label for r in t_txt.rows]
    assert t_docx.unit == t_txt.unit == "万元"
    # one line per paragraph and per table cell, in document order
    assert all(docx_doc.lines[c.line - 1].role == "cell" for r in t_docx.rows for c in r.cells)


def test_vertically_merged_cells_are_empty(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "得分"
    table.cell(1, 0).text, table.cell(1, 1).text = "A部门决策", "31"
    table.cell(2, 1).text = "17"
    table.cell(1, 0).merge(table.cell(2, 0))
    path = tmp_path / "merged.docx"
    document.save(str(path))
    t = load(path).tables[0]
    assert [c.text for c in t.rows[1].cells] == ["", "17"]


def test_docx_with_entity_declarations_is_refused(tmp_path):
    source = txt_to_docx(SAMPLES / "final-accounts-2023.txt", tmp_path / "ok.docx")
    hostile = tmp_path / "entities.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(hostile, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1
                )
            zout.writestr(item, data)
    with pytest.raises(InputError) as err:
        load(hostile)
    assert err.value.key == "docx_entities"


def test_docx_bomb_is_refused_before_parsing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/big.bin", b"\0" * (20 * 1024 * 1024))  # packs about 1000:1
    with pytest.raises(InputError) as err:
        load(bomb)
    assert err.value.key == "docx_bomb"
