"""Marks around a label that do not change what it names, and the headers of points columns.

Shared by every extraction that matches labels (changes across years, share bases) or reads an
indicator table, so that they agree on what a label is.
"""

from __future__ import annotations

from auditor.text.rx import lazy

# “三公”经费 is 三公经费
QUOTES = lazy(r"[“”\"‘’']")
# "1." "2、" "（一）" "(3)" "一、" in front of a list item's label; "1.5" is a figure, not an ordinal
LEADING_ORDINAL = lazy(
    r"^\s*(?:\d{1,2}[.、．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、)"
)

# a level of government: "全州…" and "州本级…" are two levels' figures, stated alike on purpose
LEVEL_WORDS = lazy(
    r"全国|中央|地方|全[省市县区州盟旗乡镇]|[省市县区州盟旗乡镇]本级|(?<![城超])[省市县区州盟旗]级|县区级|本级"
)


def level_of(text: str) -> str | None:
    """The one level of government ``text`` names (全国, 中央, 全州, 州本级 …), None for none or several."""
    found = {m.group() for m in LEVEL_WORDS.finditer(text)}
    return found.pop() if len(found) == 1 else None


# an indicator table's level columns: 一级指标 · 二级指标 · 三级指标
LEVEL_HEADER = lazy(r"([一二三四])级\s*指\s*标")
# a block's name merged down its first column, with its points: "预算执行情况（10分）", "绩效指标（90分）"
GROUP_LABEL = lazy(r"\p{Han}{2,10}[（(]\d+(?:\.\d+)?分[）)]")
# the columns of figures of a self-evaluation form's funds block (年初预算数 · 全年预算数 · 全年执行数 · 分值 ·
# 执行率 · 得分), and those only a scored form has
FUNDS_FIGURES_HEADER = lazy(
    r"(?:年初|全年|调整后)预算(?:数)?|全年执行数|(?:预算)?执行(?:数|率)|分值|权重|得分"
)
SCORED_FUNDS_HEADER = lazy(r"(?:预算)?执行率|分值|权重|得分|全年执行数")

# a figure's own share right after it, naming its base: "6000元，占本年支出的75%", "…，占基本支出预算%" (blank)
SHARE_AFTER = lazy(
    r"\s*[，,]?\s*占(?:到|比)?(?P<base>[^，,；;。：:%占]{1,30}?)(?:的|之)?(?:比重|比例)?(?:为|达到|达|约)?\s*[\d%]"
)

# a sentence or paragraph that opens by breaking down what came before it
OPENS_WITH_QIZHONG = lazy(r"\s*其中\s*[：:，,]?")

_POINTS_UNIT = r"(?:[（(]分[）)])?"
# A column of the points an indicator may earn, and one of the points it earned
MAX_POINTS_HEADER = lazy(rf"(?:指标)?(?:分值|权重|满分|标准分值?|分数|指标分值){_POINTS_UNIT}")
SCORE_HEADER = lazy(rf"(?:自评|评价|实际|最终)?得分(?:值)?{_POINTS_UNIT}")


def is_points_header(header: str) -> bool:
    """分值, 权重, 得分 and their variants: a column that holds points (the header without spaces)."""
    return bool(MAX_POINTS_HEADER.fullmatch(header) or SCORE_HEADER.fullmatch(header))


def outside_brackets(text: str) -> str:
    """The text outside round brackets, nested or not ("14分（满分15分）" → "14分")."""
    out, depth = [], 0
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


# "在41个县收支完成情况上，…", "从59个区看，…": the part of a region the paragraph, and the ones after it, speak of
SCOPE_LEAD = lazy(
    r"^\s*(?:在|从)(?P<scope>[^，,。；;：:]{2,16}?)(?:收支完成情况|完成情况|收支情况|情况)?(?:上|中|方面|来看|看)[，,]"
)


# "5月份，…" beside "1—5月份，…", "剔除高新区后：" ⏎ "…": a month and the months to date, a region with and
# without one of its parts, are other quantities under the same names
PERIOD_LEAD = lazy(
    r"^\s*(?P<scope>(?:今年|本年|(?:19|20)\d\d\s*年)?(?:(?:\d{1,2}\s*月?\s*[—–\-~～至到]{1,2}\s*)?\d{1,2}\s*月份?"
    r"|[一二三四1-4]季度|上半年|下半年|前三季度)"
    r"|(?:剔除|扣除|不含|除去?)[^，,。；;：:\d]{1,16}?(?:后|外)?)\s*[，,：:]"
)


def region_after(region: str, text: str, heading: bool) -> str:
    """The part of a region a paragraph speaks of, given the one of the paragraph before: the part its
    "在41个县收支完成情况上，" lead opens, else the one before it goes on; a heading ends it ("")."""
    if heading:
        return ""
    lead = SCOPE_LEAD.match(text) or PERIOD_LEAD.match(text)
    return lead.group("scope") if lead is not None else region


# a name joining two things: "公务用车购置及运行维护费" (购置 · 运行), a table's group over its two columns or rows
JOINED_NAME = lazy(r"(?P<a>\p{Han}{2})(?:及|和|与)(?P<b>\p{Han}{2})")
