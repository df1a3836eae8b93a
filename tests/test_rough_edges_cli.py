"""Rough edges a new user met on the command line and in the Python API, each kept from coming back."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from auditor.cli import main
from auditor.engine import check_paths
from auditor.rule import RuleError
from auditor.text.chars import display_width

BAD = "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n"
GOOD = "2023年本年支出合计1875.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_random_bytes_named_doc_are_an_error_not_a_clean_report(tmp_path):
    path = tmp_path / "草稿.doc"
    path.write_bytes(os.urandom(4096))
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "不是有效的 .doc 文件" in one_line(result.stderr)
    assert "未发现问题" not in result.stdout


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_writing_into_a_missing_folder(tmp_path, option):
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    result = run("check", option, str(tmp_path / "no" / "such" / "out.json"), str(tmp_path / "r.txt"))
    assert result.exit_code == 2
    assert "所在目录不存在" in one_line(result.stderr)


def test_a_baseline_works_from_another_directory(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    (project / "reports" / "r.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(project)
    assert run("check", "--write-baseline", "auditor-baseline.json", "reports").exit_code == 0
    entry = json.loads((project / "auditor-baseline.json").read_text(encoding="utf-8"))["findings"][0]
    assert entry["path"] == "reports/r.txt"  # relative to the baseline file
    monkeypatch.chdir(project / "reports")
    result = run("check", "--baseline", "../auditor-baseline.json", "r.txt")
    assert result.exit_code == 0
    assert "基线中已有的问题 1 条未列出" in result.stdout  # the text output says what it left out
    assert result.stderr == ""


def test_a_baseline_that_matches_nothing_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    assert run("check", "--write-baseline", "base.json", "r.txt").exit_code == 0
    (tmp_path / "r.txt").write_text(GOOD, encoding="utf-8")  # the known problem was fixed
    result = run("check", "--baseline", "base.json", "r.txt")
    assert result.exit_code == 0
    assert "都没有对上本次的问题" in one_line(result.stderr)


@pytest.mark.parametrize(
    "name,content",
    [("missing.txt", None), ("empty.txt", b""), ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")],
)
def test_no_clean_verdict_for_a_file_never_checked(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "未发现问题" not in result.stdout
    assert "没有检查任何文件" in result.stdout
    assert "无法检查的文件 1 个" in result.stdout  # not "错误 1 个" under a table of 错误 findings


def test_the_unsupported_message_and_project_files(tmp_path):
    (tmp_path / "r.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.auditor]\n", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    result = run("check", str(tmp_path))
    assert "跳过不支持的文件 1 个" in result.stdout  # the .xlsx, not the pyproject.toml
    result = run("check", str(tmp_path / "notes.xlsx"))
    assert ".pdf .doc .wps" in one_line(result.stderr)


def test_one_language_per_run(tmp_path):
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    for args, words in [
        (["--select", "Z9"], "没有这个规则代码"),
        (["--baseline", str(tmp_path / "none.json")], "找不到基线文件"),
    ]:
        assert words in one_line(run("check", *args, str(tmp_path / "r.txt")).stderr)
    english = run("check", "--lang", "en", "--baseline", str(tmp_path / "none.json"), str(tmp_path / "r.txt"))
    assert "baseline file not found" in one_line(english.stderr)


def test_a_config_error_is_its_folders_error(tmp_path):
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    (good / "r.txt").write_text(BAD, encoding="utf-8")
    (bad / "r.txt").write_text(BAD, encoding="utf-8")
    (bad / "auditor.toml").write_text('[grades]\n"优" = 90\n', encoding="utf-8")
    result = run("check", str(good), str(bad))
    assert result.exit_code == 2
    assert "S101" in result.stdout  # the good folder was still checked
    error = one_line(result.stderr)
    assert "至少两个等级及各自所需的最低总分" in error  # what the rule is, not a misstatement of it


def test_the_pre_commit_hook_matches_reports_only():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hook = dict(re.findall(r"^  (files|exclude): (.+)$", text, flags=re.M))  # the hook's own keys
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def runs_on(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert runs_on("reports/2024年部门决算.docx") and runs_on("reports/说明.md") and runs_on("a/b.pdf")
    assert not runs_on("README.md") and not runs_on("docs/guide.md") and not runs_on("sub/CHANGELOG.md")
    assert "v0.1.0" not in text  # no such tag exists


def test_the_python_api_takes_what_a_user_passes(tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # one path as a string, select as "S,P"
    report = check_paths("reports", overrides={"select": "S,P"})
    assert [f.rule for f in report.findings] == ["S101"]
    assert check_paths(Path("reports"), overrides={"select": "p"}).findings == []
    # a baseline file by its path
    assert run("check", "--write-baseline", "base.json", "reports").exit_code == 0
    assert check_paths(["reports"], baseline="base.json").findings == []
    assert check_paths(["reports"], baseline=Path("base.json")).summary.baseline == 1
    # an unknown code is the user's mistake: a RuleError that names it, before any file is read
    with pytest.raises(RuleError, match="Z999"):
        check_paths("reports", overrides={"select": "Z999"})


def test_rule_help_is_chinese_and_the_rule_list_fits_a_terminal():
    result = run("rule", "S101")
    assert result.exit_code == 0
    assert "检查什么" in result.stdout and "有问题的写法" in result.stdout
    assert "Checks that a whole" not in result.stdout
    assert "## What it does" in run("rule", "S101", "--lang", "en").stdout

    for lang in ("zh", "en"):
        listing = run("rules", "--lang", lang).stdout
        assert "S101" in listing and max(display_width(line) for line in listing.splitlines()) <= 100


def test_pdf_findings_name_their_page_in_text_and_github_output(tmp_path):
    from auditor.report.findings import Finding, Report, Summary
    from auditor.report.output import format_github, format_text

    finding = Finding(
        path="a.pdf",
        rule="S101",
        name="sum-of-parts",
        title="合计与分项不符",
        category="sum_total",
        severity="error",
        line=12,
        column=3,
        lines=[],
        message="合计不符",
        stated="1",
        expected="2",
        fingerprint="f",
        page=5,
    )
    report = Report(findings=[finding], summary=Summary(files=1, findings=1, by_rule={"S101": 1}))
    assert "（第 5 页）" in format_text(report)
    assert "(page 5)" in format_text(report, "en")
    assert "第 5 页" in format_github(report)
