"""VAT category rules (BR-S, -Z, -E, -AE, -IC, -G, -O, -AF, -AG, -B): for each category a valid
invoice (the comprehensive test-suite instance turned into that category, totals recomputed) that
all ten rules accept, and for every rule a change it reports."""

from __future__ import annotations

import copy
import functools
from decimal import Decimal

import pytest

from backoffice.invoices.document.model import InvoiceDocument, Line, VatBreakdown
from backoffice.invoices.validation.rules._util import round2, total
from backoffice.invoices.validation.rules.vat import CATEGORIES, Category
from tests.invoices.variants import RICH_UBL, change, changes, check_case, fired, suite_document

RATES = {"S": Decimal("19"), "L": Decimal("7"), "M": Decimal("4"), "O": None}
BY_CODE = {c.code: c for c in CATEGORIES}


@functools.cache
def _category_document(code: str) -> InvoiceDocument:
    """RICH_UBL with every line, allowance and charge in category ``code`` and consistent totals."""
    cat = BY_CODE.get(code)
    rate = RATES.get(code, Decimal("0"))
    doc = suite_document(RICH_UBL)
    for item in [*doc.lines, *doc.allowances_charges]:
        item.vat_category = code
        item.vat_rate = rate
    t = doc.totals
    charges = total(ac.amount for ac in doc.allowances_charges if ac.is_charge)
    allowances = total(ac.amount for ac in doc.allowances_charges if not ac.is_charge)
    taxable = total(line.net_amount for line in doc.lines) + charges - allowances
    with_tax = cat.with_tax if cat else True
    tax = round2(taxable * rate / 100) if with_tax and rate is not None else Decimal("0.00")
    reason = cat is not None and cat.needs_reason
    doc.vat_breakdown = [
        VatBreakdown(
            taxable_amount=taxable,
            tax_amount=tax,
            category=code,
            rate=rate,
            exemption_reason="Steuerbefreiung nach Gesetz" if reason else "",
        )
    ]
    t.line_total = total(line.net_amount for line in doc.lines)
    t.without_vat = t.line_total - allowances + charges
    t.vat_total = tax
    t.with_vat = t.without_vat + tax
    t.due = round2(t.with_vat - (t.prepaid or 0))
    if code == "O":  # no VAT identifiers at all
        doc.seller.vat_id = ""
        doc.buyer.vat_id = ""
        doc.tax_representative = None
    if code in ("AE", "K"):
        doc.buyer.vat_id = "DE987654321"
    if code == "B":  # split payment: a domestic Italian invoice
        for address in (doc.seller.address, doc.buyer.address, doc.delivery.address):
            address.country = "IT"
        doc.tax_representative.address.country = "IT"
        doc.seller.vat_id = "IT12345678901"
        doc.tax_representative.vat_id = "IT10987654321"
        doc.lines[0].origin_country = "IT"
    return doc


def category_document(code: str) -> InvoiceDocument:
    return copy.deepcopy(_category_document(code))


def _bad_rate(kind: str):
    return {
        "positive": Decimal("0"),
        "zero": Decimal("5"),
        "none": Decimal("5"),
        "nonnegative": Decimal("-1"),
    }[kind]


def _lose_ids(cat: Category):
    if cat.code == "O":
        return change("seller.vat_id", "DE123456789")
    if cat.code == "K":
        return change("buyer.vat_id", "")
    return changes(
        change("seller.vat_id", ""),
        change("seller.tax_number", ""),
        change("tax_representative", None),
        change("buyer.vat_id", ""),
        change("buyer.legal_id", None),
    )


def _break_breakdown(cat: Category):
    if cat.at_least_one:
        return change("vat_breakdown", [])
    return change("vat_breakdown", lambda old: old + [copy.deepcopy(old[0])])


