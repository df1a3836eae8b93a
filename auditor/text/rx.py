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
"""

from __future__ import annotations

from functools import cache

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")


@cache
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)


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
            compiled = regex.compile(self.pattern, self.flags_given)
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
