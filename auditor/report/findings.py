"""The output contract (JSON version 1): findings, errors and a summary. See docs/json.md.

Plain dataclasses: a check builds thousands of findings and most runs never serialise them, so the
pydantic models of the contract (auditor.report.schema) are imported only where the contract itself is
needed (its JSON Schema, validation in the tests).
"""

from __future__ import annotations

import json
from dataclasses import asdict, field, fields

from auditor.model.record import record
from auditor.version import __version__

JSON_VERSION = 1


@record(slots=True)
class Finding:
    """One inconsistency found: the rule, the place, the stated and the recomputed value."""

    path: str
    rule: str
    name: str
    category: str
    severity: str  # error | warning | info
    line: int
    column: int
    lines: list[int]  # every line whose figures take part, primary first
    message: str
    fingerprint: str
    title: str = ""  # the rule's Chinese title
    stated: str | None = None
    expected: str | None = None
    page: int | None = None  # page number, for PDF input


# The JSON contract's order of a finding's keys (docs/json.md), which is not the constructor's.
_FINDING_KEYS = (
    "path",
    "rule",
    "name",
    "title",
    "category",
    "severity",
    "line",
    "column",
    "lines",
    "message",
    "stated",
    "expected",
    "fingerprint",
    "page",
)


@record(slots=True)
class FileError:
    """A file that could not be checked, or a rule that failed on it."""

    path: str
    message: str
    rule: str | None = None  # set when a rule failed internally on this file
    kind: str = "input"  # input (cannot be read) | internal-error (a rule failed) | timeout | config


@record(slots=True)
class Summary:
    """The counts at the end of a run."""

    files: int  # files checked (read successfully)
    findings: int
    by_rule: dict[str, int]
    errors: int = 0  # files that could not be checked
    skipped: int = 0  # unsupported files met while walking directories
    baseline: int = 0  # findings left out because the baseline already has them
    baseline_unmatched: int = 0  # baseline entries no finding of this run matched (fixed, or another path)


@record(slots=True)
class DocumentLine:
    """A line of a checked document, kept for reports that show the text."""

    number: int
    text: str
    role: str = "text"
    page: int | None = None


@record(slots=True)
class Tool:
    """The tool that made a report, as its JSON names it."""

    name: str = "auditor"
    version: str = __version__


@record
class Report:
    """The result of a run: findings, errors and summary."""

    version: int = JSON_VERSION
    tool: Tool = field(default_factory=Tool)
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    summary: Summary = field(default_factory=lambda: Summary(files=0, findings=0, by_rule={}))
    # Not part of the JSON contract: the files read, and their text when an HTML report needs it.
    checked: list[str] = field(default_factory=list)
    documents: dict[str, list[DocumentLine]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON contract as plain data."""
        return {
            "version": self.version,
            "tool": asdict(self.tool),
            "findings": [{k: getattr(f, k) for k in _FINDING_KEYS} for f in self.findings],
            "errors": [{f.name: getattr(e, f.name) for f in fields(e)} for e in self.errors],
            "summary": asdict(self.summary),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
