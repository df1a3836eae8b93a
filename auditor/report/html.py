"""The HTML report for people: the document with its problems marked, in one self-contained file.

No network access is needed to open it (styles and script are inline), all document text is
escaped, and the filters (severity, rule) live in the URL hash — ``report.html#severity=error&rule=S101``
— so a filtered view can be bookmarked or sent to a colleague.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict

import regex

from auditor.report.findings import Finding, Report
from auditor.version import __version__

_FIGURE = regex.compile(
    r"[-−+＋－]?[0-9０-９][0-9０-９,，.．]*\s?(?:个百分点|万人次|万元|亿元|千元|万人|人次|万张|元|%|％|分|人|件|个|户|家|名|项|份|场|次|张|辆|台)?"
)

_LABELS = {
    "zh": {
        "title": "财政报告一致性审计报告",
        "files": "检查文件",
        "findings": "发现问题",
        "rule": "规则",
        "name": "名称",
        "total": "合计",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
        "all_rules": "全部规则",
        "severity": "级别",
        "filter": "筛选",
        "none": "未发现问题",
        "errors": "无法检查的文件",
        "see": "见第 {line} 行",
        "involved": "参与计算的数字",
        "stated": "文中写",
        "expected": "应为",
    },
    "en": {
        "title": "Fiscal report consistency audit",
        "files": "files checked",
        "findings": "findings",
        "rule": "rule",
        "name": "name",
        "total": "total",
        "error": "error",
        "warning": "warning",
        "info": "info",
        "all_rules": "all rules",
        "severity": "severity",
        "filter": "filter",
        "none": "no findings",
        "errors": "files that could not be checked",
        "see": "see line {line}",
        "involved": "figures used",
        "stated": "stated",
        "expected": "expected",
    },
}

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#d0d7de}
main{padding:16px 24px;max-width:1400px}
table.summary{border-collapse:collapse;background:#fff;margin:8px 0 16px}
table.summary th,table.summary td{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
table.summary td.n{text-align:right}
#filters{background:#fff;border:1px solid #d0d7de;padding:8px 12px;margin-bottom:16px;position:sticky;top:0;z-index:2}
#filters label{margin-right:14px}
section.file{background:#fff;border:1px solid #d0d7de;margin-bottom:20px}
section.file h2{font-size:15px;margin:0;padding:8px 12px;background:#eaeef2;border-bottom:1px solid #d0d7de}
ol.doc{list-style:none;margin:0;padding:0;font-size:14px;line-height:1.7}
ol.doc li{display:grid;grid-template-columns:56px minmax(0,1fr) minmax(0,38%);border-bottom:1px solid #f0f2f4}
ol.doc li .ln{color:#8c959f;text-align:right;padding-right:10px;user-select:none}
ol.doc li .ln .pg{font-size:11px;color:#afb8c1}
ol.doc li .text{white-space:pre-wrap;word-break:break-all;padding-right:8px}
ol.doc li.cell .text{color:#57606a}
ol.doc li.heading .text{font-weight:600}
ol.doc li.quiet{display:none}
.show-all ol.doc li.quiet{display:grid}
mark{background:#ffebe9;border-bottom:2px solid #cf222e;padding:0 1px}
mark.sev-warning{background:#fff8c5;border-color:#bf8700}mark.sev-info{background:#ddf4ff;border-color:#0969da}
mark.involved{background:#f6f8fa;border-bottom:2px dotted #8c959f}
.notes{padding:2px 8px;border-left:1px solid #d0d7de}
.note{font-size:13px;margin:2px 0;padding:3px 6px;border-radius:4px;background:#ffebe9}
.note.sev-warning{background:#fff8c5}.note.sev-info{background:#ddf4ff}
.note b{font-family:monospace}
.note .vals{color:#57606a}
[hidden]{display:none!important}
.errors{color:#cf222e}
"""

