"""The command line: output formats, exit status, selection, configuration and bad input."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import SAMPLES

from auditor.cli import main

GOOD = "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n"
CLEAN = "2023年本年支出合计1875.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    (tmp_path / "bad-sum.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_text_output_and_exit_status(reports):
    result = run("check", str(reports / "bad-sum.txt"))
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{reports / 'bad-sum.txt'}:1:")
    assert " S101 合计不符：" in first
    assert "S101" in result.stdout.splitlines()[-2]  # the summary table
    assert "检查文件 1 个" in result.stdout


def test_clean_file_exits_zero(reports):
    result = run("check", str(reports / "clean.txt"))
    assert result.exit_code == 0
    assert "未发现问题" in result.stdout


def test_json_contract(reports):
    result = run("check", "--format", "json", str(reports))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    from auditor.report.schema import validate

    validate(result.stdout)  # the pydantic models of the contract accept it
    assert data["version"] == 1
    assert data["tool"]["name"] == "auditor" and data["tool"]["version"]
    assert data["errors"] == []
    assert data["summary"] == {
        "files": 2,
        "findings": 1,
        "by_rule": {"S101": 1},
        "errors": 0,
        "skipped": 0,
        "baseline": 0,
        "baseline_unmatched": 0,
    }
    (finding,) = data["findings"]
    assert set(finding) >= {
        "path",
        "rule",
        "name",
        "category",
        "severity",
        "line",
        "column",
        "lines",
        "message",
        "stated",
        "expected",
        "fingerprint",
    }
    assert finding["stated"] == "1885.44万元" and finding["expected"] == "1875.44万元"
    assert finding["lines"][0] == finding["line"]


def test_findings_sorted_by_path_line_column(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(GOOD + "\n" + GOOD, encoding="utf-8")
    data = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    keys = [(f["path"], f["line"], f["column"]) for f in data["findings"]]
    assert keys == sorted(keys) and len(keys) == 4


def test_english_messages(reports):
    result = run("check", "--lang", "en", str(reports / "bad-sum.txt"))
    assert (
        "S101 total does not add up: 1350.20 + 525.24 = 1875.44万元, the text says 1885.44万元"
        in result.stdout
    )
    assert "1 files checked" in result.stdout


def test_select_and_ignore_by_code_and_prefix(reports):
    path = str(reports / "bad-sum.txt")
    assert run("check", "--ignore", "S", path).exit_code == 0
    assert run("check", "--select", "P101", path).exit_code == 0
    assert run("check", "--select", "S1,P", path).exit_code == 1
    result = run("check", "--select", "Z999", path)
    assert result.exit_code == 2
    assert "没有这个规则代码或前缀：Z999" in result.stderr  # the run's language, as the file errors
    result = run("check", "--lang", "en", "--select", "Z999", path)
    assert "unknown rule code or prefix: Z999" in result.stderr


def test_fail_on_never_and_info(reports):
    path = str(reports / "bad-sum.txt")
    assert run("check", "--fail-on", "never", path).exit_code == 0
    assert run("check", "--fail-on", "info", path).exit_code == 1


def test_output_file(reports, tmp_path):
    out = tmp_path / "out.json"
    result = run("check", "--format", "json", "-o", str(out), str(reports / "bad-sum.txt"))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["findings"] == 1


def test_configuration_from_pyproject(tmp_path):
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        '[tool.auditor]\nlang = "en"\nignore = ["P"]\nfail-on = "never"\n', encoding="utf-8"
    )
    (project / "reports" / "r.txt").write_text(GOOD, encoding="utf-8")
    result = run("check", str(project / "reports" / "r.txt"))
    assert result.exit_code == 0  # fail-on = never
    assert "total does not add up" in result.stdout  # lang = en
    # the command line overrides the file
    assert run("check", "--fail-on", "error", str(project / "reports")).exit_code == 1


def test_configuration_from_auditor_toml_and_tolerance(tmp_path):
    (tmp_path / "auditor.toml").write_text('[tolerance]\namount = "10"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(GOOD, encoding="utf-8")
    assert run("check", str(tmp_path / "r.txt")).exit_code == 0  # 10万元 of slack hides the 10万元 gap


def test_bad_configuration_is_a_usage_error(tmp_path):
    (tmp_path / "auditor.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    (tmp_path / "r.txt").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path / "r.txt"))
    assert result.exit_code == 2
    assert "fail-on 须为 error、warning、info、never 之一" in result.stderr
    result = run("check", "--lang", "en", str(tmp_path / "r.txt"))
    assert "fail-on must be one of" in result.stderr


# ----------------------------------------------------------------------------- bad input

BAD_INPUTS = {
    "missing.txt": (None, "文件不存在"),
    "empty.txt": (b"", "文件为空"),
    "blank.txt": (b"\n \n\t\n", "文件为空"),
    "binary.txt": (bytes(range(256)) * 4, "不是文本文件"),
    "undecodable.txt": (b"\x81\x30\xff\xfe\x81\x81\xff" * 20, "无法识别文字编码"),
    "corrupt.docx": (b"PK\x03\x04 this is not a zip archive", "不是有效的 .docx 文件"),
    "notzip.docx": ("收入合计100万元".encode(), "不是有效的 .docx 文件"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_named_and_other_files_are_still_checked(tmp_path, name):
    content, message = BAD_INPUTS[name]
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run("check", "--format", "json", str(bad), str(good))
    assert result.exit_code == 2
    stderr_lines = result.stderr.strip().splitlines()
    assert len(stderr_lines) == 1
    assert stderr_lines[0] == f"auditor: {bad}: {stderr_lines[0].split(': ', 2)[2]}"
    assert message in stderr_lines[0]
    data = json.loads(result.stdout)
    assert [e["path"] for e in data["errors"]] == [str(bad)]
    assert message in data["errors"][0]["message"]
    assert [f["path"] for f in data["findings"]] == [str(good)]  # the good file was still checked
    assert data["summary"]["files"] == 1


def test_corrupt_docx_inside_a_valid_zip(tmp_path):
    bad = tmp_path / "nobody.docx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("hello.txt", "not a word document")
    result = run("check", str(bad))
    assert result.exit_code == 2
    assert "不是有效的 .docx 文件" in result.stderr


def test_unsupported_files_in_a_directory_are_skipped_and_counted(tmp_path):
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    data = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert data["summary"]["files"] == 1
    assert data["summary"]["skipped"] == 2
    assert data["errors"] == []


def test_unsupported_file_named_explicitly_is_an_error(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "不支持的文件类型 .xlsx" in result.stderr


def test_error_messages_in_english(tmp_path):
    result = run("check", "--lang", "en", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"auditor: {tmp_path / 'nope.txt'}: no such file"


def test_input_files_are_never_modified(tmp_path):
    paths = [tmp_path / "a.txt", SAMPLES / "final-accounts-2023.txt"]
    paths[0].write_bytes(GOOD.encode("gb18030"))
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    mtimes = [p.stat().st_mtime_ns for p in paths]
    run("check", *map(str, paths))
    run("text", str(paths[0]))
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] == before
    assert [p.stat().st_mtime_ns for p in paths] == mtimes


# ----------------------------------------------------------------------------- other commands


def test_version_and_help():
    assert run("--version").stdout.startswith("auditor, version ")
    assert "check" in run("--help").stdout


def test_rules_list_and_rule_doc():
    listing = run("rules").stdout
    assert "S101" in listing and "P101" in listing and "合计与分项不符" in listing
    assert "sum-of-parts" in run("rules", "--lang", "en").stdout
    doc = run("rule", "p101")
    assert doc.exit_code == 0
    assert "检查什么" in doc.stdout and "有问题的写法" in doc.stdout
    doc = run("rule", "p101", "--lang", "en")
    assert "## What it does" in doc.stdout and "Anti-pattern" in doc.stdout
    assert run("rule", "X1").exit_code == 2


def test_text_command_shows_numbered_lines_and_tables(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(
        "表1 支出表 单位：万元\n\t类型\n\t金额\n\n\t基本支出\n\t10.5\n\n\t合计\n\t10.5\n", encoding="utf-8"
    )
    out = run("text", "--figures", str(path)).stdout
    assert "table 1: 3 rows × 2 columns; unit 万元" in out
    assert "[2] 10.5   [10.5万元]" in out
    assert out.splitlines()[1].startswith("1 ")


def test_text_command_on_bad_input(tmp_path):
    result = run("text", str(tmp_path / "none.txt"))
    assert result.exit_code == 2 and "文件不存在" in result.stderr


def test_documented_configuration_example_is_valid():
    import tomllib
    from helpers import ROOT

    from auditor.config import parse_table

    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = tomllib.loads(doc.split("```toml")[1].split("```")[0])
    config = parse_table(example["tool"]["auditor"], "docs/configuration.md")
    assert config.fail_on == "warning" and config.extra["grades"]["优秀"] == 90
