"""Plain-text reports: flattened tables (a TAB-led line per cell) grouped into table blocks."""

from __future__ import annotations

from auditor.model.document import Block, Line, TableBlock, TextBlock


def split_flattened_tables(lines: list[Line]) -> list[Block]:
    """Blocks of a plain-text report: TAB-led lines grouped into table rows, the rest as text.

    In the flattened layout each cell is a line starting with a TAB, a blank line ends a row,
    and two blank lines (or a line of prose) end the table. A lone TAB line is a merged cell.
    """
    blocks: list[Block] = []
    i, n = 0, len(lines)

    def is_cell(k: int) -> bool:
        return k < n and lines[k].text.startswith("\t")

    def is_blank(k: int) -> bool:
        return k < n and not lines[k].text.strip()

    def continues_cell(k: int) -> bool:
        # Word wraps inside a cell come out as a short line without the leading TAB.
        return k < n and not is_blank(k) and not is_cell(k) and len(lines[k].text) <= 20 and is_cell(k + 1)

    while i < n:
        if not is_cell(i):
            blocks.append(TextBlock(lines[i].number, lines[i].text))
            i += 1
            continue
        rows: list[list[tuple[int, str]]] = []
        while is_cell(i):
            row: list[tuple[int, str]] = []
            while is_cell(i):
                row.append((lines[i].number, lines[i].text.strip()))
                i += 1
                while continues_cell(i) or (is_blank(i) and continues_cell(i + 1)):
                    i += 1 if continues_cell(i) else 2
                    line, text = row[-1]
                    row[-1] = (line, text + lines[i - 1].text.strip())
            rows.append(row)
            # one blank line between rows; two blank lines or prose end the table
            if is_blank(i) and is_cell(i + 1):
                i += 1
        cells = sum(len(r) for r in rows)
        if len(rows) >= 2 and cells >= 4:
            blocks.append(TableBlock(rows))
        else:  # a stray indented line or two: prose, not a table
            blocks.extend(TextBlock(line, text) for row in rows for line, text in row)
    return blocks
