"""A 项目支出绩效自评表 published as a web page and copied as text: one pipe row per table row, the funds
block and the indicators in one table, the block's name merged down its first column, and cells that held
nothing left out of their rows. Each block is read under its own header, and its figures in their columns.
"""

from __future__ import annotations

import pytest

TITLE = "某县农业农村局2023年度项目支出绩效自评表\n"

ONE_TABLE = (
    "项目名称 | 高标准农田建设管护 |\n"
    "项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "年度资金总额 | 60.00 | 64.00 | 60.80 | 10 | 95.00% | 9.50 |\n"
    "其中：当年财政拨款 | 60.00 | 64.00 | 60.80 | — | 95.00% | — |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
    "产出指标（50分） | 数量指标 | 管护面积 | ≥3000亩 | 3120亩 | 20 | 20 |\n"
    "| 质量指标 | 设施完好率 | ≥90% | 93% | 15 | 15 |\n"
    "| 时效指标 | 管护及时率 | 100% | 96% | 15 | {score} | 汛期延误 |\n"
    "效益指标（30分） | 社会效益指标 | 受益农户数 | ≥800户 | 826户 | 30 | 30 |\n"
    "满意度指标（10分） | 服务对象满意度指标 | 农户满意度 | ≥90% | 94% | 10 | 10 |\n"
    "总分 | 100 | {total} |\n"
)

GROUP_LABEL = (
    "预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |\n"
    "总额 | 36.00 | 40.00 | {spent} | 95.00% | 10 | 9.50 |\n"
    "其中：财政资金 | 36.00 | 40.00 | 38.00 | 95.00% | / | / |\n"
)

TOP_LEVEL_LEAF = (
    "一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
    "产出指标 | 数量指标 | 巡查次数 | 40 | 40 |\n"
    "效益指标 | 社会效益指标 | 隐患整改率 | 30 | 27 |\n"
    "满意度指标 | 服务对象满意度 | 群众满意度 | 20 | 19 |\n"
    "预算执行率 | | | 10 | 10 |\n"
    "总分 | | | 100 | {total} |\n"
)


def _found(check, text: str, select: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.rule, f.stated, f.expected) for f in check(TITLE + text, select=select)]


def test_the_funds_block_and_the_indicators_are_each_read_under_their_header(check):
    assert _found(check, ONE_TABLE.format(score=14, total="98.50"), "G,C") == []
    assert _found(check, ONE_TABLE.format(score=11, total="98.50"), "G") == [("G101", "98.5分", "95.5分")]
    assert _found(check, ONE_TABLE.format(score=14, total="96.50"), "G") == [("G101", "96.5分", "98.5分")]


def test_the_block_name_merged_down_its_column_is_not_a_column_of_the_rows(check):
    assert _found(check, GROUP_LABEL.format(spent="38.00"), "C") == []
    assert _found(check, GROUP_LABEL.format(spent="35.00"), "C") == [("C101", "95.00%", "87.50%")]


@pytest.mark.parametrize(("total", "found"), [("96", []), ("99", [("G101", "99分", "96分")])])
def test_a_first_level_row_with_its_own_points_is_a_leaf(check, total, found):
    assert _found(check, TOP_LEVEL_LEAF.format(total=total), "G") == found


def test_figures_without_an_indicator_name_are_no_indicator(check):
    """ "| 培训天数 | 12 | 12 |": a target and its result, under no level column; not one more indicator."""
    text = (
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
        "产出指标 | 数量指标 | 培训人次 | 500 | 520 | 50 | 50 |\n"
        "| 培训天数 | 12 | 12 |\n"
        "效益指标 | 社会效益指标 | 就业率 | 80% | 82% | 50 | 48 |\n"
        "总分 | 100 | 98 |\n"
    )
    assert _found(check, text, "G") == []


def _one_cell_per_line(rows: list[list[str]]) -> str:
    """A web table copied as text: every cell on a line of its own, followed by " |"."""
    return "".join(f"{cell} |\n" if cell else "|\n" for row in rows for cell in row)


