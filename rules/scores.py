"""Scores: indicator tables, prose subtotals, score ranges, 得分率, scoring rules and grades."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from auditor.extract.analysis import Analysis
from auditor.extract.scores import ScoreNode, StatedGrade, StatedTotal, core_name
from auditor.extract.tolerance import HUNDRED, Interval, Verdict, fmt, judge
from auditor.messages import Message
from auditor.model.quantity import Kind
from auditor.rule import Context, Rule, Severity, Violation
from auditor.text.chars import normalise
from auditor.text.rx import lazy, rx

_T = TypeVar("_T")


def pts(value: Decimal) -> str:
    """A score as reports write it: 96分, 26.8分, 1.5分."""
    text = format(value.normalize(), "f")
    return f"{text}分"


def _plus(values: list[Decimal]) -> str:
    return " + ".join(format(v.normalize(), "f") for v in values)


def _title(node: ScoreNode) -> str:
    return core_name(node.name) or node.name[:12]


# ----------------------------------------------------------------------------- G101

_WEIGHT_IN_NAME = lazy(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
_WEIGHT = lazy(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")


def _weight_column(doc: Analysis, line: int, value: Decimal) -> int:
    """The 1-based column of the weight ``value`` in ``line``: the "（7分）" of a name cell, else the
    figure of a weight cell (1 when it is not there). The last match wins: a name's code (B1) comes first."""
    text = normalise(doc.line_text(line))
    for pattern in (_WEIGHT_IN_NAME, _WEIGHT):
        found = [m for m in pattern.finditer(text) if Decimal(m.group(1)) == value]
        if found:
            return found[-1].start(1) + 1
    return 1


def _cut_off_groups(doc: Analysis, t) -> set[int]:
    """The groups still open where a table ends the document (its last root, that root's last child …),
    when its last row stops before its figures or a few cells of an unfinished row follow it: an excerpt
    cut inside a table ends with a group that has only its first children."""
    rows = t.table.rows
    last_cell = max((c.line for c in rows[-1].cells), default=0) if rows else 0
    # the lines of text after the table up to the document's end (the cut cell's own lines)
    after: list[str] = []
    for ln in reversed(doc.lines):
        if ln.number <= last_cell or len(after) > _CUT_ROW_CELLS:
            break
        if ln.text.strip() not in ("", "|"):
            after.append(ln.text.strip())
    if not t.roots or len(after) > _CUT_ROW_CELLS:
        return set()
    out, node = set(), t.roots[-1]
    while node.children:
        out.add(id(node))
        node = node.children[-1]
    # the last row stops before its figures, or the text goes on for a few cells of a row the reader could
    # not finish (a table copied one cell per paragraph): the excerpt was cut inside it
    cut = node.max is None and node.max_in_name is None and node.score is None and len(after) <= 2
    residue = bool(after) and all(_CUT_CELL.fullmatch(normalise(text)) for text in after)
    return out if cut or residue else set()


_CUT_ROW_CELLS = 8  # the most cells of an unfinished row left after a table that ends the text
# one of them: a figure, or a short name (no sentence, no heading: "二、评价结论" after a whole table)
_CUT_CELL = lazy(
    r"\d+(?:\.\d+)?分?|(?![一二三四五六七八九十]+、|[（(]?\d+[)）.、])[^。，；：,;:!?！？]{1,30}"
)


def _figure_lines(children: list, figure: str) -> list[int]:
    """The lines of the children's rows and of the cells that hold their figures (``figure``: max_line or
    score_line): a table copied one cell per line has each figure on a line of its own."""
    lines = [c.line for c in children] + [getattr(c, figure) for c in children if getattr(c, figure)]
    return list(dict.fromkeys(lines))


class ChildrenMaxMismatch(Message):
    zh = "指标分值不符：{name}的下级指标分值 {terms} = {computed}，标注为 {stated}"
    en = "indicator weights do not add up: the sub-indicators of {name} weigh {terms} = {computed}, it is marked {stated}"


class MaxConflictMessage(Message):
    zh = "同一指标分值前后不一：{name}此处标注 {stated}，第 {line} 行标注 {other}"
    en = "one indicator, two weights: {name} is marked {stated} here and {other} at line {line}"


class NameColumnMismatch(Message):
    zh = "指标分值不一致：{name}名称中标注 {named}，分值列为 {column}"
    en = "indicator weight differs: {name} says {named} in its name, {column} in the weight column"


