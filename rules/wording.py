"""Words against figures: 大于/小于/等于 against the two amounts, rates over a zero base, reasons against
the direction of the change they explain (wording)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure, in_unit_of
from auditor.extract.tolerance import interval_of
from auditor.extract.wording import comparisons, flat_claims, reasons
from auditor.messages import Message
from auditor.rule import Context, Rule, Violation
from auditor.text.chars import normalise

_WORD = {1: ("大于", "larger"), -1: ("小于", "smaller"), 0: ("等于", "equal")}
_CHANGE = {1: ("增加", "an increase"), -1: ("减少", "a decrease")}


class ClaimAgainstFigures(Message):
    zh = "文字与数字不符：预算数 {budget}，决算数 {actual}，决算数实为{actual_word}预算数，文中写“{claim}”"
    en = "the words contradict the figures: budget {budget}, final {actual}, the final amount is {actual_en}, the text says “{claim}”"


class DifferenceAgainstFigures(Message):
    zh = "差额不符：决算数 {actual} − 预算数 {budget} = {computed}，文中写 {stated}"
    en = (
        "the difference does not match: final {actual} − budget {budget} = {computed}, the text says {stated}"
    )


class FlatAgainstFigures(Message):
    zh = "文字与数字不符：本年 {current}，上年 {prior}，实为{actual}，文中写“{claim}”"
    en = "the words contradict the figures: this year {current}, last year {prior}, {actual_en}, the text says “{claim}”"


class RateOverZero(Message):
    zh = "基数为0，{what}无从计算：{base_label}为 {base}，文中写 {stated}"
    en = "a rate over a zero base: {base_label_en} is {base}, the text still gives {stated}"


class ReasonAgainstChange(Message):
    zh = "原因与增减方向相反：文中写“{change}”，所列原因却是“{reason}”"
    en = "the reason contradicts the change: the text says {word_en} (“{change}”), the reason given is “{reason}”"


def _order(budget, actual) -> int | None:
    """+1 / -1 / 0 when the two amounts are surely larger, smaller or equal at their precision; None when
    rounding could make either true."""
    a, b = interval_of(actual), interval_of(budget)
    if a.lo > b.hi:
        return 1
    if a.hi < b.lo:
        return -1
    if actual.base_value == budget.base_value and actual.decimals == budget.decimals:
        return 0
    return None


class Wording(Rule):
    """Checks what the words say about the figures: larger, smaller, equal, a rate, a reason's direction.

    ## What it does
    - "决算数大于/小于/等于（年初、调整）预算数", "决算数与预算数持平/一致": the final amount and the budget the
      claim is about are the ones stated for the same item just before it ("年初预算为A万元，支出决算为B万
      元"); the claim must follow their order. When both an initial and an adjusted budget are given and the
      claim does not say which, or the two amounts are equal within rounding, nothing is said. "基本持平"
      is a judgement and is never checked. A difference the claim states ("决算数大于预算数55.93万元",
      "决算数较预算数减少7.60万元") must be the two amounts' difference.
    - "与上年持平" where the two years' figures are both stated and differ ("5.00万元，上年为6.00万元，与上年
      持平"); "基本持平" is not checked.
    - A rate over a zero base: "完成年初预算的93.20%" where the 年初预算 is 0, "增长25.00%" over a prior year
      of 0. Neither rate exists. "增长100%" for an item new this year is how many reports write it (the
      whole amount is the increase), and is not reported.
    - A reason in one clause whose direction is the opposite of the change it explains: "比上年减少2.98%。
      主要原因是：宣传经费增加".

    ## Why is this bad?
    These sentences are pasted from item to item and from last year's report; the figures are updated and
    the words are not. A reader who trusts the words is told the opposite of what the tables show.

    ## Example
    Anti-pattern:

        年初预算为86.40万元，支出决算为84.15万元。决算数大于预算数的主要原因：退休人员增加。
        2025年预算安排12.00万元，比2024年预算执行数增加20.00%（2024年预算执行数为0万元）。

    Best practice:

        年初预算为86.40万元，支出决算为84.15万元。决算数小于预算数的主要原因：退休人员减少。
        2025年预算安排12.00万元，比2024年预算执行数增加12.00万元（2024年无此项支出）。
    """

    code = "W101"
    title = "文字表述与数字不符"
    name = "wording"
    category = "wording"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        yield from self._claims(doc)
        yield from self._zero_bases(doc)
        yield from self._reasons(doc)
        yield from self._flat(doc)

    def _claims(self, doc: Analysis) -> Iterator[Violation]:
        for c in comparisons(doc.document):
            order = _order(c.budget, c.actual)
            if order is not None and order == c.sign and c.difference is not None and order != 0:
                yield from self._difference(c)
            if order is None or order == c.sign or (c.loose and c.sign == 0):
                continue
            word, word_en = _WORD[order]
            yield self.violation(
                ClaimAgainstFigures(
                    budget=figure(c.budget),
                    actual=figure(c.actual),
                    actual_word=word,
                    actual_en=word_en,
                    claim=c.claim,
                ),
                line=c.line,
                column=c.column,
                lines=sorted({c.budget.line, c.actual.line} - {c.line}),
                stated=c.claim,
                expected=f"决算数{word}预算数",
            )

    def _difference(self, c) -> Iterator[Violation]:
        """The difference a claim states ("决算数大于预算数55.93万元") against the two amounts."""
        d = c.difference
        gap = interval_of(c.actual) - interval_of(c.budget)
        low, high = (gap.lo, gap.hi) if c.sign > 0 else (-gap.hi, -gap.lo)
        said = interval_of(d)
        if said.hi >= low and said.lo <= high:
            return
        decimals = max(c.actual.decimals, c.budget.decimals)
        computed = in_unit_of(abs(c.actual.base_value - c.budget.base_value), d, decimals)
        yield self.violation(
            DifferenceAgainstFigures(
                actual=figure(c.actual), budget=figure(c.budget), computed=computed, stated=figure(d)
            ),
            line=d.line,
            column=d.column,
            lines=sorted({c.budget.line, c.actual.line} - {d.line}),
            stated=figure(d),
            expected=computed,
        )

    def _flat(self, doc: Analysis) -> Iterator[Violation]:
        """ "2024年公务接待费5.00万元，上年为6.00万元，与上年持平": 持平 where the two years differ."""
        for c in flat_claims(doc.document, doc.relations.changes):
            a, b = interval_of(c.current), interval_of(c.prior)
            if a.lo <= b.hi and b.lo <= a.hi:
                continue
            up = c.current.base_value > c.prior.base_value
            word, word_en = ("增加", "an increase") if up else ("减少", "a decrease")
            yield self.violation(
                FlatAgainstFigures(
                    current=figure(c.current),
                    prior=figure(c.prior),
                    actual=word,
                    actual_en=word_en,
                    claim=c.claim,
                ),
                line=c.current.line,
                column=c.current.column,
                lines=[c.prior.line],
                stated=c.word,
                expected=word,
            )

    def _zero_bases(self, doc: Analysis) -> Iterator[Violation]:
        for r in doc.relations.rates:
            if r.source != "prose" or r.target.value != 0 or r.rate.approx or r.rate.value == 0:
                continue
            if r.actual.value == 0:
                continue  # 0 of 0: some reports write 100% for a budget fully (not) spent
            yield self.violation(
                RateOverZero(
                    what="完成率",
                    base_label="预算数",
                    base_label_en="the budget",
                    base=figure(r.target),
                    stated=figure(r.rate),
                ),
                line=r.rate.line,
                column=r.rate.column,
                lines=[r.target.line],
                stated=figure(r.rate),
                expected="—",
            )
        for c in doc.relations.changes:
            if c.percent is None or c.current is None or c.signed or c.percent.approx or c.percent.value == 0:
                continue
            if c.percent.value == 100 and c.sign > 0:
                continue  # "比上年增加45万元，增长100%" for a new item: the reports' convention, not a slip
            if c.prior is not None:
                if c.prior.value != 0 or c.prior.approx:
                    continue
                base, lines = figure(c.prior), [c.prior.line]
            elif c.delta is not None and c.sign > 0 and not c.delta.approx and not c.current.approx:
                # "2024年预算安排2.40万元，比上年增加2.40万元，增长100%": the increase is all of it
                if c.delta.base_value != c.current.base_value or c.delta.decimals != c.current.decimals:
                    continue
                base, lines = f"0（本年 {figure(c.current)} 全为增加额）", [c.current.line]
            else:
                continue
            yield self.violation(
                RateOverZero(
                    what="增减幅度",
                    base_label="上年数",
                    base_label_en="the prior year",
                    base=base,
                    stated=figure(c.percent),
                ),
                line=c.percent.line,
                column=c.percent.column,
                lines=lines,
                stated=figure(c.percent),
                expected="—",
            )

    def _reasons(self, doc: Analysis) -> Iterator[Violation]:
        for para in doc.paragraphs:
            if "原因" not in para.text:
                continue
            for r in reasons(normalise(para.text), para.line, para.column):
                if r.sign == r.change_sign:
                    continue
                word, word_en = _CHANGE[r.change_sign]
                yield self.violation(
                    ReasonAgainstChange(change=r.change, word_en=word_en, reason=r.text),
                    line=r.line,
                    column=r.column,
                    stated=r.text,
                    expected=word,
                )
