"""Compiled patterns: ``lazy`` for module-level patterns, ``rx`` for patterns built at run time.

Compiling a pattern with the ``regex`` module costs 0.1-6 ms (its parser is Python); the project
holds about 260 module-level patterns, and compiling them all at import was half of a small
report's run time, though a text report uses fewer than half of them and a PDF two thirds.
``lazy(pattern)`` compiles on first use: the first call of a matching method compiles the pattern
and puts the compiled pattern's bound methods on the instance, so every later call goes straight
to the compiled pattern without a Python-level indirection.

``rx(pattern).search(text)`` instead of ``regex.search(pattern, text)``: the ``regex`` module's own
cache is consulted through a slow path (flag handling on every call); in loops over every clause of
a report that overhead dominated the run time.

Even compiled lazily, the patterns a report uses took 30-45 ms of every run (a fifth of a small
report's time). ``compile_pattern`` keeps every pattern it compiles in the user's cache, pickled the
way the ``regex`` module pickles its patterns (the compiled code, restored by one C call), and the next
run restores them in about 2 ms. The cache is keyed by the Python and ``regex`` versions, holds only
the patterns' source and compiled code, and is read with an unpickler that refuses everything but
``regex``'s own constructor; an unreadable or stale file is ignored and rewritten.
"""

from __future__ import annotations

import os
from functools import cache

import regex

from auditor.usercache import cache_folder, mark_used, write_atomically

_LIMIT = 2000  # patterns kept; past it, a run keeps only those it used (old versions' patterns go)


class _PatternUnpickler:
    """pickle.Unpickler that builds nothing but regex patterns (and plain data)."""

    _restricted: type | None = None  # the Unpickler subclass, made on first use (pickle is imported then)

    @classmethod
    def loads(cls, data: bytes) -> object:
        import io

        if cls._restricted is None:
            import pickle

            class Restricted(pickle.Unpickler):
                def find_class(self, module: str, name: str) -> object:
                    if (module, name) == ("regex._regex", "compile"):
                        return super().find_class(module, name)
                    raise pickle.UnpicklingError(f"{module}.{name} is not a regex pattern")

            cls._restricted = Restricted
        return cls._restricted(io.BytesIO(data)).load()


class _Store:
    """The compiled patterns of earlier runs (pattern, flags -> pickled pattern), and this run's."""

    def __init__(self) -> None:
        self.saved: dict[tuple[str, int], bytes] | None = None
        self.used: set[tuple[str, int]] = set()
        self.new: dict[tuple[str, int], bytes] = {}
        self.path = ""
        self.stamp = ""

    def load(self) -> dict[tuple[str, int], bytes]:
        import sys
        import zlib

        self.stamp = f"{sys.version}|regex {regex.__version__}"
        self.path = os.path.join(cache_folder(), f"patterns-{zlib.crc32(self.stamp.encode()):08x}.pickle")
        self.saved = self._read()
        if self.saved:
            mark_used(self.path)
        return self.saved

    def _read(self) -> dict[tuple[str, int], bytes]:
        try:
            with open(self.path, "rb") as f:
                data = _PatternUnpickler.loads(f.read())
        except Exception:  # missing, unreadable, damaged or foreign: start afresh
            return {}
        if not (isinstance(data, dict) and data.get("stamp") == self.stamp):
            return {}
        patterns = data.get("patterns")
        return patterns if isinstance(patterns, dict) else {}

    def compile(self, pattern: str, flags: int) -> regex.Pattern:
        saved = self.load() if self.saved is None else self.saved
        key = (pattern, int(flags))  # a RegexFlag would pickle as a class reference
        blob = saved.get(key)
        if blob is not None:
            try:
                restored = _PatternUnpickler.loads(blob)
            except Exception:
                restored = None
            if isinstance(restored, regex.Pattern) and restored.pattern == pattern:
                self.used.add(key)
                return restored
        compiled = regex.compile(pattern, flags)
        import pickle

        if not self.new:
            import atexit

            atexit.register(self.save)
        self.new[key] = pickle.dumps(compiled)
        return compiled

    def save(self) -> None:
        """Merge this run's new patterns into the cache file (another run may have written it since)."""
        if not self.new:
            return
        import pickle

        on_disk = self._read()
        merged = {**on_disk, **self.new}
        if len(merged) > _LIMIT:
            merged = {k: v for k, v in merged.items() if k in self.used or k in self.new}
        try:
            write_atomically(self.path, pickle.dumps({"stamp": self.stamp, "patterns": merged}))
        except OSError:
            pass  # a read-only cache only costs compiling again
        self.new = {}


_store = _Store()


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile``, restored from the user's cache when an earlier run compiled the same pattern."""
    return _store.compile(pattern, flags)


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")


@cache
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return compile_pattern(pattern, flags)


class LazyPattern:
    """A pattern compiled on first use; answers like the ``regex.Pattern`` it stands for.

    ``pattern`` and ``flags_given`` are known without compiling, so a pattern can be composed
    into another (``OTHER.pattern``) for free.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags_given = flags
        self._compiled: regex.Pattern | None = None

    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            compiled = compile_pattern(self.pattern, self.flags_given)
            self._compiled = compiled
            for name in _METHODS:  # instance attributes shadow the class's compiling methods
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    def search(self, *args, **kwargs):
        return self.compiled().search(*args, **kwargs)

    def match(self, *args, **kwargs):
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args, **kwargs):
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args, **kwargs):
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled().split(*args, **kwargs)

    def splititer(self, *args, **kwargs):
        return self.compiled().splititer(*args, **kwargs)

    def __getattr__(self, name: str):  # groupindex, groups, flags, scanner …: compile and ask
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern:
    """A module-level pattern, compiled when it is first used (typed as the pattern it stands for)."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
