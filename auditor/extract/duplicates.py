"""Repeated passages: blocks of sentences pasted verbatim, or pasted and half-updated.

Sentences are compared by their *skeleton* — the text with every number replaced by "#", years
kept as written — so a passage pasted twice with different numbers still matches, while two
parallel statements about different years ("2023年度…2.79万元" / "2022年度…20.50万元") do not.
Maximal runs of consecutive repeated sentences are found in one pass over the document, with a
hash table of sentence skeletons: the cost grows linearly with the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field
from itertools import accumulate
from operator import methodcaller

from auditor.model.document import Document
from auditor.model.record import record
from auditor.text.chars import laid_out, normalise
from auditor.text.labels import level_of, region_after
from auditor.text.rx import lazy
from auditor.text.spans import SENTENCE_END

MIN_HAN = 4  # shorter clauses are not compared ("其中", "得2分")
MIN_VERBATIM_HAN = 100  # a verbatim repeat shorter than this must be a whole paragraph to count
MIN_PARAGRAPH_HAN = 40  # …of at least this much text (a restated one-line conclusion is fine)
MIN_CONFLICT_HAN = 40  # a half-updated paste must carry at least this much text
MAX_PARTNERS = 8  # a clause repeated more often than this is boilerplate
SUMMARY_TITLES = lazy(r"摘要|提要|概要|总结|小结")

_NUMBER = lazy(r"(?<![（(\d])\d[\d,]*(?:\.\d+)?(?![\d）)年]|\s*年)")
# punctuation and spaces do not make two clauses different
_PUNCT = re.compile(
    "[" + re.escape(" \t\u3000，。、；：！？“”‘’（）《》【】〔〕—…·,.;:!?'\"()[]{}<>-_/\\|~`@^&*+=$") + "]+"
)


@record(slots=True)
class Sentence:
    """One sentence of the document, with the skeleton its copies share whatever their figures."""

    index: int  # position in the document's sentence sequence
    line: int
    column: int  # 1-based column of the sentence start in its line
    text: str
    skeleton: int  # hash of the text with numbers replaced (compared within one process only)
    han: int
    section: str  # title of the enclosing top-level section
    paragraph: tuple[int, int] = (0, 0)  # the range of unit indices of its paragraph
    _numbers: tuple[tuple[str, int], ...] | None = None

    @property
    def numbers(self) -> tuple[tuple[str, int], ...]:
        """(number as written, column) for each number: found on first use (only repeated
        sentences are asked)."""
        if self._numbers is None:
            self._numbers = tuple((n.group(0), self.column + n.start()) for n in _NUMBER.finditer(self.text))
        return self._numbers


@record
class Copy:
    """A run of consecutive sentences that repeats another run of the document."""

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


@record
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


# A paragraph in pieces: a clause — ending at 。！？；，：、 or an opening bracket, a comma between
# digits (30,342) being part of a number — or a single character no clause starts with. The
# stdlib engine is faster than ``regex`` for these plain character classes.
_PIECE = re.compile(
    r"[^。！？!?；;，,：:、（(]+(?:(?<=\d),(?=\d)[^。！？!?；;，,：:、（(]*)*(?:[。！？!?；;，：:、（(]|,(?!\d))?"
    r"|[\s\S]"
)
_NOT_HAN = lazy(r"\P{Han}+")
_TITLE_END = lazy(r"[。！？!?；;，,]")


# functions, not partials of the patterns' methods: a lazy pattern binds its compiled methods on first use


def _drop_non_han(text: str) -> str:
    return _NOT_HAN.sub("", text)


def _blank_numbers(text: str) -> str:
    return _NUMBER.sub("#", text)


def _drop_punct(text: str) -> str:
    return _PUNCT.sub("", text)


_drop_etc = methodcaller("removesuffix", "等")  # "…补助资金等。" ends the same list as "…补助资金）。"


def _han(text: str) -> int:
    """Number of Chinese characters (removing the rest is cheaper than finding each one)."""
    return len(_drop_non_han(text))


class Clauses:
    """The document's clauses as parallel columns; a Sentence is made only for a clause asked for.

    Every clause needs its skeleton and length, but only the few that repeat are ever looked at:
    the per-clause work runs inside ``map`` over whole paragraphs rather than in a Python loop.
    """

    def __init__(self) -> None:
        self.text: list[str] = []
        self.line: list[int] = []
        self.column: list[int] = []
        self.skeleton: list[int] = []
        self.han: list[int] = []
        self.scope: list[str] = []  # the part of a region the clause's paragraph speaks of ("41个县"), or ""
        self.section: list[str] = []
        self.paragraph: list[tuple[int, int]] = []
        self._made: dict[int, Sentence] = {}

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> list[Sentence]:
        return [self.sentence(i) for i in range(*key.indices(len(self.text)))]

    def sentence(self, i: int) -> Sentence:
        made = self._made.get(i)
        if made is None:
            made = self._made[i] = Sentence(
                i,
                self.line[i],
                self.column[i],
                self.text[i],
                self.skeleton[i],
                self.han[i],
                self.section[i],
                self.paragraph[i],
            )
        return made

    def add_paragraph(
        self, text: str, line: int, section: str, column=lambda offset: offset + 1, scope: str = ""
    ) -> None:
        pieces = _PIECE.findall(text)
        starts = list(accumulate(map(len, pieces), initial=0))
        hans = list(map(len, map(_drop_non_han, pieces)))
        keep = [i for i, h in enumerate(hans) if h >= MIN_HAN]
        if not keep:
            return
        kept = [pieces[i] for i in keep]
        first, n = len(self.text), len(keep)
        self.text += kept
        self.line += [line] * n
        self.column += [column(starts[i]) for i in keep]
        self.skeleton += map(hash, map(_drop_etc, map(_drop_punct, map(_blank_numbers, kept))))
        self.han += [hans[i] for i in keep]
        self.section += [section] * n
        self.scope += [scope] * n
        self.paragraph += [(first, first + n)] * n


def _sentences(doc: Document) -> Clauses:
    """The document's clauses (split at 。；，：、 and an opening bracket), the units blocks are made of."""
    out = Clauses()
    region = ""  # the part of a region a "在41个县…情况上，" paragraph opened, for the ones after it
    for para in doc.paragraphs:
        text = normalise(para.text)
        region = region_after(region, text, para.heading is not None)
        if para.heading is not None:
            continue
        if not _TITLE_END.search(text) and _han(text) < 25:
            continue  # a title line (the cover page repeats the title on purpose)
        if laid_out(doc.line_text(para.line)):
            continue  # a table's row laid out in columns (pdftotext -layout): two tables may share a row
        section = doc.section_at(para.line)
        out.add_paragraph(
            text, para.line, section.path()[0].title if section is not None else "", para.column, region
        )
    return out


