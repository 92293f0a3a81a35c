"""Code-list rules BR-CL-… (lists taken verbatim from the CEN schematron) and their XRechnung
extension variants BR-DEX-01/04…08: a valid document each rule accepts, a broken one it reports."""

from __future__ import annotations

import pycountry
import pytest

from backoffice.invoices.document.model import Attachment, Delivery, Identifier, InvoiceDocument
from backoffice.invoices.validation.data import codelists as cl
from tests.invoices.variants import (
    RICH_UBL,
    SIMPLE_UBL,
    VARIANTS,
    change,
    check_case,
    fired,
    read,
    suite_document,
)

EXTENSION_UBL = "04.01a-INVOICE_ubl.xml"


def extension_document() -> InvoiceDocument:
    """An extension invoice using what only the extension allows: XR01… schemes, XML attachment."""
    doc = suite_document(EXTENSION_UBL)
    doc.seller.identifiers = [Identifier("4711", "XR01")]
    doc.seller.legal_id = Identifier("HRB 1", "XR02")
    doc.seller.electronic_address = Identifier("seller@example.org", "XR03")
    doc.lines[0].standard_item_id = Identifier("1234", "XR01")
    doc.delivery = Delivery(location_id=Identifier("L1", "XR02"))
    doc.attachments = [
        Attachment(id="A1", content=b"<a/>", mime_code="application/xml", filename="a.xml")
    ]
    return doc


CASES = {
    "BR-CL-01": (RICH_UBL, change("type_code", "999")),
    "BR-CL-04": (RICH_UBL, change("currency", "EUX")),
    "BR-CL-05": (RICH_UBL, change("tax_currency", "ABC")),
    "BR-CL-06": (SIMPLE_UBL, change("tax_point_code", "99")),
    "BR-CL-07": (RICH_UBL, change("lines.0.object_id.scheme", "QQQQ")),
    "BR-CL-08": (RICH_UBL, change("notes.0.subject_code", "XYZ")),
    "BR-CL-10": (RICH_UBL, change("buyer.identifiers", [Identifier("4711", "9999")])),
    "BR-CL-11": (RICH_UBL, change("seller.legal_id", Identifier("HRB 1", "9999"))),
    "BR-CL-13": (RICH_UBL, change("lines.0.classification_ids.0.scheme", "Q9")),
    "BR-CL-14": (RICH_UBL, change("seller.address.country", "XX")),
    "BR-CL-15": (RICH_UBL, change("lines.0.origin_country", "XX")),
    "BR-CL-16": (RICH_UBL, change("payment_means.0.code", "999")),
    "BR-CL-17": (RICH_UBL, change("vat_breakdown.0.category", "X")),
    "BR-CL-18": (RICH_UBL, change("lines.0.vat_category", "X")),
    "BR-CL-19": (RICH_UBL, change("allowances_charges.2.reason_code", "999")),
    "BR-CL-20": (RICH_UBL, change("allowances_charges.0.reason_code", "ZZ9")),
    "BR-CL-21": (RICH_UBL, change("lines.0.standard_item_id.scheme", "9999")),
    "BR-CL-22": (RICH_UBL, change("vat_breakdown.1.exemption_reason_code", "VATEX-XX-1")),
    "BR-CL-23": (RICH_UBL, change("lines.0.unit", "XYZ1")),
    "BR-CL-24": (RICH_UBL, change("attachments.0.mime_code", "application/zip")),
    "BR-CL-25": (RICH_UBL, change("seller.electronic_address.scheme", "XXXX")),
    "BR-CL-26": (RICH_UBL, change("delivery.location_id.scheme", "9999")),
    "BR-DEX-01": (extension_document, change("attachments.0.mime_code", "application/zip")),
    "BR-DEX-04": (extension_document, change("seller.identifiers.0.scheme", "XR09")),
    "BR-DEX-05": (extension_document, change("seller.legal_id.scheme", "XR09")),
    "BR-DEX-06": (extension_document, change("lines.0.standard_item_id.scheme", "XR09")),
    "BR-DEX-07": (extension_document, change("seller.electronic_address.scheme", "XR09")),
    "BR-DEX-08": (extension_document, change("delivery.location_id.scheme", "XR09")),
}

