"""``auditor text``: the document as the auditor sees it, with the line numbers findings use."""

from __future__ import annotations

from auditor.model.document import Document

_ROLE_MARK = {"heading": "#", "toc": "目", "cell": "|", "blank": " ", "text": " "}


def render(doc: Document, *, show_figures: bool = False) -> str:
    tables_at = {t.first_line: t for t in doc.tables}
    # Everything from a table's first to its last line (blank row separators too) is shown as the table.
    in_table: set[int] = {n for t in doc.tables for n in range(t.first_line, t.last_line + 1)}
    width = len(str(len(doc.lines)))
    heading_at = {h.line: h for h in doc.headings}
    figures: dict[int, list[str]] = {}
    if show_figures:
        for q in doc.quantities:
            mark = f"{q.text}→{q.value}{q.unit}" + ("~" if q.approx else "")
            if q.label:
                mark = f"{q.label}: {mark}"
            figures.setdefault(q.line, []).append(mark)
    out = [f"# {doc.path} ({doc.format}); report year: {doc.report_year or '?'}"]
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
