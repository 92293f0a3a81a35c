"""EN 16931 core rules for invoice lines (BG-25), periods (BG-14, BG-26), item details and
allowances/charges (BG-20, BG-21, BG-27, BG-28): BR-21 … BR-44, BR-54, BR-64, BR-65.

Like :mod:`.core`, each function mirrors the assertion of the CEN schematron on the model.
"""

from __future__ import annotations

from collections.abc import Callable

from ...document.model import InvoiceDocument
from ..registry import hit, rule
from ._util import ZERO, blank, indexed_allowances, indexed_charges, indexed_lines, line_label


# --- lines ------------------------------------------------------------------------------------
def _line_rule(rule_id: str, term: str, text: str, broken: Callable) -> None:
    def check(doc: InvoiceDocument):
        for location, line in indexed_lines(doc):
            if broken(line):
                yield hit(f"Betrifft {line_label(line, location)}.", location=location)

    check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
    check.__module__ = __name__
    rule(rule_id, terms=(term,), text=text)(check)


_line_rule(
    "BR-21",
    "BT-126",
    "Jede Rechnungsposition (BG-25) muss eine Positionskennung (BT-126) haben.",
    lambda line: blank(line.id),
)
_line_rule(
    "BR-22",
    "BT-129",
    "Jede Rechnungsposition (BG-25) muss eine in Rechnung gestellte Menge (BT-129) haben.",
    lambda line: line.quantity is None,
)
_line_rule(
    "BR-23",
    "BT-130",
    "Jede Rechnungsposition (BG-25) muss eine Einheit der Menge (BT-130) haben.",
    lambda line: blank(line.unit),
)
_line_rule(
    "BR-24",
    "BT-131",
    "Jede Rechnungsposition (BG-25) muss einen Nettobetrag (BT-131) haben.",
    lambda line: line.net_amount is None,
)
_line_rule(
    "BR-25",
    "BT-153",
    "Jede Rechnungsposition (BG-25) muss den Namen des Artikels (BT-153) enthalten.",
    lambda line: blank(line.name),
)
_line_rule(
    "BR-26",
    "BT-146",
    "Jede Rechnungsposition (BG-25) muss den Nettopreis des Artikels (BT-146) enthalten.",
    lambda line: line.price is None,
)
_line_rule(
    "BR-27",
    "BT-146",
    "Der Nettopreis des Artikels (BT-146) darf nicht negativ sein.",
    lambda line: line.price is None or line.price < ZERO,
)
_line_rule(
    "BR-28",
    "BT-148",
    "Der Bruttopreis des Artikels (BT-148) darf nicht negativ sein.",
    lambda line: line.gross_price is not None and line.gross_price < ZERO,
)