class TableTotalMismatch(Message):
    zh = "评分表合计不符：各末级指标{what}合计 {computed}，合计行为 {stated}"
    en = "score table total does not add up: the leaf {what_en} add up to {computed}, the total row says {stated}"


class IndicatorTableSum(Rule):
    """Checks an indicator table's weights and scores against its tree of indicators.

    ## What it does
    Reads tables with 一级/二级/三级指标 columns, a 分值/权重 column and a 得分 column, where parent
    indicators carry their weight in the name ("A部门决策（35分）", "B1预算管理（7分）"), merged cells are
    empty and parent names repeat mid-table. The sub-indicators' weights must add up to the parent's, an
    indicator must not be given two different weights, a leaf's weight in its name must equal the weight
    column, and a 合计 row must equal the sum of the leaves' weights and scores. Scores are exact.

    ## Why is this bad?
    An indicator system whose weights do not add up cannot produce an honest total out of 100: the
    reviewer cannot tell which weight was applied.

    ## Example
    Anti-pattern:

        \t一级指标
        \t二级指标
        \t三级指标
        \t分值
        \t得分

        \tB部门管理（20分）
        \tB1预算管理（7分）
        \tB11基本支出预算执行率（1分）
        \t1
        \t1

        \tB部门管理（20分）
        \tB1预算管理（7分）
        \tB13“三公经费”控制率（1分）
        \t1
        \t0

    (1 + 1 = 2, not the 7 of B1; and 2 is not the 20 of B.)

    Best practice:

        \t一级指标
        \t二级指标
        \t三级指标
        \t分值
        \t得分

        \tB部门管理（2分）
        \tB1预算管理（2分）
        \tB11基本支出预算执行率（1分）
        \t1
        \t1

        \tB部门管理（2分）
        \tB1预算管理（2分）
        \tB13“三公经费”控制率（1分）
        \t1
        \t0
    """

    code = "G101"
    title = "评分表分值不符"
    name = "indicator-table-sum"
    category = "score_sum"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for t in doc.scores.tables:
            conflicted = {id(c.node) for c in t.conflicts}
            for c in t.conflicts:
                yield self.violation(
                    MaxConflictMessage(
                        name=_title(c.node),
                        stated=pts(c.other),
                        line=c.node.line,
                        other=pts(c.node.max_in_name),
                    ),
                    line=c.line,
                    column=_weight_column(doc, c.line, c.other),
                    lines=[c.node.line],
                    stated=pts(c.other),
                    expected=pts(c.node.max_in_name),
                )
            cut = _cut_off_groups(doc, t)
            for node in _nodes(t.roots):
                if node.children and node.max is not None:
                    maxima = [_weight(c) for c in node.children]
                    if None in maxima:
                        continue
                    total = sum(maxima, Decimal(0))
                    if id(node) in cut and total < node.max:
                        continue  # the excerpt ends inside this group: its other children were cut off
                    alternatives = {id(c.node): c.other for c in t.conflicts}
                    possible = _possible_sums(node.children, alternatives)
                    others = {node.max} | {c.other for c in t.conflicts if c.node is node}
                    if possible & others:
                        continue  # a child marked with two weights: one of them fits
                    marked = pts(node.max) + "".join(
                        f"（另处 {pts(o)}）" for o in sorted(others - {node.max})
                    )
                    yield self.violation(
                        ChildrenMaxMismatch(
                            name=_title(node), terms=_plus(maxima), computed=pts(total), stated=marked
                        ),
                        line=node.max_line or node.line,
                        column=_weight_column(doc, node.max_line or node.line, node.max),
                        lines=_figure_lines([node, *node.children], "max_line"),
                        stated=pts(node.max),
                        expected=pts(total),
                    )
                elif not node.children and node.max_in_name is not None and node.max is not None:
                    if node.max_in_name != node.max and id(node) not in conflicted:
                        yield self.violation(
                            NameColumnMismatch(
                                name=_title(node), named=pts(node.max_in_name), column=pts(node.max)
                            ),
                            line=node.max_line or node.line,
                            column=_weight_column(doc, node.max_line or node.line, node.max),
                            lines=[node.line],
                            stated=pts(node.max),
                            expected=pts(node.max_in_name),
                        )
            f = t.funds
            if f is not None and f.max_in_name is not None and f.max is not None and f.max_in_name != f.max:
                # "预算执行情况（10分）" over a 总额 row weighing 20: the funds block says two weights
                yield self.violation(
                    NameColumnMismatch(name="预算执行情况", named=pts(f.max_in_name), column=pts(f.max)),
                    line=f.max_line or f.line,
                    column=_weight_column(doc, f.max_line or f.line, f.max),
                    lines=[f.line],
                    stated=pts(f.max),
                    expected=pts(f.max_in_name),
                )
            leaves = t.parts()
            funds = "（含预算执行率）" if t.funds is not None else ""
            for what, stated, values, at in (
                ("分值" + funds, t.total_max, [leaf.max for leaf in leaves], t.total_line),
                ("得分" + funds, t.total_score, [leaf.score for leaf in leaves], t.total_line),
                # "绩效指标（90分）" heads the indicators alone: the funds' points are not among them
                ("分值", t.group_max, [leaf.max for leaf in t.leaves()], t.group_line),
            ):
                if stated is None or None in values or at is None or not values:
                    continue
                total = sum(values, Decimal(0))
                if total != stated:
                    yield self.violation(
                        TableTotalMismatch(
                            what=what,
                            what_en=("weights" if what.startswith("分值") else "scores")
                            + (" (with the budget execution rate)" if "预算执行率" in what else ""),
                            computed=pts(total),
                            stated=pts(stated),
                        ),
                        line=at,
                        column=1,
                        lines=[at, *(leaf.max_line for leaf in t.leaves() if leaf.max_line)],
                        stated=pts(stated),
                        expected=pts(total),
                    )