_SCRIPT = r"""
(function () {
  function parse() {
    var state = {severity: null, rule: ""};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv[0] === "severity") { state.severity = kv[1] ? kv[1].split(",") : []; }
      if (kv[0] === "rule") { state.rule = decodeURIComponent(kv[1] || ""); }
    });
    if (state.severity === null) { state.severity = ["error", "warning", "info"]; }
    return state;
  }
  function apply() {
    var state = parse();
    document.querySelectorAll("#filters input[name=severity]").forEach(function (box) {
      var on = state.severity.indexOf(box.value) >= 0;
      box.checked = on;
      if (on) { box.setAttribute("checked", ""); } else { box.removeAttribute("checked"); }
    });
    var select = document.getElementById("rule-filter");
    select.value = state.rule;
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value === state.rule) { option.setAttribute("selected", ""); } else { option.removeAttribute("selected"); }
    });
    var shown = 0;
    document.querySelectorAll("[data-finding]").forEach(function (el) {
      var visible = state.severity.indexOf(el.dataset.severity) >= 0 && (!state.rule || el.dataset.rule === state.rule);
      if (visible) { el.removeAttribute("hidden"); } else { el.setAttribute("hidden", ""); }
      if (visible && el.classList.contains("note") && !el.classList.contains("involved")) { shown += 1; }
    });
    document.querySelectorAll("ol.doc li.flagged").forEach(function (li) {
      var any = li.querySelector(".note:not([hidden])");
      li.classList.toggle("quiet", !any && !document.body.classList.contains("show-all"));
    });
    document.getElementById("shown").textContent = shown;
  }
  function update() {
    var severities = [];
    document.querySelectorAll("#filters input[name=severity]").forEach(function (box) {
      if (box.checked) { severities.push(box.value); }
    });
    var rule = document.getElementById("rule-filter").value;
    location.hash = "severity=" + severities.join(",") + (rule ? "&rule=" + encodeURIComponent(rule) : "");
  }
  document.querySelectorAll("#filters input[name=severity]").forEach(function (box) {
    box.addEventListener("change", update);
  });
  document.getElementById("rule-filter").addEventListener("change", update);
  document.getElementById("show-all").addEventListener("change", function (e) {
    document.body.classList.toggle("show-all", e.target.checked);
    apply();
  });
  window.addEventListener("hashchange", apply);
  apply();
})();
"""


def _figure_span(text: str, column: int, stated: str | None) -> tuple[int, int] | None:
    """Where a finding's stated figure sits in its line (start, end), if it can be found."""
    start = column - 1
    if start < 0 or start >= len(text):
        return None
    m = _FIGURE.match(text, start)
    if m and m.end() > start:
        return start, m.end()
    if stated and text.startswith(stated, start):
        return start, start + len(stated)
    return start, min(len(text), start + 1)


