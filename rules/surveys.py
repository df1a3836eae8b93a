"""Questionnaires: issued ≥ returned ≥ valid, option counts, total and average score (survey_tally)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from auditor.extract.analysis import Analysis
from auditor.extract.display import figure
from auditor.extract.tolerance import Interval, Verdict, fmt, judge
from auditor.messages import Message
from auditor.rule import Context, Rule, Violation


def _n(value: Decimal) -> str:
    return format(value.normalize(), "f")


class OptionCounts(Message):
    zh = "问卷选项人数不符：第 {number} 题各选项 {terms} = {computed}，有效问卷 {valid} 份"
    en = "survey answers do not add up: question {number} has {terms} = {computed} answers, {valid} valid questionnaires"


class SurveyCounts(Message):
    zh = "问卷份数矛盾：{what}"
    en = "questionnaire counts contradict each other: {what_en}"


class SurveyTotal(Message):
    zh = "问卷{what}不符：按各题选项计算为 {computed}，表中写 {stated}"
    en = "survey {what_en} does not match: the options give {computed}, the table says {stated}"


class SurveyTally(Rule):
    """Checks a questionnaire's counts, tallies, total score and average.

    ## What it does
    For a survey table (题号 · 选项 · 分值 · 问卷数) under "发放问卷:50份 收回问卷：50份 有效问卷：49份":
    收回 ≤ 发放 and 有效 ≤ 收回; every question's option counts add up to the valid questionnaires; the
    问卷总分 row equals Σ count × option score (and its maximum Σ of each question's best option); the
    average (问卷综合得分) equals the total over the valid questionnaires.

    ## Why is this bad?
    Satisfaction results feed the score. A question answered by more people than returned the
    questionnaire shows the tallies were typed, not counted.

    ## Example
    Anti-pattern:

        发放问卷:50份  收回问卷：50份  有效问卷：49份
        \t标题序号
        \t问题内容
        \t选项内容
        \t标准分值
        \t问卷数

        \t1
        \t您对该部门工作是否满意？
        \tA.满意
        \t10
        \t49

        \t\u3000
        \t\u3000
        \tB.不满意
        \t0
        \t1

    Best practice:

        发放问卷:50份  收回问卷：50份  有效问卷：49份
        \t标题序号
        \t问题内容
        \t选项内容
        \t标准分值
        \t问卷数

        \t1
        \t您对该部门工作是否满意？
        \tA.满意
        \t48
        \t48

        \t\u3000
        \t\u3000
        \tB.不满意
        \t0
        \t1
    """

    code = "Q101"
    title = "问卷统计不符"
    name = "survey-tally"
    category = "survey_tally"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for s in doc.scores.surveys:
            issued, returned, valid = s.issued, s.returned, s.valid
            if issued is not None and returned is not None and returned.value > issued.value:
                yield self._counts(
                    returned,
                    f"收回 {figure(returned)} 多于发放 {figure(issued)}",
                    "more returned than issued",
                )
            if returned is not None and valid is not None and valid.value > returned.value:
                yield self._counts(
                    valid, f"有效 {figure(valid)} 多于收回 {figure(returned)}", "more valid than returned"
                )
            reference = valid.value if valid is not None else (s.stated_valid[0] if s.stated_valid else None)
            if valid is not None and s.stated_valid is not None and s.stated_valid[0] != valid.value:
                yield self.violation(
                    SurveyCounts(
                        what=f"表中有效问卷 {_n(s.stated_valid[0])} 份，表头写 {figure(valid)}",
                        what_en=f"the table says {_n(s.stated_valid[0])} valid, the heading {figure(valid)}",
                    ),
                    line=s.stated_valid[1],
                    column=1,
                    lines=[valid.line],
                    stated=_n(s.stated_valid[0]),
                    expected=_n(valid.value),
                )
            if reference is not None:
                for q in s.questions:
                    counts = [c for _, c, _ in q.options]
                    total = sum(counts, Decimal(0))
                    if counts and total != reference:
                        yield self.violation(
                            OptionCounts(
                                number=q.number,
                                terms=" + ".join(_n(c) for c in counts),
                                computed=_n(total),
                                valid=_n(reference),
                            ),
                            line=q.options[-1][2],
                            column=1,
                            lines=[q.line, *(line for _, _, line in q.options)],
                            stated=_n(total),
                            expected=_n(reference),
                        )
            computed_total = sum(
                (score * count for q in s.questions for score, count, _ in q.options), Decimal(0)
            )
            computed_max = sum(
                (max((sc for sc, _, _ in q.options), default=Decimal(0)) for q in s.questions), Decimal(0)
            )
            for what, what_en, stated, computed in (
                ("总分", "total score", s.total_score, computed_total),
                ("满分", "maximum", s.total_max, computed_max),
            ):
                if stated is not None and stated[0] != computed:
                    yield self.violation(
                        SurveyTotal(what=what, what_en=what_en, computed=_n(computed), stated=_n(stated[0])),
                        line=stated[1],
                        column=1,
                        stated=_n(stated[0]),
                        expected=_n(computed),
                    )
            if s.average is not None and s.total_score is not None and reference:
                average, line = s.average
                exact = s.total_score[0] / reference
                if judge(average, Interval.point(exact)) is not Verdict.OK:
                    shown = fmt(exact, max(average.decimals, 1))
                    yield self.violation(
                        SurveyTotal(
                            what="综合得分", what_en="average score", computed=shown, stated=figure(average)
                        ),
                        line=line,
                        column=average.column,
                        stated=figure(average),
                        expected=shown,
                    )

    def _counts(self, q, what: str, what_en: str) -> Violation:
        return self.violation(
            SurveyCounts(what=what, what_en=what_en),
            line=q.line,
            column=q.column,
            stated=figure(q),
            expected=None,
        )
