"""Relations between figures in prose: breakdowns (whole = parts) and shares (part = y% of base).

This is the extraction layer's second half. Rules never parse text; they read the
Breakdown and Share objects found here, once per document.

    年初预算数为36,158.49万元（其中，基本支出1,753.87万元，项目支出34,404.62万元）
        → Breakdown(whole=36158.49, parts=[1753.87, 34404.62], marker="（其中")
    一般公共预算财政拨款收入2912.07万元，占98.64%
        → Share(part=2912.07, percent=98.64, base=<the enclosing breakdown's whole>)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import field, replace
from decimal import Decimal
from itertools import accumulate, pairwise

import regex

from auditor.extract.changes import (
    DOWN_WORDS,
    EXPLAINING_GAP,
    UP_WORDS,
    AnnualGrowth,
    Change,
    YearComparison,
    analyse_changes,
    annual_growths,
    comparison_years,
    sign_of,
    year_of,
)
from auditor.extract.classes import MARKER as CLASS_MARKER
from auditor.extract.classes import class_items
from auditor.extract.enumerations import Enumeration, enumerations_in
from auditor.extract.tables import (
    SUBSET_ROW,
    cell_at,
    cell_figure,
    column_roles,
    is_amount_column,
    is_empty_value,
    row_kind,
    row_kinds,
    total_word,
)
from auditor.extract.tolerance import Interval, Verdict, interval_of, judge, sum_interval
from auditor.model.document import Cell, Document, Paragraph, Row, Table
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.labels import (
    JOINED_NAME,
    LEADING_ORDINAL,
    LEVEL_WORDS,
    OPENS_WITH_QIZHONG,
    QUOTES,
    SHARE_AFTER,
    level_of,
    outside_brackets,
)
from auditor.text.rx import lazy
from auditor.text.spans import (
    clause_start,
    depth_at,
    is_change_amount,
    percents_introduced,
    sentence_bounds,
    sentence_end,
    sentence_start,
)

TABLE_MARKERS = ("合计行", "表内分项")


@record
class Breakdown:
    """A whole and the parts the text says it consists of (其中/括号/主要用于/合计)."""

    whole: Quantity
    parts: list[Quantity]
    marker: str
    complete: bool  # the parts claim to be the whole's full breakdown
    shares: dict[int, Quantity] = field(default_factory=dict)  # part index -> its 占y%

    @property
    def lines(self) -> list[int]:
        seen: list[int] = []
        for q in [self.whole, *self.parts]:
            if q.line not in seen:
                seen.append(q.line)
        return seen


@record
class Share:
    """``part``, 占 ``percent`` of ``base`` (base None when it cannot be resolved)."""

    part: Quantity
    percent: Quantity
    base: Quantity | None
    base_label: str  # the base as written after 占 ('' when implicit)
    neighbours: list[Quantity]  # other amounts of the passage, for "wrong base" hints
    # base None, but the sentence lists every part with its share and the shares make 100%: the base is
    # the sum of these parts (one list object shared by the group's shares)
    base_parts: list[Quantity] = field(default_factory=list)


@record
class Rate:
    """``actual`` / ``target`` = ``rate``: 完成率, 执行率, 占目标任务数…的Z%, table 计划完成率 columns."""

    actual: Quantity
    target: Quantity
    rate: Quantity
    source: str  # prose | table
    target_exact: bool = False  # a set target (目标值, 任务数) is exact as written; a budget was rounded


@record
class Relations:
    """Every relation the text states between its figures: sums, shares, rates, changes and the rest."""

    breakdowns: list[Breakdown]
    shares: list[Share]
    rates: list[Rate] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    identities: list[Identity] = field(default_factory=list)
    ratios: list[Ratio] = field(default_factory=list)
    enumerations: list[Enumeration] = field(default_factory=list)
    comparison_years: list[YearComparison] = field(default_factory=list)
    annual_growths: list[AnnualGrowth] = field(default_factory=list)


_SENTENCE_END = "。！？!?"
_CLAUSE_PUNCT = "，,；;。：:、"
_QIZHONG = lazy(r"其中[：:，,]?")
# 其中 and the words that open a breakdown the same way: "分项情况是：", "从征收部门来看："
_BREAKDOWN_OPENS = lazy(
    r"其中[：:，,]?|分项情况(?:是|为|如下)[：:，,]?|具体情况(?:是|为|如下)?[：:]|(?P<view>从\p{Han}{2,8}(?:来看|看))[：:，,]?"
    r"|(?<=^|[。；;]\s*)(?P<named>[“\"]?\p{Han}{2,10}[”\"]?\p{Han}{0,4})中[，,：:]"
    # "…项目支出14629.33万元，占总支出的54.19%，在项目支出当中，教育事业支出…": a clause of its own
    r"|(?<=[，,]\s*)在(?P<named_here>[“\"]?\p{Han}{2,10}?[”\"]?)当?中[，,：:]"
)
_VIEW_NAMES = lazy(r"\s*(?P<name>[“\"]?\p{Han}{2,12}[”\"]?\p{Han}{0,4})中[，,：:]")
_LIST_INTRO = lazy(
    r"(?:主要用于|主要包括|具体包括|包括|用于|具体为|具体是|明细为|分别为|分别是|主要是(?=[^，,；;。：:]{2,30}?\d))"
    r"(?:以下方面|以下几个方面|如下)?[：:]?"
)
_WHOLE_WORDS = lazy(r"合计|总计|总额|共计|累计|总数|全年|全部|预算|决算|比|较|上年|去年")
_ETC = lazy(r"[^，,；;。]{0,12}?等")
_SHARE_BEFORE = lazy(
    r"占(?:到|比)?(?P<base>[^，,；;。：:%占]{0,30}?)(?:的|之)?(?:比重|比例|比)?(?:为|达到|达|约)?$"
)
# Between a whole and its 其中: punctuation, or a short noun ("共18个项目，其中…").
_WHOLE_TO_QIZHONG = lazy(r"\p{Han}{0,6}[，,。；;]?\s*")
_COUNT_LEAD = lazy(r"共(?:对|有|计|完成|开展|实施|组织)?$")
_COUNTED_GAP = lazy(r"\p{Han}{0,16}[，,]\s*")
_TOTAL_LABEL = lazy(r"^(?:合计|共计|总计|累计|总共|合计金额|共计金额)$")
# a total closing the list before it: also the 收入总计 / 支出总计 of a 收支平衡 sentence
_CLOSING_TOTAL = lazy(r"^(?:收入|支出)?(?:合计|共计|总计|累计|总共|总量|合计金额|共计金额)$")
# names of parts that carry a whole's word without being a whole: the funds (一般公共预算收入) and what was
# carried over from the year before (上年结转收入)
_PART_NAMES = lazy(
    r"预算稳定调节基金|一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|上年结转|上年结余|年初结转|年初结余"
)
_GENERIC_BASE = lazy(r"^(?:总额|总数|总量|合计|总计|全部|总支出|总收入|总体|整体)?$")
_SUBSET_PAREN = lazy(r"^[（(]\s*(?:含|包含|包括|均含|不含|其中含)")
_PARTS_PAREN = lazy(r"^[（(]\s*(?:包括|具体包括)[：:]")
_TARGET_WORDS = ("目标", "任务", "计划", "预算数")
_RESPECTIVE_IS = lazy(r"分别(?:为|是)[：:]?")
_VALUE_GAP = lazy(r"\s*(?:、|，|,|和|及|与|以及)\s*")


def analyse(doc: Document, skip_tables: frozenset[int] = frozenset()) -> Relations:
    """Every relation the document states (``skip_tables``: disclosure tables, read by auditor.extract.fiscal)."""
    breakdowns: list[Breakdown] = []
    shares: list[Share] = []
    rates: list[Rate] = []
    identities: list[Identity] = []
    ratios: list[Ratio] = []
    enumerations: list[Enumeration] = []
    ahead: dict[int, list[Breakdown]] = {}  # line -> breakdowns with a part there, found on an earlier line
    listed: dict[Decimal, list[Breakdown]] = {}  # a part's amount -> the breakdowns of the text that list it
    paragraphs = doc.paragraphs
    for index, para in enumerate(paragraphs):
        enumerations.extend(enumerations_in(para))  # counts may be Chinese numerals (五个方面)
        detail = class_items(paragraphs, index, doc.__dict__)
        if detail is not None:
            breakdowns.append(Breakdown(whole=detail[0], parts=detail[1], marker=CLASS_MARKER, complete=True))
        if not para.quantities:
            continue
        found = _breakdowns_in(para, paragraphs, index)
        found += _made_of(para, found)
        found += _taxes_and_the_rest(para, found)
        found += _measures_by_item(para, found, index == len(paragraphs) - 1)
        found += _totals_of_the_sentences_before(para)
        breakdowns.extend(found)
        for b in found:
            for p in b.parts:
                listed.setdefault(p.base_value, []).append(b)
        for b in found:
            identities.extend(_change_sums_of_following(b, paragraphs, index))
        for b in found:  # "…主要用于以下方面：" with one part per following paragraph, each with its 占y%
            for part in b.parts:
                if part.line > para.line:
                    ahead.setdefault(part.line, []).append(b)
        found_shares = _shares_in(para, found + ahead.pop(para.line, []), doc, listed)
        _shares_of_their_sum(para, found_shares)
        shares.extend(found_shares)
        rates.extend(_rates_in(para))
        identities.extend(_identities_in(para))
        identities.extend(_running_totals(para, _above_in_section(paragraphs, index)))
        identities.extend(_stated_balances(para))
        identities.extend(_equal_totals(para))
        identities.extend(_change_breakdowns(para))
        identities.extend(_changes_by_nature(para))
        ratios.extend(_ratios_in(para))
        ratios.extend(_control_rates_in(para, doc.report_year))
    for table in doc.tables:
        if table.index in skip_tables:
            continue
        breakdowns.extend(_table_breakdowns(table))
        rates.extend(_table_rates(table))
    return Relations(
        breakdowns=breakdowns,
        shares=shares,
        rates=rates,
        changes=analyse_changes(doc),
        identities=identities,
        ratios=ratios,
        enumerations=enumerations,
        comparison_years=comparison_years(doc),
        annual_growths=annual_growths(doc),
    )


# ----------------------------------------------------------------------------- breakdowns


_AREAS = frozenset({"平方米", "亩", "公顷", "平方公里"})


def _is_area(q: Quantity) -> bool:
    """A floor or land area: "建筑面积8103平方米，其中计容面积7998平方米…" adds up like money."""
    return q.kind is Kind.MEASURE and q.unit in _AREAS and not q.approx


def _same_kind(a: Quantity, b: Quantity) -> bool:
    if a.kind is not b.kind or a.base_unit != b.base_unit:
        return False
    return a.kind in (Kind.MONEY, Kind.COUNT) or (_is_area(a) and _is_area(b))


def _depth_at(text: str, start: int, pos: int) -> int:
    """Bracket depth at ``pos`` counted from ``start`` (where the depth is taken as zero)."""
    if start == 0:
        return depth_at(text, pos)
    depth = 0
    for ch in text[start:pos]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth


def _parts_after(para: Paragraph, whole: Quantity, begin: int, end: int) -> list[Quantity]:
    """Same-kind figures between ``begin`` and ``end`` that form one list.

    Only the top bracket level counts. The list stops where a stronger separator than the one
    between its first two items appears (a ；-group after a ，-list starts another topic), after
    an item followed by ： (which opens a nested list of its own), and before a restatement of
    the whole (…，现多领金额3.73万已全部追回).
    """
    text = normalise(para.text)
    parts = []
    inner: list[tuple[int, int]] = []  # spans of lists nested under a part: "…22.40万元，其中：购置费…；"
    for q in para.quantities:
        if q.start < begin or q.start >= end or q is whole:
            continue
        if inner and q.start < inner[-1][1]:
            continue  # a part of the part before, not of this list
        if q.approx and _same_kind(q, whole) and _depth_at(text, begin, q.start) == 0:
            return []  # "…约60.00万元…": a list with an approximate part has no exact sum to check
        if q.approx or not _same_kind(q, whole) or "per-unit" in q.tags:
            continue
        if is_change_amount(text, q):
            continue  # "财政拨款收入950.12万元，比上年增加0.46万元；事业收入…": a change, not a part
        if _PRIOR_OF_COMPARISON.search(text, clause_start(text, q.start), q.start):
            continue  # "…为9.42亿元，比上年的10.68亿元减少11.8%": last year's figure, not a part
        if _RATE_BASE_AFTER.match(text, q.end):
            continue  # "…A万元，完成调整后预算收入B万元的104.7%；…": B is the rate's base, not a part
        if _FROM_VALUE_AFTER.match(text, q.end) and _FROM_VALUE_BEFORE.search(
            text, clause_start(text, q.start), q.start
        ):
            continue  # "土地出让收入由年初预算的65000万元调整为35000万元": the value it was, not a part
        if _depth_at(text, begin, q.start) != 0:
            continue
        if not parts and _strength(outside_brackets(text[begin : q.start])) >= _SEPARATORS["；"]:
            break  # the list's first item stands in a later ；-group: it is not in this list
        if parts and _NEW_PREDICATE.match(text, clause_start(text, q.start)):
            break  # "…，部门整体评价2个，涉及部门单位7个": what the items concern, not one more item
        if _DEDUCTED_ITEM.search(text, clause_start(text, q.start), q.start):
            return []  # "…；出口货物退增值税、消费税19280.9亿元": taken off the total, not added to it
        if _SIGNED_ITEM.match(text, clause_start(text, q.start)):
            return []  # "其中：调减会议费支出0.5亿元，调增债券安排支出5.2亿元": signed changes, not parts
        parts.append(q)
        if text[q.end : q.end + 1] in ("：", ":"):
            break
        nested = _NESTED_QIZHONG.match(text, q.end)
        if nested is not None:  # the part's own 其中 runs to the next ；: its figures are not this list's
            stop = _GROUP_END.search(text, nested.end(), end)
            inner.append((q.end, stop.start() if stop is not None else end))
        elif (after := _RATES_THEN_QIZHONG.match(text, q.end)) is not None:
            # "…税收收入A，自然口径下降8.2%，…增长0.6%；其中增值税B…；企业所得税C…。": after its rates and a ；, the
            # part's own 其中 runs to the end of the sentence
            stop = text.find("。", after.end(), end)
            inner.append((q.end, stop if stop >= 0 else end))

    def gap(a: Quantity, b: Quantity) -> str:
        between = text[a.end : b.start]
        for lo, hi in inner:
            if a.end <= lo and hi <= b.start:
                between = between.replace(text[lo:hi], "", 1)
        return outside_brackets(between)

    if len(parts) >= 2:
        separator = _strength(gap(parts[0], parts[1]))
        for i in range(2, len(parts)):
            if _strength(gap(parts[i - 1], parts[i])) > separator:
                parts = parts[:i]
                break
    # Figures of two measures are no list of parts: "其中：因公出国（境）费支出预算为0万元，支出决算为0万元；…"
    # gives each item's budget and actual
    if len({_role_of_label(p.label) for p in parts} & {"target", "actual"}) == 2:
        return []
    if len(parts) >= 2 and _mixed_families(parts):
        return []  # "其中项目支出220.00万元；一般公共预算财政拨款支出488.60万元，其中…": a second total, not a part
    if sum(1 for p in parts if _THRESHOLD.search(text, clause_start(text, p.start), p.start)) >= 2:
        return []  # "其中收入过30亿元的52个，过50亿元的27个，过100亿元的6个": each count holds the next
    # A part equal to the whole restates it ("…其中：基本支出（收入决算数）为14011296.99元；
    # 基本支出（支出决算数）为8049757.29元"): what remains is not the whole's breakdown.
    if whole.base_value != 0 and any(p.base_value == whole.base_value for p in parts):
        return []
    return parts


def _text_ends_inside(text: str, pos: int, last: bool) -> bool:
    """Whether the document's last paragraph stops in the sentence at ``pos``: an excerpt cut short."""
    return (
        last and not any(ch in text[pos:] for ch in "。！？!?") and text.rstrip()[-1:] not in "。！？!?）)”"
    )


def _runs_into_cut_end(part: Quantity, paragraphs: list[Paragraph]) -> bool:
    """Whether ``part`` leads the document's last paragraph and that paragraph stops mid-sentence: the
    list of one item per paragraph may go on past the cut ("3.…支出1152754.00元，…。其中其他…支出11")."""
    last = paragraphs[-1]
    text = normalise(last.text).rstrip()
    return part.line >= last.line and text[-1:] not in "。！？!?）)”"


_THRESHOLD = lazy(r"(?:过|超过|超|逾|突破)\s*[\d百千万亿]|以上的?\s*$|不低于\s*\d")
# ("调入资金5.79亿元", "调出资金…": parts of a 收入总计 or 支出总计, not changes)
_SIGNED_ITEM = lazy(
    r"\s*(?:其中\s*[：:，,]?\s*)?(?:调减|调增|核减|核增|调出(?!资金)|调入(?!资金|收入)|追加|追减)"
)
# ("上级税收返还和转移支付补助…38.98亿元": a transfer received, not a refund)
_RATE_BASE_AFTER = lazy(r"\s*的\s*\d+(?:\.\d+)?\s*[%％]")
_DEDUCTED_ITEM = lazy(r"出口(?:货物)?退|退税|退库|(?<!税收|上级)返还(?!性?收入)|抵减|抵扣")
_NEW_PREDICATE = lazy(r"\s*(?:共)?(?:涉及|惠及|覆盖|带动)")
# after a part, its own 其中 (perhaps after the part's share: "…3240.60万元，占96.71%，其中授予小微企业…")
_CARRY_OVER_SENTENCE = lazy(
    r"\s*(?:结转下年|年终结余|年末结余|滚存结余)(?:支出)?\s*\d[\d.,]*\s*[万亿]?元?\s*[。；;]"
)
_LIST_GOES_ON = lazy(r"(?:[（(][^（()）]*[）)])?\s*(?:[，,]\s*占[^，,；;。]{0,30}?%)?\s*[；;，,、]\s*$")
_BY_NATURE = lazy(r"(?:基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)$")
_BY_FUND = lazy(r"一般公共预算|政府性基金|国有资本经营|财政拨款")


_PLANNED = lazy(r"安排(?!预算稳定调节基金)|下达|计划")  # (安排预算稳定调节基金 is spent: it leaves the year)
_THIS_MONTH = lazy(r"当月|本月|\d{1,2}月份")
_TO_DATE = lazy(r"累计")
_SPENT = lazy(r"支出|执行|使用|完成")


def _mixed_families(parts: list[Quantity]) -> bool:
    """Parts of two classifications that never share one list: spending by its nature (基本支出, 项目支出)
    beside a fund's total (一般公共预算财政拨款支出), or money allotted beside money spent ("总投资1200万元，
    其中2023年安排资金400万元，全年支出392万元": the 392 was spent of the 400)."""
    labels = [normalise(p.label) for p in parts]

    def both(first, second) -> bool:
        one = any(first.search(label) and not second.search(label) for label in labels)
        other = any(second.search(label) and not first.search(label) for label in labels)
        return one and other

    return (
        both(_BY_NATURE, _BY_FUND)
        or both(_PLANNED, _SPENT)
        # "土地出让金收入当月完成4.5亿元，…；累计完成50.8亿元": one item's month and its year to date
        or both(_THIS_MONTH, _TO_DATE)
        # "其中，生育保险费收入700亿元；生育津贴支出600亿元": an income beside a spending
        or both(_INCOME_ITEM, _SPENDING_ITEM)
    )


_INCOME_ITEM = lazy(r"收入$")
_SPENDING_ITEM = lazy(r"支出$")


