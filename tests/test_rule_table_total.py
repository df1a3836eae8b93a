"""S102 table-total: 合计/小计 rows and parent rows in flattened and Word tables."""

import pytest


def table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    out = [caption]
    for row in [header, *rows]:
        out += ["\t" + cell for cell in row]
        out.append("")
    return "\n".join(out) + "\n正文。\n"


INCOME_HEADER = ["收入类型", "年初预算数", "调整预算数", "决算数"]

PASSING = [
    table(
        "表2  部门收入预决算情况表    单位：万元",
        INCOME_HEADER,
        [
            ["一、一般公共预算财政拨款收入", "36158.49", "13867.60", "13867.60"],
            ["二、政府性基金预算财政拨款收入", "0.00", "0.00", "0.00"],
            ["三、其他收入", "0.00", "0.00", "0.00"],
            ["合  计", "36158.49", "13867.60", "13867.60"],
        ],
    ),
    # sub-rows with rounding drift (105.59 + 30.50 = 136.09 against 136.10)
    table(
        "表3  部门支出预决算情况表       单位：万元",
        ["支出类型", "年初预算数", "A涉改调整资金", "决算数"],
        [
            ["一、基本支出", "1753.87", "136.10", "2474.88"],
            ["1、人员经费", "1504.87", "105.59", "2264.11"],
            ["2、日常公用经费", "249.00", "30.50", "210.77"],
            ["二、项目支出", "34404.62", "4858.30", "11392.72"],
            ["其中：基本建设类项目", "0.00", "0.00", "0.00"],
            ["合计", "36158.49", "4994.40", "13867.60"],
        ],
    ),
    # a table writes every cell to its format's decimals: a cell shorter than its column was rounded
    # (1234567 stands for 1234567.34: 1234567.34 + 200000.00 + 3000.00 = 1437567.34)
    table(
        "表1  支出预算总表    单位：元",
        ["项目", "预算数"],
        [
            ["工资福利支出", "1234567"],
            ["商品和服务支出", "200000.00"],
            ["对个人和家庭的补助", "3000.00"],
            ["合计", "1437567.34"],
        ],
    ),
    # empty cells and dashes count as zero
    table(
        "单位：万元",
        ["项目", "财政拨款", "其他资金"],
        [["基本支出", "120.50", ""], ["项目支出", "80.00", "-"], ["合计", "200.50", "—"]],
    ),
    # counts in a table
    table(
        "", ["类型", "人数"], [["行政人员", "42"], ["参公人员", "50"], ["事业人员", "38"], ["合计", "130"]]
    ),
    # 小计 rows restart the sum
    table(
        "单位：元",
        ["科目", "金额"],
        [
            ["办公费", "1200.00"],
            ["印刷费", "300.00"],
            ["小计", "1500.00"],
            ["差旅费", "800.00"],
            ["培训费", "200.00"],
            ["小计", "1000.00"],
        ],
    ),
    # a percent column is not summed
    table(
        "",
        ["项目", "金额(万元)", "占比"],
        [["基本支出", "60", "60%"], ["项目支出", "40", "40%"], ["合计", "100", "100%"]],
    ),
    # a text cell in a part makes the column uncheckable, not wrong
    table("单位：万元", ["项目", "决算数"], [["基本支出", "60"], ["项目支出", "详见附表"], ["合计", "100"]]),
    # scores are not amounts (the score rules check them)
    table(
        "",
        ["指标", "分值", "得分"],
        [["A决策", "35分", "31分"], ["B管理", "20分", "17分"], ["合计", "100分", "96分"]],
    ),
    # a table without a total row
    table("单位：万元", ["项目", "决算数"], [["基本支出", "60"], ["项目支出", "40"]]),
    # figures with an approximate marker are not cells to add
    table("", ["项目", "人数"], [["招聘", "100余"], ["培训", "200"], ["合计", "300"]]),
    # a 行次 column numbers the rows: its numbers are not added
    "单位：万元\n项目 | 行次 | 金额\n一、财政拨款收入 | 1 | 625.58\n二、事业收入 | 2 | 34221.23\n"
    "三、其他收入 | 3 | 0.00\n合计 | 4 | 34846.81\n",
    # the 合计 row first, the rows it totals below
    "单位：万元\n项目 | 本年数 | 上年数\n合计 | 1062.40 | 1055.00\n基本支出 | 912.40 | 880.00\n项目支出 | 150.00 | 175.00\n",
    # the 合计 row first over rows that hide their hierarchy (each parent the sum of the rows after it)
    "单位：万元\n| 科目 | 决算数 |\n| 合计 | 300.00 |\n| 一般公共服务支出 | 200.00 |\n| 人大事务 | 200.00 |\n"
    "| 教育支出 | 100.00 |\n| 普通教育 | 60.00 |\n| 职业教育 | 40.00 |\n",
    # the 合计 row first over numbered rows and their sub-rows
    "单位：万元\n| 项目 | 决算数 |\n| 合计 | 300.00 |\n| 一、基本支出 | 200.00 |\n| 1.人员经费 | 150.00 |\n"
    "| 2.公用经费 | 50.00 |\n| 二、项目支出 | 100.00 |\n",
    # a column headed as a rate holds rates though the table says 单位：万元: its level-1 row is not the sum
    # of its level-2 rows' rates
    "单位：万元\n项目 | 本年预算数 | 上年完成数 | 比上年增减额 | 比上年增减% |\n一、税收收入 | 1100 | 1000 | 100 | 10.00 |\n"
    "1、增值税 | 660 | 600 | 60 | 10.00 |\n2、城建税 | 440 | 400 | 40 | 10.00 |\n",
]

