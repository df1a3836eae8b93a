"""Heading numbers and the table of contents (numbering)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.outline import contents_slips, numbering_slips
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class Skipped(Message):
    zh = "标题编号跳号：“{written}”之前应为“{expected}”"
    en = "heading number skipped: “{written}” where “{expected}” was due"


class RepeatedNumber(Message):
    zh = "标题编号重复：“{written}”已在第 {previous} 行使用，此处应为“{expected}”"
    en = "heading number repeated: “{written}” is already used at line {previous}; “{expected}” was due"


class Restarted(Message):
    zh = "标题编号重新开始：同一上级标题下从“{written}”重新编号，应为“{expected}”（或改用下一级编号）"
    en = "heading numbers restart under the same parent: “{written}” where “{expected}” was due (or use the next level's numbers)"


class HeadingNumbering(Rule):
    """Reports heading numbers that skip, repeat, or restart without a new parent.

    ## What it does
    Reads the outline from every ordinal-led paragraph (一、 （一） 1. （1） ①), per parent and per part
    (第二部分 and 附件 start afresh). At the two top levels, a number that skips ((一) then (三)), repeats
    (四、 twice) or restarts at one under the same parent is reported; at the third level only skips.
    A first item numbered above one is a skip only under a parent heading (一、 then （二）): an outline
    that opens at 二、 is an excerpt, or its first part is published elsewhere.
    A list nested at the wrong level is reported once where it starts, and the outer numbering that
    resumes after it is accepted.

    ## Why is this bad?
    Numbering errors are the first thing a reader notices, and usually mean a section was deleted, moved
    or pasted from another report.

    ## Example
    Anti-pattern:

        一、部门概况
        （一）机构组成
        （三）人员概况

    Best practice:

        一、部门概况
        （一）机构组成
        （二）人员概况
    """

    code = "H101"
    title = "标题编号有误"
    name = "heading-numbering"
    category = "numbering"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for s in numbering_slips(doc.document):
            message: Message
            if s.kind == "skip":
                message = Skipped(written=s.written, expected=s.expected)
            elif s.kind == "repeat":
                message = RepeatedNumber(written=s.written, previous=s.previous_line, expected=s.expected)
            else:
                message = Restarted(written=s.written, expected=s.expected)
            yield self.violation(
                message,
                line=s.line,
                column=s.column,
                lines=[s.previous_line],
                stated=s.written,
                expected=s.expected,
            )


class Missing(Message):
    zh = "目录与正文不符：目录中的“{entry}”在正文中找不到"
    en = "contents and body differ: the contents entry “{entry}” is not in the body"


class Differs(Message):
    zh = "目录与正文不符：目录写“{entry}”，正文第 {line} 行为“{body}”"
    en = "contents and body differ: the contents say “{entry}”, line {line} of the body says “{body}”"


class TableOfContents(Rule):
    """Reports 目录 entries that do not match the body's headings.

    ## What it does
    Looks up each entry of the 目录 among the body's headings of the same level by title (page numbers
    and punctuation ignored): an entry the body does not have, a heading numbered differently from its
    entry, or a top-level number whose title differs, is reported at the entry.

    ## Why is this bad?
    A table of contents that does not match the body sends the reader to sections that do not exist,
    usually after sections were merged or removed late.

    ## Example
    Anti-pattern:

        目录
        一、部门概况
        二、存在的问题
        一、部门概况
        正文。
        二、改进措施

    Best practice:

        目录
        一、部门概况
        二、改进措施
        一、部门概况
        正文。
        二、改进措施
    """

    code = "H102"
    title = "目录与正文不符"
    name = "table-of-contents"
    category = "numbering"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for s in contents_slips(doc.document):
            if s.kind == "missing":
                message: Message = Missing(entry=s.entry)
            else:
                message = Differs(entry=s.entry, line=s.body_line, body=s.body)
            yield self.violation(
                message,
                line=s.line,
                column=1,
                lines=[s.body_line] if s.body_line else [],
                stated=s.entry,
                expected=s.body or None,
            )
