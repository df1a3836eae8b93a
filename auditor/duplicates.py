"""Repeated passages: blocks of sentences pasted verbatim, or pasted and half-updated.

Sentences are compared by their *skeleton* — the text with every number replaced by "#", years
kept as written — so a passage pasted twice with different numbers still matches, while two
parallel statements about different years ("2023年度…2.79万元" / "2022年度…20.50万元") do not.
Maximal runs of consecutive repeated sentences are found in one pass over the document, with a
hash table of sentence skeletons: the cost grows linearly with the document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import regex

from auditor.document import Document
from auditor.quantity import normalise

MIN_HAN = 4  # shorter clauses are not compared ("其中", "得2分")
MIN_VERBATIM_HAN = 100  # a verbatim repeat shorter than this must be a whole paragraph to count
MIN_PARAGRAPH_HAN = 40  # …of at least this much text (a restated one-line conclusion is fine)
MIN_CONFLICT_HAN = 40  # a half-updated paste must carry at least this much text
MAX_PARTNERS = 8  # a clause repeated more often than this is boilerplate
SUMMARY_TITLES = regex.compile(r"摘要|提要|概要|总结|小结")

_NUMBER = regex.compile(r"(?<![（(\d])\d[\d,]*(?:\.\d+)?(?![\d）)年]|\s*年)")
# punctuation and spaces do not make two clauses different
_PUNCT = re.compile(
    "[" + re.escape(" \t\u3000，。、；：！？“”‘’（）《》【】〔〕—…·,.;:!?'\"()[]{}<>-_/\\|~`@^&*+=$") + "]+"
)


@dataclass(slots=True)
class Sentence:
    index: int  # position in the document's sentence sequence
    line: int
    column: int  # 1-based column of the sentence start in its line
    text: str
    skeleton: int  # hash of the text with numbers replaced (compared within one process only)
    han: int
    section: str  # title of the enclosing top-level section
    paragraph: tuple[int, int] = (0, 0)  # the range of unit indices of its paragraph

    @property
    def numbers(self) -> tuple[tuple[str, int], ...]:
        """(number as written, column) for each number; read only for the few repeated sentences."""
        return tuple((n.group(0), self.column + n.start()) for n in _NUMBER.finditer(self.text))


@dataclass
class Copy:
    sentences: list[Sentence]

    @property
    def line(self) -> int:
        return self.sentences[0].line

    @property
    def lines(self) -> list[int]:
        out: list[int] = []
        for s in self.sentences:
            if s.line not in out:
                out.append(s.line)
        return out

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(n for s in self.sentences for n, _ in s.numbers)


@dataclass
class RepeatedBlock:
    """The same passage at several places; ``variants`` > 1 when the numbers differ between copies."""

    copies: list[Copy]
    variants: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def conflicting(self) -> bool:
        return len(self.variants) > 1

    def differences(self, a: Copy, b: Copy) -> list[tuple[str, str, int, int]]:
        """(number in a, number in b, line in b, column in b) where the two copies differ."""
        out = []
        for sa, sb in zip(a.sentences, b.sentences, strict=True):
            for (na, _), (nb, col) in zip(sa.numbers, sb.numbers, strict=True):
                if na != nb:
                    out.append((na, nb, sb.line, col))
        return out


# clauses end at 。！？；，：、 or an opening bracket; a comma between digits (30,342) is part of a number
# the stdlib engine is faster than ``regex`` for these plain character classes
_UNIT = re.compile(
    r"[^。！？!?；;，,：:、（(]+(?:(?<=\d),(?=\d)[^。！？!?；;，,：:、（(]*)*(?:[。！？!?；;，：:、（(]|,(?!\d))?"
)
_NOT_HAN = regex.compile(r"\P{Han}+")
_TITLE_END = regex.compile(r"[。！？!?；;，,]")
_DIGIT = regex.compile(r"\d")


def _han(text: str) -> int:
    """Number of Chinese characters (removing the rest is cheaper than finding each one)."""
    return len(_NOT_HAN.sub("", text))


def _sentences(doc: Document) -> list[Sentence]:
    """The document's clauses (split at 。；，：、 and an opening bracket), the units blocks are made of."""
    out: list[Sentence] = []
    for para in doc.paragraphs:
        if para.heading is not None:
            continue
        text = normalise(para.text)
        if not _TITLE_END.search(text) and _han(text) < 25:
            continue  # a title line (the cover page repeats the title on purpose)
        section = doc.section_at(para.line)
        top = section.path()[0].title if section is not None else ""
        first = len(out)
        for m in _UNIT.finditer(text):
            raw = m.group(0)
            han = _han(raw)
            if han < MIN_HAN:
                continue
            # "…补助资金等。" ends the same list as "…补助资金）。"
            blanked = _NUMBER.sub("#", raw) if _DIGIT.search(raw) else raw
            skeleton = hash(_PUNCT.sub("", blanked).removesuffix("等"))
            out.append(Sentence(len(out), para.line, m.start() + 1, raw, skeleton, han, top, (first, 0)))
        for unit in out[first:]:
            unit.paragraph = (first, len(out))
    return out


