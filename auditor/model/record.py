"""``record``: the dataclass of the auditor's own objects, without the methods it never uses.

The standard decorator writes the source of ``__init__``, ``__repr__`` and ``__eq__`` for each class and compiles
it, about 0.1 ms a method; a small report's check defines some seventy classes before it reads a line, so the
two unused methods were a tenth of its time. The auditor's objects are compared by identity (a figure, a row,
a finding is itself, never a field-by-field copy of another), so only ``__init__`` is generated, and one shared
``__repr__`` prints the fields for debugging. Value objects that are hashed (the configuration, intervals)
stay plain frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from reprlib import recursive_repr
from typing import TYPE_CHECKING, TypeVar, overload

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


@dataclass_transform(eq_default=False)
def record(cls=None, /, *, slots=False):
    """``@record`` or ``@record(slots=True)``: a dataclass compared by identity, with a shared ``__repr__``."""

    def wrap(c: type[T]) -> type[T]:
        made = dataclass(c, repr=False, eq=False, slots=slots)
        made.__repr__ = _repr  # type: ignore[method-assign]
        return made

    return wrap if cls is None else wrap(cls)
