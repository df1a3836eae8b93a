"""Tables written one row per line in a text report: pipe/markdown rows and space-aligned columns, read
into the same Table model as .docx and PDF tables, their figures keeping their true line and column."""

from __future__ import annotations

import pytest

from auditor import load

PIPE = (
    "某区档案局2023年度部门决算\n"
    "表1 支出决算表    单位：万元\n"
    "| 项目 | 决算数 |\n"
    "|---|---:|\n"
    "| 一、基本支出 | 1350.20 |\n"
    "| 二、项目支出 | 525.24 |\n"
    "| 合计 | {total} |\n"
)
ALIGNED = (
    "某区档案局2023年度部门决算\n"
    "表2 收入决算表    单位：万元\n"
    "项目            预算数      决算数\n"
    "财政拨款收入    1200.00     1180.50\n"
    "其他收入        100.00      98.20\n"
    "合计            1300.00     {total}\n"
)


def findings(check, text: str) -> list[tuple[str, int, int, str | None]]:
    return [(f.rule, f.line, f.column, f.stated) for f in check(text, select="S")]


@pytest.mark.parametrize(
    "template,right,wrong,line,column",
    [(PIPE, "1875.44", "1885.44", 7, 8), (ALIGNED, "1278.70", "1288.70", 6, 27)],
)
def test_a_table_written_one_row_per_line(check, template, right, wrong, line, column):
    assert findings(check, template.format(total=right)) == []
    assert findings(check, template.format(total=wrong)) == [("S102", line, column, f"{wrong}万元")]


