"""The rule plugin API: registration through entry points, documentation, selection, isolation."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from auditor import load
from auditor.config import Config
from auditor.engine import check_document
from auditor.rule import CATEGORIES, Rule, RuleError, Severity, all_rules, select_rules


def test_builtin_rules_come_from_the_entry_point_group():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="auditor.rules")}
    assert {"S101", "P101"} <= names
    assert set(all_rules()) >= names


@pytest.mark.parametrize("code", sorted(all_rules()))
def test_every_rule_is_documented(code):
    rule = all_rules()[code]
    assert re.fullmatch(r"[A-Z]\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.category in CATEGORIES
    assert re.search(r"[\u4e00-\u9fff]", rule.title)  # a Chinese title for people
    assert isinstance(rule.severity, Severity)
    doc = rule.documentation()
    for section in ("## What it does", "## Why is this bad?", "## Example", "Anti-pattern", "Best practice"):
        assert section in doc, (code, section)


def example_block(section: str) -> str:
    """The indented example text of a docstring section (TAB-led table cells kept)."""
    lines = section.splitlines()
    return "\n".join(
        line.removeprefix("    ") for line in lines if line.startswith(("    ", "\t")) or not line.strip()
    )


def test_rule_examples_behave_as_documented(tmp_path):
    """The Anti-pattern of each rule's docs raises that rule; the Best practice does not."""
    for code, rule in all_rules().items():
        doc = rule.documentation()
        bad = doc.split("Anti-pattern:")[1].split("Best practice:")[0]
        good = doc.split("Best practice:")[1]
        bad_path, good_path = tmp_path / f"{code}-bad.txt", tmp_path / f"{code}-good.txt"
        bad_path.write_text(example_block(bad), encoding="utf-8")
        good_path.write_text(example_block(good), encoding="utf-8")
        bad_codes = [f.rule for f in check_document(load(bad_path), [rule], Config())[0]]
        good_codes = [f.rule for f in check_document(load(good_path), [rule], Config())[0]]
        assert bad_codes and set(bad_codes) == {code}, (code, "anti-pattern")
        assert good_codes == [], (code, "best practice")


def test_select_by_prefix_and_all():
    assert [r.code for r in select_rules(["S"])] == ["S101", "S102"]
    assert {r.code for r in select_rules(["ALL"], ["P1"])} == set(all_rules()) - {"P101", "P102"}
    with pytest.raises(RuleError):
        select_rules(["Z"])


class Exploding(Rule):
    """Fails on purpose.

    ## What it does
    ## Why is this bad?
    ## Example
    Anti-pattern: Best practice:
    """

    code = "Z901"
    name = "exploding"
    category = "other"

    def check(self, doc, ctx):
        raise ZeroDivisionError("boom")


def test_a_failing_rule_becomes_an_error_entry_and_others_still_run():
    doc = load(ROOT / "samples" / "final-accounts-2023.txt")
    findings, errors = check_document(doc, [Exploding, all_rules()["S101"]], Config())
    assert [f.rule for f in findings] == ["S101"]
    assert len(errors) == 1 and errors[0].rule == "Z901"
    assert "ZeroDivisionError: boom" in errors[0].message


def test_rule_reference_in_docs_is_up_to_date():
    from auditor.report.ruledocs import markdown

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown()


