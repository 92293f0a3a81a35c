"""EN 16931 calculation rules (BR-CO-…), decimals (BR-DEC-…) and BR-DEX-09: a valid document each
rule accepts and a broken one it reports, plus the rounding semantics of the CEN schematron."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from backoffice.invoices.document.model import Identifier, Period
from backoffice.invoices.validation.rules._util import fmt, round2, xround
from tests.invoices.variants import (
    RICH_UBL,
    SIMPLE_UBL,
    change,
    changes,
    check_case,
    fired,
    suite_document,
)

EXTENSION_THIRD_PARTY = "05.01a-INVOICE_ubl.xml"
ROUNDING_UBL = "01.17a-INVOICE_ubl.xml"


def plus(amount: str):
    return lambda old: old + Decimal(amount)


def three_places(old: Decimal) -> Decimal:
    return old.quantize(Decimal("0.001"))


CASES = {
    "BR-CO-03": (RICH_UBL, change("tax_point_code", "3")),
    "BR-CO-04": (RICH_UBL, change("lines.1.vat_category", "")),
    "BR-CO-09": (RICH_UBL, change("buyer.vat_id", "XY123456789")),
    "BR-CO-10": (RICH_UBL, change("totals.line_total", plus("0.01"))),
    "BR-CO-11": (RICH_UBL, change("totals.allowance_total", plus("1"))),
    "BR-CO-12": (RICH_UBL, change("totals.charge_total", plus("1"))),
    "BR-CO-13": (RICH_UBL, change("totals.without_vat", plus("0.01"))),
    "BR-CO-14": (RICH_UBL, change("totals.vat_total", plus("0.01"))),
    "BR-CO-15": (RICH_UBL, change("totals.with_vat", plus("0.01"))),
    "BR-CO-16": (RICH_UBL, change("totals.due", plus("0.01"))),
    "BR-CO-17": (RICH_UBL, change("vat_breakdown.0.tax_amount", plus("1.01"))),
    "BR-CO-18": (RICH_UBL, change("vat_breakdown", [])),
    "BR-CO-19": (SIMPLE_UBL, change("period", Period())),
    "BR-CO-20": (RICH_UBL, change("lines.0.period", Period())),
    "BR-CO-21": (
        RICH_UBL,
        changes(
            change("allowances_charges.2.reason", ""),
            change("allowances_charges.2.reason_code", ""),
        ),
    ),
    "BR-CO-22": (
        RICH_UBL,
        changes(
            change("allowances_charges.0.reason", ""),
            change("allowances_charges.0.reason_code", ""),
        ),
    ),
    "BR-CO-23": (
        RICH_UBL,
        changes(
            change("lines.0.allowances_charges.3.reason", ""),
            change("lines.0.allowances_charges.3.reason_code", ""),
        ),
    ),
    "BR-CO-24": (
        RICH_UBL,
        changes(
            change("lines.0.allowances_charges.0.reason", ""),
            change("lines.0.allowances_charges.0.reason_code", ""),
        ),
    ),
    "BR-CO-26": (
        SIMPLE_UBL,
        changes(
            change("seller.vat_id", ""),
            change("seller.legal_id", None),
            change("seller.identifiers", []),
        ),
    ),
    "BR-DEX-09": (EXTENSION_THIRD_PARTY, change("totals.due", plus("0.01"))),
    "BR-DEC-01": (RICH_UBL, change("allowances_charges.2.amount", three_places)),
    "BR-DEC-02": (RICH_UBL, change("allowances_charges.2.base_amount", three_places)),
    "BR-DEC-05": (RICH_UBL, change("allowances_charges.0.amount", three_places)),
    "BR-DEC-06": (RICH_UBL, change("allowances_charges.0.base_amount", three_places)),
    "BR-DEC-09": (RICH_UBL, change("totals.line_total", three_places)),
    "BR-DEC-10": (RICH_UBL, change("totals.allowance_total", three_places)),
    "BR-DEC-11": (RICH_UBL, change("totals.charge_total", three_places)),
    "BR-DEC-12": (RICH_UBL, change("totals.without_vat", three_places)),
    "BR-DEC-13": (RICH_UBL, change("totals.vat_total", three_places)),
    "BR-DEC-14": (RICH_UBL, change("totals.with_vat", three_places)),
    "BR-DEC-15": (RICH_UBL, change("totals.vat_total_tax_currency", three_places)),
    "BR-DEC-16": (RICH_UBL, change("totals.prepaid", three_places)),
    "BR-DEC-17": (ROUNDING_UBL, change("totals.rounding", three_places)),
    "BR-DEC-18": (RICH_UBL, change("totals.due", three_places)),
    "BR-DEC-19": (RICH_UBL, change("vat_breakdown.0.taxable_amount", three_places)),
    "BR-DEC-20": (RICH_UBL, change("vat_breakdown.0.tax_amount", three_places)),
    "BR-DEC-23": (RICH_UBL, change("lines.0.net_amount", three_places)),
    "BR-DEC-24": (RICH_UBL, change("lines.0.allowances_charges.2.amount", three_places)),
    "BR-DEC-25": (RICH_UBL, change("lines.0.allowances_charges.2.base_amount", three_places)),
    "BR-DEC-27": (RICH_UBL, change("lines.0.allowances_charges.0.amount", three_places)),
    "BR-DEC-28": (RICH_UBL, change("lines.0.allowances_charges.0.base_amount", three_places)),
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id):
    base, breaker = CASES[rule_id]
    check_case(rule_id, base, breaker)


# --- rounding semantics -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [("2.5", 3), ("-2.5", -2), ("2.4999", 2), ("-2.51", -3), ("0.5", 1), ("-0.5", 0)],
)
def test_xpath_round_rounds_half_towards_positive_infinity(value, expected):
    assert xround(Decimal(value)) == Decimal(expected)


def test_round2_like_the_schematron():
    assert round2(Decimal("10.005")) == Decimal("10.01")
    assert round2(Decimal("-10.005")) == Decimal("-10.00")
    assert round2(Decimal("0.1") + Decimal("0.2")) == Decimal("0.30")


def test_line_sum_is_rounded_to_cents_before_comparing():
    """BR-CO-10: Σ BT-131 = 100.005 is rounded (XPath half-up) to 100.01 – exactly like CEN."""
    doc = suite_document(SIMPLE_UBL)
    doc.lines[0].net_amount = Decimal("73.935")
    doc.lines[1].net_amount = Decimal("26.07")
    doc.totals.line_total = Decimal("100.01")
    assert "BR-CO-10" not in fired(doc)
    doc.totals.line_total = Decimal("100.00")
    assert "BR-CO-10" in fired(doc)


def test_amounts_are_compared_exactly_not_as_floats():
    doc = suite_document(SIMPLE_UBL)
    doc.lines[0].net_amount = Decimal("0.1")
    doc.lines[1].net_amount = Decimal("0.2")
    doc.totals.line_total = Decimal("0.3")
    assert "BR-CO-10" not in fired(doc)


def test_vat_of_category_tolerates_less_than_one_unit():
    """BR-CO-17 accepts |BT-117 − BT-116 × rate| < 1 (the CEN tolerance), not more."""
    doc = suite_document(SIMPLE_UBL)  # 314.86 × 7 % = 22.04
    doc.vat_breakdown[0].tax_amount = Decimal("22.99")
    assert "BR-CO-17" not in fired(doc)
    doc.vat_breakdown[0].tax_amount = Decimal("23.04")
    assert "BR-CO-17" in fired(doc)


def test_due_amount_with_prepaid_and_rounding():
    doc = suite_document(ROUNDING_UBL)
    t = doc.totals
    assert "BR-CO-16" not in fired(doc)
    t.prepaid = Decimal("10.00")
    t.due = t.with_vat - t.prepaid + t.rounding
    assert "BR-CO-16" not in fired(doc)
    t.due += Decimal("0.01")
    (finding,) = fired(doc)["BR-CO-16"]
    assert f"Angegeben: {fmt(t.due)}" in finding.message


def test_third_party_payments_are_added_to_the_amount_due():
    """BR-DEX-09 (05.01a): 336.90 + 19.96 + 10.00 = 366.86; BR-CO-16 is replaced."""
    doc = suite_document(EXTENSION_THIRD_PARTY)
    assert doc.totals.due == Decimal("366.86")
    found = fired(doc)
    assert "BR-DEX-09" not in found and "BR-CO-16" not in found
    doc.third_party_payments.pop()
    found = fired(doc)
    assert "BR-DEX-09" in found and "BR-CO-16" not in found


def test_cii_accepts_missing_vat_total_when_totals_are_equal():
    doc = suite_document("01.05_minimal_test_uncefact.xml")
    assert doc.totals.vat_total is None
    assert "BR-CO-15" not in fired(doc)
    doc.totals.with_vat += 1
    assert "BR-CO-15" in fired(doc)


def test_ubl_requires_vat_total_for_br_co_15():
    doc = suite_document(SIMPLE_UBL)
    doc.totals.vat_total = None
    (finding,) = fired(doc)["BR-CO-15"]
    assert "BT-110" in finding.message


def test_german_number_format_in_messages():
    assert fmt(Decimal("1234.5")) == "1.234,50"
    assert fmt(Decimal("-0.125")) == "-0,125"
    assert fmt(None) == "–"


def test_seller_identified_by_sepa_creditor_id_only_is_not_enough():
    doc = suite_document(SIMPLE_UBL)
    doc.seller.vat_id = ""
    doc.seller.legal_id = None
    doc.seller.identifiers = [Identifier("DE98ZZZ09999999999", "SEPA")]
    assert "BR-CO-26" in fired(doc)


def test_period_with_only_the_tax_point_code_is_fine_in_ubl():
    doc = suite_document(SIMPLE_UBL)
    doc.period = Period()
    doc.tax_point_code = "35"
    assert "BR-CO-19" not in fired(doc)
    doc.period = Period(start=dt.date(2016, 1, 1))
    doc.tax_point_code = ""
    assert "BR-CO-19" not in fired(doc)
