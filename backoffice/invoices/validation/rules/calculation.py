"""EN 16931 calculation and consistency rules BR-CO-… (decimals: :mod:`.decimals`).

All arithmetic is exact :class:`~decimal.Decimal` arithmetic. Where the CEN schematron rounds
(``round(x * 10 * 10) div 100``) we round the same way (:func:`._util.round2`, XPath half-up), so
that a sum is accepted here exactly when the official rule accepts it.
"""

from __future__ import annotations

from decimal import Decimal

from ...document.model import InvoiceDocument
from ..data.codelists import VAT_ID_PREFIXES
from ..profiles import is_extension
from ..registry import hit, rule
from ._util import (
    ZERO,
    allowances,
    blank,
    charges,
    fmt,
    indexed_allowances,
    indexed_charges,
    indexed_lines,
    line_label,
    norm,
    round2,
    total,
    xround,
)


def _mismatch(stated: Decimal | None, expected: Decimal) -> str:
    return f"Angegeben: {fmt(stated)}, berechnet: {fmt(expected)}."


# --- totals (BG-22) ---------------------------------------------------------------------------
@rule(
    "BR-CO-10",
    terms=("BT-106",),
    text="Die Summe der Nettobeträge der Rechnungspositionen (BT-106) muss der Summe aller "
    "Positions-Nettobeträge (BT-131) entsprechen.",
)
def line_total(doc: InvoiceDocument):
    stated = doc.totals.line_total
    if stated is None:
        return  # BR-12
    expected = round2(total(line.net_amount for line in doc.lines))
    if stated != expected:
        yield hit(_mismatch(stated, expected), location="BT-106")


@rule(
    "BR-CO-11",
    terms=("BT-107",),
    text="Die Summe der Nachlässe auf Dokumentebene (BT-107) muss der Summe aller Nachlassbeträge "
    "auf Dokumentebene (BT-92) entsprechen.",
)
def allowance_total(doc: InvoiceDocument):
    stated = doc.totals.allowance_total
    items = allowances(doc)
    if stated is None and not items:
        return
    expected = round2(total(ac.amount for ac in items))
    if stated != expected:
        yield hit(_mismatch(stated, expected), location="BT-107")


@rule(
    "BR-CO-12",
    terms=("BT-108",),
    text="Die Summe der Zuschläge auf Dokumentebene (BT-108) muss der Summe aller Zuschlagsbeträge "
    "auf Dokumentebene (BT-99) entsprechen.",
)
def charge_total(doc: InvoiceDocument):
    stated = doc.totals.charge_total
    items = charges(doc)
    if stated is None and not items:
        return
    expected = round2(total(ac.amount for ac in items))
    if stated != expected:
        yield hit(_mismatch(stated, expected), location="BT-108")


@rule(
    "BR-CO-13",
    terms=("BT-109",),
    text="Der Gesamtbetrag ohne Umsatzsteuer (BT-109) muss der Summe der Positions-Nettobeträge "
    "(BT-106) abzüglich der Nachlässe (BT-107) zuzüglich der Zuschläge (BT-108) auf Dokumentebene "
    "entsprechen.",
)
def without_vat(doc: InvoiceDocument):
    t = doc.totals
    if t.without_vat is None or t.line_total is None:
        return  # BR-12 / BR-13
    if t.allowance_total is None and t.charge_total is None:
        expected = t.line_total  # compared exactly, as in the schematron
    else:
        expected = round2(t.line_total - (t.allowance_total or ZERO) + (t.charge_total or ZERO))
    if t.without_vat != expected:
        yield hit(_mismatch(t.without_vat, expected), location="BT-109")


@rule(
    "BR-CO-14",
    terms=("BT-110",),
    text="Der Umsatzsteuer-Gesamtbetrag (BT-110) muss der Summe der Steuerbeträge der "
    "Umsatzsteuer-Kategorien (BT-117) entsprechen.",
)
def vat_total(doc: InvoiceDocument):
    stated = doc.totals.vat_total
    if stated is None or not doc.vat_breakdown:
        return
    expected = round2(total(vat.tax_amount for vat in doc.vat_breakdown))
    if stated != expected:
        yield hit(_mismatch(stated, expected), location="BT-110")


@rule(
    "BR-CO-15",
    terms=("BT-112",),
    text="Der Gesamtbetrag einschließlich Umsatzsteuer (BT-112) muss dem Gesamtbetrag ohne "
    "Umsatzsteuer (BT-109) zuzüglich des Umsatzsteuer-Gesamtbetrags (BT-110) entsprechen.",
)
def with_vat(doc: InvoiceDocument):
    t = doc.totals
    if t.with_vat is None or t.without_vat is None:
        return  # BR-13 / BR-14
    if t.vat_total is None:
        if doc.syntax == "CII" and t.with_vat == t.without_vat:
            return  # the CII binding accepts BT-112 = BT-109 without BT-110
        yield hit(
            "Der Umsatzsteuer-Gesamtbetrag in Rechnungswährung (BT-110) fehlt.", location="BT-110"
        )
        return
    expected = round2(t.without_vat + t.vat_total)
    if t.with_vat != expected:
        yield hit(_mismatch(t.with_vat, expected), location="BT-112")


