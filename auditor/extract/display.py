"""How figures appear in messages: as the report wrote them, or recomputed in the same unit."""

from __future__ import annotations

from decimal import Decimal

from auditor.extract.tolerance import fmt
from auditor.model.quantity import Quantity
from auditor.text.chars import normalise
from auditor.text.rx import lazy

_MAX_TERMS = 12
_NUMBER = lazy(r"[-−+]?\d[\d,]*(?:\.\d+)?")


def plain(q: Quantity) -> str:
    """The number as written, without unit or qualifier: 36,158.49 (full-width digits folded)."""
    m = _NUMBER.search(normalise(q.text))
    return m.group(0).replace("−", "-") if m else normalise(q.text)


def figure(q: Quantity) -> str:
    """The figure with its unit: 35.53%, 32.64万元, and 170元 for a cell whose unit is in the header."""
    return plain(q) + q.unit


def in_unit_of(base_value: Decimal, like: Quantity, decimals: int) -> str:
    """A recomputed base-unit value shown in ``like``'s unit: 2845.57万元."""
    return fmt(base_value / like.scale, decimals) + like.unit


def join_terms(parts: list[Quantity], whole: Quantity) -> str:
    """2358.51 + 487.06 (units only where they differ from the whole's); long lists elided."""
    shown = [plain(p) if p.unit == whole.unit else figure(p) for p in parts]
    if len(shown) > _MAX_TERMS:
        shown = [*shown[: _MAX_TERMS - 2], "…", shown[-1]]
    return " + ".join(shown).replace("+ -", "- ")  # a term taken away: "A - D"
