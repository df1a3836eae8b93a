"""Test helpers: corpus access, and running the auditor on report text."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import check_paths
from auditor.report.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_file(prefix: str) -> Path:
    """A report of ../shared/corpus by its number prefix; skips when the corpus is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"corpus report {prefix} is not present")
    return matches[0]


def findings_for(
    text: str, tmp_path: Path, select: str | None = None, name: str = "report.txt"
) -> list[Finding]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    overrides = {"select": tuple(select.split(",")) if select else None}
    report = check_paths([path], overrides=overrides)
    assert not report.errors, report.errors
    return report.findings


def txt_to_docx(source: Path, target: Path) -> Path:
    """Rebuild a plain-text report as a .docx: prose as paragraphs, flattened tables as real tables."""
    import docx

    from auditor.loaders.text import split_flattened_tables
    from auditor.model.document import Line, TableBlock

    text = source.read_text(encoding="utf-8-sig")
    lines = [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]
    document = docx.Document()
    for block in split_flattened_tables(lines):
        if isinstance(block, TableBlock):
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = (
                "Table Grid"  # ruled, as real reports' tables are (and as PDF table detection needs)
            )
            for r, row in enumerate(block.rows):
                for c, (_, cell_text) in enumerate(row):
                    table.cell(r, c).text = cell_text
        elif block.text.strip():
            document.add_paragraph(block.text)
    document.save(str(target))
    return target
