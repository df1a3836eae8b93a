"""The corpus reports as text copied out of a PDF or a web page has them — hard-wrapped at a fixed width,
letter-spaced, indented with full-width spaces, tables as pipe rows — give the same findings as the originals (issue 14).

The variants are generated here from the originals; the comparison is of (rule, stated, expected), since
line numbers move when a paragraph is cut into several lines.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex
from helpers import CORPUS

from auditor.engine import check_paths
from auditor.loaders.text import load_text
from auditor.model.document import TableBlock
from auditor.text.chars import display_width

NAMES = sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
_DIGITS = set("0123456789.,%")
_BETWEEN_HAN = regex.compile(r"(?<=\p{Han})(?=\p{Han})")


def wrapped(text: str, columns: int = 70) -> str:
    """Each paragraph longer than ``columns`` indented and cut at that width (never inside a number)."""
    out = []
    for line in text.split("\n"):
        if not line.strip() or line.startswith("\t") or display_width(line) <= columns:
            out.append(line)
            continue
        current = ""
        for ch in "    " + line:
            if display_width(current + ch) > columns and not (ch in _DIGITS and current[-1:] in _DIGITS):
                out.append(current)
                current = ""
            current += ch
        out.append(current)
    return "\n".join(out)


def spaced(text: str) -> str:
    """A space between every two Chinese characters of the prose."""
    return "\n".join(
        line if line.startswith("\t") else _BETWEEN_HAN.sub(" ", line) for line in text.split("\n")
    )


def indented(text: str) -> str:
    """Every line of prose led by two full-width spaces, as text copied from Word indents paragraphs."""
    return "\n".join(
        "\u3000\u3000" + line if line.strip() and not line.startswith("\t") else line
        for line in text.split("\n")
    )


def piped(path: Path) -> str:
    """The flattened tables (a TAB-led line per cell) written one row per line between pipes."""
    source = load_text(path.read_bytes(), str(path))
    out = []
    for block in source.blocks:
        if isinstance(block, TableBlock):
            out += ["| " + " | ".join(cell.replace("|", "/") for _, cell in row) + " |" for row in block.rows]
            out.append("")
        else:
            out.append(block.text)
    return "\n".join(out) + "\n"


def findings(path: Path) -> Counter:
    report = check_paths([path])
    assert not report.errors
    return Counter((f.rule, f.stated, f.expected) for f in report.findings)


VARIANTS = {
    "wrapped": lambda p: wrapped(p.read_text(encoding="utf-8")),
    "spaced": lambda p: spaced(p.read_text(encoding="utf-8")),
    "piped": piped,
    "indented": lambda p: indented(p.read_text(encoding="utf-8")),
}
CASES = [(n, v) for n in NAMES for v in VARIANTS]


@pytest.mark.skipif(not NAMES, reason="../shared/corpus is not present")
@pytest.mark.parametrize("name,variant", CASES)
def test_a_variant_gives_the_originals_findings(tmp_path, name, variant):
    original = CORPUS / name
    copy = tmp_path / name
    copy.write_text(VARIANTS[variant](original), encoding="utf-8")
    assert findings(copy) == findings(original)
