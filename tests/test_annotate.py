"""Annotated copies: a Word comment (批注) or a PDF highlight on each finding's figure."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from auditor import load
from auditor.engine import check_paths
from auditor.report.annotate import (
    AnnotateError,
    annotate_file,
    comment_text,
    default_output,
    figure_span,
)
from auditor.report.findings import Finding

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

TITLE = "某区教育局2024年度部门决算说明"
# 1350.20 + 525.24 = 1875.44, not 1885.44: the total is split over two runs, as Word often leaves it
SLIP_RUNS = ["2024年本年支出合计18", "85.44万元", "，其中：基本支出1350.20万元，项目支出525.24万元。"]
SLIP = "".join(SLIP_RUNS)
CLEAN = "年末结转和结余资金12.50万元，与上年持平。"
# 人员经费 + 公用经费 = 140.00: the 合计 row repeats 甲's figure, so the wrong 120.00 is the second one on the page
TABLE = [("项目", "金额（万元）"), ("人员经费", "120.00"), ("公用经费", "20.00"), ("合计", "120.00")]


def make_report(path: Path, bold_figure: bool = False) -> Path:
    document = docx.Document()
    document.add_paragraph(TITLE)
    paragraph = document.add_paragraph()
    for k, text in enumerate(SLIP_RUNS):
        run = paragraph.add_run(text)
        if bold_figure and k < 2:
            run.bold = True
    document.add_paragraph("表1 经费支出情况表")
    table = document.add_table(rows=len(TABLE), cols=2)
    table.style = "Table Grid"  # ruled, so that the PDF loader reads a table
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(CLEAN)
    document.add_paragraph("")  # a blank line: nothing there to comment on
    document.save(str(path))
    return path


def moved(finding: Finding, **changes: object) -> Finding:
    """The same finding at another place, or saying something else."""
    keys = ("path", "rule", "name", "title", "category", "severity", "line", "column", "lines")
    keys += ("message", "stated", "expected", "fingerprint", "page")
    return Finding(**{**{k: getattr(finding, k) for k in keys}, **changes})


def findings_of(path: Path, lang: str = "zh") -> list[Finding]:
    report = check_paths([path], overrides={"lang": lang})
    assert report.errors == []
    return report.findings


def comments_with_anchors(path: Path) -> list[tuple[object, str, object]]:
    """Each comment with the text between its range markers and the w:tc holding its start (or None)."""
    document = docx.Document(str(path))
    body = document.element.body
    anchored: dict[str, str] = {}
    cells: dict[str, object] = {}
    inside: set[str] = set()
    for node in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if node.tag == qn("w:commentRangeStart"):
            key = node.get(qn("w:id"))
            inside.add(key)
            anchored[key] = ""
            cells[key] = next((a for a in node.iterancestors(qn("w:tc"))), None)
        elif node.tag == qn("w:commentRangeEnd"):
            inside.discard(node.get(qn("w:id")))
        else:
            for key in inside:
                anchored[key] += node.text or ""
    return [(c, anchored[str(c.comment_id)], cells[str(c.comment_id)]) for c in document.comments]


def to_pdf(source: Path, outdir: Path, notes: bool = False) -> Path:
    target = "pdf"
    if notes:  # Word comments exported as PDF notes: LibreOffice has read them
        target = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    done = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{outdir}/lo",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        timeout=180,
    )
    pdf = outdir / (source.stem + ".pdf")
    assert done.returncode == 0 and pdf.exists(), done.stderr
    return pdf


# ----------------------------------------------------------------------------- where the figure is


def test_figure_span_prefers_the_stated_text_at_the_column():
    text = "支出合计1885.44万元，比上年1885.44万元持平。"
    assert figure_span(text, 5, "1885.44万元") == (4, 13)
    assert figure_span(text, 18, "1885.44万元") == (17, 26)  # the occurrence at the column
    assert figure_span(text, 1, "1885.44万元") == (4, 13)  # else the nearest one


def test_figure_span_finds_a_cells_number_without_the_stated_unit():
    assert figure_span("10", 1, "10分") == (0, 2)
    assert figure_span("110.00", 1, "10.00万元") == (
        0,
        6,
    )  # no figure inside another: the number at the column


def test_figure_span_of_a_passage_and_of_nothing():
    text = "一、基本情况。本单位共有职工25人。"
    assert figure_span(text, 8, None) == (7, len(text))  # a repeated passage runs from its column on
    assert figure_span("合计", 1, "30.00万元") is None


def test_figure_span_folds_full_width_digits():
    assert figure_span("支出１２．５０万元", 3, "12.50万元") == (2, 9)


# ----------------------------------------------------------------------------- .docx


def test_docx_comment_covers_just_the_wrong_total(tmp_path):
    source = make_report(tmp_path / "决算说明.docx")
    before = source.read_bytes()
    findings = findings_of(source)
    total = next(f for f in findings if f.rule == "S101")
    assert total.stated == "1885.44万元"
    result = annotate_file(source, findings, default_output(source))
    assert result.output == tmp_path / "决算说明.审核.docx"
    assert (result.anchored, result.summarized) == (len(findings), 0)
    assert source.read_bytes() == before  # the input is only read
    comments = comments_with_anchors(result.output)
    assert len(comments) == len(findings)
    comment, anchored, _ = next(c for c in comments if c[0].text.startswith("[S101"))
    assert comment.text == f"[S101 合计与分项不符] {total.message}"
    assert comment.text.startswith("[S101 合计与分项不符] 合计不符：")
    assert (comment.author, comment.initials) == ("auditor", "AU")
    assert anchored == "1885.44万元"  # the figure, split out of the two runs holding it
    # splitting runs changes no text: the copy reads as the input, line for line
    assert [line.text for line in load(result.output).lines] == [line.text for line in load(source).lines]


def test_docx_comment_on_a_table_cell(tmp_path):
    source = make_report(tmp_path / "report.docx")
    findings = findings_of(source)
    cell_total = next(f for f in findings if f.rule == "S102")
    result = annotate_file(source, findings, tmp_path / "out.docx")
    comment, anchored, cell = next(
        c for c in comments_with_anchors(result.output) if c[0].text.startswith("[S102")
    )
    assert anchored == "120.00"
    row = cell.getparent()
    assert row.getprevious() is not None and "合计" in "".join(row.itertext())  # the 合计 row, not 甲's
    assert cell_total.message in comment.text


def test_docx_split_runs_keep_their_formatting(tmp_path):
    source = make_report(tmp_path / "bold.docx", bold_figure=True)
    result = annotate_file(source, findings_of(source), tmp_path / "out.docx")
    paragraph = docx.Document(str(result.output)).paragraphs[1]
    texts = [(run.text, run.bold) for run in paragraph.runs if run.text]
    assert texts == [
        ("2024年本年支出合计", True),
        ("18", True),
        ("85.44万元", True),
        ("，其中：基本支出1350.20万元，项目支出525.24万元。", None),
    ]


def test_docx_english_titles_and_messages(tmp_path):
    source = make_report(tmp_path / "report.docx")
    findings = findings_of(source, lang="en")
    result = annotate_file(source, findings, tmp_path / "out.docx", lang="en")
    texts = [c.text for c, _, _ in comments_with_anchors(result.output)]
    assert any(t.startswith("[S101 sum-of-parts] total does not add up") for t in texts)


def test_docx_findings_that_cannot_be_placed_go_into_one_comment_on_the_first_paragraph(tmp_path):
    source = make_report(tmp_path / "report.docx")
    findings = findings_of(source)
    total = next(f for f in findings if f.rule == "S101")
    blank = len(load(source).lines)
    assert load(source).lines[blank - 1].text == ""
    lost = [
        moved(total, line=999),  # past the document's end
        moved(total, line=blank, message="空行上的问题"),
    ]
    result = annotate_file(source, [total, *lost], tmp_path / "out.docx")
    assert (result.anchored, result.summarized) == (1, 2)
    comments = comments_with_anchors(result.output)
    assert len(comments) == 2
    summary, anchored, _ = next(c for c in comments if not c[0].text.startswith("[S101"))
    assert anchored == TITLE
    paragraphs = [p.text for p in summary.paragraphs]
    assert paragraphs[0] == "以下 2 处问题未能在正文中定位："
    assert paragraphs[1] == f"[S101 合计与分项不符] 第 {blank} 行：空行上的问题"  # in line order
    assert paragraphs[2] == f"[S101 合计与分项不符] 第 999 行：{total.message}"


def test_docx_figure_in_a_cells_second_paragraph(tmp_path):
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "合计"
    cell = table.cell(0, 1)
    cell.paragraphs[0].add_run("  说明 ")
    cell.add_paragraph().add_run(" 共 33.30 万元")
    source = tmp_path / "cell.docx"
    document.save(str(source))
    line = load(source).lines[2]
    assert line.text == "说明 共 33.30 万元"  # the loader's cell text: paragraphs stripped and joined
    finding = Finding(
        path=str(source),
        rule="S102",
        name="table-total",
        title="表内合计不符",
        category="sum_total",
        severity="error",
        line=line.number,
        column=1,
        lines=[line.number],
        message="表内合计不符",
        stated="33.30万元",
        fingerprint="0",
    )
    result = annotate_file(source, [finding], tmp_path / "out.docx")
    assert result.anchored == 1
    [(_, anchored, _)] = comments_with_anchors(result.output)
    assert anchored == "33.30"  # the number; the stated unit is written apart in the cell


def test_refuses_to_write_over_the_input_or_across_formats(tmp_path):
    source = make_report(tmp_path / "report.docx")
    before = source.read_bytes()
    findings = findings_of(source)
    with pytest.raises(AnnotateError) as same:
        annotate_file(source, findings, tmp_path / "." / "report.docx")
    assert same.value.key == "annotate_same_file" and "输入文件" in same.value.message()
    with pytest.raises(AnnotateError) as other:
        annotate_file(source, findings, tmp_path / "report.pdf")
    assert other.value.key == "annotate_suffix_mismatch"
    text = tmp_path / "report.txt"
    text.write_text(SLIP, encoding="utf-8")
    with pytest.raises(AnnotateError) as unsupported:
        annotate_file(text, [], tmp_path / "report.审核.txt")
    assert "only .docx and .pdf" in unsupported.value.message("en")
    assert source.read_bytes() == before


def test_default_output_sits_beside_the_input():
    assert default_output(Path("报告/2024决算.docx")) == Path("报告/2024决算.审核.docx")
    assert default_output(Path("a.b.PDF")) == Path("a.b.审核.PDF")


def test_findings_of_other_files_are_left_out(tmp_path):
    source = make_report(tmp_path / "report.docx")
    other = make_report(tmp_path / "other.docx")
    report = check_paths([source, other])
    result = annotate_file(source, report.findings, tmp_path / "out.docx")
    assert result.anchored == sum(1 for f in report.findings if Path(f.path) == source)


@needs_soffice
def test_libreoffice_reads_the_annotated_docx(tmp_path):
    source = make_report(tmp_path / "report.docx")
    findings = findings_of(source)
    result = annotate_file(source, findings, tmp_path / "report.审核.docx")
    pdf = to_pdf(result.output, tmp_path, notes=True)
    from pypdf import PdfReader

    notes = [a.get_object() for page in PdfReader(str(pdf)).pages for a in page.get("/Annots", [])]
    contents = [str(a.get("/Contents", "")) for a in notes if a["/Subtype"] == "/Text"]
    assert any(comment_text(f) in c for f in findings for c in contents)


# ----------------------------------------------------------------------------- .pdf


def text_in(pdf: Path, page: int, rect) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        left, bottom, right, top = (float(v) for v in rect)
        return "".join(document[page].get_textpage().get_text_bounded(left, bottom, right, top).split())
    finally:
        document.close()


@pytest.fixture
def report_pdf(tmp_path) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice is not installed")
    return to_pdf(make_report(tmp_path / "决算说明.docx"), tmp_path)


def pdf_annotations(path: Path) -> list[tuple[int, dict]]:
    from pypdf import PdfReader

    return [
        (number, a.get_object())
        for number, page in enumerate(PdfReader(str(path)).pages)
        for a in page.get("/Annots", [])
    ]


def test_pdf_highlight_on_the_wrong_total(report_pdf, tmp_path):
    before = report_pdf.read_bytes()
    findings = findings_of(report_pdf)
    total = next(f for f in findings if f.rule == "S101")
    result = annotate_file(report_pdf, findings, default_output(report_pdf))
    assert result.output.name == "决算说明.审核.pdf"
    assert (result.anchored, result.summarized) == (len(findings), 0)
    assert report_pdf.read_bytes() == before
    annotations = pdf_annotations(result.output)
    highlights = [(n, a) for n, a in annotations if a["/Subtype"] == "/Highlight"]
    assert len(highlights) == len(findings)
    page, highlight = next((n, a) for n, a in highlights if str(a["/Contents"]).startswith("[S101"))
    assert str(highlight["/Contents"]) == f"[S101 合计与分项不符] {total.message}"
    assert str(highlight["/T"]) == "auditor"
    assert text_in(result.output, page, highlight["/Rect"]) == "1885.44万元"
    quads = [float(v) for v in highlight["/QuadPoints"]]
    assert len(quads) == 8
    popup = highlight["/Popup"].get_object()
    assert popup["/Subtype"] == "/Popup" and popup["/Parent"].get_object() == highlight


def test_pdf_highlight_on_the_second_of_two_equal_cells(report_pdf, tmp_path):
    findings = findings_of(report_pdf)
    assert any(f.rule == "S102" for f in findings)
    result = annotate_file(report_pdf, findings, tmp_path / "out.pdf")
    page, highlight = next(
        (n, a) for n, a in pdf_annotations(result.output) if str(a.get("/Contents", "")).startswith("[S102")
    )
    left, bottom, right, top = (float(v) for v in highlight["/Rect"])
    assert text_in(result.output, page, (left, bottom, right, top)) == "120.00"
    assert text_in(result.output, page, (0, bottom + 1, right, top - 1)) == "合计120.00"  # the 合计 row


def test_pdf_findings_that_cannot_be_placed_go_into_one_note_on_page_one(report_pdf, tmp_path):
    findings = findings_of(report_pdf)
    total = next(f for f in findings if f.rule == "S101")
    lost = moved(total, line=999)
    result = annotate_file(report_pdf, [total, lost], tmp_path / "out.pdf", lang="en")
    assert (result.anchored, result.summarized) == (1, 1)
    notes = [(n, a) for n, a in pdf_annotations(result.output) if a["/Subtype"] == "/Text"]
    assert len(notes) == 1
    page, note = notes[0]
    assert page == 0 and str(note["/T"]) == "auditor"
    contents = str(note["/Contents"])
    assert contents.startswith("1 findings could not be placed on their text:")
    assert contents.endswith(f"[S101 sum-of-parts] line 999: {total.message}")


def test_comments_already_in_the_report_are_kept(tmp_path):
    source = make_report(tmp_path / "report.docx")
    document = docx.Document(str(source))
    document.add_comment(document.paragraphs[0].runs, text="请核对标题", author="科员", initials="KY")
    document.save(str(source))
    findings = findings_of(source)
    result = annotate_file(source, findings, tmp_path / "out.docx")
    comments = comments_with_anchors(result.output)
    assert len(comments) == 1 + len(findings)
    theirs, anchored, _ = comments[0]
    assert (theirs.author, theirs.text, anchored) == ("科员", "请核对标题", TITLE)
    assert len({c.comment_id for c, _, _ in comments}) == len(comments)


def test_docs_example_runs(tmp_path, monkeypatch):
    import regex
    from helpers import ROOT

    (example,) = regex.findall(
        r"```python\n(.*?)```", (ROOT / "docs" / "annotate.md").read_text(encoding="utf-8"), flags=regex.S
    )
    make_report(tmp_path / "draft.docx")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "docs/annotate.md", "exec"), {})
    assert (tmp_path / "draft.审核.docx").exists()
