"""科目 names: the name the text gives with a 科目 code against the tables' name for that code (subject_name)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation


class Renamed(Message):
    zh = "科目名称与编码不符：文中“{stated}”（{code}{amount}），{where}中 {code} 为“{table_name}”"
    en = "a 科目 named differently from its code: the text calls {code} “{stated}” ({amount_en}), {where} names it “{table_name}”"


class SubjectName(Rule):
    """Reports a 科目 named in the text with a code that the tables give another name.

    ## What it does
    Reads each 科目 chain of the 情况说明 that prints its codes ("公共安全支出（204类）司法（06款）行政运行
    （01项）") and compares the name at each level with the name the disclosure tables give the same code.
    Names that only differ in spacing, quotes or 其它/其他, or where one contains the other, agree.

    ## Why is this bad?
    The 政府收支分类科目 are renamed from time to time; a paragraph copied from an old report keeps the old
    name ("医疗卫生与计划生育支出" for 210 after it became "卫生健康支出"), or names the neighbouring 科目
    of a list. The reader cannot tell which row of the tables the paragraph explains.

    ## Example
    Anti-pattern:

        5、医疗卫生与计划生育支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）36.40万元。

        一般公共预算支出功能分类预算表    单位：万元
        \t科目编码
        \t科目名称
        \t合计

        \t210
        \t卫生健康支出
        \t36.40

        \t2101101
        \t行政单位医疗
        \t36.40

    Best practice:

        5、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）36.40万元。

        一般公共预算支出功能分类预算表    单位：万元
        \t科目编码
        \t科目名称
        \t合计

        \t210
        \t卫生健康支出
        \t36.40

        \t2101101
        \t行政单位医疗
        \t36.40
    """

    code = "K101"
    title = "科目名称与编码不符"
    name = "subject-name"
    category = "subject_name"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        for r in doc.disclosure.renamed:
            yield self.violation(
                Renamed(
                    stated=r.stated,
                    code=r.code,
                    where=r.where,
                    table_name=r.table_name,
                    amount=f"，金额{r.amount}" if r.amount else "",
                    amount_en=r.amount,
                ),
                line=r.line,
                column=r.column,
                stated=r.stated,
                expected=r.table_name,
            )