def _runs(sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """Maximal runs (start, length, offset): sentences start..start+length-1 repeat at +offset."""
    where: dict[int, list[int]] = defaultdict(list)
    for s in sentences:
        where[s.skeleton].append(s.index)
    runs: list[tuple[int, int, int]] = []
    active: dict[int, int] = {}  # offset -> run start
    for s in sentences:
        partners = where[s.skeleton]
        current: dict[int, int] = {}
        if 1 < len(partners) <= MAX_PARTNERS + 1:
            for p in partners:
                if p > s.index:
                    offset = p - s.index
                    current[offset] = active.get(offset, s.index)
        for offset, start in active.items():
            if offset not in current:
                runs.append((start, s.index - start, offset))
        active = current
    end = len(sentences)
    runs.extend((start, end - start, offset) for offset, start in active.items())
    return runs


def find_repeated_blocks(doc: Document) -> list[RepeatedBlock]:
    sentences = _sentences(doc)
    groups: dict[tuple[int, ...], dict[int, Copy]] = {}
    for start, length, offset in _runs(sentences):
        if offset < length:
            # the run overlaps its own copy: a block repeated back to back (A A A), period ``offset``
            starts = list(range(start, start + length + 1, offset))
            length = offset
        else:
            starts = [start, start + offset]
        block = sentences[start : start + length]
        key = tuple(s.skeleton for s in block)
        copies = groups.setdefault(key, {})
        for first in starts:
            if first + length <= len(sentences):
                copies.setdefault(first, Copy(sentences[first : first + length]))
    candidates = []
    for copies in groups.values():
        ordered = [copies[k] for k in sorted(copies)]
        variants: list[tuple[str, ...]] = []
        for c in ordered:
            if c.numbers not in variants:
                variants.append(c.numbers)
        block = RepeatedBlock(copies=ordered, variants=variants)
        han = sum(s.han for s in ordered[0].sentences)
        if block.conflicting:
            if han < MIN_CONFLICT_HAN or len(ordered[0].sentences) < 2:
                continue
        elif han < MIN_VERBATIM_HAN and (
            han < MIN_PARAGRAPH_HAN or not any(_whole_paragraph(c) for c in ordered)
        ):
            continue
        if _summary_only(ordered):
            continue
        candidates.append((han, block))
    blocks: list[RepeatedBlock] = []
    covered: set[int] = set()
    conflicts_covered: set[int] = set()
    # longest first: a sub-block of a longer repeated passage is not reported again; a half-updated
    # paste is reported even inside a longer verbatim repeat (002 pastes a paragraph that already
    # contains its own half-updated copy)
    for _, block in sorted(candidates, key=lambda hb: -hb[0]):
        units = {s.index for c in block.copies for s in c.sentences}
        if block.conflicting:
            if units <= conflicts_covered:
                continue
            conflicts_covered |= units
        else:
            if units <= covered:
                continue
            covered |= units
        blocks.append(block)
    blocks.sort(key=lambda b: (b.copies[0].line, b.copies[0].sentences[0].column))
    return blocks


def _whole_paragraph(copy: Copy) -> bool:
    first, last = copy.sentences[0], copy.sentences[-1]
    return first.index == first.paragraph[0] and last.index == first.paragraph[1] - 1


def _summary_only(copies: list[Copy]) -> bool:
    """A 摘要 that summarises the body repeats it on purpose: two copies, one of them in the summary."""
    in_summary = [c for c in copies if SUMMARY_TITLES.search(c.sentences[0].section)]
    return len(copies) == 2 and len(in_summary) == 1