# (or 包括: "在职人员48人，包括行政人员22人，事业人员26人；退休人员15人")
# (also after the part's own comparison: "…财力安排支出68.4亿元，比上年预算数增长10.1%，主要支出事项：A a、B b等；")
_NESTED_QIZHONG = lazy(
    r"(?:[，,]\s*(?:比|较|同比|与)[^，,；;。：:]{0,30})*"
    r"[，,]?\s*(?:占[^，,；;。]{0,30}?%\s*[，,]\s*)?(?:其中|包括|(?<=[，,]\s*)含(?=\p{Han})|主要(?:支出)?(?:事项|项目|用于|包括))\s*[：:，,]?"
)
_GROUP_END = lazy(r"[；;。]")
_RATES_THEN_QIZHONG = lazy(r"(?:[，,][^，,；;。：:\d]{0,20}\d+(?:\.\d+)?\s*[%％])+\s*[；;]\s*其中")

# 、 and ， are used interchangeably inside one list; ； and ： start another group.
_SEPARATORS = {"、": 1, "，": 1, ",": 1, "；": 3, ";": 3, "：": 4, ":": 4}


def _strength(gap: str) -> int:
    """The strongest separator in the text between two list items (which ends where a figure starts): a
    colon right before the figure labels it ("人员经费支出:7462043.29元"), it does not open a group."""
    gap = _LABEL_COLON.sub("", gap)
    return max((_SEPARATORS.get(ch, 0) for ch in gap), default=0)


_LABEL_COLON = lazy(r"(?<=\p{Han}|[）)])(?:为|是)?[：:]\s*$")


def _preceding(para: Paragraph, pos: int) -> Quantity | None:
    before = [q for q in para.quantities if q.end <= pos]
    return before[-1] if before else None


def _breakdowns_in(para: Paragraph, paragraphs: list[Paragraph], index: int) -> list[Breakdown]:
    text = normalise(para.text)
    found: list[Breakdown] = []
    compared_only: set[int] = set()  # lists left open only because each part has its own comparison
    mainly: set[int] = set()  # lists of the main items ("…。主要是A a，占比x%，B b…")

    # 1. "W，其中：A a、B b" — the whole stands right before 其中 (or ends the previous sentence).
    viewed: Quantity | None = None  # the whole of the first "从…来看" list: the next one breaks it down again
    views = 0
    # every opener holds 中, 看 or 情况 (分项情况, 具体情况): a character test spares most paragraphs the pattern's scan
    opens = _BREAKDOWN_OPENS.finditer(text) if ("中" in text or "看" in text or "情况" in text) else ()
    for m in opens:
        views += 1 if m.group("view") else 0
        if text[max(0, m.start() - 1) : m.start()] in ("（", "("):
            continue  # handled with the bracket below
        whole = _preceding(para, m.start())
        if m.group("named") or m.group("named_here"):
            # "…“三公”经费支出合计53.73亿元，比预算数减少9.43亿元。“三公”经费中，因公出国（境）经费…": the
            # amount of the sentence before that the opener names
            # (or, for "，在X中，", the amount its own sentence opened with)
            whole = _named_in_sentence_before(
                para, text, m.start(), m.group("named") or m.group("named_here")
            )
            if whole is None:
                continue
        elif m.group("view") and (named := _VIEW_NAMES.match(text, m.end())):
            # "从收入结构看，全盟一般公共预算收入中，税收收入…": the whole the view names, or none
            whole = _named_in_sentence_before(para, text, m.start(), named.group("name"))
            if whole is None:
                continue
        elif m.group("view") and views > 1:
            # "从征收部门来看：税务部门…；财政部门…。从收入分类来看，税收收入…": the same whole, by another view
            # (and none when the first view's whole was not found)
            whole = viewed
            if whole is None:
                continue
        elif whole is not None and (
            whole.kind in (Kind.PERCENT, Kind.POINTS) or is_change_amount(text, whole)
        ):
            # "…35.20万元，比上年增加3.20万元，增长10.00%，其中：" and "…6.35万元，完成预算的84.67%。其中："
            # break down the figure the comparison or the rate is about ("…10.81万元，比2025年预算持平。
            # 其中：" has no figure in its comparison, and is read below)
            whole = _whole_behind_comparison(para, text, m.start()) or whole
        again = (m.group("view") is not None and views > 1) or bool(m.group("named") or m.group("named_here"))
        if (
            whole is None
            or not (whole.is_amount or _is_area(whole))
            or (
                not again
                and not _WHOLE_TO_QIZHONG.fullmatch(text[whole.end : m.start()])
                and not _COMPARISON_GAP.match(outside_brackets(text[whole.end : m.start()]))
                # "基本支出预算573.74万元，是指为保障机构正常运转…的支出。其中：…": what the whole is, in words
                and not EXPLAINING_GAP.fullmatch(text[whole.end : m.start()])
                # "共对9个重点项目进行了评价，其中…": a count led by 共, then what was done to them
                and not (
                    whole.kind is Kind.COUNT
                    and _COUNT_LEAD.search(text, max(0, whole.start - 4), whole.start)
                    and _COUNTED_GAP.fullmatch(text[whole.end : m.start()])
                )
            )
            or is_change_amount(text, whole)
        ):
            continue
        if m.group().startswith(("具体情况", "分项情况")) and _last_of_a_list(para, text, whole):
            # "…因公出国（境）费0万元，占0%；公务接待费16.3万元，占63.42%；公务用车…9.4万元，占36.58%。具体
            # 情况如下：1.…": the details are of every item listed, not of the last one
            continue
        if (
            m.group().startswith("具体情况")
            and "其中" in text[sentence_start(text, whole.start) : whole.start]
        ):
            # "其中：A…；B…；C…。具体情况如下：": the details of the parts listed, not C's own breakdown
            continue
        if not again and any(ch in text[whole.end : m.start()] for ch in "。！？!?"):
            # "资产总额1200万元，负债总额300万元，净资产900万元。其中：流动资产…": the 其中 opening the next
            # sentence breaks down the assets, not the net assets that ended the sentence
            opens = sentence_bounds(text, whole.start)[0]
            label = _norm_label(whole.label)
            if (_NET_ASSETS.search(label) or _LIABILITIES.search(label)) and any(
                _ASSETS.search(_norm_label(q.label)) and not _NET_ASSETS.search(_norm_label(q.label))
                for q in para.quantities
                if opens <= q.start < whole.start
            ):
                continue
        s_start, s_end = sentence_bounds(text, m.end())
        parts = _parts_after(para, whole, m.end(), s_end)
        # a list of the next paragraphs that the text's last paragraph cuts off mid-sentence goes on unseen
        cut_off = False
        if not parts and not text[m.end() :].strip():
            parts = _parts_in_following(whole, paragraphs, index)
            cut_off = bool(parts) and _runs_into_cut_end(parts[-1], paragraphs)
        parts = _cut_at_counterpart(whole, _cut_at_closing_total(parts))
        parts = parts + _counts_in_sentences_after(para, text, whole, parts, s_end)
        if _COMPARED_BEFORE.search(text, sentence_bounds(text, whole.start)[0], m.start()) and any(
            _CHANGE_WORD_BEFORE.search(_text_of(p, para, paragraphs), 0, p.start) for p in parts
        ):
            # "…比上年减少1.50万元，其中：公务接待费减少0.50万元": the 其中 breaks down the change (a part
            # named 支持商销稳增长 is a programme when nothing is compared)
            continue
        if len(parts) >= 2 and _designations(text, whole, parts):
            continue  # honours overlap: they add up to nothing
        if _items_of_two_amounts(text, parts):
            continue
        if len(parts) >= 2:
            # a list that runs to the end of its paragraph on a ； or ， (a page break or a cut line in text
            # copied out of a PDF) goes on elsewhere: its parts may add up to less than the whole; "各项重点
            # 支出得到较好保障，其中：…" names the main parts only
            cut = (
                _LIST_GOES_ON.match(text, parts[-1].end) is not None
                or _names_a_selection(para, text, m.start())
                or _main_fund_sources(parts)
                or _staff_by_trait(whole, parts)
                or _some_of_a_government_total(whole, parts)
                or _text_ends_inside(text, parts[-1].end, index == len(paragraphs) - 1)
                or cut_off
                # "…，调出资金2.2亿。结转下年51.1亿元。": the list goes on in a sentence of one more item
                or _CARRY_OVER_SENTENCE.match(text, sentence_end(text, parts[-1].end) + 1) is not None
            )
            b = Breakdown(whole, parts, "其中", complete=not cut)
            if not cut and _each_part_compared(text, parts, s_end) and not _named_members(b):
                # "…收入完成6140万元。其中：A收入5613万元，较上年减收…；B收入294万元，较上年减收…": a revenue
                # report names its main items, each with its own comparison: they may add up to less (the
                # 三公 items, a fixed composition, are all of it)
                b.complete = False
                compared_only.add(id(b))
            found.append(b)
            if m.group("view") and views == 1:
                viewed = whole

    # 1a. "全市一般公共预算支出完成W，下降1.4%。分级次看，市本级支出完成a，…；县区级支出完成b，…，其中：…" — the
    # whole of the sentence before, broken down by level.
    for m in _BY_LEVEL.finditer(text):
        found.extend(_levels_of_the_whole(para, text, m))

    # 1b. "其中在编人员130人：行政人员42人；…" — an amount followed by ： opens its own list.
    for whole in para.quantities:
        if not whole.is_amount or text[whole.end : whole.end + 1] not in ("：", ":"):
            continue
        _, s_end = sentence_bounds(text, whole.end)
        parts = _parts_after(para, whole, whole.end + 1, s_end)
        if len(parts) >= 2:
            found.append(Breakdown(whole, parts, "：", complete=True))

    # 2. "W（其中：A a，B b）" and "W(A a、B b)" — a parenthesised breakdown right after the whole.
    for q in para.quantities:
        if not (q.is_amount or _is_area(q)):
            continue
        after = text[q.end : q.end + 1]
        if after not in ("（", "("):
            continue
        close = _matching_close(text, q.end)
        inner = [
            p
            for p in para.quantities
            if q.end < p.start < close
            and _same_kind(p, q)
            and not p.approx
            and _depth_at(text, q.end, p.start) == 1
        ]
        if len(inner) >= 2 and (
            not _SUBSET_PAREN.match(text[q.end :]) or _PARTS_PAREN.match(text[q.end :])
        ):  # "（含A a）" names a part; "（包括：A a、B b）" the parts, as a list after a colon does
            found.append(Breakdown(q, inner, "括号", complete=True))

    # 3. "W，主要用于A a、B b …" — complete only when every part has its share, or a 合计 closes it.
    for m in _LIST_INTRO.finditer(text):
        whole = _preceding(para, m.start())
        named = None
        if m.group().startswith("主要是"):
            # "…支出完成14179万元，较上年同期减支36662万元，下降72.1%。主要是其他支出5683万元，占比40%，…": the
            # main items of the figure the sentence before compared, each with its share
            whole = (
                _whole_behind_comparison(para, text, m.start())
                if text[m.start() - 1 : m.start()] == "。"
                else None
            )
            if whole is None:
                continue
            named = whole
        elif (
            whole is not None
            and text[whole.end : m.start()].strip() in ("。", ".")
            and m.group().startswith(("具体为", "具体是", "明细为"))
            and not is_change_amount(text, whole)
        ):
            # "全年实现财政非税收入9265.21万元。具体为：A a，B b，…": the next sentence details the figure
            named = whole
        elif whole is not None and len(text[whole.end : m.start()].strip("，,：: ")) > 0:
            named = whole = _whole_named_before(
                para, text, m.start(), paragraphs[index - 1] if index else None
            )
        if (
            whole is None
            or not whole.is_amount
            or (whole is not named and len(text[whole.end : m.start()].strip("，,：: ")) > 0)
            or is_change_amount(text, whole)
        ):
            continue
        _, s_end = sentence_bounds(text, m.end())
        if any(_TOTAL_LABEL.match(q.label) for q in para.quantities if m.end() <= q.start < s_end):
            continue  # a closing 合计 states the list's own total: step 4
        parts = _parts_after(para, whole, m.end(), s_end)
        if not parts and not text[m.end() :].strip():
            parts = _parts_in_following(whole, paragraphs, index)  # "主要用于以下方面：" ⏎ one per line
        if len(parts) >= 2:
            # "包括A、B、C" names every part; "主要用于…", "用于…" and a list closed by 等 name the main ones
            # (and a list the excerpt cuts off is not all there: "…分别是A a，…，F f，科")
            every = (
                m[0].startswith(("包括", "具体包括", "分别", "具体为", "具体是", "明细为"))
                and not _ETC.match(text, parts[-1].end)
                and not _text_ends_inside(text, parts[-1].end, index == len(paragraphs) - 1)
            )
            found.append(b := Breakdown(whole, parts, "主要用于", complete=every))
            if m.group().startswith("主要是"):
                mainly.add(id(b))  # the main items, whatever their shares add up to

    # 4. "…A a、B b，合计W" with no whole before the list.
    for q in para.quantities:
        if not q.is_amount or not _CLOSING_TOTAL.match(q.label):
            continue
        if any(b.whole is q for b in found):
            continue
        s_start, _ = sentence_bounds(text, q.start)
        if _ADD_OPENER.search(text, max(0, s_start - 1), q.start):
            continue  # "A，加上B、C，收入总计T": a running total from A, the chain's (_running_totals)
        intro = list(_LIST_INTRO.finditer(text, s_start, q.start)) + list(
            _QIZHONG.finditer(text, s_start, q.start)
        )
        # an intro inside brackets opens a part's own list ("上级补助收入B（其中：…）、…，收入总计T")
        begin = max((m.end() for m in intro if _depth_at(text, s_start, m.start()) == 0), default=None)
        if begin is None:
            # "人员经费250.00万元，公用经费50.00万元，合计300.00万元": the parts open the sentence, or
            # follow its lead-in ("收支平衡情况：一般公共预算收入A、上级补助收入B…，收入总计T")
            first = next((p for p in para.quantities if p.start >= s_start), q)
            lead = max(text.rfind("：", s_start, first.start), text.rfind(":", s_start, first.start))
            parts = _parts_after(para, q, lead + 1 if lead >= 0 else s_start, q.start)
            if len(parts) >= 2 and not any(_WHOLE_WORDS.search(_PART_NAMES.sub("", p.label)) for p in parts):
                found.append(Breakdown(q, parts, "合计", complete=True))
            continue
        parts = _parts_after(para, q, begin, q.start)
        if len(parts) >= 2:
            found.append(Breakdown(q, parts, "合计", complete=True))

    # 5. "W，A、B、C分别为a、b、c" — the names of a fixed composition (三公 …) right after their whole.
    for m in _RESPECTIVE_IS.finditer(text):
        clause = clause_start(text, m.start())
        whole = _preceding(para, clause)
        if whole is None or not whole.is_amount or text[whole.end : clause].strip("，, ") or clause == 0:
            continue
        run = [q for q in para.quantities if q.start >= m.end()]
        parts = []
        for q in run:
            gap = text[(parts[-1].end if parts else m.end()) : q.start]
            if (parts and not _VALUE_GAP.fullmatch(gap)) or (not parts and gap.strip("：: ")):
                break
            parts.append(q)
        if len(parts) < 2 or any(not _same_kind(p, whole) or p.approx for p in parts):
            continue
        b = Breakdown(whole, parts, "分别为", complete=True)
        if _named_members(b, every=True):
            found.append(b)

    # "全省居民人均可支配收入A，其中城镇居民人均可支配收入a，农村居民…b": averages, not amounts that add up
    found = [b for b in found if not _AVERAGE.search(_norm_label(b.whole.label))]
    # "结余A，其中财政结余a，用事业基金弥补收支差额b" (a = A + b): what makes up a shortfall is taken off, not added
    found = [b for b in found if not any(_MAKES_UP.search(_norm_label(q.label)) for q in b.parts)]
    found = _without_the_outer_siblings(found)
    for b in found:
        _settle_on_matching_run(b, text)
        if b.complete and _main_items_of_a_family(b):
            b.complete = False
    _attach_shares(para, found)
    for b in found:
        if (
            (b.marker == "主要用于" or id(b) in compared_only)
            and id(b) not in mainly
            and len(b.shares) == len(b.parts)
            and _whole_by_shares(b, text)
        ):
            b.complete = True  # every part with its share, and the shares make about 100%: the list is whole
        elif b.complete and len(b.parts) >= 2 and len(b.shares) == len(b.parts) and _shares_fall_short(b):
            # "从层级看：上划中央收入A，占收入的45.24%；上划省级收入B，占14.26%；上划市级收入C，占0.04%" and no
            # more: 59.54% of the whole, its shares say the list stops short (县乡级 left out)
            b.complete = False
    return found


def _shares_fall_short(b: Breakdown) -> bool:
    """The parts' shares add up to well under 100% (under 95%, whatever their rounding), and so do their
    amounts: parts that make their whole are the whole list, one of its shares wrong (P102 says which)."""
    if sum_interval(b.parts).overlaps(interval_of(b.whole)):
        return False
    return sum_interval(list(b.shares.values())).hi < Decimal(95)


_THE_REST = lazy(r"其余|剩余|余下|其他为")


_OWN_COMPARISON = lazy(r"(?:较|比)(?:上年|去年|上年同期|同期|(?:19|20)\d\d\s*年)|同比")


def _each_part_compared(text: str, parts: list[Quantity], end: int) -> bool:
    """Every part is followed, before the next one, by a comparison of its own (较上年…, 同比…)."""
    bounds = [p.start for p in parts[1:]] + [end]
    return all(_OWN_COMPARISON.search(text, p.end, b) for p, b in zip(parts, bounds, strict=True))


def _whole_by_shares(b: Breakdown, text: str) -> bool:
    """The parts' shares make about 100% (within five points: a sum of 98.10% or 100.07% is the whole list
    with a slip, which S101 or P102 reports) and the text does not go on to the rest ("…占12.05%。其余为卫生健康
    和住房保障支出": 90.72%, the main uses only)."""
    total = sum_interval(list(b.shares.values()))
    after = text[b.parts[-1].end : b.parts[-1].end + 60]
    return total.overlaps(Interval(Decimal(95), Decimal(105))) and not _THE_REST.search(after)


# Between a figure and its 其中, a comparison or a rate about it: "，比上年增加3.20万元，增长10.00%，"
_COMPARISON_GAP = lazy(
    r"[，,]\s*(?:比|较|同比|与|完成|占|为(?:年初|调整后?的?|全年|变动后的?|年)?预算"
    r"|(?=(?:增加|减少|增长|下降|负增长)了?\s*\d)"
    r"|\p{Han}{0,6}(?:执行|完成|支出|到位|使用)率)[^；;：:]{0,50}?[，,。；;]\s*"
    r"(?:位居[^，,；;。]{0,12}第\s*\d{1,3}\s*位[，,。]\s*)?$"  # "，位居全市第9位。": a rank, no figure of it
)  # "…65300万元，增长4.6%，其中：": a bare change of the whole, its comparison unnamed; "为调整预算的96.5%";
# "实际执行9265.35万元，项目执行率88.74%。其中…": the whole's own rate


_SELECTION = lazy(r"重点|主要|部分|大项|较大的")
_EXPLAINS_WHOLE = lazy(r"\s*(?:主要(?:是|为|用于|包括)|是指|系)")


_TRAIT = lazy(r"学历|学位|党员|女性|女职工|少数民族|研究生|博士|硕士|本科|大专|中专")


_COUNT_SENTENCE = lazy(r"\s*(?P<name>\p{Han}{2,12}?)(?:为|有|共)?\s*(?P<n>\d+)\s*(?P<unit>人|名)\s*[。]")
# people the staff counts never hold: the retired, the quota, pupils and patients
_NOT_STAFF = lazy(r"退休|离休|离退|遗属|编制|学生|幼儿|患者|病人|服务对象|供养")


