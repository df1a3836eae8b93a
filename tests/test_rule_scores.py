"""Score rules G101–G106 and Q101 on a consistent evaluation and on single perturbations of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, txt_to_docx

from auditor.engine import check_paths

FIXTURE = ROOT / "tests" / "fixtures" / "evaluation-consistent.txt"
SCORE_RULES = ("G", "Q")


def fired(path: Path, **overrides) -> set[str]:
    report = check_paths([path], overrides={"select": SCORE_RULES, **overrides})
    assert report.errors == []
    return {f.rule for f in report.findings if f.severity != "info"}


def perturbed(tmp_path: Path, old: str, new: str) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path = tmp_path / "perturbed.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_consistent_evaluation_raises_nothing():
    assert fired(FIXTURE) == set()
    report = check_paths([FIXTURE])  # and no other rule either
    assert report.findings == []


def test_consistent_evaluation_as_docx_raises_nothing(tmp_path):
    docx_path = txt_to_docx(FIXTURE, tmp_path / "evaluation.docx")
    assert fired(docx_path) == set()


PERTURBATIONS = [
    # the indicator table
    (
        "leaf weight column",
        "\tA12绩效目标合理性（4分）\n\t4\n",
        "\tA12绩效目标合理性（4分）\n\t5\n",
        {"G101"},
    ),
    ("parent weight in its name", "A2资源配置（8分）", "A2资源配置（9分）", {"G101"}),
    ("leaf score", "\t4\n\t3\n\t编制合理得4分。", "\t4\n\t2\n\t编制合理得4分。", {"G101", "G102"}),
    ("table total row", "\t100\n\t92\n", "\t100\n\t93\n", {"G101"}),
    # the prose analysis
    ("a paragraph item", "基本支出预算编制基本合理，得3分", "基本支出预算编制基本合理，得2分", {"G102"}),
    (
        "a paragraph subtotal",
        "资源配置总评价分8分，评价得分7分",
        "资源配置总评价分8分，评价得分6分",
        {"G102"},
    ),
    (
        "a section subtotal",
        "部门决策总评价分14分，评价得分12分",
        "部门决策总评价分14分，评价得分13分",
        {"G102"},
    ),
    (
        "score above its weight",
        "部门目标总评价分6分，评价得分5分",
        "部门目标总评价分6分，评价得分7分",
        {"G102", "G103"},
    ),
    ("得分率", "得分率92.86%", "得分率93.86%", {"G104"}),
    # the conclusion
    ("the total score", "综上，本部门得分92分", "综上，本部门得分95分", {"G102", "G106"}),
    ("the grade", "部门整体支出绩效为“优秀”。\n\n（二）", "部门整体支出绩效为“良好”。\n\n（二）", {"G106"}),
    # a scoring rule: 三公经费 rose to 131% of last year's, the rule gives 0 points, the table gives 1
    ("三公经费控制率", "2023年度“三公经费”支出2.79万元", "2023年度“三公经费”支出26.90万元", {"G105"}),
    # the questionnaire
    ("an option count", "\tB.基本满意\n\t5\n\t2\n", "\tB.基本满意\n\t5\n\t3\n", {"Q101"}),
    ("the average", "\t19.0\n", "\t18.0\n", {"Q101"}),
    ("valid above returned", "有效问卷：20份", "有效问卷：21份", {"Q101"}),
]


@pytest.mark.parametrize(("what", "old", "new", "expected"), PERTURBATIONS, ids=[p[0] for p in PERTURBATIONS])
def test_each_perturbation_raises_exactly_its_rules(tmp_path, what, old, new, expected):
    assert fired(perturbed(tmp_path, old, new)) == expected


def test_perturbation_in_docx_is_found_too(tmp_path):
    path = perturbed(tmp_path, "A2资源配置（8分）", "A2资源配置（9分）")
    docx_path = txt_to_docx(path, tmp_path / "perturbed.docx")
    assert fired(docx_path) == {"G101"}


def test_grade_bands_from_configuration(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "report.txt").write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    assert fired(project / "report.txt") == set()
    (project / "pyproject.toml").write_text(
        '[tool.auditor.grades]\n"优秀" = 95\n"良好" = 80\n"合格" = 60\n"不合格" = 0\n', encoding="utf-8"
    )
    report = check_paths([project / "report.txt"], overrides={"select": ("G106",)})
    assert {(f.stated, f.expected) for f in report.findings} == {("优秀", "良好")}


def test_bands_defined_by_the_report_itself(tmp_path):
    path = perturbed(
        tmp_path,
        "（一）评价结论\n",
        "（一）评价结论\n评价结果分为四档：95分以上为优，85分以上为良，60分以上为中，60分以下为差。\n",
    )
    report = check_paths([path], overrides={"select": ("G106",)})
    assert {(f.stated, f.expected) for f in report.findings} == {("优秀", "良")}


def test_default_bands():
    from auditor_rules.scores import DEFAULT_BANDS, _grade_of

    from auditor.rule import all_rules

    assert all_rules()["G106"]
    assert [_grade_of(v, DEFAULT_BANDS)[0] for v in (100, 90, 89.9, 80, 79.5, 60, 59)] == [
        "优",
        "优",
        "良",
        "良",
        "中",
        "中",
        "差",
    ]


PROSE_PASSING = [
    "（二）预算编制情况指标分析。\n预算编制情况包括预算编制、保障措施2个二级指标，指标分值20分，评价得分15分，得分率75%。\n"
    "1.预算编制，指标分值18分，评价得分14分，得分率77.78%。\n（1）预算编制合理性，指标分值5分。存在问题，扣2分。\n"
    "（2）预算编制规范性，指标分值5分。符合要求，得5分。\n（3）预算编制规划性，指标分值4分。得4分。\n（4）预算编制科学性，指标分值4分。扣2分。\n"
    "2.保障措施，指标分值2分，评价得分1分，得分率50%。\n",
    "（1）部门职能设立职能明确性、目标适应性2个三级指标。经过评价分析，职能明确，得1分；目标适应，扣0.5分，得分3.5分。部门职能总评价分5分，实际得分4.5分。",
    "（2）部门可持续发展设立队伍建设、信息公开2个三级指标。经过评价分析，队伍建设较好，得2分，信息公开及时，得2分。部门可持续发展总评价分4分，评价得4分。",
]

PROSE_FAILING = [
    ("3.保障措施，指标分值2分，评价得分1分，得分率75%。", "G104", "75%", "50.00%"),
    ("1.资金管理，指标分值22分，评价得分21分，得分率94.45%。", "G104", "94.45%", "95.45%"),
    (
        "（1）部门职能设立职能明确性、目标适应性2个三级指标。经过评价分析，职能明确，得1分；目标适应，得4分。部门职能总评价分5分，实际得分4分。",
        "G102",
        "4分",
        "5分",
    ),
    ("（1）预算编制合理性，指标分值5分，评价得分6分。", "G103", "6分", "≤5分"),
    (
        "3.效果性，指标分值4分，评价得分3.6分。\n（1）就业创业服务成效，指标分值2分。得2分。\n（2）技能人才培养成效，指标分值2分。扣0.2分。\n",
        "G102",
        "3.6分",
        "3.8分",
    ),
    ("经综合评价，部门整体支出绩效评价的总得分为83.3分，绩效等级为“优”。", "G106", "优", "良"),
    ("本次自评得分58分，评价等级为“合格”。", "G106", "合格", "差"),
]


@pytest.mark.parametrize("text", PROSE_PASSING)
def test_prose_scores_that_add_up_pass(check, text):
    assert [f for f in check(text, select="G,Q") if f.severity != "info"] == []


@pytest.mark.parametrize(("text", "rule", "stated", "expected"), PROSE_FAILING)
def test_prose_scores_that_do_not_add_up_fail(check, text, rule, stated, expected):
    findings = [f for f in check(text, select="G,Q") if f.severity != "info"]
    assert [(f.rule, f.stated, f.expected) for f in findings] == [(rule, stated, expected)]


def test_truncated_score_rate_is_info(check):
    (f,) = check("1.预算编制，指标分值18分，评价得分14分，得分率77.77%。", select="G104")
    assert (f.severity, f.stated, f.expected) == ("info", "77.77%", "77.78%")


def test_two_totals_and_two_grades_disagree(check):
    text = "一、评价结论\n本部门得分92分，绩效等级为“优秀”。\n二、其他\n综上，本部门得分88分，绩效等级为“良好”。\n"
    found = {(f.rule, f.stated, f.expected) for f in check(text, select="G106")}
    assert ("G106", "88分", "92分") in found and ("G106", "良好", "优秀") in found


def test_each_projects_prose_is_compared_with_its_own_score_table(tmp_path):
    """Two units' evaluations in one file, each with its prose and its indicator table: the prose of one
    is compared with the nearest table naming its indicator, not with the other's (six false
    "正文与评分表不一致" findings before), and a slip against its own table is still found."""
    a = FIXTURE.read_text(encoding="utf-8")
    b = a
    for old, new in [
        (
            "绩效目标与部门职能一致，得3分。部门目标总评价分6分，评价得分5分",
            "绩效目标与部门职能一致，得4分。部门目标总评价分6分，评价得分6分",
        ),
        ("部门决策总评价分14分，评价得分12分", "部门决策总评价分14分，评价得分13分"),
        ("\t4\n\t3\n\t与部门职能一致得4分。", "\t4\n\t4\n\t与部门职能一致得4分。"),
        ("\t100\n\t92\n", "\t100\n\t93\n"),
        ("得分92分", "得分93分"),
        ("云溪县人社局", "云溪县就业局"),
    ]:
        assert old in b, old
        b = b.replace(old, new)
    path = tmp_path / "two.txt"
    path.write_text(a + "\n\n" + b, encoding="utf-8")
    report = check_paths([path], overrides={"select": ("G102",)})
    assert [f for f in report.findings if "评分表" in f.message] == []
    path.write_text(
        a + "\n\n" + b.replace("\t4\n\t4\n\t与部门职能一致得4分。", "\t4\n\t3\n\t与部门职能一致得4分。"),
        encoding="utf-8",
    )
    report = check_paths([path], overrides={"select": ("G102",)})
    slips = [(f.stated, f.expected) for f in report.findings if "评分表" in f.message]
    assert ("6分", "5分") in slips and ("13分", "12分") in slips


def test_indented_prose_is_read_as_the_same_indicator_tree(tmp_path):
    """Text copied from Word indents each paragraph with two full-width spaces; the indicator of an
    indented "（1）预算管理…" paragraph was read with its ordinal in its name and matched no table row."""
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "绩效目标与部门职能一致，得3分。部门目标总评价分6分，评价得分5分",
        "绩效目标与部门职能一致，得2分。部门目标总评价分6分，评价得分4分",
    )
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    indented = tmp_path / "indented.txt"
    indented.write_text(
        "\n".join(
            "\u3000\u3000" + line if line.strip() and not line.startswith("\t") else line
            for line in text.split("\n")
        ),
        encoding="utf-8",
    )

    def found(path):
        report = check_paths([path], overrides={"select": ("G",)})
        return sorted((f.rule, f.stated, f.expected, f.message) for f in report.findings)

    assert any("评分表" in message for *_, message in found(plain))
    assert found(indented) == found(plain)
