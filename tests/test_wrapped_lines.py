"""Text copied out of a PDF or a web page is cut at a fixed width in the middle of sentences: its lines are
rejoined into paragraphs (auditor.extract.build.rejoin_wrapped) so that a relation spanning two lines is
still read, while every figure is reported on its own line and column."""

from __future__ import annotations

from auditor import load
from auditor.text.chars import display_width

TITLE = ["某区档案局2023年度部门决算说明", "一、收入支出决算总体情况"]
PARAGRAPHS = [
    "2023年度本年支出合计1875.44万元，其中：基本支出1350.20万元，项目支出525.24万元。项目支出主要用于档案"
    "数字化加工、库房维修和档案征集等方面，比上年有所增加。",
    "2023年度一般公共预算财政拨款支出1800.00万元，比上年决算数减少12.30万元，下降0.68%，主要原因是公用经费"
    "压减，办公费、印刷费等日常支出减少，会议费和培训费也有所下降。",
    "2023年度机关运行经费支出86.40万元，比上年增加4.20万元，增长5.11%，主要原因是新增办公场所的物业管理"
    "费用和水电费用增加，车辆运行维护费用与上年基本持平。",
]


def wrapped(paragraphs: list[str], columns: int = 60) -> list[str]:
    """Each paragraph indented and cut at ``columns`` display columns, as a PDF's text layer has it."""
    lines = list(TITLE)
    for paragraph in paragraphs:
        current = "    "
        for ch in paragraph:
            if display_width(current + ch) > columns:
                lines.append(current)
                current = ""
            current += ch
        lines.append(current)
    return lines


def test_a_slip_across_a_wrap_is_found_on_its_own_line(check):
    lines = wrapped(PARAGRAPHS)
    assert check("\n".join(lines) + "\n", select="S,Y") == []
    slipped = wrapped([PARAGRAPHS[0], PARAGRAPHS[1].replace("下降0.68%", "下降0.86%"), PARAGRAPHS[2]])
    (finding,) = check("\n".join(slipped) + "\n", select="S,Y")
    line = next(n for n, text in enumerate(slipped, 1) if "0.86%" in text)
    assert line != next(
        n for n, text in enumerate(slipped, 1) if "1800.00" in text
    )  # the wrap is between them
    assert (finding.rule, finding.line, finding.column) == ("Y101", line, slipped[line - 1].index("0.86") + 1)


def test_a_breakdown_across_a_wrap(check):
    paragraph = PARAGRAPHS[0].replace("1875.44", "1885.44")
    lines = wrapped([paragraph, PARAGRAPHS[1], PARAGRAPHS[2]], columns=50)
    assert [f.rule for f in check("\n".join(lines) + "\n", select="S")] == ["S101"]