def _due_ok(doc: InvoiceDocument) -> tuple[bool, Decimal]:
    """The four cases of the CEN BR-CO-16 assertion (UBL binding): (ok, expected BT-115)."""
    t = doc.totals
    if t.due is None or t.with_vat is None:  # the callers check both before
        return True, Decimal(0)
    if t.rounding is None:
        expected = t.with_vat if t.prepaid is None else round2(t.with_vat - t.prepaid)
        return t.due == expected, expected
    expected = round2(t.with_vat - (t.prepaid or ZERO))
    return round2(t.due - t.rounding) == expected, expected + t.rounding


@rule(
    "BR-CO-16",
    terms=("BT-115",),
    text="Der fällige Zahlungsbetrag (BT-115) muss dem Gesamtbetrag einschließlich Umsatzsteuer "
    "(BT-112) abzüglich des bereits gezahlten Betrags (BT-113) zuzüglich des Rundungsbetrags "
    "(BT-114) entsprechen.",
    note="Bei der XRechnung-Extension (UBL) ersetzt durch BR-DEX-09.",
)
def due(doc: InvoiceDocument):
    if doc.syntax == "UBL" and is_extension(doc):
        return  # replaced by BR-DEX-09
    t = doc.totals
    if t.due is None or t.with_vat is None:
        return  # BR-14 / BR-15
    ok, expected = _due_ok(doc)
    if not ok:
        yield hit(_mismatch(t.due, expected), location="BT-115")


@rule(
    "BR-DEX-09",
    terms=("BT-115",),
    syntax="UBL",
    when=is_extension,
    text="Der fällige Zahlungsbetrag (BT-115) muss dem Gesamtbetrag einschließlich Umsatzsteuer "
    "(BT-112) abzüglich des gezahlten Betrags (BT-113) zuzüglich des Rundungsbetrags (BT-114) "
    "zuzüglich der Summe der Zahlungen Dritter (BT-DEX-002) entsprechen.",
    source="XRechnung 3.0",
    note="Nur XRechnung-Extension; ersetzt BR-CO-16.",
)
def due_with_third_parties(doc: InvoiceDocument):
    t = doc.totals
    if t.due is None or t.with_vat is None:
        return
    third = total(p.amount for p in doc.third_party_payments)
    expected = round2(t.with_vat - (t.prepaid or ZERO) + third)
    if round2(t.due - (t.rounding or ZERO)) != expected:
        yield hit(_mismatch(t.due, expected + (t.rounding or ZERO)), location="BT-115")


# --- VAT ------------------------------------------------------------------------------------
@rule(
    "BR-CO-17",
    terms=("BT-117",),
    text="Der Steuerbetrag einer Umsatzsteuer-Kategorie (BT-117) muss dem Steuerbasisbetrag "
    "(BT-116) multipliziert mit dem Steuersatz (BT-119) / 100 entsprechen, auf zwei "
    "Nachkommastellen gerundet.",
)
def category_tax(doc: InvoiceDocument):
    for number, vat in enumerate(doc.vat_breakdown, start=1):
        tax = vat.tax_amount
        if tax is None or vat.taxable_amount is None:
            continue  # BR-45 / BR-46
        if vat.rate is None or xround(vat.rate) == ZERO:
            if xround(tax) != ZERO:
                yield hit(_mismatch(tax, ZERO), location=f"BG-23[{number}]")
            continue
        expected = round2(abs(vat.taxable_amount) * (vat.rate / 100))
        low, high = abs(tax) - 1, abs(tax) + 1
        inside = low <= expected <= high if doc.syntax == "CII" else low < expected < high
        if not inside:
            yield hit(_mismatch(tax, expected), location=f"BG-23[{number}]")


@rule(
    "BR-CO-18",
    terms=("BG-23",),
    text="Eine Rechnung muss mindestens eine Aufschlüsselung der Umsatzsteuer (BG-23) enthalten.",
)
def has_breakdown(doc: InvoiceDocument):
    if not doc.vat_breakdown:
        yield hit(location="BG-23")


@rule(
    "BR-CO-03",
    terms=("BT-7",),
    text="Das Datum der Steuerfälligkeit (BT-7) und der Code für das Datum der Steuerfälligkeit "
    "(BT-8) schließen sich gegenseitig aus.",
)
def tax_point(doc: InvoiceDocument):
    if doc.tax_point_date is not None and not blank(doc.tax_point_code):
        yield hit(location="BT-7")


