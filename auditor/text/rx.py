"""Compiled patterns, cached: ``rx(pattern).search(text)`` instead of ``regex.search(pattern, text)``.

The ``regex`` module's own cache is consulted through a slow path (flag handling on every call);
in loops over every clause of a report that overhead dominated the run time.
"""

from __future__ import annotations

from functools import cache

import regex


@cache
def rx(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)
