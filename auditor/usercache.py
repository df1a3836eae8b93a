"""The user's cache folder for what is costly to recompute on every run and cheap to rebuild.

``$AUDITOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``, else ``~/.cache/auditor``. Everything kept
there is keyed by what it depends on and rebuilt when missing, stale or unreadable, so deleting the
folder is always safe. Only the standard library is imported here.

Each kind of file is named ``<kind>-<checksum of its key>.<ext>``. Writing one removes the files of its
kind past the ``KEEP`` most recently used (a file read from the cache is marked used at most once a day,
which costs one system call), and the partial files of runs killed while writing, after an hour: the
folder does not grow with every Python or package upgrade, and the environments sharing it each keep
theirs.
"""

from __future__ import annotations

import os


def cache_folder() -> str:
    return os.environ.get("AUDITOR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "auditor"
    )


KEEP = 32  # files of one kind kept: the most recently used
_DAY = 86_400 * 10**9  # ns
_HOUR = 3_600 * 10**9  # ns


def write_atomically(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader never sees half a file, then remove the files of
    its kind past the ``KEEP`` most recently used; OSError if it cannot write."""
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


def _partial_of(name: str, ext: str) -> bool:
    head, _, pid = name.rpartition(".")
    return head.endswith(ext) and pid.isdigit()


def mark_used(path: str) -> None:
    """Mark a cache file read this run as used, if it was last marked more than a day ago."""
    import time

    try:
        now = time.time_ns()
        if now - os.stat(path).st_mtime_ns > _DAY:
            os.utime(path, ns=(now, now))
    except OSError:
        pass  # a read-only cache: it is only pruned sooner


def _prune(path: str) -> None:
    import time

    folder, name = os.path.split(path)
    kind, _, _ = name.partition("-")
    ext = os.path.splitext(name)[1]
    now = time.time_ns()
    same, partial = [], []
    try:
        with os.scandir(folder) as found:
            for e in found:
                if not e.name.startswith(f"{kind}-") or not e.is_file():
                    continue
                if e.name.endswith(ext):
                    same.append((e.stat().st_mtime_ns, e.path))
                elif _partial_of(e.name, ext) and now - e.stat().st_mtime_ns > _HOUR:
                    partial.append(e.path)  # "<name>.<pid>" of a run killed while writing
    except OSError:
        return
    same.sort(reverse=True)
    for stale in [p for _, p in same[KEEP:]] + partial:
        try:
            os.unlink(stale)
        except OSError:
            pass  # another run removed it, or it is not ours to remove
