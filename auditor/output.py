"""Formatting a Report for people (text) and programs (json)."""

from __future__ import annotations

from collections import Counter

from auditor.report import Report

_LABELS = {
    "zh": {
        "rule": "规则",
        "name": "名称",
        "severity": "级别",
        "count": "数量",
        "none": "未发现问题",
        "files": "检查文件 {files} 个，发现问题 {findings} 条，错误 {errors} 个，跳过不支持的文件 {skipped} 个",
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
        "files": "{files} files checked, {findings} findings, {errors} errors, {skipped} unsupported files skipped",
        "error": "error",
        "warning": "warning",
        "info": "info",
    },
}


def format_text(report: Report, lang: str = "zh") -> str:
    """One ``path:line:col: CODE message`` line per finding, then a summary table."""
    labels = _LABELS["en" if lang == "en" else "zh"]
    out = [f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}" for f in report.findings]
    if report.findings:
        from tabulate import tabulate

        counts = Counter((f.rule, f.name, f.severity) for f in report.findings)
        rows = [[rule, name, labels[severity], n] for (rule, name, severity), n in sorted(counts.items())]
        out.append("")
        out.append(
            tabulate(rows, headers=[labels["rule"], labels["name"], labels["severity"], labels["count"]])
        )
    else:
        out.append(labels["none"])
    s = report.summary
    out.append(labels["files"].format(files=s.files, findings=s.findings, errors=s.errors, skipped=s.skipped))
    return "\n".join(out) + "\n"


def format_json(report: Report) -> str:
    return report.to_json() + "\n"
