"""Things found by reading the text itself: the report's own unit, its date, stale years, template residue.

寻甸回族彝族自治县人力资源和社会保障局 / 2023年部门整体支出绩效自评报告   → Entity(full=…, short=…人社局)
…制定了《寻甸回族彝族自治县人社局2022年度工作计划》…                     → StaleYear(2022, "工作计划")
因公出国（境）支出决算比2018年增加/减少3.94万元                            → Residue("增加/减少")
与上年相比，财政拨款收入支出总计增加（减少）12.30万元                      → Residue("增加（减少）")
"""

from __future__ import annotations

from functools import lru_cache

import regex

from auditor.extract.tables import first_figure
from auditor.model.document import Document
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.rx import lazy, rx

# ----------------------------------------------------------------------------- the report's own unit

_ORG = lazy(
    r"(?P<name>\p{Han}{2,30}?(?:人力资源和社会保障局|人力资源社会保障局|人社局|财政局|民政局|教育局|卫生健康局|"
    r"\p{Han}{1,8}局|\p{Han}{1,8}厅|\p{Han}{1,8}委员会|\p{Han}{1,8}中心))"
    r"(?![面势部限城])"  # "扭转持续下降局面", "中心城区": words, no unit's name
)
_SHORT_FORMS = [("人力资源和社会保障局", "人社局"), ("人力资源社会保障局", "人社局")]
_PLACE = lazy(r"^(?P<place>\p{Han}{2,12}?(?:自治县|自治州|县|市|区|旗|州|省))")
_BODY = lazy(
    r"(?:财政|民政|教育|卫生健康|卫健|农业农村|自然资源|住房和城乡建设|住建|交通运输|水务|商务|文化和旅游|文旅|市场监督管理|市场监管|医疗保障|医保|统计|审计|税务|公安|司法|人社|人力资源和社会保障|人力资源社会保障|应急管理|生态环境|林业和草原|林草|发展和改革|发改|工业和信息化|工信|退役军人事务|乡村振兴|科技|体育)局"
)


@record
class Entity:
    """The reporting unit as its report names it, with the shorter names it also goes by."""

    full: str  # 寻甸回族彝族自治县人力资源和社会保障局
    names: list[str]  # every accepted way of writing it, longest first
    place: str  # 寻甸回族彝族自治县
    body: str  # 人社局 / 人力资源和社会保障局
    line: int


def own_entity(doc: Document) -> Entity | None:
    """The unit the report is about, from its title block (the first lines naming a 局/厅/委员会)."""
    for para in doc.paragraphs[:30]:
        text = normalise(para.text).strip()
        if len(text) > 60:
            continue
        m = _ORG.search(text)
        if m is None:
            continue
        full = m.group("name")
        full = rx(r"^(?:关于|附件\d*)").sub("", full)
        if m.start() and text[m.start() - 1].isdigit():
            full = rx(r"^年度?").sub("", full)  # "2024年江苏省水利厅…": the title's year, not the name
        place_m = _PLACE.match(full)
        place = place_m.group("place") if place_m else ""
        body = full[len(place) :]
        names = {full}
        for long, short in _SHORT_FORMS:
            if long in full:
                names.add(full.replace(long, short))
                body_short = short
                break
        else:
            body_short = body
        if place:
            # 寻甸回族彝族自治县 → 寻甸县; 巴中市 stays
            plain_place = regex.sub(
                r"(?:回族|彝族|藏族|苗族|壮族|土家族|瑶族|侗族|白族|哈尼族|傣族|黎族|蒙古族|满族|羌族)+自治县$",
                "县",
                place,
            )
            names |= {place + body, place + body_short, plain_place + body, plain_place + body_short}
            bare_place = rx(r"(?:自治县|县|市|区|旗)$").sub("", plain_place)  # 寻甸人社局, 巴中人社局
            if len(bare_place) >= 2:
                names |= {bare_place + body, bare_place + body_short}
        return Entity(
            full=full,
            names=sorted(names, key=len, reverse=True),
            place=place,
            body=body_short,
            line=para.line,
        )
    return None


_TRIM = '《》“”"（）()，,、。：: '
_NAME_END = lazy(r"[局部厅处科委办院站所]$")


@record
class NameSlip:
    """A misspelling of the report's own unit, or another body named where the unit's own belongs."""

    line: int
    column: int
    written: str
    expected: str
    kind: str  # misspelled | other_body