def _counts_in_sentences_after(
    para: Paragraph, text: str, whole: Quantity, parts: list[Quantity], s_end: int
) -> list[Quantity]:
    """ "共有职工148人。其中在编人员130人：行政人员42人；…；非参公事业人员38人。经费自理人员18人。": a part whose
    own list runs to the sentence's end leaves the next parts to sentences of one count each, running to the
    end of the paragraph (a sentence of anything else there, and the list is the 其中 sentence's alone). People
    never among the staff ("离退休人员50人。"), or named unlike the parts (each part's name ends as its siblings'
    do: 在编人员, 经费自理人员), end nothing: the list is the 其中 sentence's."""
    if whole.kind is not Kind.COUNT or not parts or not text[s_end : s_end + 1] == "。":
        return []
    more = []
    at = s_end + 1
    while at < len(text.rstrip()):
        m = _COUNT_SENTENCE.match(text, at)
        if m is None or m.group("unit") != whole.unit or _NOT_STAFF.search(m.group("name")):
            return []
        if not any(_norm_label(p.label).endswith(m.group("name")[-2:]) for p in parts):
            return []  # "…其中安排特殊群体就业2621人。年末城镇登记失业人数9099人。": not one more of the same kind
        q = next((q for q in para.quantities if q.start == m.start("n")), None)
        if q is None or q.approx:
            return []
        more.append(q)
        at = m.end()
    return more


def _staff_by_trait(whole: Quantity, parts: list[Quantity]) -> bool:
    """ "在岗职工2507人，其中具有博士或硕士学历学位335人，本科学历1430人": people counted by a trait (degree,
    membership, sex) are the ones named, not all of them (高级/中级/初级职称 do make up the titled staff)."""
    return whole.kind is Kind.COUNT and any(_TRAIT.search(normalise(p.label)) for p in parts)


_DESIGNATION = lazy(r"重点|领先|示范|先进|共建|特色|品牌|标准化|优秀|星级|精品")


def _designations(text: str, whole: Quantity, parts: list[Quantity]) -> bool:
    """ "科室47个。其中：2个省重点专科（…）；3个市领先学科（…）；11个省市共建学科": counts of honours, which overlap
    (one 科 may hold two), are no partition of the whole."""
    return whole.kind is Kind.COUNT and any(_DESIGNATION.search(text, p.end, p.end + 8) for p in parts)


_BROAD_TOTAL = lazy(r"总(?:支出|收入)$")
_BALANCE_TOTAL = lazy(r"(?:收入|支出)总计$")
_TRANSFER_ITEM = lazy(r"上解|还本|转移|调出|调入|结转|结余|补助|债务|债券|返还|安排预算稳定")
_GOVERNMENT_BUDGET = lazy(r"全[省市州盟县区旗镇乡]|本级|一般公共预算|公共财政预算|政府性基金")


def _some_of_a_government_total(whole: Quantity, parts: list[Quantity]) -> bool:
    """ "全镇一般公共预算总支出43.27亿元…。其中，基本经费支出…，专项经费支出…，基建工程支出…": a government's
    总支出 (or 总收入) also holds its transfers and debt service; kinds of spending without them are some of it."""
    label = _norm_label(whole.label)
    if not _GOVERNMENT_BUDGET.search(label):
        return False  # (a unit's 总收入 is all its sources: 财政拨款, 事业收入…)
    if _BALANCE_TOTAL.search(label):
        # "市本级一般公共预算支出总计2179.19亿元，其中：一般公共预算支出1140.3亿元，…，结转下年支出51.79亿元": the
        # 其中 of a 收支平衡 total names its main items; the whole list is written with 加上… (I101)
        return True
    return bool(_BROAD_TOTAL.search(label)) and not any(
        _TRANSFER_ITEM.search(normalise(p.label)) for p in parts
    )


def _main_fund_sources(parts: list[Quantity]) -> bool:
    """A social insurance fund's income by its main sources ("其中：保险费收入…；财政补贴收入…"): the fund
    also earns interest and other income, which such a list leaves out unless it names them."""
    labels = [normalise(p.label) for p in parts]
    return any("保险费收入" in label for label in labels) and not any(
        _OTHER_FUND_INCOME.search(label) for label in labels
    )


_OTHER_FUND_INCOME = lazy(r"利息|其他|其它|转移|委托投资")


def _names_a_selection(para: Paragraph, text: str, pos: int) -> bool:
    """Whether the clause before 其中, a clause of words without the whole's figure, says the parts are a
    selection ("全省财政支出875.94亿元，…。各项重点支出得到较好保障，其中：…"); "共对9个重点项目进行了评价，
    其中…" counts the 9 projects in its own clause, all of them."""
    begin = clause_start(text, max(0, pos - 1))
    if any(begin <= q.start < pos for q in para.quantities):
        return False
    # "…决算数为3039.16亿元，主要是在职人员劳动报酬等。其中：" says what the whole is, not which parts
    if explaining := _EXPLAINS_WHOLE.match(text, begin):
        begin = explaining.end()
    return bool(_SELECTION.search(text, begin, pos))


# (stricter than _COMPARED_WITH: 与 also stands inside names, "文化旅游体育与传媒支出")
_FROM_VALUE_BEFORE = lazy(r"(?:由|从)[^，,；;。\d]{0,12}$")
_FROM_VALUE_AFTER = lazy(r"\s*(?:调整|调增|调减|变更|追加|增加|减少|压减|核减)?(?:为|到|至)")
_PRIOR_OF_COMPARISON = lazy(
    r"(?:比|较|与)\s*(?:上年|去年|上一年|(?:19|20)\d\d\s*年)度?(?:同期)?(?:决算|预算|执行)?数?的?\s*$"
)
_COMPARED_WITH = lazy(r"(?:比|较|与)[^，,；;。]{0,12}$")
_COMPARED_BEFORE = lazy(r"比|较|同比|上年|去年")
_CHANGE_WORD_BEFORE = lazy(rf"(?P<dir>{UP_WORDS}|{DOWN_WORDS}|持平)了?\s*$")


def _text_of(q: Quantity, para: Paragraph, paragraphs: list[Paragraph]) -> str:
    """The normalised text of the paragraph that holds ``q``."""
    if any(p is q for p in para.quantities):
        return normalise(para.text)
    for other in paragraphs:
        if any(p is q for p in other.quantities):
            return normalise(other.text)
    return ""


def _named_in_sentence_before(para: Paragraph, text: str, pos: int, name: str) -> Quantity | None:
    """The first amount of the sentence before ``pos`` whose label holds ``name`` (quotes aside)."""
    want = _norm_label(name)
    if len(want) < 2 or _NOT_A_NAME.search(want):
        return None
    opens = sentence_bounds(text, max(0, pos - 1))[0]
    for q in para.quantities:
        if opens <= q.start < pos and q.is_amount and not q.approx and not is_change_amount(text, q):
            return q if want in _norm_label(q.label) else None
    return None


# "工作中，" "执行过程中，": when, not what
_NOT_A_NAME = lazy(r"(?:过程|工作|执行|实施|使用|管理|实际|年度|期间|实践|推进|检查)$")


def _whole_behind_comparison(para: Paragraph, text: str, pos: int) -> Quantity | None:
    """The amount before a trailing comparison or rate clause that ends right before ``pos``."""
    for q in reversed([q for q in para.quantities if q.end <= pos]):
        if q.kind in (Kind.PERCENT, Kind.POINTS) or is_change_amount(text, q):
            continue  # "…，快于序时进度3.4个百分点，下降4%。其中："
        if _COMPARED_WITH.search(text, clause_start(text, q.start), q.start):
            continue  # "…合计42.8万元，比2023年的40.6万元，增加…": the year compared with, not the whole
        if _BASE_OF_ITS_RATE.match(text, q.end):
            continue  # "…969万元，占年初预算2180万元的44.5%，…": the budget the rate is of, not the whole
        gap = outside_brackets(text[q.end : pos])  # "28,583万元（自然口径），占调整预算…"
        if q.is_amount and "其中" not in gap and _COMPARISON_GAP.match(gap):
            return q
        return None
    return None


# "…收支总预算1000000.00元。支出包括：…": a sentence that opens with the whole's name and a list
_NAMED_LIST = lazy(r"(?:^|[。；;])\s*(?P<name>(?:本年|当年)?(?:收入|支出))\s*$")


def _whole_named_before(
    para: Paragraph, text: str, pos: int, previous: Paragraph | None = None
) -> Quantity | None:
    """The one amount of the sentence before, when this one opens with 支出/收入 and its label names it.

    "收支总预算W。收入包括：⏎ 一般公共预算拨款W。支出包括：…": after the list of income, the list of spending
    is of the 收支 total that opened the list of income, in the paragraph above.
    """
    m = _NAMED_LIST.search(text, 0, pos)
    if m is None:
        return None
    start = sentence_bounds(text, max(0, m.start("name") - 1))[0] if m.start("name") > 0 else 0
    amounts = [
        q for q in para.quantities if start <= q.start < m.start("name") and q.is_amount and not q.approx
    ]
    if len(amounts) == 1 and m.group("name")[-2] in normalise(amounts[0].label):
        return amounts[0]
    if start > 0:
        # "收支总预算W。收入包括：A a、B b；支出包括：…" in one paragraph: the sentence that opens with the
        # other list comes right after the one that states the 收支 total
        other = _OTHER_LIST_HERE.match(text, start)
        if other is None or other.group("name") == m.group("name")[-2:]:
            return None
        before = sentence_bounds(text, start - 1)[0]
        totals = [
            q
            for q in para.quantities
            if before <= q.start < start and q.is_amount and not q.approx and "收支" in normalise(q.label)
        ]
        return totals[0] if len(totals) == 1 else None
    if previous is None:
        return None
    above = normalise(previous.text)
    opener = _OTHER_LIST_OPENS.search(above)
    if opener is None or opener.group("name") == m.group("name")[-2:]:
        return None
    begin = sentence_bounds(above, max(0, opener.start() - 1))[0]
    totals = [
        q
        for q in previous.quantities
        if begin <= q.start < opener.start() and q.is_amount and not q.approx and "收支" in normalise(q.label)
    ]
    return totals[0] if len(totals) == 1 else None


_OTHER_LIST_OPENS = lazy(r"[。；;]\s*(?P<name>收入|支出)(?:主要)?包括\s*[：:]\s*$")
_OTHER_LIST_HERE = lazy(r"\s*(?P<name>收入|支出)(?:主要)?包括\s*[：:]")


def _settle_on_matching_run(b: Breakdown, text: str) -> None:
    """Prefer a contiguous run of parts that adds up to the whole over the full list.

    "共申请工伤案件220件，其中受理218件，不予受理2件，认定工伤209件…": 218 + 2 = 220 is the
    breakdown the author meant; what follows breaks down the 218. Likewise a leading figure
    of another measure (年初预算2074.50万元 before the actual 2912.07 + 40.04).
    """
    whole = interval_of(b.whole)
    if len(b.parts) > 30 or sum_interval(b.parts).overlaps(whole):
        return
    if _named_members(b):
        return  # each part is a different member of the whole's fixed composition: none is another topic
    if _REMAINDER.match(normalise(b.parts[-1].label)):
        return  # a list that closes with 其他… (其他用车, 其他收入) names the rest: it is the whole list
    if _parallel_names(b, text):
        return  # "编制人数42，其中：行政编制人数19、…、自收自支编制人数13人": one enumeration, all of it
    n = len(b.parts)
    # running sums of value and half-unit: each run's interval in constant time
    values = list(accumulate((q.base_value for q in b.parts), initial=Decimal(0)))
    halves = list(accumulate((q.half_unit for q in b.parts), initial=Decimal(0)))
    runs = [(n - k, n) for k in range(n - 1, 1, -1)]
    if b.marker != "合计":  # a closing 合计 totals the items right before it: never a leading run alone
        runs = [(0, k) for k in range(n - 1, 1, -1)] + runs
    for i, j in runs:  # prefixes first, then suffixes: a run in the middle is no evidence
        value, half = values[j] - values[i], halves[j] - halves[i]
        if Interval(value - half, value + half).overlaps(whole):
            b.parts = b.parts[i:j]
            return
    # no run fits: the slip is reported against the list as written, the leading items joined by 、 up to the
    # first ， ("在职人数56人，包括A a、B b、C c、D d，离休人员e，退休人员f": the retired belong to the outer list)
    if not _INNER_WHOLE.search(text, clause_start(text, b.whole.start, "。；;"), b.whole.start):
        return  # (a list of its own may join its items by 、 and ， alike: "主要用于A a、B b，C c")
    for k, (a, c) in enumerate(pairwise(b.parts), start=1):
        gap = text[a.end : c.start]
        if "、" in gap and not any(ch in gap for ch in "，,；;。"):
            continue
        if k >= 2 and "、" not in gap and any(ch in gap for ch in "，,"):
            b.parts = b.parts[:k]
        return


def _parallel_names(b: Breakdown, text: str) -> bool:
    """Whether the parts are one enumeration of the whole's kind, none another topic: listed with 、 only,
    and the whole and every part end their names alike, in three characters or more (…编制人数)."""
    if any(q.line != b.whole.line for q in b.parts):
        return False
    for a, c in pairwise(b.parts):
        gap = text[a.end : c.start]
        if "、" not in gap or any(ch in gap for ch in "，,；;。"):
            return False
    labels = [_norm_label(q.label) for q in (b.whole, *b.parts)]
    shortest = min(len(label) for label in labels)
    common = 0
    while common < shortest and len({label[len(label) - common - 1] for label in labels}) == 1:
        common += 1
    return common >= 3


# Wholes whose composition is fixed by the classification, with a pattern for each member
# (三公 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费; 政府采购 = 货物 + 工程 + 服务).
_COMPOSITIONS = [
    (
        lazy(r"三公"),
        [lazy(r"出国|出境"), lazy(r"公务用车|车辆"), lazy(r"接待")],
    ),
    (
        lazy(r"政府采购"),
        [lazy(r"货物"), lazy(r"工程"), lazy(r"服务")],
    ),
    # a revenue total of the general budget: its taxes and the rest (非税收入)
    (
        lazy(r"(?:一般公共预算|财政|地方)\p{Han}{0,6}收入"),
        [lazy(r"(?<!非)税收"), lazy(r"非税")],
    ),
]


_REMAINDER = lazy(r"^(?:其他|其它)\p{Han}{1,8}$")


def _named_members(b: Breakdown, every: bool = False) -> bool:
    """Every part names a different member of the whole's fixed composition (and no two share one);
    ``every``: and every member is named."""
    for whole_pattern, members in _COMPOSITIONS:
        if not whole_pattern.search(normalise(b.whole.label)):
            continue
        taken: set[int] = set()
        for part in b.parts:
            label = normalise(part.label)
            hits = [i for i, m in enumerate(members) if m.search(label)]
            if len(hits) != 1 or hits[0] in taken:
                return False
            taken.add(hits[0])
        return not every or len(taken) == len(members)
    return False


_AVERAGE = lazy(r"人均|平均|户均|亩均")
_MAKES_UP = lazy(r"弥补")
_INNER_WHOLE = lazy(
    r"\d\s*[^\d，,；;。]{0,3}[，,]?\s*其中\s*[：:，,]?[^\d]*$"
)  # "N人，其中：在职人数" before the whole


def _without_the_outer_siblings(found: list[Breakdown]) -> list[Breakdown]:
    """ "新增债务限额W，其中一般债务a，其中外债转贷a1；专项债务b": the inner 其中 ends where the outer list goes
    on; b is a's sibling, not one of a's parts (an inner list left with one part is none)."""
    kept = []
    for b in found:
        outer = next((o for o in found if o is not b and b.whole in o.parts), None)
        if outer is not None:
            b.parts = [p for p in b.parts if p not in outer.parts]
            if len(b.parts) < 2:
                continue
        kept.append(b)
    return kept


def _cut_at_counterpart(whole: Quantity, parts: list[Quantity]) -> list[Quantity]:
    """The parts before the whole's counterpart: "全县金融机构存款余额W，…，其中，住户储蓄存款余额a，…；金融机构
    贷款余额L…" goes on to the loans, an aggregate beside the deposits, not one of their parts."""
    core = _SCOPE_LEAD.sub("", _norm_label(whole.label))
    counterparts = {core.replace(a, b) for a, b in _COUNTERPARTS if a in core}
    for i, p in enumerate(parts):
        if _SCOPE_LEAD.sub("", _norm_label(p.label)) in counterparts:
            return parts[:i]
    return parts


_SCOPE_LEAD = lazy(
    r"^(?:(?:19|20)\d\d年度?)?(?:全年|年末|年初|当年|本年)?(?:全[省市州盟县区旗镇乡])?(?:实现|完成)?"
)
_COUNTERPARTS = (
    ("存款", "贷款"),
    ("贷款", "存款"),
    ("收入", "支出"),
    ("支出", "收入"),
    ("资产", "负债"),
    ("负债", "资产"),
)


def _main_items_of_a_family(b: Breakdown) -> bool:
    """Parts all of one long family that a report names only its main members of: taxes under 税收收入 ("其中，
    增值税a；企业所得税b；个人所得税c；土地增值税d"), a government's spending by functional class ("全年公共财政预算
    支出W，其中，教育支出a，…，科学技术支出h"). Without 其他 they are the largest, not all of them; a unit's
    财政拨款 spending by class is all of it."""
    labels = [normalise(p.label) for p in b.parts]
    if any(_OTHER_MEMBER.search(label) for label in labels):
        return False
    if all(_TAX_NAME.search(label) for label in labels):
        return True
    if all(_FARM_BRANCH.search(label) for label in labels) and "农林牧渔" in _norm_label(b.whole.label):
        return True  # "农林牧渔业增加值W，其中，农业a；林业b；牧业c；渔业d": its 服务业 is left out
    whole = _norm_label(b.whole.label)
    return (
        all(_FUNCTIONAL_CLASS.search(label) for label in labels)
        and "财政拨款" not in whole
        and (bool(_REGION_OR_LEVEL.search(whole)) or b.whole.unit.startswith("亿"))
    )


_OTHER_MEMBER = lazy(r"其他|其它")
_FARM_BRANCH = lazy(r"^(?:农业|林业|牧业|畜牧业|渔业)(?:增加值|总产值|产值)?$")
_TAX_NAME = lazy(
    r"(?:增值|消费|营业|企业所得|个人所得|资源|城市维护建设|城建|房产|印花|城镇土地使用|土地增值|车船|耕地占用|契|烟叶"
    r"|环境保护|关)[税稅]$"
)
_FUNCTIONAL_CLASS = lazy(
    r"(?:一般公共服务|外交|国防|公共安全|教育|科学技术|文化(?:旅游)?体育与传媒|社会保障和就业|卫生健康|医疗卫生(?:与计划生育)?"
    r"|节能环保|城乡社区(?:事务)?|农林水(?:事务)?|交通运输|资源勘探(?:工业)?信息等|商业服务业等|金融|援助其他地区"
    r"|自然资源海洋气象等|国土海洋气象等|住房保障|粮油物资储备|灾害防治及应急管理|债务付息)支出$"
)
_REGION_OR_LEVEL = lazy(r"全[省市州盟县区旗镇乡]|本级|公共财政预算|地方")


def _cut_at_closing_total(parts: list[Quantity]) -> list[Quantity]:
    for i, p in enumerate(parts):
        if _TOTAL_LABEL.match(p.label):
            return parts[:i]
    return parts


def _parts_in_following(whole: Quantity, paragraphs: list[Paragraph], index: int) -> list[Quantity]:
    """'基本支出2358.51万元，其中：' with each part leading one of the next paragraphs."""
    parts = []
    level: int | None = None  # the numbering of the items, when they are numbered: （一） （二） （三）
    number = 0
    for para in paragraphs[index + 1 : index + 13]:
        if not para.quantities:
            break
        ordinal = para.ordinal
        if para.heading is not None or ordinal is not None:
            # a numbered item with its amount ("（三）公务接待费0.83万元。") may look like a heading: it
            # continues the list when it has the numbering of the items before it, and the next number
            this = (ordinal or para.heading).level, (ordinal or para.heading).number
            if level is None and parts:
                break
            if level is not None and this[0] > level:
                continue  # "（二）…1116.14万元。其中：" ⏎ "1、…" ⏎ "2、…" ⏎ "（三）…": an item's own sub-items
            if level is not None and (this[0] != level or this[1] != number + 1):
                break
            level, number = this
        elif level is not None:
            return []  # a numbered list broken by an unnumbered line with figures: its end is unclear
        first = para.quantities[0]
        if first.start > 30 or not _same_kind(first, whole) or first.approx:
            break
        if _second_amount_of_item(para, first):
            return []  # "6.调入一般公共预算资金2万元、政府性基金预算资金13万元。": the item is more than its first figure
        parts.append(first)
        if _NEXT_LIST.search(normalise(para.text), first.end):
            break  # "一般公共预算拨款520000元。支出包括：…": the item ends its list of income, spending follows
    return parts


