"""The compiled-pattern cache (auditor.text.rx): restored patterns behave like fresh ones, and a
damaged, stale or hostile cache file is never trusted."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import regex

from auditor.text import rx

PATTERNS = [
    (r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)", 0),
    (r"较上年(?:增加|减少)\s*\d+", regex.VERBOSE),
    (r"(?r)[，。]", 0),
    (r"(?:基本支出){e<=1}", 0),
]
TEXT = "2023年支出合计1885.44万元，较上年增加 12万元。其中基木支出1350.20 万元。"


def _store(tmp_path: Path, monkeypatch) -> rx._Store:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    return rx._Store()


def _behaviour(p: regex.Pattern) -> tuple:
    return (
        p.pattern,
        p.flags,
        p.groupindex,
        [m.span() for m in p.finditer(TEXT)],
        [m.groupdict() for m in p.finditer(TEXT)],
    )


def test_a_pattern_restored_from_the_cache_matches_like_a_freshly_compiled_one(tmp_path, monkeypatch):
    first = _store(tmp_path, monkeypatch)
    compiled = [first.compile(p, f) for p, f in PATTERNS]
    assert first.used == set()  # nothing was cached yet: all compiled
    first.save()
    [cached] = tmp_path.glob("patterns-*.pickle")

    second = rx._Store()
    restored = [second.compile(p, f) for p, f in PATTERNS]
    assert second.used == {(p, int(f)) for p, f in PATTERNS}  # all four came from the file
    assert second.new == {}
    for fresh, again, (p, f) in zip(compiled, restored, PATTERNS, strict=True):
        assert _behaviour(again) == _behaviour(fresh) == _behaviour(regex.compile(p, f))
    assert cached.stat().st_size > 0


def test_a_damaged_stale_or_foreign_cache_file_is_ignored_and_rewritten(tmp_path, monkeypatch):
    store = _store(tmp_path, monkeypatch)
    store.compile(*PATTERNS[0])
    store.save()
    [cached] = tmp_path.glob("patterns-*.pickle")
    good = cached.read_bytes()
    stale = pickle.dumps({"stamp": "another python", "patterns": pickle.loads(good)["patterns"]})
    for content in (b"", b"not a pickle", good[: len(good) // 2], stale, pickle.dumps([1, 2])):
        cached.write_bytes(content)
        again = rx._Store()
        p = again.compile(*PATTERNS[0])
        assert again.used == set() and _behaviour(p) == _behaviour(regex.compile(*PATTERNS[0]))
        again.save()
        assert rx._Store().load().keys() == {(PATTERNS[0][0], 0)}  # rewritten whole


class _Planted:
    """An object whose unpickling would run a command."""

    def __reduce__(self):
        return (os.system, ("touch planted",))


def test_a_cache_file_that_would_run_code_is_refused(tmp_path, monkeypatch):
    store = _store(tmp_path, monkeypatch)
    store.load()
    key = (PATTERNS[0][0], 0)
    # as the whole file, and as one pattern's entry in an otherwise valid file
    for planted in (
        pickle.dumps(_Planted()),
        pickle.dumps({"stamp": store.stamp, "patterns": {key: pickle.dumps(_Planted())}}),
    ):
        Path(store.path).write_bytes(planted)
        monkeypatch.chdir(tmp_path)
        p = rx._Store().compile(*PATTERNS[0])
        assert not (tmp_path / "planted").exists()
        assert _behaviour(p) == _behaviour(regex.compile(*PATTERNS[0]))


def test_an_unwritable_cache_costs_only_compiling(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(blocked / "auditor"))
    store = rx._Store()
    p = store.compile(*PATTERNS[1])
    store.save()  # no error
    assert p.search(TEXT)


def test_the_cache_keeps_what_runs_use_and_forgets_the_rest_past_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(rx, "_LIMIT", 3)
    store = _store(tmp_path, monkeypatch)
    for k in range(5):
        store.compile(f"old{k}", 0)
    store.save()
    assert len(rx._Store().load()) == 5  # one run's own patterns are all kept
    later = rx._Store()
    later.compile("old1", 0)
    later.compile("new", 0)
    later.save()
    assert set(rx._Store().load()) == {("old1", 0), ("new", 0)}


def test_a_second_run_restores_the_patterns_of_the_first(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(
        "某局2023年度部门决算\n2023年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n",
        encoding="utf-8",
    )
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys, runpy; from auditor.text import rx; sys.argv = ['auditor', 'check', sys.argv[1]]\n"
        "try:\n    runpy.run_module('auditor', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('restored', len(rx._store.used), 'compiled', len(rx._store.new), file=sys.stderr)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", probe, str(report)], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    assert [r.stdout for r in runs] == [runs[0].stdout] * 2 and "S101" in runs[0].stdout
    first, second = (r.stderr.split()[-4:] for r in runs)
    assert first[1] == "0" and int(first[3]) > 20  # nothing to restore: every pattern compiled
    assert int(second[1]) == int(first[3]) and second[3] == "0"  # all restored, none compiled
