"""Test helpers: corpus access, and running the auditor on report text."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.engine import check_paths
from auditor.report import Finding

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