def _category_cases(cat: Category) -> dict:
    p = cat.prefix
    base = functools.partial(category_document, cat.code)
    bad_rate = _bad_rate(cat.rate)
    return {
        f"{p}-01": (base, _break_breakdown(cat)),
        f"{p}-02": (base, _lose_ids(cat)),
        f"{p}-03": (base, _lose_ids(cat)),
        f"{p}-04": (base, _lose_ids(cat)),
        f"{p}-05": (base, change("lines.1.vat_rate", bad_rate)),
        f"{p}-06": (base, change("allowances_charges.2.vat_rate", bad_rate)),
        f"{p}-07": (base, change("allowances_charges.0.vat_rate", bad_rate)),
        f"{p}-08": (base, change("vat_breakdown.0.taxable_amount", lambda old: old + 5)),
        f"{p}-09": (base, change("vat_breakdown.0.tax_amount", lambda old: old + 5)),
        f"{p}-10": (
            base,
            change("vat_breakdown.0.exemption_reason", "" if cat.needs_reason else "Grund"),
        ),
    }


def _split_payment_with_standard_line(doc: InvoiceDocument) -> None:
    doc.lines.append(
        Line(id="3", vat_category="S", vat_rate=Decimal("22"), net_amount=Decimal("0"))
    )


CASES: dict = {}
for _cat in CATEGORIES:
    CASES.update(_category_cases(_cat))
CASES.update(
    {
        "BR-IC-11": (
            functools.partial(category_document, "K"),
            changes(change("delivery.date", None), change("period", None)),
        ),
        "BR-IC-12": (
            functools.partial(category_document, "K"),
            change("delivery.address.country", ""),
        ),
        "BR-O-11": (
            functools.partial(category_document, "O"),
            change(
                "vat_breakdown",
                lambda old: old + [VatBreakdown(Decimal(0), Decimal(0), "E", Decimal(0), "x")],
            ),
        ),
        "BR-O-12": (functools.partial(category_document, "O"), change("lines.0.vat_category", "E")),
        "BR-O-13": (
            functools.partial(category_document, "O"),
            change("allowances_charges.2.vat_category", "E"),
        ),
        "BR-O-14": (
            functools.partial(category_document, "O"),
            change("allowances_charges.0.vat_category", "E"),
        ),
        "BR-B-01": (
            functools.partial(category_document, "B"),
            change("buyer.address.country", "DE"),
        ),
        "BR-B-02": (functools.partial(category_document, "B"), _split_payment_with_standard_line),
    }
)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id):
    base, breaker = CASES[rule_id]
    check_case(rule_id, base, breaker)


@pytest.mark.parametrize("code", [c.code for c in CATEGORIES])
def test_category_document_is_valid(code):
    """The generated base documents pass every VAT rule (so the cases above test one thing)."""
    found = fired(category_document(code))
    vat_rules = {
        r
        for r in found
        if r.startswith(
            (
                "BR-S-",
                "BR-Z-",
                "BR-E-",
                "BR-AE-",
                "BR-IC-",
                "BR-G-",
                "BR-O-",
                "BR-AF-",
                "BR-AG-",
                "BR-CO-",
            )
        )
    }
    assert not vat_rules


def test_standard_rate_breakdown_needs_a_line_with_that_rate():
    """BR-S-08: a breakdown for 7 % without any 7 % line is reported even if the amount fits."""
    doc = category_document("S")
    doc.vat_breakdown[0].rate = Decimal("7")
    doc.vat_breakdown[0].tax_amount = round2(doc.vat_breakdown[0].taxable_amount * 7 / 100)
    (finding,) = fired(doc)["BR-S-08"]
    assert "7,00 %" in finding.message


def test_standard_rate_taxable_amount_tolerates_less_than_one_unit():
    doc = category_document("S")
    doc.vat_breakdown[0].taxable_amount += Decimal("0.99")
    assert "BR-S-08" not in fired(doc)


def test_exempt_taxable_amount_must_match_exactly_in_ubl():
    doc = category_document("E")
    doc.vat_breakdown[0].taxable_amount += Decimal("0.01")
    assert "BR-E-08" in fired(doc)


def test_exempt_taxable_amount_tolerance_in_cii():
    doc = category_document("E")
    doc.syntax = "CII"
    doc.vat_breakdown[0].taxable_amount += Decimal("0.50")
    assert "BR-E-08" not in fired(doc)


def test_messages_name_the_category_in_german():
    doc = category_document("AE")
    doc.lines[0].vat_rate = Decimal("19")
    (finding,) = fired(doc)["BR-AE-05"]
    assert "Umkehrung der Steuerschuldnerschaft" in finding.message
    assert "Position" in finding.message
