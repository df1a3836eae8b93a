"""Template residue: placeholders and fill-ins left in the published text (template_residue)."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.extract.analysis import Analysis
from auditor.extract.textscan import template_residue
from auditor.messages import Message
from auditor.rule import Context, Rule, Severity, Violation

_KINDS = {
    "placeholder": ("占位符", "a placeholder"),
    "either_or": ("未选择的选项", "an unchosen alternative"),
    "example": ("模板示例说明", "a template's example note"),
    "empty_brackets": ("空括号", "empty brackets"),
    "empty_value": ("缺少数字", "a missing figure"),
    "ellipsis": ("省略号代替数字", "an ellipsis instead of a figure"),
    "malformed": ("数字有两个小数点", "a figure with two decimal points"),
    "missing_percent": ("数字后缺少%", "a rate without its %"),
    "missing_unit": ("金额后缺少单位", "an amount without its unit"),
    "missing_table": ("所附表格不存在", "a table it refers to is not attached"),
    "empty_table_note": (
        "表下写“本表为空表”，表中却有数字",
        "an empty-table note under a table with figures",
    ),
}


# kinds whose every occurrence of one text is one slip of the template's, reported once
_GROUPED = ("placeholder", "either_or")


class Residue(Message):
    zh = "模板残留（{kind}）：“{text}”"
    en = "template residue ({kind_en}): “{text}”"


class RepeatedResidue(Message):
    zh = "模板残留（{kind}）：“{text}”，共{count}处"
    en = "template residue ({kind_en}): “{text}”, {count} times"


class TemplateResidue(Rule):
    """Reports placeholders and unfilled template text.

    ## What it does
    Flags `***` and `XX`/`××` placeholders, unchosen alternatives (`增加/减少`, `是/否`, and the bracketed
    form `增加（减少）`, `下降（增长）`, `增（减）`, `本部门（单位）`), a template's example notes
    (`如…（二级预算单位事业收入情况）等`), empty brackets (`【】`, `（）`), fill-ins left empty ("完成率为%"), a
    rate or an amount whose % or unit was lost ("增长1.40，", "支出决算为2940.05，"), an amount keyed with two
    decimal points ("668.9.32万元"), and "（附相关评分表）" when no table follows. Brackets that explain a change (`减少（主要是人员调出）`) and
    `各部门（单位）` are ordinary wording and pass. A placeholder written again and again (a page whose names
    were masked, "****财政局") is one finding at its first place, naming every line it stands on.

    ## Why is this bad?
    Residue shows that the report was filled in from a template without being read through; it is
    embarrassing in a published document and often sits next to a figure that was not filled in either.

    ## Example
    Anti-pattern:

        3.科学技术（类）***（款）***（项）: 支出决算为0万元。因公出国（境）支出决算比2019年增加/减少3.94万元。

    Best practice:

        3.科学技术（类）技术研究与开发（款）其他技术研究与开发支出（项）: 支出决算为0万元。因公出国（境）支出决算比2019年减少3.94万元。
    """

    code = "T101"
    title = "模板残留"
    name = "template-residue"
    category = "template_residue"
    severity = Severity.WARNING

    def check(self, doc: Analysis, ctx: Context) -> Iterator[Violation]:
        found = template_residue(doc.document)
        # one placeholder or unmade choice written again and again ("****财政局" through a page whose names were
        # masked, "本部门(单位)" three times in one sentence) is one finding at its first place, naming every line
        alike: dict[str, list] = {}
        for r in found:
            if r.kind in _GROUPED:
                alike.setdefault(r.text, []).append(r)
        for r in found:
            kind, kind_en = _KINDS[r.kind]
            if r.evidence:
                kind, kind_en = f"{kind}：{r.evidence}", f"{kind_en}: {r.evidence}"
            same = alike.get(r.text, [r]) if r.kind in _GROUPED else [r]
            if same[0] is not r:
                continue
            if len(same) == 1:
                message = Residue(kind=kind, kind_en=kind_en, text=r.text)
            else:
                message = RepeatedResidue(kind=kind, kind_en=kind_en, text=r.text, count=len(same))
            lines = list(dict.fromkeys(x.line for x in same))
            yield self.violation(message, line=r.line, column=r.column, lines=lines, stated=r.text)