def test_the_paragraphs_of_a_wrapped_text(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("\n".join(wrapped(PARAGRAPHS)) + "\n", encoding="utf-8")
    doc = load(path)
    body = [p for p in doc.paragraphs if p.heading is None][1:]
    assert [p.text.strip() for p in body] == PARAGRAPHS
    assert doc.headings[0].title == "收入支出决算总体情况"


def test_text_written_one_paragraph_per_line_is_left_alone(tmp_path):
    path = tmp_path / "r.txt"
    lines = [*TITLE, *(p[: 20 + 7 * k] + "。" for k, p in enumerate(PARAGRAPHS * 3))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(load(path).paragraphs) == len(lines)


SHORT_EXCERPT = (
    "某县某局2025年部门预算\n"
    "1. 基本支出预算 881300.39 元,占一般公共预算支出的\n"
    "96.74%,同比减少 166271.4 元,下降 15.87 %。其中:\n"
    "工资福利支出预算 716052.51 元,占基本支出预算\n"
    "81.25%,同比减少 148979.48 元,下降 17.22%。\n"
    "商品和服务支出预算 165247.88 元,占基本支出预算\n"
    "18.75%,同比减少 17291.92 元,下降 {rate}。\n"
)


def test_a_cut_between_a_label_and_its_figure_in_a_short_excerpt(check):
    """Too few lines to know the wrap width: a line that ends in a label ("…占基本支出预算") before a line that
    opens with its figure ("18.75%,…") is still one sentence; the finding stays on the figure's line."""
    assert check(SHORT_EXCERPT.format(rate="9.47%"), select="S,Y,P") == []
    found = check(SHORT_EXCERPT.format(rate="9.74%"), select="S,Y,P")
    assert [(f.rule, f.line, f.stated) for f in found] == [("Y101", 7, "9.74%")]


def test_a_heading_before_a_year_is_not_joined(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(
        "某县某局2024年度部门决算\n一、收入支出决算总体情况\n2024年度收入总计520.00万元。\n", encoding="utf-8"
    )
    doc = load(path)
    assert [p.text for p in doc.paragraphs][-2:] == [
        "一、收入支出决算总体情况",
        "2024年度收入总计520.00万元。",
    ]


def test_a_line_ending_on_a_comma_continues(check):
    """A paragraph never ends on "，": the comparison on the next line is the figure's."""
    text = "某县某局2024年度部门决算\n2024年度收入总计520.00万元，\n比上年增加20.00万元，增长{rate}。\n"
    assert check(text.format(rate="4.00%"), select="Y") == []
    found = check(text.format(rate="4.17%"), select="Y")
    assert [(f.rule, f.line, f.column) for f in found] == [("Y101", 3, 16)]
    # but not into a numbered item
    two = "某县某局2024年度部门决算\n主要做法如下，\n1.加强预算管理。\n"
    assert check(two) == []


def _pdf_copied(paragraphs: list[str], page: float = 26.0) -> list[str]:
    """Each paragraph cut at one physical width as a PDF's text layer has it: CJK glyphs take a full em,
    digits and Latin punctuation about half, so the lines differ by a fifth in characters; a space is put
    between a figure and its unit, as copying from a PDF does."""
    import re

    lines = list(TITLE)
    for paragraph in paragraphs:
        spread = re.sub(r"(\d)(万元|元|%)", r"\1 \2", paragraph.replace("，", ",").replace("：", ":"))
        current, used = "", 0.0
        for ch in spread:
            glyph = 1.0 if display_width(ch) == 2 else (0.3 if ch in " ,.:" else 0.55)
            if used + glyph > page:
                lines.append(current)
                current, used = "", 0.0
            current += ch
            used += glyph
        lines.append(current)
    return lines


PDF_PARAGRAPHS = [
    *PARAGRAPHS,
    "2023年度“三公”经费财政拨款支出决算为41.30万元，完成全年预算55.00万元的75.09%，比上年决算数增加6.30万元，"
    "增长18.00%，主要原因是公务用车运行维护费用随车辆老化有所增加，公务接待批次与上年持平。",
]


def test_text_copied_out_of_a_pdf_is_rejoined_though_its_lines_differ_in_width(check):
    lines = _pdf_copied(PDF_PARAGRAPHS)
    widths = {display_width(t) for t in lines[2:-1]}
    assert max(widths) - min(widths) >= 6  # no one width: the lines were cut at one physical width
    assert check("\n".join(lines) + "\n", select="S,Y,C") == []
    slipped = _pdf_copied([*PDF_PARAGRAPHS[:3], PDF_PARAGRAPHS[3].replace("增长18.00%", "增长12.00%")])
    assert [(f.rule, f.stated) for f in check("\n".join(slipped) + "\n", select="S,Y,C")] == [
        ("Y101", "12.00%")
    ]


def test_a_paragraph_per_line_is_not_rejoined(tmp_path):
    """Lines of every length, each ending its sentence or a heading: nothing is joined."""
    text = (
        "\n".join([*TITLE, *PARAGRAPHS, "二、收入决算情况", PARAGRAPHS[0][:40] + "。", PARAGRAPHS[2]]) + "\n"
    )
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert [p.line for p in doc.paragraphs] == list(range(1, 9))


NARROW_PDF = [
    "2024年度一般公共预算财政拨款安排的“三公”经费支出决算总额为 7.20 万元，比去年增加 {d} 万元，增长 35.85%，增加原因"
    "主要是公务用车运行支出增加。其中，因公出国支出决算比预算无增减变化，比去年无增减变化；公务用车购置支出决算比预算"
    "无增减变化，比去年无增减变化，公务用车运行维护费支出决算比预算无增减变化，比去年增加 1.30 万元，增长 36.11%，增加原因"
    "主要是检测任务增加，公务车使用增加；公务接待费支出决算比预算无增减变化，比去年增加 0.60 万元，增长 50%，增加原因"
    "主要是接待上级有关部门来本单位监督检查、指导和考察调研等任务增加。具体情况如下：",
    "（一）因公出国（境）费支出 0 万元。全年使用财政拨款安排的出国团组 0 个，参加其他单位组织的出国团组 0 个，累计 0 人次。",
    "（二）公务用车购置及运行费支出 1.30 万元。主要用于机要文件交换、下乡检查等公务出行，保障单位工作正常开展。",
]
# the widths (in columns) a narrow PDF column's lines came out at: many at or near 52, as many a few columns
# short, as the glyphs of each line allowed
_WIDTHS = [52, 47, 51, 48, 50, 52, 46, 51, 49, 52, 47, 50, 52, 48, 51, 46, 52, 49, 50, 47]


def _narrow_column(paragraphs: list[str]) -> str:
    lines = list(TITLE)
    n = 0
    for paragraph in paragraphs:
        current = ""
        for ch in paragraph:
            if display_width(current + ch) > _WIDTHS[n % len(_WIDTHS)] and not (
                ch in "0123456789.%" and current[-1:] in tuple("0123456789.")
            ):
                lines.append(current)
                current, n = "", n + 1
            current += ch
        lines.append(current)
        n += 1
    return "\n".join(lines) + "\n"


def test_a_narrow_pdf_column_whose_lines_end_within_a_fifth_of_its_width(check, tmp_path):
    """L213: a PDF's narrow column copied as text, lines cut at 23-27 characters: most end well short of
    the widest, inside a sentence. They are rejoined by the page's width, not cut where a typed text wrapped
    at one width would end its paragraphs."""
    text = _narrow_column([p.format(d="1.90") for p in NARROW_PDF])
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    (changes,) = [p for p in load(path).paragraphs if "7.20" in p.text]
    assert "0.60" in changes.text and changes.text.endswith("具体情况如下：")
    slipped = _narrow_column([p.format(d="2.10") for p in NARROW_PDF])
    assert [(f.rule, f.stated) for f in check(slipped, select="I101")] == [("I101", "2.10万元")]
