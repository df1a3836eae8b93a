"""Machine formats (SARIF, JUnit, GitHub), baselines, parallel batches and the progress bar."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import regex
from click.testing import CliRunner
from helpers import CORPUS, ROOT, SAMPLES

from auditor.cli import main

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


def run(*args: str, cwd: Path | None = None):
    if cwd is not None:
        old = os.getcwd()
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        if cwd is not None:
            os.chdir(old)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "broken.docx").write_bytes(b"PK not really")
    return tmp_path


def test_sarif_validates_against_the_official_schema(reports):
    if not SCHEMA.exists():
        pytest.skip("../shared/schemas is not present")
    result = run("check", "--format", "sarif", str(reports))
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run_ = sarif["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert {"S101", "P101", "G101", "D102"} <= set(rule_ids)
    results = run_["results"]
    assert {r["ruleId"] for r in results} == {"S101", "P101"}
    for r in results:
        assert rule_ids[r["ruleIndex"]] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
        assert r["partialFingerprints"]["auditorFingerprint/v1"]
    assert run_["invocations"][0]["executionSuccessful"] is False  # broken.docx
    assert run_["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"


def test_junit_parses(reports):
    result = run("check", "--format", "junit", str(reports))
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert root.get("failures") == "3" and root.get("errors") == "1"
    suites = {s.get("name").split("/")[-1]: s for s in root.iter("testsuite")}
    assert suites["final-accounts-2023.txt"].get("failures") == "2"
    assert suites["broken.docx"].find("testcase/error") is not None
    failure = suites["self-evaluation-2023.txt"].find("testcase/failure")
    assert failure.get("type") == "S101" and "402件" in failure.get("message")


_COMMAND = regex.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^:]+::[^\n]+$")


def test_github_annotations_follow_the_workflow_command_syntax(reports):
    result = run("check", "--format", "github", str(reports))
    lines = result.stdout.splitlines()
    assert len(lines) == 4  # three findings and one unreadable file
    assert all(_COMMAND.match(line) for line in lines[:3]), lines
    assert lines[-1].startswith(f"::error file={reports / 'broken.docx'},title=auditor::")
    from auditor.report.output import _gh_data, _gh_property

    assert _gh_data("50%\nx") == "50%25%0Ax" and _gh_property("a:b,c") == "a%3Ab%2Cc"


def test_baseline_accepts_known_findings_and_reports_new_ones(tmp_path):
    report = tmp_path / "draft.txt"
    text = (SAMPLES / "final-accounts-2023.txt").read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    baseline = tmp_path / "auditor-baseline.json"
    first = run("check", "--write-baseline", str(baseline), str(report), cwd=tmp_path)
    assert first.exit_code == 0 and baseline.exists()
    assert run("check", "--baseline", str(baseline), str(report), cwd=tmp_path).exit_code == 0
    # a paragraph inserted above the old findings does not make them new
    report.write_text("新增的说明段落。\n\n" + text, encoding="utf-8")
    again = run("check", "--format", "json", "--baseline", str(baseline), str(report), cwd=tmp_path)
    data = json.loads(again.stdout)
    assert again.exit_code == 0 and data["findings"] == [] and data["summary"]["baseline"] == 2
    # a new error is reported
    report.write_text(text + "\n支出合计100万元，其中：基本支出60万元，项目支出30万元。\n", encoding="utf-8")
    new = json.loads(
        run("check", "--format", "json", "--baseline", str(baseline), str(report), cwd=tmp_path).stdout
    )
    new_line = len(text.splitlines()) + 2
    assert "100万元" in [f["stated"] for f in new["findings"]]
    assert {f["line"] for f in new["findings"]} == {new_line}  # only the new passage is reported


def test_missing_baseline_is_a_usage_error(tmp_path):
    result = run("check", "--baseline", str(tmp_path / "none.json"), str(SAMPLES))
    assert result.exit_code == 2 and "--write-baseline" in result.stderr


def test_jobs_give_the_same_report_as_one_process():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    paths = [str(SAMPLES), str(CORPUS)]
    one = run("check", "--format", "json", "--jobs", "1", *paths).stdout
    two = run("check", "--format", "json", "--jobs", "2", *paths).stdout
    four = run("check", "--format", "json", "--jobs", "4", *paths).stdout
    assert one == two == four
    assert json.loads(one)["summary"]["files"] == 2 + len(list(CORPUS.glob("*.txt")))


def _terminal_run(args: list[str]) -> str:
    """Run the CLI with stderr on a pseudo-terminal; return what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "auditor", *args],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        stdin=subprocess.DEVNULL,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_and_not_when_quiet():
    on_tty = _terminal_run(["check", "--jobs", "1", str(SAMPLES)])
    assert "检查中" in on_tty and "100%" in on_tty
    assert "检查中" not in _terminal_run(["check", "--quiet", str(SAMPLES)])
    assert "检查中" not in _terminal_run(
        ["check", str(SAMPLES / "final-accounts-2023.txt")]
    )  # one file: no bar
    piped = subprocess.run(
        [sys.executable, "-m", "auditor", "check", str(SAMPLES)], capture_output=True, text=True
    )
    assert "检查中" not in piped.stderr and piped.stderr == ""


def test_the_summary_table_is_laid_out_as_tabulate_lays_it_out_without_importing_it():
    from tabulate import tabulate

    from auditor.report.output import _columns

    cases = [
        (
            [["P101", "占比不符", "错误", 1], ["S101", "合计与分项不符", "错误", 12]],
            ["规则", "名称", "级别", "数量"],
        ),
        ([["Y101", "yoy change mismatch", "warning", 3]], ["rule", "name", "severity", "count"]),
        ([["D102", "“三公”经费前后不一", "提示", 1024]], ["规则", "名称", "级别", "数量"]),
    ]
    for rows, headers in cases:
        assert _columns(rows, headers) == tabulate(rows, headers=headers)
    code = "import sys; from auditor.cli import main; sys.argv = ['auditor', 'check', sys.argv[1]]\n"
    code += "try:\n    main()\nexcept SystemExit:\n    pass\nprint('tabulate' in sys.modules, 'wcwidth' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES / "final-accounts-2023.txt")], capture_output=True, text=True
    ).stdout
    assert out.strip().endswith("False False"), out
