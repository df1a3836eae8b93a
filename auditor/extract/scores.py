"""Scores of an evaluation report: indicator trees, stated totals, grades, scoring rules, questionnaires.

Two indicator trees are read, because reports state the scores twice and the two disagree:

- the indicator table (一级/二级/三级指标 · 分值 · 得分), where parents carry their maximum in the name
  ("A部门决策（35分）"), merged cells are empty and parent names repeat mid-table;
- the prose analysis, where ordinal-led paragraphs ("1.预算编制，指标分值18分，评价得分14分" and
  "（1）…指标分值5分。…扣2分。") form the tree and "部门决策总评价分35分，评价得分31分" closes a section.

Part of the extraction layer: the score rules read these objects, never the text.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import field
from decimal import Decimal

import regex

from auditor.extract.tables import total_word
from auditor.model.document import Cell, Document, Paragraph, Row, Table
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.labels import (
    GROUP_LABEL,
    LEVEL_HEADER,
    MAX_POINTS_HEADER,
    OPENS_WITH_QIZHONG,
    SCORE_HEADER,
    outside_brackets,
)
from auditor.text.rx import lazy, rx
from auditor.text.spans import sentence_start

# ----------------------------------------------------------------------------- model


@record
class ScoreNode:
    """An indicator of a score tree: its weight (分值), its score (得分) and its sub-indicators."""

    name: str
    level: int
    line: int
    column: int = 1
    code: str = ""
    max: Decimal | None = None
    score: Decimal | None = None
    max_line: int | None = None
    score_line: int | None = None
    max_in_name: Decimal | None = None  # "（5分）" in an indicator's name, when a column gives the max too
    rate: Quantity | None = None  # 得分率 stated with the score
    items: list[tuple[Decimal, int]] = field(default_factory=list)  # 得N分 statements of its paragraph
    item_deductions: int = 0  # clauses that only say 扣N分
    children: list[ScoreNode] = field(default_factory=list)
    parent: ScoreNode | None = field(default=None, repr=False)
    rule_text: str = ""  # the scoring rule of a table row (评分细则)
    deducted: Decimal | None = None  # "满分10分，扣2分，得8分": the points taken off, stated with both

    @property
    def key(self) -> str:
        """What identifies the indicator across the table and the prose: its code, else its name."""
        return self.code or core_name(self.name)

    def leaves(self) -> list[ScoreNode]:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]


@record
class MaxConflict:
    """The same indicator given two different maxima (C1部门产出（2分） and C1部门产出（18分））."""

    node: ScoreNode
    other: Decimal
    line: int


@record
class IndicatorTable:
    """An indicator table read as a tree, with the total it states."""

    table: Table
    roots: list[ScoreNode]
    conflicts: list[MaxConflict]
    total_max: Decimal | None = None
    total_score: Decimal | None = None
    total_line: int | None = None
    # a 项目支出绩效自评表's 预算执行率 points, scored in its funds table above the indicators: the form's
    # 总分 counts them (10 for the execution rate + 90 for the indicators)
    funds: ScoreNode | None = None
    group_max: Decimal | None = None  # the points of the block the table is ("绩效指标（90分）")
    group_line: int | None = None

    def leaves(self) -> list[ScoreNode]:
        return [leaf for root in self.roots for leaf in root.leaves()]

    def parts(self) -> list[ScoreNode]:
        """What the table's total adds up: its leaves, and a 项目支出绩效自评表's 预算执行率 points."""
        return self.leaves() + ([self.funds] if self.funds is not None else [])


@record
class StatedTotal:
    """A total score the text states (综合得分96分), and whose score it is."""

    value: Decimal
    line: int
    column: int
    text: str
    subject: str = (
        ""  # whose score: "" for the report's own (本部门, 部门整体), else a project's, a unit's, a year's
    )


@record
class StatedGrade:
    """A grade the text gives (优秀, 良好), to be checked against the score and the bands."""

    word: str
    line: int
    column: int
    subject: str = ""


@record
class SurveyQuestion:
    """One question of a satisfaction survey's table: each option's score and count."""

    number: str
    line: int
    options: list[tuple[Decimal, Decimal, int]]  # (option score, count, line)


@record
class Survey:
    """A satisfaction survey table: questionnaires issued, returned and valid, and its questions."""

    table: Table
    issued: Quantity | None
    returned: Quantity | None
    valid: Quantity | None
    questions: list[SurveyQuestion]
    total_max: tuple[Decimal, int] | None = None  # 问卷总分 row: the max and the total
    total_score: tuple[Decimal, int] | None = None
    stated_valid: tuple[Decimal, int] | None = None  # 有效问卷份数 row
    average: tuple[Quantity, int] | None = None  # 问卷综合得分 / 平均分


@record
class Scores:
    """Every score of a document: indicator tables, the prose tree, stated totals, grades and surveys."""

    tables: list[IndicatorTable]
    prose: list[ScoreNode]  # roots of the prose tree (nodes with scores and their ancestors)
    totals: list[StatedTotal]
    grades: list[StatedGrade]
    surveys: list[Survey]
    bands: list[tuple[str, Decimal]] | None = None  # grade bands the report defines itself
    # "该指标分值18分，评价得分14分，得分率77.78%" outside any numbered indicator paragraph: a weight and its
    # score with nothing to add up, checked for range and 得分率 only
    loose: list[ScoreNode] = field(default_factory=list)

    def prose_nodes(self) -> list[ScoreNode]:
        out: list[ScoreNode] = []

        def walk(nodes: list[ScoreNode]) -> None:
            for n in nodes:
                out.append(n)
                walk(n.children)

        walk(self.prose)
        return out


# ----------------------------------------------------------------------------- names

_NAME_MAX = lazy(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
_CODE = lazy(r"^\s*([A-Z]\d{0,4})(?=\p{Han}|“|\")")
_NAME_NOISE = lazy(r"方面$|情况$|指标分析$|分析$|指标$|[“”\"\s]")


def core_name(name: str) -> str:
    """An indicator's name without code, maximum, quotes and filler: A部门决策（35分） → 部门决策."""
    name = _NAME_MAX.sub("", normalise(name))
    name = _CODE.sub("", name)
    name = rx(r"[，,。；;：:]|设立|设置|包括").split(name)[0]
    return _NAME_NOISE.sub("", _NAME_NOISE.sub("", name))


def _parse_name(text: str) -> tuple[str, str, Decimal | None, bool]:
    """(code, name, maximum in the name, ambiguous) of an indicator cell."""
    norm = normalise(text).strip()
    maxima = _NAME_MAX.findall(norm)
    m = _CODE.match(norm)
    code = m.group(1) if m else ""
    return code, norm, (Decimal(maxima[0]) if len(maxima) == 1 else None), len(maxima) > 1


# ----------------------------------------------------------------------------- indicator tables

_RULE_HEADER = lazy(r"评分(?:细则|标准|方法|依据)|计算公式|评分规则")
_GROUP_POINTS = lazy(r"[（(](\d+(?:\.\d+)?)分[）)]")
_TOTAL_ROW = lazy(r"^(?:合计|总分|总计|得分合计|总得分)$")


def _number(cell_text: str) -> Decimal | None:
    m = rx(r"\s*(\d+(?:\.\d+)?)\s*分?\s*").fullmatch(normalise(cell_text))
    return Decimal(m.group(1)) if m else None


def _indicator_table(table: Table) -> IndicatorTable | None:
    headers = [normalise(c.text).replace(" ", "") for c in table.header.cells]
    levels = [
        (i, "一二三四".index(m.group(1)) + 1) for i, h in enumerate(headers) if (m := LEVEL_HEADER.match(h))
    ]
    max_col = next((i for i, h in enumerate(headers) if MAX_POINTS_HEADER.fullmatch(h)), None)
    score_col = next((i for i, h in enumerate(headers) if SCORE_HEADER.fullmatch(h)), None)
    # "一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分": each level's weight beside its name, the
    # leaves' the one before the score
    own_max = {
        level: col + 1
        for col, level in levels
        if col + 1 < len(headers) and MAX_POINTS_HEADER.fullmatch(headers[col + 1])
    }
    if len(own_max) > 1 and score_col is not None and own_max.get(levels[-1][1]) == score_col - 1:
        max_col = score_col - 1
    else:
        own_max = {}
    rule_col = next((i for i, h in enumerate(headers) if _RULE_HEADER.search(h)), None)
    if not levels or score_col is None or (len(levels) == 1 and max_col is None):
        return None
    result = IndicatorTable(table=table, roots=[], conflicts=[])
    unscored_total: Decimal | None = None
    current: dict[int, ScoreNode] = {}
    by_key: dict[str, ScoreNode] = {}
    for row in table.rows:
        row = _aligned_to_pair(row, len(headers), max_col, score_col, levels[-1][0])
        texts = [c.text.strip() for c in row.cells]
        first = normalise(texts[0]).replace(" ", "") if texts else ""
        if _TOTAL_ROW.match(first):
            total_max, total_score = _cell_number(row, max_col), _cell_number(row, score_col)
            if total_max is None and total_score is None and len(texts) < len(headers):
                # "总分 | 100 | 96.50" with its label cell merged across the columns before them (a table
                # copied out of Word): two figures are the maximum and the score, in the columns' order
                numbers = [n for t in texts[1:] if t and (n := _number(t)) is not None]
                if len(numbers) == 2 and max_col is not None and max_col < score_col:
                    total_max, total_score = numbers
                elif len(numbers) == 1 and max_col is not None:
                    # "合计 | 100" in a form not scored yet: the one figure is the weights' (read below)
                    unscored_total = numbers[0]
            result.total_max, result.total_score = total_max, total_score
            result.total_line = row.cells[0].line
            if result.roots:
                break  # the form goes on below its total (评价结论, 存在问题 …): no more indicators
            continue
        if any(total_word(texts[col]) for col, _ in levels if col < len(texts)):
            continue  # "决策 | 小计 | 20 | 19": a parent's subtotal row, not one more indicator under it
        leaf: ScoreNode | None = None
        has_figures = _cell_number(row, max_col) is not None or _cell_number(row, score_col) is not None
        for col, level in levels:
            text = texts[col] if col < len(texts) else ""
            if not text or not rx(r"\p{Han}").search(text.replace("分", "")):
                continue
            code, name, name_max, _ambiguous = _parse_name(text)
            if not code and by_key and not has_figures:
                continue  # a broken fragment of a wrapped name cell, in a table whose indicators have codes
            node = current.get(level)
            key = code or core_name(name)
            if node is not None and node.key == key:
                same = node
            else:
                same = by_key.get(key) if code else None
            if same is not None:
                if (
                    name_max is not None
                    and same.max_in_name is not None
                    and name_max != same.max_in_name
                    and not any(c.node is same and c.other == name_max for c in result.conflicts)
                ):
                    result.conflicts.append(MaxConflict(same, name_max, row.cells[col].line))
                node = same
            else:
                node = ScoreNode(name=name, level=level, line=row.cells[col].line, code=code)
                node.max_in_name = name_max
                # the nearest level above: a form without a 二级指标 column puts its 三级 under the 一级
                above = max((lv for lv in current if lv < level), default=None)
                parent = current.get(above) if above is not None else None
                if parent is not None:
                    node.parent = parent
                    parent.children.append(node)
                else:
                    result.roots.append(node)
                if code:
                    by_key[code] = node
            if level in own_max and level != levels[-1][1] and node.max_in_name is None:
                node.max_in_name = _cell_number(row, own_max[level])
                node.max_line = row.cells[own_max[level]].line if own_max[level] < len(row.cells) else None
            current[level] = node
            for deeper in [lv for lv in current if lv > level]:
                del current[deeper]
            leaf = node
        if leaf is None or (leaf.level != levels[-1][1] and not has_figures):
            continue  # a parent's row; "预算执行率 | | | 10 | 10" is a leaf of its own at the top level
        leaf.max = _cell_number(row, max_col)
        leaf.max_line = row.cells[max_col].line if max_col is not None and max_col < len(row.cells) else None
        leaf.score = _cell_number(row, score_col)
        leaf.score_line = row.cells[score_col].line if score_col < len(row.cells) else None
        if rule_col is not None and rule_col < len(texts):
            leaf.rule_text = texts[rule_col]
    leaves = result.leaves()
    if unscored_total is not None and leaves and all(leaf.score is None for leaf in leaves):
        result.total_max = unscored_total
    group = GROUP_LABEL.search(normalise(table.caption).replace(" ", ""))
    if group is not None and (points := _GROUP_POINTS.search(group.group())) is not None:
        # "绩效指标（90分）" over the header: the block's leaves weigh that much
        result.group_max, result.group_line = Decimal(points.group(1)), table.header.cells[0].line
    for node in _walk(result.roots):
        if node.children:
            node.max = node.max_in_name
    return result


def _aligned_to_pair(
    row: Row, width: int, max_col: int | None, score_col: int | None, last_level: int
) -> Row:
    """A row that lost its empty cells (a web table copied as text keeps only the cells with text), put
    back in the header's columns: its last two adjacent numbers are the weight and the score, the cells
    before them end at the column before the weight (the merged parent cells were on the left), the
    cells after them follow the score; a row of names only ends at the last level's column. The row as
    it is when it is complete or cannot be placed."""
    cells = row.cells
    if len(cells) >= width or not cells:
        return row
    first = normalise(cells[0].text).replace(" ", "")
    if _TOTAL_ROW.match(first):
        return row  # read by its own rule: its label cell merged across the columns before its figures
    if len(cells) <= last_level and all(_number(c.text) is None for c in cells):
        # "| 预算编制（10分） | 测算依据（5分） |" under 一级 · 二级 · 三级: the 一级 cell was merged
        filler = [Cell(text="", line=cells[0].line, column=-1) for _ in range(last_level + 1 - len(cells))]
        if _TOP_LEVEL_NAME.match(first):
            return row if len(cells) == 1 else Row([cells[0], *filler, *cells[1:]])
        return Row(filler + list(cells))
    if max_col is None and score_col is not None and score_col == width - 1 and score_col > last_level:
        # "一级指标 | 二级指标 | 三级指标 | 得分" with the weights in the names: "绩效指标明确性（6分） | 3.00"
        # is a leaf whose parents' cells were merged above it, its score in the last column
        if _number(cells[-1].text) is None or any(_number(c.text) is not None for c in cells[:-1]):
            return row
        filler = [Cell(text="", line=cells[0].line, column=-1) for _ in range(width - len(cells))]
        if len(cells) > 2 and _TOP_LEVEL_NAME.match(first):
            return Row([cells[0], *filler, *cells[1:]])
        return Row(filler + list(cells))
    if max_col is None or score_col != max_col + 1:
        return row
    pair = next(
        (
            i
            for i in range(len(cells) - 2, -1, -1)
            if _number(cells[i].text) is not None and _number(cells[i + 1].text) is not None
        ),
        None,
    )
    if pair is None or pair > max_col or len(cells) - pair > width - max_col:
        return row
    filler = [Cell(text="", line=cells[0].line, column=-1) for _ in range(max_col - pair)]
    if pair > 1 and _TOP_LEVEL_NAME.match(normalise(cells[0].text).replace(" ", "")):
        return Row([cells[0], *filler, *cells[1:]])  # "产出指标 | 培训人次 | 30 | 30": the 二级 cell is empty
    return Row(filler + list(cells))


# the first-level dimensions every indicator system uses, with or without their weight
_TOP_LEVEL_NAME = lazy(
    r"^(?:产出|效益|效果|满意度|成本|决策|过程|管理|投入|履职效能|绩效)(?:指标)?(?:[（(]\d+(?:\.\d+)?分[）)])?$"
)


def _cell_number(row: Row, col: int | None) -> Decimal | None:
    if col is None or col >= len(row.cells):
        return None
    return _number(row.cells[col].text)


def _walk(nodes: list[ScoreNode]):
    for n in nodes:
        yield n
        yield from _walk(n.children)


# ----------------------------------------------------------------------------- prose

_N = r"(?P<{}>\d+(?:\.\d+)?)\s*分"
_PAIR = lazy(
    r"(?:指标分值|总评价分|总评分|分值|满分|评价得分|总分|指标总分)\s*(?:为)?\s*"
    + _N.format("max")
    + r"\s*[，,、]\s*(?:(?:自评|评价|实际)?总?得分|评价得|实得|得)\s*(?:为)?\s*"
    + _N.format("score")
    + r"(?:\s*[，,]\s*得分率(?:为)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%)?"
)
_MAX_ONLY = lazy(r"(?:指标分值|分值|满分)\s*(?:为)?\s*" + _N.format("max"))
_ITEM = lazy(r"(?:得分|得|(?<=[，,；;。]\s*)的)\s*(?:为)?\s*" + _N.format("v"))
_DEDUCT = lazy(r"扣(?:除)?\s*(?:了)?\s*" + _N.format("v"))
_LABEL_BEFORE_PAIR = lazy(r"(?P<label>[^，,。；;：:]{2,20}?)(?:总评价分|总评分|评价得分|指标分值|总分)")


def _loose_pairs(doc: Document) -> list[ScoreNode]:
    """Weight and score pairs of paragraphs that no numbered indicator paragraph precedes, and every
    unnumbered paragraph's "满分15分，扣1分，得14分" (a statement complete in itself)."""
    out: list[ScoreNode] = []
    numbered = False
    for para in doc.paragraphs:
        if para.ordinal is not None:
            numbered = True  # from the first numbered paragraph on, the prose tree reads the pairs
            continue
        text = normalise(para.text)
        if "分" not in text:
            continue
        for m in () if numbered else _PAIR.finditer(text):
            node = ScoreNode(name="", level=1, line=para.line)
            _set_pair(node, m, para)
            out.append(node)
        for m in _DEDUCTED_PAIR.finditer(text):
            node = ScoreNode(name="", level=1, line=para.line, column=para.column(m.start("score")))
            node.max = Decimal(m.group("max"))
            node.deducted, node.score = Decimal(m.group("cut")), Decimal(m.group("score"))
            node.max_line = node.score_line = para.line
            out.append(node)
    return out


_LIST_TOTAL_AFTER = lazy(r"(?:总得分|综合得分|总分|合计|共计|累计得分|合计得分)\s*(?:为|是)?\s*$")
_LIST_TOTAL_BEFORE = lazy(
    r"(?:总得分|综合得分|自评得分|评价得分|总分)\s*(?:为|是)?\s*"
    + _N.format("v")
    + r"\s*[，,]\s*其中\s*[：:，,]?"
)
_NOT_A_SCORE_LIST = lazy(r"扣|分值|满分|权重|以上|以下|得分率")
_THEN_SCORE = lazy(r"\s*[，,、]\s*(?:实际|自评)?得(?:分)?\s*(?:为)?\s*\d")


def _in_brackets(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


_TOTAL_STATED = lazy(r"(?:总得分|综合得分|自评得分|评价得分|综合评分|总分)\s*(?:为|是)?\s*" + _N.format("v"))


def _total_before_list(para: Paragraph, text: str, start: int) -> Quantity | None:
    """The one total score of the sentence before a sentence that opens with 其中."""
    if not OPENS_WITH_QIZHONG.match(text, start):
        return None
    previous = sentence_start(text, max(0, start - 1))
    totals = list(_TOTAL_STATED.finditer(text, previous, start))
    if len(totals) != 1:
        return None
    at = totals[0].start("v")
    return next((q for q in para.quantities if q.start == at and q.kind is Kind.SCORE and not q.approx), None)


def _score_lists(doc: Document) -> list[ScoreNode]:
    """ "项目立项6分，绩效目标5分，…，总得分90分" and "综合得分为92分，其中：决策类指标得分18分，…": one
    sentence of scored items and their total, outside the numbered indicator paragraphs."""
    out: list[ScoreNode] = []
    for para in doc.paragraphs:
        if para.ordinal is not None or "分" not in para.text:
            continue
        text = normalise(para.text)
        for sentence in _SENTENCE.finditer(text):
            body = outside_brackets(sentence.group(0))  # "14分（满分15分）": the part's weight, aside
            if _NOT_A_SCORE_LIST.search(body):
                continue
            scores = [
                q
                for q in para.quantities
                if sentence.start() <= q.start < sentence.end()
                and q.kind is Kind.SCORE
                and not q.approx
                and not _in_brackets(text, q.start)  # "产出36分（其中数量指标20分…）": a part's own parts
                and not _THEN_SCORE.match(text, q.end)  # "投入指标20分，得18分": 20 is the weight
            ]
            if len(scores) < 4:
                continue
            before = _LIST_TOTAL_BEFORE.search(text, sentence.start(), sentence.end())
            if before is not None:
                total = next(q for q in scores if q.start >= before.start("v"))
                items = [q for q in scores if q.start > before.end()]
            elif _LIST_TOTAL_AFTER.search(text, sentence.start(), scores[-1].start):
                total, items = scores[-1], scores[:-1]
            elif (earlier := _total_before_list(para, text, sentence.start())) is not None:
                # "综合得分84.6分，评价等级为“良”。其中：投入指标20分，得16.5分，…": the total ended the last sentence
                total, items = earlier, scores
            else:
                continue
            if len(items) < 3 or any(q is total for q in items):
                continue
            node = ScoreNode(name="", level=1, line=para.line, column=total.column)
            node.score, node.score_line = total.value, total.line
            node.items = [(q.value, q.line) for q in items]
            out.append(node)
    return out


_DEDUCTED_PAIR = lazy(
    r"(?:指标分值|分值|满分)\s*(?:为)?\s*"
    + _N.format("max")
    + r"\s*[，,、]\s*扣(?:除)?\s*"
    + _N.format("cut")
    + r"\s*[，,、]\s*(?:实际得分|得分|实得|得)\s*(?:为)?\s*"
    + _N.format("score")
)


def _prose_tree(doc: Document) -> list[ScoreNode]:
    roots: list[ScoreNode] = []
    stack: list[ScoreNode] = []
    closers: dict[int, list[tuple[str, ScoreNode]]] = {}  # id(section) -> closing subtotals

    for para in doc.paragraphs:
        text = normalise(para.text)
        ordinal = para.ordinal
        if ordinal is not None and not (para.heading is not None and para.heading.in_toc):
            while stack and stack[-1].level >= ordinal.level:
                node = stack.pop()
                _attach_closers(node, closers.pop(id(node), []))
            # the ordinal leads the text after its indentation ("　　（1）预算管理…" in text copied from Word)
            name = text.lstrip()[len(ordinal.ordinal) :].strip()
            node = ScoreNode(name=name, level=ordinal.level, line=para.line)
            _read_scores(node, para, text)
            if stack:
                node.parent = stack[-1]
                stack[-1].children.append(node)
            else:
                roots.append(node)
            stack.append(node)
            continue
        pair = _last_pair(text)
        if pair is None or not stack:
            continue
        top = stack[-1]
        closer = ScoreNode(name="", level=top.level + 1, line=para.line)
        _set_pair(closer, pair, para)
        if top.max is None and not top.children:
            _copy_pair(top, closer)  # "（二）预算编制情况指标分析。" then "…指标分值30分，评价得分24分"
            continue
        label_m = _LABEL_BEFORE_PAIR.search(text, max(0, pair.start() - 24), pair.start() + 8)
        closer.name = label_m.group("label") if label_m else ""
        section = top if top.children else (top.parent or top)
        closers.setdefault(id(section), []).append((closer.name, closer))
    while stack:
        node = stack.pop()
        _attach_closers(node, closers.pop(id(node), []))
    return roots


def _attach_closers(parent: ScoreNode, closers: list[tuple[str, ScoreNode]]) -> None:
    """Closing subtotal paragraphs: to the child they name, else the last one is the parent's own."""
    pending = []
    for label, closer in closers:
        target = next(
            (
                c
                for c in parent.children
                if c.max is None and core_name(label) and core_name(c.name).startswith(core_name(label))
            ),
            None,
        )
        if target is not None:
            _copy_pair(target, closer)
        else:
            pending.append(closer)
    if pending and parent.max is None:
        _copy_pair(parent, pending.pop())
    for closer in pending:  # a named part with no paragraph of its own (部门效果总评分25分…)
        closer.level = parent.children[0].level if parent.children else parent.level + 1
        closer.parent = parent
        parent.children.append(closer)


def _copy_pair(target: ScoreNode, source: ScoreNode) -> None:
    target.max, target.score, target.rate = source.max, source.score, source.rate
    target.max_line, target.score_line = source.max_line, source.score_line


def _last_pair(text: str) -> regex.Match | None:
    pairs = list(_PAIR.finditer(text))
    return pairs[-1] if pairs else None


def _set_pair(node: ScoreNode, m: regex.Match, para: Paragraph) -> None:
    node.max, node.score = Decimal(m.group("max")), Decimal(m.group("score"))
    node.max_line = node.score_line = para.line
    node.column = para.column(m.start("score"))
    if m.group("rate"):
        rate = next(
            (q for q in para.quantities if q.kind is Kind.PERCENT and q.start >= m.start("rate") - 1), None
        )
        node.rate = rate


_SEGMENT = lazy(r"[^；;。]+")


def _read_scores(node: ScoreNode, para: Paragraph, text: str) -> None:
    """Maximum, score, items and deductions stated in an ordinal-led paragraph."""
    if "分" not in text:
        return  # every form below ends in 分
    pairs = list(_PAIR.finditer(text))
    taken = [(m.start(), m.end()) for m in pairs]
    if pairs:
        _set_pair(node, pairs[-1], para)
    else:
        # "总得分94分，其中前期工作14分（满分15分），…": a bracketed 满分 is the part's before it
        m = next((m for m in _MAX_ONLY.finditer(text) if not _in_brackets(text, m.start())), None)
        if m:
            node.max, node.max_line = Decimal(m.group("max")), para.line
            taken.append((m.start(), m.end()))
    # items: the 得N分 of each ；/。 segment outside the pair; a segment with only 扣N分 deducts
    deductions = Decimal(0)
    for segment in _SEGMENT.finditer(text):
        if any(a <= segment.start() < b or a < segment.end() <= b for a, b in taken):
            continue
        items = list(_ITEM.finditer(text, segment.start(), segment.end()))
        cuts = list(_DEDUCT.finditer(text, segment.start(), segment.end()))
        if items:  # "扣0.5分，得分1.5分" is one item; "…得2分，…得2分；" are two
            node.items.extend((Decimal(i.group("v")), para.line) for i in items)
        elif cuts:
            node.item_deductions += 1
            deductions += sum(Decimal(c.group("v")) for c in cuts)
    if node.score is None and node.max is not None:
        if node.items and not node.item_deductions and len(node.items) == 1:
            node.score, node.score_line = node.items[0][0], para.line
        elif node.item_deductions and not node.items:
            node.score, node.score_line = node.max - deductions, para.line  # 指标分值5分 … 扣2分
    if node.score is not None and not pairs:
        node.items = []  # a leaf's own 得N分 is its score, not a list of items


# ----------------------------------------------------------------------------- totals and grades

_TOTAL = lazy(
    r"(?:总得分|综合得分|自评得分|评价得分|最终得分|整体绩效得分|绩效得分|得分|总分)\s*(?:为|是|达到)?\s*(?P<v>\d+(?:\.\d+)?)\s*分"
)
# an indicator dimension right before 得分 (部门决策得分, 产出指标得分, 部门绩效得分), not the whole (整体绩效得分)
_PART_BEFORE = lazy(
    r"(?<!整体|整体支出)(?:决策|过程|产出|效益|效果|管理|投入|履职|满意度|指标|目标|可持续发展|绩效)$"
)
_GRADE = lazy(
    r"(?:绩效等级|评价等级|等级|评价结果|绩效评价结果|自评结果|支出绩效|绩效)\s*(?:为|评定为|评为|是|属于|确定为)\s*[“\"「]?"
    r"(?P<g>不合格|优秀|良好|合格|优|良|中|差)[”\"」]?"
)
_BAND_DEFINITION = lazy(
    r"(?P<lo>\d+)\s*分?(?:（含）|\(含\))?\s*(?:以上|及以上)\s*(?:\(含\d+分\))?\s*(?:为|评为|的为)\s*[“\"]?(?P<g>优秀|良好|合格|不合格|优|良|中|差)"
)


_SENTENCE = lazy(r"[^。！？]+")


_LABELLED_TOTAL = rx(r"总得分|综合得分|整体绩效得分|最终得分")


def _totals_and_grades(doc: Document) -> tuple[list[StatedTotal], list[StatedGrade]]:
    from auditor.extract.textscan import own_entity

    entity = own_entity(doc)
    own = tuple(entity.names) if entity is not None else ()
    totals, grades = [], []
    for para in doc.paragraphs:
        text = normalise(para.text)
        if not (_GRADE.search(text) or _TOTAL.search(text)):
            continue  # most paragraphs state neither: one look at the whole paragraph decides
        for s in _SENTENCE.finditer(text):
            found_grades = list(_GRADE.finditer(text, s.start(), s.end()))
            starts = sorted(
                [g.start() for g in found_grades]
                + [m.start() for m in _TOTAL.finditer(text, s.start(), s.end())]
            )
            if not starts:
                continue
            heading = _heading_of(doc, para)

            for g in found_grades:
                grades.append(
                    StatedGrade(
                        g.group("g"),
                        para.line,
                        para.column(g.start("g")),
                        _subject_at(text, s.start(), starts, g.start(), heading, own),
                    )
                )
            matches = list(_TOTAL.finditer(text, s.start(), s.end()))
            labelled = [bool(_LABELLED_TOTAL.match(m.group(0))) for m in matches]
            for m, label_total in zip(matches, labelled, strict=True):
                value = Decimal(m.group("v"))
                if not (found_grades or label_total) or not (Decimal(0) <= value <= Decimal(100)):
                    continue
                if not label_total and (any(labelled) or text[max(0, m.start() - 2) : m.start()] == "分别"):
                    continue  # "四项分别得分18分、…，总得分95分": the items' scores, not the total
                if found_grades and m.start() > found_grades[-1].start():
                    continue  # a score after the grade belongs to something else
                if _PAIR.search(text, max(0, m.start() - 12), m.end() + 12):
                    continue  # 指标分值X分，评价得分Y分 is an indicator, not the report's total
                cut = m.group(0).find("得分")  # (总分 is the whole's word)
                if (
                    not label_total
                    and cut >= 0
                    and _PART_BEFORE.search(text, max(0, m.start() - 8), m.start() + cut)
                ):
                    continue  # "部门决策得分19分，部门管理得分28分，…，总得分95分": a dimension's score
                totals.append(
                    StatedTotal(
                        value,
                        para.line,
                        para.column(m.start("v")),
                        m.group(0),
                        _subject_at(text, s.start(), starts, m.start(), heading, own),
                    )
                )
    return totals, grades


_SUBJECT_YEAR = lazy(r"(?:19|20)\d\d")
_SUBJECT_FILLER = lazy(
    r"综上所述|综上|经综合评价|经过评价|经评价|通过评价|评价结果显示|最终|本次|综合|部门整体|整体支出|整体|支出|绩效|自评|评价|"
    r"考核结果|年度|年|的|为|是|[，,：:；;、\s“”\"（）()]|\d+(?:\.\d+)?(?:万元|元|%|分)?"
)
_THE_WHOLE = frozenset({"", "本部门", "本单位", "部门", "单位", "我局", "本局", "我单位", "本级部门"})


_A_PROJECT = frozenset({"项目", "该项目", "本项目", "此项目"})
_CLAUSE_SPLIT = lazy(r"[，,]")
_METHOD_CLAUSE = lazy(r"(?:根据|按照|依据|对照|经|通过|结合)")


def _subject_at(
    text: str, sentence: int, starts: list[int], pos: int, heading: str, own: tuple[str, ...] = ()
) -> str:
    """The subject of the score or grade at ``pos``: the words that open its ；-group, up to the first score
    or grade there ("局本级…得分95分…；县林业站…得分89分…" speaks of two units)."""
    seg = max(sentence, text.rfind("；", sentence, pos) + 1, text.rfind(";", sentence, pos) + 1)
    first = next(p for p in starts if p >= seg)
    return _subject_of(text[seg:first], heading, own)


def _subject_of(prefix: str, heading: str = "", own: tuple[str, ...] = ()) -> str:
    """Whose score a sentence states, from the words before it: "" for the report's own (its unit's own
    name, 本部门, 部门整体); a project's, a unit's (局本级, 县林业站), another assessment's (目标考核, 财政重点) or
    another year's otherwise; "项目" under a heading is that heading's project. The subject is the last
    clause before the score that names one ("根据…指标体系评分，云溪县人社局得分92分": the unit). Scores of
    different subjects are not restatements of one total."""
    for name in own:
        prefix = prefix.replace(name, "")
    years = "".join(_SUBJECT_YEAR.findall(prefix))
    words = ""
    for clause in reversed(_CLAUSE_SPLIT.split(prefix)):
        if _METHOD_CLAUSE.match(clause.strip()):
            continue  # 根据…评分, 经综合评价: how the score was reached, not whose it is
        words = _SUBJECT_FILLER.sub("", clause)
        if words:
            break
    if words in _A_PROJECT:
        words = "项目" + heading  # 该项目, 本项目: the project of the heading
    return years + ("" if words in _THE_WHOLE else words)


def _heading_of(doc: Document, para: Paragraph) -> str:
    section = doc.section_at(para.line)
    return section.heading.title if section is not None else ""


def _bands_defined(doc: Document) -> list[tuple[str, Decimal]] | None:
    found: dict[str, Decimal] = {}
    for para in doc.paragraphs:
        if "以上" not in para.text:
            continue
        for m in _BAND_DEFINITION.finditer(normalise(para.text)):
            found.setdefault(m.group("g"), Decimal(m.group("lo")))
    return sorted(found.items(), key=lambda kv: -kv[1]) if len(found) >= 2 else None


# ----------------------------------------------------------------------------- questionnaires

_SURVEY_COUNTS = {
    "issued": lazy(r"发放(?:问卷|调查问卷)?\s*[:：]?\s*(\d+)\s*份"),
    "returned": lazy(r"(?:收回|回收)(?:问卷)?\s*[:：]?\s*(\d+)\s*份"),
    "valid": lazy(r"有效(?:问卷)?\s*[:：]?\s*(\d+)\s*份"),
}
_OPTION_HEADER = lazy(r"选项")
_COUNT_HEADER = lazy(r"问卷数|人数|票数|份数|选择数|频数|数量")
_OPTION_SCORE_HEADER = lazy(r"分值|得分|分数")


def _survey(table: Table, caption_para: Paragraph | None) -> Survey | None:
    headers = [normalise(c.text).replace(" ", "") for c in table.header.cells]
    option_col = next((i for i, h in enumerate(headers) if _OPTION_HEADER.search(h)), None)
    count_col = next((i for i, h in enumerate(headers) if _COUNT_HEADER.search(h)), None)
    score_col = next((i for i, h in enumerate(headers) if _OPTION_SCORE_HEADER.search(h)), None)
    if option_col is None or count_col is None:
        return None
    counts: dict[str, Quantity | None] = {k: None for k in _SURVEY_COUNTS}
    if caption_para is not None:
        text = normalise(caption_para.text)
        for key, pattern in _SURVEY_COUNTS.items():
            m = pattern.search(text)
            if m:
                counts[key] = next((q for q in caption_para.quantities if q.start >= m.start(1) - 1), None)
    survey = Survey(table, counts["issued"], counts["returned"], counts["valid"], [])
    question: SurveyQuestion | None = None
    for row in table.rows:
        cells = [normalise(c.text).strip() for c in row.cells]
        label = "".join(cells[:option_col]).replace(" ", "").replace("\u3000", "")
        count = _cell_number(row, count_col)
        option_score = _cell_number(row, score_col) if score_col is not None else None
        # Summary rows lose their merged cells in the flattened layout: read their figures in order.
        figures = [(q, c.line) for c in row.cells[1:] for q in c.quantities]
        if rx(r"问卷总分|总分").match(label):
            if len(figures) >= 2:
                survey.total_max = (figures[-2][0].value, figures[-2][1])
            if figures:
                survey.total_score = (figures[-1][0].value, figures[-1][1])
            question = None
            continue
        if rx(r"有效问卷").match(label):
            if figures:
                survey.stated_valid = (figures[-1][0].value, figures[-1][1])
            continue
        if rx(r"问卷综合得分|综合得分|平均分|平均得分").match(label):
            if figures:
                survey.average = figures[-1]
            continue
        if cells and rx(r"\d{1,3}").fullmatch(cells[0]):
            question = SurveyQuestion(cells[0], row.cells[0].line, [])
            survey.questions.append(question)
        if question is not None and option_col < len(cells) and cells[option_col] and count is not None:
            question.options.append((option_score or Decimal(0), count, row.cells[count_col].line))
    return survey if survey.questions else None


# ----------------------------------------------------------------------------- entry point


_FUNDS_ROW = lazy(r"^(?:(?:年度|项目)?资金)?总额")
_FUNDS_POINTS = lazy(r"预算执行(?:情况|率)?\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")


def _funds_part(tables: list[Table], k: int) -> ScoreNode | None:
    """The 年度资金总额 row of the table right above table ``k`` with its 分值 and 得分 (a 项目支出绩效自评表's
    funds block, where the budget execution rate is scored), or None."""
    if k == 0:
        return None
    funds = tables[k - 1]
    headers = [normalise(c.text).replace(" ", "") for c in funds.header.cells]
    max_col = next((i for i, h in enumerate(headers) if MAX_POINTS_HEADER.fullmatch(h)), None)
    score_col = next((i for i, h in enumerate(headers) if SCORE_HEADER.fullmatch(h)), None)
    if max_col is None or score_col is None or tables[k].first_line - funds.last_line > 6:
        return None
    for row in funds.rows:
        if row.cells and _FUNDS_ROW.match(normalise(row.cells[0].text).replace(" ", "")):
            weight, score = _cell_number(row, max_col), _cell_number(row, score_col)
            written = row.cells[score_col].text.strip() if score_col < len(row.cells) else ""
            if weight is None or (score is None and written):
                return None  # a score cell with words in it: not this block's points (an empty one: not scored yet)
            node = ScoreNode(name="预算执行率", level=0, line=row.cells[0].line)
            node.max, node.score = weight, score
            node.max_line = node.score_line = row.cells[score_col].line
            # "预算执行情况（10分） | 年度预算数 | … | 权重 | 得分": the block's points, said in its first cell
            # (or in the caption, when the copy moved that cell above the table)
            first = funds.header.cells[0].text if funds.header.cells else ""
            named = _FUNDS_POINTS.search(normalise(first)) or _FUNDS_POINTS.search(normalise(funds.caption))
            if named is not None:
                node.max_in_name = Decimal(named.group(1))
            return node
    return None


def analyse(doc: Document) -> Scores:
    tables = []
    for k, table in enumerate(doc.tables):
        indicators = _indicator_table(table)
        if indicators is not None:
            indicators.funds = _funds_part(doc.tables, k)
            tables.append(indicators)
    surveys = []
    starts = [p.line for p in doc.paragraphs]
    for table in doc.tables:
        before = bisect_left(starts, table.first_line)
        caption = doc.paragraphs[before - 1] if before else None
        survey = _survey(table, caption)
        if survey is not None:
            surveys.append(survey)
    totals, grades = _totals_and_grades(doc)
    return Scores(
        tables=tables,
        prose=_prose_tree(doc),
        loose=_loose_pairs(doc) + _score_lists(doc),
        totals=totals,
        grades=grades,
        surveys=surveys,
        bands=_bands_defined(doc),
    )