def _runs(skeletons: list[int]) -> list[tuple[int, int, int]]:
    """Maximal runs (start, length, offset): clauses start..start+length-1 repeat at +offset."""
    counts = Counter(skeletons)
    where: dict[int, list[int]] = {}
    for i, skeleton in enumerate(skeletons):
        if 1 < counts[skeleton] <= MAX_PARTNERS + 1:  # more often than that is boilerplate
            where.setdefault(skeleton, []).append(i)
    runs: list[tuple[int, int, int]] = []
    active: dict[int, int] = {}  # offset -> run start
    for i, skeleton in enumerate(skeletons):
        partners = where.get(skeleton)
        current: dict[int, int] = {}
        if partners is not None:
            for p in partners:
                if p > i:
                    offset = p - i
                    current[offset] = active.get(offset, i)
        elif not active:
            continue
        for offset, start in active.items():
            if offset not in current:
                runs.append((start, i - start, offset))
        active = current
    end = len(skeletons)
    runs.extend((start, end - start, offset) for offset, start in active.items())
    return runs


_SENTENCE_END = tuple(SENTENCE_END)  # str.endswith takes a tuple of endings


def _whole_sentences(block: RepeatedBlock, clauses: Clauses) -> RepeatedBlock | None:
    """A half-updated paste cut to the sentences its copies hold whole; None when no number differs there.

    A form sentence repeated for different subjects ("共有车辆3辆，其中：部级领导干部用车0辆…" beside
    "安排购置车辆0辆，其中：部级领导干部用车0辆…") shares a run that starts or ends inside a sentence whose
    subject differs: only whole sentences that differ in their numbers are a paste left half-updated.
    """

    def starts(i: int) -> bool:
        first = clauses.paragraph[i][0]
        return i == first or clauses.text[i - 1].rstrip().endswith(_SENTENCE_END)

    def ends(i: int) -> bool:
        return i == clauses.paragraph[i][1] - 1 or clauses.text[i].rstrip().endswith(_SENTENCE_END)

    length = len(block.copies[0].sentences)
    firsts = [c.sentences[0].index for c in block.copies]
    lo, hi = 0, length
    # a copy that holds the sentence whole is enough: a paste may follow a heading in one copy only
    while lo < hi and not any(starts(f + lo) for f in firsts):
        lo += 1
    while hi > lo and not any(ends(f + hi - 1) for f in firsts):
        hi -= 1
    if hi <= lo:
        return None
    copies = [Copy(c.sentences[lo:hi]) for c in block.copies]
    variants: list[tuple[str, ...]] = []
    for c in copies:
        if c.numbers not in variants:
            variants.append(c.numbers)
    trimmed = RepeatedBlock(copies=copies, variants=variants)
    return trimmed if trimmed.conflicting else None


