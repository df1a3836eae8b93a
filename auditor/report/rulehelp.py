"""`auditor rule CODE` and `auditor rules` for people: in Chinese by default, narrow enough for a terminal.

The rules' docstrings are the English reference (docs/rules.md). Finance staff, sent here by the Chinese
guide, read what each built-in rule checks and why in Chinese, with the docstring's own examples (which
are written in the reports' language). A plugin rule without a Chinese text is shown in English.
"""

from __future__ import annotations

import textwrap

from auditor.rule import Rule
from auditor.text.chars import display_width

# code → (检查什么, 为什么要改)
ZH: dict[str, tuple[str, str]] = {
    "C101": (
        "核对文中写的完成率、执行率是否等于实际数除以目标数（预算数）。",
        "完成率算错，会让读者误判任务或预算的完成情况。",
    ),
    "D101": (
        "找出在几处逐字重复出现的段落。",
        "整段复制往往是从别处粘贴后忘了改写，读者会怀疑内容是否针对本年、本单位。",
    ),
    "D102": ("找出几处内容相同、只有数字不同的段落。", "粘贴后只改了一部分数字，两处必有一处是错的。"),
    "E101": (
        "核对报告中本单位的名称，以及作为数据来源引用的单位。",
        "单位名称写错或写成别的单位，说明文字是从别的报告复制来的。",
    ),
    "F101": (
        "核对公开表格之间的勾稽关系：同一合计数在各表中一致；一般公共预算的数不大于财政拨款、财政拨款不大于"
        "全部资金；基本支出等于人员经费加公用经费；基本支出表中的“三公”科目不超过“三公”经费表。",
        "各表出自同一套账，表与表不一致，说明有的表改过、有的没改，读者无法知道哪一个数是对的。",
    ),
    "G101": (
        "核对评分表中各级指标的分值、得分与上级指标和合计是否相符。",
        "分值或得分加不起来，评价结论就站不住。",
    ),
    "G102": (
        "核对正文中写的得分小计、总分与各项得分和评分表是否一致。",
        "正文与评分表的分数不一致，读者不知道以哪个为准。",
    ),
    "G103": ("检查每项指标的得分是否超过其分值或小于零。", "得分超过满分是明显的错误。"),
    "G104": ("核对得分率是否等于得分除以分值。", "得分率算错会误导对绩效的判断。"),
    "G105": (
        "按报告自己写明的评分规则（如“控制率≤100%得满分”）核对该项得分。",
        "按规则应得满分却扣了分（或反之），评分与规则自相矛盾。",
    ),
    "G106": (
        "核对评价等级与总分是否相符，报告是否只给出一个总分和一个等级。",
        "等级与分数不符，或前后给出不同的总分、等级。",
    ),
    "H101": ("检查各级标题的编号是否跳号、重号或无故重新开始。", "编号错乱通常是增删段落后没有重新整理。"),
    "H102": ("核对目录中的条目与正文标题是否一致。", "目录与正文不符，读者按目录找不到内容。"),
    "I101": (
        "核对同一段中写出的会计恒等关系（如净资产 = 资产 − 负债）是否成立。",
        "恒等关系不成立，至少有一个数字是错的。",
    ),
    "K101": (
        "核对文中连同科目编码写出的科目名称，与表格中该编码的名称是否一致。",
        "科目改过名（如 210 现为“卫生健康支出”），沿用旧名或写成相邻科目的名称，读者对不上表中的行。",
    ),
    "M101": (
        "检查预算/决算公开是否包含模板要求的全部表格；没有数字的表下是否有“本表为空表”之类的说明，说明写的是否就是这张表。",
        "模板要求每个单位公开同一套表，以便读者分清“没有”和“漏了”；空表说明抄自上一张表，就说错了。",
    ),
    "N101": (
        "核对“包括以下5项”之类的项数与实际列举的项数是否一致。",
        "项数与列举不符，说明列举有遗漏或数字没改。",
    ),
    "P101": ("核对“占……的y%”是否等于部分除以所说的总数。", "占比算错，或用错了基数。"),
    "P102": ("检查同一组完整分项的占比加起来是否为 100%。", "各项占比加起来不是 100%，至少有一项算错。"),
    "Q101": (
        "核对问卷的发放、回收、有效份数，各选项人数，总分与平均分。",
        "问卷统计前后对不上，满意度结论就不可信。",
    ),
    "R101": (
        "核对文中写的比率（覆盖率、结案率、控制率等）与同时给出的两个数是否相符。",
        "比率与其分子分母不符。",
    ),
    "S101": (
        "核对合计数是否等于其分项之和（“其中”、括号中的分项、“主要用于……”等）。",
        "合计与分项对不上，是最常见的数字错误。",
    ),
    "S102": (
        "核对表格中的合计行、小计行、上级科目行和合计列是否等于其分项之和。",
        "表内合计不符，说明表中某个数填错或漏填。",
    ),
    "T101": (
        "找出模板残留：XX、***、未选定的“增加（减少）”、“本部门（单位）”、空着的数字、缺少的 % 或单位等。",
        "模板残留说明报告没有通读，发布出去很不严肃，旁边往往还有没填的数字。",
    ),
    "V101": (
        "找出同一个数（同一事项、口径、年份）在不同地方写得不一样，包括情况说明中的合计、各“项”金额、"
        "“三公”经费与表格不一致，同一科目在两张表中金额不同。",
        "同一个问题给出两个答案，读者无所适从；多半是沿用了上年的数或表格改了而文字没改。",
    ),
    "W101": (
        "核对文字对数字的表述：“决算数大于/小于/持平预算数”及所写差额、基数为 0 时的增长率或完成率、与增减方向相反的原因说明。",
        "这些句子常在各项之间复制，数字改了文字没改，读者看到的结论与表格相反。",
    ),
    "Y101": ("用两个年度的数字重新计算文中的增减额、增减幅度和增减方向。", "同比数据算错或方向写反。"),
    "Y102": (
        "检查同比所比较的年份是否为上一年（预算不能与本年预算相比）。",
        "比较年份写错，通常是沿用了上年报告的句子。",
    ),
    "Y103": (
        "找出沿用上年的年份：以上年的计划、项目作为本年依据，决算/预算中过期的“截至”日期、实施周期。",
        "年份没改，说明这段文字是从上年报告复制来的。",
    ),
    "Y104": (
        "检查报告落款日期是否早于所评价年度的结束。",
        "年度还没结束就出具评价报告，日期或年度必有一个写错。",
    ),
}

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _section(doc: str, start: str, end: str | None) -> str:
    """An example block of a docstring, without the English remarks between its lines."""
    if start not in doc:
        return ""
    text = doc.split(start, 1)[1]
    if end and end in text:
        text = text.split(end, 1)[0]
    lines = [line for line in text.splitlines() if not (line.strip().startswith("(") and line.isascii())]
    return textwrap.dedent("\n".join(lines)).strip("\n")


