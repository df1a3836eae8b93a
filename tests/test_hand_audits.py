"""Hand audits of four real budget disclosures (tests/audits/; sfj and wanli made before the disclosure
checks were written, sww and zfb after, by auditors who did not see the tool's output) as thresholds: what
the auditor must keep finding on them, and how few findings the audit does not confirm. The PDFs are in
../shared/disclosures; the test skips without them.

An auditor finding confirms an audited one when it stands on one of its pages and names one of its
figures (the rule ../shared/eval/score.py applies to PDFs). Raise the thresholds as the checks improve.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation

import pytest
from helpers import ROOT

from auditor.engine import check_paths

AUDITS = ROOT / "tests" / "audits"
DISCLOSURES = ROOT.parent / "shared" / "disclosures"
_NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?")

# audit file: (certain findings confirmed at least, auditor findings the audit does not confirm at most)
THRESHOLDS = {
    # sfj: the Y103 finding on the project's 实施周期 is the audit's sfj26_project_period_2025, which names
    # only the project's 795万元 as its figure, so the matcher cannot confirm it
    "shpt_sfj_2026_dept_budget.json": (4, 2),
    "shpt_wanli_2024_budget.json": (4, 0),
    # two audits made after the checks were written, on documents the audits found clean (two and one
    # "likely" points of judgement, no arithmetic slip): nothing may be reported
    "shpt_sww_2025_dept_budget.json": (0, 0),
    "shpt_zfb_2025_unit_budget.json": (0, 0),
}


def _numbers(*texts: object) -> set[Decimal]:
    out = set()
    for text in texts:
        for m in _NUMBER.findall(str(text or "")):
            try:
                out.add(Decimal(m.replace(",", "").replace("，", "")).normalize())
            except InvalidOperation:
                pass
    return out


def _confirms(finding, audited: dict) -> bool:
    pages = set(audited.get("pages") or [audited.get("page")])
    if finding.page not in pages:
        return False
    want = _numbers(*audited.get("numbers", []))
    return not want or bool(want & _numbers(finding.message, finding.stated, finding.expected))


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_hand_audit_thresholds(name):
    audit = json.loads((AUDITS / name).read_text(encoding="utf-8"))
    pdf = DISCLOSURES / audit["file"]
    if not pdf.exists():
        pytest.skip(f"{pdf} is not present")
    report = check_paths([pdf])
    assert not report.errors, report.errors
    certain = [a for a in audit["findings"] if a["confidence"] == "certain"]
    found = [a["id"] for a in certain if any(_confirms(f, a) for f in report.findings)]
    unconfirmed = [f.message for f in report.findings if not any(_confirms(f, a) for a in audit["findings"])]
    least_found, most_unconfirmed = THRESHOLDS[name]
    assert len(found) >= least_found, f"certain findings confirmed: {found} of {[a['id'] for a in certain]}"
    assert len(unconfirmed) <= most_unconfirmed, unconfirmed


def test_audits_are_well_formed():
    for path in sorted(AUDITS.glob("*.json")):
        audit = json.loads(path.read_text(encoding="utf-8"))
        assert audit["file"].endswith(".pdf") and audit["pages"] > 0
        for a in audit["findings"]:
            assert (
                a["confidence"] in ("certain", "likely")
                and a["summary"]
                and (a.get("pages") or a.get("page"))
            )
        assert len(audit["consistent_relations"]) >= 20
