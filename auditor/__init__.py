"""auditor: consistency-audit linter for Chinese public fiscal reports.

    import auditor
    report = auditor.check_file("draft.docx")          # -> auditor.report.Report
    for finding in report.findings:
        print(finding.line, finding.rule, finding.message)

The heavy modules load on first use, so ``import auditor`` stays instant.
"""

from __future__ import annotations

from auditor.version import __version__

__all__ = ["__version__", "analyse", "check_file", "check_paths", "load"]


def __getattr__(name: str):
    if name in ("analyse", "check_file", "check_paths", "load"):
        from auditor import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
