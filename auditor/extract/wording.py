"""Words that state a comparison: 决算数大于/小于/等于预算数, and the direction a reason gives a change.

A 决算 explanation compares each amount with its budget in words ("年初预算为A万元，支出决算为B万元。决算数
小于预算数的主要原因：…"); a budget explanation gives each change a reason ("比上年减少2.98%。主要原因是：
…经费减少"). Both are copied from item to item and from last year, and the words then no longer follow
the figures. This module finds the claims and the figures they are about; the wording rule judges them.
"""

from __future__ import annotations

import regex

from auditor.extract.changes import DOWN_WORDS, UP_WORDS, sign_of
from auditor.model.document import Document
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.rx import lazy
from auditor.text.spans import SENTENCE_END, sentence_end

# "决算数小于年初预算数" · "决算数大于调整后预算数" · "支出决算数等于预算数"
_ORDER_CLAIM = lazy(
    r"决算(?:数|支出)?(?P<op>大于|多于|高于|超过|超出|小于|少于|低于|等于)(?P<which>年初|调整后?的?|全年)?预算数?"
    # "决算数较预算数增加…", "决算支出比年初预算减少…"
    r"|决算(?:数|支出)?(?:比|较)(?P<which>年初|调整后?的?|全年)?预算数?(?P<op>增加|减少|增长|下降|持平)"
)
# "决算数与预算数持平" · "决算数与年初预算数基本持平" · "决算数与预算数一致"
_EQUAL_CLAIM = lazy(
    r"决算数?(?:与|和|同)(?P<which>年初|调整后?的?|全年)?预算数?(?:相比|相较|比较)?[，,]?"
    r"(?P<loose>基本|大致|大体)?(?P<op>持平|一致|相等|相同|无变化|无增减(?:变化)?)"
)
_OPS = {
    "大于": 1, "多于": 1, "高于": 1, "超过": 1, "超出": 1,
    "小于": -1, "少于": -1, "低于": -1,
    "增加": 1, "增长": 1, "减少": -1, "下降": -1,
    "等于": 0, "持平": 0, "一致": 0, "相等": 0, "相同": 0, "无变化": 0, "无增减": 0, "无增减变化": 0,
}  # fmt: skip
# The budget and the final amount a claim compares, by their labels: "年初预算为" · "调整预算数" ·
# "支出决算为" · "决算数". A budget of another year (上年预算, 执行数) or a change is neither.
_BUDGET_LABEL = lazy(r"(?P<which>年初|调整后?的?|全年)?预算(?:数|金额|安排)?$")
_ACTUAL_LABEL = lazy(r"(?:支出)?决算(?:数|支出|金额)?$")
_FOREIGN = lazy(r"上年|去年|同期|执行|比|较|增|减|下降|完成|占")
_SENTENCE = lazy("[" + regex.escape(SENTENCE_END + "；;") + "]")  # sentences and their ；-halves


@record
class Comparison:
    """A claim that the final amount is larger than, smaller than or equal to its budget."""

    claim: str  # the words as written: 决算数小于预算数
    sign: int  # +1 larger · -1 smaller · 0 equal
    loose: bool  # 基本持平: equal within a margin the text does not state
    budget: Quantity
    actual: Quantity
    line: int
    column: int  # 1-based, of the claim
    difference: Quantity | None = None  # "决算数大于预算数55.93万元": the difference the claim states


def _which(word: str | None) -> str:
    if not word:
        return ""
    return "adjusted" if word.startswith("调整") else "initial" if word == "年初" else "full"


def _figures(qs: list[Quantity], pattern: regex.Pattern[str]) -> list[tuple[str, Quantity]]:
    out = []
    for q in qs:
        label = q.label.strip()
        if q.kind is not Kind.MONEY or q.approx or _FOREIGN.search(label):
            continue
        m = pattern.search(label.removesuffix("为").removesuffix("是"))
        if m:
            out.append((_which(m.groupdict().get("which")), q))
    return out


def comparisons(doc: Document) -> list[Comparison]:
    """Each 决算 vs 预算 claim with the one budget and one final amount stated for it since the previous
    claim in the same paragraph. A claim with two candidate budgets (年初 and 调整) that it does not choose
    between, or with no figures, is left out."""
    found: list[Comparison] = []
    for para in doc.paragraphs:
        if "决算" not in para.text or "预算" not in para.text:
            continue
        text = normalise(para.text)
        claims = sorted([*_ORDER_CLAIM.finditer(text), *_EQUAL_CLAIM.finditer(text)], key=lambda m: m.start())
        floor = 0
        for m in claims:
            qs = [q for q in para.quantities if floor <= q.start < m.start()]
            floor = m.end()
            budgets = _figures(qs, _BUDGET_LABEL)
            actuals = _figures(qs, _ACTUAL_LABEL)
            which = _which(m["which"])
            if which:
                budgets = [(w, q) for w, q in budgets if w == which]
            if not budgets or not actuals:
                continue
            if len({q.base_value for _, q in budgets}) > 1 or len({q.base_value for _, q in actuals}) > 1:
                continue  # 年初 and 调整 budgets, or two items: which one the claim means is not said
            first = min(budgets[-1][1].end, actuals[-1][1].end)
            if len(_SENTENCE.findall(text, first, m.start())) > 1:
                continue  # the figures stand two sentences or more before the claim
            after = next((q for q in para.quantities if q.start >= m.end()), None)
            difference = after if after is not None and after.start - m.end() <= 2 else None
            if difference is not None and (difference.kind is not Kind.MONEY or difference.approx):
                difference = None
            found.append(
                Comparison(
                    difference=difference,
                    claim=m[0],
                    sign=_OPS[m["op"]],
                    loose=bool(m.groupdict().get("loose")),
                    budget=budgets[-1][1],
                    actual=actuals[-1][1],
                    line=para.line,
                    column=para.column(m.start()),
                )
            )
    return found