# The patterns for a unit's names are made once per process: a batch holds many reports of one unit.
@lru_cache(maxsize=256)
def _fuzzy(name: str) -> regex.Pattern[str]:
    return regex.compile(f"(?:{regex.escape(name)}){{{'e<=1' if len(name) >= 8 else 'd<=1'}}}")


@lru_cache(maxsize=256)
def _one_of(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(w) for w in words))


@lru_cache(maxsize=64)
def _other_body(place: str) -> regex.Pattern[str]:
    return regex.compile(
        regex.escape(place) + r"(?P<body>" + _BODY.pattern + r")(?=提供的?(?:基础)?(?:资料|数据|材料))"
    )


def name_slips(doc: Document, entity: Entity) -> list[NameSlip]:
    slips: list[NameSlip] = []
    checked = [n for n in entity.names if len(n) >= 6]
    # one character missing, added or changed: 甸回族彝族自治县人社局 for 寻甸回族彝族自治县人社局;
    # a short name only loses a character (云南县人社局 is another county, not a typo of 云溪县人社局)
    fuzzy = [(name, _fuzzy(name)) for name in checked]
    exact_names = _one_of(tuple(entity.names))
    # One edit leaves a name of six or more characters with its first three or its last three
    # intact: a misspelling must contain one of those pieces, and lies within a name's length of it.
    pieces: dict[str, list[int]] = {}
    for i, name in enumerate(checked):
        for piece in (name[:3], name[-3:]):
            pieces.setdefault(piece, []).append(i)
    other_body = _other_body(entity.place) if entity.place else None
    piece_pattern = _one_of(tuple(sorted(pieces)))
    for para in doc.paragraphs:
        text = normalise(para.text)
        if checked and piece_pattern.search(text):
            exact = [(e.start(), e.end()) for e in exact_names.finditer(text, overlapped=True)]
            # where each name may be misspelled: around its pieces outside every correctly written name
            windows: dict[int, list[tuple[int, int]]] = {}
            for h in piece_pattern.finditer(text, overlapped=True):
                if any(a <= h.start() < b for a, b in exact):
                    continue
                for i in pieces[h.group()]:
                    reach = len(checked[i]) + 1
                    lo, hi = max(0, h.start() - reach), min(len(text), h.end() + reach)
                    spans = windows.setdefault(i, [])
                    if spans and lo <= spans[-1][1]:
                        spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
                    else:
                        spans.append((lo, hi))
            for i in sorted(windows):
                name, pattern = fuzzy[i]
                for lo, hi in windows[i]:
                    for m in pattern.finditer(text, lo, hi):
                        # the fuzzy match may have taken a bracket or comma for the missing character: trim it
                        lead = len(m.group(0)) - len(m.group(0).lstrip(_TRIM))
                        found = m.group(0).strip(_TRIM)
                        start = m.start() + lead
                        if len(found) == len(name) and found[0] != name[0] and found[1:] == name[1:]:
                            # "由溪县…局" for 云溪县…局: the first character is missing and the match
                            # took the word before it for a changed one — report what is written
                            found, start = found[1:], start + 1
                        end = start + len(found)
                        if found in entity.names or any(a < end and start < b for a, b in exact):
                            continue  # the name itself, or part of a correctly written name
                        if len(found) < len(name) - 1 or not found or not _NAME_END.search(found):
                            continue  # 巴中市人社系统 is not a misspelled 巴中市人社局: a name ends like one
                        if any(s.line == para.line and abs(s.column - (start + 1)) < 3 for s in slips):
                            continue
                        slips.append(NameSlip(para.line, start + 1, found, name, "misspelled"))
        # another body of the same place given as the source of the report's data
        if other_body is not None:
            for m in other_body.finditer(text):
                body = m.group("body")
                if (
                    body in (entity.body, entity.full[len(entity.place) :])
                    or body.startswith("人社")
                    or body.startswith("人力资源")
                ):
                    continue
                slips.append(
                    NameSlip(
                        para.line,
                        para.column(m.start("body")),
                        entity.place + body,
                        entity.full,
                        "other_body",
                    )
                )
    return slips


# ----------------------------------------------------------------------------- years

_DATE_LINE = lazy(r"^\s*(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?\s*$")
_PLAN_NOUNS = r"(?:年度)?(?:工作计划|工作要点|重点工作方案|重点工作任务|工作方案|重点项目|年度目标|绩效目标|预算安排|工作目标)"
_PLAN_HINT = lazy(r"年度?" + _PLAN_NOUNS)
_STALE = lazy(
    r"(?:综合考察|根据|依据|按照|制定了?|印发了?|对照|围绕|完成)?\s*[《“]?(?:\p{Han}{0,30}?)(?P<y>(?:19|20)\d\d)\s*年度?"
    + _PLAN_NOUNS
)


