"""The user's cache folder keeps a bounded number of files of each kind (auditor.usercache)."""

from __future__ import annotations

import os

from auditor import usercache


def test_writing_a_file_removes_the_oldest_of_its_kind_past_the_newest_eight(tmp_path):
    for i in range(12):
        old = tmp_path / f"rules-{i:08x}.json"
        old.write_text("{}")
        os.utime(old, ns=(10**18 + i * 10**9, 10**18 + i * 10**9))  # rules-00000000 the oldest
    others = [
        tmp_path / "patterns-0000abcd.pickle",
        tmp_path / "rules-0000beef.json.4242",
        tmp_path / "notes.txt",
    ]
    for path in others:
        path.write_bytes(b"x")

    new = tmp_path / "rules-ffffffff.json"
    usercache.write_atomically(str(new), b'{"stamp": ""}')

    kept = sorted(p.name for p in tmp_path.glob("rules-*.json"))
    assert len(kept) == usercache.KEEP
    assert new.name in kept and "rules-0000000b.json" in kept  # the new one and the newest old ones
    assert "rules-00000000.json" not in kept and "rules-00000004.json" not in kept
    assert all(path.exists() for path in others)  # another kind, another run's partial file, not ours


def test_a_folder_with_few_files_of_a_kind_loses_none(tmp_path):
    for i in range(3):
        (tmp_path / f"records-{i:08x}.marshal").write_bytes(b"x")
    usercache.write_atomically(str(tmp_path / "records-ffffffff.marshal"), b"y")
    assert len(list(tmp_path.glob("records-*.marshal"))) == 4