# "主要原因是：宣传经费增加" · "主要原因：人员经费相应减少": a reason that is one clause ending in a direction.
_REASON = lazy(
    r"(?:主要)?原因(?:是|为)?[:：]?\s*(?P<reason>[^。；;，,:：]{1,30}?(?:经费|支出|费用|资金|开支|预算))"
    r"(?:相应|有所|略有)?(?P<word>增加|增长|上升|减少|下降|降低)(?=[。；;]|$)"
)
# A reason about another year, a one-off, or another source of funds ("使用非财政拨款资金增加" for a fall in
# fiscal spending, "结转下年资金增加") rightly points the other way.
_REASON_FOREIGN = lazy(
    r"上年|去年|上一年|同期|一次性|以前年度|不再|取消|未|无|调减|调增|压减|减少了?的"
    r"|结转|结余|下年|非财政|自有资金|单位资金|其他资金|上级补助|事业收入|经营收入"
)


@record
class Reason:
    """A reason given right after a change, in one clause with its own direction word, and the change."""

    text: str  # the reason as written: 宣传事务一般行政管理事务经费增加
    sign: int
    line: int
    column: int
    change: str  # the change it explains, as written: 比2023年预算执行数减少2.98%
    change_sign: int


# The change a reason follows: a comparison (比上年 / 较2023年度决算数 / 同比) and its direction words, up to
# the figures that end it ("较上年增30.20万元，增5.03%").
_CHANGE_CLAUSE = lazy(
    rf"(?:比|较|同比|与)[^。；;！!？?]{{0,40}}?(?P<words>(?:{UP_WORDS}|{DOWN_WORDS})[^。；;！!？?]{{0,40}}?)$"
)
_CHANGE_WORD = lazy(f"{UP_WORDS}|{DOWN_WORDS}")  # the one-character 增/减 last: they stand alone
_ENDS_IN_FIGURE = lazy(r"\d(?:\s*(?:%|万元|亿元|元|个百分点))?\s*$")
_MARKER = lazy(r"(?:主要)?(?:增加|减少|增长|下降|变动|变化)?的?(?:主要)?原因(?:是|为|主要是)?[:：]?\s*$")


def reasons(text: str, line: int, column=lambda offset: offset + 1) -> list[Reason]:
    """The one-clause reasons of a paragraph's text that directly follow a change: only the sentence end
    and "主要原因是：" between the change's figures and the reason (a second comparison, 比预算…, 其中…
    would make the reason that one's)."""
    out = []
    for m in _REASON.finditer(text):
        if _REASON_FOREIGN.search(m["reason"]):
            continue
        marker = _MARKER.search(text, 0, m.start("reason"))
        if marker is None:
            continue
        end = marker.start()
        while end > 0 and text[end - 1] in "，,。；; ":
            end -= 1
        change = _CHANGE_CLAUSE.search(text, max(0, end - 80), end)
        if change is None or not _ENDS_IN_FIGURE.search(change[0]):
            continue
        signs = {sign_of(w) for w in _CHANGE_WORD.findall(change["words"])}
        if len(signs) != 1:
            continue  # no direction, or both (减0.04万元，增0.01%): not this check's to judge
        out.append(
            Reason(
                m["reason"] + m["word"],
                sign_of(m["word"]),
                line,
                column(m.start("reason")),
                change["words"].strip(),
                signs.pop(),
            )
        )
    return out


# "与上年持平", "零增长": the two years are the same; 基本持平 is a judgement and is never a claim of this.
_FLAT_WORD = lazy(r"(?P<loose>基本|大致|大体|略有)?(?P<word>持平|零增长|没有变化|无变化)")


@record
class FlatClaim:
    """A comparison said to be flat, with both years' figures stated: "5.00万元，上年为6.00万元，与上年持平"."""

    current: Quantity
    prior: Quantity
    word: str  # 持平
    claim: str  # the words as written


def flat_claims(doc: Document, changes: list) -> list[FlatClaim]:
    """The flat comparisons (sign 0) of ``changes`` whose current and prior figures are both stated."""
    owner = {id(q): para for para in doc.paragraphs for q in para.quantities}
    found = []
    for c in changes:
        if c.sign != 0 or c.current is None or c.prior is None or c.current.approx or c.prior.approx:
            continue
        para = owner.get(id(c.prior))
        if para is None:
            continue
        text = normalise(para.text)
        m = _FLAT_WORD.search(text, c.prior.end, sentence_end(text, c.prior.end))
        if m is not None and not m["loose"]:
            found.append(FlatClaim(c.current, c.prior, m["word"], m[0]))
    return found