# a table titled as a standard form ("…“三公”经费预算支出表") but laid out with its items down the rows and
# one column of figures: the standard form's reading finds nothing in it, and the generic one reads it
THREE_PUBLIC_ROWS = table(
    "2024年“三公”经费预算支出表    单位：万元",
    ["项目", "预算数"],
    [
        ["合计", "{total}"],
        ["1.因公出国（境）费", "20"],
        ["2.公务接待费", "80"],
        ["3.公务用车购置及运行维护费", "400"],
        ["其中：公务用车运行维护费", "300"],
        ["公务用车购置费", "100"],
    ],
)
PASSING.append(THREE_PUBLIC_ROWS.format(total="500"))
# the 其中 row's second item unmarked, and the parent's next sibling after it, also unnumbered: the rows
# that make up the parent with the 其中 row are its, the next one is a sibling (regression: a city's 三公 page)
THREE_PUBLIC_SIBLING_AFTER = (
    "单位:亿元\n支出 |\n预算数 |\n合计 |\n{total} |\n因公出国(境)费 |\n0.66 |\n公务用车购置及运行费 |\n4.72 |\n"
    "其中:公务用车购置费 |\n1.77 |\n公务用车运行费 |\n2.95 |\n公务接待费 |\n0.7 |\n"
)
PASSING.append(THREE_PUBLIC_SIBLING_AFTER.format(total="6.08"))
# one side of a government's 收支 table, its total first: "收入总计" over the numbered rows
SIDE_TOTAL_FIRST = (
    "单位:亿元\n| 收入 | 执行数 |\n| 收入总计 | {total} |\n| 一、本级收入 | 50.38 |\n| 1.税收收入 | 16.48 |\n"
    "| 2.非税收入 | 33.9 |\n| 二、转移性收入 | 63 |\n| 1.上级补助收入 | 28.92 |\n| 2.调入资金 | 34.08 |\n"
)
PASSING.append(SIDE_TOTAL_FIRST.format(total="113.38"))
# a 收入总计 below the rows adds carry-overs to a 收入合计 not named as a total: not summed
PASSING.append(
    "单位:万元\n| 项目 | 预算数 |\n| 一、共享收入 | 240 |\n| 二、区级固定收入 | 200 |\n| 区级财政收入小结 | 440 |\n"
    "| 上级补助收入 | 370 |\n| 上年结转结余 | 14 |\n| 收入总计 | 824 |\n"
)