_BUDGET_TOTAL = lazy(r"(?:一般公共预算|政府性基金预算?|财政总)(?:收入|支出)(?:完成|为|是|达到?)?$")
_BY_LEVEL = lazy(r"(?<=[。；;]\s*)分(?:级次|层级|级)(?:来)?看\s*[，,：:]")


def _levels_of_the_whole(para: Paragraph, text: str, m: regex.Match) -> list[Breakdown]:
    """The one whole-region figure of the sentence before "分级次看", and the figure of each level after it up to
    the first 其中 (the levels' own parts: "县区级…，其中：区级…；县级…")."""
    before = sentence_start(text, max(0, m.start() - 1))
    wholes = [
        q
        for q in para.quantities
        if before <= q.start < m.start()
        and q.is_amount
        and not is_change_amount(text, q)
        and _WHOLE_LEVEL.search(text, clause_start(text, q.start), q.start)
    ]
    if not wholes:
        # "全市财政总收入完成X。一般公共预算收入完成W，下降p%；税收收入完成a…。分级次看，…": the paragraph has
        # named the whole region, and the sentence's lead figure is a budget's total
        lead = next(
            (q for q in para.quantities if before <= q.start < m.start() and q.is_amount and not q.approx),
            None,
        )
        if (
            lead is not None
            and _BUDGET_TOTAL.search(normalise(lead.label))
            and not is_change_amount(text, lead)
            and _WHOLE_LEVEL.search(text, 0, lead.start)
        ):
            wholes = [lead]
    if len(wholes) != 1:
        return []
    whole = wholes[0]
    end = sentence_end(text, m.end())
    inner = text.find("其中", m.end(), end)
    end = inner if inner >= 0 else end
    parts = [
        q
        for q in para.quantities
        if m.end() <= q.start < end
        and _same_kind(q, whole)
        and depth_at(text, q.start) == 0
        and not is_change_amount(text, q)
        and not q.approx
    ]
    if len(parts) < 2 or not all(
        _names_a_part_level(text[clause_start(text, p.start) : p.start]) for p in parts
    ):
        return []
    return [Breakdown(whole, parts, "其中", complete=True)]


def _names_a_part_level(clause: str) -> bool:
    """A level below the whole region (市本级, 县区级, 区级…), not the whole (全市) nor 中央/地方."""
    return any(
        not _WHOLE_LEVEL.fullmatch(m.group()) and m.group() not in ("中央", "地方", "全国")
        for m in LEVEL_WORDS.finditer(clause)
    )


def _second_amount_of_item(para: Paragraph, first: Quantity) -> bool:
    """Whether an item's paragraph states a second amount of its own beside its first: outside brackets, before
    any 其中, neither a change nor a rate's base."""
    text = normalise(para.text)
    own_end = text.find("其中")
    own_end = len(text) if own_end < 0 else own_end
    return any(
        q is not first
        and q.start < own_end
        and _same_kind(q, first)
        and depth_at(text, q.start) == 0
        and not is_change_amount(text, q)
        and not _RATE_BASE_AFTER.match(text, q.end)
        and not _BASE_OF_ITS_RATE.match(text, q.end)
        for q in para.quantities
    )


def _last_of_a_list(para: Paragraph, text: str, whole: Quantity) -> bool:
    """Whether the whole closes a list of items of its sentence: an amount of its kind, no change, stands
    before it in the sentence, a ；or 、 between them."""
    opens = sentence_bounds(text, whole.start)[0]
    return any(
        opens <= q.start < whole.start
        and _same_kind(q, whole)
        and not is_change_amount(text, q)
        and _LIST_SEPARATOR.search(text, q.end, whole.start)
        for q in para.quantities
    )


def _items_of_two_amounts(text: str, parts: list[Quantity]) -> bool:
    """ "…累计11819户。其中，新增个体工商户824户，累计9139户，…；新增私营企业191户，累计1480户…": an item
    with two amounts (the year's and the running total), the second without a name of its own; which of
    them make the whole is not for a list to say."""
    return any(
        not _norm_label(later.label)
        and _norm_label(earlier.label)
        and not _LIST_SEPARATOR.search(text, earlier.end, later.start)
        # a word of its clause before it ("，累计9139户"); "，1件认定工伤…" is named after its figure
        and _HAN.search(text, clause_start(text, later.start), later.start)
        for earlier, later in pairwise(parts)
        if earlier.line == later.line
    )


_HAN = lazy(r"\p{Han}")


_LIST_SEPARATOR = lazy(r"[；;、]")
_NEXT_LIST = lazy(r"[。；;]\s*(?:本年|当年)?(?:收入|支出)(?:主要)?(?:包括|构成如下|情况如下)\s*[：:]")


def _matching_close(text: str, open_pos: int) -> int:
    depth = 0
    for i in range(open_pos, len(text)):
        if text[i] in "（(":
            depth += 1
        elif text[i] in "）)":
            depth -= 1
            if depth == 0:
                return i
    return len(text)


# ----------------------------------------------------------------------------- shares


def _share_match(para: Paragraph, pct: Quantity) -> tuple[regex.Match | None, int]:
    text = normalise(para.text)
    clause_begin = clause_start(text, pct.start)
    clause = text[clause_begin : pct.start]
    return _SHARE_BEFORE.search(clause) or _TAX_SHARE_BEFORE.search(clause), clause_begin


# "其中税收收入完成a，…，税性比为84%": the tax revenue's share of the whole it is part of, by its own name
_TAX_SHARE_BEFORE = lazy(r"(?P<base>)(?:税性比|税收占比|税占比)(?:为|达到?|是)?\s*$")


def _attach_shares(para: Paragraph, breakdowns: list[Breakdown]) -> None:
    """Record on each breakdown which of its parts carries its share (占y%, 占<whole>的y%) right after it."""
    for pct in para.quantities:
        if pct.kind is not Kind.PERCENT:
            continue
        m, offset = _share_match(para, pct)
        if m is None:
            continue
        base = _norm_label(m.group("base"))
        part = _part_before(para, offset + m.start())
        for b in breakdowns:
            if part is None or part not in b.parts:
                continue
            whole = _DONE_TAIL.sub("", _norm_label(b.whole.label))  # "一般公共预算收入完成151亿元"
            if base and not (len(base) >= 2 and whole.endswith(base)):
                continue  # 占X的y% with X another figure than this breakdown's whole
            b.shares[b.parts.index(part)] = pct


def _part_before(para: Paragraph, pos: int) -> Quantity | None:
    """The amount a 占 refers to: the last amount before it, at most one clause back."""
    text = normalise(para.text)
    # "项目支出100.00万元（其中专项业务费50.00万元），占本年支出的25.00%": a figure in a closed bracket
    # belongs to the bracket; the share is of the figure before it
    level = depth_at(text, pos)
    candidates = [q for q in para.quantities if q.end <= pos and depth_at(text, q.start) <= level]
    if not candidates:
        return None
    q = candidates[-1]
    amounts = [c for c in candidates if c.is_amount]
    gap_to_share = outside_brackets(text[amounts[-1].end : pos]).lstrip() if amounts else ""
    if q.kind is Kind.PERCENT and amounts and (named := _RESTATED_NAME.search(gap_to_share)):
        # "…其中民生支出完成868.04亿元，同比增长5.6%，民生支出占一般公共预算支出的比重达79.1%": the share's
        # clause names the figure again
        label = _DONE_TAIL.sub("", _norm_label(amounts[-1].label))
        if len(named.group("name")) >= 2 and label.endswith(_norm_label(named.group("name"))):
            gap_to_share = gap_to_share[: named.start("name")]
    if q.kind is Kind.PERCENT and amounts and _OWN_RATES.fullmatch(gap_to_share):
        # "税务部门完成13,866万元，占调整预算100.93%，占一般公共预算收入的48.51%": another rate of the
        # figure stands between it and this share
        q = amounts[-1]
        return None if is_change_amount(text, q) else q
    if not q.is_amount or is_change_amount(text, q):
        return None  # "…，增收10304万元，税收收入占地方财政收入66.19%": a change is no part of a share
    gap = outside_brackets(text[q.end : pos])
    if sum(gap.count(ch) for ch in "，,；;。") > 1 or any(ch in gap for ch in "。；;"):
        return None
    if _SUMMED_BEFORE_SHARE.search(gap):
        return None  # "经营收入16.35万元，附属单位上缴收入3.36万元，两项合计占0.1%": the share of a sum
    return q


# the figure's own rates before its share: "…完成95.1亿元，增长19.9%，占一般公共预算收入的63%"
_OWN_RATES = lazy(
    r"(?:[，,]\s*(?:(?:完成|占|为|达到?|(?:较|比|超)均衡进度)[^，,；;。]{0,20}?|(?:同比|比上年|较上年)?"
    r"(?:增长|下降|降低|提高|减少|增加)了?)\d+(?:\.\d+)?\s*[%％]\s*){1,3}[，,]\s*"
)
_RESTATED_NAME = lazy(r"[，,]\s*(?P<name>[\p{Han}“”\"]{2,12})\s*$")
_SUMMED_BEFORE_SHARE = lazy(r"合计|共计|累计|总计|[两二三四五六七八九十]项|以上|上述")
_LABEL_NOISE = lazy(r"20\d\d\s*年度?|本年度|本年|当年|全年|的|\s")


def _norm_label(label: str) -> str:
    label = _LABEL_NOISE.sub("", LEADING_ORDINAL.sub("", normalise(label)))
    return QUOTES.sub("", label)


def _label_index(doc: Document) -> dict[str, list[tuple[str, Quantity]]]:
    """Amounts by the last two characters of their normalised label, in document order.

    Every match _resolve_base_label accepts (equal labels, or one ending with the other) shares
    the last two characters, so a bucket holds all candidates: the lookup stays linear overall.
    """
    index = doc.__dict__.get("_label_index")
    if index is None:
        index = {}
        for q in doc.quantities:
            if q.is_amount:
                # "全区一般公共预算支出累计完成397641万元": the amount of 一般公共预算支出, whatever verb follows
                have = _DONE_TAIL.sub("", _norm_label(q.label))
                if len(have) >= 2:
                    index.setdefault(have[-2:], []).append((have, q))
        doc.__dict__["_label_index"] = index
    return index


_STAGE_TAIL = lazy(r"(?:年初|全年|调整后?)?(?:预算|决算)(?:数)?$")
# (a budget's "…收入安排44.2亿元" is the amount of that 收入 as much as "…收入完成" is)
_DONE_TAIL = lazy(r"(?:累计|实际)?(?:完成|实现|达到|达)(?:了)?$|(?:为|是)$|(?<=收入|支出)安排$")


def _share_of_its_own(doc: Document, q: Quantity, want: str) -> bool:
    """Whether ``q`` is followed by its own share of the base named ``want`` ("6000元，占本年支出的75%")."""
    paragraphs = doc.paragraphs
    firsts = doc.__dict__.get("_paragraph_lines")
    if firsts is None:
        firsts = doc.__dict__["_paragraph_lines"] = [p.line for p in paragraphs]
    i = bisect_left(firsts, q.line + 1) - 1
    if i < 0:
        return False
    text = normalise(paragraphs[i].text)
    if text[q.start : q.end] != normalise(q.text):
        return False  # a figure of a table cell, or of another paragraph
    m = SHARE_AFTER.match(text, q.end)
    return m is not None and _norm_label(m.group("base")) == want


def _resolve_base_label(doc: Document, para: Paragraph, part: Quantity, label: str) -> Quantity | None:
    """The figure named as a share's base: the nearest one before the part, else the first after it."""
    want = _norm_label(label)
    if len(want) < 2:
        return None
    places, fitting = _fitting(doc, want, part)
    if not fitting and (bare := _STAGE_TAIL.sub("", want)) != want and len(bare) >= 4:
        # "占项目支出预算71.42%" of the "项目支出620000元" above: the stage word names no other figure
        places, fitting = _fitting(doc, bare, part)
    if not fitting and want.endswith("总量") and len(want) >= 6:
        # "占一般公共预算支出总量的83%" of the "一般公共预算支出累计完成75.28亿元" above: 总量 is the whole amount
        places, fitting = _fitting(doc, want[:-2], part)
    exact = [
        (at, q)
        for at, q in zip(places, fitting, strict=True)
        if q.line == part.line and q.start < part.start and _norm_label(q.label) == want
    ]
    if exact:
        # "其中：一般公共预算财政拨款收入300万元，占财政拨款收入的75%；政府性基金…": the figure of the
        # paragraph named so, not a part whose name ends with the name
        places, fitting = [at for at, _ in exact], [q for _, q in exact]
    split = bisect_left(places, (part.line, part.start))
    before = [q for q in (fitting[i] for i in (split - 1, split - 2, split - 3) if i >= 0) if q is not part]
    # "基本支出6000元，占本年支出的75%；⏎ 项目支出2000元，占本年支出的25%": a figure with its own share of
    # the base is a part of it, not the base (the item on the line above is not the 本年支出 above it)
    if before:
        base = next((q for q in before if not _share_of_its_own(doc, q, want)), None)
        if base is not None and base is before[0] and base.line == part.line:
            # "县本级…收入完成A，…，其中税收收入完成a，占一般公共预算收入的p%": the whole the part's own sentence
            # names (or the sentence before, when the part's opens with 其中), whatever other levels the
            # paragraphs above speak of
            text = normalise(para.text)
            opens = sentence_start(text, part.start)
            if opens <= base.start or (
                OPENS_WITH_QIZHONG.match(text, opens)
                and sentence_start(text, max(0, opens - 1)) <= base.start
            ):
                return base
        if base is not None and _levels_differ(base, before, want):
            return _level_of_part(part, fitting[:split])
        return base
    for i in (split, split + 1):
        if i < len(fitting) and fitting[i] is not part:
            return fitting[i]
    return None


_WHOLE_LEVEL = lazy(r"全[国省市县区州盟旗乡镇]")


def _level_of_part(part: Quantity, earlier: list[Quantity]) -> Quantity | None:
    """Among a base name's figures of several levels, the one a part's share means: the last of the part's
    own level when it names one ("盟本级民生支出…，占一般公共预算支出的p%"), else the one figure of the whole
    (全盟…支出累计完成W: "财政支出中，民生支出A，占一般公共预算支出的p%"), else none."""
    own = level_of(_norm_label(part.label))
    if own is not None and not _WHOLE_LEVEL.fullmatch(own):
        mine = [q for q in earlier if level_of(_norm_label(q.label)) == own]
        return mine[-1] if mine else None
    # a figure that names no level, among ones of the levels below, is the whole's (its sentence's scope)
    whole = [
        q for q in earlier if (lv := level_of(_norm_label(q.label))) is None or _WHOLE_LEVEL.fullmatch(lv)
    ]
    return whole[0] if len(whole) == 1 else None


def _levels_differ(base: Quantity, near: list[Quantity], want: str) -> bool:
    """Whether the figures a base name may mean are of different levels of government ("盟本级一般公共预算
    收入…；旗级一般公共预算收入…。…占一般公共预算收入的68.6%"): which level's is meant cannot be told."""
    levels = {level_of(_norm_label(q.label)) for q in near}
    return level_of(_norm_label(base.label)) is not None and len(levels) > 1 and not level_of(want)


_ONE_SIDE_OF_BUDGET = frozenset({"支出总预算", "收入总预算"})


def _fitting(doc: Document, want: str, part: Quantity) -> tuple[list[tuple[int, int]], list[Quantity]]:
    """The amounts a base label ``want`` can name for ``part`` (same unit and kind; labels equal, or one
    ending with the other), in document order with their places; computed once per label, unit and kind,
    so that a long document's many shares of one base cost a bisection each, not a scan."""
    cache = doc.__dict__.setdefault("_label_fits", {})
    key = (want, part.base_unit, part.kind)
    found = cache.get(key)
    if found is None:
        index = _label_index(doc)
        # "占三公经费的32.37%" names the “三公”经费支出: a base named without its 支出
        spent = (
            [] if want.endswith("支出") else [(h, q) for h, q in index.get("支出", []) if h == want + "支出"]
        )
        fitting = [
            q
            for have, q in index.get(want[-2:], []) + spent
            if q.base_unit == part.base_unit
            and q.kind is part.kind
            # "人均生产总值44798元" is no base of "占生产总值的比重": an average is the base only by its name
            and (not _AVERAGE.search(have) or _AVERAGE.search(want) is not None)
            and (
                have == want
                or have.endswith(want)
                or (want.endswith(have) and len(have) >= 4)
                or have == want + "支出"
                # "占支出总预算82.27%" of the "财政拨款收支总预算7,057,486.18元": a balanced budget's one total
                or (want in _ONE_SIDE_OF_BUDGET and have.endswith("收支总预算"))
            )
        ]
        fitting.sort(key=lambda q: (q.line, q.start))
        found = cache[key] = ([(q.line, q.start) for q in fitting], fitting)
    return found


def _paired_shares(
    parts: list[Quantity], pcts: list[Quantity], base: Quantity | None, base_text: str
) -> list[Share]:
    """Each part with its percentage, in order, against one base; the other parts are its neighbours."""
    return [
        Share(
            part=part,
            percent=pct,
            base=base,
            base_label=base_text,
            neighbours=[q for q in parts if q is not part],
        )
        for part, pct in zip(parts, pcts, strict=True)
    ]


def _respective_shares(para: Paragraph, first: Quantity, at: int, base_text: str) -> list[Share]:
    """ "A、B分别占C的x%和y%": the percentages after 占 paired in order with the amounts before 分别 (the
    same number of them); nothing when the counts differ."""
    text = normalise(para.text)
    start, end = sentence_bounds(text, first.start)
    pcts = [
        q for q in para.quantities if q.kind is Kind.PERCENT and first.start <= q.start < end and not q.approx
    ]
    before = [q for q in para.quantities if q.is_amount and start <= q.start and q.end <= at - 2]
    if len(pcts) < 2 or len(before) < len(pcts):
        return []
    parts = before[-len(pcts) :]
    explicit = [q for q in para.quantities if at <= q.start < first.start and q.is_amount]
    base = explicit[-1] if explicit else None
    return _paired_shares(parts, pcts, base, base_text)


_LIST_BREAK = lazy(r"[；;。：:]|.{21}")
_RESPECTIVE_BASE = lazy(r"^(?P<base>.*?)(?:的|之)?(?:比重|比例)?分别$")
_PERCENT_GAP = lazy(r"\s*(?:、|，|,|和|及|与)\s*")
_RESPECTIVE_AMOUNTS = lazy(r"分别(?:为|是)")


