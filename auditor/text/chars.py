"""Character-level normalisation shared by every stage: full-width digits and signs folded to ASCII."""

from __future__ import annotations

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
