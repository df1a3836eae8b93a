"""Running rules over documents: file collection, rule isolation, fingerprints, the Report.

This is also the Python API:

    from auditor.engine import check_file
    report = check_file("draft.docx")
    for finding in report.findings: ...
"""

from __future__ import annotations

import gc
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path

from auditor.config import Config, ConfigError, config_for, find_config
from auditor.extract.analysis import Analysis
from auditor.extract.build import build_document
from auditor.loaders import is_supported, read
from auditor.messages import InputError
from auditor.model.document import Document
from auditor.model.record import record
from auditor.report.baseline import Baseline, load_baseline
from auditor.report.findings import DocumentLine, FileError, Finding, Report, Summary
from auditor.rule import Context, Rule, Severity, select_rules


@record
class Collected:
    """The files a run will check, the paths it cannot read, and how many unsupported files it passed over."""

    files: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: int = 0


def _own_report(path: Path) -> bool:
    """An HTML report this tool wrote (its generator tag is in the first kilobytes)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return b'name="generator" content="auditor' in head


_PROJECT_FILES = frozenset({"pyproject.toml", "auditor.toml", ".pre-commit-config.yaml"})


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> Collected:
    """Files named on the command line as given; directories walked (links not followed)."""
    out = Collected()
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    candidate = Path(root) / name
                    if name.startswith(".") or name in _PROJECT_FILES:
                        continue  # hidden files and the project's own settings are not reports
                    if not is_supported(candidate) or candidate.is_symlink() or _own_report(candidate):
                        out.skipped += 1  # an HTML report of an earlier run is not a report to check
                        continue
                    if candidate not in seen:
                        seen.add(candidate)
                        out.files.append(candidate)
        elif not path.exists():
            out.errors.append(InputError(str(raw), "missing"))
        elif path not in seen:
            seen.add(path)
            out.files.append(path)
    return out


def fingerprint(rule: str, line_text: str, stated: str | None, expected: str | None) -> str:
    """Stable when unrelated lines move: built from the finding and its line's text, not its number."""
    key = "|".join([rule, "".join(line_text.split()), stated or "", expected or ""])
    import hashlib  # 5 ms of OpenSSL set-up, paid only when there is a finding

    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def load(path: str | os.PathLike[str]) -> Document:
    """Read one report file into its Document (paragraphs, figures, headings, tables); InputError if unreadable."""
    return build_document(read(path))


def analyse(path: str | os.PathLike[str]) -> Analysis:
    """One report file with its analyses (relations, scores, repeated passages …), computed on first use."""
    return Analysis(load(path))


def context_for(doc: Analysis, config: Config) -> Context:
    return Context(
        report_year=config.report_year or doc.report_year,
        tolerance_percent=config.tolerance_percent,
        tolerance_amount=config.tolerance_amount,
        options=dict(config.extra),
    )


def check_document(
    doc: Document | Analysis, rules: list[type[Rule]], config: Config, lang: str | None = None
) -> tuple[list[Finding], list[FileError]]:
    """Run each rule on one document; a rule that fails becomes an error entry, not a crash."""
    if isinstance(doc, Document):
        doc = Analysis(doc)
    ctx = context_for(doc, config)
    lang = lang or config.lang
    findings: list[Finding] = []
    errors: list[FileError] = []
    counts: Counter[str] = Counter()
    for rule_class in rules:
        try:
            violations = list(rule_class().check(doc, ctx))
        except Exception as exc:
            import traceback

            where = traceback.extract_tb(exc.__traceback__)[-1]
            detail = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
            errors.append(
                FileError(
                    path=doc.path,
                    rule=rule_class.code,
                    kind="internal-error",
                    message=InputError(doc.path, "internal", rule=rule_class.code, detail=detail).message(
                        lang
                    ),
                )
            )
            continue
        for v in violations:
            fp = fingerprint(v.rule.code, doc.line_text(v.line), v.stated, v.expected)
            counts[fp] += 1
            if counts[fp] > 1:
                fp = f"{fp}-{counts[fp]}"
            findings.append(
                Finding(
                    path=doc.path,
                    rule=v.rule.code,
                    name=v.rule.name,
                    title=v.rule.title,
                    category=v.rule.category,
                    severity=v.severity.value,
                    line=v.line,
                    column=v.column,
                    lines=v.lines,
                    message=v.message.render(lang),
                    stated=v.stated,
                    expected=v.expected,
                    fingerprint=fp,
                    page=v.page if v.page is not None else doc.lines[v.line - 1].page,
                )
            )
    findings.sort(key=lambda f: (f.line, f.column, f.rule))
    return findings, errors


@record
class FileResult:
    """One file's outcome: its findings and errors, and its lines when a report shows the text."""

    path: str
    checked: bool
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    lines: list[DocumentLine] | None = None


_rule_cache: dict[tuple[tuple[str, ...], tuple[str, ...]], list[type[Rule]]] = {}


DEFAULT_TIMEOUT = 300.0  # seconds per file: generous; a report that takes longer is pathological


class FileTimeout(BaseException):
    """A file over its time limit. Not an Exception: rule isolation must not catch it."""


def _on_alarm(signum, frame):  # pragma: no cover - runs on the signal
    raise FileTimeout