def _render_line(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """The line's text, escaped, with <mark> around each (start, end) span; overlapping spans merged."""
    marks = sorted(marks)
    out, cursor = [], 0
    for start, end, classes, attrs in marks:
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<mark class="{classes}"{attrs}>{html.escape(text[start:end])}</mark>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def format_html(report: Report, lang: str = "zh") -> str:
    t = _LABELS["en" if lang == "en" else "zh"]
    esc = html.escape
    by_path: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
    for i, f in enumerate(report.findings):
        by_path[f.path].append((i, f))

    counts = Counter((f.rule, f.severity) for f in report.findings)
    names = {f.rule: (f.title if lang != "en" and f.title else f.name) for f in report.findings}
    rows = []
    for rule in sorted(names):
        cells = [counts.get((rule, s), 0) for s in ("error", "warning", "info")]
        rows.append(
            f'<tr><td><a href="#severity=error,warning,info&amp;rule={esc(rule)}">{esc(rule)}</a></td>'
            f"<td>{esc(names[rule])}</td>"
            + "".join(f'<td class="n">{n}</td>' for n in cells)
            + f'<td class="n">{sum(cells)}</td></tr>'
        )
    severity_totals = Counter(f.severity for f in report.findings)
    summary = (
        f'<table class="summary"><thead><tr><th>{t["rule"]}</th><th>{t["name"]}</th><th>{t["error"]}</th>'
        f"<th>{t['warning']}</th><th>{t['info']}</th><th>{t['total']}</th></tr></thead><tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><th colspan="2">{t["total"]}</th>'
        + "".join(f'<td class="n">{severity_totals.get(s, 0)}</td>' for s in ("error", "warning", "info"))
        + f'<td class="n">{len(report.findings)}</td></tr></tfoot></table>'
    )
    options = "".join(f'<option value="{esc(r)}">{esc(r)} {esc(names[r])}</option>' for r in sorted(names))
    filters = (
        f'<div id="filters">{t["filter"]}：'
        + "".join(
            f'<label><input type="checkbox" name="severity" value="{s}" checked> {t[s]}（{severity_totals.get(s, 0)}）</label>'
            for s in ("error", "warning", "info")
        )
        + f'<select id="rule-filter"><option value="">{t["all_rules"]}</option>{options}</select> '
        f'<label><input type="checkbox" id="show-all"> 显示全文</label> '
        f'<span>{t["findings"]}：<span id="shown">{len(report.findings)}</span></span></div>'
    )

    sections = []
    paths = sorted(set(report.documents) | set(by_path))
    for n_file, path in enumerate(paths):
        lines = report.documents.get(path, [])
        findings = by_path.get(path, [])
        primary: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
        involved: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
        for i, f in findings:
            primary[f.line].append((i, f))
            for other in f.lines[1:]:
                involved[other].append((i, f))
        items = []
        for line in lines:
            here = primary.get(line.number, [])
            also = involved.get(line.number, [])
            marks = []
            for i, f in here:
                span = _figure_span(line.text, f.column, f.stated)
                if span:
                    attrs = f' data-finding="{i}" data-rule="{esc(f.rule)}" data-severity="{f.severity}"'
                    marks.append((span[0], span[1], f"sev-{f.severity}", attrs))
            notes = []
            for i, f in here:
                values = ""
                if f.stated or f.expected:
                    values = f' <span class="vals">（{t["stated"]} {esc(f.stated or "–")}，{t["expected"]} {esc(f.expected or "–")}）</span>'
                notes.append(
                    f'<div class="note sev-{f.severity}" id="finding-{i}" data-finding="{i}" data-rule="{esc(f.rule)}" '
                    f'data-severity="{f.severity}"><b>{esc(f.rule)}</b> {esc(f.message)}{values}</div>'
                )
            for i, f in also:
                notes.append(
                    f'<div class="note involved sev-{f.severity}" data-finding="{i}" data-rule="{esc(f.rule)}" '
                    f'data-severity="{f.severity}">↳ {t["involved"]}：<a href="#finding-{i}">{esc(f.rule)}</a> '
                    f"{t['see'].format(line=f.line)}</div>"
                )
            classes = [line.role]
            if here or also:
                classes.append("flagged")
            else:
                classes.append("quiet")
            page = f'<span class="pg">p{line.page} </span>' if line.page else ""
            items.append(
                f'<li class="{" ".join(classes)}" id="f{n_file}-L{line.number}"><span class="ln">{page}{line.number}</span>'
                f'<span class="text">{_render_line(line.text, marks)}</span><div class="notes">{"".join(notes)}</div></li>'
            )
        sections.append(
            f'<section class="file" data-path="{esc(path)}"><h2>{esc(path)}（{len(findings)}）</h2>'
            f'<ol class="doc">{"".join(items)}</ol></section>'
        )
    errors = ""
    if report.errors:
        errors = (
            f'<h2 class="errors">{t["errors"]}</h2><ul class="errors">'
            + "".join(f"<li>{esc(e.path)}：{esc(e.message)}</li>" for e in report.errors)
            + "</ul>"
        )
    nothing = f"<p>{t['none']}</p>" if not report.findings else ""
    meta = json.dumps(
        {"version": report.version, "tool": report.tool.version, "findings": len(report.findings)}
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{t["title"]}</title>'
        f'<meta name="generator" content="auditor {__version__}"><style>{_CSS}</style></head><body>'
        f"<header><h1>{t['title']}</h1><p>auditor {__version__} · {t['files']} {report.summary.files} · "
        f"{t['findings']} {report.summary.findings}</p></header><main>{summary}{filters}{errors}{nothing}"
        f'{"".join(sections)}</main><script type="application/json" id="meta">{esc(meta)}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