def _weight(node: ScoreNode) -> Decimal | None:
    """A node's points: its 分值 cell, else the "(5分)" of its name (a table without a 分值 column)."""
    return node.max if node.max is not None else node.max_in_name


def _possible_sums(children: list[ScoreNode], alternatives: dict[int, Decimal]) -> set[Decimal]:
    sums = {Decimal(0)}
    for child in children:
        options = {_weight(child)} | ({alternatives[id(child)]} if id(child) in alternatives else set())
        sums = {a + b for a in sums for b in options}
    return sums


def _nodes(roots: list[ScoreNode]) -> Iterator[ScoreNode]:
    for n in roots:
        yield n
        yield from _nodes(n.children)


# ----------------------------------------------------------------------------- G102


class DeductionMismatch(Message):
    zh = "扣分后得分不符：满分 {maximum} − 扣 {cut} = {computed}，文中写得 {stated}"
    en = "score after deductions does not match: {maximum} − {cut} = {computed}, the text says {stated}"


class SubtotalMismatch(Message):
    zh = "得分小计不符：{name}各项{what} {terms} = {computed}，文中写 {stated}"
    en = (
        "subtotal does not add up: the parts of {name} {what_en} {terms} = {computed}, the text says {stated}"
    )


class TotalMismatch(Message):
    zh = "总分不符：各部分得分 {terms} = {computed}，文中写总得分 {stated}"
    en = "total score does not add up: the parts score {terms} = {computed}, the text gives a total of {stated}"


class ProseTableMismatch(Message):
    zh = "正文与评分表不一致：{name}正文写{what} {stated}，评分表各项合计 {computed}"
    en = "text and score table disagree: the text gives {name} {what_en} {stated}, the table's items add up to {computed}"


