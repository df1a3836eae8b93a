"""Formatting a Report for people (text) and programs (json)."""

from __future__ import annotations

from collections import Counter

from auditor.report.findings import Report
from auditor.text.chars import display_width

_LABELS = {
    "zh": {
        "rule": "规则",
        "name": "名称",
        "severity": "级别",
        "count": "数量",
        "none": "未发现问题",
        "none_of_checked": "已检查的文件未发现问题",
        "nothing": "没有检查任何文件",
        "files": "检查文件 {files} 个，发现问题 {findings} 条，无法检查的文件 {errors} 个，跳过不支持的文件 {skipped} 个",
        "baseline": "；基线中已有的问题 {baseline} 条未列出",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
    },
    "en": {
        "rule": "rule",
        "name": "name",
        "severity": "severity",
        "count": "count",
        "none": "no findings",
        "none_of_checked": "no findings in the files checked",
        "nothing": "no file was checked",
        "files": "{files} files checked, {findings} findings, {errors} files could not be checked, {skipped} unsupported files skipped",
        "baseline": "; {baseline} findings already in the baseline not listed",
        "error": "error",
        "warning": "warning",
        "info": "info",
    },
}


def format_text(report: Report, lang: str = "zh") -> str:
    """One ``path:line:col: CODE message`` line per finding, then a summary table."""
    labels = _LABELS["en" if lang == "en" else "zh"]
    out = [f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}{_page(f, lang)}" for f in report.findings]
    if report.findings:
        counts = Counter(
            (f.rule, f.title if lang != "en" and f.title else f.name, f.severity) for f in report.findings
        )
        rows = [[rule, name, labels[severity], n] for (rule, name, severity), n in sorted(counts.items())]
        out.append("")
        out.append(_columns(rows, [labels["rule"], labels["name"], labels["severity"], labels["count"]]))
    elif not report.summary.files:
        out.append(labels["nothing"])  # every file was missing, empty or unreadable: nothing was found clean
    else:
        out.append(labels["none_of_checked"] if report.errors else labels["none"])
    s = report.summary
    summary = labels["files"].format(files=s.files, findings=s.findings, errors=s.errors, skipped=s.skipped)
    if s.baseline:
        summary += labels["baseline"].format(baseline=s.baseline)
    out.append(summary)
    return "\n".join(out) + "\n"


def _columns(rows: list[list[object]], headers: list[str]) -> str:
    """The summary table, laid out as tabulate's "simple" format lays it out: text left, counts right.

    Written here because tabulate 0.10 imports importlib.metadata and wcwidth when it is imported
    (55 ms, half of a small report's whole check); a CJK character takes two columns.
    """
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [
        max([display_width(h) + 2, *(display_width(row[i]) for row in cells)]) for i, h in enumerate(headers)
    ]
    right = [all(isinstance(row[i], int) for row in rows) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        padded = [
            " " * (w - display_width(v)) + v if r else v + " " * (w - display_width(v))
            for v, w, r in zip(values, widths, right, strict=True)
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(row) for row in cells)])


def _page(f, lang: str) -> str:
    """（第 5 页） after a PDF finding's message: the line number alone does not find it in a PDF viewer."""
    if f.page is None:
        return ""
    return f" (page {f.page})" if lang == "en" else f"（第 {f.page} 页）"


def format_json(report: Report) -> str:
    return report.to_json() + "\n"


# ----------------------------------------------------------------------------- SARIF 2.1.0

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    from pathlib import PurePath
    from urllib.parse import quote

    return quote(PurePath(path).as_posix(), safe="/:")


def format_sarif(report: Report) -> str:
    """SARIF 2.1.0: every installed rule described in tool.driver.rules, one result per finding."""
    import json

    from auditor.rule import all_rules

    rules = list(all_rules().values())
    index = {r.code: i for i, r in enumerate(rules)}
    driver_rules = []
    for r in rules:
        doc = r.documentation()
        driver_rules.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": doc},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.value]},
                "properties": {"category": r.category},
            }
        )
    results = []
    for f in report.findings:
        region = {"startLine": f.line, "startColumn": f.column}
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}
        result = {
            "ruleId": f.rule,
            "ruleIndex": index.get(f.rule, -1),
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [location],
            "partialFingerprints": {"auditorFingerprint/v1": f.fingerprint},
            "properties": {"category": f.category, "stated": f.stated, "expected": f.expected},
        }
        if f.page is not None:
            result["properties"]["page"] = f.page
        related = [
            {
                "id": i,
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {"startLine": line},
                },
            }
            for i, line in enumerate(f.lines[1:], start=1)
        ]
        if related:
            result["relatedLocations"] = related
        if result["ruleIndex"] < 0:
            del result["ruleIndex"]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{e.path}: {e.message}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}],
        }
        for e in report.errors
    ]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "auditor",
                        "version": report.tool.version,
                        "informationUri": "https://pypi.org/project/auditor/",
                        "rules": driver_rules,
                    }
                },
                "invocations": [
                    {"executionSuccessful": not report.errors, "toolExecutionNotifications": notifications}
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


# ----------------------------------------------------------------------------- JUnit XML


def format_junit(report: Report) -> str:
    """One test suite per file; one failing test case per finding, one passing case for a clean file."""
    import xml.etree.ElementTree as ET
    from collections import defaultdict

    by_path: dict[str, list] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    errors_by_path: dict[str, list] = defaultdict(list)
    for e in report.errors:
        errors_by_path[e.path].append(e)
    paths = sorted(set(by_path) | set(errors_by_path) | set(report.checked))
    root = ET.Element("testsuites", name="auditor", tests="0", failures="0", errors="0")
    total = failures = errors = 0
    for path in paths:
        findings = by_path.get(path, [])
        file_errors = errors_by_path.get(path, [])
        suite = ET.SubElement(root, "testsuite", name=path)
        cases = 0
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{f.rule} {f.name} line {f.line}")
            failure = ET.SubElement(case, "failure", message=f.message, type=f.rule)
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}"
            cases += 1
        for e in file_errors:
            case = ET.SubElement(suite, "testcase", classname=path, name=e.rule or "read")
            ET.SubElement(case, "error", message=e.message, type=e.rule or "input-error").text = e.message
            cases += 1
        if not findings and not file_errors:
            ET.SubElement(suite, "testcase", classname=path, name="consistency")
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(findings)))
        suite.set("errors", str(len(file_errors)))
        total += cases
        failures += len(findings)
        errors += len(file_errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ----------------------------------------------------------------------------- GitHub annotations

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, lang: str = "zh") -> str:
    """GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=…::message."""
    out = []
    for f in report.findings:
        props = f"file={_gh_property(f.path)},line={f.line},col={f.column},title={_gh_property(f'{f.rule} {f.name}')}"
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_gh_data(f.message + _page(f, lang))}")
    for e in report.errors:
        out.append(f"::error file={_gh_property(e.path)},title=auditor::{_gh_data(e.message)}")
    return "\n".join(out) + ("\n" if out else "")