def check_one(
    path: str, overrides: dict[str, object], keep_text: bool = False, timeout: float | None = DEFAULT_TIMEOUT
) -> FileResult:
    """Load and check one file (in this process or a worker); never raises for bad input.

    ``timeout`` bounds the file's time (SIGALRM, where the platform and thread allow it): past it
    the file is reported as timed out and the batch goes on.
    """
    import signal
    import threading

    try:
        config = config_for(Path(path)).merged(**overrides)
    except ConfigError as error:  # this folder's configuration: the other folders are still checked
        message = error.message(_lang(overrides))
        return FileResult(path, False, errors=[FileError(path=path, message=message, kind="config")])
    key = (config.select, config.ignore)
    if key not in _rule_cache:
        _rule_cache[key] = select_rules(config.select, config.ignore)
    armed = (
        bool(timeout)
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    previous = None
    if armed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    collecting = gc.isenabled()
    # a file's analysis builds many objects and frees them at its end; they hold almost no reference
    # cycles (peak memory on a 4 MB report is the same either way), but the cyclic collector scans them
    # again and again as they accumulate: 7-8 % of a 4 MB report's time, a cost that grows with the file
    gc.disable()
    try:
        doc = load(path)
        findings, errors = check_document(doc, _rule_cache[key], config)
        lines = None
        if keep_text:
            lines = [DocumentLine(number=n.number, text=n.text, role=n.role, page=n.page) for n in doc.lines]
        return FileResult(path, True, findings, errors, lines)
    except InputError as error:
        return FileResult(
            path, False, errors=[FileError(path=error.path, message=error.message(config.lang))]
        )
    except FileTimeout:
        message = InputError(path, "timeout", seconds=f"{timeout:g}").message(config.lang)
        return FileResult(path, False, errors=[FileError(path=path, message=message, kind="timeout")])
    finally:
        if collecting:
            gc.enable()
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _worker(args: tuple[str, dict[str, object], bool, float | None]) -> FileResult:
    return check_one(*args)


def _normalised(overrides: dict[str, object] | None) -> dict[str, object]:
    """Overrides as a user writes them: select="S,P" or ["S", "P"], fail_on="warning", lang="en" …"""
    out = dict(overrides or {})
    for key in ("select", "ignore"):
        value = out.get(key)
        if isinstance(value, str):
            value = [value]
        if value is not None:
            out[key] = tuple(c.strip().upper() for v in value for c in str(v).split(",") if c.strip()) or None
    return out


def check_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    overrides: dict[str, object] | None = None,
    jobs: int = 1,
    keep_text: bool = False,
    progress: Callable[[int], None] | None = None,
    baseline: Baseline | str | os.PathLike[str] | set[tuple[str, str]] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    collected: Collected | None = None,
) -> Report:
    """Check files and directories; ``overrides`` are command-line values over the config files.

    ``paths`` is one path or several. ``overrides`` takes the command line's names with underscores
    (``select="S,P"`` or ``["S", "P"]``, ``ignore``, ``fail_on``, ``lang``, ``report_year``); an unknown rule
    code raises RuleError before any file is read. With ``jobs`` > 1 the files are checked in worker
    processes; the report is the same whatever the number of jobs (results are gathered in file order).
    ``baseline`` is a baseline file written by ``--write-baseline`` (its path), a loaded Baseline, or
    (path, fingerprint) pairs of findings already known; those findings are left out of the report.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    overrides = _normalised(overrides)
    if baseline is not None and not isinstance(baseline, Baseline):
        baseline = (
            load_baseline(baseline) if isinstance(baseline, (str, os.PathLike)) else Baseline.of(baseline)
        )
    find_config.cache_clear()  # configuration files may have changed since the last call in this process
    select_rules(
        overrides.get("select") or (), overrides.get("ignore") or ()
    )  # unknown codes fail here, once
    collected = collected or collect_files(paths)  # the caller may have collected them (for a progress bar)
    report = Report()
    for error in collected.errors:
        report.errors.append(FileError(path=error.path, message=error.message(_lang(overrides))))
    tasks = [(str(path), overrides, keep_text, timeout) for path in collected.files]
    if jobs > 1 and len(tasks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        # the largest files first, one at a time: the workers finish together instead of one of them
        # working through a late large file alone; the report keeps the files' order
        order = sorted(range(len(tasks)), key=lambda i: -_size(collected.files[i]))
        placed: list = [None] * len(tasks)
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            for i, result in zip(
                order, pool.map(_worker, [tasks[i] for i in order], chunksize=1), strict=True
            ):
                placed[i] = result
                if progress:
                    progress(1)
        results = placed
    else:
        results = []
        for task in tasks:
            results.append(_worker(task))
            if progress:
                progress(1)
    suppressed = 0
    for result in results:
        if result.checked:
            report.checked.append(result.path)
        for finding in result.findings:
            if baseline is not None and baseline.suppresses(finding.path, finding.fingerprint):
                suppressed += 1
                continue
            report.findings.append(finding)
        report.errors.extend(result.errors)
        if result.lines is not None:
            report.documents[result.path] = result.lines
    report.findings.sort(key=lambda f: (f.path, f.line, f.column, f.rule))
    report.summary = Summary(
        files=len(report.checked),
        findings=len(report.findings),
        by_rule=dict(sorted(Counter(f.rule for f in report.findings).items())),
        errors=len(report.errors),
        skipped=collected.skipped,
        baseline=suppressed,
        baseline_unmatched=len(baseline.entries - baseline.matched) if baseline is not None else 0,
    )
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_file(path: str | os.PathLike[str], **overrides: object) -> Report:
    """Check one report file and return its Report (findings, errors, summary)."""
    return check_paths([path], overrides=overrides)


def _lang(overrides: dict[str, object]) -> str:
    lang = overrides.get("lang")
    return lang if isinstance(lang, str) else "zh"


def fails(report: Report, fail_on: str) -> bool:
    """Whether the findings reach the --fail-on severity."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(Severity(f.severity).rank >= threshold for f in report.findings)
