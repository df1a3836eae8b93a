"""The same quantity stated in several places: an index by topic, scope, year and unit.

A statement's identity is (topic, scope, year, unit): "2019年初公用经费预算245万元" and the table cell
日常公用经费 × 年初预算数 = 249.00 are both (公用经费, {年初, 预算}, 2019, 元). Scopes keep different
quantities apart — 预算 and 决算, 年初 and 调整后, 本级 and 全市 — and the parts of a breakdown inherit
the scope of their whole ("决算数13,867.60万元（其中：项目支出11,392.72万元）"). Matching is exact on
the topic: conservative on purpose, since a false conflict costs the reader more than a missed one.
"""

from __future__ import annotations

from auditor.extract.analysis import Analysis
from auditor.extract.changes import year_of
from auditor.extract.tables import cell_figure
from auditor.model.quantity import Kind, Quantity
from auditor.model.record import record
from auditor.text.chars import normalise
from auditor.text.labels import LEVEL_WORDS, OPENS_WITH_QIZHONG, SHARE_AFTER, level_of, region_after
from auditor.text.rx import lazy
from auditor.text.spans import depth_at, sentence_end, sentence_start

_SCOPES = [
    ("年初", r"年初|初"),
    ("调整后", r"调整后|剔除\p{Han}{0,20}后|扣除\p{Han}{0,20}后|划出后"),
    ("调整预算", r"调整预算"),
    # the funds before 预算: 一般公共预算 is a fund, not a budget figure
    ("一般公共预算", r"一般公共预算"),
    ("基金", r"政府性基金"),
    ("预算", r"预算(?!单位)"),
    ("决算", r"决算"),
    ("执行", r"执行|实际"),
    ("本级", r"本级"),
    ("全市", r"全市|全县|全区|全省|全州"),
    ("财政拨款", r"财政拨款"),
    ("项目", r"项目"),
    ("划出", r"划出|调减|调整资金|直接调整"),
    ("结转", r"结转|结余"),
    ("计划", r"计划|目标|任务"),
    ("上年", r"上年|去年|上一年"),
]
_SCOPE_PATTERNS = [(name, lazy(pattern)) for name, pattern in _SCOPES]
# one pass names the scopes a label may carry (each at the first place one of them starts)
_ANY_SCOPE = lazy("|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern) in enumerate(_SCOPES)))
_FILLER = lazy(
    r"(?:19|20)\d\d\s*年度?|本年度|本年|全年|当年|年度|其中|主要|累计|共计|合计为|总计为|合计|总计|总额|共|达到|达|为|是|的|"
    r"日常|数|资金|金额|规模|情况|[“”\"'（）()、，,：:\s]|\d"
)
_PART_WORDS = lazy(r"占|比|较|增加|减少|增长|下降|降低|提高|人均|平均|每|单价|以上|以下|超过|不足|约|近")
_TOTAL_SPENDING = lazy(r"^(?:总)?(?:支出|收入)(?:合计|总计|总额)?$")
_ENDS_WITH_QIZHONG = lazy(r"其中\s*[：:]?\s*$")
# parts that every whole breaks into, by nature or by source: whose they are is their whole's topic
_GENERIC_PARTS = frozenset(
    {
        "基本支出",
        "工资福利支出",
        "商品和服务支出",
        "对个人和家庭的补助",
        "对个人和家庭的补助支出",
        "资本性支出",
        "支出",
        "人员经费",
        "公用经费",
        "人员支出",
        "公用支出",
        "日常公用经费",
        "收入",
        "其他收入",
        "事业收入",
    }
)
_GENERIC_WHOLES = frozenset({"", "总支出", "总收入", "支出", "收入"})
_YEAR_START = lazy(r"((?:19|20)\d\d)\s*年初")
_ORDINAL = lazy(r"^\s*(?:\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]+、)")
_WHOSE = lazy(
    r"^(?:我局|本局|本部门|本单位|我单位|部门|单位|\p{Han}{1,6}人社局|人社局"
    r"|[我本](?:院|校|中心|所|站|馆|镇|乡|街道|委|厅|办|队|园|场))"
)
_FUND_WORDS = lazy(r"一般公共预算|政府性基金|国有资本经营|社会保险基金")
_FUND_NAMES = {
    "一般公共预算": "一般公共预算",
    "政府性基金": "基金",
    "国有资本经营": "国资",
    "社会保险基金": "社保基金",
}
_FUNDS = frozenset(_FUND_NAMES.values())


def _fund_of(text: str) -> str | None:
    """The one fund ``text`` names (一般公共预算, 政府性基金 …), None for none or several."""
    found = {_FUND_NAMES[m.group()] for m in _FUND_WORDS.finditer(text)}
    return found.pop() if len(found) == 1 else None


_CLASSIFIED = lazy(r"\s*(?P<whole>\p{Han}{2,12}?)按\p{Han}{1,6}分\s*[：:，,]")
_BODY_BEFORE_YEAR = lazy(
    r"^\p{Han}{1,16}?(?:部|局|厅|委员会|委|办公室|办|院|中心|站|所|馆|队)(?=(?:19|20)\d\d\s*年)"
)
_WHOSE_WHEN = lazy(r"\s*(?:(?:19|20)\d\d\s*年|本年|全年|部门|单位)")
_YEAR = lazy(r"(?:19|20)\d\d")
_LEADING_YEAR = lazy(r"^(?:(?:19|20)\d\d\s*年度?|本年度|本年(?=[我本]))")


@record
class Statement:
    """A figure with what it is the figure of: topic, scope and year, as restatements compare them."""

    quantity: Quantity
    topic: str
    scope: frozenset[str]
    year: int | None
    label: str  # the label as the reader would recognise it
    paragraph: int = 0  # the line of its paragraph (a rejoined paragraph spans several), 0 for a cell
    # the numbering level of its paragraph, when it is not the item's first figure: "3.市本级农林水支出…，
    # 市级支出合计62.6亿元" and "4.市本级教育支出…，市级支出合计156.2亿元" are two items' totals
    sibling: int | None = None


@record
class Conflict:
    """Two statements of the same quantity with different values."""

    first: Statement
    second: Statement


def _parse(label: str, own_names: list[str]) -> tuple[str, frozenset[str]]:
    text = normalise(label)
    if "年初" in text:
        text = _YEAR_START.sub(r"\1年 年初", text)
    for name in own_names:
        if name in text:
            text = text.replace(name, "")
    m = _ORDINAL.match(text)
    if m:
        text = text[m.end() :]
    yearless = _LEADING_YEAR.sub("", text, count=1)
    m = _WHOSE.match(yearless)
    if m:  # "本部门…", "2024年度本部门…": whose, not what
        text = yearless[m.end() :]
    elif m := _BODY_BEFORE_YEAR.match(text):  # "教育部2024年度收入总计": the unit's name, then the year
        text = text[m.end() :]
    scope = set()
    candidates = {m.lastgroup for m in _ANY_SCOPE.finditer(text, overlapped=True)}
    if candidates:  # most labels carry no scope word
        for i, (name, pattern) in enumerate(_SCOPE_PATTERNS):
            if f"s{i}" in candidates:
                text, found = pattern.subn("", text)
                if found:
                    scope.add(name)
    topic = _FILLER.sub("", text)
    spending = _TOTAL_SPENDING.match(topic) is not None
    if "总计" in text and not spending:
        # "国有资本经营收入61.6亿元，加上…，国有资本经营收入总计79亿元": a 总计 adds the carry-overs to the
        # year's own figure of that name; it restates only another 总计
        scope.add("总计")
    if spending and not (scope - {"一般公共预算", "财政拨款"}):
        # the department's total only when the label says whose and when: "2020年本年支出合计",
        # "2020年总支出"; a bare "支出总额" may be a project's
        if _WHOSE_WHEN.match(normalise(label)):
            side = "支出" if "支出" in topic else "收入"
            if "总计" in text and "本年" not in text:
                topic = side + "总计"  # 收入总计 = 本年收入合计 + 上年结转: never the year's own total
            else:
                topic = "总" + side
        else:
            topic = ""
    return topic, frozenset(scope)


_YEAR_RANGE = lazy(r"(?:19|20)\d\d\s*年?\s*(?:[—–\-~～至到]{1,2})\s*(?:19|20)\d\d")  # 2019——2022年
_LEAD = lazy(
    r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]\s*)?(?P<lead>[^，,。；;：:]{2,24}?)\s*[：:。]"
)
_ENTITY = lazy(
    r"(?:局|站|中心|所|院|队|处|办|委|场|馆|校|小学|中学|幼儿园|医院|卫生院|公司|项目|经费|资金|专项|工程)$"
)  # "1.数字展厅运维经费。…全年支出…": a numbered project's own figures
_TARGET_LEAD = lazy(r"目标|计划|预期|预计")
_ACTUAL_LEAD = lazy(r"实际|完成情况|完成值|实现情况")


