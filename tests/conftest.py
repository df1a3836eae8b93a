"""Fixtures shared by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import findings_for

from auditor.report.findings import Finding


@pytest.fixture
def check(tmp_path: Path):
    """check(text, select=None) -> findings for that text as a .txt report."""

    def run(text: str, select: str | None = None) -> list[Finding]:
        return findings_for(text, tmp_path, select)

    return run