CELL_STREAM = [
    ["项目名称", "乡村道路日常养护"],
    [
        "预算执行情况（10分）",
        "年度预算数（万元）",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "原因",
    ],
    ["总额", "120.00", "150.00", "{spent}", "95.00%", "10", "9.50", "预算执行率=预算执行数/调整后预算数"],
    ["其中：财政资金", "120.00", "150.00", "142.50", "95.00%", "/", "/"],
    ["单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
    ["其他资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
]


def test_a_table_copied_one_cell_per_line_gets_its_rows_back(check):
    text = _one_cell_per_line(CELL_STREAM)
    assert _found(check, text.format(spent="142.50"), "C,S") == []
    assert _found(check, text.format(spent="132.50"), "C,S") == [
        ("S102", "132.50万元", "142.50万元"),
        ("C101", "95.00%", "88.33%"),
    ]


def test_the_rows_are_rebuilt_under_the_header(tmp_path):
    from auditor import load

    path = tmp_path / "form.txt"
    path.write_text(TITLE + _one_cell_per_line(CELL_STREAM).format(spent="142.50"), encoding="utf-8")
    funds = next(t for t in load(path).tables if t.header.cells[0].text == "年度预算数（万元）")
    assert [c.text for c in funds.rows[0].cells] == [*CELL_STREAM[2][:3], "142.50", *CELL_STREAM[2][4:]]
    assert [c.text for c in funds.rows[1].cells] == CELL_STREAM[3]


def test_one_cell_lines_without_a_header_stay_text(check):
    """Figures before any row of column names: their columns cannot be known, nothing is compared."""
    text = _one_cell_per_line(
        [["总额", "300.00", "其中：财政资金", "250.00", "单位资金", "20.00", "其他资金", "10.00"]]
    )
    assert _found(check, text, "S,C") == []


def _one_cell_then_bar(rows: list[list[str]]) -> str:
    """A web table copied as text with every cell on a line of its own and a line of "|" after each."""
    return "".join(f"{cell}\n|\n" for row in rows for cell in row)


THREE_PUBLIC = [
    ["项目", "合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行维护费"],
    ["预算数", "{total}", "30", "210", "640"],
    ["决算数", "842", "26", "196", "620"],
]


@pytest.mark.parametrize("layout", [_one_cell_per_line, _one_cell_then_bar])
def test_a_table_of_unknown_columns_one_cell_per_line(check, layout):
    """Names no vocabulary knows, then rows of a label and as many figures: every row alike."""
    caption = "2024年本级“三公”经费预算表（单位：万元）\n"
    assert _found(check, caption + layout(THREE_PUBLIC).format(total="880"), "S") == []
    assert _found(check, caption + layout(THREE_PUBLIC).format(total="890"), "S") == [
        ("S102", "890万元", "880万元")
    ]


def test_rows_unlike_each_other_stay_text(tmp_path):
    from auditor import load

    rows = [["项目", "合计", "办公费", "印刷费"], ["预算数", "12", "8", "4"], ["说明", "详见附表"]]
    path = tmp_path / "t.txt"
    path.write_text(TITLE + _one_cell_per_line(rows), encoding="utf-8")
    assert load(path).tables == []


@pytest.mark.parametrize(("total", "found"), [("21.50", []), ("23.50", [("S102", "23.50万元", "21.50万元")])])
def test_a_total_column_before_the_columns_it_totals(check, total, found):
    text = (
        "表5 2023年度公用经费明细（单位：万元）\n"
        "| 单位 | 合计 | 办公费 | 印刷费 | 差旅费 |\n"
        f"| 局机关 | {total} | 12.00 | 3.50 | 6.00 |\n"
        "| 下属中心 | 9.20 | 5.00 | 1.20 | 3.00 |\n"
    )
    assert _found(check, text, "S") == found


def test_a_total_column_beside_comparisons_is_not_read(check):
    text = (
        "表6 收入对比（单位：万元）\n"
        "| 项目 | 合计 | 上年数 | 增减额 |\n"
        "| 财政拨款收入 | 120.00 | 100.00 | 20.00 |\n"
        "| 其他收入 | 8.00 | 9.00 | -1.00 |\n"
    )
    assert _found(check, text, "S") == []


INDICATORS_WITHOUT_EMPTY_CELLS = (
    "| 一级指标 | 二级指标 | 三级指标 | 得分 |\n"
    "| 项目决策({top}分) | 立项依据(12分) | 政策相符性(6分) |\n"
    "|\n"
    "| 程序规范性(6分) |\n"
    "| ||\n"
    "| 资金投入(8分) | 预算测算(8分) |\n"
)


@pytest.mark.parametrize(("top", "found"), [("20", []), ("22", [("G101", "22分", "20分")])])
def test_rows_of_names_that_lost_their_merged_cells(check, top, found):
    """A web table's merged cells are left out of its rows and its empty rows are a lone "|": a row of
    fewer names than levels ends at the last level, and the table goes on past the "|" lines."""
    assert _found(check, INDICATORS_WITHOUT_EMPTY_CELLS.format(top=top), "G") == found


def test_a_second_header_row_of_budget_and_actual_is_no_new_block(tmp_path):
    """ "预算数 | 决算数 | 预算数 | 决算数 | …" under a merged header row names the same table's columns."""
    from auditor import load

    text = (
        "一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n"
        "合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费 |\n"
        "预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 |\n"
        "22.00 | 8.77 | 0.00 | 0.00 | 14.00 | 8.47 | 8.00 | 0.30 |\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(TITLE + text, encoding="utf-8")
    assert len(load(path).tables) == 1


# A score table copied one cell per line with a line of "|" after each cell, cells wrapped over lines
# ("决 策" / "(20分)"), column names of the scoring vocabulary (评分标准 · 自评得分 · 扣分原因), and the
# first-level and second-level names merged down their rows.
def _stream(*cells: str) -> str:
    return "".join(f"{c}\n|\n" if c else "|\n" for c in cells)  # an empty cell: a "|" line alone


SCORE_HEADER = ("一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因")
SCORE_ROWS = (
    ("决 策\n(20分)", "目标设定\n(20分)", "绩效目标\n合理性", "目标与职责相符，计10分。", "10", "10", ""),
    ("绩效指标\n明确性", "指标细化量化，计10分；\n每缺一项扣2分。", "{weight}", "9", "指标不够细化"),
    ("管 理\n(30分)", "资金管理\n(30分)", "资金到位率", "到位率100%计15分。", "15", "{score}", ""),
    ("预算执行率", "执行率每低一个百分点扣1分。", "15", "14", "执行率95%"),
)


def score_stream(
    weight: str = "10", score: str = "15", rows: int = 4, after: str = "综上，自评得分48分。\n"
) -> str:
    cells = [c for row in SCORE_ROWS[:rows] for c in row]
    return _stream(*SCORE_HEADER, *cells).format(weight=weight, score=score) + after


def test_a_score_table_of_wrapped_cells_between_bar_lines(check):
    assert check(score_stream()) == []
    (finding,) = check(score_stream(weight="13"), select="G101")
    text = score_stream(weight="13").split("\n")
    assert text[finding.lines[-1] - 1] == "13" or (text.index("13") + 1) in finding.lines  # the cell itself
    assert [f.rule for f in check(score_stream(score="18"), select="G103")] == ["G103"]


def test_a_score_table_cut_off_inside_its_last_group_says_nothing_of_that_group(check):
    # the excerpt ends inside the 资金到位率 row, before its figures: 资金管理 (30分) shows one child, cut
    cut = score_stream(rows=3, after="")
    cut = cut[: cut.index("15\n|\n15")]
    assert check(cut, select="G101") == []
    # the same table with its last row whole is whole: its 资金管理 children make 15, not 30
    found = check(score_stream(rows=3, after="二、评价结论\n本次评价结论为良好。\n"), select="G101")
    assert [(f.rule, f.stated, f.expected) for f in found] == [("G101", "30分", "15分")]


def test_leaves_without_a_weight_column_are_weighed_by_their_names(check):
    """No 分值 column: "政策相符性(6分)" and "程序规范性(8分)" weigh 14 under "立项依据(12分)"."""
    text = INDICATORS_WITHOUT_EMPTY_CELLS.format(top=20).replace("程序规范性(6分)", "程序规范性(8分)")
    assert _found(check, text, "G") == [("G101", "12分", "14分")]


LABEL_CELL_ABOVE = (
    "部门整体支出绩效自评表 | |||||||||||||\n"
    "(2023年度) | |||||||||||||\n"
    "部门 | 某县乡村建设服务中心 | ||||||||||||\n"
    "预算资金 (万元) |\n"
    "年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |||||||\n"
    "年度资金总额 | 329.77 | 329.77 | {spent} | 10 | 102.59% | ||||||||\n"
    "其中:当年财政拨款 | 329.77 | 329.77 | 338.31 | — | 102.59% | — | |||||||\n"
    "上年结转资金 | — | — | |||||||||||\n"
)


def test_a_header_whose_label_cell_stands_on_the_line_above(check):
    """L234: "预算资金 (万元) |" on a line of its own, then "年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
    得分" (a department's self-evaluation copied from a web page): the column names start after the label
    column, and 执行率 is 全年执行数 over 全年预算数."""
    assert _found(check, LABEL_CELL_ABOVE.format(spent="338.31"), "C") == []
    assert _found(check, LABEL_CELL_ABOVE.format(spent="358.31"), "C") == [("C101", "102.59%", "108.65%")]


# A 部门整体支出绩效评价 indicator table copied from a web page with every cell on a line of its own and a
# blank line after each: the weights are in the names ("（4分）"), the only figure column is the score, and
# the cells of the first and second levels stand only on the first row they cover.
WEIGHTS_IN_NAMES = (
    "一级指标", "二级指标", "三级指标", "得分",
    "投入(20分)", "目标设定(10分)", "绩效目标合理性(4分)", "4.00",
    "绩效指标明确性({weight}分)", "5.00",
    "预算配置(10)", "在职人员控制率(5分)", "5.00",
    "“三公经费”变动率(5分)", "3.50",
    "过程(20分)", "预算执行(12分)", "预算完成率(6分)", "5.10",
    "结转结余变动率(6分)", "6.00",
    "预算管理(8分)", "管理制度健全性(4分)", "4.00",
    "资金使用合规性(4分)", "3.00",
)  # fmt: skip


def _blank_line_cells(cells: tuple[str, ...]) -> str:
    return "部门整体支出绩效评价指标得分表\n\n" + "".join(f"{c}\n\n" for c in cells)


@pytest.mark.parametrize(("weight", "found"), [("6", []), ("8", [("G101", "10分", "12分")])])
def test_a_score_row_without_its_merged_parents_keeps_its_score_in_the_last_column(check, weight, found):
    """L278: "绩效指标明确性(6分) | 5.00" is a leaf under 目标设定 and 投入, not a new first-level
    indicator: its name goes to the last level's column, its figure to the score's."""
    assert _found(check, _blank_line_cells(WEIGHTS_IN_NAMES).format(weight=weight), "G") == found
