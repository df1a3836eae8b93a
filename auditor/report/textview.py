"""``auditor text``: the document as the auditor sees it, with the line numbers findings use."""

from __future__ import annotations

from auditor.model.document import Document
from auditor.model.quantity import Quantity
from auditor.text.rx import lazy

_ROLE_MARK = {"heading": "#", "toc": "目", "cell": "|", "blank": " ", "text": " "}
_LEGEND = (
    "; figures as “label: figure as written → as read” (→ only where the reading differs, ~ approximate)"
)

MAX_LABEL = 24  # a longer label is cut to its last phrase
_ORDINAL = lazy(
    r"^\s*(?:[（(]?\s*[0-9一二三四五六七八九十]+\s*[）)]|[0-9]+\s*[.．、]|[一二三四五六七八九十]+\s*[、.．])"
)
_CLAUSE_END = lazy(r".*[，,。；;：:！!？?]")
_PHRASE_BREAK = lazy(r"[）)》”」、\s]")  # where a long label may be cut: after a closing mark
_CONJUNCTION = lazy(r"[和及与或、]$")
_WORDS = lazy(r"[\p{Han}A-Za-z]")
_NEXT_NOUN = lazy(r"[“\"《]?([^\P{Han}和及与或]{2,})")
_PAIRS = ("（）", "()", "“”", "《》", "【】")


def render(doc: Document, *, show_figures: bool = False) -> str:
    tables_at = {t.first_line: t for t in doc.tables}
    # Everything from a table's first to its last line (blank row separators too) is shown as the table.
    in_table: set[int] = {n for t in doc.tables for n in range(t.first_line, t.last_line + 1)}
    width = len(str(len(doc.lines)))
    heading_at = {h.line: h for h in doc.headings}
    figures: dict[int, list[str]] = {}
    if show_figures:
        for q in doc.quantities:
            figures.setdefault(q.line, []).append(_figure(q, doc.line_text(q.line)))
    legend = _LEGEND if show_figures else ""
    out = [f"# {doc.path} ({doc.format}); report year: {doc.report_year or '?'}{legend}"]
    for line in doc.lines:
        if line.number in tables_at:
            out.extend(_render_table(tables_at[line.number], width))
        if line.number in in_table:
            continue
        mark = _ROLE_MARK.get(line.role, " ")
        heading = heading_at.get(line.number)
        level = f" [h{heading.level}]" if heading else ""
        page = f" p{line.page}" if line.page else ""
        out.append(f"{line.number:>{width}}{page} {mark}{level} {line.text}".rstrip())
        for fig in figures.get(line.number, []):
            out.append(f"{'':>{width}}     · {fig}")
    return "\n".join(out) + "\n"


def _figure(q: Quantity, line_text: str) -> str:
    """One figure of a line: its label, the figure as written and, when it reads otherwise, as read."""
    written = q.text
    read = f"{q.value}{q.unit}" + ("~" if q.approx else "")
    shown = written if read == written.replace(" ", "") else f"{written} → {read}"
    label = readable_label(q.label, line_text[q.end :])
    return f"{label}: {shown}" if label else f"(no label) {shown}"


def readable_label(label: str, after: str = "") -> str:
    """A figure's label as a reader would name it: the phrase next to the figure, not the whole sentence.

    The extracted label can be a run-on sentence, a lone verb or preposition (对42名防疫人员, 为1072家
    企业), an ordinal (1.因公出国（境）经费), a bracket cut in half, or a fragment of a date. ``after`` is the
    line's text after the figure: a figure that has no name of its own counts the noun that follows it.
    """
    label = _ORDINAL.sub("", label.strip())
    if (m := _CLAUSE_END.match(label)) is not None:
        label = label[m.end() :]  # only the last clause belongs to the figure
    label = label.strip()
    if _CONJUNCTION.search(label) or not _WORDS.search(label):
        # "21个集体和【35名】个人": 集体 names the figure before; digits and dots only: a piece of a date
        label = ""
    if len(label) <= 2 and (noun := _NEXT_NOUN.match(after)) is not None:
        # "对【42名】防疫卫生专技人员": the figure counts what follows it
        words = noun.group(1)
        following = words[:8] + ("…" if len(words) > 8 else "")
        label = f"{label}…{following}" if label else following
    elif len(label) > MAX_LABEL:
        # cut after a closing mark ("…（款）行政运行（项）支出决算"); a long name with none is kept whole
        # unless it is a run-on sentence
        cuts = [
            m.end()
            for m in _PHRASE_BREAK.finditer(label)
            if len(label) - m.end() <= MAX_LABEL and len(_WORDS.findall(label[m.end() :])) >= 2
        ]
        if cuts:
            label = "…" + label[cuts[0] :].strip()
        elif len(label) > 2 * MAX_LABEL:
            label = "…" + label[-MAX_LABEL:]
    return _balanced(label)


def _balanced(text: str) -> str:
    """Close a bracket or quote the label's cut left open, and open one it left closed
    ("含）以上设备（不含车辆" → "（含）以上设备（不含车辆）")."""
    for opening, closing in _PAIRS:
        depth, unopened = 0, 0
        for ch in text:
            if ch == opening:
                depth += 1
            elif ch == closing:
                if depth:
                    depth -= 1
                else:
                    unopened += 1
        start = 1 if text.startswith("…") else 0
        text = text[:start] + opening * unopened + text[start:] + closing * depth
    return text


def _render_table(table, width: int) -> list[str]:
    unit = f"; unit {table.unit}" if table.unit else ""
    out = [
        f"{'':>{width}}  ┌─ table {table.index}: {len(table.rows) + 1} rows × {table.width} columns{unit}"
        + (f" — {table.caption}" if table.caption else "")
    ]
    for r, row in enumerate([table.header, *table.rows]):
        name = "header" if r == 0 else f"row {r}"
        out.append(f"{row.cells[0].line:>{width}}  │ {name}:")
        for cell in row.cells:
            figures = ", ".join(f"{q.value}{q.unit}" for q in cell.quantities)
            extra = f"   [{figures}]" if figures else ""
            out.append(f"{cell.line:>{width}}  │   [{cell.column + 1}] {cell.text or '∅'}{extra}")
    out.append(f"{'':>{width}}  └─ end of table {table.index}")
    return out