def test_the_model_of_a_pipe_table(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(PIPE.format(total="1875.44"), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == ["项目", "决算数"]  # the |---| rule row is no row
    assert [[c.text for c in r.cells] for r in table.rows][-1] == ["合计", "1875.44"]
    (q,) = table.rows[-1].cells[1].quantities
    assert (q.line, q.column, q.unit) == (7, 8, "万元")


def test_a_header_repeated_after_a_page_break_is_not_a_row(tmp_path):
    text = PIPE.format(total="1875.44").replace("| 二、项目支出 |", "| 项目 | 决算数 |\n| 二、项目支出 |")
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    (table,) = load(path).tables
    assert [r.cells[0].text for r in table.rows] == ["一、基本支出", "二、项目支出", "合计"]


@pytest.mark.parametrize(
    "text",
    [
        # prose with one pipe, and a letter-spaced title with wide gaps: no table
        "某区档案局2023年度部门决算\n收入 | 支出情况见附表。\n本年支出合计1875.44万元。\n",
        "某区档案局  2023年度  部门决算\n目  录\n一、部门  基本  情况\n",
    ],
)
def test_lines_that_are_not_tables(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    assert load(path).tables == []


def test_a_pipe_table_with_this_periods_column_and_its_unit_in_a_first_row_of_its_own(check):
    """本期 | 上年同期 | 增长率 is a year-over-year table; "单位：元 | | |" above it is its caption."""
    text = (
        "某院2023年度财务收支情况\n"
        "单位：元 | | | |\n"
        "项目 | 本 期 | 上年同期 | 增长率 |\n"
        "总收入 | 63707200.74 | 59905828.90 | 6.35% |\n"
        "其他收入 | 1127395.40 | 848050.98 | 32.94% |\n"
    )
    assert [f.rule for f in check(text)] == []
    slipped = [(f.rule, f.stated, f.expected) for f in check(text.replace("63707200.74", "66707200.74"))]
    assert slipped == [("Y101", "6.35%", "11.35%")]


FUNDS = (
    "某县某局2023年度项目支出绩效自评表\n"
    "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "| --- | --- | --- | --- | --- | --- | --- |\n"
    "| 年度资金总额 | 0 | 3.46 | 3.38 | 10 | 97.69% | 9.77 |\n"
    "| 其中:财政拨款 | 0 | 1.66 | 1.58 | —— | 95.18% | —— |\n"
    "| 其他资金 | 0 | 1.8 | 1.8 | —— | 100% | —— |\n"
)


def test_a_project_forms_funds_block_adds_up_and_its_execution_rates_are_against_the_years_budget(check):
    """The unit in the label column's header (项目资金(万元)) is the amount columns' unit; 执行率 is
    全年执行数 / 全年预算数, not / 年初预算数."""
    assert [f.rule for f in check(FUNDS)] == []
    rate = [(f.rule, f.stated, f.expected) for f in check(FUNDS.replace("97.69%", "90.69%"))]
    assert rate == [("C101", "90.69%", "97.69%")]
    total = {(f.rule, f.stated, f.expected) for f in check(FUNDS.replace("| 1.66 |", "| 1.96 |"))}
    assert total == {("S102", "3.46万元", "3.76万元"), ("C101", "95.18%", "80.61%")}


def test_two_projects_forms_state_their_own_funds(check):
    """Each 绩效目标表 is about the project it names (项目名称): its figures restate nothing of another's."""
    form = (
        "| 财政项目支出绩效目标填报表 | | | |\n"
        "| 项目名称 | {name} | 项目类别 | 特定目标类 |\n"
        "| 项目资金（元） | 项目资金总额 | {total} | |\n"
        "| | 其中：财政资金 | {total} | |\n"
    )
    text = (
        "某街道2023年度部门预算\n"
        + form.format(name="新建社区服务中心", total="4,100,000.00")
        + "\n"
        + form.format(name="道路养护", total="6,351,000.00")
    )
    assert [f.rule for f in check(text)] == []
    same = text.replace("道路养护", "新建社区服务中心")
    assert "V101" in [f.rule for f in check(same)]


SCORES = (
    "某县某局2023年度项目支出绩效自评表\n"
    "| 项目支出绩效自评表 | | | |\n"
    "| 一级指标 | 三级指标 | 分值 | 得分 |\n"
    "| 产出指标 | 指标1 | 30 | 28 |\n"
    "| | 指标2 | 20 | 19 |\n"
    "| 效益指标 | 指标3 | 30 | 27 |\n"
    "| 满意度指标 | 指标4 | 20 | 18 |\n"
    "| 合计 | | 100 | 92 |\n"
)


def test_a_score_table_under_a_title_row_and_without_a_second_level_column(check):
    """The merged title row is the caption; the 三级指标 stand under their 一级 when there is no 二级 column."""
    assert [f.rule for f in check(SCORES)] == []
    assert [(f.rule, f.line) for f in check(SCORES.replace("| 19 |", "| 16 |"))] == [("G101", 8)]  # 合计


def test_a_score_tables_weights_are_points_under_a_money_caption(check):
    """金额单位:万元 above a 评价得分表: its 分值 and 得分 columns hold points, not three sums of money."""
    text = (
        "部门整体支出绩效评价得分表\n金额单位:万元\n"
        "| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分 |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 投入 | 20 | 预算编制 | 10 | 预算编制科学性 | 5 | 5 |\n"
        "| | | | | 绩效目标合理性 | 5 | 4.5 |\n"
        "| | | 预算执行 | 10 | 预算执行率 | 10 | 9.8 |\n"
        "| 产出 | 80 | 职责履行 | 80 | 重点工作完成率 | 80 | 78 |\n"
        "| 合计 | 100 | | | | 100 | 97.3 |\n"
    )
    assert [f.rule for f in check(text)] == []
    assert [f.rule for f in check(text.replace("| 9.8 |", "| 9.2 |"))] == ["G101"]


SPACED = (
    "某医院收支情况对比表\n"
    "单位:元\n"
    "项目 2023年度 2024年度 2024比2023增减\n"
    "增减值 增减%\n"
    "一、收支情况 (一) 收入总计 5860000.00 6120000.00 260000.00 4.44%\n"
    "1. 财政补助收入 690000 820000 130000 18.84%\n"
    "2. 科教项目收入 0\n"
    "3. 医疗收入 5170000.00 5300000.00 130000.00 2.51%\n"
    "二、门急诊人次平均收费\n"
    "171.70 180.20 8.50 4.95%\n"
)


def test_rows_separated_by_single_spaces_are_a_table(check):
    """A copy that separates cells by one space: label, figures, and a header over two lines."""
    assert check(SPACED) == []
    # the 增减值 of 收入总计 is the sum of its items' too
    assert [(f.rule, f.stated, f.expected) for f in check(SPACED.replace(" 130000 ", " 160000 "))] == [
        ("S102", "260000.00元", "290000.00元"),
        ("Y101", "160000元", "130000元"),
    ]
    assert [(f.rule, f.stated, f.expected) for f in check(SPACED.replace("8.50 4.95%", "8.50 4.65%"))] == [
        ("Y101", "4.65%", "4.95%")
    ]


def test_a_sentence_with_figures_is_no_spaced_row(check):
    text = "本年收入 说明如下 年度对比\n全年完成 120 万元 其中 基本 80\n"
    assert check(text) == []


# A web page copied as pipe rows: the page's particulars, the caption in rows of their own, a header cell
# merged over two columns whose names follow in a second row that lost its empty cells on the left.
WEB_PAGE = (
    "| 索引号 | 0000-2024-0001 | 发布机构 | 某县财政局 |\n"
    "| 公开目录 | 三公经费 | 发布日期 | 2024-09-10 |\n"
    "附件 | ||||\n"
    "某县2023年“三公”经费决算情况统计表 | ||||\n"
    "单位：万元 | ||||\n"
    "项目 | 上年决算数 | 本年决算数 | 比上年增减情况 | |\n"
    "增减金额 | 增减幅度 | |||\n"
    "合计 | 820.50 | 738.45 | -82.05 | -10.00% |\n"
    "1.因公出国（境）费 | 20.00 | 15.00 | -5.00 | -25.00% |\n"
    "2.公务接待费 | 300.50 | 283.45 | -17.05 | -5.67% |\n"
    "3.公务用车购置及运行费 | 500.00 | 440.00 | -60.00 | -12.00% |\n"
    "说明：三公经费是指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。\n"
)


def test_a_web_pages_particulars_and_caption_rows_are_not_the_tables_header(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(WEB_PAGE, encoding="utf-8")
    table = load(path).tables[-1]
    assert "统计表" in table.caption and table.unit == "万元"
    assert [c.text for c in table.header.cells] == [
        "项目",
        "上年决算数",
        "本年决算数",
        "比上年增减情况 增减金额",
        "比上年增减情况 增减幅度",
    ]
    assert table.rows[0].label == "合计"


@pytest.mark.parametrize(
    ("old", "new", "rule", "stated"),
    [
        ("| 283.45 | -17.05 |", "| 288.45 | -12.05 |", "S102", "738.45万元"),  # 合计 against its items
        ("-5.67%", "-5.97%", "Y101", "-5.97%"),  # an item's change rate against its two years
        ("| -82.05 |", "| -87.05 |", "Y101", "-87.05万元"),  # the change amount against its two years
    ],
)
def test_a_web_pages_table_is_checked_under_its_two_row_header(check, old, new, rule, stated):
    assert check(WEB_PAGE) == []
    found = {(f.rule, f.stated) for f in check(WEB_PAGE.replace(old, new))}
    assert (rule, stated) in found, found


# A web copy runs a paragraph, its "如下：" and the table's title into the first cell of the header row.
FUSED = (
    "一、财政收入情况\n"
    "1-3月，全县实现一般公共预算收入24000万元，完成预算的25.00%，较上年同期增收1200万元，增长5.26%。"
    "其中税收收入18000万元，占收入的75.00%。具体收入项目情况如下：二〇二四年一季度财政收入执行情况表"
    " | 预算科目 | 本年收入计划 | 累计完成数 | 占计划% |\n"
    "| 税收收入 | 72000 | 18000 | 25.00 |\n"
    "| 非税收入 | 24000 | 6000 | 25.00 |\n"
    "| 合计 | 96000 | 24000 | 25.00 |\n"
)


def test_a_paragraph_run_into_a_tables_header_is_prose_and_the_table_a_table(check, tmp_path):
    path = tmp_path / "fused.txt"
    path.write_text(FUSED, encoding="utf-8")
    doc = load(path)
    assert any(
        p.line == 2 and p.text.startswith("1-3月") and p.text.rstrip().endswith("执行情况表")
        for p in doc.paragraphs
    )
    (table,) = doc.tables
    assert [c.text for c in table.header.cells][:2] == ["预算科目", "本年收入计划"]
    assert check(FUSED) == []
    found = {(f.rule, f.stated) for f in check(FUSED.replace("占收入的75.00%", "占收入的78.00%"))}
    assert ("P101", "78.00%") in found, found
    found = {
        (f.rule, f.stated)
        for f in check(FUSED.replace("| 合计 | 96000 | 24000 |", "| 合计 | 96000 | 25000 |"))
    }
    assert ("S102", "25000") in found, found  # bare figures under 累计完成数: amounts by their header


# A pipe table whose rows a web copy cut over lines: each unit's name and first figures, then "| … |"
# lines that go on with its rates and the rest. The lines without a name are no rows of their own.
WRAPPED_ROWS = (
    "单位：万元\n"
    "单位名称 | 一般公共预算收入 | 税收比重% | 一般公共预算支出 | ||||\n"
    "当月 | 累计 | 为预算的% | 增幅% | 当月 | 累计 | ||\n"
    "全市 | 52000 | 160000 |\n"
    "| -8.2 | 68.5 | 250000 | 610000 |\n"
    "市本级 | 11000 | 41000 |\n"
    "| -15.3 | 60.2 | 47000 | 118000 |\n"
    "县区级 | 41000 | 119000 |\n"
    "| -5.1 | 72.4 | 203000 | 492000 |\n"
)


def test_rows_cut_over_lines_are_not_restated_figures(check):
    """ "| -8.2 | 68.5 |" and "| -15.3 | 60.2 |" are two units' figures, not one named thing stated twice."""
    assert [f for f in check(WRAPPED_ROWS) if f.rule == "V101"] == []


_PANELS = [
    ["收入", "预算数", "支出", "预算数"],
    ["合计", "5000", "合计", "5000"],
    ["一、税收收入", "3000", "一、一般公共服务支出", "1800"],
    ["二、非税收入", "1200", "二、教育支出", "2400"],
    ["三、上级补助收入", "800", "三、上解支出", "800"],
    ["四、上年结转", "0", "", ""],
]


def _as_pipes(rows: list[list[str]]) -> str:
    return "全县收支预算平衡表\n单位：万元\n" + "\n".join(" | ".join(r) for r in rows) + "\n"


def _as_cell_lines(rows: list[list[str]]) -> str:
    cells = "".join(f"{c} |\n" if c else "|\n" for r in rows for c in r)
    return "全县收支预算平衡表\n单位：万元\n" + cells + "——收入预算合计5000万元。\n"


@pytest.mark.parametrize("layout", [_as_pipes, _as_cell_lines])
def test_two_tables_side_by_side_are_two_tables(check, tmp_path, layout):
    """收入 | 预算数 | 支出 | 预算数: each half's figures are its own names', and each half adds up."""
    path = tmp_path / "panels.txt"
    path.write_text(layout(_PANELS), encoding="utf-8")
    tables = load(path).tables
    assert [[c.text for c in t.header.cells] for t in tables] == [["收入", "预算数"], ["支出", "预算数"]]
    assert [r.cells[0].text for r in tables[1].rows] == [
        "合计",
        "一、一般公共服务支出",
        "二、教育支出",
        "三、上解支出",
    ]
    assert check(layout(_PANELS)) == []
    slipped = [r[:] for r in _PANELS]
    slipped[3][1] = "1300"
    found = [(f.rule, f.stated) for f in check(layout(slipped))]
    assert found == [("S102", "5000万元")]


_NAME_FIGURE_LINES = """某县2024年一般公共预算收入预算表
单位：万元
项 目
预算数
一、地方收入
{local}
（一）税收收入
3,600
1、增值税
2,000
2、企业所得税
1,000
3、契税
600
4、其他税收收入
（二）非税收入
1,800
1、专项收入
{special}
2、罚没收入
800
二、上划收入
900
1、增值税
700
2、消费税
200
"""


def test_a_table_copied_one_name_and_one_figure_per_line(check, tmp_path):
    """ "项 目 ⏎ 预算数", then each row's name and its figure on the next line; a row left empty is followed
    by the next name. 一、 adds up its （一）（二）, each of those its 1、2、…, and 二、 its 1、2、 directly."""
    good = _NAME_FIGURE_LINES.format(local="5,400", special="1,000")
    path = tmp_path / "lines.txt"
    path.write_text(good, encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == ["项 目", "预算数"]
    assert [c.text for c in table.rows[5].cells] == ["4、其他税收收入", ""]
    assert check(good) == []
    assert [(f.rule, f.stated) for f in check(_NAME_FIGURE_LINES.format(local="5,040", special="1,000"))] == [
        ("S102", "5,040万元")
    ]
    assert [(f.rule, f.stated) for f in check(_NAME_FIGURE_LINES.format(local="5,400", special="1,100"))] == [
        ("S102", "1,800万元")
    ]


_NAME_FIGURES_LINES = """一、2024年一般公共预算财政拨款“三公”经费支出情况表
（单位：万元）
项 目
预算数
决算数
合 计
{total}
52.30
因公出国（境）费
{abroad}
公务接待费
18.00
12.6
公务用车购置及运行费
40.00
39.70
其中：公务用车运行维护费
公务用车购置费
二、2024年“三公”经费财政拨款支出决算情况说明
某局2024年度“三公”经费财政拨款支出决算为52.3万元，完成年初预算的90.17%。
"""


@pytest.mark.parametrize(
    ("total", "abroad", "found"),
    [
        ("58.00", "0.00", []),
        ("68.00", "0.00", [("S102", "68.00万元")]),
        # a lone figure that is not zero: which column it fills cannot be told, so no table is read
        ("68.00", "10.00", []),
    ],
)
def test_a_table_copied_one_name_and_several_figures_per_line(check, tmp_path, total, abroad, found):
    """L206: "项 目 ⏎ 预算数 ⏎ 决算数", then each row's name and its figures on the next lines; a row giving one
    figure of two is placed only when that figure is zero, and the rows left empty close the table."""
    text = _NAME_FIGURES_LINES.format(total=total, abroad=abroad)
    path = tmp_path / "lines.txt"
    path.write_text(text, encoding="utf-8")
    tables = load(path).tables
    if abroad == "0.00":
        (table,) = tables
        assert [c.text for c in table.header.cells] == ["项 目", "预算数", "决算数"]
        assert [c.text for c in table.rows[1].cells] == ["因公出国（境）费", "0.00", ""]
    else:
        assert tables == []
    assert [(f.rule, f.stated) for f in check(text, select="S102")] == found


_NESTED = """某县2024年一般公共预算收入表
单位：万元
{bar}项目 | 预算数{end}
{bar}一、地方收入 | 5400{end}
{bar}（一）税收收入 | 3600{end}
{bar}1、增值税 | 2000{end}
{bar}2、企业所得税 | 1000{end}
{bar}3、契税 | {deed}{end}
{bar}（二）非税收入 | 1800{end}
{bar}1、专项收入 | 1000{end}
{bar}2、罚没收入 | 800{end}
{bar}二、上划收入 | 900{end}
{bar}1、增值税 | 700{end}
{bar}2、消费税 | 200{end}
"""


@pytest.mark.parametrize(("bar", "end"), [("| ", " |"), ("", "")])
def test_rows_numbered_both_with_brackets_and_digits_nest_in_that_order(check, bar, end):
    """A table numbering rows （一） and 1、 puts 1、 under （一）: 一、 is the sum of its （一）（二） only. Two
    cells may stand on each side of one bar, without outer bars."""
    assert check(_NESTED.format(bar=bar, end=end, deed="600")) == []
    found = [(f.rule, f.stated, f.expected) for f in check(_NESTED.format(bar=bar, end=end, deed="660"))]
    assert found == [("S102", "3600万元", "3660万元")]


_BALANCE = """{title}
单位：万元
收入 | 执行数 | 支出 | 执行数
总计 | 7000 | 总计 | 7000
一、本级收入 | 3000 | 一、本级支出 | 5200
税收收入 | 2100 | 二、转移性支出 | 1800
非税收入 | 900 | 上解支出 | 600
二、转移性收入 | 4000 | 债务还本支出 | {repaid}
上级补助收入 | 3100 | 结转下年支出 | 400
债务转贷收入 | 600 |  |
上年结转 | 300 |  |
"""


@pytest.mark.parametrize("title", ["全县一般公共预算收支平衡表", "全县政府性基金预算收支平衡表"])
def test_rows_without_ordinals_under_a_numbered_row_are_its_items(check, title):
    """总计 is the sum of the 一、二、 rows alone, so the rows without ordinals under each are its items; a
    balance table of a fund is read the same way (only a disclosure's 收支总表 keeps its two panels)."""
    assert check(_BALANCE.format(title=title, repaid="800")) == []
    found = [(f.rule, f.stated, f.expected) for f in check(_BALANCE.format(title=title, repaid="850"))]
    assert found == [("S102", "1800万元", "1850万元")]


_SIBLINGS = ["一、基本支出 | 100", "二、项目支出 | 50", "上年结转 | 12", "其他 | 8"]


@pytest.mark.parametrize("total_first", [True, False])
def test_rows_without_ordinals_are_siblings_when_the_total_says_so(check, total_first):
    """ "一、基本支出 ⏎ 二、项目支出 ⏎ 上年结转": a total that needs the rows without an ordinal, and fits with
    them, makes them siblings of the numbered rows: the sum of the numbered rows alone is no slip."""
    rows = ["合计 | 170", *_SIBLINGS] if total_first else [*_SIBLINGS, "合计 | 170"]
    text = "单位：万元\n| 项目 | 金额 |\n" + "".join(f"| {r} |\n" for r in rows)
    assert check(text) == []
    assert [(f.rule, f.stated) for f in check(text.replace("| 170 |", "| 180 |"))] == [("S102", "180万元")]


def test_rows_of_zeros_after_the_last_numbered_row_are_no_items_of_it(check):
    rows = ["一、基本支出 | 100", "二、项目支出 | 70", "上年结转 | 0", "调入资金 | 0", "合计 | 170"]
    text = "单位：万元\n| 项目 | 金额 |\n" + "".join(f"| {r} |\n" for r in rows)
    assert check(text) == []


# a 三公 table turned on its side: the years are rows, the items columns, the group 公务用车 with its own 合计
_YEAR_ROWS = [
    ["年度", "合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费", "合计", "购置", "运行"],
    ["2023年", "1600", "40", "620", "940", "120", "820"],
    ["2024年", "1450", "20", "590", "840", "60", "780"],
    ["2024年比2023年增减%", "-9.38", "-50.00", "-4.84", "-10.64", "-50.00", "-4.88"],
]


def _year_rows_as_lines(rows: list[list[str]]) -> str:
    cells = "".join(f"{c}\n|\n" for r in rows for c in r)
    return "某县“三公”经费2024年决算数与2023年决算数对比情况\n" + cells


def test_a_year_row_tables_group_header_names_its_columns(tmp_path):
    path = tmp_path / "years.txt"
    path.write_text(_year_rows_as_lines(_YEAR_ROWS), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == [
        "年度",
        "合计",
        "因公出国（境）费",
        "公务接待费",
        "公务用车购置及运行维护费 合计",
        "公务用车购置及运行维护费 购置",
        "公务用车购置及运行维护费 运行",
    ]


@pytest.mark.parametrize(
    ("row", "column", "value", "found"),
    [
        # the years' totals: the whole over the items and the group's 合计, the group over its members
        (2, 1, "1460", [("S102", "1460"), ("Y101", "-9.38%")]),
        (1, 6, "830", [("S102", "940"), ("Y101", "-4.88%")]),
        # the change row: each column's rate from the two years above it
        (3, 3, "-4.48", [("Y101", "-4.48%")]),
        (1, 2, "45", [("S102", "1600"), ("Y101", "-50.00%")]),
    ],
)
def test_a_year_row_table_adds_up_and_its_change_row_follows_from_the_years(check, row, column, value, found):
    assert check(_year_rows_as_lines(_YEAR_ROWS)) == []
    slipped = [r[:] for r in _YEAR_ROWS]
    slipped[row][column] = value
    assert [(f.rule, f.stated) for f in check(_year_rows_as_lines(slipped))] == found


# an indicator table whose every level has its weight beside it
_TREE = [
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["决策", "20", "项目立项", "8", "立项依据", "3", "3"],
    ["", "", "", "", "立项程序", "5", "5"],
    ["", "", "资金投入", "12", "预算编制", "6", "6"],
    ["", "", "", "", "资金分配", "6", "5"],
    ["过程", "30", "资金管理", "18", "资金到位率", "8", "8"],
    ["", "", "", "", "预算执行率", "10", "9"],
    ["", "", "组织实施", "12", "管理制度", "12", "12"],
]


def _tree_as_pipes(rows: list[list[str]]) -> str:
    return "某项目支出绩效评价报告\n" + "".join("| " + " | ".join(r) + " |\n" for r in rows)


def _tree_as_paragraphs(rows: list[list[str]], tail: str = "") -> str:
    """A web table copied one cell per paragraph: merged cells are not copied at all."""
    cells = [c for r in rows for c in r if c]
    return "某项目支出绩效评价报告\n二、绩效评价指标评分\n\n" + "".join(f"{c}\n\n" for c in cells) + tail


@pytest.mark.parametrize("layout", [_tree_as_pipes, _tree_as_paragraphs])
@pytest.mark.parametrize(
    ("row", "column", "value", "found"),
    [
        (3, 5, "7", [("G101", "12分")]),  # a parent's weight against its children's
        (1, 1, "22", [("G101", "22分")]),
        (6, 6, "11", [("G103", "11分")]),  # a score above its weight
    ],
)
def test_an_indicator_table_with_a_weight_beside_every_level(check, layout, row, column, value, found):
    assert check(layout(_TREE), select="G") == []
    slipped = [r[:] for r in _TREE]
    slipped[row][column] = value
    assert [(f.rule, f.stated) for f in check(layout(slipped), select="G")] == found


def test_a_table_of_paragraphs_cut_inside_a_row_keeps_the_rows_before_it(tmp_path, check):
    # the text stops after "效益 · 40 · 产出数量": whether 效益 opens a top-level indicator or is one more child
    # of 过程 cannot be told, so that row goes, and 过程 may have lost children (too few is no slip)
    tail = "效益\n\n40\n\n产出数量\n\n"
    path = tmp_path / "cut.txt"
    path.write_text(_tree_as_paragraphs(_TREE, tail=tail), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.rows[-1].cells] == ["", "", "组织实施", "12", "管理制度", "12", "12"]
    assert check(_tree_as_paragraphs(_TREE, tail=tail), select="G") == []
    short = [r[:] for r in _TREE]
    short[5][1] = "40"  # 过程 40 over 18 + 12: its other children may have been cut off
    assert check(_tree_as_paragraphs(short, tail=tail), select="G") == []
    slipped = [r[:] for r in _TREE]
    slipped[6][5] = "13"  # 预算执行率 13: 资金管理 is 8 + 13 = 21 (a closed group), 过程 18 + 12 stays 30
    found = check(_tree_as_paragraphs(slipped, tail=tail), select="G")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("G101", "18分", "21分")]


def test_a_weight_out_of_step_is_reported_on_the_line_of_the_weight(tmp_path, check):
    slipped = [r[:] for r in _TREE]
    slipped[3][3] = "7"  # 资金投入 7 over 6 + 6
    text = _tree_as_paragraphs(slipped)
    (found,) = [f for f in check(text, select="G") if f.stated == "7分"]
    lines = text.split("\n")
    assert lines[found.line - 1] == "7"
    assert "资金投入" in {lines[n - 1] for n in found.lines}


def test_short_paragraphs_without_a_header_stay_text(tmp_path):
    path = tmp_path / "headings.txt"
    path.write_text(
        "一、部门概况\n\n二、收支情况\n\n三、三公经费\n\n四、其他事项\n\n五、名词解释\n\n", encoding="utf-8"
    )
    assert load(path).tables == []


def _funds_as_paragraphs(rate: str) -> str:
    cells = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    cells += ["年度资金总额", "100.00", "120.00", "114.00", "10", rate, "9.5"]
    return "2024年度项目支出绩效自评表\n预算资金（万元）\n\n" + "".join(f"{c}\n\n" for c in cells)


def test_a_funds_block_whose_names_column_lost_its_name(tmp_path, check):
    path = tmp_path / "funds.txt"
    path.write_text(_funds_as_paragraphs("95%"), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells][:2] == ["预算资金（万元）", "年初预算数"]
    assert [c.text for c in table.rows[0].cells][:3] == ["年度资金总额", "100.00", "120.00"]
    assert check(_funds_as_paragraphs("95%"), select="C101") == []
    assert [f.stated for f in check(_funds_as_paragraphs("96%"), select="C101")] == ["96%"]


def test_a_funds_block_without_a_name_for_its_rows(tmp_path, check):
    text = _funds_as_paragraphs("95%").replace("预算资金（万元）\n\n", "")
    path = tmp_path / "funds.txt"
    path.write_text(text, encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells][:2] == ["", "年初预算数"]
    assert [f.stated for f in check(text.replace("95%", "96%"), select="C101")] == ["96%"]


# A 收入支出决算总表 copied from a web page into pipe rows: the copy dropped every empty cell and padded
# the row at its end, so a row's amount slides under the next column's name.
DROPPED = """2023年度部门决算
1.收入支出决算总表
单位：万元
收入 | 支出 | | | | |
项目 | 行次 | 金额 | 项目 | 行次 | 金额 |
栏次 | 1 | 栏次 | 2 | | |
一、财政拨款收入 | 1 | 412.30 | 一、一般公共服务支出 | 8 | |
二、事业收入 | 2 | 20150.70 | 二、教育支出 | 9 | |
三、其他收入 | 3 | 外交支出 | 10 | | |
4 | 三、卫生健康支出 | 11 | 20563.00 | | |
本年收入合计 | 5 | 20563.00 | 本年支出合计 | 12 | 20563.00 |
年初结转和结余 | 6 | 88.10 | 年末结转和结余 | 13 | 88.10 |
总计 | 7 | 20651.10 | 总计 | 14 | 20651.10 |
"""


def test_a_pipe_table_whose_copy_dropped_its_empty_cells_gets_them_back(tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text(DROPPED, encoding="utf-8")
    (table,) = load(path).tables
    rows = [[c.text for c in r.cells] for r in [table.header, *table.rows]]
    assert rows[0] == ["收入", "", "", "支出", "", ""]
    assert rows[2] == ["栏次", "", "1", "栏次", "", "2"]
    assert rows[5] == ["三、其他收入", "3", "", "外交支出", "10", ""]
    assert rows[6] == ["", "4", "", "三、卫生健康支出", "11", "20563.00"]


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("| 20150.70 |", "| 20180.70 |", [("S102", "20563.00万元")]),  # the 收入 items against 本年收入合计
        ("| 11 | 20563.00 |", "| 11 | 20533.00 |", [("S102", "20563.00万元")]),  # and the 支出 side's
    ],
)
def test_the_realigned_summary_table_adds_up_on_each_side(check, old, new, found):
    assert check(DROPPED, select="S") == []
    assert [(f.rule, f.stated) for f in check(DROPPED.replace(old, new), select="S")] == found


def test_a_table_without_row_numbers_keeps_its_cells_where_they_are(tmp_path):
    text = "项目 | 预算数 | 决算数 |\n基本支出 | 100.00 | |\n项目支出 | 50.00 | 45.00 |\n"
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.rows[0].cells] == ["基本支出", "100.00", ""]


# A government's debt table: each row lettered, the totals saying what they are made of.
DEBT = """2024年地方政府债务限额及余额情况表
单位：亿元
项目 | 公式 | 本地区 | 本级 | 下级 |
一、2023年末地方政府债务余额 | A | 120.5 | 80.2 | 40.3 |
二、2024年地方政府债务发行额 | B=C+D | 30.0 | 20.0 | 10.0 |
其中：一般债券 | C | 10.0 | 8.0 | 2.0 |
专项债券 | D | 20.0 | 12.0 | 8.0 |
三、2024年地方政府债务还本额 | E | 15.5 | 10.2 | 5.3 |
四、2024年末地方政府债务余额 | F=A+B-E | 135.0 | 90.0 | 45.0 |
"""


@pytest.mark.parametrize(
    ("old", "new", "found", "terms"),
    [
        ("| C | 10.0 | 8.0 |", "| C | 10.0 | 9.0 |", [("S102", "20.0亿元", "21.0亿元")], "9.0 + 12.0"),
        # F = A + B - E: the term after "-" is taken away
        ("| 15.5 | 10.2 |", "| 18.5 | 10.2 |", [("S102", "135.0亿元", "132.0亿元")], "120.5 + 30.0 - 18.5"),
    ],
)
def test_a_lettered_tables_formulas_add_up_its_rows(check, old, new, found, terms):
    assert check(DEBT) == []  # nor are the two years' 余额 rows one figure stated twice
    slipped = check(DEBT.replace(old, new), select="S")
    assert [(f.rule, f.stated, f.expected) for f in slipped] == found
    assert terms in slipped[0].message


def _debt_as_stream(text: str) -> str:
    """The same table copied from a web page one cell per line, each closed by its bar."""
    lines = text.splitlines()
    cells = [c.strip() for line in lines[2:] for c in line.strip().strip("|").split("|")]
    return "\n".join(lines[:2]) + "\n" + "".join(f"{c} |\n" if c else "|\n" for c in cells)


def test_a_lettered_table_copied_one_cell_per_line(check, tmp_path):
    path = tmp_path / "debt.txt"
    path.write_text(_debt_as_stream(DEBT), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == ["项目", "公式", "本地区", "本级", "下级"]
    assert check(_debt_as_stream(DEBT)) == []
    slipped = check(_debt_as_stream(DEBT.replace("| C | 10.0 | 8.0 |", "| C | 10.0 | 9.0 |")), select="S")
    assert [(f.rule, f.stated, f.expected) for f in slipped] == [("S102", "20.0亿元", "21.0亿元")]


BUDGET_CHANGES = """2016年区级财政收入预算表
单位：万元
项目 | 2016年预算数 | 上年完成数 | 比上年增减额 | 比上年增减% |
一、共享收入 | 24039 | 21561 | 2478 | 11.49 |
1、增值税 | 2319 | 2070 | 249 | 12.03 |
2、营业税 | 21720 | 19491 | 2229 | 11.44 |
二、区级固定收入 | 20302 | 18749 | 1553 | 8.28 |
区级财政收入合计 | 44341 | 40310 | 4031 | 10.00 |
"""


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("| 1553 | 8.28 |", "| 1553 | 8.58 |", [("Y101", "8.58%")]),  # a bare rate under a header ending in %
        (
            "| 249 | 12.03 |",
            "| 279 | 12.03 |",
            [("Y101", "279万元")],
        ),  # this year's budget against last year's
    ],
)
def test_a_budget_against_last_years_outturn_with_its_change_columns(check, old, new, found):
    assert check(BUDGET_CHANGES) == []
    assert [(f.rule, f.stated) for f in check(BUDGET_CHANGES.replace(old, new), select="Y")] == found


def test_a_rate_row_among_amounts_leaves_the_column_an_amounts_column(check, tmp_path):
    text = (
        "2016年一般公共预算收入预算表\n单位：万元\n项目 | 预算数 |\n一、税收收入 | 60126 |\n二、非税收入 | 38593 |\n"
        "合计 | 98719 |\n税收收入占合计的比例% | 60.91 |\n"
    )
    path = tmp_path / "rates.txt"
    path.write_text(text, encoding="utf-8")
    (table,) = load(path).tables
    assert [q.unit for q in table.rows[-1].cells[1].quantities] == ["%"]  # the label's % names its unit
    assert check(text) == []
    found = check(text.replace("| 38593 |", "| 38893 |"), select="S")
    assert [(f.rule, f.stated) for f in found] == [("S102", "98719万元")]


# A county's 三公 budget note: its table has no title and lists the items as rows, one column per year.
THREE_ROWS = """单位：万元 | | | | |
项目 | 2023年预算数 | 2024年预算数 | 2024年预算数增减 | 增减原因 |
合计 | 1520.40 | 1488.10 | -32.30 | |
1、因公出国(境)费用 | 0 | 0 | 0 | |
2、公务接待费 | 610.20 | 590.00 | -20.20 | 压减一般性支出 |
3、公务用车费 | 910.20 | 898.10 | -12.10 | |
其中：(1)公务用车运转维护费 | 700.20 | 690.10 | -10.10 | |
(2)公务用车购置费 | 210.00 | 208.00 | -2.00 | |
全县2024年“三公”经费预算增减变化情况说明
2024年，全县部门汇总一般公共预算“三公”经费预安排1488.10万元，较上年预算减少32.30万元。
1、公务接待费预算590.00万元，比上年预算数减少20.20万元。
2、2023年公务用车费预算910.20万元，其中公务用车购置费210.00万元。
"""


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("预安排1488.10万元", "预安排1448.10万元", [("V101", "1448.10万元", "1488.10万元")]),
        ("公务接待费预算590.00万元", "公务接待费预算560.00万元", [("V101", "560.00万元", "590.00万元")]),
        # a figure of the year before against the year before's column
        ("购置费210.00万元。", "购置费240.00万元。", [("V101", "240.00万元", "210.00万元")]),
    ],
)
def test_the_note_of_an_untitled_three_public_table_with_year_columns(check, old, new, found):
    assert check(THREE_ROWS) == []
    slipped = check(THREE_ROWS.replace(old, new), select="V")
    assert [(f.rule, f.stated, f.expected) for f in slipped] == found