def _shares_after_respectively(
    para: Paragraph, first: Quantity, at: int, base_text: str, breakdowns: list[Breakdown], doc: Document
) -> list[Share]:
    """ "A、B、C分别为a、b、c，占W的比重分别为x%、y%和z%": the percentages zipped with the amounts before 占."""
    text = normalise(para.text)
    pcts = [first]
    for q in para.quantities:
        if q.start > pcts[-1].start and q is not first:
            if (
                q.kind is not Kind.PERCENT
                or q.approx
                or not _PERCENT_GAP.fullmatch(text[pcts[-1].end : q.start])
            ):
                break
            pcts.append(q)
    start, _ = sentence_bounds(text, at)
    before = [
        q
        for q in para.quantities
        if start <= q.start and q.end <= at and _depth_at(text, start, q.start) == 0
    ]
    if len(pcts) < 2 or len(before) < len(pcts):
        return []
    parts = before[-len(pcts) :]
    if any(not p.is_amount or not _same_kind(p, parts[0]) for p in parts):
        return []
    if any(_LIST_BREAK.search(text[a.end : b.start]) for a, b in pairwise(parts)):
        return []  # the amounts must be one list, as the percentages are
    base: Quantity | None = None
    if _GENERIC_BASE.match(base_text):
        base = next((b.whole for b in breakdowns if all(p in b.parts for p in parts)), None)
        if base is None:
            # "W，A、B分别为a、b，占比分别为x%、y%": the figure the sentence opens with, before the list
            earlier = [q for q in before[: -len(parts)] if _same_kind(q, parts[0])]
            if earlier and not text[earlier[-1].end : parts[0].start].count("，") > 1:
                candidate = earlier[-1]
                if all(p.base_value <= candidate.base_value for p in parts):
                    base = candidate
    else:
        base = _resolve_base_label(doc, para, parts[0], base_text)
    return _paired_shares(parts, pcts, base, base_text)


def _shares_in(
    para: Paragraph, breakdowns: list[Breakdown], doc: Document, listed: dict[Decimal, list[Breakdown]]
) -> list[Share]:
    shares = []
    zipped: set[int] = set()
    for pct in para.quantities:
        if pct.kind is not Kind.PERCENT or pct.approx or id(pct) in zipped:
            continue
        m, offset = _share_match(para, pct)
        if m is None:
            continue
        base_text = m.group("base").strip()
        respective = _RESPECTIVE_BASE.match(base_text)
        if respective is not None:
            found = _shares_after_respectively(
                para, pct, offset + m.start(), respective.group("base").strip(), breakdowns, doc
            )
            zipped.update(id(s.percent) for s in found)
            shares += found
            continue
        if any(w in base_text for w in _TARGET_WORDS):
            continue  # 占目标任务数12万张的125%: a completion rate, not a share
        if normalise(para.text)[max(0, offset + m.start() - 2) : offset + m.start()] == "分别":
            shares += _respective_shares(para, pct, offset + m.start(), base_text)
            continue
        text = normalise(para.text)
        if _PERCENT_GAP.match(text, pct.end) and _RESPECTIVE_AMOUNTS.search(
            text, sentence_bounds(text, pct.start)[0], offset + m.start()
        ):
            # "A、B、C分别为a、b和c，占W的x%、y%和z%": one 分别 pairs the amounts and the percentages in order
            found = _respective_shares(para, pct, offset + m.start() + 2, base_text)
            if found and found[0].base is None and not _GENERIC_BASE.match(base_text):
                base = _resolve_base_label(doc, para, found[0].part, base_text)
                for share in found:
                    share.base = base
            zipped.update(id(s.percent) for s in found)
            shares += found
            continue
        part = _part_before(para, offset + m.start())
        if part is None:
            continue
        base: Quantity | None = None
        explicit = [q for q in para.quantities if offset + m.start() <= q.start < pct.start and q.is_amount]
        if explicit:
            base = explicit[-1]
        elif not _GENERIC_BASE.match(base_text):
            base = _resolve_base_label(doc, para, part, base_text)
        else:
            for b in breakdowns:
                if part in b.parts:
                    base = b.whole
                    break
            else:
                base = (
                    _whole_of_sole_part(para, part)
                    or _whole_its_sentence_opens_with(doc, para, part)
                    or _whole_listing_it_before(listed.get(part.base_value, []), part, base_text)
                )
        neighbours = [q for q in para.quantities if q.is_amount and q is not part and _comparable(q, part)]
        for b in breakdowns:
            if part in b.parts:
                neighbours += [q for q in [b.whole, *b.parts] if q is not part and q not in neighbours]
        shares.append(Share(part=part, percent=pct, base=base, base_label=base_text, neighbours=neighbours))
    return shares


def _whole_listing_it_before(listing: list[Breakdown], part: Quantity, base_text: str) -> Quantity | None:
    """ "总收入27,664.71万元，其中：财政拨款收入9,787.85万元，教育事业收入5,738.74万元…。⏎ ②教育事业收入：…事业收入
    5,738.74万元，占总收入的20.74%": a base named only as the 总收入 (总支出) is the whole of that name whose
    list, earlier in the text, gives the part's very amount; one such whole, or none."""
    want = _norm_label(base_text)
    if not want:
        return None
    found = [
        b.whole
        for b in listing
        if b.marker not in TABLE_MARKERS
        and (b.whole.line, b.whole.start) < (part.line, part.start)
        and _norm_label(b.whole.label).endswith(want)
        and any(p is not part and p.base_value == part.base_value and _same_kind(p, part) for p in b.parts)
    ]
    return found[0] if len({id(w) for w in found}) == 1 else None


def _shares_of_their_sum(para: Paragraph, shares: list[Share]) -> None:
    """ "2024年“三公”经费支出中，公务用车运行费6.00万元，占60.00%；公务接待费4.00万元，占40.00%。"

    Each part has its share, no total is written or found, and the shares make 100%: the parts are the
    whole list, so each share is of their sum. Only when every amount of the list carries a share of the
    same (unnamed or unresolved) base, in one sentence, and no share of it has a base of its own.
    """
    text = normalise(para.text)
    groups: dict[tuple[int, int], list[Share]] = {}
    for share in shares:
        groups.setdefault(sentence_bounds(text, share.percent.start), []).append(share)
    for (_, group_end), group in groups.items():
        if len(group) < 2 or any(s.base is not None for s in group):
            continue
        if len({s.base_label for s in group}) != 1 or len({id(s.part) for s in group}) != len(group):
            continue
        parts = [s.part for s in group]
        first = parts[0]
        if first.kind not in (Kind.MONEY, Kind.COUNT) or any(
            not _same_kind(p, first) or p.approx for p in parts
        ):
            continue
        if any(s.percent.approx for s in group):
            continue
        begin, end = parts[0].start, group_end
        listed = {id(p) for p in parts}
        others = [
            q
            for q in para.quantities
            if begin <= q.start < end
            and q.is_amount
            and id(q) not in listed
            and _depth_at(text, begin, q.start) == 0
            and not is_change_amount(text, q)  # "…，占60%，比上年增加0.50万元；": a change, not a part
        ]
        if others:
            continue  # an amount of the list (or after it) without its share: the list may be partial
        total = sum_interval([s.percent for s in group])
        if not total.lo <= Decimal(100) <= total.hi or sum(p.base_value for p in parts) <= 0:
            continue
        for s in group:
            s.base_parts = parts


def _whole_its_sentence_opens_with(doc: Document, para: Paragraph, part: Quantity) -> Quantity | None:
    """ "本年收入的具体构成为：财政拨款收入a，占100%；事业收入0万元，占0%…" (a unit's final accounts): the whole the
    sentence opens with by name, its figure stated before (本年收入合计…), when the sentence holds none."""
    text = normalise(para.text)
    opens = sentence_start(text, part.start)
    m = _COMPOSITION_OPENING.match(text, opens)
    if m is None or any(opens <= q.start < m.end() for q in para.quantities):
        return None
    name = m.group("name")
    named = regex.compile(rf"(?:^|[，,；;：:\s]){regex.escape(name)}(?:合计|总计|总额)?(?:为|是|共)?$")
    positions = doc.__dict__.get("_paragraph_index")
    if positions is None:  # once per document: the paragraphs' places, for a lookup in constant time
        positions = doc.__dict__["_paragraph_index"] = {id(p): k for k, p in enumerate(doc.paragraphs)}
    index = positions.get(id(para), 0)
    for above in reversed(doc.paragraphs[max(0, index - _MOST_PARAGRAPHS_BACK) : index]):
        found = [
            q
            for q in above.quantities
            if _same_kind(q, part) and not q.approx and named.search(normalise(q.label))
        ]
        if found:
            return found[-1]
    return None


_MOST_PARAGRAPHS_BACK = 6
_COMPOSITION_OPENING = lazy(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])?\s*"
    r"(?P<name>\p{Han}{2,12}?)的?(?:具体)?(?:构成|组成|结构)(?:情况)?(?:为|是|如下)?\s*[：:]"
)


def _whole_of_sole_part(para: Paragraph, part: Quantity) -> Quantity | None:
    """ "…支出12.50万元，其中公务用车购置及运行维护费8.30万元，占比66.40%": the one part named after 其中
    is a share of the whole right before it."""
    text = normalise(para.text)
    before = [q for q in para.quantities if q.end <= part.start and q.is_amount]
    if not before:
        return None
    whole = before[-1]
    m = _QIZHONG.search(text, whole.end, part.start)
    if m is None or text[max(0, m.start() - 1) : m.start()] in ("（", "("):
        return None
    gap = text[whole.end : m.start()]
    # "全区财政总收入完成W，同比增长p%，完成年初预算的r%，其中税收收入完成a，…": the whole's own rates between
    if not _WHOLE_TO_QIZHONG.fullmatch(gap) and not _COMPARISON_GAP.match(outside_brackets(gap)):
        return None
    if not _same_kind(whole, part) or whole.approx or is_change_amount(text, whole):
        return None
    return whole


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind is b.kind and a.base_unit == b.base_unit


# ----------------------------------------------------------------------------- completion rates

# Phrases that introduce a completion or execution rate; "#" stands for a figure in the phrase.
_RATE_PHRASE = lazy(
    r"(?:完成(?:了)?(?:上级|全年|年度|本年|年初|调整后?的?|省|市|县|年)?(?:下达的?)?(?:预算|目标任务|目标|计划|任务)?(?:数)?#?(?:的)?"
    r"|(?:预算|计划|目标|任务)?(?:执行|完成|支出)率(?:为|达到|达)?"
    r"|(?:资金|预算资金)?(?:到位|拨付)率(?:为|达到|达)?"  # 实际到位资金 / 预算资金
    r"|占(?:上级|年度|全年|年)?(?:下达的?)?(?:目标任务数|目标任务|目标数|任务数|计划数|目标|计划|任务)#?(?:的)?"
    # "占年初预算数109466万元的90.9%": a completion rate written as a share of the budget
    r"|占(?:年初|全年|调整后?的?|变动后的?)?(?:预算|调整预算)(?:数)?#的"
    # "412.00亿元，为调整预算数400.00亿元的103.0%", "为年初预算的96.5%"
    # "完成82876万元，为年计划75000万元的110.5%"
    # "为人大预算数37.1亿元的91.16%", "为市下三季度目标33.23亿元101.78%": whoever set the budget or target
    r"|(?:为|是|相当于)(?:年初|全年|调整后?的?|变动后的?|年)?(?:预算|调整预算|计划|目标任务|目标)(?:数)?#?的"
    r"|(?:为|是|相当于)\p{Han}{0,8}?(?:预算|计划|目标任务|目标)(?:数)?(?:#的?|的))$"
)
_SET_TARGET = lazy(r"目标|任务|计划")  # not 预算: budgets in 万元 are rounded from 元
_FUND_TYPES = lazy(
    r"一般公共预算|一般预算(?=收入|支出)|政府性基金预算|国有资本经营预算|公共财政预算|公共预算|基金预算|预算稳定调节基金"
)  # 公共财政预算收入: the 一般公共预算's name before 2014
_TARGET_LABEL = lazy(r"预算|计划|目标|任务")
# the budget as the 人大 adjusted it: "经…批准，调整后的全县一般公共预算收入为B", "审查批准调整全县…支出为B"
_ADJUSTED_BUDGET = lazy(r"调整后|批准调整")
_DONE_WORDS = lazy(r"决算|完成|实际|执行|实现")
_ACTUAL_LABEL = lazy(r"决算|执行|实际|完成|支出|实现|达到|使用")
_PLANNED_LEAD = lazy(r"\s*(?:(?:19|20)\d\d年度?|全年|本年|年度)?(?:计划|目标|预计|拟)")
_TARGET_TAIL = lazy(r"(?:年初|调整后?|全年)?预算数?(?:调整|调增|调减)?后?(?:为|是|至)?$")  # (支出预算调整为B)


def _role_of_label(label: str) -> str | None:
    core = _FUND_TYPES.sub("", normalise(label))
    if _TARGET_TAIL.search(core):
        return "target"  # "财政拨款支出年初预算": a budget, whatever it is a budget of
    if _PLANNED_LEAD.match(core):
        return "target"  # "计划完成农村户厕改造1950户": what was to be done
    if _ADJUSTED_BUDGET.search(core) and not _DONE_WORDS.search(core):
        return "target"  # "经…批准，调整后的全县一般公共预算支出为B": the budget as adjusted, though it names 支出
    if _ACTUAL_LABEL.search(core):
        return "actual"
    if _TARGET_LABEL.search(core):
        return "target"
    return None


# "财力1867.48万元。由一般公共预算收入111.11万元，加上级补助收入…等1756.37万元构成": the whole, then what it
# is made of, closed by 构成/组成 in the next sentence or clause
_MADE_OF = lazy(r"[。，,]\s*(?P<main>主要)?由(?P<body>[^。；;]{2,200}?)(?:构成|组成)")


_GENERAL_REVENUE = lazy(r"(?:一般公共预算|地方财政|财政)收入(?:完成|实现|为|是|达到?)?$")
_TAXES = lazy(r"(?<!非)税收收入(?:完成|实现|为|是|达到?)?$")
_NON_TAX = lazy(r"非税收入(?:完成|实现|为|是|达到?)?$")


_BOTH_ROLES = {"target", "actual"}


def _measures_by_item(para: Paragraph, found: list[Breakdown], last: bool) -> list[Breakdown]:
    """ "…“三公”经费支出全年预算为W1，支出决算为W2，完成全年预算的r%，其中：因公出国（境）费全年预算为a1，支出决算为
    a2，…；公务用车…全年预算为b1，支出决算为b2，…；公务接待费…" (a 决算说明's 三公 paragraph): the whole's budget and
    its actual, then each ；-item's budget and actual: the items' budgets make the budget, their actuals the
    actual. Only when every item gives exactly one of each, and the whole one of each (changes on last year,
    and an item's own 其中 list, left out); the budget may stand in the rate ("完成全年预算W1的r%")."""
    text = normalise(para.text)
    if "其中" not in text or "预算" not in text or "决算" not in text:
        return []
    taken = {id(b.whole) for b in found}
    out: list[Breakdown] = []
    for m in _QIZHONG_AT.finditer(text):
        opens, ends = sentence_bounds(text, m.start())
        if not text[opens : m.start()].strip() and opens > 0:
            opens = sentence_bounds(text, opens - 1)[
                0
            ]  # "…W2，完成全年预算W1的r%。其中：…": the sentence before
        head = [
            q
            for q in para.quantities
            if opens <= q.start < m.start() and q.is_amount and not is_change_amount(text, q)
        ]
        roles = [_role_of_label(q.label) for q in head]
        if len(roles) != 2 or set(roles) != _BOTH_ROLES:
            continue
        wholes = dict(zip(roles, head, strict=True))
        items: list[dict[str, Quantity]] = []
        for begin, end in _items_of(text, m.end(), ends, _ITEM_STOP):
            inner = text.find(
                "其中", begin, end
            )  # "公务用车…，其中：购置费…，运行维护费…": the item's own list
            end = inner if inner >= 0 else end
            amounts = [
                q
                for q in para.quantities
                if begin <= q.start < end and q.is_amount and not is_change_amount(text, q)
            ]
            item_roles = [_role_of_label(q.label) for q in amounts]
            if len(item_roles) != 2 or set(item_roles) != _BOTH_ROLES:
                return out
            items.append(dict(zip(item_roles, amounts, strict=True)))
        if len(items) < 2 or _text_ends_inside(text, m.end(), last) or _two_measures_after(para, text, ends):
            continue
        for role in ("target", "actual"):
            whole = wholes[role]
            parts = [item[role] for item in items]
            if id(whole) in taken or any(
                p.kind is not whole.kind or p.base_unit != whole.base_unit for p in parts
            ):
                continue
            out.append(Breakdown(whole, parts, "其中", complete=True))
    return out


def _two_measures_after(para: Paragraph, text: str, at: int) -> bool:
    """Whether the sentence after ``at`` gives one more budget and actual ("…。公务用车…全年预算为c1，支出决算为
    c2。"): the list of items may go on there, and its sentence's items are not all of them."""
    opens, ends = sentence_bounds(text, min(at + 1, len(text) - 1)) if at + 1 < len(text) else (at, at)
    amounts = [
        q
        for q in para.quantities
        if opens <= q.start < ends and q.is_amount and not is_change_amount(text, q)
    ]
    return {_role_of_label(q.label) for q in amounts} >= _BOTH_ROLES


def _taxes_and_the_rest(para: Paragraph, found: list[Breakdown]) -> list[Breakdown]:
    """ "一般公共预算收入完成W，下降p%；税收收入完成a，下降q%；非税收入完成b" (a city's monthly report): the general
    budget's revenue and, as the next two figures of its sentence, its taxes and the rest: all of it, with no
    其中 to say so."""
    text = normalise(para.text)
    if "非税" not in text:
        return []
    taken = {id(b.whole) for b in found}
    levels = [
        q
        for q in para.quantities
        if q.is_amount and not is_change_amount(text, q) and depth_at(text, q.start) == 0
    ]
    out = []
    for i, whole in enumerate(levels[:-2]):
        taxes, rest = levels[i + 1], levels[i + 2]
        if id(whole) in taken or not _GENERAL_REVENUE.search(normalise(whole.label)):
            continue
        if not (_TAXES.search(normalise(taxes.label)) and _NON_TAX.search(normalise(rest.label))):
            continue
        if (
            sentence_start(text, rest.start) != sentence_start(text, whole.start)
            or "其中" in text[whole.end : taxes.start]
        ):
            continue  # (a 其中 list is read above)
        if any(q.approx or not _same_kind(q, whole) for q in (whole, taxes, rest)):
            continue
        out.append(Breakdown(whole, [taxes, rest], "其中", complete=True))
    return out


def _made_of(para: Paragraph, found: list[Breakdown]) -> list[Breakdown]:
    text = normalise(para.text)
    if "由" not in text or ("构成" not in text and "组成" not in text):
        return []
    top = _top_level_amounts(para)
    taken = {id(b.whole) for b in found}
    out = []
    for m in _MADE_OF.finditer(text):
        wholes = [q for q in top if q.end <= m.start() and not text[q.end : m.start()].strip()]
        if not wholes or wholes[-1].approx or id(wholes[-1]) in taken:
            continue
        whole = wholes[-1]
        inside = [q for q in top if m.start("body") <= q.start and q.end <= m.end("body")]
        parts = [q for q in inside if _same_kind(q, whole) and not is_change_amount(text, q)]
        if len(parts) < 2 or len(parts) != len(inside) or any(q.approx for q in parts):
            continue  # a figure of another kind, or an approximate one, inside: no sum to check
        out.append(Breakdown(whole, parts, "构成", complete=not m.group("main")))
    return out


def _top_level_amounts(para: Paragraph) -> list[Quantity]:
    """Amounts outside brackets: '决算数13,867.60万元（其中：基本支出…）' keeps only the 13,867.60."""
    text = normalise(para.text)
    return [q for q in para.quantities if q.is_amount and _depth_at(text, 0, q.start) == 0]


_SPENDING_RATE = lazy(r"(?:执行|支出|使用)率")
_BUDGET_STAGE_SAID = lazy(r"调整|年初")
_RIGHT_BEFORE_RATE = lazy(r"\s*[，,]\s*")
_BASE_OF_ITS_RATE = lazy(r"\s*的\s*\d")
_BASE_BEFORE_RATE = lazy(r"\s*的?\s*\d+(?:\.\d+)?\s*[%％]")
_RATE_OF_THE_FIGURE = lazy(r"\s*(?:为|是|占|达到?|完成|相当于)")  # the clause has no subject of its own
_FUNDS_LABEL = lazy(r"(?:资金|经费|专项|拨款)(?:总额)?$")
_OF_FUNDS_RECEIVED = lazy(r"到位资金的?(?:执行|使用|支出|支付)率")


