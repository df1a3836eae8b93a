"""Counts of listed items: "设5个内设机构：A、B、C…" (count_items)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class CountMismatch(Message):
    zh = "列举项数不符：文中写 {stated}，实际列出 {listed} 项（{items}）"
    en = "count of listed items does not match: the text says {stated}, {listed} are listed ({items})"


class ListedItemCount(Rule):
    """Checks a stated number of items against the items the text lists.

    ## What it does
    Counts the items of "设5个内设机构：A、B、C、D、E", "下达项目18个（A、B、…）", "包括A、B、C3个二级指标"
    and "从A、B以及C五个方面", splitting on 、 outside brackets, quotes and 《》, accepting a final 和/及
    as a separator, and re-joining organisation names that contain 、. A list ending in 等 ("A、B等7个
    股室") may be partial: only listing more items than the stated count is then a finding.

    ## Why is this bad?
    A count that does not match its own list is one of the first things a reader notices and
    usually means an item was added or removed without updating the number.

    ## Example
    Anti-pattern:

        部门决策设立部门目标、部门职能、资源配置、绩效管理3个二级指标。

    Best practice:

        部门决策设立部门目标、部门职能、资源配置3个二级指标。
    """

    code = "N101"
    title = "列举项数不符"
    name = "listed-item-count"
    category = "count_items"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for e in doc.relations.enumerations:
            if e.count in e.alternatives:
                continue
            if e.partial and min(e.alternatives) <= e.count:
                continue
            listed = min(e.alternatives, key=lambda n: abs(n - e.count))
            shown = "、".join(e.items) if len(e.items) <= 6 else "、".join(e.items[:5]) + "……"
            yield self.violation(
                CountMismatch(stated=e.count_text, listed=listed, items=shown),
                line=e.line,
                column=e.column,
                stated=e.count_text,
                expected=str(listed),
            )
