"""Character-level normalisation shared by every stage: full-width digits and signs folded to ASCII."""

from __future__ import annotations

import re
from functools import lru_cache

# Length-preserving normalisation, so that columns computed on the normalised text are the
# columns of the original line. NFKC would also fold ① into 1 and change lengths.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－，／～＜＞＝",
    "0123456789.%+-,/~<>=",
)
# The full-width comma is punctuation in Chinese text, never a thousands separator: keep it.
_FULLWIDTH = {k: v for k, v in _FULLWIDTH.items() if k != ord("，")}


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Fold full-width digits and signs to ASCII without changing the text's length (cached: the
    same paragraphs are read by many rules)."""
    return text.translate(_FULLWIDTH)


# Spaces that only spread a sentence out: between two CJK characters ("基 本 支 出"), between a figure and
# its unit or % ("1885.44 万元", "4.2 %"), and around CJK punctuation ("万元 ，"). Spaces between Latin
# words or between two numbers carry meaning and stay.
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPREAD = None


def compact_spacing(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces that spread it out, and for each kept character its index in ``text``.

    Text copied from a PDF or a web page is letter-spaced and puts spaces between a figure and its unit;
    the figures are read from the compact text, and reported at their place in the original.
    """
    global _SPREAD
    if " " not in text and "\u3000" not in text:
        return text, list(range(len(text)))
    if _SPREAD is None:
        from auditor.text.rx import compile_pattern

        _SPREAD = compile_pattern(
            rf"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}\d%％])"  # 基 本 · 合计 1885.44 · ， 比
            rf"|(?<=[\d.%％])[ \u3000]+(?=[{_CJK}%％])"  # 1885.44 万元 · 4.2 %
        )
    kept: list[int] = []
    pieces: list[str] = []
    cursor = 0
    for m in _SPREAD.finditer(text):
        pieces.append(text[cursor : m.start()])
        kept.extend(range(cursor, m.start()))
        cursor = m.end()
    pieces.append(text[cursor:])
    kept.extend(range(cursor, len(text)))
    return "".join(pieces), kept


_NARROW = re.compile("[\x00-\u2e7f]+")


def display_width(text: str) -> int:
    """Terminal and page columns: CJK and full-width characters take two. (wcwidth knows every character
    but takes 30 ms to import; this is the only distinction the reports' text needs.) Counted by the
    stdlib engine in one pass: a Python loop over the characters was a tenth of a text report's check."""
    return len(text) + len(_NARROW.sub("", text))


_COLUMN_GAP = re.compile(r"\S[ \u3000]{3,}\S")


def laid_out(text: str) -> bool:
    """A line whose words stand in columns: a run of three or more spaces inside it, as pdftotext -layout
    writes a table's rows. Such a line is neither a line of a paragraph nor a sentence of prose."""
    return _COLUMN_GAP.search(text.strip()) is not None
