"""Small helpers shared by the rule modules: XPath-faithful rounding, decimals, German numbers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import ROUND_FLOOR, Decimal

from ...document.model import AllowanceCharge, InvoiceDocument, Line

ZERO = Decimal(0)
HUNDRED = Decimal(100)
HALF = Decimal("0.5")


def xround(value: Decimal) -> Decimal:
    """XPath ``round(x)``: half rounds towards positive infinity (round(-2.5) = -2)."""
    return (value + HALF).to_integral_value(rounding=ROUND_FLOOR)


def round2(value: Decimal) -> Decimal:
    """The schematron's ``round(x * 10 * 10) div 100`` – two decimals, XPath half-up."""
    return xround(value * HUNDRED) / HUNDRED


def decimals(value: Decimal | None) -> int:
    """Number of digits after the decimal point as written (Decimal keeps the exponent)."""
    if value is None:
        return 0
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def total(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), ZERO)


def fmt(value: Decimal | None) -> str:
    """German number: 1234.5 → "1.234,50" (at least two decimals, more if written)."""
    if value is None:
        return "–"
    places = max(2, decimals(value))
    text = f"{value:,.{places}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def blank(text: str | None) -> bool:
    return not (text or "").strip()


def allowances(doc: InvoiceDocument) -> list[AllowanceCharge]:
    return [ac for ac in doc.allowances_charges if not ac.is_charge]


def charges(doc: InvoiceDocument) -> list[AllowanceCharge]:
    return [ac for ac in doc.allowances_charges if ac.is_charge]


def indexed_allowances(doc: InvoiceDocument) -> Iterator[tuple[str, AllowanceCharge]]:
    """(location, allowance) for every document level allowance (BG-20)."""
    for number, ac in enumerate(allowances(doc), start=1):
        yield f"BG-20[{number}]", ac


def indexed_charges(doc: InvoiceDocument) -> Iterator[tuple[str, AllowanceCharge]]:
    for number, ac in enumerate(charges(doc), start=1):
        yield f"BG-21[{number}]", ac


def indexed_lines(doc: InvoiceDocument) -> Iterator[tuple[str, Line]]:
    """(location, line) for every invoice line (BG-25), sub lines not included."""
    for number, line in enumerate(doc.lines, start=1):
        yield f"BG-25[{number}]", line


def line_label(line: Line, location: str) -> str:
    """A user-facing name for a line: „Position 3“ by its BT-126 (or the place)."""
    ident = (line.id or "").strip()
    return f"Position „{ident}“" if ident else f"Position {location[6:-1]}"


def norm(text: str | None) -> str:
    """XPath normalize-space."""
    return " ".join((text or "").split())
