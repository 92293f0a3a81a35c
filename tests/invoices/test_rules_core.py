"""EN 16931 core rules BR-01 … BR-65: for every rule a valid document it accepts and a broken one
it reports. The valid bases are official XRechnung test-suite instances read into the model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from backoffice.invoices.document.model import Period, Unreadable
from tests.invoices.variants import RICH_UBL, SIMPLE_UBL, change, changes, check_case

CARD_UBL = "03.02a-INVOICE_ubl.xml"

# RICH_UBL: document allowances/charges at index 2, 3 (allowances) and 0, 1 (charges);
# line 0 carries charges at 0, 1 and allowances at 2, 3.
CASES = {
    "BR-01": (RICH_UBL, change("specification_id", "")),
    "BR-02": (RICH_UBL, change("number", "  ")),
    "BR-03": (RICH_UBL, change("issue_date", None)),
    "BR-04": (RICH_UBL, change("type_code", "")),
    "BR-05": (RICH_UBL, change("currency", "")),
    "BR-06": (RICH_UBL, change("seller.name", "")),
    "BR-07": (RICH_UBL, change("buyer.name", "")),
    "BR-08": (RICH_UBL, change("seller.address", None)),
    "BR-09": (RICH_UBL, change("seller.address.country", "")),
    "BR-10": (RICH_UBL, change("buyer.address", None)),
    "BR-11": (RICH_UBL, change("buyer.address.country", "")),
    "BR-12": (RICH_UBL, change("totals.line_total", None)),
    "BR-13": (RICH_UBL, change("totals.without_vat", None)),
    "BR-14": (RICH_UBL, change("totals.with_vat", None)),
    "BR-15": (RICH_UBL, change("totals.due", None)),
    "BR-16": (RICH_UBL, change("lines", [])),
    "BR-17": (RICH_UBL, change("payee.name", "")),
    "BR-18": (RICH_UBL, change("tax_representative.name", "")),
    "BR-19": (RICH_UBL, change("tax_representative.address", None)),
    "BR-20": (RICH_UBL, change("tax_representative.address.country", "")),
    "BR-21": (RICH_UBL, change("lines.1.id", "")),
    "BR-22": (RICH_UBL, change("lines.0.quantity", None)),
    "BR-23": (RICH_UBL, change("lines.0.unit", "")),
    "BR-24": (RICH_UBL, change("lines.0.net_amount", None)),
    "BR-25": (RICH_UBL, change("lines.0.name", "")),
    "BR-26": (RICH_UBL, change("lines.0.price", None)),
    "BR-27": (RICH_UBL, change("lines.0.price", Decimal("-1.00"))),
    "BR-28": (RICH_UBL, change("lines.0.gross_price", Decimal("-168.125"))),
    "BR-29": (RICH_UBL, change("period.end", dt.date(2018, 4, 12))),
    "BR-30": (RICH_UBL, change("lines.0.period.start", dt.date(2018, 4, 14))),
    "BR-31": (RICH_UBL, change("allowances_charges.2.amount", None)),
    "BR-32": (RICH_UBL, change("allowances_charges.2.vat_category", "")),
    "BR-33": (
        RICH_UBL,
        changes(
            change("allowances_charges.3.reason", ""),
            change("allowances_charges.3.reason_code", ""),
        ),
    ),
    "BR-36": (RICH_UBL, change("allowances_charges.0.amount", None)),
    "BR-37": (RICH_UBL, change("allowances_charges.0.vat_category", "")),
    "BR-38": (
        RICH_UBL,
        changes(
            change("allowances_charges.1.reason", ""),
            change("allowances_charges.1.reason_code", ""),
        ),
    ),
    "BR-41": (RICH_UBL, change("lines.0.allowances_charges.2.amount", None)),
    "BR-42": (
        RICH_UBL,
        changes(
            change("lines.0.allowances_charges.2.reason", ""),
            change("lines.0.allowances_charges.2.reason_code", ""),
        ),
    ),
    "BR-43": (RICH_UBL, change("lines.0.allowances_charges.0.amount", None)),
    "BR-44": (
        RICH_UBL,
        changes(
            change("lines.0.allowances_charges.1.reason", ""),
            change("lines.0.allowances_charges.1.reason_code", ""),
        ),
    ),
    "BR-45": (RICH_UBL, change("vat_breakdown.0.taxable_amount", None)),
    "BR-46": (RICH_UBL, change("vat_breakdown.0.tax_amount", None)),
    "BR-47": (RICH_UBL, change("vat_breakdown.1.category", "")),
    "BR-48": (RICH_UBL, change("vat_breakdown.0.rate", None)),
    "BR-49": (RICH_UBL, change("payment_means.0.code", "")),
    "BR-50": (SIMPLE_UBL, change("payment_means.0.transfers.0.account_id", "")),
    "BR-51": (CARD_UBL, change("payment_means.0.card.account_number", "4111111111111111")),
    "BR-52": (RICH_UBL, change("attachments.0.id", "")),
    "BR-53": (RICH_UBL, change("totals.vat_total_tax_currency", None)),
    "BR-54": (RICH_UBL, change("lines.0.attributes.0.value", "")),
    "BR-55": (RICH_UBL, change("preceding_invoices.0.reference", "")),
    "BR-56": (RICH_UBL, change("tax_representative.vat_id", "")),
    "BR-57": (RICH_UBL, change("delivery.address.country", "")),
    "BR-61": (SIMPLE_UBL, change("payment_means.0.transfers", [])),
    "BR-62": (RICH_UBL, change("seller.electronic_address.scheme", "")),
    "BR-63": (RICH_UBL, change("buyer.electronic_address.scheme", "")),
    "BR-64": (RICH_UBL, change("lines.0.standard_item_id.scheme", "")),
    "BR-65": (RICH_UBL, change("lines.0.classification_ids.1.scheme", "")),
    "WERT-UNLESBAR": (
        RICH_UBL,
        change(
            "unreadable",
            [Unreadable("BT-9", "2026-13-40", "Das Datum „2026-13-40“ ist kein gültiges Datum.")],
        ),
    ),
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id):
    base, breaker = CASES[rule_id]
    check_case(rule_id, base, breaker)


def test_payee_with_the_sellers_name_is_not_a_different_payee():
    """BR-17 as in the CEN schematron: the payee's name must differ from the seller's."""
    from tests.invoices.variants import fired, suite_document

    doc = suite_document(RICH_UBL)
    doc.payee.name = doc.seller.name
    assert "BR-17" in fired(doc)


def test_line_period_without_dates_is_reported_once_per_line():
    from tests.invoices.variants import fired, suite_document

    doc = suite_document(RICH_UBL)
    doc.lines[0].period = Period(start=dt.date(2018, 5, 1), end=dt.date(2018, 4, 1))
    doc.lines[1].period = Period(start=dt.date(2018, 5, 1), end=dt.date(2018, 4, 1))
    findings = fired(doc)["BR-30"]
    assert [f.location for f in findings] == ["BG-25[1]/BG-26", "BG-25[2]/BG-26"]
    assert "Position" in findings[0].message


def test_unreadable_value_keeps_the_readers_german_message():
    from tests.invoices.variants import fired, suite_document

    doc = suite_document(SIMPLE_UBL)
    doc.unreadable = [Unreadable("BT-131", "12,5", "Der Wert „12,5“ ist keine gültige Zahl.")]
    (finding,) = fired(doc)["WERT-UNLESBAR"]
    assert finding.message == "Der Wert „12,5“ ist keine gültige Zahl."
    assert finding.term == "BT-131"
    assert finding.severity == "error"