@record
class ReportDate:
    """A line that is a date alone: the date the report is signed."""

    line: int
    year: int
    month: int
    day: int | None


@record
class StaleYear:
    """A year before the one the text should give: a plan or basis copied from an earlier report."""

    line: int
    column: int
    year: int
    text: str
    expected: int | None = None  # the year the text should give, when it is not the report's


_LOOKING_BACK = lazy(r"决算|执行情况|绩效|评价|自评|总结|审计")


def plans_its_year(doc: Document) -> bool:
    """A budget (部门预算, 单位预算公开): its title names a 预算 and nothing that looks back on a finished year.
    It is published within its year or before it, so its date says nothing against its year."""
    for para in doc.paragraphs[:8]:
        text = normalise(para.text)
        if "。" in text:
            break  # the body has begun
        if "预算" in text and not _LOOKING_BACK.search(text):
            return True
    return False


def report_dates(doc: Document) -> list[ReportDate]:
    """Lines that consist of a date alone: the report's signature date (2024年5月10日)."""
    out = []
    for para in doc.paragraphs:
        m = _DATE_LINE.match(normalise(para.text))
        if m:
            out.append(
                ReportDate(
                    para.line,
                    int(m.group("y")),
                    int(m.group("m")),
                    int(m.group("d")) if m.group("d") else None,
                )
            )
    return out


def stale_years(doc: Document, report_year: int) -> list[StaleYear]:
    """Last year's plans cited as this year's basis: "综合考察2022年重点项目", "《…2022年度工作计划》"."""
    out = []
    for para in doc.paragraphs:
        if para.heading is not None or not _PLAN_HINT.search(para.text):
            continue
        text = normalise(para.text)
        for m in _STALE.finditer(text):
            year = int(m.group("y"))
            if year >= report_year:
                continue
            before = text[max(0, m.start("y") - 4) : m.start("y")]
            if rx(r"(?:比|较|与|同|自|从|截至|截止|至|上年|去年|历年|前)\s*$").search(before):
                continue  # a comparison or a history, not this year's basis
            out.append(StaleYear(para.line, para.column(m.start("y")), year, m.group(0).strip()))
    return out


# "截至2023年12月31日，本部门共有车辆2辆" in a 2024 决算; "实施周期：2025年1月1日-2025年12月31日" for a
# project of the 2026 budget: dates left from the report copied.
_AS_OF = lazy(r"截[至止](?:到)?\s*(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?")
_PERIOD = lazy(
    r"(?:实施|项目|执行|资金使用)(?:周期|期限|期间)[:：为是]?\s*(?:(?:19|20)\d\d\s*年[^-—~至到]{0,8})?"
    r"\s*[-—~至到]+\s*(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
)


_HOLDINGS = lazy(r"共有|拥有|实有|占用|车辆|资产|房屋|编制|在职|退休|人员")


def stale_dates(doc: Document, report_year: int, genre: str) -> list[StaleYear]:
    """Dates of a 决算 (genre "final") or 预算 ("budget") that belong to an older report: in a 决算 of Y, the
    state "截至" a date before Y's end; in a 预算 of Y, a state before Y−1 or a project period ending before Y."""
    out = []
    for para in doc.paragraphs:
        if para.heading is not None:
            continue
        text = normalise(para.text)
        for m in _AS_OF.finditer(text):
            year = int(m["y"])
            if not _HOLDINGS.search(text, m.end(), m.end() + 30):
                continue  # a history ("截至2023年6月，已累计…"), not the state the template asks for
            due = report_year if genre == "final" else report_year - 1
            if year < due:
                out.append(StaleYear(para.line, para.column(m.start("y")), year, m.group(0), due))
        if genre != "budget":
            continue
        for m in _PERIOD.finditer(text):
            if int(m["y"]) < report_year:
                out.append(StaleYear(para.line, para.column(m.start("y")), int(m["y"]), m.group(0)))
        section = doc.section_at(para.line)
        if section is not None and _PERIOD_TITLE.search(section.heading.title):
            m = _RANGE.fullmatch(text.strip())
            if m is not None and int(m["y"]) < report_year:  # "五、实施周期" / "2025年1月1日-2025年12月31日"
                out.append(
                    StaleYear(
                        para.line,
                        para.column(len(text) - len(text.lstrip()) + m.start("y")),
                        int(m["y"]),
                        m[0],
                    )
                )
    return out


