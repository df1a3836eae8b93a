"""Baselines: accept today's known findings, fail only on new ones.

A baseline file lists findings by path and fingerprint. Fingerprints are built from a finding's
rule, the text of its line and its values — not the line number — so inserting or deleting
paragraphs above an old finding does not make it new. Paths are stored relative to the baseline
file itself, so that a baseline works from whatever directory the check is run in.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path

from auditor.messages import Message
from auditor.model.record import record
from auditor.report.findings import Report

BASELINE_VERSION = 2  # 1: paths relative to the working directory; 2: relative to the baseline file


class BaselineError(Exception):
    """A baseline that cannot be read; ``message(lang)`` says why in the run's language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.text = message

    def message(self, lang: str) -> str:
        return self.text.render(lang)


class _NotFound(Message):
    zh = "{path}：找不到基线文件（可用 --write-baseline 生成）"
    en = "{path}: baseline file not found (create it with --write-baseline)"


class _NotBaseline(Message):
    zh = "{path}：不是 auditor 的基线文件（{detail}）"
    en = "{path}: not an auditor baseline ({detail})"


class _CannotWrite(Message):
    zh = "{path}：无法写入（{detail}）"
    en = "{path}: cannot be written ({detail})"


@record
class Baseline:
    """The (file, fingerprint) pairs of known findings, files as absolute resolved paths."""

    entries: set[tuple[str, str]] = field(default_factory=set)
    source: str = ""
    matched: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]], source: str = "") -> Baseline:
        """Pairs whose paths are relative to the working directory (or absolute)."""
        return cls({(_absolute(Path(p)), fp) for p, fp in pairs}, source)

    def suppresses(self, path: str, fingerprint: str) -> bool:
        key = (_absolute(Path(path)), fingerprint)
        if key in self.entries:
            self.matched.add(key)
            return True
        return False


def _absolute(path: Path) -> str:
    return str(path.resolve())


def write_baseline(report: Report, path: str | Path) -> int:
    """Write the report's findings as a baseline; paths relative to the baseline's folder."""
    target = Path(path)
    folder = target.resolve().parent
    entries = [
        {
            "path": Path(os.path.relpath(Path(f.path).resolve(), folder)).as_posix(),
            "rule": f.rule,
            "fingerprint": f.fingerprint,
            "message": f.message,
        }
        for f in report.findings
    ]
    data = {"version": BASELINE_VERSION, "tool": "auditor", "findings": entries}
    try:
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(_CannotWrite(path=str(path), detail=exc.strerror or type(exc).__name__)) from None
    return len(entries)


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(_NotFound(path=str(path))) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(_NotBaseline(path=str(path), detail=type(exc).__name__)) from None
    version = data.get("version") if isinstance(data, dict) else None
    if version not in (1, BASELINE_VERSION) or not isinstance(data.get("findings"), list):
        raise BaselineError(_NotBaseline(path=str(path), detail=f"version {BASELINE_VERSION}"))
    folder = Path(path).resolve().parent if version == BASELINE_VERSION else Path.cwd()
    try:
        pairs = {(_absolute(folder / e["path"]), e["fingerprint"]) for e in data["findings"]}
    except (KeyError, TypeError):
        raise BaselineError(_NotBaseline(path=str(path), detail="path, fingerprint")) from None
    return Baseline(pairs, str(path))