def _form_stream(weights: tuple[str, str, str] = ("10", "60", "30"), group: str = "90") -> str:
    """A 项目支出绩效自评表 not scored yet, copied from a web page one cell per line: its funds block weighs
    the execution rate, its indicator block the indicators (one with its 度量单位 cell "%"), then 合计."""
    funds, first, second = weights
    cells = [
        "预算执行情况(10分)",
        "年度预算数(万元)",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "总额",
        "120.00",
        "130.00",
        "130.00",
        "100.00%",
        funds,
        "",
        "其中:财政资金",
        "120.00",
        "130.00",
        "130.00",
        "100.00%",
        "/",
        "/",
        f"绩效指标({group}分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
        "产出指标",
        "数量指标",
        "补助发放覆盖率",
        "=",
        "100",
        "%",
        "",
        first,
        "",
        "效益指标",
        "社会效益指标",
        "群众满意度",
        "≥",
        "90",
        "%",
        "",
        second,
        "",
        "合计",
        "100",
        "",
        "评价结论",
        "结合自评情况，说明项目实施取得的成效。",
    ]
    return "某项目支出绩效自评表\n" + "".join(f"{c} |\n" if c else "|\n" for c in cells)


def test_a_unit_cell_among_a_rows_figures_keeps_the_row_whole(tmp_path):
    path = tmp_path / "form.txt"
    path.write_text(_form_stream(), encoding="utf-8")
    indicators = load(path).tables[-1]
    assert [c.text for c in indicators.rows[0].cells] == [
        "产出指标",
        "数量指标",
        "补助发放覆盖率",
        "=",
        "100",
        "%",
        "",
        "60",
        "",
    ]