def find_repeated_blocks(doc: Document) -> list[RepeatedBlock]:
    sentences = _sentences(doc)
    groups: dict[tuple[int, ...], dict[int, Copy]] = {}
    for start, length, offset in _runs(sentences.skeleton):
        if offset < length:
            # the run overlaps its own copy: a block repeated back to back (A A A), period ``offset``
            starts = list(range(start, start + length + 1, offset))
            length = offset
        else:
            starts = [start, start + offset]
        if sum(sentences.han[start : start + length]) < min(MIN_CONFLICT_HAN, MIN_PARAGRAPH_HAN):
            continue  # too short to report whatever its copies hold (equal skeletons, equal length)
        key = tuple(sentences.skeleton[start : start + length])
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
        if block.conflicting:
            block = _whole_sentences(block, sentences)
            if block is None or _parallel_levels(block, sentences):
                continue
            scopes = [sentences.scope[c.sentences[0].index] for c in block.copies]
            if len(set(scopes)) == len(scopes):
                continue  # "在41个县…上，…支出完成A" and "在59个区…上，…支出完成B": each part's own figures
        han = sum(s.han for s in block.copies[0].sentences)
        ordered = block.copies
        if block.conflicting:
            if han < MIN_CONFLICT_HAN or len(ordered[0].sentences) < 2:
                continue
        elif han < MIN_VERBATIM_HAN and (
            han < MIN_PARAGRAPH_HAN or not any(_whole_paragraph(c) for c in ordered)
        ):
            continue
        if _summary_only(ordered, doc) or (not block.conflicting and _parallel_scopes(ordered)):
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


def _parallel_levels(block: RepeatedBlock, sentences: Clauses) -> bool:
    """Whether each copy speaks of its own level of government, named in its paragraph before it
    ("全州…。其中：…" and "州本级…。其中：…"): one sentence written for two levels, not a paste."""
    levels = []
    for copy in block.copies:
        first = copy.sentences[0].index
        opens = sentences.paragraph[first][0]
        levels.append(level_of("".join(sentences.text[opens : first + 1])))
    return None not in levels and len(set(levels)) == len(levels)


def _whole_paragraph(copy: Copy) -> bool:
    first, last = copy.sentences[0], copy.sentences[-1]
    return first.index == first.paragraph[0] and last.index == first.paragraph[1] - 1


def _summary_only(copies: list[Copy], doc: Document) -> bool:
    """A 摘要 that summarises the body repeats it on purpose: two copies, one of them in the summary (its
    section, or a web page's "摘要：" label standing alone a few lines above it)."""
    in_summary = [
        c
        for c in copies
        if SUMMARY_TITLES.search(c.sentences[0].section) or _under_summary_label(doc, c.line)
    ]
    return len(copies) == 2 and len(in_summary) == 1


def _parallel_scopes(copies: list[Copy]) -> bool:
    """ "一、全口径预算安排…" and "二、一般公共预算安排…" with the same figures: all of the unit's money is of that
    one fund, and each section states its own scope's account in the same words; no paste. (The same passage
    under 一般公共预算 and under 政府性基金 is one: two funds with the same figures are a copy left unchanged.)"""
    if len(copies) != 2:
        return False
    sections = [normalise(c.sentences[0].section) for c in copies]
    whole = [bool(_ALL_FUNDS.search(t)) for t in sections]
    return whole.count(True) == 1 and bool(_ONE_FUND.search(sections[whole.index(False)]))


_ALL_FUNDS = lazy(r"全口径")
_ONE_FUND = lazy(r"一般公共预算|财政拨款")


def _under_summary_label(doc: Document, line: int) -> bool:
    """Whether the copy at ``line`` is a web page's summary field: under a "摘要：" line, or after the
    label on its own line ("内容概述: 2025年是…", the page's first paragraph again)."""
    if line <= len(doc.lines) and _SUMMARY_FIELD.match(doc.lines[line - 1].text.strip()):
        return True
    above = [ln.text for ln in reversed(doc.lines[max(0, line - 8) : line - 1]) if ln.text.strip()][:3]
    return any(_SUMMARY_LABEL.fullmatch(text.strip()) for text in above)


_SUMMARY_NAME = r"[【\[]?(?:内容)?(?:摘要|提要|概要|概述)[】\]]?\s*"
_SUMMARY_LABEL = lazy(_SUMMARY_NAME + r"[：:]?")  # a line of its own
_SUMMARY_FIELD = lazy(_SUMMARY_NAME + r"[：:]\s*\S")  # the label and the text on one line
