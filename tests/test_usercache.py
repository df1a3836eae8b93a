"""The user's cache folder keeps a bounded number of files of each kind (auditor.usercache)."""

from __future__ import annotations

import os
import time

from auditor import usercache

OLD = 10**18  # ns: a time long ago, for files written "before"


def _aged(path, seconds_ago: float) -> None:
    t = time.time_ns() - int(seconds_ago * 10**9)
    os.utime(path, ns=(t, t))


def test_writing_a_file_removes_the_least_recently_used_of_its_kind_past_the_kept_number(tmp_path):
    n = usercache.KEEP + 4
    for i in range(n):
        old = tmp_path / f"rules-{i:08x}.json"
        old.write_text("{}")
        _aged(old, 10 * 86_400 - i * 60)  # rules-00000000 the oldest, all over a day old
    in_use = tmp_path / "rules-00000001.json"  # written long ago, read on every run
    usercache.mark_used(str(in_use))
    others = [tmp_path / "patterns-0000abcd.pickle", tmp_path / "notes.txt"]
    for path in others:
        path.write_bytes(b"x")
        _aged(path, 10 * 86_400)

    new = tmp_path / "rules-ffffffff.json"
    usercache.write_atomically(str(new), b'{"stamp": ""}')

    kept = {p.name for p in tmp_path.glob("rules-*.json")}
    assert len(kept) == usercache.KEEP
    assert {new.name, in_use.name, f"rules-{n - 1:08x}.json"} <= kept  # new, used, newest old
    assert not {"rules-00000000.json", "rules-00000002.json"} & kept  # the oldest unused ones went
    assert all(path.exists() for path in others)  # another kind, not ours


def test_marking_a_file_used_touches_it_at_most_once_a_day(tmp_path):
    fresh = tmp_path / "patterns-00000001.pickle"
    fresh.write_bytes(b"x")
    _aged(fresh, 3_600)
    before = fresh.stat().st_mtime_ns
    usercache.mark_used(str(fresh))
    assert fresh.stat().st_mtime_ns == before  # an hour old: left alone, no write
    usercache.mark_used(str(tmp_path / "missing.pickle"))  # nothing to mark: no error


def test_a_partial_file_of_a_killed_run_goes_after_an_hour(tmp_path):
    stale, recent = tmp_path / "rules-0000beef.json.4242", tmp_path / "rules-0000beef.json.4343"
    stale.write_bytes(b"{")
    recent.write_bytes(b"{")
    _aged(stale, 2 * 3_600)
    usercache.write_atomically(str(tmp_path / "rules-0000beef.json"), b"{}")
    assert not stale.exists() and recent.exists()  # another run may be writing that one now


def test_a_folder_with_few_files_of_a_kind_loses_none(tmp_path):
    for i in range(3):
        (tmp_path / f"patterns-{i:08x}.pickle").write_bytes(b"x")
    usercache.write_atomically(str(tmp_path / "patterns-ffffffff.pickle"), b"y")
    assert len(list(tmp_path.glob("patterns-*.pickle"))) == 4
