"""The readers against the official XRechnung test suite (86 valid instances).

Expected values are taken from the XML with a few plain XPath expressions per syntax – not via
the readers – so a reader that maps a term to the wrong element fails here.
"""

from __future__ import annotations

import base64
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from backoffice.invoices.document import read_invoice
from tests.invoices import conftest as suite

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}
PATHS = suite.testsuite_paths()
IDS = [path.name for path in PATHS]

UBL_TOTALS = {
    "line_total": "cac:LegalMonetaryTotal/cbc:LineExtensionAmount",
    "allowance_total": "cac:LegalMonetaryTotal/cbc:AllowanceTotalAmount",
    "charge_total": "cac:LegalMonetaryTotal/cbc:ChargeTotalAmount",
    "without_vat": "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount",
    "vat_total": "cac:TaxTotal/cbc:TaxAmount[@currencyID = /*/cbc:DocumentCurrencyCode]",
    "vat_total_tax_currency": "cac:TaxTotal/cbc:TaxAmount[@currencyID = /*/cbc:TaxCurrencyCode]",
    "with_vat": "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount",
    "prepaid": "cac:LegalMonetaryTotal/cbc:PrepaidAmount",
    "rounding": "cac:LegalMonetaryTotal/cbc:PayableRoundingAmount",
    "due": "cac:LegalMonetaryTotal/cbc:PayableAmount",
}
_SUM = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation"  # noqa: E501
_CUR = "/*/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
CII_TOTALS = {
    "line_total": f"{_SUM}/ram:LineTotalAmount",
    "allowance_total": f"{_SUM}/ram:AllowanceTotalAmount",
    "charge_total": f"{_SUM}/ram:ChargeTotalAmount",
    "without_vat": f"{_SUM}/ram:TaxBasisTotalAmount",
    "vat_total": f"{_SUM}/ram:TaxTotalAmount[@currencyID = {_CUR}/ram:InvoiceCurrencyCode]",
    "vat_total_tax_currency": f"{_SUM}/ram:TaxTotalAmount[@currencyID = {_CUR}/ram:TaxCurrencyCode]",  # noqa: E501
    "with_vat": f"{_SUM}/ram:GrandTotalAmount",
    "prepaid": f"{_SUM}/ram:TotalPrepaidAmount",
    "rounding": f"{_SUM}/ram:RoundingAmount",
    "due": f"{_SUM}/ram:DuePayableAmount",
}


def _is_ubl(path: Path) -> bool:
    return path.name.endswith("_ubl.xml")


