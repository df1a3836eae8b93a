"""Baselines: accept today's known findings, fail only on new ones.

A baseline file lists findings by path and fingerprint. Fingerprints are built from a finding's
rule, the text of its line and its values — not the line number — so inserting or deleting
paragraphs above an old finding does not make it new.
"""

from __future__ import annotations

import json
from pathlib import Path

from auditor.report.findings import Report

BASELINE_VERSION = 1


def baseline_key(path: str) -> str:
    """A path as baselines store it: relative to the working directory when it can be, with / separators."""
    p = Path(path)
    try:
        p = p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        pass
    return p.as_posix()


class BaselineError(Exception):
    pass


def write_baseline(report: Report, path: str | Path) -> int:
    entries = [
        {"path": baseline_key(f.path), "rule": f.rule, "fingerprint": f.fingerprint, "message": f.message}
        for f in report.findings
    ]
    data = {"version": BASELINE_VERSION, "tool": "auditor", "findings": entries}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


def load_baseline(path: str | Path) -> set[tuple[str, str]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or "findings" not in data:
        raise BaselineError(f"{path}: not an auditor baseline (version {BASELINE_VERSION})")
    return {(entry["path"], entry["fingerprint"]) for entry in data["findings"]}