class ProseScoreSum(Rule):
    """Checks the scores stated in the analysis against their parts, the total and the table.

    ## What it does
    Builds the indicator tree of the prose from its numbered paragraphs ("1.预算编制，指标分值18分，评价得分14分",
    "（1）…指标分值5分。…扣2分。") and closing subtotals ("部门决策总评价分35分，评价得分31分"). A section's score
    and weight must equal the sum of its parts'; the 得N分 items of a paragraph must add up to the subtotal it
    states; the top sections must add up to the report's stated total score; and a section's score must
    agree with the sum of the same indicator's items in the score table. A deduction 扣N分 from a stated
    weight gives the score, and where both are stated ("资金管理指标满分10分，扣2分，得8分") the score must be
    the weight less the deduction. A sentence of scored items and its total ("项目立项6分，绩效目标5分，…，总得分90分",
    "综合得分92分，其中：决策18分，…") must add up. When a section adds up once one of its parts is recomputed from that part's
    own items, only the part is reported (the section's figure is right); the report's total score is
    always compared with the subtotals as written.

    ## Why is this bad?
    The total score and grade are what the evaluation is read for. Subtotals that do not add up, or a
    text that contradicts its own table, make the total impossible to trust.

    ## Example
    Anti-pattern:

        3.效果性，指标分值10分，评价得分9.6分。
        （1）就业创业服务成效，指标分值2分。以上指标完成情况良好，得2分。
        （2）社会保障服务成效，指标分值8分。技能人才培养层次不高，扣0.2分。

    (2 + 7.8 = 9.8, not 9.6.)

    Best practice:

        3.效果性，指标分值10分，评价得分9.8分。
        （1）就业创业服务成效，指标分值2分。以上指标完成情况良好，得2分。
        （2）社会保障服务成效，指标分值8分。技能人才培养层次不高，扣0.2分。
    """

    code = "G102"
    title = "得分小计或总分不符"
    name = "prose-score-sum"
    category = "score_sum"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        scores = doc.scores
        nodes = scores.prose_nodes()
        for node in nodes:
            scored = [c for c in node.children if c.score is not None]
            if node.score is not None and len(scored) >= 2 and len(scored) == len(node.children):
                recomputed = sum((_recomputed(c) for c in scored), Decimal(0))
                if recomputed == node.score:
                    continue  # adds up once a part's own wrong subtotal is replaced by its items' sum
                yield from self._sum(
                    node, [c.score for c in scored], "得分", "scores", node.score, node.score_line
                )
                maxima = [c.max for c in scored]
                if node.max is not None and None not in maxima:
                    yield from self._sum(node, maxima, "分值", "weigh", node.max, node.max_line)
            elif node.score is not None and len(node.items) >= 2 and not node.item_deductions and not scored:
                values = [v for v, _ in node.items]
                yield from self._sum(node, values, "得分", "score", node.score, node.score_line)
        yield from self._totals(doc, nodes)
        yield from self._against_tables(doc, nodes)
        for node in scores.loose:
            if node.score is not None and len(node.items) >= 3 and node.max is None:
                yield from self._sum(
                    node, [v for v, _ in node.items], "得分", "score", node.score, node.score_line
                )
            if node.deducted is not None and node.max is not None and node.score is not None:
                if node.max - node.deducted != node.score:
                    expected = node.max - node.deducted
                    yield self.violation(
                        DeductionMismatch(
                            maximum=pts(node.max),
                            cut=pts(node.deducted),
                            computed=pts(expected),
                            stated=pts(node.score),
                        ),
                        line=node.score_line or node.line,
                        column=node.column,
                        stated=pts(node.score),
                        expected=pts(expected),
                    )

    def _sum(self, node, values, what, what_en, stated, line) -> Iterator[Violation]:
        total = sum(values, Decimal(0))
        if total == stated:
            return
        yield self.violation(
            SubtotalMismatch(
                name=_title(node),
                what=what,
                what_en=what_en,
                terms=_plus(values),
                computed=pts(total),
                stated=pts(stated),
            ),
            line=line or node.line,
            column=node.column if line == node.score_line else 1,
            lines=_figure_lines(node.children, "score_line") or [node.line],
            stated=pts(stated),
            expected=pts(total),
        )

    def _totals(self, doc: Analysis, nodes: list[ScoreNode]) -> Iterator[Violation]:
        top = [n for n in nodes if n.score is not None and not _has_scored_ancestor(n)]
        if len(top) < 2:
            return
        total = sum((n.score for n in top), Decimal(0))
        seen: set[Decimal] = set()
        for stated in doc.scores.totals:
            if stated.value == total or stated.value in seen:
                continue
            seen.add(stated.value)
            yield self.violation(
                TotalMismatch(
                    terms=_plus([n.score for n in top]), computed=pts(total), stated=pts(stated.value)
                ),
                line=stated.line,
                column=stated.column,
                lines=[n.score_line or n.line for n in top],
                stated=pts(stated.value),
                expected=pts(total),
            )

    def _against_tables(self, doc: Analysis, nodes: list[ScoreNode]) -> Iterator[Violation]:
        """A score in the prose against the indicator table nearest to it that names its indicator
        once; the stated total against the nearest fully scored table. (A report of several projects
        has a table for each: the prose about one is not compared with another's table, and a long
        document costs a lookup per score instead of a pass over every table.)"""
        named: dict[str, list[tuple[int, ScoreNode]]] = {}  # indicator -> (table's line, its node)
        for table in doc.scores.tables:
            by_name: dict[str, list[ScoreNode]] = {}
            for node in _nodes(table.roots):
                by_name.setdefault(core_name(node.name), []).append(node)
            for name, matches in by_name.items():
                if len(matches) == 1:
                    named.setdefault(name, []).append((table.table.first_line, matches[0]))
        for node in nodes:
            if node.score is None:
                continue
            match = _nearest(named.get(core_name(node.name), []), node.line)
            if match is None:
                continue
            leaves = match.leaves()
            if any(leaf.score is None for leaf in leaves):
                continue
            table_total = sum((leaf.score for leaf in leaves), Decimal(0))
            if table_total != node.score and _recomputed(node) != table_total:
                yield self.violation(
                    ProseTableMismatch(
                        name=_title(node),
                        what="得分",
                        what_en="a score of",
                        stated=pts(node.score),
                        computed=pts(table_total),
                    ),
                    line=node.score_line or node.line,
                    column=node.column,
                    lines=[match.line],
                    stated=pts(node.score),
                    expected=pts(table_total),
                )
        scored = [
            (table.table.first_line, table)
            for table in doc.scores.tables
            if table.leaves() and all(part.score is not None for part in table.parts())
        ]
        for stated in {t.value: t for t in doc.scores.totals}.values():
            table = _nearest(scored, stated.line)
            if table is None:
                continue
            table_total = sum((part.score for part in table.parts()), Decimal(0))
            if stated.value != table_total:
                yield self.violation(
                    ProseTableMismatch(
                        name="总得分",
                        what="",
                        what_en="",
                        stated=pts(stated.value),
                        computed=pts(table_total),
                    ),
                    line=stated.line,
                    column=stated.column,
                    lines=[table.table.first_line],
                    stated=pts(stated.value),
                    expected=pts(table_total),
                )


