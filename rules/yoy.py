"""Year-over-year changes (yoy_change) and the year they are compared with (year_mismatch)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from auditor.extract.analysis import Analysis
from auditor.extract.changes import Change
from auditor.extract.display import figure, in_unit_of, plain
from auditor.extract.tolerance import HUNDRED, Interval, Verdict, fmt, interval_of, judge
from auditor.messages import Message
from auditor.model.quantity import Kind, Quantity
from auditor.rule import Context, Rule, Severity, Violation
from auditor.text.rx import lazy


class ChangeRateMismatch(Message):
    zh = "增减幅度不符：{this} {current}，{base} {prior}，{word}{computed}，文中写 {stated}"
    en = "rate of change does not match: {this_en} {current}, {base_en} {prior}, {word_en} {computed}, the text says {stated}"


class ChangeAmountMismatch(Message):
    zh = "增减额不符：{this} {current} − {base} {prior} = {computed}，文中写{word} {stated}"
    en = "change does not match: {this_en} {current} − {base_en} {prior} = {computed}, the text says {word_en} {stated}"


class ChangeDirection(Message):
    zh = "增减方向不符：{this} {current}，{base} {prior}，实为{actual}，文中写{word}"
    en = "direction of change does not match: {this_en} {current}, {base_en} {prior}, actually {actual_en}, the text says {word_en}"


class ChangeUnitSlip(Message):
    zh = "增减额单位疑误：{delta} 按{unit}计才与 {current}、{word}{stated} 相符（按所写单位计{word}{computed}）"
    en = "the change's unit looks wrong: {delta} fits {current} and {word_en} {stated} only as {unit} (as written: {word_en} {computed})"


class FigureUnitSlip(Message):
    zh = "金额单位疑误：{odd} 按{unit}计才相符（{this} {current}，{base} {prior}，相差 {delta}）"
    en = "a unit looks wrong: {odd} fits only as {unit} ({this_en} {current}, {base_en} {prior}, a difference of {delta})"


class ChangeRounding(Message):
    zh = "增减幅度末位舍入有误：{this} {current}，{base} {prior}，{word}{computed}，文中写 {stated}"
    en = "rate of change wrongly rounded: {this_en} {current}, {base_en} {prior}, {word_en} {computed}, the text says {stated}"


_WORDS = {1: ("增长", "up"), -1: ("下降", "down"), 0: ("变动", "change")}
_YEAR_NAMES = {"this": "本年", "base": "上年", "this_en": "this year", "base_en": "last year"}
_BUDGET_NAMES = {"this": "决算", "base": "预算", "this_en": "actual", "base_en": "budget"}
_FROM_TO_NAMES = {"this": "变动后", "base": "变动前", "this_en": "after", "base_en": "before"}


class YearOverYear(Rule):
    """Checks stated year-over-year changes against the two years' figures.

    ## What it does
    Reads "A，比/较上年（同期）/与20XX年相比 增加/减少 Δ（，增长/下降 x%）", "较上年A₀增加x%", the same label
    stated for both years ("2023年度“三公经费”支出2.79万元 … 2022年度…20.50万元 … 较上年度减少86.39%",
    including the 其中 items that follow), "各减少a、b，分别下降x%、y%", "从A提高至B，增长x%",
    "变动率为-x%" between two dated figures, and table 同比 and 增减额 columns (against a 上年 column or the
    column of the year before, 2024年 | 2023年, or a prose 从A至B about the row's figure; a 增减额 column
    beside 预算数 | 决算数 against the budget; a table's change may carry either sign). The actual against the same year's budget is read the same
    way ("比预算数P减少Δ", "较年初预算数减少Δ，下降x%", "与调整预算相比增加Δ"). Δ is checked against current − prior and x% against Δ / prior,
    deriving the prior year's figure from current and Δ when the text does not state it; the direction
    word must agree with the figures. When one of the three amounts is in 元 among 万元 (or the reverse)
    and only in the others' unit do they agree ("基本支出252.5元，较上年231.5万元，增加21万元"), the unit is
    reported, not the change.

    ## Why is this bad?
    A change that does not follow from the two years' figures is the classic trace of a figure
    updated in one sentence but not in the next, or of last year's text left in place.

    ## Example
    Anti-pattern:

        2023年本年收入1868.58万元，较上年收入1760.86万元增加7.12%。

    (107.72 / 1760.86 = 6.12%.)

    Best practice:

        2023年本年收入1868.58万元，较上年收入1760.86万元增加6.12%。
    """

    code = "Y101"
    title = "同比增减有误"
    name = "year-over-year"
    category = "yoy_change"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for c in doc.relations.changes:
            yield from self._check(c, ctx)

    def _check(self, c: Change, ctx: Context) -> Iterator[Violation]:
        if c.current is None:
            yield from self._rate_over_stated_prior(c, ctx)
            return
        if c.prior is None and c.delta is None:
            return
        if (
            c.current.approx
            or (c.prior is not None and c.prior.approx)
            or (c.delta is not None and c.delta.approx)
        ):
            return
        cur = interval_of(c.current)
        if c.prior is not None:
            prior = interval_of(c.prior)
            prior_shown = plain(c.prior) if c.prior.unit == c.current.unit else figure(c.prior)
            prior_value = c.prior.base_value
        else:
            delta = interval_of(c.delta)
            prior = cur - delta if c.sign > 0 else cur + delta if c.sign < 0 else cur
            prior_value = c.current.base_value - c.sign * c.delta.base_value
            prior_shown = in_unit_of(
                prior_value, c.current, max(c.current.decimals, c.delta.decimals)
            ).removesuffix(c.current.unit)
        # a prior found from the change: the change is the stated one itself (cur - prior would count the
        # current figure's rounding twice, and let a wrong rate through)
        if c.prior is None and c.sign:
            change = delta if c.sign > 0 else Interval(-delta.hi, -delta.lo)
        else:
            change = cur - prior
        change_value = c.current.base_value - prior_value
        current_shown = plain(c.current)
        word, word_en = _WORDS[c.sign]
        lines = c.lines
        names = _BUDGET_NAMES if c.against_budget else _FROM_TO_NAMES if c.from_to else _YEAR_NAMES

        if c.prior is not None and c.sign != 0 and not c.signed:
            slip = _unit_slip(c, ctx)
            if slip is not None:
                # "基本支出252.5元，较上年231.5万元，增加21万元": one figure's unit is not the others', and in
                # theirs the three agree
                odd, read = slip
                current, prior, delta = (read if q is odd else q for q in (c.current, c.prior, c.delta))
                yield self.violation(
                    FigureUnitSlip(
                        **names,
                        odd=figure(odd),
                        unit=read.unit,
                        current=figure(current),
                        prior=figure(prior),
                        delta=figure(delta),
                    ),
                    line=odd.line,
                    column=odd.column,
                    lines=lines,
                    stated=figure(odd),
                    expected=figure(read),
                )
                return
            if (c.sign > 0 and change.hi < 0) or (c.sign < 0 and change.lo > 0):
                actual = 1 if change.lo > 0 else -1
                yield self.violation(
                    ChangeDirection(
                        **names,
                        current=current_shown,
                        prior=prior_shown,
                        actual=_WORDS[actual][0],
                        actual_en=_WORDS[actual][1],
                        word=word,
                        word_en=word_en,
                    ),
                    line=c.anchor.line,
                    column=c.anchor.column,
                    lines=lines,
                    stated=word,
                    expected=_WORDS[actual][0],
                )
                return
            if c.delta is not None:
                signed_change = change if c.sign > 0 else Interval(-change.hi, -change.lo)
                if judge(c.delta, signed_change, extra=ctx.tolerance_amount) is not Verdict.OK:
                    shown = in_unit_of(abs(change_value), c.delta, max(c.current.decimals, c.prior.decimals))
                    amount_word = (
                        "差值" if c.unsigned else word.replace("增长", "增加").replace("下降", "减少")
                    )
                    yield self._amount_mismatch(
                        c, names, current_shown, prior_shown, shown, amount_word, word_en
                    )
        if c.signed and c.delta is not None and c.prior is not None:
            yield from self._signed_delta(c, change, change_value, names, current_shown, prior_shown, ctx)
        yield from self._rate(
            c, change, prior, change_value, prior_value, names, current_shown, prior_shown, ctx
        )

    def _rate_over_stated_prior(self, c: Change, ctx: Context) -> Iterator[Violation]:
        """ "2021年…公务接待12.39万元。⏎ 2022年…其中公务接待较上年同期减少0.58万元，减少4.68%": last year's figure
        and the change, without this year's: the rate is the change over last year's figure."""
        if c.prior is None or c.delta is None or c.percent is None or c.sign == 0 or c.signed:
            return
        if c.prior.approx or c.delta.approx or c.percent.approx:
            return
        prior = interval_of(c.prior)
        delta = interval_of(c.delta)
        change = delta if c.sign > 0 else Interval(-delta.hi, -delta.lo)
        change_value = c.sign * c.delta.base_value
        current_value = c.prior.base_value + change_value
        decimals = max(c.prior.decimals, c.delta.decimals)
        current_shown = in_unit_of(current_value, c.prior, decimals).removesuffix(c.prior.unit)
        names = _BUDGET_NAMES if c.against_budget else _YEAR_NAMES
        yield from self._rate(
            c, change, prior, change_value, c.prior.base_value, names, current_shown, plain(c.prior), ctx
        )

    def _rate(
        self,
        c: Change,
        change: Interval,
        prior: Interval,
        change_value: Decimal,
        prior_value: Decimal,
        names: dict[str, str],
        current_shown: str,
        prior_shown: str,
        ctx: Context,
    ) -> Iterator[Violation]:
        """The stated rate against the change over the prior figure."""
        word, word_en = _WORDS[c.sign]
        if c.percent is None or c.percent.approx or prior.lo <= 0:
            return
        percent = c.percent
        if not c.signed and c.sign < 0 and percent.value < 0:
            percent = replace(
                percent, value=-percent.value
            )  # "同比减收48.9亿元，增长-10.3%": a fall of 10.3%
        candidates = [change.lo / prior.lo, change.lo / prior.hi, change.hi / prior.lo, change.hi / prior.hi]
        rate = Interval(min(candidates) * HUNDRED, max(candidates) * HUNDRED)
        if not c.signed:
            if c.sign == 0:
                return
            rate = rate if c.sign > 0 else Interval(-rate.hi, -rate.lo)
        verdict = judge(percent, rate, extra=ctx.tolerance_percent)
        if verdict is Verdict.OK:
            return
        value = change_value / prior_value * HUNDRED if prior_value else Decimal(0)
        if not c.signed:
            value = abs(value)
        shown = fmt(value, max(c.percent.decimals, 2)) + "%"
        rounding = verdict is Verdict.ROUNDING
        if not rounding and self._fits_in_current_unit(c, ctx):
            # "支出完成255,325万元，比上年同期增支14,484元，增长6.01%": the change's 元 is the 万元 of the rest
            assert c.delta is not None
            yield self.violation(
                ChangeUnitSlip(
                    delta=figure(c.delta),
                    unit=c.current.unit,
                    current=figure(c.current),
                    word=word,
                    word_en=word_en,
                    stated=figure(c.percent),
                    computed=shown,
                ),
                line=c.delta.line,
                column=c.delta.column,
                lines=c.lines,
                stated=figure(c.delta),
                expected=f"{plain(c.delta)}{c.current.unit}",
            )
            return
        args = dict(
            **names,
            current=current_shown,
            prior=prior_shown,
            word=("增减" if c.against_budget else "同比") if c.signed else word,
            word_en=("change" if c.against_budget else "year on year") if c.signed else word_en,
            computed=shown,
            stated=figure(c.percent),
        )
        yield self.violation(
            ChangeRounding(**args) if rounding else ChangeRateMismatch(**args),
            line=c.percent.line,
            column=c.percent.column,
            lines=c.lines,
            stated=figure(c.percent),
            expected=shown,
            severity=Severity.INFO if rounding else None,
        )

    @staticmethod
    def _fits_in_current_unit(c: Change, ctx: Context) -> bool:
        """Whether the stated change, read in the current figure's unit instead of its own, gives the rate."""
        d, current, percent = c.delta, c.current, c.percent
        if c.prior is not None or d is None or current is None or percent is None or c.signed or c.sign == 0:
            return False
        if d.base_unit != current.base_unit or d.scale == current.scale or not current.unit:
            return False
        factor = Decimal(current.scale) / Decimal(d.scale)
        di = interval_of(d)
        change = Interval(di.lo * factor, di.hi * factor)
        cur = interval_of(current)
        prior = cur - change if c.sign > 0 else cur + change
        if prior.lo <= 0:
            return False
        candidates = [change.lo / prior.lo, change.lo / prior.hi, change.hi / prior.lo, change.hi / prior.hi]
        rate = Interval(
            min(candidates) * HUNDRED, max(candidates) * HUNDRED
        )  # (magnitudes: the rate as written)
        return judge(percent, rate, extra=ctx.tolerance_percent) is Verdict.OK

    def _signed_delta(
        self,
        c: Change,
        change: Interval,
        change_value: Decimal,
        names: dict[str, str],
        current: str,
        prior: str,
        ctx: Context,
    ) -> Iterator[Violation]:
        """A table's 增减额 column: the signed difference of its row (either sign, as tables write it)."""
        assert c.delta is not None and c.prior is not None
        if judge(c.delta, change, extra=ctx.tolerance_amount) is Verdict.OK:
            return
        if judge(c.delta, Interval(-change.hi, -change.lo), extra=ctx.tolerance_amount) is Verdict.OK:
            return  # 上年 − 本年, or a decrease written without its minus sign
        shown = in_unit_of(change_value, c.delta, max(c.current.decimals, c.prior.decimals))
        yield self._amount_mismatch(c, names, current, prior, shown, "", "")

    def _amount_mismatch(
        self, c: Change, names: dict[str, str], current: str, prior: str, shown: str, word: str, word_en: str
    ) -> Violation:
        """The stated change amount against current − prior (``shown``), at the amount."""
        assert c.delta is not None
        stated = figure(c.delta)
        message = ChangeAmountMismatch(
            **names, current=current, prior=prior, computed=shown, stated=stated, word=word, word_en=word_en
        )
        return self.violation(
            message, line=c.delta.line, column=c.delta.column, lines=c.lines, stated=stated, expected=shown
        )


class PriorYearMismatch(Message):
    zh = "对比年份有误：{subject}年的数据应与{expected}年相比，文中写与{named}年相比{phrase}"
    en = "wrong comparison year: figures for {subject} should be compared with {expected}, the text compares with {named}{phrase}"


_YEAR_WITH_REASON = lazy(r"(?:19|20)\d\d\s*年度?\s*[（(][^（()）\d]{1,8}[）)]")


class PriorYear(Rule):
    """Checks that a year-over-year comparison names the year before the one it describes.

    ## What it does
    For every comparison that names its base year (比2018年, 与2019年相比, 较2018年), the named year must be
    the year before the figures compared: the year stated in the same sentence, or else the report's
    year (from its title, or `report-year` in the configuration). An older base year named after the
    sentence has compared with last year ("比上年减少…；与2021年相比减少…"), or with a word in brackets on why
    that year ("比2019年（疫情前）"), is a comparison made on purpose and is not reported.

    ## Why is this bad?
    A 2020 report that compares 2020 with "2018年" either compares the wrong years or carries a
    sentence pasted from an older report; either way the stated change cannot be trusted.

    ## Example
    Anti-pattern:

        某局2020年度部门决算情况说明
        公务用车运行维护费支出15.5万元，比2018年减少0.5万元，下降3.13%。

    Best practice:

        某局2020年度部门决算情况说明
        公务用车运行维护费支出15.5万元，比2019年减少0.5万元，下降3.13%。
    """

    code = "Y102"
    title = "对比年份有误"
    name = "prior-year"
    category = "year_mismatch"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for comparison in doc.relations.comparison_years:
            subject = comparison.subject_year or ctx.report_year
            if subject is None or comparison.year == subject - 1:
                continue
            if comparison.beside_prior and comparison.year < subject - 1:
                continue  # "比上年减少…；与2021年相比减少…": a second, older base beside last year's
            if comparison.year < subject - 1 and _YEAR_WITH_REASON.search(comparison.phrase or ""):
                continue  # "比2019年（疫情前）决算数减少…": that year chosen on purpose, and said why
            if comparison.year >= subject and not (
                comparison.budget_with_itself and comparison.year == subject
            ):
                continue  # 决算数比2024年预算数: actuals against the same year's budget are compared rightly
            yield self.violation(
                PriorYearMismatch(
                    subject=subject,
                    expected=subject - 1,
                    named=comparison.year,
                    phrase=f"（“{comparison.phrase}”）" if comparison.phrase else "",
                ),
                line=comparison.line,
                column=comparison.column,
                stated=f"{comparison.year}年",
                expected=f"{subject - 1}年",
            )


class AnnualGrowthMismatch(Message):
    zh = "年均增长率不符：{first_year}年 {first} 至 {last_year}年 {last}，{years}年年均{word}{computed}，文中写 {stated}"
    en = "average yearly growth does not match: {first} in {first_year} to {last} in {last_year}, {years} years at {computed} a year ({word_en}), the text says {stated}"


class AnnualGrowth(Rule):
    """Checks a compound yearly growth rate against the two years' figures it is stated with.

    ## What it does
    Reads "从2015年的A上升到2020年的B，年均增长X%" (and 由…至…, 年均递增, 年均下降) and recomputes the rate that
    grows A into B over the years between: (B ÷ A)^(1 ÷ n) − 1. Both figures may be off by half a unit of
    their last digit and the rate by half a unit of its own; only a rate outside all of that is reported.
    Approximate figures (约, 余) are not checked.

    ## Why is this bad?
    A yearly average that does not follow from the two figures is usually the simple average
    ((B − A) ÷ A ÷ n) or a rate copied from another line; readers of a five-year review take it at its word.

    ## Example
    Anti-pattern:

        “十四五”以来，本县一般公共预算收入从2020年的5000万元增加到2025年的8000万元，年均增长12.0%。

    Best practice:

        “十四五”以来，本县一般公共预算收入从2020年的5000万元增加到2025年的8000万元，年均增长9.86%。
    """

    code = "Y105"
    title = "年均增长率不符"
    name = "annual-growth"
    category = "yoy_change"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for g in doc.relations.annual_growths:
            first, last = interval_of(g.first), interval_of(g.last)
            if first.lo <= 0 or last.lo <= 0:
                continue
            root = Decimal(1) / g.years
            lo = ((last.lo / first.hi) ** root - 1) * HUNDRED
            hi = ((last.hi / first.lo) ** root - 1) * HUNDRED
            stated = interval_of(g.rate)
            signed = stated if g.sign > 0 else Interval(-stated.hi, -stated.lo)
            if signed.overlaps(Interval(lo, hi)):
                continue
            value = ((g.last.base_value / g.first.base_value) ** root - 1) * HUNDRED
            word, word_en = ("增长", "growth") if value >= 0 else ("下降", "decline")
            yield self.violation(
                AnnualGrowthMismatch(
                    first_year=g.first_year,
                    first=figure(g.first),
                    last_year=g.last_year,
                    last=figure(g.last),
                    years=g.years,
                    word=word,
                    word_en=word_en,
                    computed=fmt(abs(value), max(g.rate.decimals, 2)) + "%",
                    stated=figure(g.rate),
                ),
                line=g.rate.line,
                column=g.rate.column,
                lines=[g.first.line, g.last.line],
                stated=figure(g.rate),
                expected=fmt(abs(value), max(g.rate.decimals, 2)) + "%",
            )


def _unit_slip(c: Change, ctx: Context) -> tuple[Quantity, Quantity] | None:
    """The one of this year's figure, last year's and the change whose unit differs from the other two's
    (元 among 万元), with its reading in theirs, when in theirs the change is the difference; else None."""
    figures = [c.current, c.prior, c.delta]
    if any(q is None or q.kind is not Kind.MONEY or q.approx for q in figures):
        return None
    for k, odd in enumerate(figures):
        others = [q for j, q in enumerate(figures) if j != k]
        if others[0].scale != others[1].scale or odd.scale == others[0].scale:
            continue
        read = replace(odd, unit=others[0].unit, scale=others[0].scale)
        current, prior, delta = (read if q is odd else q for q in figures)
        change = interval_of(current) - interval_of(prior)
        signed = change if c.sign > 0 else Interval(-change.hi, -change.lo)
        if judge(delta, signed, extra=ctx.tolerance_amount) is Verdict.OK:
            return odd, read
    return None
