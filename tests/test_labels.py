"""The label marks and points headers shared by the extractions (auditor/text/labels.py)."""

from __future__ import annotations

import pytest

from auditor.text.labels import LEADING_ORDINAL, QUOTES, is_points_header, outside_brackets


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("14分（满分15分）", "14分"),
        ("得分8分(权重10分（含加分）)，", "得分8分，"),
        ("人员经费）支出", "人员经费支出"),  # a stray closing bracket is dropped, not counted
        ("无括号", "无括号"),
    ],
)
def test_outside_brackets(text: str, outside: str) -> None:
    assert outside_brackets(text) == outside


@pytest.mark.parametrize(
    ("header", "points"),
    [("分值", True), ("指标分值（分）", True), ("自评得分(分)", True), ("权重", True), ("得分值", True)],
)
def test_points_headers(header: str, points: bool) -> None:
    assert is_points_header(header) is points


@pytest.mark.parametrize("header", ["得分率", "执行率", "分值说明", "全年预算数", "评分标准"])
def test_headers_that_hold_no_points(header: str) -> None:
    assert not is_points_header(header)


def test_label_marks() -> None:
    assert LEADING_ORDINAL.sub("", "（三）机关运行经费") == "机关运行经费"
    assert LEADING_ORDINAL.sub("", "2、培训费") == "培训费"
    assert LEADING_ORDINAL.sub("", "1.5万元") == "1.5万元"  # a figure, not an ordinal
    assert QUOTES.sub("", "“三公”经费") == "三公经费"