def _nearest(placed: list[tuple[int, _T]], line: int) -> _T | None:
    """Of (line, thing) pairs in line order, the thing nearest ``line`` (the earlier one on a tie)."""
    if not placed:
        return None
    i = bisect_left(placed, line, key=lambda pair: pair[0])
    candidates = placed[max(0, i - 1) : i + 1]
    return min(candidates, key=lambda pair: abs(pair[0] - line))[1]


def _recomputed(node: ScoreNode) -> Decimal:
    """A node's score as its own parts give it: its children's scores, or its paragraph's 得N分 items."""
    scored = [c for c in node.children if c.score is not None]
    if scored and len(scored) == len(node.children):
        return sum((c.score for c in scored), Decimal(0))
    if len(node.items) >= 2 and not node.item_deductions:
        return sum((v for v, _ in node.items), Decimal(0))
    return node.score if node.score is not None else Decimal(0)


def _has_scored_ancestor(node: ScoreNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.score is not None:
            return True
        parent = parent.parent
    return False


# ----------------------------------------------------------------------------- G103


class ScoreOutOfRange(Message):
    zh = "得分超出分值：{name}得 {stated}，分值只有 {maximum}"
    en = "score out of range: {name} scores {stated} out of {maximum}"


class NegativeScore(Message):
    zh = "得分为负：{name}得 {stated}"
    en = "negative score: {name} scores {stated}"


class ScoreRange(Rule):
    """Checks that no indicator scores more than its weight, or less than zero.

    ## What it does
    In the indicator table and in the prose, an indicator's score must lie between 0 and its weight.

    ## Why is this bad?
    A score above the weight inflates the total; it is usually a score typed into the wrong row.

    ## Example
    Anti-pattern:

        （1）预算编制合理性，指标分值5分，评价得分6分。

    Best practice:

        （1）预算编制合理性，指标分值5分，评价得分5分。
    """

    code = "G103"
    title = "得分超出分值"
    name = "score-range"
    category = "score_rule"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        nodes = [*doc.scores.prose_nodes(), *doc.scores.loose]
        for t in doc.scores.tables:
            nodes += t.leaves()
        for node in nodes:
            if node.score is None:
                continue
            if node.score < 0:
                yield self.violation(
                    NegativeScore(name=_title(node), stated=pts(node.score)),
                    line=node.score_line or node.line,
                    column=1,
                    stated=pts(node.score),
                    expected="0分",
                )
            elif node.max is not None and node.score > node.max:
                yield self.violation(
                    ScoreOutOfRange(name=_title(node), stated=pts(node.score), maximum=pts(node.max)),
                    line=node.score_line or node.line,
                    column=node.column,
                    lines=[node.max_line or node.line],
                    stated=pts(node.score),
                    expected=f"≤{pts(node.max)}",
                )


# ----------------------------------------------------------------------------- G104


class ScoreRateMismatch(Message):
    zh = "得分率不符：{score} / {maximum} = {computed}，文中写 {stated}"
    en = "score rate does not match: {score} / {maximum} = {computed}, the text says {stated}"


class ScoreRateRounding(Message):
    zh = "得分率末位舍入有误：{score} / {maximum} = {computed}，文中写 {stated}"
    en = "score rate wrongly rounded: {score} / {maximum} = {computed}, the text says {stated}"


class ScoreRate(Rule):
    """Checks 得分率 = 得分 / 分值.

    ## What it does
    For "指标分值X分，评价得分Y分，得分率Z%", Z must be Y / X. Scores are exact, so a last digit that was
    truncated instead of rounded (14 / 18 written as 77.77%) is reported at info level.

    ## Why is this bad?
    A score rate that does not follow from the score and the weight is a figure left from an earlier draft.

    ## Example
    Anti-pattern:

        3.保障措施，指标分值2分，评价得分1分，得分率75%。

    Best practice:

        3.保障措施，指标分值2分，评价得分1分，得分率50%。
    """

    code = "G104"
    title = "得分率计算有误"
    name = "score-rate"
    category = "score_rate"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for node in [*doc.scores.prose_nodes(), *doc.scores.loose]:
            if node.rate is None or node.max is None or node.score is None or node.max == 0:
                continue
            exact = node.score / node.max * HUNDRED
            verdict = judge(node.rate, Interval.point(exact), extra=ctx.tolerance_percent)
            if verdict is Verdict.OK:
                continue
            shown = fmt(exact, max(node.rate.decimals, 2)) + "%"
            args = dict(
                score=pts(node.score), maximum=pts(node.max), computed=shown, stated=normalise(node.rate.text)
            )
            rounding = verdict is Verdict.ROUNDING
            yield self.violation(
                ScoreRateRounding(**args) if rounding else ScoreRateMismatch(**args),
                line=node.rate.line,
                column=node.rate.column,
                stated=normalise(node.rate.text),
                expected=shown,
                severity=Severity.INFO if rounding else None,
            )


# ----------------------------------------------------------------------------- G105

_CONDITION = lazy(
    r"(?P<op>≤|<=|≥|>=|<|>|=|＜|＞)\s*(?P<v>\d+(?:\.\d+)?)\s*%\s*(?:的|时)?\s*(?:,|，)?\s*(?:得满分|得(?P<pts>\d+(?:\.\d+)?)分|为满分)"
)
_OPS = {"≤": "<=", "<=": "<=", "≥": ">=", ">=": ">=", "<": "<", "＜": "<", ">": ">", "＞": ">", "=": "=="}


class RuleContradiction(Message):
    zh = "得分与评分规则不符：{metric} {how}，按“{rule}”应得 {expected}，实际得 {stated}"
    en = "score contradicts its own rule: {metric} {how}; by “{rule}” it earns {expected}, it was given {stated}"


class ScoringRule(Rule):
    """Checks an indicator's score against the scoring rule the report states for it.

    ## What it does
    For a scored indicator whose 评分细则 states a threshold ("三公经费控制率≤100%得满分，≥120%得0分",
    "在职人员控制率≤100%得满分"), the rate is taken from the report itself — the 三公经费控制率 as this
    year's 三公经费 over last year's, the 在职人员控制率 as 在编/在职人数 over 编制数, or a rate the text
    states under the indicator's name — and the score the rule gives is compared with the score awarded.

    ## Why is this bad?
    A score that contradicts its own published rule is either a mistake or an unexplained judgement;
    either way the total cannot be defended.

    ## Example
    Anti-pattern:

        云溪县人社局2023年部门整体支出绩效自评报告
        2023年度“三公经费”支出2.79万元。2022年度“三公经费”支出20.50万元。
        \t三级指标
        \t分值
        \t得分
        \t指标评分细则

        \tB13“三公经费”控制率（1分）
        \t1
        \t0
        \t三公经费控制率≤100%得满分，≥120%得0分。

    Best practice:

        云溪县人社局2023年部门整体支出绩效自评报告
        2023年度“三公经费”支出2.79万元。2022年度“三公经费”支出20.50万元。
        \t三级指标
        \t分值
        \t得分
        \t指标评分细则

        \tB13“三公经费”控制率（1分）
        \t1
        \t1
        \t三公经费控制率≤100%得满分，≥120%得0分。
    """

    code = "G105"
    title = "得分与评分规则不符"
    name = "scoring-rule"
    category = "score_rule"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        facts = _Facts(doc, ctx)
        for table in doc.scores.tables:
            for leaf in table.leaves():
                if not leaf.rule_text or leaf.score is None or leaf.max is None:
                    continue
                metric = facts.metric(leaf)
                if metric is None:
                    continue
                value, how = metric
                for m in _CONDITION.finditer(normalise(leaf.rule_text)):
                    threshold = Decimal(m.group("v"))
                    if not _holds(value, _OPS[m.group("op")], threshold):
                        continue
                    earned = Decimal(m.group("pts")) if m.group("pts") is not None else leaf.max
                    if earned == leaf.score:
                        break
                    rule = m.group(0).rstrip("，,")
                    yield self.violation(
                        RuleContradiction(
                            metric=_title(leaf),
                            how=how,
                            rule=rule,
                            expected=pts(earned),
                            stated=pts(leaf.score),
                        ),
                        line=leaf.score_line or leaf.line,
                        column=1,
                        lines=[leaf.line],
                        stated=pts(leaf.score),
                        expected=pts(earned),
                    )
                    break


def _holds(value: Decimal, op: str, threshold: Decimal) -> bool:
    return {
        "<=": value <= threshold,
        ">=": value >= threshold,
        "<": value < threshold,
        ">": value > threshold,
        "==": value == threshold,
    }[op]


class _Facts:
    """The rates a scoring rule may speak of, read from the report once (not once per indicator)."""

    def __init__(self, doc: Analysis, ctx: Context) -> None:
        self.doc, self.ctx = doc, ctx
        self._three_public: tuple[Decimal, str] | bool | None = False
        self._staffing: tuple[Decimal, str] | bool | None = False
        self.stated: list[tuple[str, Decimal, str]] = []  # (text before, value, as written)
        self._by_rate: dict[str, tuple[Decimal, str] | None] = {}
        for para in doc.paragraphs:
            text = normalise(para.text)
            for q in para.quantities:
                if q.kind is Kind.PERCENT and not q.approx:
                    self.stated.append((text[max(0, q.start - 16) : q.start], q.value, normalise(q.text)))

    def metric(self, leaf: ScoreNode) -> tuple[Decimal, str] | None:
        """The rate the rule speaks of, from the report's own figures, and how it was obtained."""
        name = core_name(leaf.name)
        if "三公" in name and "控制率" in name:
            if self._three_public is False:
                self._three_public = _three_public_rate(self.doc, self.ctx)
            return self._three_public
        if "在职人员控制率" in name or "人员控制率" in name:
            if self._staffing is False:
                self._staffing = _staffing_rate(self.doc)
            return self._staffing
        rate_name = rx(r"^\p{Han}{0,4}?(?=\p{Han}{2,}率)").sub("", name)
        if not rate_name:
            return None
        if rate_name not in self._by_rate:  # the first statement of each rate, found once
            self._by_rate[rate_name] = next(
                ((value, f"为 {written}") for before, value, written in self.stated if rate_name in before),
                None,
            )
        return self._by_rate[rate_name]


def _three_public_rate(doc: Analysis, ctx: Context) -> tuple[Decimal, str] | None:
    from auditor.extract.changes import year_of

    year = ctx.report_year
    if year is None:
        return None
    found: dict[int, Decimal] = {}
    shown: dict[int, str] = {}
    for para in doc.paragraphs:
        text = normalise(para.text)
        for q in para.quantities:
            if q.kind is Kind.MONEY and not q.approx and "三公" in q.label and "其中" not in q.label:
                y = year_of(text, q)
                if y in (year, year - 1) and y not in found:
                    found[y], shown[y] = q.base_value, normalise(q.text)
    if year not in found or year - 1 not in found or found[year - 1] == 0:
        return None
    rate = (found[year] / found[year - 1] * HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return rate, f"= {shown[year]} / {shown[year - 1]} = {rate}%"


_STAFF = lazy(r"(?:在编|在职|实有)\p{Han}{0,4}?(?P<a>\d+)\s*人.{0,12}?编制\p{Han}{0,2}?(?P<b>\d+)\s*人")


def _staffing_rate(doc: Analysis) -> tuple[Decimal, str] | None:
    for para in doc.paragraphs:
        m = _STAFF.search(normalise(para.text))
        if m and int(m.group("b")) > 0:
            a, b = Decimal(m.group("a")), Decimal(m.group("b"))
            rate = (a / b * HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            return rate, f"= {a}人 / {b}人 = {rate}%"
    return None


# ----------------------------------------------------------------------------- G106

_SYNONYMS = {"优秀": "优", "良好": "良", "合格": "中", "不合格": "差"}
DEFAULT_BANDS: list[tuple[str, Decimal]] = [
    ("优", Decimal(90)),
    ("良", Decimal(80)),
    ("中", Decimal(60)),
    ("差", Decimal(0)),
]


class GradeMismatch(Message):
    zh = "等级与得分不符：得分 {total} 应为“{expected}”（{band}），文中写“{stated}”"
    en = "grade does not match the score: {total} is “{expected}” ({band}), the text says “{stated}”"


class TotalsDisagree(Message):
    zh = "总得分前后不一：此处写 {stated}，第 {line} 行写 {other}"
    en = "two different total scores: {stated} here, {other} at line {line}"


class GradesDisagree(Message):
    zh = "绩效等级前后不一：此处写“{stated}”，第 {line} 行写“{other}”"
    en = "two different grades: “{stated}” here, “{other}” at line {line}"


class GradeBand(Rule):
    """Checks the grade against the total score, and that the report states one total and one grade.

    ## What it does
    Maps the stated total score to a grade with the bands the report defines ("90分以上为优…"), or
    those configured in `[tool.auditor.grades]`, or by default those of 财预〔2020〕10号: 优 ≥ 90,
    良 80–90, 中 60–80, 差 < 60 (优秀/良好/合格/不合格 are the same grades). The grade stated with the
    total must match; every total and every grade stated in the report must agree.

    ## Why is this bad?
    The grade is the evaluation's conclusion. A grade that does not follow from the score, or a report
    that gives two totals, will be challenged first.

    ## Example
    Anti-pattern:

        经综合评价，部门整体支出绩效得分为83.3分，绩效等级为“优”。

    Best practice:

        经综合评价，部门整体支出绩效得分为83.3分，绩效等级为“良”。
    """

    code = "G106"
    title = "等级与得分不符"
    name = "grade-band"
    category = "grade_band"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        scores = doc.scores
        bands = _bands(ctx, scores.bands)
        for total in scores.totals:
            grade = next((g for g in scores.grades if g.line == total.line and g.column > total.column), None)
            if grade is None:
                continue
            expected, band = _grade_of(total.value, bands)
            if _SYNONYMS.get(grade.word, grade.word) != _SYNONYMS.get(expected, expected):
                yield self.violation(
                    GradeMismatch(total=pts(total.value), expected=expected, band=band, stated=grade.word),
                    line=grade.line,
                    column=grade.column,
                    lines=[total.line],
                    stated=grade.word,
                    expected=expected,
                )
        first_totals: dict[str, StatedTotal] = {}  # the first total stated for each subject
        for total in scores.totals:
            first_total = first_totals.setdefault(total.subject, total)
            if total.value != first_total.value:
                yield self.violation(
                    TotalsDisagree(
                        stated=pts(total.value), line=first_total.line, other=pts(first_total.value)
                    ),
                    line=total.line,
                    column=total.column,
                    lines=[first_total.line],
                    stated=pts(total.value),
                    expected=pts(first_total.value),
                )
        first_grades: dict[str, StatedGrade] = {}
        for grade in scores.grades:
            first_grade = first_grades.setdefault(grade.subject, grade)
            if _SYNONYMS.get(grade.word, grade.word) != _SYNONYMS.get(first_grade.word, first_grade.word):
                yield self.violation(
                    GradesDisagree(stated=grade.word, line=first_grade.line, other=first_grade.word),
                    line=grade.line,
                    column=grade.column,
                    lines=[first_grade.line],
                    stated=grade.word,
                    expected=first_grade.word,
                )


def _bands(ctx: Context, defined: list[tuple[str, Decimal]] | None) -> list[tuple[str, Decimal]]:
    configured = ctx.options.get("grades")
    if configured:
        return sorted(((str(k), Decimal(str(v))) for k, v in configured.items()), key=lambda kv: -kv[1])
    return defined or DEFAULT_BANDS


def _grade_of(total: Decimal, bands: list[tuple[str, Decimal]]) -> tuple[str, str]:
    ordered = sorted(bands, key=lambda kv: -kv[1])
    for i, (word, lower) in enumerate(ordered):
        if total >= lower:
            upper = f"–{ordered[i - 1][1]}" if i > 0 else " 以上"
            return word, f"{lower}{upper}"
    word, lower = ordered[-1]
    return word, f"低于 {lower}"
