"""XRechnung 3.0 rules (BR-DE-…, BR-DEX-…, BR-DE-CVD-…) and the Leitweg-ID form: a valid document
each rule accepts and a broken one it reports, with the official severities."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from backoffice.invoices.document.model import Card, CreditTransfer, InvoiceDocument
from backoffice.invoices.validation.leitweg import (
    check_digits,
    is_valid_leitweg_id,
    leitweg_problem,
)
from backoffice.invoices.validation.registry import get
from backoffice.invoices.validation.rules.xrechnung import skonto_syntax_problems
from tests.invoices.variants import (
    RICH_UBL,
    SIMPLE_UBL,
    change,
    changes,
    check_case,
    fired,
    mutate,
    read,
    set_attr,
    suite_document,
)

SKONTO_UBL = "01.10a-INVOICE_ubl.xml"
DIRECT_DEBIT_UBL = "03.01a-INVOICE_ubl.xml"
CARD_UBL = "03.02a-INVOICE_ubl.xml"
SUB_LINES_UBL = "04.01a-INVOICE_ubl.xml"
THIRD_PARTY_UBL = "05.01a-INVOICE_ubl.xml"
CVD_UBL = "02.01a-cvd_INVOICE_ubl.xml"


def _duplicate_filename(doc: InvoiceDocument) -> None:
    doc.attachments[1].filename = doc.attachments[0].filename


def _add(path: str, item):
    return change(path, lambda old: old + [copy.deepcopy(item)])


CASES = {
    "BR-DE-1": (RICH_UBL, change("payment_means", [])),
    "BR-DE-2": (RICH_UBL, change("seller.contact", None)),
    "BR-DE-3": (RICH_UBL, change("seller.address.city", "")),
    "BR-DE-4": (RICH_UBL, change("seller.address.postcode", " ")),
    "BR-DE-5": (RICH_UBL, change("seller.contact.name", "")),
    "BR-DE-6": (RICH_UBL, change("seller.contact.phone", "")),
    "BR-DE-7": (RICH_UBL, change("seller.contact.email", "")),
    "BR-DE-8": (RICH_UBL, change("buyer.address.city", "")),
    "BR-DE-9": (RICH_UBL, change("buyer.address.postcode", "")),
    "BR-DE-10": (RICH_UBL, change("delivery.address.city", "")),
    "BR-DE-11": (RICH_UBL, change("delivery.address.postcode", "")),
    "BR-DE-14": (RICH_UBL, change("vat_breakdown.1.rate", None)),
    "BR-DE-15": (RICH_UBL, change("buyer_reference", "")),
    "BR-DE-16": (
        SIMPLE_UBL,
        changes(
            change("seller.vat_id", ""),
            change("seller.tax_number", ""),
            change("tax_representative", None),
        ),
    ),
    "BR-DE-17": (RICH_UBL, change("type_code", "383")),
    "BR-DE-18": (SKONTO_UBL, change("payment_terms", "#SKONTO#TAGE=7#PROZENT=2#\n")),
    "BR-DE-19": (
        SIMPLE_UBL,
        change("payment_means.0.transfers.0.account_id", "DE79000000001234567891"),
    ),
    "BR-DE-20": (
        DIRECT_DEBIT_UBL,
        change("payment_means.0.direct_debit.debited_account", "DE00123"),
    ),
    "BR-DE-21": (RICH_UBL, change("specification_id", "urn:cen.eu:en16931:2017")),
    "BR-DE-22": (RICH_UBL, _duplicate_filename),
    "BR-DE-23-a": (SIMPLE_UBL, change("payment_means.0.transfers", [])),
    "BR-DE-23-b": (SIMPLE_UBL, change("payment_means.0.card", Card("1234", "Tim Tester"))),
    "BR-DE-24-a": (CARD_UBL, change("payment_means.0.card", None)),
    "BR-DE-24-b": (
        CARD_UBL,
        _add("payment_means.0.transfers", CreditTransfer("DE79000000001234567890")),
    ),
    "BR-DE-25-a": (DIRECT_DEBIT_UBL, change("payment_means.0.direct_debit", None)),
    "BR-DE-25-b": (
        DIRECT_DEBIT_UBL,
        _add("payment_means.0.transfers", CreditTransfer("DE79000000001234567890")),
    ),
    "BR-DE-26": (SIMPLE_UBL, change("type_code", "384")),
    "BR-DE-27": (RICH_UBL, change("seller.contact.phone", "+49")),
    "BR-DE-28": (RICH_UBL, change("seller.contact.email", "tim.tester@")),
    "BR-DE-30": (DIRECT_DEBIT_UBL, change("payment_means.0.direct_debit.creditor_id", "")),
    "BR-DE-31": (DIRECT_DEBIT_UBL, change("payment_means.0.direct_debit.debited_account", "")),
    "BR-TMP-2": (RICH_UBL, change("attachments.1.uri", "xeinkauf.de/xrechnung")),
    "LEITWEG-ID": (RICH_UBL, change("buyer_reference", "04011000-12345-34")),
    "BR-DEX-02": (SUB_LINES_UBL, change("lines.0.sub_lines.0.net_amount", lambda old: old + 1)),
    "BR-DEX-03": (SUB_LINES_UBL, change("lines.1.sub_lines.1.vat_category", "")),
    "BR-DEX-10": (THIRD_PARTY_UBL, change("third_party_payments.0.type_id", "")),
    "BR-DEX-11": (THIRD_PARTY_UBL, change("third_party_payments.1.amount", None)),
    "BR-DEX-12": (THIRD_PARTY_UBL, change("third_party_payments.0.description", "")),
    "BR-DEX-13": (THIRD_PARTY_UBL, change("third_party_payments.0.amount", Decimal("19.960"))),
    "BR-DE-CVD-01": (CVD_UBL, change("contract_ref", "")),
    "BR-DE-CVD-02": (CVD_UBL, change("tender_ref", "")),
    "BR-DE-CVD-03": (CVD_UBL, change("lines.0.attributes", lambda old: old[1:])),
    "BR-DE-CVD-06-a": (
        CVD_UBL,
        change("lines.0.attributes", lambda old: old + [copy.deepcopy(old[0])]),
    ),
    "BR-DE-CVD-06-b": (
        CVD_UBL,
        change("lines.0.classification_ids", lambda old: old + [copy.deepcopy(old[0])]),
    ),
}

XML_CASES = {"BR-DEX-14": "third party payment in another currency"}

OFFICIAL_WARNINGS = {
    "BR-DE-17",
    "BR-DE-19",
    "BR-DE-20",
    "BR-DE-21",
    "BR-DE-26",
    "BR-DE-27",
    "BR-DE-28",
    "BR-DEX-02",
    "BR-TMP-2",
    "LEITWEG-ID",
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id):
    base, breaker = CASES[rule_id]
    check_case(rule_id, base, breaker)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_severity_as_in_the_official_rule_set(rule_id):
    expected = "warning" if rule_id in OFFICIAL_WARNINGS else "error"
    assert get(rule_id).severity == expected


def test_third_party_payment_currency_must_be_the_invoice_currency():
    xml = mutate(
        THIRD_PARTY_UBL,
        set_attr(
            "(//*[local-name()='PrepaidPayment'])[1]/*[local-name()='PaidAmount']",
            "currencyID",
            "USD",
        ),
    )
    result = read(xml)
    (finding,) = fired(result.document, result.root)["BR-DEX-14"]
    assert "USD" in finding.message
    valid = read(mutate(THIRD_PARTY_UBL))
    assert "BR-DEX-14" not in fired(valid.document, valid.root)


# --- Skonto (BR-DE-18) --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "#SKONTO#TAGE=7#PROZENT=2.00#\n",
        "#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=123.45#\n",
        "#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=-123.45#\r\n",
        "Zahlbar in 30 Tagen.\n#SKONTO#TAGE=7#PROZENT=2.00#\n",
        "#SKONTO#TAGE=7#PROZENT=2.00#  \n",  # trailing blanks are normalised away
        "Zahlbar sofort ohne Abzug.",  # no Skonto at all
        "",
    ],
)
def test_skonto_accepted(text):
    assert skonto_syntax_problems(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "#SKONTO#TAGE=7#PROZENT=2#\n",  # two decimals required
        "#SKONTO#TAGE=7#PROZENT=2,00#\n",  # point, not comma
        "#skonto#TAGE=7#PROZENT=2.00#\n",  # upper case
        "#SKONTO#TAGE=7#PROZENT=2.00#",  # the closing line break is missing
        "#SKONTO#TAGE=7#PROZENT=2.00#BASISBETRAG=100#\n",
        "#SKONTO# TAGE=7#PROZENT=2.00#\n",  # extra white space
        "#SKONTO#TAGE=7#PROZENT=2.00#\nSiehe #AGB# Seite 2",  # text after the last #…# on the line
    ],
)
def test_skonto_rejected(text):
    assert skonto_syntax_problems(text)


def test_skonto_message_quotes_the_broken_line():
    doc = suite_document(SKONTO_UBL)
    doc.payment_terms = "#SKONTO#TAGE=7#PROZENT=2#\n#SKONTO#TAGE=14#PROZENT=1.00#\n"
    (finding,) = fired(doc)["BR-DE-18"]
    assert "„#SKONTO#TAGE=7#PROZENT=2#“" in finding.message
    assert "TAGE=14" not in finding.message.split("Fehlerhaft:")[1]


# --- IBAN (BR-DE-19/20) --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("iban", "reason"),
    [
        ("DE79000000001234567891", "Prüfziffer"),
        ("DE7900000000123456789", "Länge"),
        ("XX79000000001234567890", "Ländercode"),
        ("", "keine IBAN"),
    ],
)
def test_iban_problems_are_explained(iban, reason):
    doc = suite_document(SIMPLE_UBL)
    doc.payment_means[0].transfers[0].account_id = iban
    (finding,) = fired(doc)["BR-DE-19"]
    assert reason in finding.message


def test_iban_with_spaces_is_fine():
    doc = suite_document(SIMPLE_UBL)
    doc.payment_means[0].transfers[0].account_id = "DE79 0000 0000 1234 5678 90"
    assert "BR-DE-19" not in fired(doc)


# --- Leitweg-ID --------------------------------------------------------------------------------
def test_leitweg_check_digits_example_of_the_specification():
    assert check_digits("04011000", "1234512345") == "06"
    assert is_valid_leitweg_id("04011000-1234512345-06")


@pytest.mark.parametrize(
    "value", ["991-33333TEST-33", "992-90009-96", "04011000-12345-03", "08215023-ABT20-38"]
)
def test_valid_leitweg_ids(value):
    if value == "08215023-ABT20-38":
        value = f"08215023-ABT20-{check_digits('08215023', 'ABT20')}"
    assert leitweg_problem(value) == ""


@pytest.mark.parametrize(
    ("value", "part"),
    [
        ("04011000-12345-34", "Prüfziffer"),
        ("Leitweg-ID", "Form"),
        ("0-12345-03", "Form"),  # Grobadressierung too short
        ("04011000-1234567890123456789012345678901-03", "Form"),  # Feinadressierung too long
        ("", "keine Leitweg-ID"),
    ],
)
def test_invalid_leitweg_ids(value, part):
    assert part in leitweg_problem(value)


def test_leitweg_is_only_a_warning_and_not_reported_twice_with_br_de_15():
    doc = suite_document(SIMPLE_UBL)
    doc.buyer_reference = ""
    found = fired(doc)
    assert "BR-DE-15" in found and "LEITWEG-ID" not in found
    assert get("LEITWEG-ID").severity == "warning"


def test_cvd_rules_only_for_cvd_documents():
    doc = suite_document(SIMPLE_UBL)
    doc.contract_ref = ""
    assert not {r for r in fired(doc) if r.startswith("BR-DE-CVD")}
