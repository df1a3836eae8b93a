"""The HTML report for people: the document with its problems marked, in one self-contained file.

No network access is needed to open it (styles and script are inline), all document text is
escaped, and the filters (severity, rule) live in the URL hash — ``report.html#severity=error&rule=S101``
— so a filtered view can be bookmarked or sent to a colleague.
"""

from __future__ import annotations

import html
import json
from collections import Counter, defaultdict
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from auditor.report.findings import DocumentLine, Finding, Report
from auditor.text.rx import lazy
from auditor.version import __version__

if TYPE_CHECKING:
    from auditor.extract.duplicates import Copy, RepeatedBlock
    from auditor.model.document import Document, Row

_FIGURE = lazy(
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
        "page": "第 {page} 页",
        "show_all": "显示全文",
        "involved": "参与计算的数字",
        "copy": "重复出现的位置",
        "heading": "相关标题",
        "restated": "同一数字的另一处写法",
        "related": "相关位置",
        "cell_table": "表“{name}”",
        "cell_row": "行“{name}”",
        "cell_column": "列“{name}”",
        "stated": "文中写",
        "expected": "应为",
        "(": "（",
        ")": "）",
        ":": "：",
        ",": "，",
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
        "page": "page {page}",
        "show_all": "show the whole text",
        "involved": "figures used",
        "copy": "another copy of the passage",
        "heading": "related heading",
        "restated": "the same figure stated elsewhere",
        "related": "related line",
        "cell_table": "table “{name}”",
        "cell_row": "row “{name}”",
        "cell_column": "column “{name}”",
        "stated": "stated",
        "expected": "expected",
        "(": " (",
        ")": ")",
        ":": ": ",
        ",": ", ",
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
mark.passage{background:#fff1f0;border-bottom:1px solid #cf222e}mark.passage.sev-warning{background:#fffbdd;border-color:#bf8700}
mark.passage.sev-info{background:#f1f8ff;border-color:#0969da}mark.passage.involved{background:#f6f8fa;border-bottom:1px dotted #8c959f}
mark mark{padding:0}
mark[hidden]{display:inline!important;background:none;border:0}
.cell-place{color:#57606a;font-size:12px;margin-left:8px;white-space:normal}
.note .page{color:#57606a;font-size:12px}
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


# What the lines a finding links to are, by the finding's category: only some rules compute with them.
_COMPUTED = {
    "sum_total",
    "percent_share",
    "yoy_change",
    "completion_rate",
    "ratio_other",
    "score_sum",
    "score_rate",
    "grade_band",
    "count_items",
    "identity",
    "survey_tally",
    "table_relation",
}
_LINK_KIND = {
    "duplicate_paragraph": "copy",
    "near_duplicate_conflict": "copy",
    "numbering": "heading",
    "restatement_conflict": "restated",
}
_PASSAGE_CATEGORIES = {"duplicate_paragraph", "near_duplicate_conflict"}
_SENTENCE = lazy(r"[^。！？!?]*[。！？!?]?")
_WORDS = lazy(r"\p{Han}|[A-Za-z]")
_UNIT_NOTE = lazy(r"\s*[（(]?\s*(?:金额)?单位\s*[:：].*$")
_SPACE = lazy(r"\s+")
_SPACE_IN_HAN = lazy(r"(?<=\p{Han})\s+(?=\p{Han})")


def _one_line(text: str) -> str:
    """A cell's text on one line: a wrapped "二级\n指标" reads 二级指标."""
    return _SPACE.sub(" ", _SPACE_IN_HAN.sub("", text)).strip()


def _link_kind(f: Finding) -> str:
    if f.category in _COMPUTED:
        return "involved"
    return _LINK_KIND.get(f.category, "related")


class _Mark(NamedTuple):
    start: int
    end: int
    classes: str
    attrs: str
    outer: bool = False  # a passage, with figure marks inside it


def _figure_span(text: str, column: int, stated: str | None) -> tuple[int, int] | None:
    """Where a finding's stated figure sits in its line (start, end), if it can be found."""
    start = column - 1
    if start < 0 or start >= len(text):
        return None
    while start < len(text) - 1 and text[start].isspace():
        start += 1  # a table cell of a .txt report starts with a TAB: the figure comes after it
    m = _FIGURE.match(text, start)
    if m and m.end() > start:
        return start, m.end()
    if stated and text.startswith(stated, start):
        return start, start + len(stated)
    return start, min(len(text), start + 1)


def _disjoint(marks: list[_Mark]) -> list[_Mark]:
    """Marks that do not overlap, in line order: a finding's own mark before a line it only links to."""
    kept: list[_Mark] = []
    for m in sorted(marks, key=lambda m: ("involved" in m.classes, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept)


def _render_line(text: str, marks: list[_Mark]) -> str:
    """The line's text, escaped, with <mark> around each span: overlapping spans merged, figure marks
    nested inside passage marks (a passage that straddles a figure mark is left unmarked)."""
    inner = _disjoint([m for m in marks if not m.outer])
    outer = [
        o
        for o in _disjoint([m for m in marks if m.outer])
        if not any(i.start < o.start < i.end or i.start < o.end < i.end for i in inner)
    ]

    def marked(start: int, end: int) -> str:
        out, cursor = [], start
        for m in inner:
            if m.start >= start and m.end <= end:
                out.append(html.escape(text[cursor : m.start]))
                out.append(f'<mark class="{m.classes}"{m.attrs}>{html.escape(text[m.start : m.end])}</mark>')
                cursor = m.end
        out.append(html.escape(text[cursor:end]))
        return "".join(out)

    out, cursor = [], 0
    for o in outer:
        out.append(marked(cursor, o.start))
        out.append(f'<mark class="{o.classes}"{o.attrs}>{marked(o.start, o.end)}</mark>')
        cursor = o.end
    out.append(marked(cursor, len(text)))
    return "".join(out)


def _document(path: str, lines: list[DocumentLine]) -> Document | None:
    """The document behind a report's lines, for what the lines alone do not say: the row and column
    of a table cell, the extent of a repeated passage. A .txt report is rebuilt from the lines
    themselves; a .docx or .pdf is read again, and only used if it still has the same lines (a .doc
    is not: that would run LibreOffice a second time)."""
    from auditor.extract.build import build_document
    from auditor.loaders import LEGACY_SUFFIXES, TEXT_SUFFIXES, read
    from auditor.loaders.text import split_flattened_tables
    from auditor.model.document import Line, Source

    suffix = PurePath(path).suffix.lower()
    if suffix in LEGACY_SUFFIXES:
        return None
    if suffix in TEXT_SUFFIXES:
        rebuilt = [Line(n.number, n.text, "text" if n.text.strip() else "blank", n.page) for n in lines]
        source = Source(path, "txt", rebuilt, split_flattened_tables(rebuilt))
    else:
        try:
            source = read(path)
        except Exception:  # gone or unreadable since it was checked: the report goes without
            return None
        if [n.text for n in source.lines] != [n.text for n in lines]:
            return None
    try:
        return build_document(source)
    except Exception:
        return None


def _cell_places(doc: Document, lines: set[int], t: dict[str, str]) -> dict[int, str]:
    """Which cell each of ``lines`` is, for the cells among them: table, row and column, named as the
    findings name them (the 科目 row and the header path of a 预算/决算公开 table)."""
    from auditor.extract.fiscal import read_table, table_kind, title_of

    places: dict[int, str] = {}
    for table in doc.tables:
        rows = [table.header, *table.rows]
        if not any(c.line in lines for r in rows for c in r.cells):
            continue
        title = title_of(doc, table)
        fiscal = read_table(table, title, table_kind(title)) if title or table.caption else None
        named: dict[tuple[int, int], tuple[str, str]] = {}  # (id of row, column) -> (row name, column name)
        for panel in fiscal.panels if fiscal is not None else []:
            for frow in panel.rows:
                for column in panel.columns:
                    named[(id(frow.row), column.index)] = (frow.label, column.name)
        caption = _UNIT_NOTE.sub("", (fiscal.title if fiscal is not None else "") or _one_line(table.caption))
        for row in rows:
            for cell in row.cells:
                if cell.line not in lines:
                    continue
                if row is table.header:
                    row_name, column = "", ""
                else:
                    row_name, column = named.get((id(row), cell.column), ("", ""))
                    if not _WORDS.search(row_name):  # a code without its name (2040601)
                        row_name = _row_name(row, cell.column)
                    column = column or _one_line(table.column_header(cell.column))
                parts = [t["cell_table"].format(name=caption)] if caption else []
                if row_name and row_name != _one_line(cell.text):
                    parts.append(t["cell_row"].format(name=row_name))
                if column:
                    parts.append(t["cell_column"].format(name=column))
                places[cell.line] = " · ".join(parts)
    return places


def _row_name(row: Row, column: int) -> str:
    """The name of a value's row: the nearest cell with words to its left, with the 科目编码 cells before
    it ("208 社会保障和就业支出"); in a two-sided 收入支出总表 the 支出 side has its own names."""
    texts = [_one_line(c.text) for c in row.cells]
    before = [i for i in range(min(column, len(texts))) if _WORDS.search(texts[i])]
    if not before:
        return next((t for t in texts if _WORDS.search(t)), "")
    name = before[-1]
    start = name
    while start > 0 and (texts[start - 1].isdigit() or not texts[start - 1]) and start - 1 not in before:
        start -= 1
    return " ".join(t for t in texts[start : name + 1] if t)


def _copy_spans(copy: Copy) -> dict[int, tuple[int, int]]:
    """A copy of a repeated passage: its (start, end) on each line it covers."""
    out: dict[int, tuple[int, int]] = {}
    for s in copy.sentences:
        start, end = s.column - 1, s.column - 1 + len(s.text.rstrip())
        if s.line in out:
            start, end = min(start, out[s.line][0]), max(end, out[s.line][1])
        out[s.line] = (start, end)
    return out


def _passages(f: Finding, blocks: list[RepeatedBlock]) -> list[dict[int, tuple[int, int]]]:
    """The copies of the passage a D101/D102 finding is about, the one it points at first: a verbatim
    copy by where it starts, a half-updated one by the figure that differs."""

    def points_at(copy: Copy, conflicting: bool) -> bool:
        if not conflicting:
            first = copy.sentences[0]
            return (first.line, first.column) == (f.line, f.column)
        return any(s.line == f.line and any(col == f.column for _, col in s.numbers) for s in copy.sentences)

    for block in blocks:
        if {c.line for c in block.copies} != set(f.lines):
            continue
        for copy in block.copies:
            if points_at(copy, block.conflicting):
                return [_copy_spans(copy)] + [_copy_spans(c) for c in block.copies if c is not copy]
    return []


def _file_lines(
    n_file: int, path: str, lines: list[DocumentLine], findings: list[tuple[int, Finding]], t: dict[str, str]
) -> list[str]:
    """One file's lines as list items: each finding's figure (or passage) marked, its note beside it."""
    esc = html.escape
    primary: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
    involved: dict[int, list[tuple[int, Finding]]] = defaultdict(list)
    for i, f in findings:
        primary[f.line].append((i, f))
        for other in f.lines[1:]:
            involved[other].append((i, f))
    role = {n.number: n.role for n in lines}
    flagged_cells = any(role.get(n) == "cell" for _, f in findings for n in f.lines)
    passages = any(f.category in _PASSAGE_CATEGORIES for _, f in findings)
    doc = _document(path, lines) if lines and (flagged_cells or passages) else None
    linked = {n for _, f in findings for n in f.lines}
    places = _cell_places(doc, linked, t) if doc is not None and flagged_cells else {}

    marks: dict[int, list[_Mark]] = defaultdict(list)
    if doc is not None and passages:
        from auditor.extract.duplicates import find_repeated_blocks

        blocks = find_repeated_blocks(doc)
        for i, f in findings:
            if f.category not in _PASSAGE_CATEGORIES:
                continue
            attrs = f' data-finding="{i}" data-rule="{esc(f.rule)}" data-severity="{f.severity}"'
            for n, copy in enumerate(_passages(f, blocks)):
                kind = f"passage sev-{f.severity}" if n == 0 else "passage involved"
                for line, (start, end) in copy.items():
                    marks[line].append(_Mark(start, end, kind, attrs, outer=True))
    text_of = {n.number: n.text for n in lines}
    for i, f in findings:
        attrs = f' data-finding="{i}" data-rule="{esc(f.rule)}" data-severity="{f.severity}"'
        if f.category in _PASSAGE_CATEGORIES:
            if not any(m.outer and m.attrs == attrs for m in marks[f.line]):
                # the passage could not be traced: mark its sentence from where the finding points
                start = max(0, f.column - 1)
                end = _SENTENCE.match(text_of.get(f.line, ""), start).end()
                if end > start:
                    marks[f.line].append(_Mark(start, end, f"passage sev-{f.severity}", attrs, outer=True))
            if not f.stated:
                continue  # D101: the passage is the finding
        span = _figure_span(text_of.get(f.line, ""), f.column, f.stated)
        if span:
            marks[f.line].append(_Mark(span[0], span[1], f"sev-{f.severity}", attrs))

    items = []
    for line in lines:
        here = primary.get(line.number, [])
        also = involved.get(line.number, [])
        notes = []
        for i, f in here:
            values = ""
            if f.stated or f.expected:
                values = (
                    f' <span class="vals">{t["("]}{t["stated"]} {esc(f.stated or "–")}{t[","]}'
                    f"{t['expected']} {esc(f.expected or '–')}{t[')']}</span>"
                )
            page = f'<span class="page">{t["page"].format(page=f.page)}</span> ' if f.page else ""
            notes.append(
                f'<div class="note sev-{f.severity}" id="finding-{i}" data-finding="{i}" data-rule="{esc(f.rule)}" '
                f'data-severity="{f.severity}"><b>{esc(f.rule)}</b> {page}{esc(f.message)}{values}</div>'
            )
        for i, f in also:
            see = t["see"].format(line=f.line)
            if f.page:
                see += t["("] + t["page"].format(page=f.page) + t[")"]
            notes.append(
                f'<div class="note involved sev-{f.severity}" data-finding="{i}" data-rule="{esc(f.rule)}" '
                f'data-severity="{f.severity}">↳ {t[_link_kind(f)]}{t[":"]}<a href="#finding-{i}">{esc(f.rule)}</a> '
                f"{see}</div>"
            )
        classes = [line.role, "flagged" if here or also else "quiet"]
        place = ""
        if places.get(line.number):
            place = f' <span class="cell-place">{esc(places[line.number])}</span>'
        page = f'<span class="pg">p{line.page} </span>' if line.page else ""
        items.append(
            f'<li class="{" ".join(classes)}" id="f{n_file}-L{line.number}"><span class="ln">{page}{line.number}</span>'
            f'<span class="text">{_render_line(line.text, marks.get(line.number, []))}{place}</span>'
            f'<div class="notes">{"".join(notes)}</div></li>'
        )
    return items


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
        f'<div id="filters">{t["filter"]}{t[":"]}'
        + "".join(
            f'<label><input type="checkbox" name="severity" value="{s}" checked> {t[s]}{t["("]}{severity_totals.get(s, 0)}{t[")"]}</label>'
            for s in ("error", "warning", "info")
        )
        + f'<select id="rule-filter"><option value="">{t["all_rules"]}</option>{options}</select> '
        f'<label><input type="checkbox" id="show-all"> {t["show_all"]}</label> '
        f'<span>{t["findings"]}{t[":"]}<span id="shown">{len(report.findings)}</span></span></div>'
    )

    sections = []
    paths = sorted(set(report.documents) | set(by_path))
    for n_file, path in enumerate(paths):
        findings = by_path.get(path, [])
        items = _file_lines(n_file, path, report.documents.get(path, []), findings, t)
        sections.append(
            f'<section class="file" data-path="{esc(path)}"><h2>{esc(path)}{t["("]}{len(findings)}{t[")"]}</h2>'
            f'<ol class="doc">{"".join(items)}</ol></section>'
        )
    errors = ""
    if report.errors:
        errors = (
            f'<h2 class="errors">{t["errors"]}</h2><ul class="errors">'
            + "".join(f"<li>{esc(e.path)}{t[':']}{esc(e.message)}</li>" for e in report.errors)
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
