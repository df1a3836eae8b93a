"""Repeated passages: verbatim copies (duplicate_paragraph) and half-updated ones (near_duplicate_conflict)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.duplicates import Copy, RepeatedBlock
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation
from auditor.text.chars import compact_spacing


class Listing(Message):
    """Items in a row, with each language's separator: 50、73、147 in Chinese, 50, 73, 147 in English."""

    def __init__(self, items: Iterable[object], zh: str = "、", en: str = ", ") -> None:
        super().__init__(items=list(items))
        self.separator = {"zh": zh, "en": en}

    def render(self, lang: str = "zh") -> str:
        parts = [i.render(lang) if isinstance(i, Message) else str(i) for i in self.args["items"]]
        return self.separator["en" if lang == "en" else "zh"].join(parts)


def _lines(copies: list[Copy]) -> Listing:
    seen: list[int] = []
    for c in copies:
        if c.line not in seen:
            seen.append(c.line)
    return Listing(seen)


def _excerpt(doc: Analysis, block: RepeatedBlock, size: int = 24) -> str:
    first = block.copies[0].sentences[0]
    line = doc.line_text(first.line)
    start = first.column - 1
    if start > 0 and line[start - 1] in "（(":
        start -= 1  # the clause starts after an opening bracket: show it
    text = compact_spacing(line[start:].strip())[0]  # "一 是 结 合" as the figures read it: 一是结合
    return text[:size] + ("…" if len(text) > size else "")


class Repeated(Message):
    zh = "段落重复：“{excerpt}”在第 {lines} 行出现 {count} 次"
    en = "repeated passage: “{excerpt}” appears {count} times, at lines {lines}"


class HalfUpdated(Message):
    zh = "复制段落数字不一致：“{excerpt}”出现 {count} 次，数字不同——{variants}"
    en = "pasted passage with different numbers: “{excerpt}” appears {count} times — {variants}"


class VersionAt(Message):
    """One version of a half-updated passage: where it stands and the numbers it has there."""

    zh = "{where}写 {numbers}"
    en = "{where}: {numbers}"


class AtLine(Message):
    zh = "第 {lines} 行"
    en = "line {lines}"


class AtLines(Message):
    zh = "第 {lines} 行"
    en = "lines {lines}"


class AtLineNth(Message):
    zh = "第 {lines} 行第 {nth} 处"
    en = "line {lines} (copy {nth} in the line)"


class AtLinesNth(Message):
    zh = "第 {lines} 行第 {nth} 处"
    en = "lines {lines} (copy {nth} in each)"


def _places(copies: list[Copy], block: RepeatedBlock) -> Listing:
    """Where ``copies`` stand: by line, and by their order within the line when a line holds several
    copies of the block (a paragraph that pastes the passage twice, once with each version)."""
    on_line: dict[int, list[int]] = {}
    for c in block.copies:
        on_line.setdefault(c.line, []).append(c.sentences[0].column)
    groups: dict[int | None, list[int]] = {}
    for c in copies:
        columns = sorted(on_line[c.line])
        nth = columns.index(c.sentences[0].column) + 1 if len(columns) > 1 else None
        lines = groups.setdefault(nth, [])
        if c.line not in lines:
            lines.append(c.line)
    places: list[Message] = []
    for nth, lines in groups.items():
        if nth is None:
            places.append((AtLine if len(lines) == 1 else AtLines)(lines=Listing(lines)))
        else:
            places.append((AtLineNth if len(lines) == 1 else AtLinesNth)(lines=Listing(lines), nth=nth))
    return Listing(places)


class DuplicatePassage(Rule):
    """Reports a passage repeated verbatim in several places.

    ## What it does
    Finds blocks of text — whole paragraphs, or runs of clauses of at least 100 characters — that appear
    more than once, after normalising whitespace and punctuation, and reports each block once with the
    lines of every copy. Headings, table cells, title lines and a 目录 are not compared; a 摘要 that
    repeats a passage of the body once is left alone.

    ## Why is this bad?
    Reports are assembled by copying between sections and from last year's report; a passage pasted
    twice or three times makes the report longer and is where half-updated figures hide.

    ## Example
    Anti-pattern:

        （一）部门职能
        负责全县促进就业工作，拟订统筹城乡就业发展规划和政策，完善公共就业创业服务体系，统筹建立面向城乡劳动者的职业技能培训制度。
        （二）年度工作
        负责全县促进就业工作，拟订统筹城乡就业发展规划和政策，完善公共就业创业服务体系，统筹建立面向城乡劳动者的职业技能培训制度。

    Best practice:

        （一）部门职能
        负责全县促进就业工作，拟订统筹城乡就业发展规划和政策，完善公共就业创业服务体系，统筹建立面向城乡劳动者的职业技能培训制度。
        （二）年度工作
        全年城镇新增就业3,215人，完成目标任务的107.17%。
    """

    code = "D101"
    title = "段落重复"
    name = "duplicate-passage"
    category = "duplicate_paragraph"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for block in doc.repeated_blocks:
            if block.conflicting:
                continue
            later = block.copies[1]
            yield self.violation(
                Repeated(excerpt=_excerpt(doc, block), lines=_lines(block.copies), count=len(block.copies)),
                line=later.line,
                column=later.sentences[0].column,
                lines=[c.line for c in block.copies],
            )


class NearDuplicateConflict(Rule):
    """Reports a passage pasted in several places with different numbers.

    ## What it does
    Compares passages with their numbers blanked out: two or more copies of the same text whose numbers
    differ are reported together, with each version's numbers and lines. Years are compared as text, so
    parallel statements about two years ("2023年度…2.79万元；2022年度…20.50万元") are not copies.

    ## Why is this bad?
    A passage pasted and then only partly updated states two different values for the same fact; at
    most one of them is right, and the reader cannot tell which.

    ## Example
    Anti-pattern:

        抓好人才回归工作，从县外调入事业单位人员32人，其中，专业技术人才27人、管理人才5人。全面抓好事业单位公开招聘工作。
        抓好人才回归工作，从县外调入事业单位人员23人，其中，专业技术人才19人、管理人才4人。全面抓好事业单位公开招聘工作。

    Best practice:

        抓好人才回归工作，从县外调入事业单位人员32人，其中，专业技术人才27人、管理人才5人。全面抓好事业单位公开招聘工作。
    """

    code = "D102"
    title = "复制段落数字不一致"
    name = "near-duplicate-conflict"
    category = "near_duplicate_conflict"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for block in doc.repeated_blocks:
            if not block.conflicting:
                continue
            first = block.copies[0]
            other = next(c for c in block.copies if c.numbers != first.numbers)
            diffs = block.differences(first, other)
            positions = [i for i in range(len(first.numbers)) if len({v[i] for v in block.variants}) > 1]
            versions = [
                VersionAt(
                    where=_places([c for c in block.copies if c.numbers == variant], block),
                    numbers=Listing(variant[i] for i in positions),
                )
                for variant in block.variants
            ]
            _, stated, line, column = diffs[0]
            yield self.violation(
                HalfUpdated(
                    excerpt=_excerpt(doc, block),
                    count=len(block.copies),
                    variants=Listing(versions, zh="；", en="; "),
                ),
                line=line,
                column=column,
                lines=[c.line for c in block.copies],
                stated=stated,
                expected=diffs[0][0],
            )
