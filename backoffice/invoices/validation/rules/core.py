"""EN 16931 core rules BR-01 … BR-65 (presence and plausibility of business terms).

Line, period and allowance/charge rules live in :mod:`.lines`.

German texts translate the official CEN rule texts. Each function mirrors the assertion of
the CEN schematron (``EN16931-UBL-validation.xslt`` 1.3.16; CII likewise) on the normalised
model, so that a document fails here exactly when it fails there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ...document.model import Address, InvoiceDocument
from ..registry import hit, rule
from ._util import blank, norm


# --- document level: required terms ------------------------------------------------------------
def _required(
    rule_id: str, term: str, text: str, present: Callable[[InvoiceDocument], bool]
) -> None:
    def check(doc: InvoiceDocument) -> Iterator[str]:
        if not present(doc):
            yield ""

    check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
    check.__module__ = __name__
    rule(rule_id, terms=(term,), text=text)(check)


_required(
    "BR-01",
    "BT-24",
    "Eine Rechnung muss eine Spezifikationskennung (BT-24) enthalten.",
    lambda d: not blank(d.specification_id),
)
_required(
    "BR-02",
    "BT-1",
    "Eine Rechnung muss eine Rechnungsnummer (BT-1) enthalten.",
    lambda d: not blank(d.number),
)
_required(
    "BR-03",
    "BT-2",
    "Eine Rechnung muss ein Rechnungsdatum (BT-2) enthalten.",
    lambda d: d.issue_date is not None or any(u.term == "BT-2" for u in d.unreadable),
)
_required(
    "BR-04",
    "BT-3",
    "Eine Rechnung muss einen Rechnungstyp-Code (BT-3) enthalten.",
    lambda d: not blank(d.type_code),
)
_required(
    "BR-05",
    "BT-5",
    "Eine Rechnung muss einen Währungscode (BT-5) enthalten.",
    lambda d: not blank(d.currency),
)
_required(
    "BR-06",
    "BT-27",
    "Eine Rechnung muss den Namen des Verkäufers (BT-27) enthalten.",
    lambda d: not blank(d.seller.name),
)
_required(
    "BR-07",
    "BT-44",
    "Eine Rechnung muss den Namen des Käufers (BT-44) enthalten.",
    lambda d: not blank(d.buyer.name),
)
_required(
    "BR-08",
    "BG-5",
    "Eine Rechnung muss die Postanschrift des Verkäufers (BG-5) enthalten.",
    lambda d: d.seller.address is not None,
)
_required(
    "BR-10",
    "BG-8",
    "Eine Rechnung muss die Postanschrift des Käufers (BG-8) enthalten.",
    lambda d: d.buyer.address is not None,
)
_required(
    "BR-12",
    "BT-106",
    "Eine Rechnung muss die Summe der Nettobeträge der Rechnungspositionen (BT-106) enthalten.",
    lambda d: d.totals.line_total is not None,
)
_required(
    "BR-13",
    "BT-109",
    "Eine Rechnung muss den Gesamtbetrag ohne Umsatzsteuer (BT-109) enthalten.",
    lambda d: d.totals.without_vat is not None,
)
_required(
    "BR-14",
    "BT-112",
    "Eine Rechnung muss den Gesamtbetrag einschließlich Umsatzsteuer (BT-112) enthalten.",
    lambda d: d.totals.with_vat is not None,
)
_required(
    "BR-15",
    "BT-115",
    "Eine Rechnung muss den fälligen Zahlungsbetrag (BT-115) enthalten.",
    lambda d: d.totals.due is not None,
)
_required(
    "BR-16",
    "BG-25",
    "Eine Rechnung muss mindestens eine Rechnungsposition (BG-25) enthalten.",
    lambda d: bool(d.lines),
)


def _country_missing(address: Address | None) -> bool:
    return address is not None and blank(address.country)


@rule(
    "BR-09",
    terms=("BT-40",),
    text="Die Postanschrift des Verkäufers (BG-5) muss einen Ländercode (BT-40) enthalten.",
)
def seller_country(doc: InvoiceDocument):
    if _country_missing(doc.seller.address):
        yield hit(location="BG-5")


@rule(
    "BR-11",
    terms=("BT-55",),
    text="Die Postanschrift des Käufers (BG-8) muss einen Ländercode (BT-55) enthalten.",
)
def buyer_country(doc: InvoiceDocument):
    if _country_missing(doc.buyer.address):
        yield hit(location="BG-8")


# --- payee, tax representative ------------------------------------------------------------------
@rule(
    "BR-17",
    terms=("BT-59",),
    text="Der Name des Zahlungsempfängers (BT-59) muss angegeben sein, wenn der Zahlungsempfänger "
    "(BG-10) ein anderer als der Verkäufer (BG-4) ist.",
)
def payee_name(doc: InvoiceDocument):
    payee = doc.payee
    if payee is None:
        return
    if blank(payee.name):
        yield hit("Der Name fehlt.", location="BG-10")
        return
    if payee.name == doc.seller.name:
        yield hit(
            "Der Zahlungsempfänger trägt denselben Namen wie der Verkäufer.", location="BG-10"
        )
        return
    seller_ids = {i.value for i in doc.seller.identifiers if i.value}
    if payee.identifier and payee.identifier.value in seller_ids:
        yield hit("Der Zahlungsempfänger hat dieselbe Kennung wie der Verkäufer.", location="BG-10")
        return
    if (
        doc.syntax == "CII"
        and payee.legal_id
        and doc.seller.legal_id
        and payee.legal_id.value
        and payee.legal_id.value == doc.seller.legal_id.value
    ):
        yield hit(
            "Der Zahlungsempfänger hat dieselbe Registernummer wie der Verkäufer.", location="BG-10"
        )


@rule(
    "BR-18",
    terms=("BT-62",),
    text="Der Name des Steuervertreters des Verkäufers (BT-62) muss angegeben sein, wenn der "
    "Verkäufer einen Steuervertreter (BG-11) hat.",
)
def tax_rep_name(doc: InvoiceDocument):
    if doc.tax_representative is not None and blank(doc.tax_representative.name):
        yield hit(location="BG-11")


@rule(
    "BR-19",
    terms=("BG-12",),
    text="Die Postanschrift des Steuervertreters (BG-12) muss angegeben sein, wenn der Verkäufer "
    "einen Steuervertreter (BG-11) hat.",
)
def tax_rep_address(doc: InvoiceDocument):
    if doc.tax_representative is not None and doc.tax_representative.address is None:
        yield hit(location="BG-11")


@rule(
    "BR-20",
    terms=("BT-69",),
    text="Die Postanschrift des Steuervertreters (BG-12) muss einen Ländercode (BT-69) enthalten, "
    "wenn der Verkäufer einen Steuervertreter (BG-11) hat.",
)
def tax_rep_country(doc: InvoiceDocument):
    if doc.tax_representative is not None and _country_missing(doc.tax_representative.address):
        yield hit(location="BG-12")


@rule(
    "BR-56",
    terms=("BT-63",),
    text="Jeder Steuervertreter des Verkäufers (BG-11) muss eine "
    "Umsatzsteuer-Identifikationsnummer (BT-63) haben.",
)
def tax_rep_vat_id(doc: InvoiceDocument):
    if doc.tax_representative is not None and blank(doc.tax_representative.vat_id):
        yield hit(location="BG-11")


# --- VAT breakdown ----------------------------------------------------------------------------
def _breakdowns(doc: InvoiceDocument):
    for number, vat in enumerate(doc.vat_breakdown, start=1):
        yield f"BG-23[{number}]", vat


@rule(
    "BR-45",
    terms=("BT-116",),
    text="Jede Aufschlüsselung der Umsatzsteuer (BG-23) muss einen Steuerbasisbetrag der "
    "Kategorie (BT-116) haben.",
)
def vat_taxable(doc: InvoiceDocument):
    for location, vat in _breakdowns(doc):
        if vat.taxable_amount is None:
            yield hit(location=location)


@rule(
    "BR-46",
    terms=("BT-117",),
    text="Jede Aufschlüsselung der Umsatzsteuer (BG-23) muss einen Steuerbetrag der Kategorie "
    "(BT-117) haben.",
)
def vat_amount(doc: InvoiceDocument):
    for location, vat in _breakdowns(doc):
        if vat.tax_amount is None:
            yield hit(location=location)


@rule(
    "BR-47",
    terms=("BT-118",),
    text="Jede Aufschlüsselung der Umsatzsteuer (BG-23) muss durch einen "
    "Umsatzsteuer-Kategoriecode (BT-118) bestimmt sein.",
)
def vat_category(doc: InvoiceDocument):
    for location, vat in _breakdowns(doc):
        if blank(vat.category):
            yield hit(location=location)


@rule(
    "BR-48",
    terms=("BT-119",),
    text="Jede Aufschlüsselung der Umsatzsteuer (BG-23) muss einen Umsatzsteuersatz (BT-119) "
    "haben, außer die Rechnung unterliegt nicht der Umsatzsteuer.",
)
def vat_rate(doc: InvoiceDocument):
    for location, vat in _breakdowns(doc):
        if vat.rate is None and norm(vat.category) != "O":
            yield hit(location=location)


@rule(
    "BR-53",
    terms=("BT-111",),
    text="Ist ein Code für die Umsatzsteuer-Buchungswährung (BT-6) angegeben, muss der "
    "Umsatzsteuer-Gesamtbetrag in dieser Währung (BT-111) angegeben sein.",
)
def tax_currency_total(doc: InvoiceDocument):
    if not blank(doc.tax_currency) and doc.totals.vat_total_tax_currency is None:
        yield hit(location="BG-22")


# --- payment ----------------------------------------------------------------------------------
def _means(doc: InvoiceDocument):
    for number, means in enumerate(doc.payment_means, start=1):
        yield f"BG-16[{number}]", means


@rule(
    "BR-49",
    terms=("BT-81",),
    text="Jede Zahlungsanweisung (BG-16) muss den Code für das Zahlungsmittel (BT-81) angeben.",
)
def payment_means_code(doc: InvoiceDocument):
    for location, means in _means(doc):
        if blank(means.code):
            yield hit(location=location)


@rule(
    "BR-50",
    terms=("BT-84",),
    text="Die Kennung des Zahlungskontos (BT-84) muss angegeben sein, wenn die Rechnung Angaben "
    "zur Überweisung (BG-17) enthält.",
)
def transfer_account(doc: InvoiceDocument):
    for location, means in _means(doc):
        if norm(means.code) not in {"30", "58"}:
            continue
        for number, transfer in enumerate(means.transfers, start=1):
            if blank(transfer.account_id):
                yield hit(location=f"{location}/BG-17[{number}]")


@rule(
    "BR-51",
    "warning",
    terms=("BT-87",),
    text="Gemäß den Sicherheitsstandards für Kartenzahlungen soll eine Rechnung nie die "
    "vollständige Kartennummer (BT-87) enthalten; derzeit dürfen höchstens die ersten 6 und die "
    "letzten 4 Ziffern erscheinen.",
)
def card_number(doc: InvoiceDocument):
    for location, means in _means(doc):
        if means.card is not None and len(norm(means.card.account_number)) > 10:
            yield hit(location=f"{location}/BG-18")


@rule(
    "BR-61",
    terms=("BT-84",),
    text="Bedeutet der Code für das Zahlungsmittel (BT-81) SEPA-Überweisung, inländische "
    "Überweisung oder Auslandsüberweisung (30, 58), muss die Kennung des Zahlungskontos (BT-84) "
    "angegeben sein.",
)
def transfer_account_required(doc: InvoiceDocument):
    for location, means in _means(doc):
        if norm(means.code) in {"30", "58"} and not any(t.account_id for t in means.transfers):
            yield hit(location=location)


# --- other groups -----------------------------------------------------------------------------
@rule(
    "BR-52",
    terms=("BT-122",),
    text="Jedes rechnungsbegründende Dokument (BG-24) muss eine Kennung (BT-122) haben.",
)
def attachment_id(doc: InvoiceDocument):
    for number, attachment in enumerate(doc.attachments, start=1):
        if blank(attachment.id):
            yield hit(location=f"BG-24[{number}]")


@rule(
    "BR-55",
    terms=("BT-25",),
    text="Jeder Verweis auf eine vorausgegangene Rechnung (BG-3) muss deren Nummer (BT-25) "
    "enthalten.",
)
def preceding_invoice(doc: InvoiceDocument):
    for number, preceding in enumerate(doc.preceding_invoices, start=1):
        if blank(preceding.reference):
            yield hit(location=f"BG-3[{number}]")


@rule(
    "BR-57",
    terms=("BT-80",),
    text="Jede Lieferanschrift (BG-15) muss einen Ländercode (BT-80) enthalten.",
)
def delivery_country(doc: InvoiceDocument):
    if doc.delivery is not None and _country_missing(doc.delivery.address):
        yield hit(location="BG-15")


@rule(
    "BR-62",
    terms=("BT-34",),
    text="Die elektronische Adresse des Verkäufers (BT-34) muss eine Schemakennung haben.",
)
def seller_endpoint_scheme(doc: InvoiceDocument):
    address = doc.seller.electronic_address
    if address is not None and blank(address.scheme):
        yield hit(location="BT-34")


@rule(
    "BR-63",
    terms=("BT-49",),
    text="Die elektronische Adresse des Käufers (BT-49) muss eine Schemakennung haben.",
)
def buyer_endpoint_scheme(doc: InvoiceDocument):
    address = doc.buyer.electronic_address
    if address is not None and blank(address.scheme):
        yield hit(location="BT-49")


# --- values the reader could not understand ------------------------------------------------
@rule(
    "WERT-UNLESBAR",
    source="re@di-Portal",
    text="Ein Wert der Rechnung ist nicht lesbar.",
    note="Werte, die das Lesemodul nicht verstehen konnte (z. B. Datum „2026-13-40“, Betrag "
    "„12,5“).",
)
def unreadable_values(doc: InvoiceDocument):
    for item in doc.unreadable:
        yield hit(
            message=item.message or f"Der Wert „{item.raw}“ ({item.term}) ist nicht lesbar.",
            term=item.term,
            location=f"{item.term}:{item.raw}",
        )