def explain(rule: type[Rule], lang: str = "zh") -> str:
    """One rule's help: in Chinese with its examples, or its English documentation."""
    if lang == "en" or rule.code not in ZH:
        head = f"{rule.code} {rule.title} ({rule.name}) — category {rule.category}, severity {rule.severity.value}"
        return f"{head}\n\n{rule.documentation()}\n"
    what, why = ZH[rule.code]
    doc = rule.documentation()
    bad = _section(doc, "Anti-pattern:", "Best practice:")
    good = _section(doc, "Best practice:", None)
    out = [
        f"{rule.code} {rule.title}（{rule.name}）  级别：{_SEVERITY_ZH[rule.severity.value]}",
        "",
        "检查什么：" + what,
        "为什么要改：" + why,
    ]
    if bad:
        out += ["", "有问题的写法：", textwrap.indent(bad, "    ")]
    if good:
        out += ["", "改正后：", textwrap.indent(good, "    ")]
    out += ["", f"英文完整说明：auditor rule {rule.code} --lang en"]
    return "\n".join(out) + "\n"


def table(rules: dict[str, type[Rule]], lang: str = "zh", width: int = 100) -> str:
    """`auditor rules`: code, title, severity and what the rule checks, each row within ``width`` columns."""
    from tabulate import tabulate

    rows = []
    for r in rules.values():
        if lang != "en" and r.code in ZH:
            summary, severity = ZH[r.code][0], _SEVERITY_ZH[r.severity.value]
        else:
            summary, severity = r.summary(), r.severity.value
        rows.append([r.code, r.title if lang != "en" else r.name, severity, summary])
    headers = ["规则", "名称", "级别", "检查什么"] if lang != "en" else ["code", "name", "severity", "checks"]
    fixed = max(display_width(r[1]) for r in rows) + 30  # code, title and severity columns with their padding
    wrap = max(30, width - fixed)
    for row in rows:
        row[3] = "\n".join(_wrap(row[3], wrap))
    return tabulate(rows, headers=headers, disable_numparse=True)


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if display_width(current + ch) > width:
            lines.append(current)
            current = ""
        current += ch
    return [*lines, current] if current else lines