def _root(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def _decimal(root: etree._Element, xpath: str) -> Decimal | None:
    found = root.xpath(xpath, namespaces=NS)
    return Decimal(found[0].text.strip()) if found else None


def _decimals(root: etree._Element, xpath: str) -> list[Decimal | None]:
    return [
        Decimal(el.text.strip()) if el.text and el.text.strip() else None
        for el in root.xpath(xpath, namespaces=NS)
    ]


def _texts(root: etree._Element, xpath: str) -> list[str]:
    return [(el.text or "").strip() for el in root.xpath(xpath, namespaces=NS)]


def test_the_suite_is_complete():
    assert len(PATHS) == 86
    assert sum(_is_ubl(p) for p in PATHS) == 45


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_every_instance_is_read_without_unreadable_values(path):
    result = read_invoice(path.read_bytes(), path.name)

    doc = result.document
    assert result.syntax == ("UBL" if _is_ubl(path) else "CII")
    assert result.container == "xml"
    assert doc.syntax == result.syntax
    assert doc.unreadable == []
    assert doc.number
    assert doc.issue_date is not None
    assert doc.currency == "EUR"
    assert doc.leitweg_id
    assert doc.seller.name
    assert doc.buyer.name
    assert doc.lines


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_totals_vat_breakdown_and_line_amounts_equal_the_xml(path):
    root = _root(path)
    doc = read_invoice(path.read_bytes()).document

    paths = UBL_TOTALS if _is_ubl(path) else CII_TOTALS
    for field, xpath in paths.items():
        assert getattr(doc.totals, field) == _decimal(root, xpath), field

    if _is_ubl(path):
        subtotals = root.xpath("cac:TaxTotal/cac:TaxSubtotal", namespaces=NS)
        expected_vat = [
            (
                _decimal(sub, "cbc:TaxableAmount"),
                _decimal(sub, "cbc:TaxAmount"),
                _texts(sub, "cac:TaxCategory/cbc:ID")[0],
                _decimal(sub, "cac:TaxCategory/cbc:Percent"),
            )
            for sub in subtotals
        ]
        line_amounts = _decimals(root, "cac:InvoiceLine/cbc:LineExtensionAmount")
        line_ids = _texts(root, "cac:InvoiceLine/cbc:ID")
    else:
        taxes = root.xpath(f"{_CUR[3:]}/ram:ApplicableTradeTax", namespaces=NS)
        expected_vat = [
            (
                _decimal(tax, "ram:BasisAmount"),
                _decimal(tax, "ram:CalculatedAmount"),
                _texts(tax, "ram:CategoryCode")[0],
                _decimal(tax, "ram:RateApplicablePercent"),
            )
            for tax in taxes
        ]
        items = "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
        line_amounts = _decimals(
            root,
            f"{items}/ram:SpecifiedLineTradeSettlement"
            "/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
        )
        line_ids = _texts(root, f"{items}/ram:AssociatedDocumentLineDocument/ram:LineID")

    assert [
        (v.taxable_amount, v.tax_amount, v.category, v.rate) for v in doc.vat_breakdown
    ] == expected_vat
    assert [line.net_amount for line in doc.lines] == line_amounts
    assert [line.id for line in doc.lines] == line_ids


# --- UBL and CII twins ----------------------------------------------------------------------
def _twins() -> list[tuple[Path, Path]]:
    pairs: dict[str, dict[str, Path]] = defaultdict(dict)
    for path in PATHS:
        stem = re.sub(r"_(ubl|uncefact)\.xml$", "", path.name)
        pairs[stem]["ubl" if _is_ubl(path) else "cii"] = path
    return [(pair["ubl"], pair["cii"]) for pair in pairs.values() if len(pair) == 2]


TWINS = _twins()
# Known differences in the suite's own data (not reader errors): the UBL files of the
# comprehensive technical tests put "[Buyer name]" in PartyName (BT-45) and the trading name in
# RegistrationName (BT-44), the CII twins the other way round.
BUYER_NAMES_SWAPPED_IN_DATA = {f"01.0{n}_comprehensive_test_ubl.xml" for n in (1, 2, 3, 4)}


def test_there_are_40_twins():
    assert len(TWINS) == 40


@pytest.mark.parametrize(("ubl", "cii"), TWINS, ids=[u.name for u, _ in TWINS])
def test_ubl_and_cii_twins_give_the_same_business_data(ubl, cii):
    u = read_invoice(ubl.read_bytes()).document
    c = read_invoice(cii.read_bytes()).document

    assert (u.number, u.issue_date, u.due_date, u.type_code) == (
        c.number,
        c.issue_date,
        c.due_date,
        c.type_code,
    )
    assert u.leitweg_id == c.leitweg_id
    assert u.iban == c.iban
    assert u.seller.name == c.seller.name
    if ubl.name not in BUYER_NAMES_SWAPPED_IN_DATA:
        assert u.buyer.name == c.buyer.name
    assert len(u.lines) == len(c.lines)
    assert [line.net_amount for line in u.lines] == [line.net_amount for line in c.lines]
    for field in ("line_total", "without_vat", "with_vat", "due"):
        assert getattr(u.totals, field) == getattr(c.totals, field), field
    # optional totals: some twins leave out in one syntax what is 0 in the other
    for field in ("allowance_total", "charge_total", "vat_total", "prepaid", "rounding"):
        assert (getattr(u.totals, field) or 0) == (getattr(c.totals, field) or 0), field
    assert u.payment_terms.strip() == c.payment_terms.strip()
    assert u.skonto == c.skonto
    assert [(n.subject_code, n.text) for n in u.notes] == [
        (n.subject_code, n.text) for n in c.notes
    ]
    assert [(a.id, a.filename, a.content) for a in u.attachments] == [
        (a.id, a.filename, a.content) for a in c.attachments
    ]


# --- extension cases --------------------------------------------------------------------------
@pytest.mark.parametrize("name", [f"04.0{n}a-INVOICE_ubl.xml" for n in (1, 2, 3, 4)])
def test_sub_invoice_lines_are_nested_like_the_xml(name):
    path = suite.testsuite_file(name)
    root = _root(path)
    doc = read_invoice(path.read_bytes()).document

    def expected(parent) -> list:
        return [
            (
                _texts(sub, "cbc:ID")[0],
                _decimal(sub, "cbc:LineExtensionAmount"),
                expected(sub),
            )
            for sub in parent.xpath("cac:SubInvoiceLine", namespaces=NS)
        ]

    def actual(line) -> list:
        return [(sub.id, sub.net_amount, actual(sub)) for sub in line.sub_lines]

    lines = root.xpath("cac:InvoiceLine", namespaces=NS)
    assert [actual(line) for line in doc.lines] == [expected(line) for line in lines]
    assert sum(1 for _ in _walk(doc.lines)) == len(
        root.xpath("//cac:InvoiceLine | //cac:SubInvoiceLine", namespaces=NS)
    )
    assert any(line.sub_lines for line in doc.lines)


def _walk(lines):
    for line in lines:
        yield line
        yield from _walk(line.sub_lines)


def test_sub_lines_keep_their_item_quantity_and_price():
    doc = read_invoice(suite.testsuite_file("04.01a-INVOICE_ubl.xml").read_bytes()).document

    sub = doc.lines[0].sub_lines[0].sub_lines[0]
    assert (sub.id, sub.quantity, sub.unit, sub.net_amount) == (
        "1 1 1",
        Decimal("149"),
        "MTR",
        Decimal("193.70"),
    )
    assert sub.name.startswith("Demontage TW-Rohrleitung")
    assert sub.vat_category == "S"
    assert sub.price is not None


def test_third_party_payments_of_05_01():
    doc = read_invoice(suite.testsuite_file("05.01a-INVOICE_ubl.xml").read_bytes()).document

    assert [(p.type_id, p.amount, p.description) for p in doc.third_party_payments] == [
        (
            "MobilesBezahlen",
            Decimal("19.96"),
            "Mobiles Bezahlen (Brutto-Forderung für Fremdleistungen Anbieter A)",
        ),
        (
            "MobilesBezahlen",
            Decimal("10.00"),
            "Mobiles Bezahlen (Brutto-Forderung für Fremdleistungen Anbieter B)",
        ),
    ]
    assert doc.totals.due == Decimal("366.86")


@pytest.mark.parametrize(
    ("name", "binary_xpath"),
    [
        (
            "01.15a-INVOICE_ubl.xml",
            "cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject",
        ),
        (
            "01.15a-INVOICE_uncefact.xml",
            "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
            "/ram:AdditionalReferencedDocument/ram:AttachmentBinaryObject",
        ),
    ],
)
def test_attachment_of_01_15_is_decoded(name, binary_xpath):
    path = suite.testsuite_file(name)
    (binary,) = _root(path).xpath(binary_xpath, namespaces=NS)
    doc = read_invoice(path.read_bytes()).document

    (attachment,) = doc.attachments
    assert attachment.content == base64.b64decode(binary.text)
    assert attachment.content.startswith(b"%PDF")
    assert attachment.mime_code == binary.get("mimeCode") == "application/pdf"
    assert attachment.filename == binary.get("filename") == "01_15_Anhang_01.pdf"
    assert attachment.id == "01_15_Anhang_01.pdf"
    assert attachment.description == "Aufschlüsselung der einzelnen Leistungspositionen"


@pytest.mark.parametrize("suffix", ["ubl", "uncefact"])
def test_comprehensive_case_reads_parties_payment_and_references(suffix):
    doc = read_invoice(
        suite.testsuite_file(f"01.01_comprehensive_test_{suffix}.xml").read_bytes()
    ).document

    assert doc.seller.vat_id == "ATU123456789"
    assert doc.seller.tax_number == "123/456/789"
    assert doc.seller.legal_id.value == "123456789"
    assert doc.seller.legal_id.scheme == "0088"
    assert doc.seller.electronic_address.value == "rechnungsausgang@test.com"
    assert doc.seller.electronic_address.scheme == "EM"
    assert doc.seller.address.postcode == "12345"
    assert doc.seller.address.line3 == "[Seller address line 3]"
    assert doc.seller.contact.email == "tim.tester@test.com"
    assert doc.buyer.legal_id.value == "90000000-03083-72"
    assert doc.tax_currency == "GBP"
    assert doc.totals.vat_total == doc.totals.vat_total_tax_currency == Decimal("2048.44")
    assert [t.account_id for m in doc.payment_means for t in m.transfers] == [
        "DE79000000001234567890",
        "DE16000000002345678901",
    ]
    assert doc.payment_means[0].remittance == "Deb. 12345 / Fact. 9876543"
    assert doc.payee.name == "[Payee name]"
    assert doc.tax_representative.vat_id == "DE124567"
    assert doc.delivery.location_id.value == "68"
    assert doc.delivery.address.line2 == "4. OG"
    assert (doc.order_ref, doc.sales_order_ref, doc.contract_ref) == (
        "65002278",
        "ABC123456789",
        "0000000752",
    )
    assert (doc.despatch_advice_ref, doc.receiving_advice_ref, doc.tender_ref) == (
        "DAR123456789",
        "RAR123456789",
        "ANG987654321",
    )
    assert doc.object_id.value == "OK987654321"
    assert doc.project_ref == "PR12345678"
    assert doc.buyer_accounting_ref == "Buchungscode1"
    assert doc.preceding_invoices[0].reference == "PIR1234567890"
    assert [(ac.is_charge, ac.amount, ac.vat_category) for ac in doc.allowances_charges] == [
        (True, Decimal("10"), "E"),
        (True, Decimal("10"), "E"),
        (False, Decimal("10"), "E"),
        (False, Decimal("10"), "E"),
    ]
    line = doc.lines[0]
    assert (line.price, line.gross_price, line.price_discount) == (
        Decimal("158.125"),
        Decimal("168.125"),
        Decimal("10"),
    )
    assert line.object_id.value == "ANG987654321"
    assert line.period.start.isoformat() == "2018-04-13"
    assert [(a.name, a.value) for a in line.attributes][0] == ("[Description]", "[Value]")
    assert [c.value for c in line.classification_ids] == ["0721-880X", "0721-880XYZ"]
    assert line.standard_item_id.value == "123456789"
    assert (line.seller_item_id, line.buyer_item_id, line.origin_country) == ("1034", "5034", "DE")
    assert len(line.allowances_charges) == 4


@pytest.mark.parametrize("suffix", ["ubl", "uncefact"])
def test_card_and_direct_debit_are_read(suffix):
    card = read_invoice(
        suite.testsuite_file(f"01.03_comprehensive_test_{suffix}.xml").read_bytes()
    ).document
    debit = read_invoice(
        suite.testsuite_file(f"01.04_comprehensive_test_{suffix}.xml").read_bytes()
    ).document

    assert card.payment_means[0].code == "48"
    assert card.payment_means[0].card.account_number == "6789"
    assert card.payment_means[0].card.holder == "[Name Cardholder]"
    direct_debit = debit.payment_means[0].direct_debit
    assert debit.payment_means[0].code == "59"
    assert direct_debit.mandate_id == "[Mandate Reference Identifier]"
    assert direct_debit.creditor_id == "[Bank assigned creditor identifier]"
    assert direct_debit.debited_account == "DE79000000001234567890"
    # BT-90 is not a seller identifier (BT-29)
    assert all(i.scheme != "SEPA" for i in debit.seller.identifiers)


@pytest.mark.parametrize("suffix", ["ubl", "uncefact"])
def test_skonto_lines_of_01_10_are_parsed(suffix):
    doc = read_invoice(suite.testsuite_file(f"01.10a-INVOICE_{suffix}.xml").read_bytes()).document

    assert doc.payment_terms.endswith("\n")
    assert [(s.days, s.percent) for s in doc.skonto] == [
        (7, Decimal("2.00")),
        (14, Decimal("1.00")),
        (30, Decimal("0.00")),
    ]
    first_day, percent, discount = doc.skonto_terms()[0]
    assert (first_day - doc.issue_date).days == 7
    assert percent == Decimal("2.00")
    assert discount == (doc.totals.due * Decimal("0.02")).quantize(Decimal("0.01"))


# --- shapes the suite lacks ---------------------------------------------------------------------
def test_a_ubl_credit_note_is_read():
    """The suite has no CreditNote: derive one from 01.01a (root, line and quantity names)."""
    xml = suite.testsuite_file("01.01a-INVOICE_ubl.xml").read_bytes()
    credit_note = (
        xml.replace(b"xsd:Invoice-2", b"xsd:CreditNote-2")
        .replace(b"ubl:Invoice", b"ubl:CreditNote")
        .replace(b"cac:InvoiceLine", b"cac:CreditNoteLine")
        .replace(b"cbc:InvoicedQuantity", b"cbc:CreditedQuantity")
        .replace(
            b"<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
            b"<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
        )
        .replace(
            b"</cbc:PaymentMeansCode>",
            b"</cbc:PaymentMeansCode><cbc:PaymentDueDate>2016-05-04</cbc:PaymentDueDate>",
            1,
        )
    )
    invoice = read_invoice(xml).document

    result = read_invoice(credit_note)

    doc = result.document
    assert (result.syntax, doc.kind, doc.type_code) == ("UBL", "CreditNote", "381")
    assert doc.is_credit_note
    assert doc.due_date.isoformat() == "2016-05-04"
    assert [(line.quantity, line.net_amount) for line in doc.lines] == [
        (line.quantity, line.net_amount) for line in invoice.lines
    ]
    assert doc.totals == invoice.totals
    assert doc.unreadable == []


def test_cii_extended_sub_lines_hang_under_their_parent():
    xml = suite.testsuite_file("01.01a-INVOICE_uncefact.xml").read_bytes()
    extended = xml.replace(
        b"<ram:LineID>Porto + Versandkosten</ram:LineID>",
        b"<ram:LineID>Porto + Versandkosten</ram:LineID>"
        b"<ram:ParentLineID>Zeitschrift [...]</ram:ParentLineID>",
    )

    doc = read_invoice(extended).document

    assert [line.id for line in doc.lines] == ["Zeitschrift [...]"]
    assert [line.id for line in doc.lines[0].sub_lines] == ["Porto + Versandkosten"]