def _whose(text: str, section) -> str:
    """Whose figures a paragraph states, when it says so first: a unit or a project named before its colon
    or full stop ("（一）县农业技术推广中心：…", "1.县林业站。…") or in the heading it stands under ("（一）县林场"),
    or the stage of a performance target ("年度目标：…" against "实际完成情况：…"). Figures of different
    subjects or stages are not restatements of one another."""
    m = _LEAD.match(text)
    lead = m.group("lead") if m else ""
    if lead and _ACTUAL_LEAD.search(lead):
        return "实际"
    if lead and _TARGET_LEAD.search(lead):
        return "目标"
    if lead and _ENTITY.search(lead):
        return lead
    title = section.heading.title.strip() if section is not None else ""
    if title and len(title) <= 24 and _ENTITY.search(title) and not _TARGET_LEAD.search(title):
        return title
    return ""


def _of_section(section, report_year: int | None) -> tuple[int | None, str | None, str | None]:
    """What a section's headings say of the figures under it: (year, fund, level).

    A paragraph without a year of its own is about the year its section names ("六、2025年机关运行经费预算安排
    情况" in a 2024 决算), else the report's. "(一)一般公共预算 … 收入总量为45.60亿元" and "(二)政府性基金预算 …
    收入总量为18.30亿元": the fund its section names (without one, its sentence's). "1.全国一般公共预算 … 收入
    总量" and "2.中央一般公共预算 … 收入总量": the level the innermost heading that names one gives."""
    if section is None:
        return report_year, None, None
    titles = [s.heading.title for s in reversed(section.path())]
    years = _YEAR.findall(" ".join(reversed(titles)))
    fund = next((f for t in titles if (f := _fund_of(t))), None)
    level = next((v for t in titles if (v := level_of(t))), None)
    return (int(years[-1]) if years else report_year), fund, level


