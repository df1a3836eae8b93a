"""Years that contradict the report's own year: stale plans, an early report date (year_mismatch)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.textscan import plans_its_year, report_dates, stale_dates, stale_years
from auditor.messages import Message
from auditor.rule import Context, Rule, Violation


class StalePlan(Message):
    zh = "年份疑似沿用上年：“{text}”，本报告评价的是 {year} 年度"
    en = "a year left from an older report: “{text}” in an evaluation of {year}"


class StaleDate(Message):
    zh = "年份疑似沿用上年：“{text}”，本文件为 {year} 年{genre}"
    en = "a date left from an older report: “{text}” in the {genre_en} for {year}"


class EarlyDate(Message):
    zh = "报告日期早于评价年度结束：{date}，评价的是 {year} 年度"
    en = "the report is dated {date}, before the end of the year it evaluates ({year})"


class StaleYear(Rule):
    """Reports last year's plans or projects cited as the basis of this year's evaluation.

    ## What it does
    In a report about year Y (from its title, or `report-year`), flags "Y−1年度工作计划", "Y−1年重点项目",
    "Y−1年度重点工作方案" and similar planning documents cited as this year's basis ("综合考察2022年重点
    项目" in a 2023 evaluation). Comparisons (比2022年, 与2022年相比, 较上年) and histories (自2014年以来,
    截至2022年底) are not flagged.

    In a 部门决算 of year Y the state the template asks for ("截至Y年12月31日，本部门共有车辆…") must be
    dated in Y; in a 部门预算 of Y, in Y−1 (截至Y−1年8月31日), and a project's 实施周期 must not end before Y.

    ## Why is this bad?
    A sentence that evaluates this year's work against last year's plan was almost always copied
    from last year's report and not updated.

    ## Example
    Anti-pattern:

        某局2023年部门整体支出绩效自评报告
        部门产出综合考察2022年重点项目的完成度，全部完成，得2分。

    Best practice:

        某局2023年部门整体支出绩效自评报告
        部门产出综合考察2023年重点项目的完成度，全部完成，得2分。
    """

    code = "Y103"
    title = "年份沿用上年"
    name = "stale-year"
    category = "year_mismatch"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        if ctx.report_year is None:
            return
        for s in stale_years(doc.document, ctx.report_year):
            yield self.violation(
                StalePlan(text=s.text, year=ctx.report_year),
                line=s.line,
                column=s.column,
                stated=f"{s.year}年",
                expected=f"{ctx.report_year}年",
            )
        genre = doc.disclosure.genre
        for s in stale_dates(doc.document, ctx.report_year, genre) if genre else ():
            yield self.violation(
                StaleDate(
                    text=s.text,
                    year=ctx.report_year,
                    genre="决算" if genre == "final" else "预算",
                    genre_en="final accounts" if genre == "final" else "budget",
                ),
                line=s.line,
                column=s.column,
                stated=f"{s.year}年",
                expected=f"{s.expected or ctx.report_year}年",
            )


class ReportDate(Rule):
    """Reports a report dated before the end of the year it evaluates.

    ## What it does
    A line that holds only a date ("2024年5月10日") is the report's date; for an evaluation of year Y it
    must fall after 31 December of Y. A budget (a title naming a 预算 and nothing that looks back on a
    finished year: 决算, 执行情况, 绩效, 评价) is published within its year or before it and is not checked.

    ## Why is this bad?
    An evaluation dated before its year has ended cannot have evaluated the whole year: the date, or the
    year in the title, is wrong.

    ## Example
    Anti-pattern:

        某局2023年部门整体支出绩效自评报告
        2023年5月10日

    Best practice:

        某局2023年部门整体支出绩效自评报告
        2024年5月10日
    """

    code = "Y104"
    title = "报告日期早于年度结束"
    name = "report-date"
    category = "year_mismatch"

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        if ctx.report_year is None or plans_its_year(doc.document):
            return  # a budget is dated within its year, or before it
        for d in report_dates(doc.document):
            if d.year > ctx.report_year:
                continue
            date = f"{d.year}年{d.month}月" + (f"{d.day}日" if d.day else "")
            yield self.violation(
                EarlyDate(date=date, year=ctx.report_year),
                line=d.line,
                column=1,
                stated=date,
                expected=f"{ctx.report_year + 1}年",
            )
