"""EN 16931 decimal rules BR-DEC-…: amounts with at most two decimals, as written in the document.

The model keeps amounts as :class:`~decimal.Decimal` exactly as written, so "12.500" has three
decimals here just as ``substring-after(., '.')`` has three characters in the CEN schematron.
"""

from __future__ import annotations

from ...document.model import InvoiceDocument
from ..registry import hit, rule
from ._util import decimals, indexed_allowances, indexed_charges, indexed_lines

# --- decimals (BR-DEC) ----------------------------------------------------------------------
_DEC_TEXT = "Der Betrag „{name}“ ({term}) darf höchstens zwei Nachkommastellen haben."


def _decimal_rule(rule_id: str, term: str, name: str, values) -> None:
    text = _DEC_TEXT.format(name=name, term=term)

    def check(doc: InvoiceDocument):
        for location, value in values(doc):
            if value is not None and decimals(value) > 2:
                yield hit(f"Angegeben: {value}.", location=location)

    check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
    check.__module__ = __name__
    rule(rule_id, terms=(term,), text=text)(check)


def _doc_ac(charge: bool, attr: str):
    source = indexed_charges if charge else indexed_allowances
    return lambda doc: ((loc, getattr(ac, attr)) for loc, ac in source(doc))


def _line_ac(charge: bool, attr: str):
    group = "BG-28" if charge else "BG-27"

    def values(doc: InvoiceDocument):
        for location, line in indexed_lines(doc):
            items = [ac for ac in line.allowances_charges if ac.is_charge == charge]
            for number, ac in enumerate(items, start=1):
                yield f"{location}/{group}[{number}]", getattr(ac, attr)

    return values


def _total(attr: str, term: str):
    return lambda doc: [(term, getattr(doc.totals, attr))]


_decimal_rule("BR-DEC-01", "BT-92", "Nachlass auf Dokumentebene", _doc_ac(False, "amount"))
_decimal_rule(
    "BR-DEC-02",
    "BT-93",
    "Grundbetrag des Nachlasses auf Dokumentebene",
    _doc_ac(False, "base_amount"),
)
_decimal_rule("BR-DEC-05", "BT-99", "Zuschlag auf Dokumentebene", _doc_ac(True, "amount"))
_decimal_rule(
    "BR-DEC-06",
    "BT-100",
    "Grundbetrag des Zuschlags auf Dokumentebene",
    _doc_ac(True, "base_amount"),
)
_decimal_rule(
    "BR-DEC-09", "BT-106", "Summe der Positions-Nettobeträge", _total("line_total", "BT-106")
)
_decimal_rule(
    "BR-DEC-10",
    "BT-107",
    "Summe der Nachlässe auf Dokumentebene",
    _total("allowance_total", "BT-107"),
)
_decimal_rule(
    "BR-DEC-11", "BT-108", "Summe der Zuschläge auf Dokumentebene", _total("charge_total", "BT-108")
)
_decimal_rule(
    "BR-DEC-12", "BT-109", "Gesamtbetrag ohne Umsatzsteuer", _total("without_vat", "BT-109")
)
_decimal_rule("BR-DEC-13", "BT-110", "Umsatzsteuer-Gesamtbetrag", _total("vat_total", "BT-110"))
_decimal_rule(
    "BR-DEC-14", "BT-112", "Gesamtbetrag einschließlich Umsatzsteuer", _total("with_vat", "BT-112")
)
_decimal_rule(
    "BR-DEC-15",
    "BT-111",
    "Umsatzsteuer-Gesamtbetrag in Buchungswährung",
    _total("vat_total_tax_currency", "BT-111"),
)
_decimal_rule("BR-DEC-16", "BT-113", "Gezahlter Betrag", _total("prepaid", "BT-113"))
_decimal_rule("BR-DEC-17", "BT-114", "Rundungsbetrag", _total("rounding", "BT-114"))
_decimal_rule("BR-DEC-18", "BT-115", "Fälliger Zahlungsbetrag", _total("due", "BT-115"))
_decimal_rule(
    "BR-DEC-19",
    "BT-116",
    "Steuerbasisbetrag der Kategorie",
    lambda doc: (
        (f"BG-23[{n}]", v.taxable_amount) for n, v in enumerate(doc.vat_breakdown, start=1)
    ),
)
_decimal_rule(
    "BR-DEC-20",
    "BT-117",
    "Steuerbetrag der Kategorie",
    lambda doc: ((f"BG-23[{n}]", v.tax_amount) for n, v in enumerate(doc.vat_breakdown, start=1)),
)
_decimal_rule(
    "BR-DEC-23",
    "BT-131",
    "Nettobetrag der Rechnungsposition",
    lambda doc: ((loc, line.net_amount) for loc, line in indexed_lines(doc)),
)
_decimal_rule("BR-DEC-24", "BT-136", "Nachlass auf Positionsebene", _line_ac(False, "amount"))
_decimal_rule(
    "BR-DEC-25",
    "BT-137",
    "Grundbetrag des Nachlasses auf Positionsebene",
    _line_ac(False, "base_amount"),
)
_decimal_rule("BR-DEC-27", "BT-141", "Zuschlag auf Positionsebene", _line_ac(True, "amount"))
_decimal_rule(
    "BR-DEC-28",
    "BT-142",
    "Grundbetrag des Zuschlags auf Positionsebene",
    _line_ac(True, "base_amount"),
)