_PERIOD_TITLE = lazy(r"(?:实施|项目|执行)(?:周期|期限)$")
_DAY = r"\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[.．/]\d{1,2}(?:[.．/]\d{1,2})?)"  # 年1月1日 · .1.1
_RANGE = lazy(
    r"(?P<y0>(?:19|20)\d\d)" + _DAY + r"\s*[-—~至到]+\s*(?P<y>(?:19|20)\d\d)" + _DAY
)  # 2025年1月1日-2025年12月31日 · 2025.1.1-2025.12.31


# ----------------------------------------------------------------------------- template residue

# Both directions a template offers, kept: 增加/减少, 增加（减少）, 增长(下降), 增（减）
_UP, _DOWN = r"(?:增加|增长|上升|提高)", r"(?:减少|下降|降低)"
_OPEN, _CLOSE = r"[（(]\s*", r"\s*[）)]"
_EITHER_OR = (
    rf"{_UP}[/／]{_DOWN}|{_DOWN}[/／]{_UP}|是[/／]否|有[/／]无"
    # both words kept, without a mark between them, before the figure: "同比增长下降57%"
    rf"|(?:{_UP}{_DOWN}|{_DOWN}{_UP})(?=了?\s*\d)"
    # the brackets hold the opposite word and nothing else: 减少（主要是人员调出） and 增长（见表3） are prose;
    # 净增加（减少）额, 增（减）幅, 增加（减少）数 are labels of a signed change, not an unmade choice
    rf"|(?<!净)(?:{_UP}{_OPEN}{_DOWN}|{_DOWN}{_OPEN}{_UP}|增{_OPEN}减|减{_OPEN}增){_CLOSE}(?![额幅率数]|比例|金额|情况|变动|栏)"
    rf"|(?:大于{_OPEN}小于|小于{_OPEN}大于|高于{_OPEN}低于|低于{_OPEN}高于){_CLOSE}"
    # the template speaking of itself; 各部门（单位） is ordinary policy wording and stays
    rf"|本(?:部门{_OPEN}单位|单位{_OPEN}部门){_CLOSE}"
)

