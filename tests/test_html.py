"""The HTML report, checked in a real browser (headless Chromium): highlights, filters, escaping."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import regex
from helpers import ROOT, SAMPLES

from auditor.engine import check_paths
from auditor.report.html import format_html

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=3000",
]
HOSTILE = "恶意报告\n<script>document.title='pwned'</script>支出合计100万元，其中：基本支出60万元，项目支出30万元。\n"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, folder / sample.name)
    report = check_paths([folder], keep_text=True)
    path = folder / "report.html"
    path.write_text(format_html(report), encoding="utf-8")
    return path


def test_report_is_self_contained_and_escaped(report_file):
    text = report_file.read_text(encoding="utf-8")
    assert not regex.search(r"""(?:src|href)=["']?(?:https?:)?//""", text)  # no network resources
    assert "<script>document.title" not in text
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in text
    assert text.count("<script") == 2  # the metadata and the report's own script, nothing from the document
    assert "财政报告一致性审计报告" in text and "筛选" in text


def _dom(url: str, tmp_path: Path) -> str:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    out = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def _visible(dom: str, severity: str) -> int:
    tags = regex.findall(r'<div class="note sev-\w+"[^>]*>', dom)
    return sum(1 for tag in tags if f'data-severity="{severity}"' in tag and 'hidden=""' not in tag)


def test_highlights_and_filters_in_chromium(report_file, tmp_path):
    dom = _dom(report_file.as_uri(), tmp_path)
    assert "document.title='pwned'" in dom.replace("&#39;", "'").replace("&#x27;", "'") or "pwned" in dom
    assert "<title>财政报告一致性审计报告</title>" in dom  # the document's <script> did not run
    marks = regex.findall(r'<mark class="sev-error"[^>]*data-rule="S101"[^>]*>([^<]+)</mark>', dom)
    assert "100万元" in marks and "1885.44万元" in marks  # the stated totals are highlighted
    assert _visible(dom, "error") > 0

    filtered = _dom(report_file.as_uri() + "#severity=warning", tmp_path)
    assert _visible(filtered, "error") == 0  # errors hidden by the severity filter
    assert regex.search(r'<input type="checkbox" name="severity" value="error"(?! checked)', filtered)

    by_rule = _dom(report_file.as_uri() + "#severity=error,warning,info&rule=P101", tmp_path)
    tags = regex.findall(r'<div class="note sev-\w+"[^>]*>', by_rule)
    rules_shown = {regex.search(r'data-rule="(\w+)"', tag).group(1) for tag in tags if 'hidden=""' not in tag}
    assert rules_shown == {"P101"}
    assert regex.search(r'<span id="shown">1</span>', by_rule)


def test_screenshot_artifact(report_file, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1400,1000",
            f"--screenshot={shot}",
            report_file.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
