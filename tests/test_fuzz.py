"""Fuzzing: report-like text in every supported number form, and random bytes, through the whole pipeline.

The pipeline must never raise, never hang, and never produce an internal error; consistent
generated text must raise no arithmetic finding (tests/test_properties.py covers that with exact
constructions; here the text is deliberately messy)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.config import Config
from auditor.engine import check_document
from auditor.extract.build import build_document
from auditor.loaders import decode_text, load_text
from auditor.messages import InputError
from auditor.rule import all_rules

FUZZ = settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])

labels = st.sampled_from(
    [
        "基本支出",
        "项目支出",
        "本年收入合计",
        "三公经费",
        "公务接待费",
        "资产总额",
        "培训学员",
        "得分",
        "完成率",
        "",
    ]
)
digits = st.integers(min_value=0, max_value=10**9).map(str)
decimals = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False).map(str)
fullwidth = digits.map(lambda d: d.translate(str.maketrans("0123456789", "０１２３４５６７８９")))
grouped = st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}")
number = st.one_of(digits, decimals, fullwidth, grouped)
unit = st.sampled_from(
    ["万元", "元", "亿元", "%", "％", "人", "个", "件", "分", "万人", "人次", "个百分点", "", "万元/人"]
)
qualifier = st.sampled_from(["", "余", "多", "约", "近", "≥", "以上", "不足"])
figure = st.builds(
    lambda q, n, u: (q + n + u) if q in ("约", "近", "≥", "不足") else (n + q + u), qualifier, number, unit
)
clause = st.builds(lambda label, fig: f"{label}{fig}", labels, figure)
connector = st.sampled_from(
    [
        "，",
        "、",
        "；",
        "，其中：",
        "（其中：",
        "），",
        "，占",
        "，比上年增加",
        "，较上年下降",
        "，合计",
        "。",
        "，从",
        "提高至",
    ]
)
sentence = st.lists(st.tuples(clause, connector), min_size=1, max_size=8).map(
    lambda parts: "".join(c + k for c, k in parts) + "。"
)
heading = st.builds(
    lambda o, t: f"{o}{t}",
    st.sampled_from(["一、", "二、", "（一）", "（三）", "1.", "2、", "（1）", "①", "目录", "附件1"]),
    labels,
)
cell = st.one_of(number, figure, labels, st.just(""))
table = st.lists(st.lists(cell, min_size=1, max_size=6), min_size=1, max_size=6).map(
    lambda rows: "\n".join("\n".join("\t" + c for c in row) + "\n" for row in rows)
)
block = st.one_of(sentence, heading, table, st.text(max_size=40))
report = st.lists(block, min_size=1, max_size=25).map(
    lambda blocks: "某局2023年部门整体支出绩效自评报告\n" + "\n".join(blocks)
)

RULES = list(all_rules().values())


@FUZZ
@given(report)
def test_report_like_text_never_breaks_the_pipeline(text):
    try:
        doc = build_document(load_text(text.encode("utf-8"), "fuzz.txt"))
    except InputError as error:  # e.g. a NUL in the text: refused cleanly, with a message
        assert error.message()
        return
    findings, errors = check_document(doc, RULES, Config())
    assert errors == [], errors
    for f in findings:
        assert 1 <= f.line <= len(doc.lines) and f.message


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes_are_read_or_refused(data):
    try:
        text = decode_text(data, "random.txt")
    except InputError as error:
        assert error.message() and error.message("en")
        return
    if not text.strip():
        return
    doc = build_document(load_text(data, "random.txt"))
    _findings, errors = check_document(doc, RULES, Config())
    assert errors == []
