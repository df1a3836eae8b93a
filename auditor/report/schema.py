"""The JSON contract (docs/json.md) as pydantic models, to validate a report's JSON against.

The checks themselves build plain dataclasses (auditor.report.findings); this module is imported only
where the contract is needed as such, so that pydantic stays out of a check's start-up.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class FindingModel(BaseModel):
    path: str
    rule: str
    name: str
    title: str = ""
    category: str
    severity: str = Field(pattern="^(error|warning|info)$")
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    lines: list[int]
    message: str
    stated: str | None = None
    expected: str | None = None
    fingerprint: str
    page: int | None = Field(default=None, description="page number, for PDF input")


class FileErrorModel(BaseModel):
    path: str
    message: str
    rule: str | None = None
    kind: str = Field(default="input", pattern="^(input|internal-error|timeout|config)$")


class SummaryModel(BaseModel):
    files: int
    findings: int
    by_rule: dict[str, int]
    errors: int = 0
    skipped: int = 0
    baseline: int = 0
    baseline_unmatched: int = 0


class ToolModel(BaseModel):
    name: str
    version: str


class ReportModel(BaseModel):
    version: int
    tool: ToolModel
    findings: list[FindingModel]
    errors: list[FileErrorModel]
    summary: SummaryModel


def validate(text: str) -> ReportModel:
    """A report's JSON, checked against the contract (raises pydantic.ValidationError)."""
    return ReportModel.model_validate_json(text)
