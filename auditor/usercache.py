"""The user's cache folder for what is costly to recompute on every run and cheap to rebuild.

``$AUDITOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``, else ``~/.cache/auditor``. Everything kept
there is keyed by what it depends on and rebuilt when missing, stale or unreadable, so deleting the
folder is always safe. Only the standard library is imported here.
"""

from __future__ import annotations

import os


def cache_folder() -> str:
    return os.environ.get("AUDITOR_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "auditor"
    )


def write_atomically(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader never sees half a file; OSError if it cannot."""
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