@rule(
    "BR-CO-04",
    terms=("BT-151",),
    text="Jede Rechnungsposition (BG-25) muss mit einem Umsatzsteuer-Kategoriecode (BT-151) "
    "kategorisiert sein.",
)
def line_category(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        if blank(line.vat_category):
            yield hit(f"Betrifft {line_label(line, location)}.", location=location)


@rule(
    "BR-CO-09",
    terms=("BT-31",),
    text="Die Umsatzsteuer-Identifikationsnummern von Verkäufer (BT-31), Steuervertreter (BT-63) "
    "und Käufer (BT-48) müssen mit einem Ländercode nach ISO 3166-1 alpha-2 beginnen, der das "
    "ausgebende Land erkennen lässt; Griechenland darf „EL“ verwenden.",
)
def vat_id_prefix(doc: InvoiceDocument):
    ids = [("BT-31", doc.seller.vat_id), ("BT-48", doc.buyer.vat_id)]
    if doc.tax_representative is not None:
        ids.append(("BT-63", doc.tax_representative.vat_id))
    for term, value in ids:
        value = (value or "").strip()
        if value and value[:2] not in VAT_ID_PREFIXES:
            yield hit(f"„{value}“ beginnt nicht mit einem Ländercode.", location=term, term=term)


@rule(
    "BR-CO-19",
    terms=("BT-73",),
    text="Wird der Abrechnungszeitraum (BG-14) verwendet, muss sein Beginn (BT-73) oder sein Ende "
    "(BT-74) oder beides angegeben sein.",
)
def period_dates(doc: InvoiceDocument):
    period = doc.period
    if period is None or period.start or period.end:
        return
    if doc.syntax == "UBL" and not blank(doc.tax_point_code):
        return  # UBL: an InvoicePeriod holding only the tax point date code (BT-8) is fine
    yield hit(location="BG-14")


@rule(
    "BR-CO-20",
    terms=("BT-134",),
    text="Wird der Abrechnungszeitraum einer Position (BG-26) verwendet, muss sein Beginn "
    "(BT-134) oder sein Ende (BT-135) oder beides angegeben sein.",
)
def line_period_dates(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        period = line.period
        if period is not None and not period.start and not period.end:
            yield hit(f"Betrifft {line_label(line, location)}.", location=f"{location}/BG-26")


@rule(
    "BR-CO-21",
    terms=("BT-97",),
    text="Jeder Nachlass auf Dokumentebene (BG-20) muss einen Grund (BT-97) oder einen Grund-Code "
    "(BT-98) oder beides enthalten.",
)
def allowance_reason_either(doc: InvoiceDocument):
    for location, ac in indexed_allowances(doc):
        if blank(ac.reason) and blank(ac.reason_code):
            yield hit(location=location)


@rule(
    "BR-CO-22",
    terms=("BT-104",),
    text="Jeder Zuschlag auf Dokumentebene (BG-21) muss einen Grund (BT-104) oder einen Grund-Code "
    "(BT-105) oder beides enthalten.",
)
def charge_reason_either(doc: InvoiceDocument):
    for location, ac in indexed_charges(doc):
        if blank(ac.reason) and blank(ac.reason_code):
            yield hit(location=location)


@rule(
    "BR-CO-23",
    terms=("BT-139",),
    text="Jeder Nachlass auf Positionsebene (BG-27) muss einen Grund (BT-139) oder einen "
    "Grund-Code (BT-140) oder beides enthalten.",
)
def line_allowance_reason_either(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        items = [ac for ac in line.allowances_charges if not ac.is_charge]
        for number, ac in enumerate(items, start=1):
            if blank(ac.reason) and blank(ac.reason_code):
                yield hit(
                    f"Betrifft {line_label(line, location)}.",
                    location=f"{location}/BG-27[{number}]",
                )


@rule(
    "BR-CO-24",
    terms=("BT-144",),
    text="Jeder Zuschlag auf Positionsebene (BG-28) muss einen Grund (BT-144) oder einen "
    "Grund-Code (BT-145) oder beides enthalten.",
)
def line_charge_reason_either(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        items = [ac for ac in line.allowances_charges if ac.is_charge]
        for number, ac in enumerate(items, start=1):
            if blank(ac.reason) and blank(ac.reason_code):
                yield hit(
                    f"Betrifft {line_label(line, location)}.",
                    location=f"{location}/BG-28[{number}]",
                )


@rule(
    "BR-CO-26",
    terms=("BT-29",),
    text="Damit der Käufer den Verkäufer automatisch erkennen kann, muss die Kennung des "
    "Verkäufers (BT-29), seine Registernummer (BT-30) und/oder seine "
    "Umsatzsteuer-Identifikationsnummer (BT-31) angegeben sein.",
)
def seller_identified(doc: InvoiceDocument):
    seller = doc.seller
    ids = [i for i in seller.identifiers if i.value and norm(i.scheme) != "SEPA"]
    has_legal = seller.legal_id is not None and not blank(seller.legal_id.value)
    if not (ids or has_legal or not blank(seller.vat_id)):
        yield hit(location="BG-4")