@rule(
    "BR-30",
    terms=("BT-135",),
    text="Sind Beginn (BT-134) und Ende (BT-135) des Abrechnungszeitraums einer Position "
    "angegeben, darf das Ende nicht vor dem Beginn liegen.",
)
def line_period_order(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        period = line.period
        if period and period.start and period.end and period.end < period.start:
            yield hit(f"Betrifft {line_label(line, location)}.", location=f"{location}/BG-26")


@rule(
    "BR-29",
    terms=("BT-74",),
    text="Sind Beginn (BT-73) und Ende (BT-74) des Abrechnungszeitraums angegeben, darf das Ende "
    "nicht vor dem Beginn liegen.",
)
def period_order(doc: InvoiceDocument):
    period = doc.period
    if period and period.start and period.end and period.end < period.start:
        yield hit(location="BG-14")


@rule(
    "BR-54",
    terms=("BT-160",),
    text="Jede Artikeleigenschaft (BG-32) muss einen Namen (BT-160) und einen Wert (BT-161) "
    "enthalten.",
)
def item_attributes(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        for number, attribute in enumerate(line.attributes, start=1):
            if blank(attribute.name) or blank(attribute.value):
                yield hit(
                    f"Betrifft {line_label(line, location)}.",
                    location=f"{location}/BG-32[{number}]",
                )


@rule(
    "BR-64",
    terms=("BT-157",),
    text="Die Artikelkennung nach registriertem Schema (BT-157) muss eine Schemakennung haben.",
)
def standard_item_scheme(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        ident = line.standard_item_id
        if ident is not None and blank(ident.scheme):
            yield hit(f"Betrifft {line_label(line, location)}.", location=f"{location}/BT-157")


@rule(
    "BR-65",
    terms=("BT-158",),
    text="Die Artikelklassifizierung (BT-158) muss eine Schemakennung haben.",
)
def classification_scheme(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        for number, ident in enumerate(line.classification_ids, start=1):
            if blank(ident.scheme):
                yield hit(
                    f"Betrifft {line_label(line, location)}.",
                    location=f"{location}/BT-158[{number}]",
                )


# --- allowances and charges -------------------------------------------------------------------
@rule(
    "BR-31",
    terms=("BT-92",),
    text="Jeder Nachlass auf Dokumentebene (BG-20) muss einen Betrag (BT-92) haben.",
)
def allowance_amount(doc: InvoiceDocument):
    for location, ac in indexed_allowances(doc):
        if ac.amount is None:
            yield hit(location=location)


@rule(
    "BR-32",
    terms=("BT-95",),
    text="Jeder Nachlass auf Dokumentebene (BG-20) muss einen Umsatzsteuer-Kategoriecode (BT-95) "
    "haben.",
)
def allowance_category(doc: InvoiceDocument):
    for location, ac in indexed_allowances(doc):
        if blank(ac.vat_category):
            yield hit(location=location)


@rule(
    "BR-33",
    terms=("BT-97",),
    text="Jeder Nachlass auf Dokumentebene (BG-20) muss einen Grund (BT-97) oder einen Grund-Code "
    "(BT-98) haben.",
)
def allowance_reason(doc: InvoiceDocument):
    for location, ac in indexed_allowances(doc):
        if blank(ac.reason) and blank(ac.reason_code):
            yield hit(location=location)


@rule(
    "BR-36",
    terms=("BT-99",),
    text="Jeder Zuschlag auf Dokumentebene (BG-21) muss einen Betrag (BT-99) haben.",
)
def charge_amount(doc: InvoiceDocument):
    for location, ac in indexed_charges(doc):
        if ac.amount is None:
            yield hit(location=location)


@rule(
    "BR-37",
    terms=("BT-102",),
    text="Jeder Zuschlag auf Dokumentebene (BG-21) muss einen Umsatzsteuer-Kategoriecode (BT-102) "
    "haben.",
)
def charge_category(doc: InvoiceDocument):
    for location, ac in indexed_charges(doc):
        if blank(ac.vat_category):
            yield hit(location=location)


@rule(
    "BR-38",
    terms=("BT-104",),
    text="Jeder Zuschlag auf Dokumentebene (BG-21) muss einen Grund (BT-104) oder einen "
    "Grund-Code (BT-105) haben.",
)
def charge_reason(doc: InvoiceDocument):
    for location, ac in indexed_charges(doc):
        if blank(ac.reason) and blank(ac.reason_code):
            yield hit(location=location)


def _line_allowances(doc: InvoiceDocument, charge: bool):
    for location, line in indexed_lines(doc):
        items = [ac for ac in line.allowances_charges if ac.is_charge == charge]
        group = "BG-28" if charge else "BG-27"
        for number, ac in enumerate(items, start=1):
            yield f"{location}/{group}[{number}]", line, location, ac


@rule(
    "BR-41",
    terms=("BT-136",),
    text="Jeder Nachlass auf Positionsebene (BG-27) muss einen Betrag (BT-136) haben.",
)
def line_allowance_amount(doc: InvoiceDocument):
    for place, line, location, ac in _line_allowances(doc, charge=False):
        if ac.amount is None:
            yield hit(f"Betrifft {line_label(line, location)}.", location=place)


@rule(
    "BR-42",
    terms=("BT-139",),
    text="Jeder Nachlass auf Positionsebene (BG-27) muss einen Grund (BT-139) oder einen "
    "Grund-Code (BT-140) haben.",
)
def line_allowance_reason(doc: InvoiceDocument):
    for place, line, location, ac in _line_allowances(doc, charge=False):
        if blank(ac.reason) and blank(ac.reason_code):
            yield hit(f"Betrifft {line_label(line, location)}.", location=place)


@rule(
    "BR-43",
    terms=("BT-141",),
    text="Jeder Zuschlag auf Positionsebene (BG-28) muss einen Betrag (BT-141) haben.",
)
def line_charge_amount(doc: InvoiceDocument):
    for place, line, location, ac in _line_allowances(doc, charge=True):
        if ac.amount is None:
            yield hit(f"Betrifft {line_label(line, location)}.", location=place)


@rule(
    "BR-44",
    terms=("BT-144",),
    text="Jeder Zuschlag auf Positionsebene (BG-28) muss einen Grund (BT-144) oder einen "
    "Grund-Code (BT-145) haben.",
)
def line_charge_reason(doc: InvoiceDocument):
    for place, line, location, ac in _line_allowances(doc, charge=True):
        if blank(ac.reason) and blank(ac.reason_code):
            yield hit(f"Betrifft {line_label(line, location)}.", location=place)
