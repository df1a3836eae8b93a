"""Text copied out of a published PDF, as `pdftotext -layout`, `pdftotext` and PDF viewers give it.

Each case was a false alarm on the text extracted from the disclosures of ../shared (written here in
words of our own): the PDF itself gave none of them.
- a paragraph hard-wrapped where a figure did not fit, so the line ends well short of the width;
- a table's rows laid out in columns with runs of spaces, the same row in two tables;
- the hidden copy of a page's last lines that WPS prints above the next page, kept by the extraction;
- a table copied one cell per line, its two panels' ordinals interleaved;
- a numbered item run into the previous one on a later line of a hard-wrapped paragraph.
"""

from __future__ import annotations

from auditor.engine import check_paths

PROSE = (
    "    本单位2025年收入预算合计3,120.00万元，其中：财政拨款收入2,980.00万元，占95.51%；事业收入140.00万元，占4.49%。"
    "与上年相比，收入预算增加120.00万元，增长4.00%，主要原因是人员经费增加。\n"
)


def _check(tmp_path, text: str, name: str = "copy.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = check_paths([path])
    assert report.errors == []
    return [(f.rule, f.stated, f.expected) for f in report.findings]


def _wrap(paragraph: str, width: int) -> list[str]:
    """Cut at ``width`` columns (CJK two), never inside a figure: the figure goes whole to the next line."""
    from auditor.text.chars import display_width

    out, current = [], ""
    k = 0
    while k < len(paragraph):
        ch = paragraph[k]
        word = ch
        if ch.isdigit():
            j = k
            while j < len(paragraph) and (paragraph[j].isdigit() or paragraph[j] in ".,"):
                j += 1
            word = paragraph[k:j]
        if display_width(current + word) > width:
            out.append(current)
            current = ""
        current += word
        k += len(word)
    out.append(current)
    return out


def _report(paragraphs: list[str]) -> str:
    """The paragraphs under numbered headings, wrapped at the first width (96-120 columns) at which some
    line starts with a figure carried whole from the end of the line before."""
    for width in range(96, 121):
        lines = ["                 某区某局2025年部门预算说明", ""]
        for k, para in enumerate(paragraphs):
            lines.append(f" {'一二三四五六七八九十'[k]}、第{k + 1}部分情况")
            lines += _wrap("    " + para, width)
        if any(line[:1].isdigit() for line in lines[2:]):
            return "\n".join(lines) + "\n"
    raise AssertionError("no width carries a figure to the next line")


BUDGET = [
    "2025年度项目总预算1170.00万元，其中支持企业规模化发展870.00万元，支持企业创新化发展70.00万元，支持企业协同化发展180.00万元，"
    "支持企业国际化发展50.00万元，合计1170.00万元。资金按照项目申报、专家评审、社会公示和集体决策的程序安排，由区产业扶持资金统一拨付。",
    "2025年度本部门政府采购预算1,708.03万元，其中：政府采购货物预算42.50万元、政府采购工程预算0.00万元、政府采购服务预算1,665.53万元。"
    "授予中小企业合同金额预计占政府采购项目预算的比例不低于百分之四十，其中预留给小微企业的比例不低于百分之七十。",
    "本部门2025年收入预算合计3,120.00万元，其中：财政拨款收入2,980.00万元，事业收入140.00万元。与上年相比，收入预算增加120.00万元，"
    "增长4.00%，主要原因是在职人员增加和办公用房维修改造项目安排经费。支出预算与收入预算相同，全部用于保障机构正常运转和履行职能。",
    "2025年“三公”经费预算数为12.60万元，比2024年预算减少1.40万元，下降10.00%，主要原因是严格落实过紧日子要求，压减公务接待和公务用车运行"
    "支出。其中因公出国（境）费预算为零，公务接待严格执行接待标准，公务用车按规定进行定点维修和定点加油。",
    "机关运行经费预算为256.40万元，比上年预算增加6.40万元，增长2.56%，主要原因是人员增加带来的办公费、水电费和物业管理费相应增加，"
    "本部门将继续控制一般性支出，提高资金使用效益，把有限的资金用于保障重点工作。",
    "本单位编报绩效目标的项目共12个，涉及项目预算资金4,222.51万元，占项目支出的100%。各项目均按要求设置了产出指标、效益指标和满意度指标，"
    "绩效目标与预算同步申报、同步审核、同步批复，执行中开展绩效运行监控，年度终了开展绩效自评。",
]


def test_a_paragraph_cut_where_a_figure_did_not_fit_is_read_whole(tmp_path):
    text = _report(BUDGET)
    assert _check(tmp_path, text) == []
    slipped = _report([BUDGET[0].replace("合计1170.00", "合计1107.00"), *BUDGET[1:]])
    assert ("S101", "1107.00万元", "1170.00万元") in _check(tmp_path, slipped)


LAID_OUT = """                       收支预算总表
 项目                             预算数          项目                              预算数
 一、财政拨款收入                 2,980.00        一、一般公共服务支出              2,100.00
   1. 一般公共预算资金            2,980.00        二、社会保障和就业支出              520.00
   2. 政府性基金                                  三、卫生健康支出                    160.00
 二、事业收入                       140.00        四、住房保障支出                    340.00
 收入总计                         3,120.00        支出总计                          3,120.00

                       财政拨款收支预算总表
 项目                             预算数          项目                              预算数
 一、财政拨款收入                 2,980.00        一、一般公共服务支出              2,100.00
   1. 一般公共预算资金            2,980.00        二、社会保障和就业支出              880.00
 收入总计                         2,980.00        支出总计                          2,980.00

 一、部门收支预算情况
"""


def test_rows_laid_out_in_columns_are_no_headings_and_no_pasted_paragraphs(tmp_path):
    assert _check(tmp_path, LAID_OUT + PROSE) == []


def test_the_hidden_copy_of_a_pages_end_is_not_a_pasted_paragraph(tmp_path):
    end = (
        "（二）负责本区社区矫正工作的组织实施和指导监督，组织实施人民调解工作，指导律师、公证、司法鉴定等法律服务"
        "工作，推进公共法律服务体系建设，组织开展法治宣传教育和依法治区的日常工作。\n（三）完成区委、区政府交办的其他任务。\n"
    )
    page_one = " 一、主要职能\n（一）负责本区法治宣传教育工作。\n" + end
    page_two = "\f" + end + " 二、机构设置\n本部门下属单位2家，均为事业单位。\n"
    assert _check(tmp_path, page_one + page_two) == []
    # the same passage twice in the body of one page is still a repeat
    found = _check(tmp_path, page_one + end + "\f 二、机构设置\n本部门下属单位2家。\n")
    assert [rule for rule, *_ in found] == ["D101"]


CELLS = """财政拨款收支总表
项目
预算数
一、一般公共预算
2,980.00
一、一般公共服务支出
2,100.00
二、政府性基金
0.00
二、社会保障和就业支出
520.00
三、国有资本经营预算
0.00
三、卫生健康支出
360.00
收入总计
2,980.00
支出总计
2,980.00
一、部门收支预算情况
"""


def test_a_table_copied_one_cell_per_line_has_no_headings(tmp_path):
    assert _check(tmp_path, CELLS + PROSE) == []


def test_an_item_run_into_the_previous_one_on_a_later_line_is_not_skipped(tmp_path):
    text = (
        " 一、主要职能\n"
        "  （一）贯彻执行国家和本市有关财政的方针政策，拟订本区财政发展规划和政策措施并组织实施。（二）负责本区预算\n"
        "编制和执行工作。（三）负责本区政府采购的监督管理工作，规范政府采购行为，提高资金使用效益。\n"
        "  （四）负责本区会计管理工作，监督和规范会计行为，组织和实施国家颁布的各项会计准则和会计制度。\n"
        "  （五）完成区委、区政府交办的其他任务。\n"
    )
    assert [rule for rule, *_ in _check(tmp_path, text)] == []
