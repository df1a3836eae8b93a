"""The samples carry known errors; the README demo relies on them."""

from helpers import SAMPLES

from auditor.engine import check_paths

EXPECTED = {
    ("final-accounts-2023.txt", 14, "S101", "1885.44万元", "1875.44万元"),
    ("final-accounts-2023.txt", 34, "P101", "39.80%", "32.92%"),
    ("self-evaluation-2023.txt", 14, "S101", "412件", "402件"),
}


def test_samples_report_exactly_their_known_errors():
    report = check_paths([SAMPLES])
    assert report.errors == []
    got = {(f.path.split("/")[-1], f.line, f.rule, f.stated, f.expected) for f in report.findings}
    assert got == EXPECTED


def test_fingerprints_survive_inserted_lines(tmp_path):
    source = (SAMPLES / "final-accounts-2023.txt").read_text(encoding="utf-8")
    moved = tmp_path / "final-accounts-2023.txt"
    moved.write_text("新增的说明段落。\n\n" + source, encoding="utf-8")
    before = {f.fingerprint for f in check_paths([SAMPLES / "final-accounts-2023.txt"]).findings}
    after = check_paths([moved]).findings
    assert {f.fingerprint for f in after} == before
    assert {f.line for f in after} == {16, 36}