# rules that read the XML itself (every currencyID attribute): checked with real variants
XML_CASES = {"BR-CL-03": "currencyID unknown"}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id):
    base, breaker = CASES[rule_id]
    check_case(rule_id, base, breaker)


@pytest.mark.parametrize("syntax", ["UBL", "CII"])
def test_currency_id_of_every_amount(syntax):
    variant = VARIANTS[XML_CASES["BR-CL-03"]]
    result = read(variant.xml(syntax))
    (finding,) = fired(result.document, result.root)["BR-CL-03"]
    assert "EUX" in finding.message
    valid = read(variant.xml(syntax).replace(b'currencyID="EUX"', b'currencyID="EUR"'))
    assert "BR-CL-03" not in fired(valid.document, valid.root)


def test_extension_schemes_are_not_reported_by_the_cen_rules():
    found = fired(extension_document())
    assert not {"BR-CL-10", "BR-CL-11", "BR-CL-21", "BR-CL-24", "BR-CL-25", "BR-CL-26"} & set(found)


def test_xr_schemes_are_rejected_outside_the_extension():
    doc = suite_document(RICH_UBL)
    doc.seller.identifiers = [Identifier("4711", "XR01")]
    assert "BR-CL-10" in fired(doc)


def test_sepa_scheme_allowed_for_seller_but_not_for_buyer():
    doc = suite_document(RICH_UBL)
    doc.seller.identifiers = [Identifier("DE98ZZZ09999999999", "SEPA")]
    assert "BR-CL-10" not in fired(doc)
    doc.buyer.identifiers = [Identifier("DE98ZZZ09999999999", "SEPA")]
    assert "BR-CL-10" in fired(doc)


def test_credit_note_type_codes_in_ubl():
    doc = suite_document(SIMPLE_UBL)
    doc.kind = "CreditNote"
    doc.type_code = "381"
    assert "BR-CL-01" not in fired(doc)
    doc.type_code = "380"  # an invoice code in a UBL CreditNote
    assert "BR-CL-01" in fired(doc)


def test_cii_accepts_invoice_and_credit_note_codes():
    doc = suite_document("01.01a-INVOICE_uncefact.xml")
    doc.type_code = "381"
    assert "BR-CL-01" not in fired(doc)


def test_tax_point_code_lists_differ_per_syntax():
    """BT-8: UBL uses UNTDID 2005 (3, 35, 432), CII UNTDID 2475 (5, 29, 72)."""
    ubl = suite_document(SIMPLE_UBL)
    ubl.tax_point_code = "5"
    assert "BR-CL-06" in fired(ubl)
    cii = suite_document("01.01a-INVOICE_uncefact.xml")
    cii.tax_point_code = "5"
    assert "BR-CL-06" not in fired(cii)


def test_vatex_codes_are_case_insensitive():
    doc = suite_document(RICH_UBL)
    doc.vat_breakdown[1].exemption_reason_code = "vatex-eu-132-1a"
    assert "BR-CL-22" not in fired(doc)


def test_code_lists_agree_with_iso_via_pycountry():
    """The CEN lists contain every current ISO 3166 country and ISO 4217 currency (plus extras)."""
    countries = {c.alpha_2 for c in pycountry.countries}
    assert countries - cl.COUNTRY_CODES <= {"XK"}  # Kosovo: user-assigned, not in ISO proper
    currencies = {c.alpha_3 for c in pycountry.currencies}
    missing = currencies - cl.CURRENCY_CODES
    assert len(missing) <= 10, missing
    assert {"EUR", "CHF", "USD", "GBP"} <= cl.CURRENCY_CODES
    assert "EL" in cl.VAT_ID_PREFIXES and "EL" not in cl.COUNTRY_CODES
