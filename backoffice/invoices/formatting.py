"""Amounts as German staff read them – one formatter for pages, PDFs, mails and messages
(independent of the active locale: invoices, Vermerke and reminder mails are German)."""

from __future__ import annotations

from decimal import Decimal


def amount(value: Decimal | None, currency: str = "") -> str:
    """``Decimal("1234.5")`` → ``"1.234,50"`` (with ``currency`` appended when given)."""
    if value is None:
        return ""
    text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{text} {currency}".strip()


def eur(value: Decimal | None) -> str:
    """``Decimal("1234.5")`` → ``"1.234,50 EUR"``; ``None`` → ``"–"``."""
    return amount(value, "EUR") if value is not None else "–"