def _rates_in(para: Paragraph) -> list[Rate]:
    """ "预算数40万元，执行数为40万元，完成预算的100%", "激活14.99万张，占目标任务数12万张的125%"."""
    found: list[Rate] = []
    if not any(q.kind is Kind.PERCENT and not q.approx for q in para.quantities):
        return found
    text = normalise(para.text)
    top = _top_level_amounts(para)
    for rate in para.quantities:
        if rate.kind is not Kind.PERCENT or rate.approx:
            continue
        clause_begin = clause_start(text, rate.start)
        in_clause = [q for q in top if clause_begin <= q.start < rate.start]
        masked, cursor = [], clause_begin
        for q in in_clause:
            masked += [text[cursor : q.start], "#"]
            cursor = q.end
        masked.append(text[cursor : rate.start])
        if not _RATE_PHRASE.search("".join(masked)):
            continue
        earlier = [q for q in top if q.end <= clause_begin]
        opens = sentence_bounds(text, rate.start)[0]
        own = [
            q
            for q in para.quantities
            if opens <= q.start < clause_begin
            and q.kind is not Kind.PERCENT
            and _depth_at(text, 0, q.start) == 0
        ]
        if own and not any(q.kind is Kind.MONEY for q in own):
            # "预算数1240万元，执行数1196.58万元，执行率96.50%。日均分出量412吨，年度目标430吨，完成率95.81%":
            # a rate whose sentence states figures other than money is about them, not about the money of the
            # sentence before (a sentence of money may name its base in the sentence before)
            earlier = [q for q in earlier if q.start >= opens]
        if in_clause:  # 占目标任务数12万张的125%: the target is written in the phrase itself
            target = in_clause[-1]
            actual = next(
                (
                    q
                    for q in reversed(earlier)
                    if _comparable(q, target)
                    and not is_change_amount(text, q)
                    # "…为人大预算数37.1亿元的91.16%，为市下目标33.23亿元的101.78%": the base of the rate
                    # before is not what this one measures
                    and not _BASE_BEFORE_RATE.match(text, q.end)
                ),
                None,
            )  # "参保人数4.1956万人，比2022年末净增0.3519万人，完成全年目标任务3.87万人的108.41%"
        else:
            actual = next((q for q in reversed(earlier) if _role_of_label(q.label) == "actual"), None)
            target = None
            if actual is not None:
                target = next(
                    (
                        q
                        for q in reversed(earlier)
                        if q is not actual
                        and _role_of_label(q.label) == "target"
                        and _comparable(q, actual)
                        # "较年初预算减少6,020万元": a shortfall against the budget is no budget
                        and not is_change_amount(text, q)
                    ),
                    None,
                )
        if actual is not None and target is not None and not in_clause:
            # "支出预算21.56亿元。…支出预算调整为19.44亿元。实际完成15.17亿元，为调整预算的78%": the budget the
            # rate names (调整 or 年初), when another figure before it is that one
            said = _BUDGET_STAGE_SAID.search("".join(masked))
            if said is not None and said.group() not in normalise(target.label):
                named = next(
                    (
                        q
                        for q in reversed(earlier)
                        if q is not actual
                        and said.group() in normalise(q.label)
                        and _role_of_label(q.label) == "target"
                        and _comparable(q, actual)
                        and not is_change_amount(text, q)
                    ),
                    None,
                )
                target = named or target
        if actual is not None and target is None and not in_clause and _SPENDING_RATE.search("".join(masked)):
            # "专项资金24万元，已支出21.6万元，执行率90%": the money the spending is of, named only as funds
            opens = sentence_bounds(text, actual.start)[0]
            target = next(
                (
                    q
                    for q in reversed(earlier)
                    if q is not actual
                    and q.start >= opens
                    and _role_of_label(q.label) is None
                    and _FUNDS_LABEL.search(normalise(q.label))
                    and _comparable(q, actual)
                ),
                None,
            )
        if actual is not None and not in_clause and _OF_FUNDS_RECEIVED.search("".join(masked)):
            # "到位资金执行率100%": spending over the funds received, whatever budget stands before them
            target = next(
                (
                    q
                    for q in reversed(earlier)
                    if q is not actual and "到位" in q.label and _comparable(q, actual)
                ),
                None,
            )
        if actual is not None and target is not None and not in_clause:
            split = text.rfind("其中", target.end, actual.start)
            own_rates = [
                q
                for q in para.quantities
                if q.kind is Kind.PERCENT and split < q.start < sentence_end(text, rate.end)
            ]
            if split >= 0 and len(own_rates) >= 2:
                # "其中：公务用车运行维护费支出决算为31,842.60元，完成年初预算的88.45%；公务接待费…，完成年初
                # 预算的81.13%": each part's rate, against its own budget, which is not stated
                actual = None
            elif (
                split >= 0
            ):  # "决算150万元，其中：…项目支出决算30万元，完成年初预算的107.14%": the whole's rate
                actual = next(
                    (
                        q
                        for q in reversed(earlier)
                        if target.end <= q.start < split and _role_of_label(q.label) == "actual"
                    ),
                    None,
                )
        if (
            actual is not None
            and target is not None
            and not in_clause
            and earlier
            and earlier[-1] is target
            and earlier[-1].start >= opens
            and _RIGHT_BEFORE_RATE.fullmatch(text, target.end, clause_begin)
            and _RATE_OF_THE_FIGURE.match(text, clause_begin)
        ):
            # "地方公共财政预算收入13916万元，为预算的56%": the rate is of the figure right before it, whose
            # own budget is not stated; it is no budget of the sentence's other figures
            target = None
        if actual is not None and target is not None:
            exact = bool(_SET_TARGET.search(normalise(target.label) + "".join(masked)))
            found.append(Rate(actual=actual, target=target, rate=rate, source="prose", target_exact=exact))
    return found


# ----------------------------------------------------------------------------- tables


_YEAR_BUDGET_HEADER = lazy(r"^(?:全年|调整后?的?)预算(?:数|金额)?")


def _table_rates(table: Table) -> list[Rate]:
    roles = column_roles(table)
    if "target" not in roles and {"actual", "rate"} <= set(roles):
        # a 项目支出绩效自评表's funds: 执行率 = 全年执行数 / 全年预算数 (not 年初预算数)
        budget = [
            i
            for i, cell in enumerate(table.header.cells)
            if _YEAR_BUDGET_HEADER.match(normalise(cell.text).replace(" ", ""))
        ]
        if len(budget) == 1:
            roles[budget[0]] = "target"
    if not {"target", "actual", "rate"} <= set(roles):
        return []
    t, a, r = roles.index("target"), roles.index("actual"), roles.index("rate")
    found = []
    for row in table.rows:
        cells = [cell_at(row, i) for i in (t, a, r)]
        if any(c is None for c in cells):
            continue
        target, actual, rate = (cell_figure(c) for c in cells)
        if target is None or actual is None or rate is None or rate.kind is not Kind.PERCENT:
            continue
        if not _comparable(target, actual):
            continue
        exact = bool(_SET_TARGET.search(normalise(table.column_header(t))))
        found.append(Rate(actual=actual, target=target, rate=rate, source="table", target_exact=exact))
    return found


def _table_breakdowns(table: Table) -> list[Breakdown]:
    """合计 rows against the rows they total, and level-1 rows against their level-2 children."""
    kinds = row_kinds(table)
    found: list[Breakdown] = []
    for column in range(1, table.width):
        if not is_amount_column(table, column):
            continue
        start = 0
        for i, kind in enumerate(kinds):
            if kind.kind not in ("total", "subtotal"):
                continue
            block = list(range(start, i))
            start = i + 1
            cell = cell_at(table.rows[i], column)
            whole = cell_figure(cell) if cell else None
            if whole is None:
                continue
            items = _top_rows(table, kinds, [k for k in block if kinds[k].kind == "item"], column, whole)
            parts = _column_parts(table, items, column) if items else None
            parts = _without_the_subsets_rest(table, kinds, items, column, whole, parts)
            if parts is not None and len(items) >= 2:
                found.append(Breakdown(whole, parts, "合计行", complete=True))
        found.extend(_total_first(table, kinds, column))
        found.extend(_children_breakdowns(table, kinds, column))
        found.extend(_unnumbered_children(table, kinds, column))
        found.extend(_joined_parent(table, kinds, column))
    found.extend(_fund_source_breakdowns(table))
    found.extend(_total_column_breakdowns(table))
    found.extend(_formula_breakdowns(table))
    return found


# "项目 | 公式 | 本地区 | 本级": each row lettered, a total row saying what it is made of ("A=B+C", "E=A+C-D")
_FORMULA_CELL = lazy(r"(?P<name>[A-Z])(?:=(?P<terms>[A-Z](?:[+\-][A-Z])+))?")


def _formula_breakdowns(table: Table) -> list[Breakdown]:
    """The rows a lettered total row's formula names, added up (a term after "-" taken away), in every
    column of figures: the formula says what the row is, so no row needs to be read as an item."""
    for column in range(1, min(table.width, 4)):
        letters: dict[str, int] = {}
        formulas: list[tuple[int, str]] = []
        for r, row in enumerate(table.rows):
            cell = cell_at(row, column)
            text = normalise(cell.text).replace(" ", "").replace("−", "-").replace("－", "-") if cell else ""
            m = _FORMULA_CELL.fullmatch(text) if text else None
            if m is None:
                continue
            letters.setdefault(m.group("name"), r)
            if m.group("terms"):
                formulas.append((r, m.group("terms")))
        if formulas and len(letters) >= 3:
            break
    else:
        return []
    found: list[Breakdown] = []
    for r, terms in formulas:
        signed = [
            (1, terms[0]),
            *((1 if terms[k - 1] == "+" else -1, terms[k]) for k in range(2, len(terms), 2)),
        ]
        if any(letter not in letters or letters[letter] == r for _, letter in signed):
            continue
        for value_column in range(column + 1, table.width):
            total = cell_at(table.rows[r], value_column)
            whole = cell_figure(total) if total is not None else None
            if whole is None or whole.kind is Kind.PERCENT:
                continue
            parts = []
            for sign, letter in signed:
                cell = cell_at(table.rows[letters[letter]], value_column)
                q = cell_figure(cell) if cell is not None else None
                if q is None or q.kind is not whole.kind or q.base_unit != whole.base_unit:
                    break
                parts.append(q if sign > 0 else replace(q, value=-q.value, text="-" + q.text))
            else:
                found.append(Breakdown(whole, parts, "合计行", complete=True))
    return found


_COLUMN_NOT_A_PART = lazy(r"^其中|合计|总计|小计|上年|去年|同比|增减|增长|比上年|较上年|比例|占比|率|%")


def _total_column_breakdowns(table: Table) -> list[Breakdown]:
    """ "项目 | 合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及运行维护费": a 合计 column right after the
    labels, followed by the columns it totals, in every row. Read only when the 合计 column is the table's
    one total and no column after it is a subset (其中…), a comparison or a rate."""
    headers = [normalise(c.text).replace(" ", "") for c in table.header.cells]
    if len(headers) < 4:
        return []
    # "… | 公务用车购置及运行维护费 合计 | … 购置 | … 运行": a group of columns with its own 合计 first (or last:
    # "累计完成数 中央级 | … 县乡级 | 累计完成数 合计"), one part of the whole, the sum of the group's other columns
    groups = _column_groups(table)
    inner = {k for members in groups.values() for k in members}
    tops = [k for k in range(2, len(headers)) if k not in inner]
    totalled = total_word(headers[1]) == "total"
    if not totalled and not groups:
        return []
    if totalled and any(
        not headers[k] or _COLUMN_NOT_A_PART.search(headers[k]) for k in tops if k not in groups
    ):
        return []
    # bare figures (no unit anywhere) are amounts when the columns name spending or income
    bare_money = any(_MONEY_COLUMN.search(h) for h in headers[2:])
    found = []
    for row in table.rows:
        cells = row.cells
        if len(cells) != len(headers) or _RATE_ROW.search(normalise(row.label)):
            continue  # "2024年比2023年增减%": rates of the rows above, which add up to nothing
        for whole_at, columns in ([(1, tops)] if totalled else []) + list(groups.items()):
            whole = cell_figure(cells[whole_at])
            # (a group's own 合计 column names its members' sum, whatever they count)
            plain_ok = bare_money or whole_at in groups
            if whole is None or not (whole.is_amount or (plain_ok and whole.kind is Kind.PLAIN)):
                continue
            parts = _cell_figures([cells[k] for k in columns])
            if (
                parts
                and len(parts) >= 2
                and all(p.kind is whole.kind and p.base_unit == whole.base_unit for p in parts)
            ):
                found.append(Breakdown(whole, parts, "合计行", complete=True))
    return found


_RATE_ROW = lazy(r"[%％]|率|幅度|增减|比上年|较上年|同比")
_MONEY_COLUMN = lazy(r"(?:费|经费|支出|收入|资金|拨款)$")


def _column_groups(table: Table) -> dict[int, list[int]]:
    """Groups of columns named "X 合计 | X A | X B" (a two-row header read as one): the column of the
    group's 合计 or 小计, with the columns of its other members."""
    names = [normalise(c.text).strip() for c in table.header.cells]
    groups: dict[int, list[int]] = {}
    for j, name in enumerate(names):
        group, _, own = name.rpartition(" ")
        if j < 2 or not group or not total_word(own):
            continue
        members = []
        for k in range(j + 1, len(names)):
            if not names[k].startswith(group + " "):
                break
            members.append(k)
        if not members:  # the group's total after its members
            for k in range(j - 1, 0, -1):
                if not names[k].startswith(group + " "):
                    break
                members.insert(0, k)
        if len(members) >= 2:
            groups[j] = members
    return groups


_FUND_SUBSET = lazy(r"^其中\s*[：:、,，\-－—]?\s*\S")
_FUND_OTHER = lazy(r"^其[他它]资金\s*[：:]?$")
_FUND_BLOCK_MAX = 6


def _label_cell(cell: Cell | None) -> str | None:
    """The text of a cell that names a row (no figure in it), folded; None for figures and empty cells."""
    if cell is None or cell.quantities:
        return None
    text = normalise(cell.text).replace(" ", "")
    return text or None


def _fund_source_breakdowns(table: Table) -> list[Breakdown]:
    """The funds block of a project form: 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金.

    Self-evaluation forms state a project's money by source, one row each, in every amount column
    (年初预算数, 全年预算数, 全年执行数; or "预算数: | 40 | 执行数: | 40" pairs). The block is complete
    by construction when it closes with 其他资金, the remainder: the total row must equal its source rows.
    A block without 其他资金, or broken by a numbered or total row, is not read.
    """
    found: list[Breakdown] = []
    rows = table.rows
    for i in range(len(rows) - 2):
        for c, cell in enumerate(rows[i].cells):
            label = _label_cell(cell)
            if label is None or _FUND_SUBSET.match(label):
                continue
            first = _label_cell(cell_at(rows[i + 1], c))
            if first is None or not _FUND_SUBSET.match(first):
                continue
            block = [i + 1]
            for k in range(i + 2, min(len(rows), i + 2 + _FUND_BLOCK_MAX)):
                name = _label_cell(cell_at(rows[k], c))
                if name is None:
                    break
                kind = row_kind(Row([Cell(name, 0, 0)]))
                if kind.kind != "item" or kind.level:
                    break  # a 合计 or a numbered row starts another group
                block.append(k)
                if _FUND_OTHER.match(name):
                    break
            closing = _label_cell(cell_at(rows[block[-1]], c))
            if len(block) < 2 or closing is None or not _FUND_OTHER.match(closing):
                continue
            for v in range(c + 1, len(rows[i].cells)):
                if _label_cell(rows[i].cells[v]) is not None:
                    break  # the next label of a "预算数: | 40 | 执行数: | 40" row starts its own block
                whole = cell_figure(rows[i].cells[v])
                if whole is None or whole.kind is not Kind.MONEY:
                    continue
                parts = _column_parts(table, block, v)
                if not parts or any(
                    p.kind is not Kind.MONEY or p.base_unit != whole.base_unit for p in parts
                ):
                    continue
                found.append(Breakdown(whole, parts, "表内分项", complete=True))
    return found


def _total_first(table: Table, kinds: list, column: int) -> list[Breakdown]:
    """ "合计 | 1000.50" as the first row, the rows it totals below it (the table's only total row).

    Rows without ordinals may hide a hierarchy (一般公共服务支出 / 人大事务, indented in the original): a row
    equal to the sum of the rows right after it is read as their parent, and the table is not summed."""
    if not kinds or kinds[0].kind != "total" or any(k.kind in ("total", "subtotal") for k in kinds[1:]):
        return []
    if len(kinds) > 1 and kinds[1].kind == "subset":
        return []  # 总额 / 其中：财政资金 / 单位资金 …: the rows below are its 其中 (a funds block)
    cell = cell_at(table.rows[0], column)
    whole = cell_figure(cell) if cell else None
    if whole is None:
        return []
    items = [k for k in range(1, len(kinds)) if kinds[k].kind == "item"]
    levels = {kinds[k].level for k in items if kinds[k].level}
    items = _top_rows(table, kinds, items, column, whole)
    parts = _column_parts(table, items, column) if items else None
    parts = _without_the_subsets_rest(table, kinds, items, column, whole, parts)
    if parts is None or len(parts) < 2 or (not levels and _hidden_parent(parts)):
        return []
    return [Breakdown(whole, parts, "合计行", complete=True)]


def _joined_parent(table: Table, kinds: list, column: int) -> list[Breakdown]:
    """ "公务用车购置及运行维护费 ⏎ 其中：公务用车运行维护费 ⏎ 公务用车购置费": a row named for two things joined by
    及/和 whose 其中 row and the row after it each name one of them is the sum of those two rows."""
    found = []
    for i in range(len(kinds) - 2):
        if kinds[i + 1].kind != "subset" or kinds[i + 2].kind != "item" or kinds[i + 2].level:
            continue
        name, first, second = (
            SUBSET_ROW.sub("", normalise(table.rows[k].cells[0].text).replace(" ", ""))
            if table.rows[k].cells
            else ""
            for k in (i, i + 1, i + 2)
        )
        m = JOINED_NAME.search(name)
        if m is None or any(JOINED_NAME.search(n) for n in (first, second)):
            continue
        a, b = m.group("a"), m.group("b")
        if not (
            (a in first and b in second and b not in first) or (b in first and a in second and a not in first)
        ):
            continue
        cell = cell_at(table.rows[i], column)
        whole = cell_figure(cell) if cell else None
        parts = _column_parts(table, [i + 1, i + 2], column)
        if whole is not None and whole.is_amount and parts is not None and len(parts) == 2:
            found.append(Breakdown(whole, parts, "表内分项", complete=True))
    return found


def _without_the_subsets_rest(
    table: Table, kinds: list, items: list[int], column: int, whole: Quantity, parts: list[Quantity] | None
) -> list[Quantity] | None:
    """ "公务用车购置及运行维护费 ⏎ 其中：公务用车运行维护费 ⏎ 公务用车购置费": an unnumbered row after a 其中 row may
    be the 其中's second item or the next sibling of its parent; when the total does not fit with those rows
    and fits without them, they are the 其中's, and the parts are the rest."""
    if parts is None or judge(whole, sum_interval(parts)) is Verdict.OK:
        return parts
    after: set[int] = set()
    chains: list[tuple[int, list[int]]] = []  # (the 其中 row, the unnumbered rows after it)
    chained = False
    for k, kind in enumerate(kinds):
        if kind.kind == "subset":
            chained = True
            chains.append((k, []))
        elif kind.kind == "item" and not kind.level and chained:
            after.add(k)
            chains[-1][1].append(k)
        else:
            chained = False
    fewer = [k for k in items if k not in after]
    if len(fewer) == len(items) or not fewer:
        return parts
    alternative = _column_parts(table, fewer, column)
    if alternative is None:
        return parts
    if judge(whole, sum_interval(alternative)) is Verdict.OK:
        return alternative
    # each 其中 row's own rows: the first of the rows after it that make up its parent with it
    owned = [_rows_completing_its_parent(table, subset, rest) for subset, rest in chains if rest]
    if not owned or any(o is None for o in owned):
        return parts
    claimed = {k for o in owned for k in o or []}
    fewer = [k for k in items if k not in claimed]
    alternative = _column_parts(table, fewer, column) if fewer else None
    return parts if alternative is None else alternative


