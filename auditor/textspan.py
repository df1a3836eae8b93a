"""Where the clauses and sentences of a paragraph begin and end (shared by the extraction modules)."""

from __future__ import annotations

SENTENCE_END = "。！？!?"
CLAUSE_END = "，,；;。"


def sentence_start(text: str, pos: int) -> int:
    return max((text.rfind(ch, 0, pos) for ch in SENTENCE_END), default=-1) + 1


def sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(ch, pos) for ch in SENTENCE_END) if i >= 0]
    return min(ends) if ends else len(text)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    return sentence_start(text, pos), sentence_end(text, pos)


def clause_start(text: str, pos: int, stops: str = CLAUSE_END) -> int:
    """Start of the clause containing ``pos``: just after the last of ``stops`` before it."""
    return max((text.rfind(ch, 0, pos) for ch in stops), default=-1) + 1


def clause_before(text: str, pos: int, stops: str = CLAUSE_END) -> str:
    """The text of the clause containing ``pos``, up to ``pos``: what introduces a figure (…覆盖率为)."""
    return text[clause_start(text, pos, stops) : pos]
