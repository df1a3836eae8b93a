"""``record``: the dataclass of the auditor's own objects, without the methods it never uses.

The standard decorator writes the source of ``__init__``, ``__repr__`` and ``__eq__`` for each class and compiles
it, about 0.1 ms a method; a small report's check defines some seventy classes before it reads a line, so the
two unused methods were a tenth of its time. The auditor's objects are compared by identity (a figure, a row,
a finding is itself, never a field-by-field copy of another), so only ``__init__`` is generated, and one shared
``__repr__`` prints the fields for debugging. Value objects that are hashed (the configuration, intervals)
stay frozen dataclasses, made by ``value``.

Even the one method left cost 0.1-0.2 ms a class to compile, some 12 ms of a small report's 0.13 s. The
standard module compiles the methods it writes by calling ``exec`` on their source; while ``record`` and
``value`` make a class, that name in the module is bound to one that takes the compiled code from the
user's cache, keyed by the exact source (and the Python version), and compiles only what it has not seen:
restoring the seventy classes' code costs about half a millisecond. The file is trusted as Python trusts
its own ``__pycache__``: it lives in the user's cache folder and holds nothing but code objects, which
are checked to be code; a missing, damaged or stale file is ignored and written anew.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from reprlib import recursive_repr
from types import CodeType
from typing import TYPE_CHECKING, TypeVar, overload

from auditor.usercache import cache_folder, write_atomically

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_kwargs):  # tells type checkers only; typing has it from Python 3.11
        return lambda decorator: decorator


T = TypeVar("T")


@recursive_repr()
def _repr(self: object) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
    return f"{type(self).__qualname__}({shown})"


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, slots: bool = False) -> object: ...


_LIMIT = 1000  # methods kept; past it, a run keeps only those it used (old versions' classes go)


class _MethodCode:
    """The compiled methods of earlier runs (source -> code), and this run's."""

    def __init__(self) -> None:
        self.saved: dict[str, CodeType] | None = None
        self.used: set[str] = set()
        self.new: dict[str, CodeType] = {}
        self.path = ""
        self.stamp = ""

    def _read(self) -> dict[str, CodeType]:
        import marshal

        try:
            with open(self.path, "rb") as f:
                data = marshal.loads(f.read())
        except Exception:  # missing, unreadable, damaged or of another Python: start afresh
            return {}
        if not (
            isinstance(data, dict) and data.get("stamp") == self.stamp and isinstance(data.get("code"), dict)
        ):
            return {}
        return {k: v for k, v in data["code"].items() if isinstance(k, str) and isinstance(v, CodeType)}

    def exec(self, source: str, globals: dict | None = None, locals: dict | None = None) -> None:
        """``exec(source, globals, locals)``, with the code compiled by an earlier run when there is one."""
        if self.saved is None:
            import os
            import sys
            import zlib

            self.stamp = f"{sys.version}|{sys.implementation.cache_tag}"
            self.path = os.path.join(cache_folder(), f"records-{zlib.crc32(self.stamp.encode()):08x}.marshal")
            self.saved = self._read()
        code = self.saved.get(source)
        if code is None:
            # dont_inherit: compiled as exec compiles the dataclasses module's source, without this
            # module's ``from __future__ import annotations``
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if not self.new:
                import atexit

                atexit.register(self.save)
            self.new[source] = code
        else:
            self.used.add(source)
        exec(code, globals, locals)

    def save(self) -> None:
        """Merge this run's new methods into the cache file (another run may have written it since)."""
        if not self.new:
            return
        import marshal

        merged = {**self._read(), **self.new}
        if len(merged) > _LIMIT:
            merged = {k: v for k, v in merged.items() if k in self.used or k in self.new}
        try:
            write_atomically(self.path, marshal.dumps({"stamp": self.stamp, "code": merged}))
        except (OSError, ValueError):
            pass  # a read-only cache only costs compiling again
        self.new = {}


_code = _MethodCode()


def _made(cls: type[T], **options: bool) -> type[T]:
    """``dataclass(cls, **options)``, its generated methods' code taken from the cache."""
    module = vars(dataclasses)
    before = module.get("exec")  # none: the module calls the builtin
    module["exec"] = _code.exec
    try:
        return dataclass(cls, **options)  # type: ignore[call-overload]
    finally:
        if before is None:
            del module["exec"]
        else:
            module["exec"] = before


@dataclass_transform(eq_default=False)
def record(cls=None, /, *, slots=False):
    """``@record`` or ``@record(slots=True)``: a dataclass compared by identity, with a shared ``__repr__``."""

    def wrap(c: type[T]) -> type[T]:
        made = _made(c, repr=False, eq=False, slots=slots)
        made.__repr__ = _repr  # type: ignore[method-assign]
        return made

    return wrap if cls is None else wrap(cls)


@dataclass_transform(frozen_default=True)
def value(cls: type[T], /) -> type[T]:
    """``@value``: ``@dataclass(frozen=True)``, a value hashed and compared by its fields."""
    return _made(cls, frozen=True)