_RESIDUE = [
    # (not markdown's emphasis around words: "**TRUE**", "**合计不符**")
    (
        "placeholder",
        lazy(
            r"\*{3,}|(?<!\*)\*\*(?!\*)(?![^*\s](?:[^*\n]{0,60}?[^*\s])?\*\*(?!\*))(?<!(?<!\*)\*\*[^*\s](?:[^*\n]{0,60}?[^*\s])?\*\*)|[Xx×ＸＸ]{2,}(?=[\p{Han}（(]|$)|某某|XXX|〇〇|□{2,}"
        ),
    ),
    ("either_or", lazy(_EITHER_OR)),
    ("example", lazy(r"如…+[（(][^）)]{2,30}情况[）)]等")),
    ("empty_brackets", lazy(r"【\s*】|〔\s*〕|[（(]\s*[）)]")),
    (
        "empty_value",
        # (the note 金额单位为万元 names a unit, not a value left out)
        lazy(
            # (不计分, 予计分: a score given or not, no value left out)
            r"(?:(?<!单位)为|达到?|占|完成|约|(?<![不予])计|增加|减少|增长|下降|降低|提高)\s*(?:%|％|万元|元|人|个|分)"
            r"(?=[，,。；;）)]|$)"
            # a share whose value is missing: "占基本支出预算%，"
            r"|占[^，,。；;\d%％XxＸ×*＊]{2,14}?[%％](?=[，,。；;）)]|$)"
        ),
    ),
    ("ellipsis", lazy(r"…{1,2}(?=\s*(?:%|万元|元|人|个|分|年))")),
    # an amount with two decimal points: "668.9.32万元" (a date 2023.12.31 or a clause 3.2.1 has no unit after it)
    # (cells run together by a copy, "310.2154.741050%" for 310.2 | 154.74 | 10 | 50%, have long runs between the points)
    ("malformed", lazy(r"(?<![\d.])\d+\.\d{1,2}\.\d+(?=\s*(?:万元|亿元|元|%|％))")),
    # a rate or an amount whose % or 万元 was lost: "增长12.5，", "完成年初预算的98.2。", "支出决算为123.45，"
    (
        "missing_percent",
        lazy(
            r"(?:增长|下降|增幅|降幅|减幅|上升|降低|完成(?:年初|调整后?的?|全年)?预算的|(?:完成|执行|得分)率为?)"
            r"\s*\d+\.\d+(?=\s*(?:[，,。；;]|$))"
        ),
    ),
    (
        "missing_unit",
        lazy(
            r"(?:预算数?|决算数?|支出|收入|拨款|经费)(?:为|是|共计)\s*(?!0(?:\.0+)?(?![\d.]))\d[\d,]*\.\d{1,2}"
            r"(?=\s*(?:[，,。；;]|$))"
        ),
    ),
]
# a web page's header line around the report: its source, date, counters and font buttons
# (a blog's, in either script: "…發表在 痞客邦 留言(0) 人氣()")
_PAGE_CHROME = lazy(
    r"浏览次数|瀏覽次數|访问量|我来说两句|字号[：:]|分享到|【打印】|【关闭】|人[气氣]\s*[（(]|留言\s*[（(]\d*[)）]"
    r"|阅读\s*[（(]|閱讀\s*[（(]|评论\s*[（(]|評論\s*[（(]"
    # a document-sharing site's header: "上传人:王** 文档编号:292440 上传时间:…" (the uploader's masked name)
    r"|上传人\s*[：:]|文档编号\s*[：:]|上传时间\s*[：:]"
)
_ANY_RESIDUE = lazy("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _RESIDUE))
# "（附相关评分表）": the template's instruction to attach a table; "（详见附表）" and "（见附表3）" refer to tables
# published as attachments beside the text (a web page's links, a PDF of its own), and are no residue
_ATTACHED_TABLE = lazy(r"[（(]\s*附(?!表|件)\s*[^）)]{0,12}(?:评分表|明细表|表)\s*[）)]")


@record
class Residue:
    """Template text left unfilled: placeholders, instructions, a figure in a table said to be empty."""

    line: int
    column: int
    text: str
    kind: str
    evidence: str = ""  # what shows it is residue: the first figure of a table said to be empty


def template_residue(doc: Document) -> list[Residue]:
    out = []
    last_table = max((t.first_line for t in doc.tables), default=0)
    below = {t.last_line: t for t in reversed(doc.tables)}  # the first table ending on a line wins
    last = doc.paragraphs[-1] if doc.paragraphs else None
    for para in doc.paragraphs:
        text = normalise(para.text)
        chrome = _PAGE_CHROME.search(text) is not None
        for m in _ANY_RESIDUE.finditer(text):
            if m.lastgroup == "either_or" and m.group(0).startswith("本") and _defines(doc, para, text):
                continue  # 名词解释: "财政拨款收入：指本部门（单位）从…取得的" is the official wording for any unit
            if m.lastgroup in ("empty_brackets", "placeholder") and chrome:
                continue  # "浏览次数： 我来说两句() 字号：TT": a web page's own counters, not the report's text
            if para is last and m.end() >= len(text.rstrip()) and text.rstrip()[-1:] not in "。！？!?”）)":
                continue  # "…较上年减少278.22万元，下降26.5": the excerpt stops there, the % may follow
            out.append(Residue(para.line, para.column(m.start()), m.group(0), m.lastgroup))
        for m in _ATTACHED_TABLE.finditer(text):
            # "（附相关评分表）" with no table anywhere after it (an attachment heading alone is not a table)
            if last_table <= para.line:
                out.append(Residue(para.line, para.column(m.start()), m.group(0), "missing_table"))
        m = _EMPTY_TABLE_NOTE.search(text)
        if m is not None:
            table = _table_above(below, para.line)
            first = first_figure(table) if table is not None else None
            if first is not None:
                out.append(
                    Residue(para.line, para.column(m.start()), m.group(0), "empty_table_note", first.text)
                )
    return out


_DEFINITION = lazy(r"^\s*(?:\d+[.、．]|[（(]\d+[）)])?\s*[^，,。；;]{2,24}[：:]\s*(?:是|系)?指")


def _defines(doc: Document, para, text: str) -> bool:
    """A paragraph of the 名词解释: a term defined ("X：指…"), or any paragraph under that heading."""
    if _DEFINITION.match(text):
        return True
    section = doc.section_at(para.line)
    return section is not None and any("名词解释" in s.heading.title for s in section.path())


# "注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。" under a table that has figures
_EMPTY_TABLE_NOTE = lazy(r"(?:故|因此|所以)?本表为空表|本表无数据")


def _table_above(below: dict, line: int):
    """The table that ends right above ``line`` (only its title-less notes may stand between), from
    the tables by their last line."""
    for gap in (3, 2, 1):  # the earliest-ending table first, as a scan of the tables in order finds it
        table = below.get(line - gap)
        if table is not None:
            return table
    return None