def statements(doc: Analysis, own_names: list[str]) -> list[Statement]:
    out: list[Statement] = []
    parsed: dict[str, tuple[str, frozenset[str]]] = {}  # a label recurs within a report

    def parse(label: str) -> tuple[str, frozenset[str]]:
        if label not in parsed:
            parsed[label] = _parse(label, own_names)
        return parsed[label]

    wholes = {id(p): b.whole for b in doc.relations.breakdowns for p in b.parts}
    # "收入46亿元，加上上年结转收入0.1亿元…，收入合计61.4亿元": the chain's result adds more than the year's own
    chained = {id(i.result) for i in doc.relations.identities if i.name == "running_total"}
    report_year = doc.report_year
    # a sentence's level (全市 … / 市本级 …) scopes its figures only where the report speaks of two levels
    levels = {m.group() for para in doc.paragraphs for m in LEVEL_WORDS.finditer(para.text)}
    by_section: dict[int, tuple[int | None, str | None, str | None]] = {}  # what each section says, once
    previous = figured = None
    region = ""  # the part of a region a "在41个县收支完成情况上，…" paragraph opened, for the ones after it
    for para in doc.paragraphs:
        before, previous = previous, para
        text = normalise(para.text)
        region = region_after(region, text, para.heading is not None)
        # "…总额2.9万亿元。⏎ 其中，省属…": a paragraph opening with 其中 breaks down the one above
        above = before.quantities if before is not None and OPENS_WITH_QIZHONG.match(text) else []
        # "项目支出0元，同比减少…。其中：⏎ 商品和服务支出0元": the list opened at the end of the paragraph above
        opened_below = None
        if before is not None and _ENDS_WITH_QIZHONG.search(normalise(before.text)):
            # (the sentence that ends in 其中 may have been cut from its figure: "…下降100%。下降原 ⏎ 因是…。其中：")
            holder = before if before.quantities else figured
            opened_below = holder.quantities[0] if holder is not None else None
        if before is not None and before.quantities:
            figured = before
        if not para.quantities:
            continue  # (what follows names whose and when its figures are)
        section = doc.section_at(para.line)
        section_key = id(section)
        if section_key not in by_section:
            by_section[section_key] = _of_section(section, report_year)
        default_year, section_fund, section_level = by_section[section_key]
        whose = (
            _whose(text, section)
            or _subject_of_paragraph(text)
            or _place_of(text)
            or (f"〔{region}〕" if region else "")
        )
        opening_level = level_of(text[: sentence_end(text, 0)]) if len(levels) > 1 else None
        mark = len(out)
        openers: dict[int, str] = {}  # by sentence start: whose a sentence opening with a subject speaks of
        ranged = _YEAR_RANGE.search(text) is not None  # (the figures' labels are pieces of the text)
        # "3.市本级农林水事务支出49.8亿元，加上市对区县补助支出12.8亿元，市级支出合计62.6亿元" and "4.市本级教育
        # 支出…": a numbered item's figures after its first are the item's, named by that first figure
        item = para.quantities[0] if para.quantities and para.ordinal is not None else None
        for q in para.quantities:
            if not _eligible(q):
                continue
            if ranged and (
                _YEAR_RANGE.search(q.label)
                or _YEAR_RANGE.search(text, sentence_start(text, q.start), q.start)
            ):
                continue  # "2021—2023年累计投入…1260.00万元": several years' total, no one year's figure
            if _PART_WORDS.search(normalise(q.label)):
                continue
            if not q.label.strip(" ：:，,"):
                continue  # a figure without a name of its own ("…分别为1350.20万元、535.24万元") restates nothing
            if _MASKED.search(q.label):
                continue  # "********支出2.06万元": a name masked or never filled in names no one quantity (T101)
            label = q.label
            whole = wholes.get(id(q))
            if whole is not None and not _of_the_units_total(parse, label, whole):
                label = f"{label} {whole.label}"
            elif (held := _bracket_holder(para, text, q)) is not None:
                label = f"{label} {held.label}"  # "预算1492.78万元（含援外医疗队支出530.00万元）"
            topic, scope = parse(label)
            if not topic and whole is None and (lead := _clause_before(para, text, q)) is not None:
                # "年初项目预算共计7个，财政拨款收入总额为A元": a bare total of what the clause before it names
                topic = f"{_core(lead.label)}的{_FILLER.sub('', normalise(label))}"
            if not _specific(topic, q, scope):
                continue
            if q.kind is Kind.MONEY and not _MEASURE.search(normalise(label)):
                # "（1）示范区普通小学为6497元" under "2.…生均…教育事业费支出…" and "1）示范区普通小学为1037元" under
                # "3.…生均…公用经费支出…": a name of who, not of what; what is the section's
                # (a numbered item "（1）…为6497元" heads a section of its own: what is the section above it)
                over = [s for s in section.path() if s.heading.line != para.line] if section else []
                if not over:
                    continue
                scope = scope | {f"〔{normalise(over[-1].heading.title).strip()}〕"}
            if id(q) in chained:
                scope = scope | {"总计"}
            split = text.rfind("其中", 0, q.start)
            if split >= 0 and any(
                parse(p.label)[0] == topic
                for p in [*above, *(p for p in para.quantities if p.start < split and p is not q)]
            ):
                # "全省国有资本及权益总额2.9万亿元。其中，省属…国有资本及权益总额1.2万亿元": after 其中, the
                # same quantity of a part of the whole (省属, 市县), not a second statement of it
                continue
            if topic in _GENERIC_PARTS:
                # "小学教育支出…，其中：基本支出…" and "学前教育支出…，其中：基本支出…": the 基本支出 of two
                # items, not one quantity stated twice (a total's 基本支出 is the unit's own); "商品和服务支出
                # …，占基本支出的18.60%" and "项目支出0元。其中：⏎ 商品和服务支出0元": of 基本 and of 项目支出
                whole_label = whole.label if whole is not None else None
                if whole_label is None and (inner := _whole_before_qizhong(para, text, q)) is not None:
                    whole_label = inner.label
                if whole_label is None and (share := SHARE_AFTER.match(text, q.end)) is not None:
                    whole_label = share.group("base")
                if whole_label is None and opened_below is not None:
                    whole_label = opened_below.label
                if whole_label is not None:
                    whole_topic, whole_scope = parse(whole_label)
                    key = whole_topic + "".join(sorted(whole_scope & {"项目"}))
                    if key not in _GENERIC_WHOLES:
                        scope = scope | {f"〔{key}〕"}
            classified = _CLASSIFIED.match(text, sentence_start(text, q.start))
            if classified:  # "地方收入按构成分：税收收入…": the 税收收入 of 地方收入, not of the whole county
                scope = scope | {f"〔{classified.group('whole')}〕"}
            if not scope & _FUNDS:
                fund = section_fund or _fund_of(text[sentence_start(text, q.start) : q.start])
                if fund:
                    scope = scope | {fund}
            if not LEVEL_WORDS.search(_LOCAL_REVENUE.sub("", label)):
                # the level its section names, or else its sentence: "全市…收入61.6亿元，加上上年结转收入2.1亿元"
                # and "市本级…，加上上年结转收入0.1亿元" are two levels' carry-overs
                # (a 其中 sentence speaks of the level its paragraph opened with: "州本级…。其中：公车购置22万元")
                # (a sentence that names its own level speaks of it, whatever its section's title names:
                # "(一)全市…收入…" ⏎ "市本级一般公共预算收入总计…，其中：地方一般公共预算收入…")
                own_level = (
                    level_of(_LOCAL_REVENUE.sub("", text[sentence_start(text, q.start) : q.start]))
                    if len(levels) > 1
                    else None
                )
                level = own_level or section_level or (opening_level if len(levels) > 1 else None)
                if level:
                    scope = scope | {f"〔{level}〕"}
            # "全地域（含黄金山托管区）…收入完成A" and "（不含黄金山托管区）…收入完成B": two extents of one region
            if inclusion := _INCLUSION.search(text, sentence_start(text, q.start), q.start):
                scope = scope | {f"〔{inclusion.group('what')}〕"}
            # (a sentence that opens with a place speaks of it: "…全市有5个县区排名前十。南昌县财政总收入…")
            begin = sentence_start(text, q.start)
            if begin not in openers:  # the figures of one sentence share its opening
                opens = text[begin:]
                openers[begin] = _whose(opens, None) or _place_of(opens)
            who = openers[begin] or whose
            if who:
                scope = scope | {who}
            sibling = para.ordinal.level if item is not None and q is not item else None
            out.append(
                Statement(q, topic, scope, year_of(text, q) or default_year, q.label, para.line, sibling)
            )
        out[mark:] = _without_parallels(out[mark:], text)
    disclosure_tables = doc.disclosure.table_indexes  # compared by 科目 in auditor.extract.fiscal
    for table in doc.tables:
        if table.index in disclosure_tables:
            continue
        project = _project_of(table)
        # "2021年全县政府性基金预算收支平衡表" over its rows: the fund its title names scopes them
        table_fund = _fund_of(_title_above(doc, table))
        for row in table.rows:
            if not row.cells or not row.label or not _NAMED.search(row.label):
                continue  # "| -10.9 | 70.9 | …": a row cut over lines goes on without its name
            for col, cell in enumerate(row.cells[1:], start=1):
                q = cell_figure(cell)
                if q is None or not _eligible(q):
                    continue
                header = table.column_header(col)
                # "一、2018年末地方政府债务余额 | … ⏎ 四、2019年末…余额": a row that names its year is of that year
                years = _YEAR.findall(row.label) or _YEAR.findall(header + table.caption)
                label = f"{row.label} {header}"
                topic, scope = parse(label)
                if not _specific(topic, q, scope):
                    continue
                if project:
                    scope = scope | {project}
                if table_fund and not scope & _FUNDS:
                    scope = scope | {table_fund}
                out.append(
                    Statement(
                        q, topic, scope, int(years[0]) if years else report_year, f"{row.label}（{header}）"
                    )
                )
    return out


