"""Year-over-year changes in prose and tables: current, prior, change and rate of change.

    机关运行经费支出355.9万元，比2019年减少4.66万元，下降1.29%
        → Change(current=355.9, delta=4.66, percent=1.29, sign=-1, prior_year=2019)
    2023年本年收入1868.58万元，较上年收入1760.86万增加6.12%
        → Change(current=1868.58, prior=1760.86, percent=6.12, sign=+1)
    最低标准从每人每月148元提高至每人每月170元      → Change(current=170, prior=148, sign=+1)

Part of the extraction layer: rules read Change objects, never the text.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import regex

from auditor.extract.tables import cell_at, cell_figure, column_roles, is_amount_column
from auditor.model.document import Document, Paragraph, Row, Table
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.labels import LEADING_ORDINAL, OPENS_WITH_QIZHONG, QUOTES, outside_brackets
from auditor.text.rx import lazy, rx
from auditor.text.spans import (
    COMPARISON_WORD,
    clause_before,
    clause_start,
    depth_at,
    is_change_amount,
    percents_introduced,
    sentence_end,
    sentence_start,
)

_YEAR = lazy(r"((?:19|20)\d\d)\s*年")
_LEADING_YEAR = lazy(r"(?:19|20)\d\d")
_BARE_PRIOR_NAME = lazy(r"\s*(?:度?的\s*[“”\"\p{Han}]{1,12})?\s*")
_BASE_YEAR_BEFORE = lazy(r"(?:比|较|与|同)\s*$")
_BASE_YEAR_AFTER = lazy(r"度?\s*(?:相比|比较|同期|相较)")
_CMP = lazy(
    # ("同口径比2018年减少830万元": the comparison on the same basis, its subject the figure before)
    r"(?:(?:按)?同口径)?(?:比|较|同比|与)(?:于)?\s*(?:上年度?|去年|上一年度?|上年同期|去年同期|(?P<year>(?:19|20)\d\d)\s*年度?)(?:同期)?"
    # ("比2019年（疫情前）决算数减少…": a word on why that year, in brackets)
    r"(?:\s*[（(][^（()）\d，,。；;]{1,8}[）)])?(?:相比|相较)?"
    r"|同比(?=\s*(?:增|减|下降|上升|提高|降低))"  # 同比增加5000元: the year before, unnamed
    # "完成80.18亿元，增加2.79亿元，增长3.6%": a clause opening with the change, the comparison unnamed
    r"|(?<=[，,]\s*)(?=(?:增加|减少|增收|减收|增支|减支)了?\s*\d[\d,.]*\s*(?:万元|亿元|元)\s*[，,]\s*"
    r"(?:增长|下降|负增长|减少|增加)了?\s*\d)"
    # "税收收入完成1237.5亿元，增长50.1%，增收412.8亿元": the same with the rate first
    r"|(?<=[，,]\s*)(?=(?:增长|下降|负增长)了?\s*\d[\d.]*\s*[%％]\s*[，,]\s*"
    r"(?:增加|减少|增收|减收|增支|减支)了?\s*\d[\d,.]*\s*(?:万元|亿元|元))"
)
UP_WORDS = _UP = (
    "增加|增长|上升|提高|增多|多出|上涨|增收|增支|增"  # 增 alone last: 较上年增30.20万元，增5.03%
)
DOWN_WORDS = _DOWN = "负增长|减少|下降|降低|下滑|压减|压缩|缩减|减收|减支|减"
_FLAT = "持平|一致|不变|相同|相当"
_DIR = lazy(rf"(?P<dir>(?:{_UP}|{_DOWN}|{_FLAT}))(?P<alt>/(?:{_UP}|{_DOWN}))?了?")
_FOLLOW_ON = lazy(rf"^(?:其中)?[，,：:]?(?P<label>[^，,；;。]{{2,24}}?)(?P<dir>{_UP}|{_DOWN})了?$")
_RATE_AFTER_CHANGE = lazy(
    rf"[，,、]?\s*(?:同比)?(?:增幅|减幅|降幅|涨幅|增长率|减少率|下降率|增减率|{_UP}|{_DOWN}|幅度为|比例为)?了?"
    rf"(?:幅度)?(?:为|是)?\s*"
)
_LAST_CLAUSE = lazy(r"(?:[^，,；;。]|(?<=\d),(?=\d))*[，,]?\s*$")  # 40,616,051.67: commas of a figure
_RATE_IN_BRACKETS = lazy(r"\s*[（(]\s*")
_AMOUNT_AFTER_RATE = lazy(rf"[，,、]\s*(?:同比)?(?P<dir>{_UP}|{_DOWN})了?\s*")
_RATE_OF_CHANGE = lazy(r"(?:变动率|增长率|增幅|降幅|下降率|变化率|增减率)(?:为|是|达到|达)?$")
_FROM_TO = lazy(
    rf"(?:从|由)(?P<a>[^，,；;。]{{0,30}}?)(?:(?:{_UP}|{_DOWN})?(?:至|到)|调整(?:为|至|到))(?P<b>[^，,；;。]{{0,30}})"
)
# "由A调整为B，调增C": the adjustment's amount, its direction in its verb
_ADJUSTED_BY = lazy(rf"[，,]\s*(?P<dir>调增|调减|{_UP}|{_DOWN})了?\s*$")


@record
class Change:
    """current vs prior: stated change ``delta`` and/or rate ``percent`` in direction ``sign``."""

    current: Quantity | None
    prior: Quantity | None
    delta: Quantity | None
    percent: Quantity | None
    sign: int  # +1 增加/增长, -1 减少/下降, 0 持平 (or: the percent is signed, see ``signed``)
    prior_year: int | None  # the year named as the comparison base (比2018年), None for 上年
    subject_year: int | None  # the year of the current figure, when the text says it
    anchor: Quantity  # the figure a finding points at
    signed: bool = False  # the percent carries its own sign (变动率-46.36%, table 同比 -9.19%)
    label: str = ""  # what is compared, as written before 从A至B
    year_at: tuple[int, int] | None = None  # line and column of the named prior year (比2018年)
    against_budget: bool = False  # the base is the same year's budget (比预算数63.10万元减少9.40万元)
    from_to: bool = False  # the figures before and after a change (由A调整为B, 从A提高至B), of no two years
    unsigned: bool = False  # a difference without its direction (差值为D): |current − prior|

    @classmethod
    def signed_rate(cls, current: Quantity, prior: Quantity, percent: Quantity, year: int | None) -> Change:
        """A change stated only as a signed rate (变动率-46.36%, a table's 同比 -9.19%)."""
        return cls(current, prior, None, percent, 0, None, year, anchor=percent, signed=True)

    @classmethod
    def over_last_year(
        cls, current: Quantity, delta: Quantity, percent: Quantity, sign: int, year: int | None
    ) -> Change:
        """A stated change and rate of ``current`` over last year's figure, which the text does not give."""
        return cls(current, None, delta, percent, sign, None, year, anchor=percent)

    @property
    def lines(self) -> list[int]:
        out: list[int] = []
        for q in (self.anchor, self.current, self.prior, self.delta, self.percent):
            if q is not None and q.line not in out:
                out.append(q.line)
        return out


@record
class YearComparison:
    """A comparison that names its base year: 与2019年相比, 比2018年."""

    line: int
    column: int
    year: int
    subject_year: int | None  # the year of what is compared, when its sentence says it
    budget_with_itself: bool = False  # "2026年…预算…比2026年预算增加": a budget compared with itself
    phrase: str = ""  # the comparison up to its first figure: 比2026年预算增加793.14万元
    # the same sentence compared with last year first ("比上年减少…；与2021年相比减少…", "比2019年（疫情前）"):
    # an older base year beside it is a deliberate second comparison
    beside_prior: bool = False


def sign_of(word: str) -> int:
    """+1 for a word of increase (增加, 上升, 增 …), -1 for one of decrease, 0 for 持平 and its kin."""
    if rx(rf"(?:{_FLAT})").match(word):
        return 0
    return 1 if rx(rf"(?:{_UP})").match(word) else -1


def year_of(text: str, q: Quantity) -> int | None:
    """The year a figure belongs to: the last 20XX年 before it in its sentence."""
    return _last_figures_year(text, sentence_start(text, q.start), q.start)


def _last_figures_year(text: str, start: int, end: int) -> int | None:
    """The last year named between ``start`` and ``end`` as figures' year, not as a comparison's base."""
    years = [
        y.group(1)
        for y in _YEAR.finditer(text, start, end)
        if not _BASE_YEAR_BEFORE.search(text, max(0, y.start() - 2), y.start())
        and not _BASE_YEAR_AFTER.match(text, y.end())
    ]  # "…，与2020年相比增加…；支出总计1787.36万元": 2020 is the comparison's, not the figure's
    return int(years[-1]) if years else None


_TIME_WORDS = rx(r"(?:19|20)\d\d\s*年度?|本年度|本年|当年|全年|上年度|上年|去年|年末|年初的|的|\s")


def core_label(label: str) -> str:
    """A label without years, time words, ordinals and quotes, for matching a quantity across years."""
    label = _TIME_WORDS.sub("", LEADING_ORDINAL.sub("", normalise(label)))
    return QUOTES.sub("", label).strip("：:，,")


def _labels_match(a: str, b: str) -> bool:
    """The same quantity: equal core labels, or one containing most of the other (支出 ⊂ 支出决算)."""
    a, b = core_label(a), core_label(b)
    if len(a) < 2 or len(b) < 2:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 4 and len(short) * 2 >= len(long)


def _amounts(para: Paragraph) -> list[Quantity]:
    return [q for q in para.quantities if q.is_amount or (q.kind is Kind.PERCENT and not q.approx)]


_ACTUALS = lazy(r"决算|执行|实际|完成")


_SPAN_REVIEWED = lazy(r"(?:19|20)\d\d年度?$")  # the subject year right before 比: "2017年比2013年"
_YEAR_SPAN_FROM = lazy(r"((?:19|20)\d\d)\s*年?\s*[~～—–\-－至到]+\s*(?:19|20)\d\d\s*年")


def comparison_years(doc: Document) -> list[YearComparison]:
    out = []
    for para in doc.paragraphs:
        text = normalise(para.text)
        for m in _CMP.finditer(text):
            if not m.group("year"):
                continue
            s_start = sentence_start(text, m.start())
            years = _YEAR.findall(text, s_start, m.start())
            subject = int(years[-1]) if years else None
            if (
                subject is not None
                and _SPAN_REVIEWED.search(text, s_start, m.start())
                and (
                    _YEAR_SPAN_FROM.search(text) is not None
                    and any(int(a) == int(m.group("year")) for a in _YEAR_SPAN_FROM.findall(text))
                )
            ):
                # "2013~2017年，…分别为22.5%、…、13.2%，2017年比2013年…下降了9.3个百分点": a review of a term
                # compares its last year with its first on purpose
                continue
            sentence = text[s_start : sentence_end(text, m.end())]
            # the sentence's own year ("2026年，…收入预算…"), not an earlier comparison's base (比2025年)
            own = [
                y
                for y in _YEAR.finditer(text, s_start, m.start())
                if y.start() == 0 or text[y.start() - 1] not in "比较与"
            ]
            itself = (
                bool(own)
                and int(own[0].group(1)) == int(m.group("year"))
                and text.startswith("预算", m.end("year") + 1)
                and "预算" in text[s_start : m.start()]
                and not _ACTUALS.search(sentence)
            )
            s_end = sentence_end(text, m.end())
            first = next((q for q in para.quantities if m.end() <= q.start < s_end), None)
            phrase = text[m.start() : first.end] if first is not None and first.end - m.start() <= 40 else ""
            opening = text[text.rfind("。", 0, m.start()) + 1 : m.start()]
            beside = any(  # an earlier comparison of the sentence with last year, unnamed or by its year
                c.group("year") is None or (subject is not None and int(c.group("year")) == subject - 1)
                for c in _CMP.finditer(opening)
            )
            out.append(
                YearComparison(
                    para.line,
                    para.column(m.start("year")),
                    int(m.group("year")),
                    subject,
                    itself,
                    phrase,
                    beside,
                )
            )
    return out


def analyse_changes(doc: Document) -> list[Change]:
    """Year-over-year changes in prose and in table 同比 and 增减额 columns (disclosure tables too: their
    sums are auditor.extract.fiscal's, their change columns are read here)."""
    report_year = doc.report_year
    found: list[Change] = []
    from_to: list[Change] = []
    previous: tuple[Paragraph, str] | None = None  # the paragraph right above, with its text
    above: list[tuple[Paragraph, str]] = []  # the last six paragraphs with figures
    for para in doc.paragraphs:
        if not para.quantities:
            previous = None
            continue
        text = normalise(para.text)
        # (first: both years' figures stated, the pair is surer than a comparison's subject found before it)
        found.extend(_dated_pairs(para, text))
        found.extend(_comparisons(para, text, report_year, previous))
        found.extend(_item_changes(para, text, report_year, previous))
        previous = (para, text)
        found.extend(_budget_comparisons(para, text, above[-3:]))
        found.extend(_changes_of_years_listed_above(para, text, above))
        above = [*above[-5:], (para, text)]
        found.extend(_point_changes(para, text))
        found.extend(_differences(para, text))
        found.extend(_budget_shortfalls(para, text))
        found.extend(_rates_of_change(para, text))
        found.extend(_named_changes_then_rates(para, text))
        from_to.extend(_from_to(para, text))
    found.extend(c for c in from_to if c.percent is not None or c.delta is not None)
    for table in doc.tables:
        found.extend(_table_changes(table, from_to))
        found.extend(_year_row_changes(table))
    unique: dict[tuple[int, int], Change] = {}
    for change in found:  # several comparisons in one sentence reach the same follow-on clause
        unique.setdefault((change.anchor.line, change.anchor.start), change)
    return list(unique.values())


# "公务接待费支出2.05万元，年初预算为2.00万元，差值为0.05万元": the difference of the two figures right before
# it, without a direction word
_DIFFERENCE = lazy(r"[，,]\s*(?:两者)?(?:差值|差额|差异|相差)(?:为|是)?\s*$")


def _differences(para: Paragraph, text: str) -> list[Change]:
    """Unsigned differences (差值为D) of the two figures right before them, the budget as the base."""
    if "差" not in text:
        return []
    amounts = [q for q in para.quantities if q.is_amount]
    out = []
    for k, d in enumerate(amounts):
        if k < 2 or not _DIFFERENCE.search(text, clause_start(text, d.start) - 1, d.start):
            continue
        a, b = amounts[k - 2], amounts[k - 1]
        clause = clause_start(text, d.start) - 1  # the ，before 差值
        # A, then B in the next clause, then the difference: nothing else between them
        if text[b.end : clause].strip() or not _ONE_CLAUSE_GAP.fullmatch(
            text, a.end, clause_start(text, b.start)
        ):
            continue
        if any(is_change_amount(text, q) or q.approx for q in (a, b, d)):
            continue
        if not (_same_measure(a, b) and _same_measure(a, d)):
            continue
        budget = "预算" in a.label or "预算" in b.label
        current, prior = (b, a) if "预算" in a.label and "预算" not in b.label else (a, b)
        sign = (
            1 if current.base_value > prior.base_value else -1 if current.base_value < prior.base_value else 0
        )
        out.append(
            Change(
                current=current,
                prior=prior,
                delta=d,
                percent=None,
                sign=sign,
                prior_year=None,
                subject_year=None,
                anchor=d,
                against_budget=budget,
                unsigned=True,
            )
        )
    return out


_ONE_CLAUSE_GAP = lazy(r"\s*[，,]\s*")
_EARLIER_COMPARISON = lazy(
    rf"\s*[，,]\s*(?:比|较|同比|与)[^，,；;。]{{0,16}}?(?:{_UP}|{_DOWN})了?\s*\d[\d,.]*\s*(?:万元|亿元|元)"
    rf"(?:\s*[，,]\s*(?:{_UP}|{_DOWN})了?\s*\d+(?:\.\d+)?\s*[%％])?\s*[，,]\s*"
)

# "一般公共预算收入42100万元，完成预算49531万元的85.0%，短收7431万元": the budget's shortfall (or excess) is the
# difference of the actual and the budget before it
_SHORT_OF_BUDGET = lazy(r"(?P<dir>短收|少收|欠收|短支|超收|多收|超支)了?\s*$")
_ACTUAL_TO_BUDGET = lazy(
    r"\s*[，,]\s*(?:完成|为|达到?)(?:年初|调整后的?|变动后的?)?预算(?:收入|支出|数)?(?:的)?\s*"
)
_BUDGET_RATE_THEN = lazy(r"\s*的\s*\d+(?:\.\d+)?\s*[%％]\s*[，,]\s*")


# "公务接待费2016年预算8万元，2015年预算12.5万元；对比减少4.5万元；减少率36.00%": two years' figures side by side,
# then their change compared without a named base
_PAIR_CHANGE = lazy(rf"\s*[，,；;]\s*(?:与上年)?对比(?P<dir>{_UP}|{_DOWN})了?\s*$")
_PAIR_RATE = lazy(rf"\s*[，,；;]\s*(?:{_UP}|{_DOWN})(?:率|幅度?)(?:为)?\s*$")


def _dated_pairs(para: Paragraph, text: str) -> list[Change]:
    if "对比" not in text:
        return []
    amounts = [q for q in para.quantities if q.is_amount]
    out = []
    for k in range(2, len(amounts)):
        this, last, delta = amounts[k - 2], amounts[k - 1], amounts[k]
        word = _PAIR_CHANGE.match(text, last.end, delta.start)
        if word is None or not _ONE_CLAUSE_GAP.fullmatch(text, this.end, clause_start(text, last.start)):
            continue
        y1 = _last_figures_year(text, clause_start(text, this.start), this.start)
        y0 = _last_figures_year(text, clause_start(text, last.start), last.start)
        if y1 is None or y0 != y1 - 1 or not (_same_measure(this, last) and _same_measure(this, delta)):
            continue
        if any(q.approx for q in (this, last, delta)):
            continue
        after = [q for q in para.quantities if q.start >= delta.end]
        percent = (
            after[0]
            if after and after[0].kind is Kind.PERCENT and _PAIR_RATE.match(text, delta.end, after[0].start)
            else None
        )
        out.append(
            Change(
                current=this,
                prior=last,
                delta=delta,
                percent=percent,
                sign=sign_of(word.group("dir")),
                prior_year=y0,
                subject_year=y1,
                anchor=delta,
            )
        )
    return out


def _shortfall_at(
    text: str, amounts: list[Quantity], k: int
) -> tuple[Quantity, Quantity, regex.Match] | None:
    """(actual, budget, the word) when ``amounts[k]`` is "A，完成预算B的r%，短收D"'s D."""
    d = amounts[k]
    word = _SHORT_OF_BUDGET.search(text, max(0, d.start - 4), d.start) if k >= 2 else None
    if word is None:
        return None
    actual, budget = amounts[k - 2], amounts[k - 1]
    if not (
        _ACTUAL_TO_BUDGET.fullmatch(text, actual.end, budget.start)
        and _BUDGET_RATE_THEN.fullmatch(text, budget.end, word.start())
    ):
        return None
    return actual, budget, word


def _budget_shortfalls(para: Paragraph, text: str) -> list[Change]:
    if "收" not in text and "支" not in text:
        return []
    amounts = [q for q in para.quantities if q.is_amount]
    out = []
    for k, d in enumerate(amounts):
        found = _shortfall_at(text, amounts, k)
        if found is None:
            continue
        actual, budget, word = found
        if any(q.approx for q in (actual, budget, d)) or not (
            _same_measure(actual, budget) and _same_measure(actual, d)
        ):
            continue
        sign = 1 if word.group("dir") in ("超收", "多收", "超支") else -1
        out.append(
            Change(
                current=actual,
                prior=budget,
                delta=d,
                percent=None,
                sign=sign,
                prior_year=None,
                subject_year=None,
                anchor=d,
                against_budget=True,
            )
        )
    return out


# ----------------------------------------------------------------------------- 比/较上年 …


# "…比上年减少18987.42元，下降42.13%。其中：…；公务接待费支出决算减少17993元，下降85.38%": each item of a
# compared whole's 其中 list gives its change and rate, its own level stated before (often in the paragraph
# above: "公务接待费支出决算为3080元")
_ITEM_CHANGE = lazy(
    rf"(?P<label>[^，,；;。：:\d]{{2,30}}?)(?P<dir>{_UP}|{_DOWN})了?\s*(?P<delta>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元)"
    rf"\s*[，,]\s*(?:{_UP}|{_DOWN})了?\s*\d"
)
_ITEMS_OPEN = lazy(r"其中\s*[：:，,]")


def _item_changes(
    para: Paragraph, text: str, report_year: int | None, previous: tuple[Paragraph, str] | None
) -> list[Change]:
    if "其中" not in text or report_year is None:
        return []
    opened = _ITEMS_OPEN.search(text)
    if opened is None or not _CMP.search(text, 0, opened.start()):
        return []  # only the items of a whole compared with the year before
    amounts = _amounts(para)
    out = []
    for m in _ITEM_CHANGE.finditer(text, opened.end()):
        if m.start() > opened.end() and text[m.start() - 1] not in "；;：:":
            continue  # an item opens the list or follows a ；
        delta = next((q for q in amounts if q.start == m.start("delta")), None)
        percent = next(
            (q for q in para.quantities if q.kind is Kind.PERCENT and m.end() - 1 <= q.start), None
        )
        if delta is None or delta.approx or percent is None or percent.approx:
            continue
        label = m.group("label").strip()
        current = _level_named(
            label, delta, [(q, text) for q in amounts if q.end <= opened.start()], report_year
        )
        if current is None and previous is not None:
            above, above_text = previous
            current = _level_named(label, delta, [(q, above_text) for q in _amounts(above)], report_year)
        if current is None:
            continue
        out.append(Change.over_last_year(current, delta, percent, sign_of(m.group("dir")), report_year))
    return out


def _level_named(
    label: str, delta: Quantity, figures: list[tuple[Quantity, str]], report_year: int
) -> Quantity | None:
    """The one amount of ``figures`` (each with its paragraph's text) of the report's year named ``label``."""
    named = [
        q
        for q, text in figures
        if q.is_amount
        and not is_change_amount(text, q)
        and _same_measure(q, delta)
        and _labels_match(q.label, label)
        and not _PRIOR_WORDS.search(q.label.strip())
        and year_of(text, q) in (report_year, None)
    ]
    return named[0] if len(named) == 1 else None


def _figures_after(
    para: Paragraph, text: str, pos: int, sign: int | None = None
) -> tuple[Quantity | None, Quantity | None]:
    """The change amount and/or rate right after a direction word: 减少242.82万元，下降7.86%."""
    delta = percent = None
    after = [q for q in para.quantities if q.start >= pos]
    if not after or len(text[pos : after[0].start].strip(" 了为约")) > 0:
        return None, None
    first = after[0]
    if first.kind is Kind.PERCENT:
        # "同比增长7.5%，增收4100万元": the rate first, then the amount, by a word of the same direction
        then = _AMOUNT_AFTER_RATE.fullmatch(text, first.end, after[1].start) if len(after) > 1 else None
        if (
            then is not None
            and after[1].is_amount
            and sign is not None
            and sign_of(then.group("dir")) == sign
        ):
            return after[1], first
        return None, first
    if not first.is_amount:
        return None, None
    delta = first
    if len(after) > 1 and after[1].kind is Kind.PERCENT:
        gap = text[first.end : after[1].start]
        if _RATE_AFTER_CHANGE.fullmatch(gap) or (
            # "较上年减少2.00万元（30.00%）": the rate of the change in brackets after it
            _RATE_IN_BRACKETS.fullmatch(gap) and text[after[1].end : after[1].end + 1] in ("）", ")")
        ):
            percent = after[1]
    return delta, percent


def _bare_prior(text: str, q: Quantity, after: int, before: int, delta: Quantity) -> Quantity | None:
    """ "较上年3.91减少0.45万元": last year's figure written bare between the comparison and its direction
    word, in the unit of the change."""
    if q.kind is not Kind.PLAIN or q.approx or text[q.end : before].strip():
        return None
    if not _BARE_PRIOR_NAME.fullmatch(text, after, q.start):
        return None  # "相比2016年的总收入6871.82减少…": a name may stand before it
    return replace(
        q,
        unit=delta.unit,
        kind=delta.kind,
        scale=delta.scale,
        base_unit=delta.base_unit,
        inherited_unit=True,
        label=text[after : q.start] or q.label,
    )


def _comparisons(
    para: Paragraph, text: str, report_year: int | None, previous: tuple[Paragraph, str] | None = None
) -> list[Change]:
    out = []
    amounts = _amounts(para)
    for m in _CMP.finditer(text):
        if not m.group(0) and COMPARISON_WORD.search(_LAST_CLAUSE.search(text, 0, m.start()).group()):
            continue  # "比2023年的40.6万元，增加2.2万元": the clause before names the comparison already
        s_end = sentence_end(text, m.end())
        d = _DIR.search(text, m.end(), min(s_end, m.end() + 40))
        if d is None:
            continue
        between = [q for q in para.quantities if m.end() <= q.start < d.start()]
        label_text = text[m.end() : d.start()]
        if rx(r"[，,；;]").search(label_text.strip("，, ")):
            continue  # the direction word belongs to another clause
        sign = sign_of(d.group("dir"))
        prior_year = int(m.group("year")) if m.group("year") else None
        if label_text.rstrip().endswith(("各", "分别")):
            out.extend(_parallel(para, text, m, d, sign, prior_year))
            continue
        delta, percent = _figures_after(para, text, d.end(), None if d.group("alt") else sign)
        if d.group("alt"):  # template residue "增加/减少": the direction comes from a later word
            later = _DIR.search(text, d.end(), s_end)
            if later is None or later.group("alt"):
                continue
            sign = sign_of(later.group("dir"))
        if delta is None and percent is None and sign != 0:
            continue
        glued = [q for q in between if q.is_amount]
        if delta is None and len(glued) == 2 and not text[glued[0].end : glued[1].start].strip():
            # "较2022年决算数688.84万元131.49万元，增长19.09%": last year's figure, then the change with its
            # direction word left out
            between, delta = [glued[0]], glued[1]
        # "比去年同期前100家企业纳税额增加5952万元": a count in the subject is no figure of last year's
        explicit_prior = next(
            (q for q in reversed(between) if q.is_amount and (delta is None or _same_measure(q, delta))), None
        )
        if explicit_prior is None and delta is not None and len(between) == 1:
            explicit_prior = _bare_prior(text, between[0], m.end(), d.start(), delta)
        subject = label_text if core_label(label_text) else text[clause_start(text, m.start()) : m.start()]
        current, prior = _subject(
            para,
            text,
            m,
            amounts,
            explicit_prior,
            subject,
            report_year,
            prior_year,
            like=delta or explicit_prior,
            previous=previous,
        )
        if current is None and prior is None and delta is not None:
            # "收入总计1262.46万元，支出总计1262.46万元。收、支与2023年度相比，增加66.69万元": both totals, one figure
            current = _both_totals(para, text, m.start(), delta)
        if current is None and prior is None and delta is not None:
            current = _named_in_a_sentence_before(para, text, m.start(), delta, report_year)
        if current is None and prior is None and delta is not None and previous is not None:
            # "…经费支出年初预算为A，支出决算为B。⏎ …经费支出决算数比上年减少d，下降p%": the clause names its
            # subject without a figure; this year's figure of that name is the paragraph's above
            opens = clause_start(text, m.start())
            if not any(opens <= q.start < m.start() for q in para.quantities):
                year = _last_figures_year(text, 0, m.start()) or report_year  # the paragraph's year
                current = _named_above(text[opens : m.start()], delta, previous, year)
                if current is None and percent is not None:
                    # "2021年度…公务接待12.39万元…。⏎ 2022年度…，其中公务接待较上年同期减少0.58万元，减少4.68%": no
                    # figure of this year, last year's above: the rate is the change over it
                    prior = _prior_named_above(text[opens : m.start()], delta, previous, year, prior_year)
        if current is None and prior is None:
            continue
        anchor = percent or delta or current
        if anchor is None:
            continue
        subject_year = year_of(text, current) if current else None
        # "…5.21万元，与2021年度预算相比，减少0.1万元" in the report on 2021: the same year's budget, not a year
        budget = (
            prior_year is not None
            and prior_year in (subject_year or report_year, report_year)
            and _SAME_YEARS_BUDGET.match(label_text) is not None
        )
        out.append(
            Change(
                current=current,
                prior=prior,
                delta=delta,
                percent=percent,
                sign=sign,
                prior_year=None if budget else prior_year,
                subject_year=subject_year,
                anchor=anchor,
                year_at=(para.line, para.column(m.start("year"))) if prior_year and not budget else None,
                against_budget=budget,
            )
        )
        out.extend(
            _follow_ons(
                para, text, m, (percent or delta or anchor).end, s_end, amounts, report_year, prior_year
            )
        )
    return out


# "比预算数63.10万元减少9.40万元", "较年初预算数减少20.00万元，下降10.00%", "与调整预算相比增加…": the
# actual against the same year's budget. A year or 上年 before 预算 is a comparison with another year (_CMP).
_SAME_YEARS_BUDGET = lazy(r"\s*(?:的)?(?:年初|全年|调整后?的?)?预算(?:数|安排数?)?\s*(?:相比|相较)?")
_BUDGET_CMP = lazy(
    r"(?:比|较|与)\s*(?:本年|当年)?(?:的)?(?:年初|全年|调整后?的?)?(?:预算数?|预算安排数?)(?:相比|相较)?"
)


def _point_changes(para: Paragraph, text: str) -> list[Change]:
    """A share's change in percentage points: "占…的比重为86.54%，上年为85.34%，比上年提高1.20个百分点"."""
    if "百分点" not in text:
        return []
    out = []
    for m in _CMP.finditer(text):
        s_start, s_end = sentence_start(text, m.start()), sentence_end(text, m.end())
        d = _DIR.search(text, m.end(), min(s_end, m.end() + 20))
        if d is None or d.group("alt") or sign_of(d.group("dir")) == 0:
            continue
        after = [q for q in para.quantities if q.start >= d.end()]
        if not after or after[0].kind is not Kind.POINTS or text[d.end() : after[0].start].strip(" 了为约"):
            continue
        delta = after[0]
        between = [q for q in para.quantities if m.end() <= q.start < d.start()]
        percents = [q for q in para.quantities if s_start <= q.start and q.end <= m.start()]
        if any(q.kind is not Kind.PERCENT or q.approx for q in [*between, *percents]) or delta.approx:
            continue  # only shares and their change: no amount of another measure in between
        if len(between) == 1:
            current, prior = (percents[-1] if percents else None), between[0]
        elif not between and len(percents) >= 2 and _PRIOR_WORDS.search(percents[-1].label.strip()):
            current, prior = percents[-2], percents[-1]
        elif not between and percents and (bracket := _prior_in_brackets(para, text, delta)) is not None:
            # "…比重为68.5%，比上年提高2.2个百分点（上年为66.3%）"
            current, prior = percents[-1], bracket
        else:
            continue
        if current is None:
            continue
        out.append(
            Change(
                current=current,
                prior=prior,
                delta=delta,
                percent=None,
                sign=sign_of(d.group("dir")),
                prior_year=int(m.group("year")) if m.group("year") else None,
                subject_year=year_of(text, current),
                anchor=delta,
            )
        )
    return out + _bare_point_changes(para, text)


_PRIOR_BRACKET = lazy(r"\s*[（(]\s*(?:上年|去年|上年同期)(?:为|是)?\s*(?=\d)")
_BARE_POINT_DIR = lazy(rf"[，,]\s*(?P<dir>{_UP}|{_DOWN})了?\s*(?=\d[\d.]*\s*个?百分点)")


def _prior_in_brackets(para: Paragraph, text: str, delta: Quantity) -> Quantity | None:
    """Last year's share in brackets right after the change: "提高2.2个百分点（上年为66.3%）"."""
    m = _PRIOR_BRACKET.match(text, delta.end)
    if m is None:
        return None
    q = next((q for q in para.quantities if q.start == m.end()), None)
    return q if q is not None and q.kind is Kind.PERCENT and not q.approx else None


def _bare_point_changes(para: Paragraph, text: str) -> list[Change]:
    """ "…比重为80.2%，上年为78.0%，提高2.2个百分点": the change in points right after last year's share, with no
    comparison word of its own; this year's share is the one before last year's, in the same sentence."""
    out = []
    for m in _BARE_POINT_DIR.finditer(text):
        delta = next((q for q in para.quantities if q.start >= m.end()), None)
        if delta is None or delta.kind is not Kind.POINTS or delta.approx or delta.start != m.end():
            continue
        opens = sentence_start(text, m.start())
        before = [q for q in para.quantities if opens <= q.start and q.end <= m.start()]
        if len(before) < 2 or any(q.kind is not Kind.PERCENT or q.approx for q in before):
            continue
        current, prior = before[-2], before[-1]
        if not _PRIOR_WORDS.search(prior.label.strip()) or _PRIOR_WORDS.search(current.label.strip()):
            continue
        sign = sign_of(m.group("dir"))
        out.append(Change(current, prior, delta, None, sign, None, year_of(text, current), anchor=delta))
    return out


def _budget_comparisons(
    para: Paragraph, text: str, above: list[tuple[Paragraph, str]] | None = None
) -> list[Change]:
    """The actual figure against its budget: current before the comparison, the budget in it or derived
    from the stated difference. A comparison whose clause names its subject without a figure ("公务接待费
    支出决算数比预算数减少4.82万元，下降96.40%") compares the one figure of that name stated before it, in
    its paragraph or the few above (``above``)."""
    if "预算" not in text:
        return []
    out = []
    for m in _BUDGET_CMP.finditer(text):
        s_end = sentence_end(text, m.end())
        d = _DIR.search(text, m.end(), min(s_end, m.end() + 40))
        if d is None or d.group("alt"):
            continue
        between = [q for q in para.quantities if m.end() <= q.start < d.start()]
        if rx(r"[，,；;]").search(text[m.end() : d.start()].strip("，, ")):
            continue  # the direction word belongs to another clause
        delta, percent = _figures_after(para, text, d.end())
        if delta is None and percent is None:
            continue
        prior = next((q for q in reversed(between) if q.is_amount), None)
        if len(between) > (1 if prior is not None else 0):
            continue
        before = [q for q in para.quantities if q.end <= m.start() and q.is_amount]
        opens = clause_start(text, m.start())
        subject = text[opens : m.start()]
        if (
            (not before or before[-1].end <= opens)
            and prior is None
            and delta is not None
            and len(_subject_name(subject)) >= 4
        ):
            # the clause names what it compares and no figure: the one figure of that name above
            current = _named_before(subject, delta, [(q, text) for q in before], above or [])
            if current is None:
                continue
        elif not before:
            continue
        else:
            current = before[-1]
            gap = text[current.end : m.start()]
            subject = next((q for q in reversed(before) if not is_change_amount(text, q)), None)
            if (
                is_change_amount(text, current)
                and subject is not None
                and _EARLIER_COMPARISON.fullmatch(text, subject.end, m.start())
            ):
                # "…41万元，较上年减少19万元，下降43.78%，较年初预算数减少4万元，下降2.2%": the figure the
                # comparison with last year is of
                current, gap = subject, ""
            if "。" in gap or sum(gap.count(ch) for ch in "，,；;") > 1 or len(gap) > 12:
                continue
        like = delta or prior
        if like is not None and not _same_measure(current, like):
            continue
        if is_change_amount(text, current) or current.approx or _BASE_BEFORE.search(text, 0, current.start):
            continue
        out.append(
            Change(
                current=current,
                prior=prior,
                delta=delta,
                percent=percent,
                sign=sign_of(d.group("dir")),
                prior_year=None,
                subject_year=None,
                anchor=percent or delta or current,
                against_budget=True,
            )
        )
    return out


_HAN_AFTER = lazy(r"\p{Han}")
# "2、公务用车运行维护费增加144.71万元，增加的原因是…": an item's change, opening its clause, with no base
_BARE_ITEM_CHANGE = lazy(
    rf"(?:^|(?<=[。；;：:，,]))\s*(?:[（(]?[一二三四五六七八九十\d]{{1,3}}[)）、.．]\s*)?"
    rf"(?P<label>[^，,；;。：:\d比较与]{{2,24}}?)(?P<dir>{_UP}|{_DOWN})了?\s*(?=\d)"
)


def _changes_of_years_listed_above(
    para: Paragraph, text: str, above: list[tuple[Paragraph, str]]
) -> list[Change]:
    """ "2022年…合计为A，其中：…公务用车运行维护费472.38万元…。2021年…合计为B，其中：…公务用车运行维护费
    327.67万元…" above, then "公务用车运行维护费增加144.71万元": an item's change without a base, against the
    item's figures of two consecutive years stated above (one each), this paragraph's sentences before it
    included."""
    if not above or not any(ch in text for ch in "增减降"):
        return []
    out = []
    for m in _BARE_ITEM_CHANGE.finditer(text):
        delta = next(
            (q for q in para.quantities if q.start == m.end() and q.is_amount and not q.approx), None
        )
        if delta is None:
            continue
        want = _subject_name(m.group("label"))
        if len(want) < 3:
            continue
        named: dict[int, list[Quantity]] = {}
        for p, t in [*above, (para, text)]:
            for q in _amounts(p):
                if p is para and q.start >= m.start():
                    break
                if q.approx or is_change_amount(t, q) or not _same_measure(q, delta):
                    continue
                year = year_of(t, q)
                if year is not None and _subject_name(q.label) == want:
                    named.setdefault(year, []).append(q)
        if len(named) != 2:
            continue
        prior_year, year = sorted(named)
        if year != prior_year + 1 or len(named[year]) != 1 or len(named[prior_year]) != 1:
            continue
        out.append(
            Change(
                current=named[year][0],
                prior=named[prior_year][0],
                delta=delta,
                percent=None,
                sign=sign_of(m.group("dir")),
                prior_year=prior_year,
                subject_year=year,
                anchor=delta,
            )
        )
    return out


_SUBJECT_STAGE = lazy(r"(?:的)?(?:决算数?|实际(?:支出)?数?|执行数|完成数|数)$")


def _named_before(
    subject: str, delta: Quantity, here: list[tuple[Quantity, str]], above: list[tuple[Paragraph, str]]
) -> Quantity | None:
    """The one amount stated before, in this paragraph (``here``) or the ones above, under the name the
    comparison's clause gives ("公务接待费支出决算数" → "（三）公务接待费支出0.18万元"), None unless exactly one."""
    want = _subject_name(subject)
    if len(want) < 4 or any(ch.isdigit() for ch in subject):
        return None
    figures = here + [(q, t) for p, t in above for q in _amounts(p)]
    named = [
        q
        for i, (q, t) in enumerate(figures)
        if _same_measure(q, delta)
        and not q.approx
        and not is_change_amount(t, q)
        and (_subject_name(q.label) == want or _sibling_named(want, q, t, figures[:i]))
    ]
    return named[0] if len(named) == 1 else None


_BUDGET_STAGE = lazy(r"(?:的)?(?:年初|全年|调整后?的?)?预算(?:数|安排数?)?$")


def _sibling_named(want: str, q: Quantity, text: str, earlier: list[tuple[Quantity, str]]) -> bool:
    """Whether ``q`` carries the name ``want`` through the figure before it in its sentence: "…“三公”经费支出年初
    预算为A，支出决算为B" names B "…“三公”经费支出" too (its own label is the measure and stage only)."""
    own = _subject_name(q.label)
    if not own or len(own) > 4 or not want.endswith(own) or own == want:
        return False
    opens = sentence_start(text, q.start)
    siblings = [e for e, t in earlier if t is text and e.start >= opens]
    # (the sibling's name may lead with the unit's: "某某局2022年度…经费支出年初预算")
    return bool(siblings) and _BUDGET_STAGE.sub("", _subject_name(siblings[-1].label)).endswith(want)


_YEAR_WORD = lazy(r"(?:19|20)\d\d\s*年度?")


def _named_in_a_sentence_before(
    para: Paragraph, text: str, at: int, delta: Quantity, report_year: int | None
) -> Quantity | None:
    """ "…。其中，因公出国（境）费50万元，公务接待费478万元…。…。其中：因公出国（境）费同口径比2018年减少9万元，下降
    15.3%": a clause that names its subject without a figure, the one figure of that name in an earlier
    sentence of the paragraph, of the report's year (or, without one, the latest year the paragraph names)."""
    opens = clause_start(text, at)
    if any(opens <= q.start < at for q in para.quantities):
        return None
    subject = _LEADING_QIZHONG.sub("", text[opens:at])
    begins = sentence_start(text, at)
    here = [(q, text) for q in _amounts(para) if q.end <= begins and q.is_amount]
    if not here:
        return None
    found = _named_before(_YEAR_WORD.sub("", subject), delta, here, [])
    years = [int(y) for y in _YEAR.findall(text, 0, at)]
    year = report_year or (max(years) if years else None)
    if found is None or year_of(text, found) not in (year, None):
        return None  # "2022年公务接待费5.00万元。公务接待费比上年增加…": last year's figure is the base, not this
    return found


def _named_above(
    subject: str, delta: Quantity, previous: tuple[Paragraph, str], year: int | None
) -> Quantity | None:
    """The one figure of the paragraph above under the name a comparison's clause gives its subject, of the
    year the clause names (or ``year``: its paragraph's, or the report's)."""
    named = _YEAR.search(subject)
    want_year = int(named.group(1)) if named else year
    found = _named_before(_YEAR_WORD.sub("", subject), delta, [], [previous])
    if found is None or want_year is None or year_of(previous[1], found) not in (want_year, None):
        return None
    return found


_LEADING_QIZHONG = lazy(r"^\s*其中\s*[：:，,]?\s*")


def _prior_named_above(
    subject: str, delta: Quantity, previous: tuple[Paragraph, str], year: int | None, prior_year: int | None
) -> Quantity | None:
    """The one figure of the paragraph above of the comparison's subject and of the year before ``year``
    (or the year the comparison names)."""
    if year is None:
        return None
    want = prior_year or year - 1
    name = _LEADING_QIZHONG.sub("", _YEAR_WORD.sub("", subject))
    if len(core_label(name)) < 2:
        return None
    above, above_text = previous
    found = [
        q
        for q in _amounts(above)
        if q.is_amount
        and not q.approx
        and _same_measure(q, delta)
        and not is_change_amount(above_text, q)
        and _labels_match(q.label, name)
        and year_of(above_text, q) == want
    ]
    return found[0] if len(found) == 1 else None


_SUBJECT_ORDINAL = lazy(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*")


def _whole_of_the_list_before(text: str, before: list[Quantity], last: Quantity) -> Quantity | None:
    """The whole that ends the sentence before a sentence of its parts ("W。其中，A a，B b，C c。"): the parts
    are all of it (they add up to it) and none has a comparison of its own."""
    from auditor.extract.tolerance import Verdict, judge, sum_interval

    opens = sentence_start(text, last.start)
    if not OPENS_WITH_QIZHONG.match(text, opens) or COMPARISON_WORD.search(text, opens, last.end):
        return None
    parts = [q for q in before if q.start >= opens and _same_measure(q, last)]
    earlier = [q for q in before if q.end <= opens]
    if len(parts) < 2 or not earlier:
        return None
    whole = earlier[-1]
    if sentence_start(text, whole.start) == opens or text[whole.end : opens].strip() not in ("。", "."):
        return None
    if not _same_measure(whole, last) or judge(whole, sum_interval(parts)) is not Verdict.OK:
        return None
    return whole


def _subject_name(label: str) -> str:
    """A figure's name without its ordinal and stage words: "（三）公务接待费支出" → 公务接待费支出."""
    return _SUBJECT_STAGE.sub("", core_label(_SUBJECT_ORDINAL.sub("", label.strip())))


def _follow_ons(
    para: Paragraph,
    text: str,
    m: regex.Match,
    start: int,
    s_end: int,
    amounts: list[Quantity],
    report_year: int | None,
    prior_year: int | None,
) -> list[Change]:
    """ "较上年度“三公经费”支出减少86.39%，其中公务用车购置费减少100%，…公务接待费增加171.43%"."""
    out = []
    for pct in para.quantities:
        if not (start <= pct.start < s_end) or pct.kind is not Kind.PERCENT or pct.approx:
            continue
        clause = clause_before(text, pct.start)
        f = _FOLLOW_ON.match(clause)
        if f is None or _CMP.search(clause):
            continue
        current, prior = _subject(para, text, m, amounts, None, f.group("label"), report_year, prior_year)
        if current is None or prior is None:
            continue
        out.append(
            Change(
                current=current,
                prior=prior,
                delta=None,
                percent=pct,
                sign=sign_of(f.group("dir")),
                prior_year=prior_year,
                subject_year=year_of(text, current),
                anchor=pct,
            )
        )
    return out


_NOT_A_NAME = lazy(r"[\d。；;：:]|比|较|增|减|下降|其中|合计|总计")
# ("去年全年…完成A，同比增长p%" in a January news report is the year reported, compared with the one before)
_PRIOR_WORDS = lazy(r"^(?:上年|去年(?!全年)|上一年度?|上年同期)(?!结转|结余)|^(?:19|20)\d\d年度?(?:为|是)?$")
# one to three clauses of rates about the figure: "，完成预算的16.18%，较均衡进度慢0.48%，" (or a rate a template
# left without its value: "，占基本支出预算%，")
RATE_CLAUSES = lazy(
    r"(?:[，,]\s*(?:完成|占|为|达到?|(?:较|比|超)均衡进度)[^，,；;。]{0,20}?(?:\d+(?:\.\d+)?)?\s*[%％]\s*){1,3}[，,]\s*"
)
_BASE_BEFORE = lazy(r"为(?:年初|调整后?的?|全年)?预算数?\s*$")
# what the figure is, said in words between it and its comparison: "收入203.91万元，为县本级财政当年拨付的
# 资金，较上年增加…", "农林水支出172.36万元：主要用于动物疫病防控。较上年增加…"
_MEASURE_ONLY = lazy(r"(?:年初|全年)?(?:决算|预算|执行|实际)?数?")  # "较2022年度决算数增加": what, not whose
# "…，较年初预算数减少d1，下降p1%，较上年支出数减少d2": a second comparison may name the measure it compares
_MEASURE_OF_A_SECOND = lazy(
    r"(?:年初|全年)?(?:决算|预算|执行|实际)?(?:支出|收入)?(?:决算|预算|执行|实际)?数?"
)
EXPLAINING_GAP = lazy(
    r"(?:[，,：:]\s*(?:为|是|系|指|主要用于|主要是|主要为|用于|主要包括|包括)[^\d%％，,；;。！？：:]{1,80}){1,2}"
    r"[，,。]\s*"
)

# the figure is the base of a rate ("完成预算29.60万元的92.8%") or a note in brackets ("（年初预算43.20万元）"):
# not the subject of the comparison after it
_ACTUAL_THEN_RATE = lazy(
    # (the budget named with what it is a budget of: "，完成调整后预算收入302000万元的104.7%")
    r"\s*[，,]\s*(?:完成|为|达到|占)了?(?:年初|全年|调整后?的?|年度)?预算(?:数|金额|收入|支出)?的?\s*"
)
_BASE_OF_RATE = lazy(r"\s*(?:的\s*\d+(?:\.\d+)?\s*%|[）)])")


def _subject(
    para: Paragraph,
    text: str,
    m: regex.Match,
    amounts: list[Quantity],
    explicit_prior: Quantity | None,
    label_text: str,
    report_year: int | None,
    prior_year: int | None,
    like: Quantity | None = None,
    previous: tuple[Paragraph, str] | None = None,
) -> tuple[Quantity | None, Quantity | None]:
    """The current figure (and the prior one when the text states it) of a comparison (``previous``: the
    paragraph above and its text).

    ``like`` is the stated change amount, when there is one: current and prior are of its kind.
    """
    before = [
        q for q in amounts if q.end <= m.start() and q.is_amount and (like is None or _same_measure(q, like))
    ]
    if before and depth_at(text, before[-1].start) > 0 and depth_at(text, m.start()) == 0:
        # "…收入完成78.14亿元（县本级60.4亿元，高新区17.74亿元），完成调整预算的102.72%，同比增收…": the figure
        # the bracket breaks down is the one compared
        outer = [q for q in before if depth_at(text, q.start) == 0]
        if outer and RATE_CLAUSES.fullmatch(outside_brackets(text[outer[-1].end : m.start()])):
            return outer[-1], explicit_prior
    current = None
    money = [q for q in amounts if q.is_amount]
    if before and (k := next((i for i, q in enumerate(money) if q is before[-1]), None)) is not None:
        shortfall = _shortfall_at(text, money, k)
        if shortfall is not None and _ONE_CLAUSE_GAP.fullmatch(text, before[-1].end, m.start()):
            # "…收入A，完成预算B的r%，短收D，同比下降p%": the comparison is A's, after its budget and shortfall
            return shortfall[0], explicit_prior
    if before:
        last = before[-1]
        gap = text[last.end : m.start()]
        listed = text.rfind("其中", sentence_start(text, last.start), last.start)
        item = max(listed, text.rfind("；", listed, last.start), text.rfind(";", listed, last.start))
        glued = text.rfind("%", item, last.start)  # "…的98.74%公务用车运行维护费支出3758万元": a ； left out
        if glued > 0 and glued + 1 < len(text) and _HAN_AFTER.match(text, glued + 1):
            item = glued
        # (only after "与上年相比": in "比2025年预算执行数增加" the name is the prior figure's)
        named = _named_elsewhere(text, before, m.start(), label_text) if m.group().endswith(_CLOSED) else None
        if named is not None:
            # "收入总计766.75万元，其中：收入合计610.42万元，年初结转和结余156.33万元，与上年相比收入总计减少
            # …": the comparison names its subject, which is an earlier figure of the sentence, not the last
            before = [q for q in before if q.end <= named.end]
            last = current = named
        elif (
            gap.strip() in ("。", ".")
            and not text[sentence_start(text, m.start()) : m.start()].strip()
            and not core_label(label_text)
            and (whole := _whole_of_the_list_before(text, before, last)) is not None
        ):
            # "“三公”经费预算为3328万元。其中，A 50万元，B 478万元，C 2800万元。比2018年减少830万元，…": after a
            # sentence of all the parts, a comparison without a subject is the whole's
            current = whole
        elif (
            listed >= 0
            and sum(1 for q in before if q.start > item and not _BASE_OF_RATE.match(text, q.end)) >= 2
            and not core_label(label_text)
        ):
            # "…4.86万元，其中公务用车运行维护费2.94万元，…，因公出国（境）费0万元，较上年减少0.73万元": after a
            # list, a comparison without a subject may be the whole's or the last part's ("其中：A a，比上年…；
            # B b，比上年…" compares each part in its own ；-item)
            return None, explicit_prior
        if current is not None:
            pass
        elif "。" not in gap and sum(gap.count(ch) for ch in "，,；;") <= 1 and len(gap) <= 12:
            current = last
        elif RATE_CLAUSES.fullmatch(gap):
            # "…支出决算16.00万元，完成预算的80.00%，较上年减少2.00万元": a rate about it in between
            current = last
        elif (of := _BASE_OF_RATE.match(gap)) and RATE_CLAUSES.fullmatch(
            "，" + gap[of.end() :].lstrip("，,")
        ):
            # "…收入5682万元，完成预算105425万元的5.39%，较均衡进度慢2.94%，较上年同期减收…": the budget is
            # the rate's base (the figure compared is the one before it, below)
            current = last
        elif (
            EXPLAINING_GAP.fullmatch(gap)
            and not text[clause_start(text, m.start()) : m.start()].strip()
            and _MEASURE_ONLY.fullmatch(core_label(label_text))
            and sum(1 for q in before if q.start >= sentence_start(text, last.start)) == 1
        ):  # the comparison opens its clause with no subject of its own, after words about the one figure
            current = last
        elif (
            gap.strip() in ("。", ".")
            and not text[sentence_start(text, m.start()) : m.start()].strip()
            and not core_label(label_text)  # "。较上年度“三公经费”支出减少…" names its own subject
            and sum(1 for q in before if q.start >= sentence_start(text, last.start)) == 1
        ):  # and the last sentence states one amount: "…合计400万元，其中基本支出300万元。与上年相比…" is ambiguous
            # "…收入总计520.00万元。与上年相比，增加20.00万元，增长4.00%": the comparison opens the next
            # sentence with no subject of its own; the figure is the one that ended the last
            current = last
        if (
            is_change_amount(text, last)
            and _MEASURE_OF_A_SECOND.fullmatch(core_label(label_text))
            and not text[clause_start(text, m.start()) : m.start()].strip()
            and sentence_start(text, last.start) == sentence_start(text, m.start())
        ):
            # "支出126.48万元，比年初预算增加6.48万元，…；比上年增加8.73万元": a second comparison without a
            # subject of its own is about the figure the first one compared
            first = _compared_by_the_first(text, before, last, m.start())
            if first is not None:
                return first, explicit_prior
        if (
            current is not None
            and len(before) >= 2
            and _BASE_OF_RATE.match(text, current.end)
            and _ACTUAL_THEN_RATE.fullmatch(text, before[-2].end, current.start)
            and not is_change_amount(text, before[-2])
        ):
            # "决算为41.30万元，完成全年预算55.00万元的75.09%，比上年决算数增加6.30万元": the budget is the
            # rate's base; what the year compares is the figure the rate is of
            current = before[-2]
        elif current is not None and (
            is_change_amount(text, current)
            or _BASE_BEFORE.search(text, 0, current.start)
            or _BASE_OF_RATE.match(text, current.end)
        ):
            # "比预算减少0.58万元，比去年增加0.30万元": the figure before is another comparison's difference;
            # "为调整预算数125000万元的102.92%，比2023年增收…": it is the base of a rate
            return None, explicit_prior
    prior_like = current is not None and _PRIOR_WORDS.search(current.label.strip())
    if prior_like and _LEADING_YEAR.match(current.label.strip()):
        # "支出合计450.00万元，2023年为400.00万元，较2023年增加…": only the year before the one reported
        prior_like = report_year is not None and year_of(text, current) == report_year - 1
    if current is not None and explicit_prior is None and prior_like:
        # "支出450.00万元，上年支出400.00万元，比上年增加50.00万元": the figure before the comparison is
        # last year's; this year's is the one before it, in the same sentence
        earlier = [q for q in before[:-1] if q.start >= sentence_start(text, current.start)]
        return (earlier[-1], current) if earlier else (None, None)
    if current is not None and explicit_prior is None:
        # "2023年度预算1401.15万元，2022年度预算1217.55万元，较上年度增加15.08%": the figure before the
        # comparison is itself last year's; the current one is the same label a year later.
        own_year = year_of(text, current)
        if (
            own_year is not None
            and ((report_year is not None and own_year == report_year - 1) or own_year == prior_year)
            and not (own_year == prior_year and _SAME_YEARS_BUDGET.match(label_text))  # 与2023年度预算相比
        ):  # (the compared year names it too: "2023年…，2022年…，2023年比2022年增加…")
            later = [
                q
                for q in before[:-1]
                if _labels_match(q.label, current.label)
                and year_of(text, q) == own_year + 1
                and q.kind is current.kind
            ]
            if later:
                return later[-1], current
            return None, None
        return current, _prior_in_sentence(text, m, before[:-1], current, label_text, report_year, prior_year)
    if current is not None:
        return current, explicit_prior
    if before and _restated_in_next_sentence(text, before, m.start(), label_text):
        # "…财政拨款支出1236.80万元，主要用于…。与2022年相比，财政拨款支出增加86.80万元": the sentence before
        # ends its account of one figure, which this one names again, shorter, and compares
        own = year_of(text, before[-1])
        base = prior_year or (report_year - 1 if report_year else None)
        if base is None and (years := [int(y) for y in _YEAR.findall(text)]):
            base = max(years) - 1  # (a text without its report's year: the latest year it speaks of)
        if own is not None and base is not None and own <= base:
            # "2023年…6.00万元。2022年公务接待费5.00万元。公务接待费比上年增加…": the figure before is the base
            # year's own, not the one compared with it
            return None, explicit_prior
        return before[-1], explicit_prior
    # "…。较上年度“三公经费”支出减少86.39%，其中公务接待费增加171.43%": find both years by label.
    label = rx(r"[\d.,%万元亿人件个]+").sub("", label_text)
    if (
        previous is not None
        and explicit_prior is not None
        and not before
        and sentence_start(text, m.start()) == 0
    ):
        # "2017年总收入6628.72万元，其中：…。⏎ 相比2016年的总收入6871.82减少243.10万元": the paragraph opens
        # with the comparison; this year's figure of that name is the paragraph's above
        year = prior_year + 1 if prior_year else report_year
        above, above_text = previous
        named = label.removeprefix("的")
        same = [
            q
            for q in _amounts(above)
            if q.is_amount
            and _labels_match(q.label, named)
            and _same_measure(q, explicit_prior)
            and year is not None
            and year_of(above_text, q) == year
        ]
        if len(same) == 1:
            return same[0], explicit_prior
    if not core_label(label) or report_year is None:
        return None, explicit_prior
    candidates = [
        q
        for q in amounts
        if q.is_amount
        and q.end <= m.start()
        and _labels_match(q.label, label)
        and (like is None or _same_measure(q, like))
    ]
    this_year = [q for q in candidates if year_of(text, q) in (report_year, None)]
    last_year = [q for q in candidates if year_of(text, q) == (prior_year or report_year - 1)]
    current = this_year[-1] if this_year else None
    prior = explicit_prior or (last_year[-1] if last_year else None)
    if current is not None and prior is not None and current is prior:
        return None, None
    return current, prior


_CLOSED = ("相比", "相较")  # a comparison closed before its subject: "与上年相比，收入总计…"


def _named_elsewhere(text: str, before: list[Quantity], pos: int, label_text: str) -> Quantity | None:
    """The one earlier amount of the sentence that the comparison at ``pos`` names as its subject
    (…相比收入总计减少…), when the last amount before it is of another name; None otherwise."""
    name = core_label(label_text)
    if not name or _MEASURE_ONLY.fullmatch(name) or _labels_match(before[-1].label, label_text):
        return None
    opens = sentence_start(text, pos)
    named = [q for q in before[:-1] if q.start >= opens and _labels_match(q.label, label_text)]
    return named[0] if len(named) == 1 else None


def _restated_in_next_sentence(text: str, before: list[Quantity], pos: int, label_text: str) -> bool:
    """Whether the comparison at ``pos`` opens the sentence right after the one of the last amount, the
    one amount of that sentence, and names it again, shorter (一般公共预算财政拨款支出 → 财政拨款支出)."""
    last = before[-1]
    label = core_label(label_text)
    if len(label) < 4 or is_change_amount(text, last):
        return False
    opens = sentence_start(text, pos)
    lead = text[opens:pos].strip()  # nothing, or the name itself: "。公务接待费支出决算比上年减少…"
    if (lead and core_label(lead) != label) or sentence_end(text, last.end) + 1 != opens:
        return False
    earlier = sentence_start(text, last.start)
    if sum(1 for q in before if q.start >= earlier) != 1:
        return False
    # 一般公共预算财政拨款 of 一般公共预算财政拨款支出; 公务接待费支出决算 of 公务接待费支出 (决算 says which
    # measure of it is compared, not whose)
    # (“三公”经费总支出 of “三公”经费支出: the sentence before named the one figure in full)
    stated = _TOTAL_OF.sub(r"\1", core_label(last.label))
    return label in stated or _MEASURE_SUFFIX.sub("", label) == stated


_MEASURE_SUFFIX = lazy(r"(?:决算|预算|执行|实际)数?$")
_TOTAL_OF = lazy(r"总((?:支出|收入)$)")


_FIRST_COMPARISON = lazy(r"\s*[，,]\s*(?:比|较|与)")


def _compared_by_the_first(text: str, before: list[Quantity], delta: Quantity, pos: int) -> Quantity | None:
    """The figure right before the comparison whose difference ``delta`` is, in the same sentence."""
    opens = sentence_start(text, delta.start)
    earlier = [
        q for q in before if opens <= q.start and q.end <= delta.start and not is_change_amount(text, q)
    ]
    if not earlier:
        return None
    subject = earlier[-1]
    if not _FIRST_COMPARISON.match(text, subject.end) or "其中" in text[subject.end : pos]:
        return None
    if any(q.start > subject.end and not is_change_amount(text, q) for q in before if q.end <= pos):
        return None  # another figure stands between: whose is the second comparison?
    return subject


def _prior_in_sentence(
    text: str,
    m: regex.Match,
    before: list[Quantity],
    current: Quantity,
    label_text: str,
    report_year: int | None,
    prior_year: int | None,
) -> Quantity | None:
    """The prior figure stated earlier in the same sentence under the compared name:
    "2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.93%"."""
    year = prior_year or (report_year - 1 if report_year else None)
    words = core_label(label_text)
    own = year_of(text, current) or report_year
    if year is None or len(words) < 2 or (own is not None and year >= own):
        return None  # "2026年…比2026年预算增加": the year is wrong (Y102), not the figures
    start = sentence_start(text, m.start())
    found = [
        q
        for q in before
        if q.start >= start
        and year_of(text, q) == year
        and _same_measure(q, current)
        and q is not current
        and not is_change_amount(text, q)
    ]
    if len(found) == 1 and words in core_label(found[0].label):
        return found[0]
    return None


_BOTH_SIDES = lazy(r"(?:收[、和与]?支|收入[、和与]支出)(?:总计|合计)?")


def _both_totals(para: Paragraph, text: str, at: int, delta: Quantity) -> Quantity | None:
    """The one figure of the 收入 and the 支出 total that the sentence before states as equal, when the
    comparison's subject is both of them and nothing else ("收、支与上年相比", "收支总计较上年")."""
    opens = sentence_start(text, at)
    if not _BOTH_SIDES.fullmatch(text[opens:at].strip("，, ")):
        return None
    before = [q for q in para.quantities if q.end <= opens and q.is_amount]
    if len(before) < 2 or sentence_start(text, before[-2].start) != sentence_start(text, before[-1].start):
        return None
    income, spending = before[-2:]
    if (
        not ("收入" in income.label and "支出" in spending.label)
        or sentence_end(text, spending.end) + 1 < opens
    ):
        return None
    if income.base_value != spending.base_value or not _same_measure(income, delta):
        return None
    return income


def _same_measure(a: Quantity, b: Quantity) -> bool:
    return a.kind is b.kind and a.base_unit == b.base_unit


def _parallel(
    para: Paragraph, text: str, m: regex.Match, d: regex.Match, sign: int, prior_year: int | None
) -> list[Change]:
    """ "收、支总计2952.11万元、2845.57万元。与2019年相比，…各减少181.24万元、242.82万元，分别下降5.78%、7.86%"."""
    s_end = sentence_end(text, d.end())
    # "…分别减少a和b，下降p和q；公务接待费c…": the next ；-item is another item's
    semicolon = _SEMICOLON.search(text, d.end(), s_end)
    if semicolon is not None:
        s_end = semicolon.start()
    after = [q for q in para.quantities if d.end() <= q.start < s_end]
    deltas = [q for q in after if q.is_amount]
    percents = [q for q in after if q.kind is Kind.PERCENT and not q.approx]
    n = len(deltas) or len(percents)
    if n < 1 or (deltas and percents and len(percents) != len(deltas)):
        return []
    before = [q for q in para.quantities if q.end <= m.start() and q.is_amount]
    if n == 1:
        # "收、支总计均为1523.26万元。与2023年相比，收、支总计各增加123.26万元，增长8.80%": one figure for both
        if not before or text[before[-1].end : m.start()].strip() not in ("。", "，", ","):
            return []
        currents = [before[-1]]
    else:
        currents = _last_list(text, before, n)
    if currents is None:
        return []
    out = []
    for i in range(n):
        delta = deltas[i] if deltas else None
        percent = percents[i] if percents else None
        out.append(
            Change(
                current=currents[i],
                prior=None,
                delta=delta,
                percent=percent,
                sign=sign,
                prior_year=prior_year,
                subject_year=year_of(text, currents[i]),
                anchor=percent or delta,
                year_at=(para.line, para.column(m.start("year"))) if prior_year else None,
            )
        )
    return out


_SEMICOLON = lazy(r"[；;]")
_RESPECTIVE_RATES = lazy(
    rf"分别(?P<dir>{_UP}|{_DOWN})了?\s*(?P<first>\d[\d.]*\s*%)(?:\s*[、和及]\s*\d[\d.]*\s*%)+"
)


def _named_changes_then_rates(para: Paragraph, text: str) -> list[Change]:
    """ "收入A、支出总计B万元。与2019年相比，收入减少a、支出总计减少b万元，分别下降p%、q%" (a school's final
    accounts): each item named with its own change, then the rates in their order; each item's figure is the
    one of its name before the comparison, in its paragraph."""
    out: list[Change] = []
    if "分别" not in text:
        return out
    for m in _RESPECTIVE_RATES.finditer(text):
        opens = sentence_start(text, m.start())
        percents = [q for q in para.quantities if m.start() <= q.start < m.end() and q.kind is Kind.PERCENT]
        deltas = [q for q in para.quantities if opens <= q.start < m.start() and q.is_amount]
        if len(deltas) != len(percents) or len(deltas) < 2 or any(q.approx for q in deltas + percents):
            continue
        directions = [_DIR_BEFORE.search(text, clause_start(text, q.start), q.start) for q in deltas]
        if any(d is None or sign_of(d.group("dir")) != sign_of(m.group("dir")) for d in directions):
            continue
        names = [
            text[clause_start(text, q.start) if i == 0 else deltas[i - 1].end : d.start()]
            for i, (q, d) in enumerate(zip(deltas, directions, strict=True))
        ]
        earlier = [q for q in para.quantities if q.end <= opens and q.is_amount]
        currents = []
        for delta, name in zip(deltas, names, strict=True):
            name = name.strip("、，, ")
            current = next(
                (q for q in reversed(earlier) if _labels_match(q.label, name) and _same_measure(q, delta)),
                None,
            )
            currents.append(current)
        if None in currents or len({id(c) for c in currents}) != len(currents):
            continue
        sign = sign_of(m.group("dir"))
        for current, delta, percent in zip(currents, deltas, percents, strict=True):
            out.append(Change.over_last_year(current, delta, percent, sign, year_of(text, current)))
    return out


_DIR_BEFORE = lazy(rf"(?P<dir>{_UP}|{_DOWN})了?\s*$")


def _last_list(text: str, before: list[Quantity], n: int) -> list[Quantity] | None:
    """The last n amounts before a comparison when they form one 、-separated list."""
    if len(before) < n:
        return None
    run = before[-n:]
    for a, b in pairwise(run):
        gap = text[a.end : b.start].strip()
        # "20.00万元、15.00万元", or each amount after its own name: "…费20.00万元、公务接待费15.00万元"
        # (the last two joined by 和: "包括购置费0.14亿元和运行费1.27亿元")
        if gap not in ("、", "，", ",", "和", "及") and not (
            gap[:1] in "、，,和及" and len(gap) <= 16 and not _NOT_A_NAME.search(gap)
        ):
            return None
    return run


# ----------------------------------------------------------------------------- 变动率, 从A至B


def _rates_of_change(para: Paragraph, text: str) -> list[Change]:
    """ "2019年年末存量资金2670.6万元，2018年度年末存量资金4978.72万元，…变动率为-46.36%"."""
    out = []
    for pct in percents_introduced(para.quantities, text, _RATE_OF_CHANGE):
        s_start = sentence_start(text, pct.start)
        pool = [q for q in para.quantities if s_start <= q.start < pct.start and q.is_amount]
        dated = [(year_of(text, q), q) for q in pool]
        for year, q in dated:
            prior = next(
                (
                    p
                    for y, p in dated
                    if y is not None
                    and year is not None
                    and y == year - 1
                    and _labels_match(p.label, q.label)
                ),
                None,
            )
            if prior is not None:
                out.append(Change.signed_rate(q, prior, pct, year))
                break
    return out


def _from_to(para: Paragraph, text: str) -> list[Change]:
    """ "从每人每月148元提高至每人每月170元(，增长14.86%)"."""
    out = []
    for m in _FROM_TO.finditer(text):
        a = [q for q in para.quantities if m.start("a") <= q.start < m.end("a") and q.is_amount]
        b = [q for q in para.quantities if m.start("b") <= q.start < m.end("b") and q.is_amount]
        if len(a) != 1 or len(b) != 1 or a[0].kind is not b[0].kind or a[0].base_unit != b[0].base_unit:
            continue
        prior, current = a[0], b[0]
        verb = text[m.start() : m.end()]
        sign = -1 if rx(rf"(?:{_DOWN})").search(verb) else 1
        nxt = [q for q in para.quantities if q.start >= current.end]
        delta = percent = None
        if nxt and nxt[0].is_amount and nxt[0].kind is current.kind and nxt[0].base_unit == current.base_unit:
            by = _ADJUSTED_BY.search(text, current.end, nxt[0].start)
            if by is not None and by.start() == current.end:
                delta, nxt = nxt[0], nxt[1:]
                sign = -1 if by.group("dir") == "调减" or rx(rf"(?:{_DOWN})").match(by.group("dir")) else 1
        if nxt and nxt[0].kind is Kind.PERCENT:
            gap = text[(delta or current).end : nxt[0].start]
            if rx(rf"[，,]?\s*(?:{_UP}|{_DOWN})了?(?:幅度)?(?:为)?").fullmatch(gap):
                percent = nxt[0]
        out.append(
            Change(
                current=current,
                prior=prior,
                delta=delta,
                percent=percent,
                sign=sign,
                prior_year=None,
                subject_year=year_of(text, current),
                anchor=percent or delta or current,
                from_to=True,
                label=text[clause_start(text, m.start()) : m.start()],
            )
        )
    return out


# ----------------------------------------------------------------------------- tables


_GROUP_TOTAL_HEADER = lazy(r"合计|小计|总计")


def _table_changes(table: Table, from_to: list[Change]) -> list[Change]:
    """同比 and 增减额 columns: against a 上年 column in the same row (or the year before's, 2023年 | 2022年),
    or, for a rate, a prose 从A至B about the row's figure."""
    roles = column_roles(table)
    header = [normalise(c.text).replace(" ", "") for c in table.header.cells]
    y = roles.index("yoy") if "yoy" in roles else None
    d = roles.index("delta") if "delta" in roles else None
    if y is None and d is None:
        return []
    current_col = next((roles.index(r) for r in ("actual", "current") if r in roles), None)
    actuals = [i for i, r in enumerate(roles) if r in ("actual", "current")]
    named = [normalise(table.header.cells[i].text).strip().rpartition(" ")[0] for i in actuals]
    if len(actuals) > 1 and named[0] and len(set(named)) == 1:
        # "累计完成数 中央级 | 省级 | 市级 | 县乡级 | 合计 | 占计划% | 上年同期数 | 同比增减%": the group's total is
        # the figure compared; without one, which column the rate is of cannot be told
        totals = [i for i in actuals if _GROUP_TOTAL_HEADER.search(header[i])]
        if len(totals) != 1:
            return []
        current_col = totals[0]
    prior_col = roles.index("prior") if "prior" in roles else None
    against_budget = False
    if prior_col is None:
        years = _year_columns(table)
        if years is not None:
            current_col, prior_col = years
        elif "actual" in roles:  # 预算数 | 决算数 | 增减额: the actual against its budget, as an amount only
            budget = [
                i
                for i, r in enumerate(roles)
                if r in ("value", "target") and _BUDGET_HEADER.search(header[i])
            ]
            if len(budget) == 1 and d is not None:
                prior_col, against_budget = budget[0], True
                y = y if y is not None and not _PRIOR_HEADER.search(header[y]) else None
    if current_col is None and prior_col is not None:
        # "项目 | 2016年预算数 | 上年完成数 | 比上年增减额 | 比上年增减%": the one other column of amounts is this year's
        others = [
            i for i, r in enumerate(roles) if r == "value" and i != prior_col and is_amount_column(table, i)
        ]
        current_col = others[0] if len(others) == 1 and others[0] < prior_col else None
    if current_col is None:
        return []
    out = []
    for row in table.rows:
        pct = _cell_value(row, y)
        if pct is not None and pct.kind is not Kind.PERCENT:
            pct = None
        current = _cell_value(row, current_col)
        if current is None:
            continue
        delta = _cell_value(row, d)
        if delta is not None and not _same_measure(delta, current):
            delta = None
        prior = _cell_value(row, prior_col)
        if prior is not None and not _same_measure(prior, current):
            continue
        if prior is None and pct is not None:
            for c in from_to:
                if (
                    c.current is not None
                    and c.current.value == current.value
                    and _shares_words(c.label + c.current.label, row.label)
                ):
                    prior = c.prior
                    break
        if prior is None or (pct is None and delta is None):
            continue
        anchor = pct if pct is not None else delta
        out.append(
            Change(
                current,
                prior,
                delta,
                pct,
                0,
                None,
                None,
                anchor=anchor,
                signed=True,
                against_budget=against_budget,
            )
        )
    return out


def _year_row_changes(table: Table) -> list[Change]:
    """A table turned on its side: the years are rows ("2023年 ⏎ 2024年 ⏎ 2024年比2023年增减%"), the items
    columns. Each column's change row (a rate, or an amount) against the two years' rows above it."""
    dated: dict[tuple[int, str], Row] = {}
    changes: list[tuple[str, Row]] = []
    for row in table.rows:
        label = normalise(row.label).replace(" ", "")
        m = _ROW_YEAR.fullmatch(label)
        if m:
            dated.setdefault((int(m.group("year")), m.group("rest")), row)
        elif _ROW_RATE.search(label):
            changes.append(("rate", row))
        elif _ROW_DELTA.search(label):
            changes.append(("delta", row))
    pairs = [
        (row, dated[(year - 1, rest)]) for (year, rest), row in dated.items() if (year - 1, rest) in dated
    ]
    if len(pairs) != 1 or not changes:
        return []
    current_row, prior_row = pairs[0]
    out = []
    for kind, row in changes:
        for column in range(1, len(row.cells)):
            stated = _cell_value(row, column)
            current, prior = _cell_value(current_row, column), _cell_value(prior_row, column)
            if stated is None or current is None or prior is None or not _same_measure(prior, current):
                continue
            if kind == "rate" and stated.kind is Kind.PLAIN and _ROW_PERCENT.search(normalise(row.label)):
                # "2024年比2023年增减% | -16.77": the row's label gives its bare figures their %
                stated = replace(stated, unit="%", kind=Kind.PERCENT, scale=1, base_unit="%")
            if kind == "rate" and stated.kind is not Kind.PERCENT:
                continue
            if kind == "delta" and not _same_measure(stated, current):
                continue
            pct, delta = (stated, None) if kind == "rate" else (None, stated)
            out.append(Change(current, prior, delta, pct, 0, None, None, anchor=stated, signed=True))
    return out


# "2024年", "2024年度决算数", "2023年预算": a row of one year's figures; "2024年比2023年增减%", "增减率(%)",
# "同比增长": the rate between two of them; "增减额", "增减金额(万元)": the amount
_ROW_YEAR = lazy(
    r"(?P<year>(?:19|20)\d\d)年度?(?P<rest>(?:预算|决算|执行|实际)?(?:数|金额)?(?:[（(]万?元[）)])?)"
)
_ROW_RATE = lazy(
    r"(?:增减|增长|变动|下降)(?:率|幅度?)?\s*[（(]?[%％]|增减率|增长率|变动率|同比(?:增减|增长)?$"
)
_ROW_PERCENT = lazy(r"[%％]\s*[）)]?\s*$")
_ROW_DELTA = lazy(
    r"^(?:(?:19|20)\d\d年度?比(?:19|20)\d\d年度?)?(?:增减|增加|减少|变动)(?:额|金额|数)(?:[（(]万?元[）)])?$"
)


def _cell_value(row: Row, column: int | None) -> Quantity | None:
    cell = cell_at(row, column) if column is not None else None
    return cell_figure(cell) if cell else None


_BUDGET_HEADER = lazy(r"^(?:年初|调整后?|全年)?预算(?:数|金额|安排)?(?:[（(][^）)]*[）)])?$")
_PRIOR_HEADER = lazy(r"上年|去年|上一年|同比|同期")
_HEADER_YEAR = lazy(r"((?:19|20)\d\d)\s*年度?")


def _year_columns(table: Table) -> tuple[int, int] | None:
    """2023年决算数 | 2022年决算数: the columns of two consecutive years that name the same figure."""
    dated: dict[tuple[int, str], int] = {}
    for i, cell in enumerate(table.header.cells[1:], start=1):
        text = normalise(cell.text).replace(" ", "")
        m = _HEADER_YEAR.search(text)
        if m and len(_HEADER_YEAR.findall(text)) == 1:
            dated.setdefault((int(m.group(1)), text[: m.start()] + text[m.end() :]), i)
    pairs = [(i, dated[(year - 1, rest)]) for (year, rest), i in dated.items() if (year - 1, rest) in dated]
    return pairs[0] if len(pairs) == 1 else None


def _shares_words(prose_label: str, row_label: str) -> bool:
    """A prose passage and a table row speak of the same figure: a common run of 4+ characters."""
    a = core_label(prose_label)
    b = core_label(rx(r"[/（(].*$").sub("", row_label))
    if len(b) < 4:
        return False
    return any(b[i : i + 4] in a for i in range(len(b) - 3))


# ----------------------------------------------------------------------------- 年均增长


@record
class AnnualGrowth:
    """ "从2015年的2007万元上升到2020年的2468万元，年均增长4.22%": a compound yearly rate between two years."""

    first: Quantity
    last: Quantity
    first_year: int
    last_year: int
    rate: Quantity
    sign: int  # +1 年均增长, -1 年均下降

    @property
    def years(self) -> int:
        return self.last_year - self.first_year


_FROM_YEAR_TO_YEAR = lazy(
    r"(?:从|由)(?P<y1>(?:19|20)\d\d)\s*年(?:底|末)?的?\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元|万人|人|户|个)"
    r"\s*(?:上升|增加|增长|提高|提升|下降|减少|降低)?(?:到|至)(?P<y2>(?:19|20)\d\d)\s*年(?:底|末)?的?\s*"
    r"(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?:万元|亿元|元|万人|人|户|个)\s*[，,]\s*年均(?P<dir>增长|递增|增速为?|下降|递减)"
    r"(?:了|为)?\s*(?P<r>\d+(?:\.\d+)?)\s*%"
)


def annual_growths(doc: Document) -> list[AnnualGrowth]:
    """Every compound yearly rate stated with both years' figures, in the paragraphs."""
    found: list[AnnualGrowth] = []
    for para in doc.paragraphs:
        if "年均" not in para.text:
            continue
        text = normalise(para.text)
        at = {q.start: q for q in para.quantities}
        for m in _FROM_YEAR_TO_YEAR.finditer(text):
            first, last, rate = at.get(m.start("a")), at.get(m.start("b")), at.get(m.start("r"))
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            if first is None or last is None or rate is None or y2 <= y1:
                continue
            if first.approx or last.approx or rate.approx or first.base_unit != last.base_unit:
                continue
            sign = -1 if m.group("dir") in ("下降", "递减") else 1
            found.append(AnnualGrowth(first, last, y1, y2, rate, sign))
    return found