def test_a_check_does_not_import_pydantic_nor_a_toml_parser_without_a_configuration(tmp_path):
    """pydantic describes the JSON contract (auditor.report.schema); a check builds plain dataclasses.
    tomllib is needed only where a configuration file is found."""
    report = tmp_path / "r.txt"
    report.write_text(
        "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n", encoding="utf-8"
    )
    code = (
        "import sys; from auditor.cli import main\n"
        f"try:\n    main(['check', '--format', 'json', {str(report)!r}])\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, 'tomllib' in sys.modules, file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.stderr.split() == ["False", "False"] and '"S101"' in out.stdout
    (tmp_path / "auditor.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert out.stderr.split() == ["False", "True"] and '"S101"' in out.stdout


def test_startup_does_not_import_heavy_modules():
    code = (
        "import sys; from auditor.cli import main; "
        "heavy = [m for m in ('pydantic', 'docx', 'lxml', 'tabulate', 'auditor.engine') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_third_party_rule_plugs_in_through_an_entry_point(tmp_path):
    """A separate package registering a rule in the same group is picked up like the built-ins."""
    pkg = tmp_path / "plugin"
    (pkg / "auditor_demo_plugin").mkdir(parents=True)
    (pkg / "auditor_demo_plugin" / "__init__.py").write_text(
        "from auditor.rule import Rule\n"
        "from auditor.messages import Message\n\n"
        "class Hello(Message):\n    zh = '你好 {n}'\n    en = 'hello {n}'\n\n"
        "class Demo(Rule):\n"
        '    """Says hello on the first line.\n\n    ## What it does\n    ## Why is this bad?\n    ## Example\n'
        '    Anti-pattern: x\n    Best practice: y\n    """\n'
        "    code = 'X001'\n    name = 'demo'\n    category = 'other'\n"
        "    def check(self, doc, ctx):\n"
        "        yield self.violation(Hello(n=len(doc.lines)), line=1, column=1)\n",
        encoding="utf-8",
    )
    dist = pkg / "auditor_demo_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: auditor-demo-plugin\nVersion: 0.1\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[auditor.rules]\nX001 = auditor_demo_plugin:Demo\n", encoding="utf-8"
    )
    report = tmp_path / "r.txt"
    report.write_text("一行。\n两行。\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "auditor", "check", "--select", "X", str(report)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(pkg), "PATH": str(Path(sys.executable).parent)},
    )
    assert f"{report}:1:1: X001 你好 2" in out.stdout, out.stderr
    assert out.returncode == 1


def test_the_entry_point_list_is_cached_and_a_stale_or_broken_cache_is_not_trusted(tmp_path, monkeypatch):
    import json

    from auditor import rule

    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    fresh = rule._entry_point_specs()
    assert ("S101", "auditor_rules.totals:SumOfParts") in fresh
    [cached] = tmp_path.glob("rules-*.json")
    saved = json.loads(cached.read_text(encoding="utf-8"))
    assert saved["rules"] == [list(pair) for pair in fresh] and "stamp" in saved
    # a cache written for another set of installed packages (same file name, other stamp) is scanned again
    cached.write_text(
        json.dumps({"stamp": "elsewhere", "rules": [["X1", "nowhere:Nothing"]]}), encoding="utf-8"
    )
    assert rule._entry_point_specs() == fresh
    for broken in ("{not json", "[]", '{"rules": []}'):
        cached.write_text(broken, encoding="utf-8")
        assert rule._entry_point_specs() == fresh
    # and the cache is read: a matching stamp is trusted
    saved = json.loads(cached.read_text(encoding="utf-8"))
    cached.write_text(json.dumps({**saved, "rules": saved["rules"][:1]}), encoding="utf-8")
    assert rule._entry_point_specs() == [tuple(saved["rules"][0])]


def test_the_entry_point_cache_holds_while_reports_are_written_beside_it(tmp_path, monkeypatch):
    # python -m auditor puts the working folder on sys.path: files written there (reports, outputs) must
    # not cost a scan of every installed distribution and a new cache file on each run
    from auditor import rule

    cache, work = tmp_path / "cache", tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(cache))
    monkeypatch.setattr(sys, "path", [str(work), *sys.path])
    fresh = rule._entry_point_specs()
    (work / "report.html").write_text("<p>", encoding="utf-8")
    (work / "outputs").mkdir()
    scans = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: scans.append(kw) or real(**kw))
    assert rule._entry_point_specs() == fresh
    assert scans == [] and len(list(cache.glob("rules-*.json"))) == 1
    # a distribution installed there is a change of what is installed: scanned again, and the
    # environment's one list is rewritten, not joined by another file
    (work / "plugin-1.0.dist-info").mkdir()
    assert rule._entry_point_specs() == fresh
    assert len(scans) == 1 and len(list(cache.glob("rules-*.json"))) == 1


def test_a_dangling_link_or_a_plugin_rewritten_in_place_does_not_hide_a_change(tmp_path, monkeypatch):
    import os

    from auditor import rule

    site = tmp_path / "site"
    site.mkdir()
    (site / "aaa-1.0.dist-info").symlink_to(tmp_path / "gone")  # listed first, stat fails
    (site / "zzz-1.0.dist-info").mkdir()
    egg = site / "plugin.egg-info"  # a checkout installed in development mode
    egg.mkdir()
    points = egg / "entry_points.txt"
    points.write_text("[auditor.rules]\n", encoding="utf-8")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    rule._entry_point_specs()
    scans = []
    real = importlib.metadata.entry_points
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: scans.append(kw) or real(**kw))
    rule._entry_point_specs()
    assert scans == []  # unchanged: the cache holds, the dangling link included

    def later(path):
        t = path.stat().st_mtime_ns + 10**9
        os.utime(path, ns=(t, t))

    later(site / "zzz-1.0.dist-info")  # after the dangling link in the folder's order
    rule._entry_point_specs()
    assert len(scans) == 1
    later(points)  # the folder itself keeps its time
    rule._entry_point_specs()
    assert len(scans) == 2