# "工伤保险基金，2022年收入520亿元…" · "另一部分是失业保险基金。2022年收入…": what the paragraph is about,
# named before its first figure
_PARAGRAPH_SUBJECT = lazy(
    # a web mirror's pinyin after a character ("养(yǎng)老") is read through
    r"(?P<subject>(?:\p{Han}|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)){2,24}?"
    r"(?:保险基金|基金|专项资金|专项|项目|小学|中学|学校|幼儿园|医院|卫生院))"
    r"(?:[。，,：:]|的|(?=(?:19|20)\d\d))"
)


_FIRST_DIGIT = lazy(r"\d")
_SUBJECT_ENDS = ("基金", "专项", "项目", "学", "幼儿园", "医院", "卫生院")  # how a subject above ends


# "晋城市一般公共预算收入完成…": a paragraph that opens with a place's name states that place's figures
# "地方一般公共预算收入": the name of a revenue every level reports, not the level 地方 (beside 中央)
# words of a level that name an item, not the level spoken of: 地方一般公共预算收入, 一般公共预算地方收入, 中央补助
_LOCAL_REVENUE = lazy(
    r"地方(?=一般公共预算|公共财政|财政收入|级?财政|收入)|中央(?=补助|转移支付|财政补助|下达)"
)
_INCLUSION = lazy(
    r"[（(]\s*(?P<what>(?:不含|含|包含|包括|剔除|扣除)[^）)\d]{1,20})[）)]"
)  # (no figure: "（含专款4.01亿元）" is a part)
_PLACE_LEAD = lazy(
    r"^\s*(?P<place>(?!全|本)\p{Han}{1,5}?(?:市|县|区|旗|州|盟))(?=一般公共预算|财政|政府性基金|全市|全县)"
)


