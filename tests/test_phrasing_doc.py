"""Every construction of docs/phrasing.md, read from the document itself.

- Survey rows (A–T): the consistent example raises no finding, under the survey's title line; where the
  document says a construction is caught by a rule, its planted slip raises that rule. A construction
  not understood yet is still covered: it must say nothing on consistent text.
- Rows of the L family with an example: the consistent example raises nothing from the rule named and
  the slip raises it. The others name the test file that covers them, which must exist.
The examples are the document's own (⏎ is a line break and → a TAB in its tables).
"""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

TITLE = "某区某局2024年度部门决算\n"
DOC = (ROOT / "docs" / "phrasing.md").read_text(encoding="utf-8")
_ROW = re.compile(r"^\| (?P<id>[A-Z]\d{2,3}) \|")


def _cells(line: str) -> list[str]:
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


def _rows() -> list[list[str]]:
    return [_cells(line) for line in DOC.splitlines() if _ROW.match(line)]


ROWS = _rows()
SURVEY = [r for r in ROWS if not r[0].startswith("L")]
LAYOUT = [r for r in ROWS if r[0].startswith("L") and len(r) == 6]
REFERRED = [r for r in ROWS if r[0].startswith("L") and len(r) == 4]


def _text(cell: str) -> str:
    return cell.replace(" ⏎ ", "\n").replace("⏎", "\n").replace("→", "\t") + "\n"


def test_the_document_lists_its_constructions_once():
    assert len(SURVEY) >= 80 and LAYOUT and REFERRED
    assert len({r[0] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", SURVEY, ids=[r[0] for r in SURVEY])
def test_each_survey_construction(check, row):
    cid, example, slip, status = row[0], row[2], row[3], row[-1]
    assert [(f.rule, f.stated, f.expected) for f in check(TITLE + _text(example))] == [], (
        f"{cid}: false alarm"
    )
    caught = re.match(r"caught by (?P<rule>[A-Z]\d{3})", status)
    # a slip written as an edit of the example ("…增长4.17%。", "同表，…写 93.00") is run by tests/test_phrasing.py
    if caught and not slip.startswith(("…", "同")):
        rules = {f.rule for f in check(TITLE + _text(slip))}
        assert caught.group("rule") in rules, f"{cid}: the slip is no longer caught by {caught.group('rule')}"


@pytest.mark.parametrize("row", LAYOUT, ids=[r[0] for r in LAYOUT])
def test_each_layout_construction(check, row):
    cid, example, slip, rule = row[0], row[2], row[3], row[4]
    assert [f.rule for f in check(_text(example), select=rule)] == [], f"{cid}: false alarm"
    assert rule in {f.rule for f in check(_text(slip), select=rule)}, f"{cid}: the slip is not caught"


@pytest.mark.parametrize("row", REFERRED, ids=[r[0] for r in REFERRED])
def test_each_referred_construction_names_an_existing_test(row):
    files = re.findall(r"`(tests/[\w/]+\.py)", row[3])
    assert files and all((ROOT / f).is_file() for f in files), row
