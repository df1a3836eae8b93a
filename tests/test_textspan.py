"""Clause, sentence and bracket helpers shared by the extraction modules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.text.spans import clause_start, depth_at, sentence_end, sentence_start


def _depth_by_walking(text: str, pos: int, opens: str = "（(", closes: str = "）)") -> int:
    depth = 0
    for ch in text[:pos]:
        if ch in opens:
            depth += 1
        elif ch in closes and depth:
            depth -= 1
    return depth


def test_depth_counts_open_brackets_and_ignores_unmatched_closing_ones():
    text = "a（b(c)d）)e（"
    assert [depth_at(text, i) for i in range(len(text) + 1)] == [0, 0, 1, 1, 2, 2, 1, 1, 0, 0, 0, 1]


def test_depth_with_quotes_and_title_marks():
    text = "“三个代表”和《条例》共2项"
    opens, closes = "（(“《", "）)”》"
    assert depth_at(text, 2, opens, closes) == 1
    assert depth_at(text, 6, opens, closes) == 0
    assert depth_at(text, 8, opens, closes) == 1


@given(st.text(alphabet="（）()ab，", max_size=40), st.data())
def test_depth_agrees_with_a_walk_over_the_characters(text, data):
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert depth_at(text, pos) == _depth_by_walking(text, pos)


@pytest.mark.parametrize(
    ("text", "pos", "clause", "sentence", "end"),
    [
        ("甲，乙。丙；丁", 0, 0, 0, 3),
        ("甲，乙。丙；丁", 3, 2, 0, 3),
        ("甲，乙。丙；丁", 4, 4, 4, 7),
        ("甲，乙。丙；丁", 7, 6, 4, 7),
        ("没有标点", 3, 0, 0, 4),
    ],
)
def test_clause_and_sentence_bounds(text, pos, clause, sentence, end):
    assert clause_start(text, pos) == clause
    assert sentence_start(text, pos) == sentence
    assert sentence_end(text, pos) == end


@given(st.text(alphabet="甲，,；;。！？", max_size=30), st.data())
def test_clause_start_is_just_after_the_last_stop(text, data):
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    expected = max((text.rfind(ch, 0, pos) for ch in "，,；;。"), default=-1) + 1
    assert clause_start(text, pos) == expected
    assert sentence_start(text, pos) == max((text.rfind(ch, 0, pos) for ch in "。！？!?"), default=-1) + 1
