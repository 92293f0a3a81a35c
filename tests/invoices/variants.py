"""Variants of real XRechnung test-suite instances, mutated with lxml, for the validation tests.

A variant takes an official (valid) instance, changes one thing – a line amount, the IBAN, the
Leitweg-ID … – and names the rule ids that must report it. Most variants exist for both syntaxes
(UBL and CII), so the same business error is checked in both bindings; the UBL variants are also
run through the official CEN XSLT (``test_official_rules.py``) to show that our Python rules report
the same rule id as the official rule set.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from backoffice.invoices.document.model import InvoiceDocument
from backoffice.invoices.document.reader import ReadResult, read_invoice
from backoffice.invoices.validation import Report, validate
from tests.invoices.conftest import testsuite_file

NS = {
    "ubl": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}

Edit = Callable[[etree._Element], None]


# --- reading the suite ----------------------------------------------------------------------
@functools.cache
def suite_bytes(name: str) -> bytes:
    """The bytes of one test-suite instance, e.g. ``"01.01a-INVOICE_ubl.xml"``."""
    return testsuite_file(name).read_bytes()


@functools.cache
def _suite_document(name: str) -> InvoiceDocument:
    return read_invoice(suite_bytes(name), name).document


def suite_document(name: str) -> InvoiceDocument:
    """A fresh (deep-copied) normalised document of a test-suite instance."""
    return copy.deepcopy(_suite_document(name))


def read(xml: bytes) -> ReadResult:
    return read_invoice(xml, "variant.xml")


def report(xml: bytes, **kwargs) -> Report:
    return validate(read(xml), **kwargs)


# --- XML edits --------------------------------------------------------------------------------
def _nodes(root: etree._Element, xpath: str) -> list[etree._Element]:
    found = root.xpath(xpath, namespaces=NS)
    assert found, f"variant xpath matched nothing: {xpath}"
    return found


def set_text(xpath: str, value: str, every: bool = False) -> Edit:
    def edit(root: etree._Element) -> None:
        nodes = _nodes(root, xpath)
        for node in nodes if every else nodes[:1]:
            node.text = value

    return edit


def replace_text(xpath: str, old: str, new: str) -> Edit:
    def edit(root: etree._Element) -> None:
        node = _nodes(root, xpath)[0]
        assert old in (node.text or ""), f"{old!r} not in {xpath}"
        node.text = node.text.replace(old, new)

    return edit


def set_attr(xpath: str, attribute: str, value: str) -> Edit:
    def edit(root: etree._Element) -> None:
        _nodes(root, xpath)[0].set(attribute, value)

    return edit


def remove(xpath: str) -> Edit:
    def edit(root: etree._Element) -> None:
        for node in _nodes(root, xpath):
            node.getparent().remove(node)

    return edit


def move_before(xpath: str, before: str) -> Edit:
    """Put the element ``xpath`` in front of the element ``before`` (schema order broken)."""

    def edit(root: etree._Element) -> None:
        node = _nodes(root, xpath)[0]
        anchor = _nodes(root, before)[0]
        node.getparent().remove(node)
        anchor.addprevious(node)

    return edit


def mutate(name: str, *edits: Edit) -> bytes:
    """The instance ``name`` with ``edits`` applied, serialised as UTF-8 XML."""
    root = etree.fromstring(suite_bytes(name))
    for edit in edits:
        edit(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# --- the variants -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Variant:
    """One business error, in UBL and (where the element exists) CII."""

    name: str
    rules: frozenset[str]  # rule ids that must be reported (as errors unless in ``warnings``)
    ubl: tuple[str, tuple[Edit, ...]] | None
    cii: tuple[str, tuple[Edit, ...]] | None
    warnings: frozenset[str] = field(default_factory=frozenset)

    def xml(self, syntax: str) -> bytes:
        name, edits = self.ubl if syntax == "UBL" else self.cii
        return mutate(name, *edits)


UBL_1 = "01.01a-INVOICE_ubl.xml"
CII_1 = "01.01a-INVOICE_uncefact.xml"
UBL_LINE = "(//cac:InvoiceLine)[1]"
CII_LINE = "(//ram:IncludedSupplyChainTradeLineItem)[1]"
UBL_SELLER = "/ubl:Invoice/cac:AccountingSupplierParty/cac:Party"
CII_SELLER = "//ram:SellerTradeParty"
CII_SUM = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation"


def _v(name, rules, ubl, cii, warnings=()) -> Variant:
    return Variant(name, frozenset(rules), ubl, cii, frozenset(warnings))


VARIANTS: dict[str, Variant] = {
    v.name: v
    for v in (
        _v(
            "line amount changed",
            {"BR-CO-10"},
            (UBL_1, (set_text(f"{UBL_LINE}/cbc:LineExtensionAmount", "288.80"),)),
            (CII_1, (set_text(f"{CII_LINE}//ram:LineTotalAmount", "288.80"),)),
        ),
        _v(
            "Leitweg-ID removed",
            {"BR-DE-15"},
            (UBL_1, (remove("/ubl:Invoice/cbc:BuyerReference"),)),
            (CII_1, (remove("//ram:BuyerReference"),)),
        ),
        _v(
            "IBAN check digits broken",
            {"BR-DE-19"},  # a warning in XRechnung, an error by the town's policy
            (UBL_1, (set_text("//cac:PayeeFinancialAccount/cbc:ID", "DE79000000001234567891"),)),
            (
                CII_1,
                (
                    set_text(
                        "//ram:PayeePartyCreditorFinancialAccount/ram:IBANID",
                        "DE79000000001234567891",
                    ),
                ),
            ),
        ),
        _v(
            "unknown VAT category X",
            {"BR-CL-17", "BR-CL-18"},
            (
                UBL_1,
                (
                    set_text("//cac:ClassifiedTaxCategory/cbc:ID", "X", every=True),
                    set_text("//cac:TaxSubtotal/cac:TaxCategory/cbc:ID", "X", every=True),
                ),
            ),
            (CII_1, (set_text("//ram:CategoryCode", "X", every=True),)),
        ),
        _v(
            "seller city removed",
            {"BR-DE-3"},
            (UBL_1, (remove(f"{UBL_SELLER}/cac:PostalAddress/cbc:CityName"),)),
            (CII_1, (remove(f"{CII_SELLER}/ram:PostalTradeAddress/ram:CityName"),)),
        ),
        _v(
            "Skonto syntax corrupted",
            {"BR-DE-18"},
            (
                "01.10a-INVOICE_ubl.xml",
                (replace_text("//cac:PaymentTerms/cbc:Note", "PROZENT=2.00", "PROZENT=2"),),
            ),
            (
                "01.10a-INVOICE_uncefact.xml",
                (
                    replace_text(
                        "//ram:SpecifiedTradePaymentTerms/ram:Description",
                        "PROZENT=2.00",
                        "PROZENT=2",
                    ),
                ),
            ),
        ),
        _v(
            "VAT total wrong",
            {"BR-CO-14", "BR-CO-15"},
            (UBL_1, (set_text("/ubl:Invoice/cac:TaxTotal/cbc:TaxAmount", "22.05"),)),
            (CII_1, (set_text(f"{CII_SUM}/ram:TaxTotalAmount", "22.05"),)),
        ),
        _v(
            "amount due off by one cent",
            {"BR-CO-16"},
            (UBL_1, (set_text("//cac:LegalMonetaryTotal/cbc:PayableAmount", "336.91"),)),
            (CII_1, (set_text(f"{CII_SUM}/ram:DuePayableAmount", "336.91"),)),
        ),
        _v(
            "unknown currency",
            {"BR-CL-04"},
            (UBL_1, (set_text("/ubl:Invoice/cbc:DocumentCurrencyCode", "EUX"),)),
            (CII_1, (set_text("//ram:InvoiceCurrencyCode", "EUX"),)),
        ),
        _v(
            "unknown type code",
            {"BR-CL-01"},
            (UBL_1, (set_text("/ubl:Invoice/cbc:InvoiceTypeCode", "999"),)),
            (
                CII_1,
                (set_text("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode", "999"),),
            ),
            warnings={"BR-DE-17"},
        ),
        _v(
            "type code not allowed in XRechnung",
            set(),
            (UBL_1, (set_text("/ubl:Invoice/cbc:InvoiceTypeCode", "383"),)),
            (
                CII_1,
                (set_text("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode", "383"),),
            ),
            warnings={"BR-DE-17"},
        ),
        _v(
            "invoice number missing",
            {"BR-02"},
            (UBL_1, (remove("/ubl:Invoice/cbc:ID"),)),
            (CII_1, (remove("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID"),)),
        ),
        _v(
            "element in the wrong place",
            {"XSD"},
            (UBL_1, (move_before("/ubl:Invoice/cbc:DocumentCurrencyCode", "/ubl:Invoice/cbc:ID"),)),
            (
                CII_1,
                (
                    move_before(
                        "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode",
                        "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID",
                    ),
                ),
            ),
        ),
        _v(
            "unknown seller country",
            {"BR-CL-14"},
            (
                UBL_1,
                (
                    set_text(
                        f"{UBL_SELLER}/cac:PostalAddress/cac:Country/cbc:IdentificationCode", "XX"
                    ),
                ),
            ),
            (CII_1, (set_text(f"{CII_SELLER}/ram:PostalTradeAddress/ram:CountryID", "XX"),)),
        ),
        _v(
            "invoicing period ends before it starts",
            {"BR-29"},
            (
                "01.05a-INVOICE_ubl.xml",
                (set_text("/ubl:Invoice/cac:InvoicePeriod/cbc:EndDate", "2015-04-19"),),
            ),
            (
                "01.05a-INVOICE_uncefact.xml",
                (
                    set_text(
                        "//ram:ApplicableHeaderTradeSettlement/ram:BillingSpecifiedPeriod/ram:EndDateTime/*",
                        "20150419",
                    ),
                ),
            ),
        ),
        _v(
            "three decimals in a line amount",
            {"BR-DEC-23"},
            (UBL_1, (set_text(f"{UBL_LINE}/cbc:LineExtensionAmount", "288.790"),)),
            (CII_1, (set_text(f"{CII_LINE}//ram:LineTotalAmount", "288.790"),)),
        ),
        _v(
            "unknown payment means code",
            {"BR-CL-16"},
            (UBL_1, (set_text("//cac:PaymentMeans/cbc:PaymentMeansCode", "999"),)),
            (CII_1, (set_text("//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode", "999"),)),
        ),
        _v(
            "unknown unit code",
            {"BR-CL-23"},
            (UBL_1, (set_attr(f"{UBL_LINE}/cbc:InvoicedQuantity", "unitCode", "XYZ1"),)),
            (CII_1, (set_attr(f"{CII_LINE}//ram:BilledQuantity", "unitCode", "XYZ1"),)),
        ),
        _v(
            "VAT of the category miscalculated",
            {"BR-S-09", "BR-CO-17"},
            (
                UBL_1,
                (
                    set_text("//cac:TaxSubtotal/cbc:TaxAmount", "25.04"),
                    set_text("/ubl:Invoice/cac:TaxTotal/cbc:TaxAmount", "25.04"),
                    set_text("//cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount", "339.90"),
                    set_text("//cac:LegalMonetaryTotal/cbc:PayableAmount", "339.90"),
                ),
            ),
            (
                CII_1,
                (
                    set_text(
                        "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CalculatedAmount",
                        "25.04",
                    ),
                    set_text(f"{CII_SUM}/ram:TaxTotalAmount", "25.04"),
                    set_text(f"{CII_SUM}/ram:GrandTotalAmount", "339.90"),
                    set_text(f"{CII_SUM}/ram:DuePayableAmount", "339.90"),
                ),
            ),
        ),
        _v(
            "total without VAT wrong",
            {"BR-CO-13"},
            (UBL_1, (set_text("//cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "315.86"),)),
            (CII_1, (set_text(f"{CII_SUM}/ram:TaxBasisTotalAmount", "315.86"),)),
        ),
        _v(
            "seller name missing",
            {"BR-06"},
            (UBL_1, (remove(f"{UBL_SELLER}/cac:PartyLegalEntity/cbc:RegistrationName"),)),
            None,  # ram:Name is mandatory in the CII schema: an XSD error, no model without it
        ),
        _v(
            "taxable amount of the category wrong",
            {"BR-S-08"},
            (UBL_1, (set_text("//cac:TaxSubtotal/cbc:TaxableAmount", "318.86"),)),
            (
                CII_1,
                (
                    set_text(
                        "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:BasisAmount",
                        "318.86",
                    ),
                ),
            ),
        ),
        _v(
            "line without VAT category",
            {"BR-CO-04"},
            (UBL_1, (remove(f"{UBL_LINE}/cac:Item/cac:ClassifiedTaxCategory"),)),
            None,  # CII: ram:ApplicableTradeTax of a line is mandatory in the schema
        ),
        _v(
            "currencyID unknown",
            {"BR-CL-03"},
            (UBL_1, (set_attr(f"{UBL_LINE}/cbc:LineExtensionAmount", "currencyID", "EUX"),)),
            (CII_1, (set_attr(f"{CII_SUM}/ram:TaxTotalAmount", "currencyID", "EUX"),)),
        ),
        _v(
            "seller contact removed",
            {"BR-DE-2"},
            (UBL_1, (remove(f"{UBL_SELLER}/cac:Contact"),)),
            (CII_1, (remove(f"{CII_SELLER}/ram:DefinedTradeContact"),)),
        ),
        _v(
            "payment instructions removed",
            {"BR-DE-1"},
            (UBL_1, (remove("//cac:PaymentMeans"),)),
            (CII_1, (remove("//ram:SpecifiedTradeSettlementPaymentMeans"),)),
        ),
        _v(
            "VAT rate of the breakdown removed",
            {"BR-DE-14"},
            (UBL_1, (remove("//cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"),)),
            (
                CII_1,
                (
                    remove(
                        "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent"
                    ),
                ),
            ),
        ),
        _v(
            "e-mail of the seller contact malformed",
            set(),
            (UBL_1, (set_text(f"{UBL_SELLER}/cac:Contact/cbc:ElectronicMail", "seller.email.de"),)),
            (
                CII_1,
                (
                    set_text(
                        f"{CII_SELLER}/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID",
                        "seller.email.de",
                    ),
                ),
            ),
            warnings={"BR-DE-28"},
        ),
        _v(
            "specification id not XRechnung",
            set(),
            (UBL_1, (set_text("/ubl:Invoice/cbc:CustomizationID", "urn:cen.eu:en16931:2017"),)),
            (
                CII_1,
                (
                    set_text(
                        "//ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
                        "urn:cen.eu:en16931:2017",
                    ),
                ),
            ),
            warnings={"BR-DE-21"},
        ),
    )
}


def variant_params() -> list[tuple[str, str]]:
    """(variant name, syntax) for every variant and syntax it exists in."""
    params = []
    for variant in VARIANTS.values():
        if variant.ubl:
            params.append((variant.name, "UBL"))
        if variant.cii:
            params.append((variant.name, "CII"))
    return params


# --- model cases (for the per-rule tests) ---------------------------------------------------------
RICH_UBL = "01.01_comprehensive_test_ubl.xml"  # nearly every business group, valid
SIMPLE_UBL = "01.01a-INVOICE_ubl.xml"


def change(path: str, value) -> Callable[[InvoiceDocument], None]:
    """Change the model at ``path`` ("lines.0.price"); a callable ``value`` gets the old value."""

    def apply(doc: InvoiceDocument) -> None:
        *parents, last = path.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else getattr(target, part)
        old = target[int(last)] if last.isdigit() else getattr(target, last)
        new = value(old) if callable(value) else value
        if last.isdigit():
            target[int(last)] = new
        else:
            setattr(target, last, new)

    return apply


def changes(*steps: Callable[[InvoiceDocument], None]) -> Callable[[InvoiceDocument], None]:
    def apply(doc: InvoiceDocument) -> None:
        for step in steps:
            step(doc)

    return apply


def fired(doc: InvoiceDocument, root=None) -> dict[str, list]:
    """Rule id → findings of the Python rules; fails the test if a rule crashed."""
    from backoffice.invoices.validation.registry import run_rules

    found: dict[str, list] = {}
    for finding in run_rules(doc, root):
        found.setdefault(finding.rule_id, []).append(finding)
    assert "PRUEFUNG-FEHLGESCHLAGEN" not in found, found.get("PRUEFUNG-FEHLGESCHLAGEN")
    return found


def case_document(base) -> InvoiceDocument:
    """The valid starting document of a rule case: a suite file name or a builder."""
    return suite_document(base) if isinstance(base, str) else base()


def check_case(rule_id: str, base, breaker) -> None:
    """The rule stays silent on the valid base and reports the broken one (with its own text)."""
    from backoffice.invoices.validation.registry import get

    rule = get(rule_id)
    assert rule is not None, f"{rule_id} is not registered"
    doc = case_document(base)
    assert rule_id not in fired(doc), f"{rule_id} fires on the valid base"
    breaker(doc)
    findings = fired(doc).get(rule_id)
    assert findings, f"{rule_id} does not fire on the broken document"
    for finding in findings:
        assert finding.severity == rule.severity
        assert finding.message.strip()