FAILING = [
    (THREE_PUBLIC_ROWS.format(total="510"), "510万元", "500万元"),
    (THREE_PUBLIC_SIBLING_AFTER.format(total="6.18"), "6.18亿元", "6.08亿元"),
    (SIDE_TOTAL_FIRST.format(total="118.38"), "118.38亿元", "113.38亿元"),
    # the amount columns beside a rate column are still added
    (
        "单位：万元\n项目 | 本年预算数 | 上年完成数 | 比上年增减额 | 比上年增减% |\n一、税收收入 | 1100 | 1000 | 100 | 10.00 |\n"
        "1、增值税 | 660 | 600 | 60 | 10.00 |\n2、城建税 | 450 | 400 | 40 | 10.00 |\n",
        "1100万元",
        "1110万元",
    ),
    (
        "单位：万元\n项目 | 行次 | 金额\n一、财政拨款收入 | 1 | 655.58\n二、事业收入 | 2 | 34221.23\n"
        "三、其他收入 | 3 | 0.00\n合计 | 4 | 34846.81\n",
        "34846.81万元",
        "34876.81万元",
    ),
    (
        "单位：万元\n项目 | 本年数 | 上年数\n合计 | 1062.40 | 1055.00\n基本支出 | 942.40 | 880.00\n"
        "项目支出 | 150.00 | 175.00\n",
        "1062.40万元",
        "1092.40万元",
    ),
    (
        "单位：万元\n| 项目 | 决算数 |\n| 合计 | 300.00 |\n| 一、基本支出 | 200.00 |\n| 1.人员经费 | 150.00 |\n"
        "| 2.公用经费 | 50.00 |\n| 二、项目支出 | 130.00 |\n",
        "300.00万元",
        "330.00万元",
    ),
    (
        table(
            "单位：万元",
            ["支出类型", "决算数"],
            [["一、基本支出", "1350.20"], ["二、项目支出", "525.24"], ["合计", "1885.44"]],
        ),
        "1885.44万元",
        "1875.44万元",
    ),
    (
        table(
            "表2  收入表    单位：万元",
            INCOME_HEADER,
            [
                ["一、财政拨款收入", "36158.49", "13867.60", "13867.60"],
                ["二、其他收入", "10.00", "0.00", "0.00"],
                ["合计", "36158.49", "13867.60", "13867.60"],
            ],
        ),
        "36158.49万元",
        "36168.49万元",
    ),
    (
        table(
            "单位：万元",
            ["支出类型", "年初预算数"],
            [
                ["一、基本支出", "1753.87"],
                ["1、人员经费", "1504.87"],
                ["2、日常公用经费", "259.00"],
                ["二、项目支出", "34404.62"],
                ["合计", "36158.49"],
            ],
        ),
        "1753.87万元",
        "1763.87万元",
    ),
    (
        table(
            "",
            ["类型", "人数"],
            [["行政人员", "42"], ["参公人员", "50"], ["事业人员", "38"], ["合计", "131"]],
        ),
        "131人",
        "130人",
    ),
    (table("", ["类型", "户数"], [["企业", "420户"], ["个体", "56户"], ["总计", "466户"]]), "466户", "476户"),
    (
        table(
            "单位：元", ["科目", "金额"], [["办公费", "1200.00"], ["印刷费", "300.00"], ["小计", "1600.00"]]
        ),
        "1600.00元",
        "1500.00元",
    ),
    (
        table("", ["项目", "金额(万元)"], [["基本支出", "60.5"], ["项目支出", "40.5"], ["合计", "100.0"]]),
        "100.0万元",
        "101.0万元",
    ),
    (
        table(
            "",
            ["项目", "预算数（元）"],
            [["工资", "7359892.85"], ["商品服务", "1059674.47"], ["合计", "8419567.33"]],
        ),
        "8419567.33元",
        "8419567.32元",
    ),
    (
        table("单位：万元", ["项目", "决算数"], [["基本支出", "60"], ["项目支出", "-"], ["合计", "100"]]),
        "100万元",
        "60万元",
    ),
    (
        table(
            "单位：万元",
            ["项目", "财政拨款", "其他资金"],
            [["基本支出", "120.50", "3.00"], ["项目支出", "80.00", "2.00"], ["合计", "200.50", "6.00"]],
        ),
        "6.00万元",
        "5.00万元",
    ),
]


@pytest.mark.parametrize("text", PASSING)
def test_consistent_tables_pass(check, text):
    assert check(text, select="S102") == []


@pytest.mark.parametrize(("text", "stated", "expected"), FAILING)
def test_inconsistent_tables_fail(check, text, stated, expected):
    findings = check(text, select="S102")
    assert [(f.rule, f.stated, f.expected) for f in findings] == [("S102", stated, expected)]
    assert findings[0].message.startswith("表内合计不符")


def test_finding_points_at_the_total_cell_and_lists_part_cells(check):
    text = table(
        "单位：万元",
        ["支出类型", "决算数"],
        [["一、基本支出", "1350.20"], ["二、项目支出", "525.24"], ["合计", "1885.44"]],
    )
    (f,) = check(text, select="S102")
    lines = text.split("\n")
    assert lines[f.line - 1] == "\t1885.44"
    assert [lines[n - 1] for n in f.lines] == ["\t1885.44", "\t1350.20", "\t525.24"]
    assert f.column == 1