def _place_of(text: str) -> str:
    m = _PLACE_LEAD.match(text)
    return f"〔{m.group('place')}〕" if m else ""


def _subject_of_paragraph(text: str) -> str:
    """The fund, project or school a paragraph names in its first sentence, before its first figure."""
    head = _FIRST_DIGIT.split(text, maxsplit=1)[0]
    if not any(word in head for word in _SUBJECT_ENDS):
        return ""  # a plain character test first: the pattern tries every start of the head
    m = _PARAGRAPH_SUBJECT.search(head)
    return f"〔{m.group('subject')}〕" if m else ""


def _without_parallels(found: list[Statement], text: str) -> list[Statement]:
    """A paragraph's statements without those of one quantity given different values in the ；-parts of
    one sentence: "中央国有企业资产总额…，国有资本及权益总额16.2万亿元；地方国有企业…，国有资本及权益
    总额34.1万亿元" states it for two subjects that each part names once, at its start."""
    groups: dict[tuple, list[Statement]] = {}
    for s in found:
        groups.setdefault((s.topic, s.scope, s.year, s.quantity.base_unit), []).append(s)
    parallel: set[int] = set()
    for group in groups.values():
        if len(group) < 2 or len({s.quantity.base_value for s in group}) < 2:
            continue
        segments = {(sentence_start(text, s.quantity.start), _segment(text, s.quantity.start)) for s in group}
        if len(segments) == len(group):
            # one statement in each ；-part or sentence: "甲小学寄宿生1200人，补助经费96万元。乙中学…，补助经费
            # 135万元" names a subject in each
            parallel |= {id(s) for s in group}
    return [s for s in found if id(s) not in parallel] if parallel else found


