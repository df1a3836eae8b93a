"""The report's own unit named wrongly (entity_name)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.textscan import name_slips
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class Misspelled(Message):
    zh = "单位名称有误：“{written}”应为“{expected}”"
    en = "the unit's name is misspelled: “{written}” for “{expected}”"


class OtherBody(Message):
    zh = "单位名称疑似错误：以“{written}”作为本报告的资料来源，本报告评价的是{expected}"
    en = "another body named as the report's source: “{written}”, in a report on {expected}"


class EntityName(Rule):
    """Reports the report's own unit named wrongly.

    ## What it does
    Takes the unit from the title block ("寻甸回族彝族自治县人力资源和社会保障局") and accepts its usual short
    forms (…县人社局). A name one character away from one of these ("甸回族彝族自治县人社局") is a
    misspelling; another bureau of the same place given as the source of the report's data
    ("寻甸回族彝族自治县民政局提供的基础资料" in a 人社局 report) is a name pasted from another report.

    ## Why is this bad?
    A report that misnames its own unit, or credits another bureau's data, has visibly been copied
    from another document.

    ## Example
    Anti-pattern:

        寻甸回族彝族自治县人力资源和社会保障局
        2023年部门整体支出绩效自评报告
        评价依据：寻甸回族彝族自治县民政局提供的基础资料；《甸回族彝族自治县人社局工作计划》。

    Best practice:

        寻甸回族彝族自治县人力资源和社会保障局
        2023年部门整体支出绩效自评报告
        评价依据：寻甸回族彝族自治县人社局提供的基础资料；《寻甸回族彝族自治县人社局工作计划》。
    """

    code = "E101"
    title = "单位名称有误"
    name = "entity-name"
    category = "entity_name"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        if doc.entity is None:
            return
        for s in name_slips(doc.document, doc.entity):
            message = (
                Misspelled(written=s.written, expected=s.expected)
                if s.kind == "misspelled"
                else OtherBody(written=s.written, expected=s.expected)
            )
            yield self.violation(message, line=s.line, column=s.column, stated=s.written, expected=s.expected)