@pytest.mark.parametrize(
    ("weights", "group", "found"),
    [
        (("10", "60", "30"), "90", []),
        # 70 + 30 = 100: the indicators weigh more than their block's 90, and the form's 合计 more than 100
        (("10", "70", "30"), "90", [("G101", "90分"), ("G101", "100分")]),
        (("10", "60", "30"), "80", [("G101", "80分")]),  # the block's points alone are off
        # the execution rate's weight counts in the 合计, and is not the 10 points its block says (L210)
        (("20", "60", "30"), "90", [("G101", "20分"), ("G101", "100分")]),
    ],
)
def test_an_unscored_forms_blocks_and_total_weigh_what_they_say(check, weights, group, found):
    assert [(f.rule, f.stated) for f in check(_form_stream(weights, group), select="G")] == found


_UNEVEN_PANELS = (
    "全区一般公共预算收支执行表\n单位：亿元\n"
    "收入 |\n执行数 |\n支出 |\n执行数 |\n"
    "收入总计 |\n50 |\n支出总计 |\n50 |\n"
    "一、本级收入 |\n30 |\n一、本级支出 |\n42 |\n"
    "1.税收收入 |\n12 |\n||\n"
    "2.非税收入 |\n18 |\n||\n"
    "二、转移性收入 |\n20 |\n二、转移性支出 |\n8 |\n"
    "1.上级补助收入 |\n10 |\n1.上解支出 |\n{paid} |\n"
    "2.债务转贷收入 |\n4 |\n2.债务还本支出 |\n3 |\n"
    "3.调入资金 |\n1 |\n3.结转下年 |\n0 |\n"
    "4.上年结转 |\n5 |\n"
    "二、收支平衡\n全区一般公共预算收支平衡。\n"
)