def _rows_completing_its_parent(table: Table, subset: int, rest: list[int]) -> list[int] | None:
    """The rows after a 其中 row that, with it, make up the row above it (公务用车购置及运行费 72.7 = 运行维护费
    59.5 + 购置费 13.2) in more of the columns that have them all than not: the shortest such run of rows, or
    None. The rows are the 其中's, whatever the total says (a slip elsewhere in the column, or in one cell of
    these rows, breaks the total, not this); the unnumbered rows after them are the parent's siblings
    (… ⏎ 其中：公务用车购置费 ⏎ 公务用车运行费 ⏎ 公务接待费)."""
    if subset == 0:
        return None
    for n in range(1, len(rest) + 1):
        fits = misses = 0
        for column in range(1, table.width):
            parent = _column_parts(table, [subset - 1], column)
            own = _column_parts(table, [subset, *rest[:n]], column)
            if not parent or own is None or len(own) < 1 + n or parent[0].value == 0:
                continue
            if judge(parent[0], sum_interval(own)) is Verdict.OK:
                fits += 1
            else:
                misses += 1
        if fits > misses:
            return rest[:n]
    return None


def _top_rows(table: Table, kinds: list, items: list[int], column: int, whole: Quantity) -> list[int]:
    """The rows a total adds up: the highest numbered level (一、二、…) when the rows are numbered, every row
    otherwise. Rows without ordinals beside numbered ones are either the numbered rows' items or their
    siblings ("一、基本支出 ⏎ 二、项目支出 ⏎ 上年结转"): when the total needs them, and fits with them, the
    reading is in doubt and nothing is summed (an empty list)."""
    levels = {kinds[k].level for k in items if kinds[k].level}
    if not levels:
        return items
    top = [k for k in items if kinds[k].level == min(levels)]
    loose = [k for k in items if not kinds[k].level]
    parts = _column_parts(table, top, column)
    if loose and parts is not None and judge(whole, sum_interval(parts)) is not Verdict.OK:
        every = _column_parts(table, sorted(top + loose), column)
        if every is not None and judge(whole, sum_interval(every)) is Verdict.OK:
            return []
    return top


def _hidden_parent(parts: list[Quantity]) -> bool:
    """Whether a non-zero figure equals the sum of one or more figures right after it."""
    values = [p.base_value for p in parts]
    for i, value in enumerate(values):
        if value <= 0:
            continue
        run = Decimal(0)
        for later in values[i + 1 :]:
            run += later
            if run == value:
                return True
            if run > value:
                break
    return False


def _children_breakdowns(table: Table, kinds: list, column: int) -> list[Breakdown]:
    found = []
    for i, kind in enumerate(kinds):
        if kind.kind != "item" or kind.level == 0:
            continue
        below = []
        for k in range(i + 1, len(kinds)):
            if kinds[k].kind in ("total", "subtotal") or (
                kinds[k].kind == "item" and 0 < kinds[k].level <= kind.level
            ):
                break
            if kinds[k].kind == "item" and kinds[k].level:
                below.append(k)
        # the next level down that the rows use: "三、上划省级收入" over "1、增值税…" skips （一）
        step = min((kinds[k].level for k in below), default=0)
        children = [k for k in below if kinds[k].level == step]
        cell = cell_at(table.rows[i], column)
        whole = cell_figure(cell) if cell else None
        if whole is None or len(children) < 2:
            continue
        parts = _column_parts(table, children, column)
        if parts is not None:
            found.append(Breakdown(whole, parts, "表内分项", complete=True))
    return found


def _unnumbered_children(table: Table, kinds: list, column: int) -> list[Breakdown]:
    """ "总计 ⏎ 一、本级收入 ⏎ 税收 ⏎ 非税 ⏎ 二、转移性收入 ⏎ 上级补助收入 ⏎ …": rows without ordinals under a
    numbered row are its items when the table's one total is the sum of the numbered rows alone (so that
    the rows without ordinals cannot be the numbered rows' siblings)."""
    totals = [i for i, k in enumerate(kinds) if k.kind == "total"]
    if len(totals) != 1 or any(k.kind == "subtotal" for k in kinds):
        return []
    numbered = [i for i, k in enumerate(kinds) if k.kind == "item" and k.level]
    if not numbered or {kinds[i].level for i in numbered} != {1}:
        return []
    cell = cell_at(table.rows[totals[0]], column)
    whole = cell_figure(cell) if cell else None
    tops = _column_parts(table, numbered, column)
    if whole is None or not tops or len(tops) < 2:
        return []
    if judge(whole, sum_interval(tops)) is not Verdict.OK:
        return []
    found = []
    for i in numbered:
        rows = []
        for k in range(i + 1, len(kinds)):
            if kinds[k].kind != "item" or kinds[k].level:
                break
            rows.append(k)
        parent = cell_figure(c) if (c := cell_at(table.rows[i], column)) else None
        parts = _column_parts(table, rows, column) if len(rows) >= 2 else None
        # rows of nothing but zeros under the last numbered row ("上年结转 | 0 ⏎ 调入资金 | 0") may as well
        # be siblings that added nothing
        if parent is not None and parts is not None and len(parts) >= 2 and any(p.base_value for p in parts):
            found.append(Breakdown(parent, parts, "表内分项", complete=True))
    return found


def _column_parts(table: Table, rows: list[int], column: int) -> list[Quantity] | None:
    """The figures of ``rows`` in ``column``; empty cells count as zero, text aborts (None)."""
    return _cell_figures([cell_at(table.rows[k], column) for k in rows])


def _cell_figures(cells: list[Cell | None]) -> list[Quantity] | None:
    """The figures of ``cells``; empty cells count as zero, text aborts (None)."""
    parts = []
    for cell in cells:
        q = cell_figure(cell) if cell else None
        if q is not None:
            parts.append(q)
        elif not is_empty_value(cell):
            return None
    return parts


# ----------------------------------------------------------------------------- identities and ratios


@record
class Identity:
    """``result`` = Σ sign·term: 净资产 = 资产 − 负债; 剔除…后的预算数 = 年初预算 − 划出 − 调整."""

    result: Quantity
    terms: list[tuple[int, Quantity]]
    name: str  # net_assets | reconciliation


@record
class Ratio:
    """A named rate (覆盖率, 结案率 …) with the two counts it is computed from."""

    numerator: Quantity
    denominator: Quantity
    rate: Quantity


_ASSETS = lazy(
    r"(?:资[产產]合计|资[产產]总额|资[产產]总计|总资[产產])$"
)  # 產: text in traditional characters
_LIABILITIES = lazy(r"(?:负债合计|负债总额|负债总计|总负债|负债)$")
_NET_ASSETS = lazy(r"净资[产產](?:合计|总额|总计)?$")
_AFTER_DEDUCTION = lazy(r"(?:剔除|扣除|调整后|核减后|划出后)")
_DEDUCTION = lazy(r"(?:划出|调减|调整|扣除|剔除|核减|减少|划转)")
_BUDGET_BASE = lazy(r"(?:年?初\p{Han}{0,6}预算|预算数|预算安排)")
_RATE_WORDS = lazy(
    r"(?:覆盖率|参保率|结案率|办结率|处理率|签订率|达标率|合格率|通过率|回收率|有效率|使用率|在用率|兑现率|到位率|"
    r"完成比例|自评率|公开率|满意率|调解成功率|调解率|(?:人员|编制|在职|人数)控制率)(?:为|达到|达|是)?$"
)


def _identities_in(para: Paragraph) -> list[Identity]:
    found: list[Identity] = []
    text = para.text
    if not ("资产" in text and "负债" in text) and not _AFTER_DEDUCTION.search(text):
        return found  # neither identity can be stated here
    top = _top_level_amounts(para)
    labels = [(q, _norm_label(q.label)) for q in top]
    assets = next((q for q, label in labels if _ASSETS.search(label) and not _NET_ASSETS.search(label)), None)
    liabilities = next(
        (q for q, label in labels if _LIABILITIES.search(label) and not _NET_ASSETS.search(label)), None
    )
    net = next((q for q, label in labels if _NET_ASSETS.search(label)), None)
    if assets and liabilities and net and _comparable(assets, liabilities) and _comparable(assets, net):
        found.append(Identity(net, [(1, assets), (-1, liabilities)], "net_assets"))
    for result in top:
        if not _AFTER_DEDUCTION.search(result.label):
            continue
        earlier = [q for q in top if q.end <= result.start and _comparable(q, result)]
        base = next(
            (q for q in earlier if _BUDGET_BASE.search(q.label) and not _AFTER_DEDUCTION.search(q.label)),
            None,
        )
        if base is None:
            continue
        deductions = [q for q in earlier if q.start > base.start and _DEDUCTION.search(q.label)]
        if deductions:
            found.append(Identity(result, [(1, base)] + [(-1, q) for q in deductions], "reconciliation"))
    return found


# "一般公共预算收入A，加上级补助收入B、上年结转C，收入总计T": a running total in one sentence, 加 and 减 its
# operators. 加 opens the chain only as an operator: 加强/加快/加大… are verbs.
_ADD_OPENER = lazy(
    r"[，,；;。]\s*(?:再)?加(?:上|：|:)?(?![强快大入速紧重之油班工密装盖]|以(?!前))"
)  # (加以前年度结余: 加 + 以前)
# a clause between the chain's first figure and its "，加" that only says more about that figure: its rates
# ("，完成调整后预算的99.2%，下降4.7%") and words ("，剔除减税降费因素")
_FIRST_TERM_NOTE = lazy(r"[^\d其]*(?:\d+(?:\.\d+)?\s*[%％][^\d其]*)?")
_CHAIN_GAP = lazy(
    r"\s*(?:、|，|,|和|及|以及)?\s*(?P<op>(?:再)?(?:加上?|减去?)[：:]?)?"
    # one figure for a group of names: "加上托底保障补助、结算补助、上年结转等1756.37万元"
    r"(?:(?:[^\d、，,；;。等]{1,16}、){1,8}[^\d、，,；;。等]{1,16}等(?:收入|支出|资金)?|[^\d、，,；;。等]{0,24})$"
)
# the result closes the chain in a clause of its own, naming no other item: "，收入总计为T"
_CHAIN_TOTAL = lazy(
    r"^\s*后?\s*[，,]\s*(?!(?:再)?(?:加|减))[^\d、，,；;。等]{0,12}(?:总计|总量|合计|共计|总额|总收入|总支出|可用资金|可用财力|财力总计|可支配收入|可用收入)(?:为|是|达到?)?\s*$"
)  # "，减一般公共预算总支出13.6亿元": a term subtracted, not the chain's total; "…1.34亿元后，收入总计T"
_NET_BALANCE = lazy(r"收支相抵[，,]?\s*(?:当年|年终|年末|本年)?(?:收支)?(?:滚存)?结余(?:为|是)?\s*$")


def _above_in_section(paragraphs: list[Paragraph], index: int, most: int = 3) -> list[Paragraph]:
    """The paragraphs right above ``paragraphs[index]`` back to its heading, nearest first."""
    out = []
    for para in reversed(paragraphs[max(0, index - most) : index]):
        if para.heading is not None:
            break
        out.append(para)
    return out


def _blank_brackets(text: str) -> str:
    """``text`` with every bracketed span, brackets included, as spaces: offsets stay where they were."""
    out, depth = [], 0
    for ch in text:
        if ch in "（(":
            depth += 1
        out.append(" " if depth else ch)
        if ch in "）)" and depth:
            depth -= 1
    return "".join(out)


def _first_terms(text: str, flat: str, before: list[Quantity], add_at: int) -> list[Quantity]:
    """The figures a chain opened at ``add_at`` ("，加…") may start from, the likelier first.

    The figure right before "，加" ("收入完成86500万元，加上级补助…"), or the last one before it when only
    its rates and notes stand between; after a 其中 that figure is a part ("总收入T，…，其中地方收入A，
    完成…；加上级补助…"), and the whole before the 其中 is the other reading."""
    if not before or before[-1].approx:
        return []
    nearest = before[-1]
    gap = flat[nearest.end : add_at]
    if gap.strip() and not all(_FIRST_TERM_NOTE.fullmatch(c) for c in regex.split(r"[，,]", gap)):
        return []
    # (a 其中 inside a bracket lists a term's own parts: "加上级补助收入B（其中：…），…")
    split = flat.rfind("其中", sentence_start(text, nearest.start), nearest.start)
    whole = [q for q in before if q.end <= split and not q.approx] if split >= 0 else []
    if len(before) > 1 and not gap.strip():
        # "税收收入A，非税收入B，加…": the chain right after the second of two figures adds to both; after
        # "W，其中：A；B。加上…" both are W's parts, and W is the figure the chain adds to
        return whole[-1:]
    out = [nearest]
    if whole:
        out.append(whole[-1])
    elif len(before) > 1:
        # "收入完成W，…，税收收入完成A，占一般公共预算收入比重为p%。加上…": A's share names the whole it is a
        # part of, the figure the chain adds to; without such a note, which one it adds to is open
        share = _SHARE_NOTE.search(gap)
        want = _norm_label(share.group("base")) if share else ""
        named = [
            q
            for q in before[:-1]
            if len(want) >= 2 and _DONE_TAIL.sub("", _norm_label(q.label)).endswith(want)
        ]
        return named[-1:]
    return out


_SHARE_NOTE = lazy(r"占(?P<base>[^，,；;。%占]{2,24}?)(?:的|之)?(?:比重|比例)?(?:为|达到?)?\s*\d")


def _chain_holds(result: Quantity, terms: list[tuple[int, Quantity]]) -> bool:
    total = Interval.point(Decimal(0))
    for sign, q in terms:
        total = total + interval_of(q) if sign > 0 else total - interval_of(q)
    return total.overlaps(interval_of(result))


_MOST_LIST_SENTENCES = 4


def _running_totals(para: Paragraph, above: list[Paragraph] = ()) -> list[Identity]:
    """ "A，加B、C，减D，收入总计T" (T = A + B + C − D), and "收支相抵，年终结余N" after one 收入总计 and one
    支出总计 of the paragraph, or of the paragraphs above it in its section (N = 收入 − 支出)."""
    text = normalise(para.text)
    if "加" not in text and "收支相抵" not in text:
        return []
    # "上级补助收入113566万元（其中：抗疫特别国债7691万元），…": no chain goes on inside a bracket
    flat = _blank_brackets(text)
    top = _top_level_amounts(para)
    found = []
    for m in _ADD_OPENER.finditer(text):
        opens = sentence_start(text, m.start())
        aside = False
        if m.group().lstrip().startswith("。"):
            # "…收入完成130.2亿元，…。其中：A完成125.6亿元，…。加上转移性收入33.8亿元，收入合计164.0亿元" (the 其中
            # list may run over sentences: "其中，税收收入A，…。非税收入B，…。加上…"): the sentence before the 其中
            # holds the whole the chain adds to, the likelier reading
            k = opens
            for _ in range(_MOST_LIST_SENTENCES):
                if k == 0:
                    break
                if text[k:].lstrip().startswith("其中"):
                    aside, opens = True, sentence_start(text, k - 1)
                    break
                k = sentence_start(text, k - 1)
        # (a change is no term: "…收入完成2223.23亿元，增收53.23亿元，…")
        before = [q for q in top if opens <= q.start and q.end <= m.start() and not is_change_amount(text, q)]
        if (
            before
            and any(i.result is before[-1] for i in found)
            and not flat[before[-1].end : m.start()].strip()
        ):
            # "A，加B，C，全县总收入T，加上年结余D…，收入总计U": the next chain goes on from the total before
            firsts = [before[-1]]
        else:
            firsts = _first_terms(text, flat, before, m.start())
        if aside:
            whole = next((q for q in before if q.start < sentence_end(text, opens)), None)
            firsts = [whole, *(f for f in firsts if f is not whole)] if whole is not None else firsts[::-1]
        if not firsts:
            continue
        first = firsts[0]
        terms, sign, previous, result = [(1, first)], 1, m.start(), None
        end = sentence_end(text, m.end())
        for q in (q for q in top if m.end() <= q.start < end):
            gap = flat[previous : q.start]
            if len(terms) >= 2 and _CHAIN_TOTAL.match(gap):
                result = q
                break
            g = _CHAIN_GAP.match(gap) if previous > m.start() else _CHAIN_GAP.match(gap[1:])
            if g is None or q.approx or not _comparable(q, first):
                break
            if g.group("op"):
                sign = -1 if "减" in g.group("op") else 1
            terms.append((sign, q))
            previous = q.end
        if result is None or len(terms) < 2 or result.approx or not _comparable(result, first):
            continue
        if _CHAIN_BREAK.search(flat, m.end(), result.start):
            continue
        if not _chain_holds(result, terms):  # the other reading of its first figure may be the one meant
            other = next((f for f in firsts[1:] if _chain_holds(result, [(1, f), *terms[1:]])), None)
            if other is not None:
                terms = [(1, other), *terms[1:]]
        found.append(Identity(result, terms, "running_total"))
    for m in _NET_BALANCE_AT.finditer(text):
        balance = next(
            (q for q in top if q.start >= m.end() and _NET_BALANCE.search(text, m.start(), q.start)), None
        )
        if (
            balance is None
            or balance.approx
            or "净结余" in text[balance.end : sentence_end(text, balance.end)]
        ):
            continue
        earlier = [q for q in top if q.end <= m.start()]
        sources: list[Paragraph] = []  # the paragraphs above whose figures the balance is of
        if not earlier and _OPENS_WITH_ABOVE.fullmatch(text, 0, m.start()):
            # "上述收支相抵，年终结余N" in a paragraph of its own: the totals of the paragraphs above
            sources = list(above)
            earlier = [q for p in reversed(above) for q in _top_level_amounts(p)]
        income = [q for q in earlier if _INCOME_TOTAL.search(_norm_label(q.label))]
        spending = [q for q in earlier if _SPENDING_TOTAL.search(_norm_label(q.label))]
        if (
            len(income) == 1
            and len(spending) == 1
            and _comparable(income[0], balance)
            and _comparable(spending[0], balance)
        ):
            found.append(Identity(balance, [(1, income[0]), (-1, spending[0])], "balance"))
        elif not income and not spending and (terms := _balance_items(earlier, balance, text, sources)):
            found.append(Identity(balance, terms, "balance"))
    return found


def _balance_sentences(
    para: Paragraph, text: str, top: list[Quantity]
) -> Iterator[tuple[Quantity, Quantity, Quantity, int]]:
    """The sentences "收入合计T，支出合计S，年终结余N" of the paragraph: (T, S, N, where the sentence opens)."""
    for k, balance in enumerate(top):
        if k < 2 or not _STATED_BALANCE.search(_norm_label(balance.label)) or balance.approx:
            continue
        income, spending = top[k - 2], top[k - 1]
        opens = sentence_start(text, balance.start)
        if (
            income.start >= opens
            and _INCOME_TOTAL.search(_norm_label(income.label))
            and _SPENDING_LABEL.search(_norm_label(spending.label))
        ):
            yield income, spending, balance, opens


def _stated_balances(para: Paragraph) -> list[Identity]:
    """ "…上年结余C，…。收入合计T，支出合计S，年终结余N。" (a region's final accounts): a sentence of the two totals
    and the balance, after the paragraph has counted last year's balance among the income, states N = T − S.
    Without that item the 收入合计 may be this year's income alone (a unit's 年末结余 adds the balance it
    brought forward), and nothing is read."""
    text = normalise(para.text)
    if "结余" not in text or ("合计" not in text and "总计" not in text):
        return []
    top = _top_level_amounts(para)
    found = []
    for income, spending, balance, opens in _balance_sentences(para, text, top):
        between = text[income.end : balance.start]
        if not all(_comparable(q, balance) and not q.approx for q in (income, spending)):
            continue
        if between.count("，") + between.count(",") != 2:
            continue
        if any(q.end <= opens and _BROUGHT_FORWARD.search(_norm_label(q.label)) for q in top):
            found.append(Identity(balance, [(1, income), (-1, spending)], "balance"))
    return found


