"""Where the clauses and sentences of a paragraph begin and end (shared by the extraction modules)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache

import regex

from auditor.model.quantity import Kind, Quantity
from auditor.text.rx import compile_pattern, lazy

SENTENCE_END = "。！？!?"
CLAUSE_END = "，,；;。"


@lru_cache(maxsize=64)
def _any_of(chars: str, backwards: bool) -> regex.Pattern[str]:
    return compile_pattern(("(?r)" if backwards else "") + "[" + regex.escape(chars) + "]")


def _after_last(text: str, pos: int, stops: str) -> int:
    """Just after the last of ``stops`` before ``pos`` (0 when there is none)."""
    m = _any_of(stops, True).search(text, 0, pos)
    return m.end() if m else 0


# A full stop right before a closing bracket ends the bracketed remark, not the sentence around it:
# "…公务用车购置及运行费506.50万元（购置费120.00万元，运行维护费386.50万元。），公务接待费9.60万元"
_SENTENCE_STOP = lazy(r"[。！？!?](?![）)])")


@lru_cache(maxsize=256)
def _sentence_stops(text: str) -> list[int]:
    """Just after each full stop of ``text`` that ends a sentence (not one before a closing bracket).
    Cached: every figure of a paragraph asks where its sentence starts."""
    return [m.end() for m in _SENTENCE_STOP.finditer(text)]


def sentence_start(text: str, pos: int) -> int:
    if pos and text[pos - 1] in SENTENCE_END:
        return pos  # a stop right before ``pos`` ends the sentence, whatever follows it
    stops = _sentence_stops(text)
    i = bisect_right(stops, pos)
    return stops[i - 1] if i else 0


def sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_STOP.search(text, pos)
    return m.start() if m else len(text)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    return sentence_start(text, pos), sentence_end(text, pos)


def clause_start(text: str, pos: int, stops: str = CLAUSE_END) -> int:
    """Start of the clause containing ``pos``: just after the last of ``stops`` before it."""
    return _after_last(text, pos, stops)


def clause_before(text: str, pos: int, stops: str = CLAUSE_END) -> str:
    """The text of the clause containing ``pos``, up to ``pos``: what introduces a figure (…覆盖率为)."""
    return text[clause_start(text, pos, stops) : pos]


def percents_introduced(
    quantities: list[Quantity], text: str, pattern: regex.Pattern[str]
) -> Iterator[Quantity]:
    """The exact percentages whose clause, up to the figure, matches ``pattern`` (…覆盖率为62.16%)."""
    for q in quantities:
        if q.kind is Kind.PERCENT and not q.approx and pattern.search(clause_before(text, q.start)):
            yield q


@lru_cache(maxsize=256)
def _bracket_events(text: str, opens: str, closes: str) -> tuple[list[int], list[int]]:
    """Positions of the brackets in ``text`` and the depth just after each (unmatched closing
    brackets ignored). Cached: every figure of a paragraph asks for its depth."""
    positions: list[int] = []
    depths: list[int] = []
    depth = 0
    for m in _any_of(opens + closes, False).finditer(text):
        if m.group() in opens:
            depth += 1
        elif depth:
            depth -= 1
        positions.append(m.start())
        depths.append(depth)
    return positions, depths


def depth_at(text: str, pos: int, opens: str = "（(", closes: str = "）)") -> int:
    """Bracket depth just before ``pos``: linear in the brackets, not the characters, of ``text``."""
    positions, depths = _bracket_events(text, opens, closes)
    i = bisect_left(positions, pos)
    return depths[i - 1] if i else 0


_CHANGE_BEFORE = lazy(
    r"(?:增加|减少|增长|下降|降低|提高|节约|节省|超支|增|减)(?:[（(](?:增加|减少|增长|下降|增|减)[）)])?了?"
    r"(?:支出|收入|经费|资金)?$"
)  # 减少支出613.80万元; a template's "增加（减少）0万元" left unchosen
# revenue or spending up or down on the year or the budget, by the word alone ("同比增长6.5%，增收3196万元", "短收7431万元")
_CHANGED_BY_THE_WORD = lazy(r"(?:增收|减收|增支|减支|多收|少收|短收|超收|欠收|调增|调减)了?$")


COMPARISON_WORD = lazy(r"比|较|相比|同比|环比")
_REASON_BEFORE = lazy(r"原因(?:是|为|主要是|在于)?[：:]?|主要是由于|主要由于")
_OPENS_WITH_CHANGE = lazy(r"\s*(?:增加|减少|增长|下降|降低|提高)了?\s*")


def is_change_amount(text: str, q: Quantity) -> bool:
    """An amount that states a change (比上年增加25万元), not a level: never a whole or a part of one.

    The clause must compare ("支持商销稳增长30.00万" names a programme: its amount is a level).
    """
    if _CHANGED_BY_THE_WORD.search(text, max(0, q.start - 3), q.start):
        return True
    if not _CHANGE_BEFORE.search(text, max(0, q.start - 6), q.start):
        return False
    begin = clause_start(text, q.start)
    if _REASON_BEFORE.search(text, sentence_start(text, q.start), begin):
        return True  # "…增长4.76%，主要原因是人员经费收入减少13.25万元，项目经费收入增加91.01万元": the reasons' changes
    # "完成44.11亿元，增加4.37亿元，增长11.01%": a clause that opens with its direction word is a change;
    # "与2022年度相比，收入合计减少2415.45万元": the comparison is the clause before, on its own
    return bool(
        COMPARISON_WORD.search(text, begin, q.start)
        or _OPENS_WITH_CHANGE.fullmatch(text, begin, q.start)
        or (begin > 0 and _COMPARISON_CLAUSE.fullmatch(text, clause_start(text, begin - 1), begin))
    )


_COMPARISON_CLAUSE = lazy(r"\s*(?:与|同|和|跟|较|比)[^，,；;。]{0,16}?(?:相比|比较|相较|对比)?\s*[，,]\s*")