def test_side_by_side_cells_with_empty_halves(check, tmp_path):
    """L226: a web table copied one cell per line ("收入 |" ⏎ "执行数 |" …), the empty right half of a row
    written as one line "||" and the last row stopping after its left half (a district's execution report):
    two tables, not numbered headings ("二、转移性收入 |" read as a heading raised H101)."""
    path = tmp_path / "uneven.txt"
    path.write_text(_UNEVEN_PANELS.format(paid="5"), encoding="utf-8")
    tables = load(path).tables
    income = ["收入总计", "一、本级收入", "1.税收收入", "2.非税收入", "二、转移性收入", "1.上级补助收入"]
    spending = ["支出总计", "一、本级支出", "二、转移性支出", "1.上解支出", "2.债务还本支出", "3.结转下年"]
    assert [[r.cells[0].text for r in t.rows] for t in tables] == [
        [*income, "2.债务转贷收入", "3.调入资金", "4.上年结转"],
        spending,
    ]
    assert check(_UNEVEN_PANELS.format(paid="5")) == []
    assert [(f.rule, f.stated) for f in check(_UNEVEN_PANELS.format(paid="8"))] == [("S102", "8亿元")]


_FRAGMENTS = (
    "一、财政收入情况\n"
    "1-3月，全县实现大口径财政收入13000万元，完成预算的16.25%。具体收入项目情况如下：\n"
    "二〇二四年三月大口径财政收入执行情况表 | 预 算 科 目 | 本年收入计划 | 累计完成数 | 累计完成数 | 占计划% | 上年同期数 | "
    "同比增减% | 备注 | 中央级 | 省级 | 市级 | 县乡级 | 合 计 | 税收收入 | 80000 | 6000 | 2000 |\n"
    "| 5000 | 13000 | 16.25 | 12000 | 8.33 |\n"
    "| 增值税 | 40000 | {central} | 1000 |\n"
    "| 2000 | 6000 | 15.00 | 5000 | {rate} |\n"
    "| 消费税 | 100 | 40 |\n|\n|\n"
    "| 40 | 40.00 | 50 | -20.00 |\n"
    "| 资源税 | 600 |\n| 20 |\n"
    "| 20 | 40 | 6.67 | 32 | 25.00 |\n"
    "| 房产税 | 2000 |\n|\n|\n"
    "| 300 | 300 | 15.00 | 250 | 20.00 |\n"
)