def _segment(text: str, pos: int) -> int:
    """Where the ；-part of the sentence holding ``pos`` starts."""
    return max(text.rfind("；", 0, pos), text.rfind(";", 0, pos)) + 1


_BARE_TOTAL = lazy(r"^(?:财政拨款)?(?:收入|支出|资金)?(?:总额|总计|合计)$")


def _of_the_units_total(parse, label: str, whole: Quantity) -> bool:
    """Whether a part named for itself ("其他收入") is of the unit's own 总收入/总支出 of the year, which scopes
    nothing: "总收入W，其中：…其他收入a" and "②其他收入：本年度我院其他收入为a" are one quantity."""
    own, _ = parse(label)
    whole_topic, whole_scope = parse(whole.label)
    return bool(own) and whole_topic in ("总收入", "总支出") and not whole_scope


def _clause_before(para, text: str, q: Quantity) -> Quantity | None:
    """The count closing the clause right before ``q``'s, in the same sentence, when ``q`` is named only as a
    bare total ("财政拨款收入总额", "资金总额") and the count has a name of its own: what the total is of
    ("共实施项目12个，资金总额…"). An amount there is a part or a sibling ("…转移性支出A，合计B"), not whose."""
    if not _BARE_TOTAL.match(normalise(q.label).replace(" ", "")):
        return None
    k = next((k for k, p in enumerate(para.quantities) if p is q), 0)
    if k == 0:
        return None
    lead = para.quantities[k - 1]
    if lead.kind is not Kind.COUNT or len(_core(lead.label)) < 4:
        return None
    between = text[lead.end : q.start]
    if lead.start < sentence_start(text, q.start) or not lead.label.strip() or _PART_WORDS.search(lead.label):
        return None
    return (
        lead if between.count("，") + between.count(",") == 1 and not _CLAUSE_BREAK.search(between) else None
    )