# (a unit's own totals: "全区收入总计" or "一般公共预算收入总计" of a government may leave a balance, and are not read)
_TOTALS_PAIR = lazy(r"(?:本单位|本部门|我单位|本局|我局|单位|部门)?(?P<side>(?:财政拨款)?)收入总计(?:为|是)?")
_BALANCE_WORDS = lazy(r"结余|结转|相抵|结存|滚存|赤字|平衡|缺口")


def _equal_totals(para: Paragraph) -> list[Identity]:
    """ "2024年度收入总计1262.46万元，支出总计1262.46万元。" (a unit's 预算/决算说明): the 收支总表's two totals,
    equal by the table's making (支出总计 holds the year-end balance), side by side in one sentence. A
    sentence that goes on to a balance (收支相抵，结余…), or a paragraph that speaks of one, is not read: there
    the 支出总计 may be what was spent."""
    text = normalise(para.text)
    if "收入总计" not in text or "支出总计" not in text or _BALANCE_WORDS.search(text):
        return []
    found = []
    amounts = [q for q in para.quantities if q.is_amount]
    for income, spending in pairwise(amounts):
        m = _TOTALS_PAIR.fullmatch(_norm_label(income.label))
        if m is None or _norm_label(spending.label) not in (
            m.group("side") + "支出总计",
            m.group("side") + "支出总计为",
        ):
            continue
        gap = text[income.end : spending.start].strip()
        if gap[:1] not in ("，", ",", "；", ";") or len(gap) > 10:
            continue  # "…1262.46万元，支出总计": the spending's own name right after the income
        if income.approx or spending.approx or not _comparable(income, spending):
            continue
        found.append(Identity(spending, [(1, income)], "equal_totals"))
    return found


def _totals_of_the_sentences_before(para: Paragraph) -> list[Breakdown]:
    """ "一般公共预算收入A，上级补助收入B，…。一般公共预算支出C，上解上级支出D，…。收入合计T，支出合计S，年终结余N。"
    (a district's final accounts): the sentence of the totals and the balance closes the two sentences before
    it, one of every income, one of every spending: T = A + B + …, S = C + D + …."""
    text = normalise(para.text)
    if "结余" not in text or "合计" not in text:
        return []
    top = _top_level_amounts(para)
    found = []
    for income, spending, _, opens in _balance_sentences(para, text, top):
        if opens < 2:
            continue
        spent_from = sentence_start(text, opens - 2)
        earned_from = sentence_start(text, spent_from - 2) if spent_from >= 2 else 0
        if spent_from == earned_from:
            continue
        for total, kinds, start, end in (
            (income, _INCOME_ITEM, earned_from, spent_from),
            (spending, _SPENDING_ITEM, spent_from, opens),
        ):
            items = [q for q in top if start <= q.start < end]
            if len(items) < 2 or _PART_WORDS_NEAR.search(text, start, end):
                continue
            if any(q.approx or not _comparable(q, total) or is_change_amount(text, q) for q in items):
                continue
            if all(
                kinds.search(_norm_label(q.label)) or _FUND_MOVED.search(_norm_label(q.label)) for q in items
            ):
                found.append(Breakdown(total, items, "合计", complete=True))
    return found


_FUND_MOVED = lazy(r"(?:动用|安排|补充)预算稳定调节基金$")
_STATED_BALANCE = lazy(r"^(?:年终|年末|当年|本年)?(?:滚存)?结余$")
_SPENDING_LABEL = lazy(r"(?:^|[^收])支出(?:总计|总量|合计)?$")
_BROUGHT_FORWARD = lazy(r"上年(?:结余|结转)$")


_INCOME_ITEM = lazy(r"(?:收入|结余|结转|调入资金)$")
_SPENDING_ITEM = lazy(r"(?:支出|调出资金|上解)$")
_PART_WORDS_NEAR = lazy(r"其中|[（(]\s*含|包括")


def _balance_items(
    earlier: list[Quantity], balance: Quantity, text: str, above: list[Paragraph]
) -> list[tuple[int, Quantity]]:
    """ "国有资本经营收入A，上级补助收入B，上年结余C，国有资本经营支出D。上述收支相抵，年终结余N": without a
    收入合计 or 支出合计, every income item less every spending item (N = A + B + C − D), when each figure
    before it is one or the other and none is a part of another (no 其中)."""
    window = text + "".join(p.text for p in above)
    if len(earlier) < 2 or _PART_WORDS_NEAR.search(normalise(window)):
        return []
    terms = []
    for q in earlier:
        label = _norm_label(q.label)
        if q.approx or not _comparable(q, balance):
            return []
        if _INCOME_ITEM.search(label):
            terms.append((1, q))
        elif _SPENDING_ITEM.search(label):
            terms.append((-1, q))
        else:
            return []
    signs = {sign for sign, _ in terms}
    return sorted(terms, key=lambda t: -t[0]) if signs == {1, -1} else []


# "…比上年减少0.28万元，降低3.09%，其中：因公出国（境）费减少0万元；公务用车运行维护费减少0.29万元；公务接待费
# 增加0.01万元": the items' changes add up, each with its direction, to the change of the whole
_QIZHONG_AT = lazy(r"其中\s*[：:，,]?")
_RATE_OF_CHANGE = rf"\s*(?:同比)?(?:{UP_WORDS}|{DOWN_WORDS})了?\s*[\d.]+\s*[%％]\s*"  # "，降低3.09%"
# (and the reason said before the 其中: "…，增长39.4%，增加原因主要是…。其中，…")
_RATE_CLAUSE_AFTER = lazy(
    rf"^\s*(?:[，,]{_RATE_OF_CHANGE})?(?:[，,]\s*(?:\p{{Han}}{{0,4}}原因|主要是|主要由于)[^。；;]*)?[，,]?\s*$"
)
_ITEM_STOP = lazy(r"[；;]")
_CLAUSE_STOP = lazy(r"[，,]")
_FLAT_OR_CHANGED = lazy(rf"持平|不变|{UP_WORDS}|{DOWN_WORDS}")
_RATE_ONLY = lazy(_RATE_OF_CHANGE)


def _change_breakdowns(para: Paragraph) -> list[Identity]:
    """A change followed by 其中 and one change per ；-item: Σ ±item = the whole's change."""
    text = normalise(para.text)
    if "其中" not in text:
        return []
    changes = [q for q in para.quantities if q.is_amount and not q.approx and is_change_amount(text, q)]
    found = []
    for m in _QIZHONG_AT.finditer(text):
        opens, ends = sentence_bounds(text, m.start())
        before = [q for q in changes if opens <= q.start and q.end <= m.start()]
        upto = m.start()
        if not before and opens > 0 and not text[opens : m.start()].strip():
            # "…比上年减少18987.42元，下降42.13%。其中：A减少994.42元…；B减少17993元…": the 其中 opens the
            # sentence after the whole's
            upto = opens - 1
            before = [q for q in changes if sentence_start(text, upto) <= q.start and q.end <= upto]
        if not before or not _RATE_CLAUSE_AFTER.match(text[before[-1].end : upto]):
            continue
        whole = before[-1]
        w = _CHANGE_WORD_BEFORE.search(text, clause_start(text, whole.start), whole.start)
        if w is None or sign_of(w.group("dir")) == 0:
            continue
        items = _items_of(text, m.end(), ends, _ITEM_STOP)
        if len(items) == 1:  # "其中：A减少0.10万元，下降5%，B减少0.20万元": items after ，
            items = [
                (lo, hi)
                for lo, hi in _items_of(text, m.end(), ends, _CLAUSE_STOP)
                if any(lo <= q.start < hi for q in para.quantities) or _FLAT_OR_CHANGED.search(text, lo, hi)
            ]
            items = [(lo, hi) for lo, hi in items if not _RATE_ONLY.fullmatch(text, lo, hi)]
        terms = []
        # "其中：A a，较上年无增减；B b，比上年减少x": each item's own figure first
        levels: list[Quantity] = []
        for lo, hi in items:
            inside = [q for q in para.quantities if lo <= q.start < hi and q.is_amount]
            moved = [q for q in inside if _states_a_change(text, q)]
            if len(inside) == len(moved) + 1 and len(moved) <= 1 and not _states_a_change(text, inside[0]):
                levels.append(inside[0])
                inside = moved
            if not inside and _says_flat(text, lo, hi):
                continue  # "因公出国支出比去年无增减变化": a change of zero
            if len(inside) != 1 or not _comparable(inside[0], whole):
                terms = []
                break  # an item without its change (与上年持平) or with two: the sum is not stated in full
            d = _CHANGE_WORD_BEFORE.search(text, clause_start(text, inside[0].start), inside[0].start)
            if d is None or inside[0].approx or sign_of(d.group("dir")) == 0:
                terms = []
                break
            terms.append((sign_of(d.group("dir")) * sign_of(w.group("dir")), inside[0]))
        if levels and not _levels_make_the_whole(para, text, whole, levels, len(items)):
            continue  # items with figures of their own are all of the whole only when those make it
        if len(terms) >= 2 or (levels and terms):
            found.append(Identity(whole, terms, "change_sum"))
    return found


_BY_NATURE_CHANGES = lazy(
    r"[，,]\s*主要(?:是|为|原因是)?[：:]?\s*基本支出[^，,；;。\d]{0,12}?(?P<da>增加|减少)\d[\d,]*(?:\.\d+)?\s*万?元"
    r"(?:[，,]\s*(?:增长|下降)\d+(?:\.\d+)?\s*[%％])?[，,、；;]\s*项目支出[^，,；;。\d]{0,12}?(?P<db>增加|减少)"
    r"\d[\d,]*(?:\.\d+)?\s*万?元"
)
_ITS_RATE = lazy(r"(?:[，,]\s*(?:增长|下降)\d+(?:\.\d+)?\s*[%％])?")


def _changes_by_nature(para: Paragraph) -> list[Identity]:
    """ "支出较去年增加W，主要是基本支出增加a，项目支出增加b" (a unit's budget): 基本支出 and 项目支出 are all of a
    unit's spending by nature, so "主要是" names the whole change here: W = ±a ± b."""
    text = normalise(para.text)
    if "基本支出" not in text or "项目支出" not in text:
        return []
    found = []
    changes = [q for q in para.quantities if q.is_amount and not q.approx and is_change_amount(text, q)]
    for m in _BY_NATURE_CHANGES.finditer(text):
        whole = next((q for q in reversed(changes) if q.end <= m.start()), None)
        opens = sentence_start(text, m.start())
        if whole is None or whole.start < opens:
            continue
        if not _ITS_RATE.fullmatch(text, whole.end, m.start()) or "支出" not in text[opens : whole.start]:
            continue
        w = _CHANGE_WORD_BEFORE.search(text, clause_start(text, whole.start), whole.start)
        items = [q for q in para.quantities if m.start() <= q.start < m.end() and q.is_amount]
        if w is None or sign_of(w.group("dir")) == 0 or len(items) != 2 or any(q.approx for q in items):
            continue
        if not all(_comparable(q, whole) for q in items):
            continue
        signs = [sign_of(m.group("da")), sign_of(m.group("db"))]
        found.append(
            Identity(
                whole,
                [(s * sign_of(w.group("dir")), q) for s, q in zip(signs, items, strict=True)],
                "change_sum",
            )
        )
    return found


def _states_a_change(text: str, q: Quantity) -> bool:
    return is_change_amount(text, q) or bool(
        _CHANGE_WORD_BEFORE.search(text, clause_start(text, q.start), q.start)
    )


def _levels_make_the_whole(
    para: Paragraph, text: str, change: Quantity, levels: list[Quantity], n: int
) -> bool:
    """Whether every item states its figure and those figures add up to the figure the whole's change is
    of (the last amount before it in its sentence that is no change)."""
    if len(levels) != n or any(q.approx for q in levels):
        return False
    opens = sentence_start(text, change.start)
    before = [q for q in para.quantities if opens <= q.start and q.end <= change.start and q.is_amount]
    subject = next((q for q in reversed(before) if not is_change_amount(text, q)), None)
    if subject is None or subject.approx or not _comparable(subject, change):
        return False
    return judge(subject, sum_interval(levels)) is Verdict.OK


_BASE_STAGE = lazy(r"预算|决算")
_FLAT_WORD = lazy(r"持平|不变|未发生变化|无变化|无增减变化|无增减")
_CHANGE_WORDS = lazy(rf"{UP_WORDS}|{DOWN_WORDS}")


def _says_flat(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` says 持平 (无增减变化 …) and no change beside it."""
    return bool(_FLAT_WORD.search(text, lo, hi)) and not _CHANGE_WORDS.search(_FLAT_WORD.sub("", text[lo:hi]))


def _change_after(para: Paragraph, text: str, q: Quantity) -> tuple[int, Quantity | None] | None:
    """The one change stated after ``q`` in its sentence, with its direction (+1/-1): ``(0, None)`` for
    持平; None when the sentence states none or several."""
    _, ends = sentence_bounds(text, q.start)
    changes = [
        c for c in para.quantities if q.end <= c.start < ends and c.is_amount and is_change_amount(text, c)
    ]
    if not changes:
        return (0, None) if _says_flat(text, q.end, ends) else None
    if len(changes) > 1 or changes[0].approx:
        return None
    d = _CHANGE_WORD_BEFORE.search(text, clause_start(text, changes[0].start), changes[0].start)
    if d is None or sign_of(d.group("dir")) == 0:
        return None
    return sign_of(d.group("dir")), changes[0]


def _stage_compared(text: str, change: Quantity) -> str | None:
    """预算 or 决算 when the comparison names the stage it compares with ("比2015年预算减少…")."""
    found = _BASE_STAGE.findall(text, clause_start(text, change.start), change.start)
    return found[-1] if found else None


def _change_sums_of_following(b: Breakdown, paragraphs: list[Paragraph], index: int) -> list[Identity]:
    """ "“三公”经费决算W，比上年减少d。具体情况：⏎ 一、因公出国（境）费…a，比上年减少x。⏎ 二、…持平。⏎ 三、…增加y":
    the whole's change is the items' changes, each with its direction (d = x − y), when the items are the
    paragraphs that break the whole down and each states one change or none (持平)."""
    para = paragraphs[index]
    if not b.parts or b.parts[0].line <= para.line or not (b.complete or _named_members(b, every=True)):
        return []
    text = normalise(para.text)
    whole = _change_after(para, text, b.whole)
    if whole is None or whole[1] is None:
        return []
    direction, change = whole
    stage = _stage_compared(text, change)
    following = paragraphs[index + 1 : index + 13]
    terms = []
    for part in b.parts:
        holder = next((p for p in following if any(q is part for q in p.quantities)), None)
        if holder is None:
            return []
        own = normalise(holder.text)
        item = _change_after(holder, own, part)
        if item is None:
            return []
        if item[1] is None:
            continue  # 持平: nothing to add
        if not _comparable(item[1], change) or _stage_compared(own, item[1]) != stage:
            return []
        terms.append((item[0] * direction, item[1]))
    return [Identity(change, terms, "change_sum")] if terms and len(b.parts) >= 2 else []


def _items_of(text: str, begin: int, end: int, stops: regex.Pattern) -> list[tuple[int, int]]:
    """The items between ``begin`` and ``end`` that ``stops`` separate, as spans."""
    spans, start = [], begin
    for stop in stops.finditer(text, begin, end):
        spans.append((start, stop.start()))
        start = stop.end()
    spans.append((start, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_CHAIN_BREAK = lazy(r"[。；;]|其中|比|较|同比|增长|下降")
_NET_BALANCE_AT = lazy(r"收支相抵")
_INCOME_TOTAL = lazy(r"收入(?:总计|总量|合计)$")
_OPENS_WITH_ABOVE = lazy(r"\s*(?:上述|前述|以上)?[，,]?\s*")
_SPENDING_TOTAL = lazy(r"支出(?:总计|总量|合计)$")


def _ratios_in(para: Paragraph) -> list[Ratio]:
    """ "共37个项目，已设置绩效目标的有23个，绩效目标覆盖率为62.16%"."""
    text = normalise(para.text)
    found = []
    for rate in percents_introduced(para.quantities, text, _RATE_WORDS):
        s_start, _ = sentence_bounds(text, rate.start)
        counts = [
            q for q in para.quantities if s_start <= q.start < rate.start and q.kind is Kind.COUNT and q.exact
        ]
        units = {_PEOPLE.get(q.base_unit, q.base_unit) for q in counts}
        if len(counts) == 3 and len(units) == 1 and (ratio := _ratio_of_three(counts, rate, text)):
            found.append(ratio)
            continue
        if len(counts) != 2 or len(units) != 1:
            continue  # more than two counts: which two the rate divides is a guess
        if _STAFF_CONTROL.search(rate.label):
            # "核定编制15名，实有在职人员14人，在职人员控制率93.33%": 实有 over 编制, above 100% when overstaffed
            quota = [q for q in counts if _STAFF_QUOTA.search(q.label)]
            if len(quota) != 1 or quota[0].base_value <= 0:
                continue
            (other,) = [q for q in counts if q is not quota[0]]
            found.append(Ratio(numerator=other, denominator=quota[0], rate=rate))
            continue
        small, large = sorted(counts, key=lambda q: q.base_value)
        if large.base_value > 0:
            found.append(Ratio(numerator=small, denominator=large, rate=rate))
    return found


def _ratio_of_three(counts: list[Quantity], rate: Quantity, text: str) -> Ratio | None:
    """ "37个项目中，自评23个，有14个未自评，自评完成比例62%": the largest count is the whole, and the rate
    is of the part its name repeats (自评 in 自评完成比例). None when another pair of the counts gives the
    rate (then that pair was meant) or when no part's name is in the rate's."""
    whole = max(counts, key=lambda q: q.base_value)
    parts = [q for q in counts if q is not whole]
    if whole.base_value <= 0 or any(p.base_value > whole.base_value for p in parts):
        return None
    for a in counts:
        for b in counts:
            if a is not b and 0 < a.base_value <= b.base_value:
                exact = Interval.point(a.base_value / b.base_value * 100)
                if judge(rate, exact) is not Verdict.MISMATCH:
                    return None  # some pair gives the rate: nothing to say
    name = _norm_label(rate.label)
    named = [p for p in parts if (own := _norm_label(p.label)) and len(own) >= 2 and own in name]
    return Ratio(numerator=named[0], denominator=whole, rate=rate) if len(named) == 1 else None


_PEOPLE = {"名": "人"}  # 编制15名 and 实有14人 count the same people
_STAFF_CONTROL = lazy(r"(?:人员|编制|在职|人数)控制率(?:为|达到|达|是)?$")
_STAFF_QUOTA = lazy(r"编制|核定|定编")
_CONTROL_RATE = lazy(r"三公.{0,8}控制率(?:为|是|达到|达)?$")
_THREE_PUBLIC = lazy(r"三公")


def _control_rates_in(para: Paragraph, report_year: int | None) -> list[Ratio]:
    """ "2023年度“三公经费”支出2.79万元…2022年度“三公经费”支出20.50万元…三公经费控制率为13.61%"."""
    if report_year is None:
        return []
    text = normalise(para.text)
    found = []
    for rate in percents_introduced(para.quantities, text, _CONTROL_RATE):
        totals = [
            q for q in _top_level_amounts(para) if q.end <= rate.start and _THREE_PUBLIC.search(q.label)
        ]
        this = [q for q in totals if year_of(text, q) == report_year]
        last = [q for q in totals if year_of(text, q) == report_year - 1]
        if this and last and _comparable(this[-1], last[-1]) and last[-1].base_value > 0:
            found.append(Ratio(numerator=this[-1], denominator=last[-1], rate=rate))
    return found
