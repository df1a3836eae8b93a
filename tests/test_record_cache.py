"""The compiled-method cache of auditor.model.record: classes whose __init__ comes from the cache behave like
plain dataclasses, a second run compiles nothing, and a damaged or foreign cache file is never trusted."""

from __future__ import annotations

import dataclasses
import inspect
import marshal
import os
import subprocess
import sys
from dataclasses import field

import pytest

from auditor.model import record as rec


@pytest.fixture
def code(tmp_path, monkeypatch) -> rec._MethodCode:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    fresh = rec._MethodCode()
    monkeypatch.setattr(rec, "_code", fresh)
    return fresh


def _make():
    """The same class each call, made anew: a figure-like record with a default, a factory and a keyword."""

    @rec.record
    class Figure:
        text: str
        line: int = 0
        notes: list[str] = field(default_factory=list)
        unit: str = field(default="万元", kw_only=True)

    return Figure


def _behaviour(cls) -> tuple:
    a, b = cls("12.5"), cls("3", 4, unit="元")
    a.notes.append("x")
    return (str(inspect.signature(cls)), a.text, a.line, a.notes, b.notes, b.unit, a == cls("12.5"))


def test_a_class_made_from_cached_code_behaves_like_a_fresh_one_and_like_a_plain_dataclass(code, tmp_path):
    fresh = _make()
    assert code.new and not code.used  # nothing was cached yet: compiled
    code.save()
    [cached] = tmp_path.glob("records-*.marshal")

    again = rec._MethodCode()
    rec._code = again  # the fixture's monkeypatch restores the module's own
    restored = _make()
    assert again.new == {} and again.used  # the __init__ came from the file
    assert _behaviour(restored) == _behaviour(fresh)
    assert _behaviour(restored)[-1] is False  # compared by identity, as every record

    plain = dataclasses.dataclass(eq=False)(_plain())
    assert str(inspect.signature(plain)) == _behaviour(restored)[0]
    assert plain.__init__.__annotations__ == restored.__init__.__annotations__
    assert cached.stat().st_size > 0


def _plain():
    class Figure:
        text: str
        line: int = 0
        notes: list[str] = field(default_factory=list)
        unit: str = field(default="万元", kw_only=True)

    return Figure


def test_value_classes_are_frozen_hashed_and_compared_by_their_fields(code):
    @rec.value
    class Span:
        low: int
        high: int = 0

    assert Span(1, 2) == Span(1, 2) and hash(Span(1, 2)) == hash(Span(1, 2)) and Span(1) != Span(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        Span(1).low = 3  # type: ignore[misc]


def test_the_dataclasses_module_is_left_as_it_was(code):
    _make()
    assert "exec" not in vars(dataclasses)


@pytest.mark.parametrize(
    "content",
    [
        b"not marshal data",
        marshal.dumps({"stamp": "another Python", "code": {}}),
        marshal.dumps({"stamp": None, "code": {"def f(): pass": 42}}),
        marshal.dumps([1, 2, 3]),
    ],
    ids=["garbage", "another Python", "not code", "not a table"],
)
def test_a_damaged_stale_or_foreign_cache_file_is_ignored_and_rewritten(code, tmp_path, content):
    _make()
    code.save()
    [cached] = tmp_path.glob("records-*.marshal")
    cached.write_bytes(content)

    again = rec._MethodCode()
    rec._code = again
    made = _make()
    assert again.used == set() and again.new  # nothing taken from the file: compiled
    assert made("1").line == 0
    again.save()
    data = marshal.loads(cached.read_bytes())
    assert isinstance(data, dict) and data["stamp"] == again.stamp and data["code"]


def test_a_second_run_compiles_no_method_and_a_read_only_cache_only_costs_compiling(tmp_path):
    probe = (
        "import auditor.engine, auditor.config, auditor.extract.tolerance\n"
        "from auditor.model import record\n"
        "print(len(record._code.new), len(record._code.used))"
    )
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> tuple[int, int]:
        out = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        )
        new, used = out.stdout.split()
        return int(new), int(used)

    first_new, first_used = run()
    assert first_new > 30 and first_used == 0
    second_new, second_used = run()
    assert second_new == 0 and second_used == first_new

    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    env["AUDITOR_CACHE_DIR"] = str(blocked / "auditor")
    assert run()[0] == first_new  # compiled again, and no error