def _core(label: str) -> str:
    """A label without its year, whose it is and filler words: "2020年我单位年初项目预算" → "年初项目预算"."""
    text = _LEADING_YEAR.sub("", normalise(label).strip())
    if m := _WHOSE.match(text):
        text = text[m.end() :]
    return _FILLER.sub("", text)


_CLAUSE_BREAK = lazy(r"[；;。（）()]|其中|分别")


def _bracket_holder(para, text: str, q: Quantity) -> Quantity | None:
    """The amount right before the bracket that holds ``q`` ("实际支出1307.13万元（含…412.00万元）")."""
    if not depth_at(text, q.start):
        return None  # most figures stand outside any bracket: no walk back over the characters
    depth, opens = 0, -1
    for i in range(q.start - 1, max(-1, q.start - 80), -1):  # the bracket left open before q
        if text[i] in "）)":
            depth += 1
        elif text[i] in "（(":
            if not depth:
                opens = i
                break
            depth -= 1
    if opens < 0:
        return None
    return next(
        (p for p in reversed(para.quantities) if p.end <= opens and not text[p.end : opens].strip()), None
    )


def _whole_before_qizhong(para, text: str, q: Quantity) -> Quantity | None:
    """The amount right before the 其中 that ``q`` follows in its sentence, if any."""
    opens = sentence_start(text, q.start)
    k = text.rfind("其中", opens, q.start)
    if k < 0:
        return None
    return next((p for p in reversed(para.quantities) if opens <= p.start < k and p.is_amount), None)


def _title_above(doc: Analysis, table) -> str:
    """The nearest line above ``table`` (within a few) that names a table, else its caption."""
    first = table.first_line
    for line in range(first - 1, max(0, first - 7), -1):
        text = doc.line_text(line)
        if "表" in text:
            return text
    return table.caption


def _project_of(table) -> str:
    """The project a form is about ("项目名称 | 新建社区服务中心"): each project's form states its own figures."""
    for row in [table.header, *table.rows[:2]]:
        texts = [normalise(c.text).strip() for c in row.cells]
        for i, text in enumerate(texts):
            if text.replace(" ", "") in ("项目名称", "项目名"):
                return next((t for t in texts[i + 1 :] if t), "")
    return ""


_NAMED = lazy(r"\p{Han}")


def _eligible(q: Quantity) -> bool:
    return q.kind in (Kind.MONEY, Kind.COUNT) and not q.approx and "per-unit" not in q.tags


_VERB_END = lazy(r"(?:完成|实现|达到|发放|追回|办结|受理|结案|培训|帮助|服务|开展|组织|举办|新增|减少|增加)$")


_FUND_SCOPES = frozenset({"财政拨款", "一般公共预算", "基金"})


def _specific(topic: str, q: Quantity | None = None, scope: frozenset[str] = frozenset()) -> bool:
    if topic in ("总支出", "总收入"):
        return True
    if topic == "支出" and "项目" in scope and scope & _FUND_SCOPES:
        # "财政拨款项目支出总计…", "本部门财政拨款项目支出累计…": the unit's 项目支出 of that fund; a bare
        # 项目支出 may be any section's (本年支出 or 财政拨款), and stays uncompared
        return True
    if q is not None and q.kind is Kind.COUNT:
        # a count's label rarely names its subject ("培训完成628人" after "贫困劳动力培训任务250人")
        return len(topic) >= 6 and not _VERB_END.search(topic)
    if topic in _ATTRIBUTES:
        return False  # "…通用设备2台，账面原值136.40万元；…专用设备1台，账面原值218.00万元": whose 原值?
    return len(topic) >= 4


