"""The user's cache folder for what is costly to recompute on every run and cheap to rebuild.

``$AUDITOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``, else ``~/.cache/auditor``. Everything kept
there is keyed by what it depends on and rebuilt when missing, stale or unreadable, so deleting the
folder is always safe. Only the standard library is imported here.

Each kind of file is named ``<kind>-<checksum of its key>.<ext>``; a new key (another Python, another
package installed) writes a new file, so writing one removes the oldest of its kind past the eight most
recently written: several environments sharing the folder each keep theirs, and the folder does not grow
with every upgrade.
"""

from __future__ import annotations

import os


def cache_folder() -> str:
    return os.environ.get("AUDITOR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "auditor"
    )


KEEP = 8  # files of one kind kept: the most recently written


def write_atomically(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader never sees half a file, then remove the files of
    its kind past the ``KEEP`` most recent; OSError if it cannot write."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}"
    try:
        with open(partial, "wb") as f:
            f.write(data)
        os.replace(partial, path)
    except OSError:
        try:
            os.unlink(partial)
        except OSError:
            pass
        raise
    _prune(path)


def _prune(path: str) -> None:
    folder, name = os.path.split(path)
    kind, _, _ = name.partition("-")
    ext = os.path.splitext(name)[1]
    try:
        with os.scandir(folder) as found:
            same = [
                e for e in found if e.name.startswith(f"{kind}-") and e.name.endswith(ext) and e.is_file()
            ]
        same.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for entry in same[KEEP:]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass  # another run removed it, or it is not ours to remove
