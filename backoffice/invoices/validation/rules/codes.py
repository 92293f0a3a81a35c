"""EN 16931 code-list rules BR-CL-01 … BR-CL-26 and the extension variants BR-DEX-01/04…08.

The code lists are the official ones of the CEN schematron (:mod:`..data.codelists`). In the
XRechnung *extension* the ISO 6523 / EAS lists also accept the DiGA codes XR01–XR03 and
attachments may be ``application/xml``; those rules carry their own ids (BR-DEX-…) and replace
the CEN ones for extension documents.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...document.model import Identifier, InvoiceDocument
from ..data import codelists as cl
from ..profiles import is_cvd, is_extension, not_extension
from ..registry import XRECHNUNG, hit, rule
from ._util import allowances, charges, indexed_lines, line_label, norm

DIGA_CODES = frozenset({"XR01", "XR02", "XR03"})
EXT_ICD = cl.ICD_SCHEMES | DIGA_CODES
EXT_EAS = cl.EAS_SCHEMES | DIGA_CODES
EXT_MIME = cl.MIME_CODES | {"application/xml"}


def _bad(value: str, allowed: frozenset[str]) -> bool:
    """The schematron test: one token (no inner blank) out of the list."""
    code = norm(value)
    return " " in code or code not in allowed


def _not_in_list(value: str) -> str:
    return f"Angegeben: „{value}“."


# --- BT-3, BT-5, BT-6, BT-8 -----------------------------------------------------------------------
@rule(
    "BR-CL-01",
    terms=("BT-3",),
    text="Der Rechnungstyp-Code (BT-3) muss aus den rechnungs- und gutschriftbezogenen Codes der "
    "Liste UNTDID 1001 stammen.",
)
def type_code(doc: InvoiceDocument):
    code = norm(doc.type_code)
    if not code:
        return  # BR-04
    if doc.syntax == "UBL":
        allowed = cl.CREDIT_NOTE_TYPE_CODES if doc.kind == "CreditNote" else cl.INVOICE_TYPE_CODES
    else:
        allowed = cl.INVOICE_TYPE_CODES | cl.CREDIT_NOTE_TYPE_CODES
    if _bad(code, allowed):
        yield hit(_not_in_list(doc.type_code), location="BT-3")


@rule(
    "BR-CL-04",
    terms=("BT-5",),
    text="Der Währungscode der Rechnung (BT-5) muss nach ISO 4217 alpha-3 angegeben sein.",
)
def currency(doc: InvoiceDocument):
    if norm(doc.currency) and _bad(doc.currency, cl.CURRENCY_CODES):
        yield hit(_not_in_list(doc.currency), location="BT-5")


@rule(
    "BR-CL-05",
    terms=("BT-6",),
    text="Der Code der Umsatzsteuer-Buchungswährung (BT-6) muss nach ISO 4217 alpha-3 angegeben "
    "sein.",
)
def tax_currency(doc: InvoiceDocument):
    if norm(doc.tax_currency) and _bad(doc.tax_currency, cl.CURRENCY_CODES):
        yield hit(_not_in_list(doc.tax_currency), location="BT-6")


CII_TAX_POINT_DATE_CODES = frozenset({"5", "29", "72"})  # UNTDID 2475 subset of the CII binding


@rule(
    "BR-CL-06",
    terms=("BT-8",),
    text="Der Code für das Datum der Steuerfälligkeit (BT-8) muss aus einer Teilmenge der Liste "
    "UNTDID 2005 (UBL: 3, 35, 432) bzw. UNTDID 2475 (CII: 5, 29, 72) stammen.",
)
def tax_point_code(doc: InvoiceDocument):
    allowed = cl.TAX_POINT_DATE_CODES if doc.syntax == "UBL" else CII_TAX_POINT_DATE_CODES
    if norm(doc.tax_point_code) and _bad(doc.tax_point_code, allowed):
        yield hit(_not_in_list(doc.tax_point_code), location="BT-8")


@rule(
    "BR-CL-03",
    terms=("BT-5",),
    xml=True,
    text="Die Währungsangabe (currencyID) eines Betrags muss nach ISO 4217 alpha-3 angegeben sein.",
)
def currency_ids(doc: InvoiceDocument, root):
    for element in root.iter():
        value = element.get("currencyID") if isinstance(element.tag, str) else None
        if value is not None and _bad(value, cl.CURRENCY_CODES):
            name = element.tag.rsplit("}", 1)[-1]
            yield hit(f"Angegeben: „{value}“ bei {name}.", location=f"{name}/@currencyID")


# --- identifiers and their schemes ----------------------------------------------------------------
@rule(
    "BR-CL-07",
    terms=("BT-18",),
    text="Die Schemakennung der Objektkennung (BT-18, BT-128) muss aus der Liste UNTDID 1153 "
    "stammen.",
)
def object_id_scheme(doc: InvoiceDocument):
    ids: list[tuple[str, Identifier | None]] = [("BT-18", doc.object_id)]
    ids += [(f"{loc}/BT-128", line.object_id) for loc, line in indexed_lines(doc)]
    for location, ident in ids:
        if ident is not None and norm(ident.scheme) and _bad(ident.scheme, cl.OBJECT_ID_SCHEMES):
            yield hit(_not_in_list(ident.scheme), location=location)


@rule(
    "BR-CL-08",
    terms=("BT-21",),
    text="Der Betreff-Code einer Bemerkung (BT-21) muss aus der Liste UNTDID 4451 stammen.",
)
def note_subject(doc: InvoiceDocument):
    for number, note in enumerate(doc.notes, start=1):
        code = norm(note.subject_code)
        if code and len(code) == 3 and code not in cl.NOTE_SUBJECT_CODES:
            yield hit(_not_in_list(code), location=f"BG-1[{number}]")


def _party_identifiers(doc: InvoiceDocument) -> Iterator[tuple[str, Identifier, bool]]:
    """(location, identifier, SEPA allowed) for BT-29, BT-46, BT-60."""
    for number, ident in enumerate(doc.seller.identifiers, start=1):
        yield f"BT-29[{number}]", ident, True
    for number, ident in enumerate(doc.buyer.identifiers, start=1):
        yield f"BT-46[{number}]", ident, False
    if doc.payee is not None and doc.payee.identifier is not None:
        yield "BT-60", doc.payee.identifier, True


def _scheme_rule(
    rule_id: str, ext_id: str | None, term: str, text: str, ext_text: str, allowed, ext_allowed
):
    """Register the CEN rule (not for extension documents) and its BR-DEX twin (extension only)."""

    def make(codes, ext: bool):
        def check(doc: InvoiceDocument):
            for location, ident, sepa_ok in _IDS[rule_id](doc):
                scheme = norm(ident.scheme)
                if not scheme:
                    continue
                if sepa_ok is True and scheme == "SEPA":
                    continue
                if _bad(scheme, codes):
                    yield hit(_not_in_list(ident.scheme), location=location)

        check.__module__ = __name__
        check.__name__ = f"check_{(ext_id if ext else rule_id).replace('-', '_').lower()}"
        return check

    rule(rule_id, terms=(term,), text=text, when=not_extension if ext_id else None)(
        make(allowed, False)
    )
    if ext_id:
        rule(ext_id, terms=(term,), text=ext_text, when=is_extension, source=XRECHNUNG)(
            make(ext_allowed, True)
        )


def _legal_ids(doc: InvoiceDocument):
    for term, party in (("BT-30", doc.seller), ("BT-47", doc.buyer)):
        if party.legal_id is not None:
            yield term, party.legal_id, False
    if doc.payee is not None and doc.payee.legal_id is not None:
        yield "BT-61", doc.payee.legal_id, False


def _standard_ids(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        if line.standard_item_id is not None:
            yield f"{location}/BT-157", line.standard_item_id, False


def _endpoints(doc: InvoiceDocument):
    for term, party in (("BT-34", doc.seller), ("BT-49", doc.buyer)):
        if party.electronic_address is not None:
            yield term, party.electronic_address, False


def _delivery_location(doc: InvoiceDocument):
    if doc.delivery is not None and doc.delivery.location_id is not None:
        yield "BT-71", doc.delivery.location_id, False


_IDS = {
    "BR-CL-10": _party_identifiers,
    "BR-CL-11": _legal_ids,
    "BR-CL-21": _standard_ids,
    "BR-CL-25": _endpoints,
    "BR-CL-26": _delivery_location,
}
_ICD_TEXT = "muss aus der Liste ISO 6523 ICD stammen"
_EXT_ICD_TEXT = "muss aus der Liste ISO 6523 ICD (einschließlich XR01, XR02, XR03) stammen"

_scheme_rule(
    "BR-CL-10",
    "BR-DEX-04",
    "BT-29",
    f"Die Schemakennung einer Kennung (BT-29, BT-46, BT-60) {_ICD_TEXT}.",
    f"Die Schemakennung einer Kennung (BT-29, BT-46, BT-60) {_EXT_ICD_TEXT}.",
    cl.ICD_SCHEMES,
    EXT_ICD,
)
_scheme_rule(
    "BR-CL-11",
    "BR-DEX-05",
    "BT-30",
    f"Die Schemakennung einer Registernummer (BT-30, BT-47, BT-61) {_ICD_TEXT}.",
    f"Die Schemakennung einer Registernummer (BT-30, BT-47, BT-61) {_EXT_ICD_TEXT}.",
    cl.ICD_SCHEMES,
    EXT_ICD,
)
_scheme_rule(
    "BR-CL-21",
    "BR-DEX-06",
    "BT-157",
    f"Die Schemakennung der Artikelkennung nach registriertem Schema (BT-157) {_ICD_TEXT}.",
    f"Die Schemakennung der Artikelkennung nach registriertem Schema (BT-157) {_EXT_ICD_TEXT}.",
    cl.ICD_SCHEMES,
    EXT_ICD,
)
_scheme_rule(
    "BR-CL-25",
    "BR-DEX-07",
    "BT-34",
    "Die Schemakennung einer elektronischen Adresse (BT-34, BT-49) muss aus der Liste CEF EAS "
    "stammen.",
    "Die Schemakennung einer elektronischen Adresse (BT-34, BT-49) muss aus der Liste CEF EAS "
    "(einschließlich XR01, XR02, XR03) stammen.",
    cl.EAS_SCHEMES,
    EXT_EAS,
)
_scheme_rule(
    "BR-CL-26",
    "BR-DEX-08",
    "BT-71",
    f"Die Schemakennung der Kennung des Lieferorts (BT-71) {_ICD_TEXT}.",
    f"Die Schemakennung der Kennung des Lieferorts (BT-71) {_EXT_ICD_TEXT}.",
    cl.ICD_SCHEMES,
    EXT_ICD,
)


@rule(
    "BR-CL-13",
    terms=("BT-158",),
    when=lambda doc: not is_cvd(doc),
    text="Die Schemakennung der Artikelklassifizierung (BT-158) muss aus der Liste UNTDID 7143 "
    "stammen.",
    note="Nicht für XRechnung-CVD (dort BR-TMP-CVD-01).",
)
def classification_list(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        for number, ident in enumerate(line.classification_ids, start=1):
            if norm(ident.scheme) and _bad(ident.scheme, cl.ITEM_CLASSIFICATION_SCHEMES):
                yield hit(
                    f"{line_label(line, location)}: „{ident.scheme}“.",
                    location=f"{location}/BT-158[{number}]",
                )


# --- countries ------------------------------------------------------------------------------------
@rule(
    "BR-CL-14",
    terms=("BT-40",),
    text="Ländercodes in einer Rechnung (BT-40, BT-55, BT-69, BT-80) müssen nach ISO 3166-1 "
    "angegeben sein.",
)
def country_codes(doc: InvoiceDocument):
    places = (
        ("BT-40", doc.seller.address),
        ("BT-55", doc.buyer.address),
        ("BT-69", doc.tax_representative.address if doc.tax_representative else None),
        ("BT-80", doc.delivery.address if doc.delivery else None),
    )
    for term, address in places:
        if (
            address is not None
            and norm(address.country)
            and _bad(address.country, cl.COUNTRY_CODES)
        ):
            yield hit(_not_in_list(address.country), location=term, term=term)


@rule(
    "BR-CL-15",
    terms=("BT-159",),
    text="Der Ländercode des Artikelursprungs (BT-159) muss nach ISO 3166-1 angegeben sein.",
)
def origin_country(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        if norm(line.origin_country) and _bad(line.origin_country, cl.COUNTRY_CODES):
            yield hit(_not_in_list(line.origin_country), location=f"{location}/BT-159")


# --- payment, VAT, allowances -------------------------------------------------------------------
@rule(
    "BR-CL-16",
    terms=("BT-81",),
    text="Das Zahlungsmittel (BT-81) muss mit einem Code der Liste UNCL 4461 angegeben sein.",
)
def payment_means(doc: InvoiceDocument):
    for number, means in enumerate(doc.payment_means, start=1):
        if norm(means.code) and _bad(means.code, cl.PAYMENT_MEANS_CODES):
            yield hit(_not_in_list(means.code), location=f"BG-16[{number}]")


@rule(
    "BR-CL-17",
    terms=("BT-118",),
    text="Umsatzsteuer-Kategorien der Aufschlüsselung und der Nachlässe/Zuschläge (BT-118, BT-95, "
    "BT-102) müssen mit einem Code der Liste UNCL 5305 angegeben sein.",
)
def tax_categories(doc: InvoiceDocument):
    for number, vat in enumerate(doc.vat_breakdown, start=1):
        if norm(vat.category) and _bad(vat.category, cl.VAT_CATEGORY_CODES):
            yield hit(_not_in_list(vat.category), location=f"BG-23[{number}]")
    for group, items in (("BG-20", allowances(doc)), ("BG-21", charges(doc))):
        for number, ac in enumerate(items, start=1):
            if norm(ac.vat_category) and _bad(ac.vat_category, cl.VAT_CATEGORY_CODES):
                yield hit(_not_in_list(ac.vat_category), location=f"{group}[{number}]")


@rule(
    "BR-CL-18",
    terms=("BT-151",),
    text="Die Umsatzsteuer-Kategorie einer Rechnungsposition (BT-151) muss mit einem Code der "
    "Liste UNCL 5305 angegeben sein.",
)
def line_tax_categories(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        if norm(line.vat_category) and _bad(line.vat_category, cl.VAT_CATEGORY_CODES):
            yield hit(f"{line_label(line, location)}: „{line.vat_category}“.", location=location)


def _all_acs(doc: InvoiceDocument, charge: bool):
    group = "BG-21" if charge else "BG-20"
    items = charges(doc) if charge else allowances(doc)
    for number, ac in enumerate(items, start=1):
        yield f"{group}[{number}]", ac
    line_group = "BG-28" if charge else "BG-27"
    for location, line in indexed_lines(doc):
        own = [ac for ac in line.allowances_charges if ac.is_charge == charge]
        for number, ac in enumerate(own, start=1):
            yield f"{location}/{line_group}[{number}]", ac


@rule(
    "BR-CL-19",
    terms=("BT-98",),
    text="Codierte Gründe für Nachlässe (BT-98, BT-140) müssen aus der Liste UNCL 5189 stammen.",
)
def allowance_reasons(doc: InvoiceDocument):
    for location, ac in _all_acs(doc, charge=False):
        if norm(ac.reason_code) and _bad(ac.reason_code, cl.ALLOWANCE_REASON_CODES):
            yield hit(_not_in_list(ac.reason_code), location=location)


@rule(
    "BR-CL-20",
    terms=("BT-105",),
    text="Codierte Gründe für Zuschläge (BT-105, BT-145) müssen aus der Liste UNCL 7161 stammen.",
)
def charge_reasons(doc: InvoiceDocument):
    for location, ac in _all_acs(doc, charge=True):
        if norm(ac.reason_code) and _bad(ac.reason_code, cl.CHARGE_REASON_CODES):
            yield hit(_not_in_list(ac.reason_code), location=location)


@rule(
    "BR-CL-22",
    terms=("BT-121",),
    text="Der Code des Befreiungsgrunds (BT-121) muss aus der Liste CEF VATEX stammen.",
)
def vatex(doc: InvoiceDocument):
    for number, vat in enumerate(doc.vat_breakdown, start=1):
        code = norm(vat.exemption_reason_code)
        if code and _bad(code.upper(), cl.VATEX_CODES):
            yield hit(_not_in_list(vat.exemption_reason_code), location=f"BG-23[{number}]")


@rule(
    "BR-CL-23",
    terms=("BT-130",),
    text="Einheiten (BT-130, BT-150) müssen mit einem Code der UN/ECE-Empfehlungen 20 und 21 "
    "angegeben sein.",
)
def units(doc: InvoiceDocument):
    for location, line in indexed_lines(doc):
        for term, unit in (("BT-130", line.unit), ("BT-150", line.base_quantity_unit)):
            if norm(unit) and _bad(unit, cl.UNIT_CODES):
                yield hit(
                    f"{line_label(line, location)}: „{unit}“.",
                    location=f"{location}/{term}",
                    term=term,
                )


def _mime_findings(doc: InvoiceDocument, allowed: frozenset[str]):
    for number, attachment in enumerate(doc.attachments, start=1):
        if attachment.content is None and not attachment.mime_code:
            continue
        if attachment.mime_code not in allowed:
            yield hit(_not_in_list(attachment.mime_code), location=f"BG-24[{number}]")


@rule(
    "BR-CL-24",
    terms=("BT-125",),
    when=not_extension,
    text="Der MIME-Code eines angehängten Dokuments (BT-125) muss einer der zulässigen sein (PDF, "
    "PNG, JPEG, CSV, XLSX, ODS).",
)
def mime_codes(doc: InvoiceDocument):
    yield from _mime_findings(doc, cl.MIME_CODES)


@rule(
    "BR-DEX-01",
    terms=("BT-125",),
    when=is_extension,
    source=XRECHNUNG,
    text="Der MIME-Code eines angehängten Dokuments (BT-125) ist nicht zulässig; in der Extension "
    "ist zusätzlich zu PDF, PNG, JPEG, CSV, XLSX und ODS der Code application/xml erlaubt.",
)
def mime_codes_extension(doc: InvoiceDocument):
    yield from _mime_findings(doc, EXT_MIME)