_MASKED = lazy(r"[*＊]{2,}|[Xx×Ｘ]{2,}|某某|〇〇|□{2,}")
# the words that name an amount of money (its measure); a label without one names whose it is only
_MEASURE = lazy(
    r"收入|支出|经费|费|资金|金额|额|预算|决算|合计|总计|小计|补助|补贴|拨款|结余|结转|资产|负债|投资|成本|税|款|基金|债|"
    r"价|息|工资|津贴|薪|保险|余额|数|值|资本|利润|奖|助|金|钱|收益|开支|花费|产值|增加值|总量|规模"
)
_ATTRIBUTES = frozenset(
    {"账面原值", "账面净值", "资产原值", "资产净值", "原值", "净值", "建筑面积", "占地面积", "使用面积"}
)


def _carried_over(a: Statement, b: Statement, carried: list) -> bool:
    """总收入 (or 总支出) beside 本年收入合计 whose difference is an amount the document says was carried over
    (上年结转和结余 8.02): 总收入 there is the total with what was carried over, not a second figure for the year."""
    from auditor.extract.tolerance import interval_of

    if a.topic not in ("总收入", "总支出"):
        return False
    labels = (normalise(a.label), normalise(b.label))
    if sum("本年" in label for label in labels) != 1:
        return False
    ahead = interval_of(a.quantity) - interval_of(b.quantity)
    behind = interval_of(b.quantity) - interval_of(a.quantity)
    return any(ahead.overlaps(c) or behind.overlaps(c) for c in carried)


def conflicts(doc: Analysis, own_names: list[str], excluded_lines: set[int] = frozenset()) -> list[Conflict]:
    """Statements of one quantity whose values disagree beyond rounding, each pair of values once.

    ``excluded_lines``: lines of passages already reported as half-updated pastes (D102).
    """
    from auditor.extract.tolerance import Interval, interval_of

    seen: dict[tuple, list[Statement]] = {}
    # the statements of ``seen[key]`` outside the excluded lines: what an excluded statement is compared with
    seen_open: dict[tuple, list[Statement]] = {}
    # the values of ``seen[key]``: a figure stated again is found in constant time
    values: dict[tuple, set] = {}
    reported: set[tuple] = set()
    found: list[Conflict] = []
    carried = [
        interval_of(q)
        for q in doc.quantities
        if q.is_amount and q.value and ("结转" in q.label or "结余" in q.label)
    ]
    intervals: dict[int, Interval] = {}  # by id of the statement: each figure's interval once
    for s in sorted(statements(doc, own_names), key=lambda s: (s.quantity.line, s.quantity.start)):
        key = (s.topic, s.scope, s.year, s.quantity.kind, s.quantity.base_unit)
        earlier = seen.setdefault(key, [])  # one statement per distinct value: repeats cost nothing
        open_ = seen_open.setdefault(key, [])
        mine = intervals[id(s)] = interval_of(s.quantity)
        excluded = (s.paragraph or s.quantity.line) in excluded_lines
        # two statements in excluded lines are never compared: a paste half-updated many times, its many
        # values of one quantity each in a reported passage, costs one pass over the others, not over them
        for e in open_ if excluded else earlier:
            # (the cheap tests first)
            if e.sibling is not None and e.sibling == s.sibling and e.paragraph != s.paragraph:
                continue  # the same words in two numbered items are each item's
            if intervals[id(e)].overlaps(mine):
                continue
            if carried and _carried_over(e, s, carried):
                continue
            pair = (key, *sorted((e.quantity.base_value, s.quantity.base_value)))
            if pair not in reported:
                reported.add(pair)
                found.append(Conflict(e, s))
            break
        known = values.setdefault(key, set())
        if s.quantity.base_value not in known:
            known.add(s.quantity.base_value)
            earlier.append(s)
            if not excluded:
                open_.append(s)
    return found
