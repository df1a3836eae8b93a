"""The documentation's commands and examples work as written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import regex
from helpers import ROOT

DOCS = ROOT / "docs"


def _blocks(path: Path, language: str) -> list[str]:
    return regex.findall(rf"```{language}\n(.*?)```", path.read_text(encoding="utf-8"), flags=regex.S)


def test_every_auditor_command_in_the_chinese_guide_works(tmp_path):
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    auditor = Path(sys.executable).parent / "auditor"
    commands = [
        line
        for block in _blocks(DOCS / "guide-zh.md", "bash")
        for line in block.splitlines()
        if line.startswith("auditor ")
    ]
    assert len(commands) >= 8
    for command in commands:
        result = subprocess.run(
            command.replace("auditor", str(auditor), 1),
            shell=True,
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert result.returncode in (0, 1), (command, result.stderr)
    assert (tmp_path / "审计报告.html").exists() and (tmp_path / "基线.json").exists()


def test_guide_configuration_example_is_valid():
    import tomllib

    from auditor.config import parse_table

    (example,) = _blocks(DOCS / "guide-zh.md", "toml")
    config = parse_table(tomllib.loads(regex.sub(r"(?m)^   ", "", example)), "guide")
    assert config.ignore == ("D101",) and config.report_year == 2023


def test_python_api_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)
    (example,) = _blocks(DOCS / "api.md", "python")
    exec(compile(example, "docs/api.md", "exec"), {})


def test_readme_commands_name_real_files():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "auditor check samples/final-accounts-2023.txt" in readme
    assert (ROOT / "samples" / "final-accounts-2023.txt").exists()
    assert "pip install -e '.[test]' && pytest" in readme
    assert "pip install -e '.[test]' && pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
