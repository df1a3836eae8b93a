"""The output contract (JSON version 1): findings, errors and a summary. See docs/json.md."""

from __future__ import annotations

from pydantic import BaseModel, Field

from auditor.version import __version__

JSON_VERSION = 1


class Finding(BaseModel):
    path: str
    rule: str
    name: str
    title: str = ""  # the rule's Chinese title
    category: str
    severity: str  # error | warning | info
    line: int
    column: int
    lines: list[int]  # every line whose figures take part, primary first
    message: str
    stated: str | None = None
    expected: str | None = None
    fingerprint: str
    page: int | None = Field(default=None, description="page number, for PDF input")


class FileError(BaseModel):
    path: str
    message: str
    rule: str | None = None  # set when a rule failed internally on this file
    kind: str = "input"  # input (cannot be read) | internal-error (a rule failed) | timeout | config


class Summary(BaseModel):
    files: int  # files checked (read successfully)
    findings: int
    by_rule: dict[str, int]
    errors: int = 0  # files that could not be checked
    skipped: int = 0  # unsupported files met while walking directories
    baseline: int = 0  # findings left out because the baseline already has them
    baseline_unmatched: int = 0  # baseline entries no finding of this run matched (fixed, or another path)


class DocumentLine(BaseModel):
    number: int
    text: str
    role: str = "text"
    page: int | None = None


class Tool(BaseModel):
    name: str = "auditor"
    version: str = __version__


class Report(BaseModel):
    version: int = JSON_VERSION
    tool: Tool = Field(default_factory=Tool)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    summary: Summary = Field(default_factory=lambda: Summary(files=0, findings=0, by_rule={}))
    # Not part of the JSON contract: the files read, and their text when an HTML report needs it.
    checked: list[str] = Field(default_factory=list, exclude=True)
    documents: dict[str, list[DocumentLine]] = Field(default_factory=dict, exclude=True)

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=False)