def test_a_web_table_whose_empty_cells_became_line_breaks(check, tmp_path):
    """L247: a county's monthly revenue table copied from a web page where every empty cell became a line break
    ("| 资源税 | 600 |" ⏎ "| 20 |" ⏎ "| 20 | 40 | 6.67 | 32 | 25.00 |"), its two-row header written as one
    ("累计完成数 | 累计完成数 | … | 中央级 | 省级 | 市级 | 县乡级 | 合 计"): the rows are rebuilt at the one width
    where each starts with its name; the group's 合计 is the sum of its levels and the figure its 同比 is of."""
    path = tmp_path / "fragments.txt"
    path.write_text(_FRAGMENTS.format(central="3000", rate="20.00"), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == [
        "预算科目",
        "本年收入计划",
        *(f"累计完成数 {level}" for level in ("中央级", "省级", "市级", "县乡级", "合计")),
        "占计划%",
        "上年同期数",
        "同比增减%",
        "备注",
    ]
    assert [r.cells[0].text for r in table.rows] == ["税收收入", "增值税", "消费税", "资源税", "房产税"]
    assert [c.text for c in table.rows[3].cells[:7]] == ["资源税", "600", "", "20", "", "20", "40"]
    assert check(_FRAGMENTS.format(central="3000", rate="20.00"), select="S,Y") == []
    found = check(_FRAGMENTS.format(central="3300", rate="20.00"), select="S,Y")
    assert [(f.rule, f.stated) for f in found] == [("S102", "6000")]
    found = check(_FRAGMENTS.format(central="3000", rate="23.00"), select="S,Y")
    assert [(f.rule, f.stated) for f in found] == [("Y101", "23.00%")]


_BLANK_PANELS = [
    ["收入", "执行数", "支出", "执行数"],
    ["总计", "900", "总计", "900"],
    ["一、本级收入", "200", "一、本级支出", "650"],
    ["二、转移性收入", "700", "二、转移性支出", "250"],
    ["上级补助收入", "500", "上解支出", "{paid}"],
    ["动用预算稳定调节基金", "50", "债务还本支出", "100"],
    ["地方政府债务收入", "100", "", ""],
    ["上年结转", "50", "", ""],
]


def _as_paragraph_cells(rows: list[list[str]]) -> str:
    cells = "".join(f"{c}\n\n" if c else "\n" for r in rows for c in r)
    return "全县一般公共预算收支决算表\n\n单位：万元\n\n" + cells + "——全县一般公共预算收入完成2亿元。\n"


def test_cells_one_per_paragraph_with_empty_halves(check, tmp_path):
    """L256: a web table copied one cell per paragraph, an empty cell one more blank line ("50" ⏎ ⏎ ⏎ ⏎ "地方政府
    债务收入", the right half of the row left empty; a county's final accounts): the rows after it stay in the
    table (S102 summed the transfers without them)."""
    text = _as_paragraph_cells(_BLANK_PANELS).replace("{paid}", "150")
    path = tmp_path / "paragraph_cells.txt"
    path.write_text(text, encoding="utf-8")
    income, spending = load(path).tables
    assert [r.cells[0].text for r in income.rows][-3:] == [
        "动用预算稳定调节基金",
        "地方政府债务收入",
        "上年结转",
    ]
    assert [r.cells[0].text for r in spending.rows][-1] == "债务还本支出"
    assert check(text) == []
    slipped = _as_paragraph_cells(_BLANK_PANELS).replace("{paid}", "180")
    assert [(f.rule, f.stated) for f in check(slipped)] == [("S102", "250万元")]


# A 三公 table of a web page copied as text: every cell on a line of its own followed by " |", and every row
# opening with a "|" of its own line; the car costs' 其中 row is followed by the car purchases, the 其中's
# second item.
SANGONG_ROWS = [
    ["项 目", "预 算 数", "决 算 数"],
    ["合 计", "{budget}", "96.40"],
    ["因公出国（境）费", "0", "0"],
    ["公务接待费", "6", "4.20"],
    ["公务用车购置及运行维护费", "120", "92.20"],
    ["其中：公务用车运行维护费", "{running}", "58.70"],
    ["公务用车购置费", "40", "33.50"],
]


def _rows_opened_by_bars(rows: list[list[str]]) -> str:
    cells = "".join("|\n" + "".join(f"{cell} |\n" for cell in row) for row in rows)
    return "某镇人民政府2023年度“三公”经费支出决算表\n单位：万元\n" + cells + "二、情况说明\n"


def test_a_web_table_whose_rows_open_with_a_bar_line(tmp_path):
    """L286: the lone "|" lines open the rows and are no cells; the caption's unit reaches the figures."""
    path = tmp_path / "t.txt"
    path.write_text(_rows_opened_by_bars(SANGONG_ROWS).format(budget="126", running="80"), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == ["项 目", "预 算 数", "决 算 数"]
    assert [[c.text for c in r.cells] for r in table.rows][-1] == ["公务用车购置费", "40", "33.50"]
    assert table.rows[1].cells[1].quantities[0].unit == "万元"


@pytest.mark.parametrize(
    ("budget", "running", "found"),
    [
        ("126", "80", []),
        ("136", "80", [("S102", "136万元")]),  # the total: 0 + 6 + 120 = 126
        ("126", "90", [("S102", "120万元")]),  # the car costs: 90 + 40 = 130
    ],
)
def test_the_row_after_a_qizhong_row_is_its_second_item(check, budget, running, found):
    """L287: "公务用车购置及运行维护费 ⏎ 其中：公务用车运行维护费 ⏎ 公务用车购置费": the total fits without the row
    after the 其中 row, which is the 其中's second item; a row named for two things joined by 及 is the sum of
    the two rows naming one each."""
    text = _rows_opened_by_bars(SANGONG_ROWS).format(budget=budget, running=running)
    assert [(f.rule, f.stated) for f in check(text, select="S102")] == found


def test_a_pipe_table_whose_qizhong_has_a_second_item(check):
    """The same 其中 with its second item in a pipe table: no total mismatch; a total that fits with the
    row is still read with it."""
    rows = ["| " + " | ".join(r) + " |\n" for r in SANGONG_ROWS]
    text = "“三公”经费支出决算表    单位：万元\n" + "".join(rows)
    assert check(text.format(budget="126", running="80"), select="S102") == []
    assert [f.stated for f in check(text.format(budget="166", running="80"), select="S102")] == []
    assert [f.stated for f in check(text.format(budget="150", running="80"), select="S102")] == ["150万元"]


# A 三公 table whose two header rows were copied without their merged cells: 预算数 and 决算数 each span three
# columns (合计, 一般公共预算, 政府性基金) and 项目 spans both header rows, so both rows start at the left.
GROUPED_TABLE = (
    "2023年度财政拨款“三公”经费支出决算表\n"
    "单位：万元\n"
    "项目 | 预算数 | 决算数 | ||||\n"
    "合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |\n"
    "因公出国(境)费 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "公务接待费 | 6 | 6 | 0 | 3.15 | 3.15 | 0 |\n"
    "公务用车购置及运行费 | 40.5 | 40.5 | 0 | 38.62 | 38.62 | 0 |\n"
    "其中:公务用车运行维护费 | 30.5 | 30.5 | 0 | 29.4 | 29.4 | 0 |\n"
    "公务用车购置费 | 10 | 10 | 0 | 9.22 | 9.22 | 0 |\n"
    "总计 | 46.5 | 46.5 | 0 | 41.77 | 41.77 | 0 |\n"
)
GROUPED = (
    GROUPED_TABLE
    + "2023年度财政拨款“三公”经费支出决算41.77万元，完成年初预算的89.83%。其中公务接待费支出决算3.15万元，"
    "公务用车购置及运行费支出决算38.62万元。\n"
)


def test_two_header_rows_copied_without_their_merged_cells_name_each_column_by_its_group(tmp_path):
    path = tmp_path / "sangong.txt"
    path.write_text(GROUPED, encoding="utf-8")
    table = load(path).tables[0]
    assert [c.text for c in table.header.cells][:5] == [
        "项目",
        "预算数 合计",
        "预算数 一般公共预算",
        "预算数 政府性基金",
        "决算数 合计",
    ]
    assert table.rows[0].label == "因公出国(境)费"


@pytest.mark.parametrize(
    ("old", "new", "rule", "stated"),
    [
        (
            "| 3.15 | 3.15 | 0 |",
            "| 3.15 | 3.75 | 0 |",
            "S102",
            "3.15万元",
        ),  # a group's 合计 against its funds
        ("| 40.5 | 40.5 | 0 | 38.62", "| 40.5 | 45.5 | 0 | 38.62", "S102", "45.5万元"),
        ("支出决算3.15万元", "支出决算3.75万元", "V101", "3.75万元"),  # the text against 决算数 · 合计
    ],
)
def test_a_table_under_two_copied_header_rows_is_checked_by_column_group(check, old, new, rule, stated):
    assert check(GROUPED) == []
    found = {(f.rule, f.stated) for f in check(GROUPED.replace(old, new))}
    assert (rule, stated) in found, found


def test_the_rows_after_a_subset_row_stay_its_own_when_a_slip_elsewhere_breaks_the_total(check):
    # 公务接待费's 合计 3.25 for 3.15: the column's total no longer fits, and 公务用车购置费 is still the 其中's
    found = check(GROUPED_TABLE.replace("| 6 | 6 | 0 | 3.15 |", "| 6 | 6 | 0 | 3.25 |"))
    assert {f.stated for f in found} >= {"3.25万元", "41.77万元"}, [f.message for f in found]
    total = next(f for f in found if f.stated == "41.77万元")
    assert "9.22" not in total.message and "41.87" in total.message, total.message


def test_the_rows_after_a_subset_row_of_a_one_level_table_stay_its_own_under_a_slip(check):
    table = (
        "“三公”经费支出决算表\n单位：万元\n项目 | 预算数 | 决算数 |\n因公出国(境)费 | 0 | 0 |\n"
        "公务接待费 | 6 | 3.25 |\n公务用车购置及运行费 | 40.5 | 38.62 |\n其中:公务用车运行维护费 | 30.5 | 29.4 |\n"
        "公务用车购置费 | 10 | 9.22 |\n总计 | 46.5 | 41.77 |\n"
    )
    found = [f for f in check(table) if f.rule == "S102"]
    assert [f.stated for f in found] == ["41.77万元"], [f.message for f in found]
    assert "9.22" not in found[0].message and "41.87" in found[0].message, found[0].message


# a 三公 table of two header rows and one row of figures, copied one cell per line: the top row's names
# first (the joined 公务用车购置及运行费 over 小计 · 购置费 · 运行费), then the sub-row's, then the figures
SPANNED_BARE = (
    "一、2025年一般公共预算“三公”经费支出预算表\n单位:万元\n“三公”经费合计\n因公出国(境)费\n公务用车购置及运行费\n"
    "公务\n接待费\n小计\n公务用车购置费\n公务用车运行费\n{total}\n6\n52.4\n20\n{run}\n31\n"
    "二、2025年一般公共预算“三公”经费支出预算情况说明\n"
)
SPANNED_PIPES = (
    "一、2025年一般公共预算“三公”经费支出预算表\n单位:万元\n“三公”经费合计 |\n因公出国(境)费 |\n"
    "公务用车购置及运行费 |\n公务 接待费 |\n||\n小计 |\n公务用车购置费 |\n公务用车运行费 |\n|||\n{total} |\n6 |\n"
    "52.4 |\n20 |\n{run} |\n31 |\n"
)


@pytest.mark.parametrize("template", [SPANNED_BARE, SPANNED_PIPES])
def test_a_two_row_header_copied_one_name_per_line_spans_its_joined_group(tmp_path, template):
    path = tmp_path / "r.txt"
    path.write_text(template.format(total="89.4", run="32.4"), encoding="utf-8")
    (table,) = load(path).tables
    assert [c.text for c in table.header.cells] == [
        "“三公”经费合计",
        "因公出国(境)费",
        "公务用车购置及运行费",
        "",
        "",
        "公务接待费",
    ]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
        ["89.4", "6", "52.4", "20", "32.4", "31"],
    ]


@pytest.mark.parametrize("template", [SPANNED_BARE, SPANNED_PIPES])
@pytest.mark.parametrize(
    ("total", "run", "stated"), [("99.4", "32.4", "99.4万元"), ("89.4", "33.4", "52.4万元")]
)
def test_a_two_row_header_copied_one_name_per_line_is_summed(check, template, total, run, stated):
    assert check(template.format(total="89.4", run="32.4"), select="S") == []
    assert [f.stated for f in check(template.format(total=total, run=run), select="S")] == [stated]


def test_names_and_figures_that_make_no_two_row_header_stay_text(tmp_path):
    # as many names as figures plus one, but no name joining two of the last ones: no reading fits
    text = "单位:万元\n项目名称\n预算数\n执行数\n完成率\n小计\n备注\n12\n10\n83.3\n5\n正文。\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    assert load(path).tables == []
