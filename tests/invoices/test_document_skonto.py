"""XRechnung Skonto lines in BT-20: parsing, malformed lines (BR-DE-18) and the discount."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from backoffice.invoices.document.model import InvoiceDocument, Skonto, Totals
from backoffice.invoices.document.skonto import parse_skonto, skonto_terms


def test_the_lines_of_the_test_suite_are_parsed():
    text = (
        "#SKONTO#TAGE=7#PROZENT=2.00#\n"
        "#SKONTO#TAGE=14#PROZENT=1.00#\n"
        "#SKONTO#TAGE=30#PROZENT=0.00#\n"
    )

    terms, malformed = parse_skonto(text)

    assert terms == [
        Skonto(days=7, percent=Decimal("2.00")),
        Skonto(days=14, percent=Decimal("1.00")),
        Skonto(days=30, percent=Decimal("0.00")),
    ]
    assert malformed == []


def test_basisbetrag_and_prose_around_the_lines():
    text = (
        "Zahlbar innerhalb von 30 Tagen.\r\n"
        "#SKONTO#TAGE=10#PROZENT=3.00#BASISBETRAG=1000.00#\r\n"
        "  #SKONTO#TAGE=20#PROZENT=1.50#  \n"
        "Vielen Dank.\n"
    )

    terms, malformed = parse_skonto(text)

    assert terms == [
        Skonto(days=10, percent=Decimal("3.00"), base_amount=Decimal("1000.00")),
        Skonto(days=20, percent=Decimal("1.50")),
    ]
    assert malformed == []


def test_a_negative_basisbetrag_is_allowed():
    terms, malformed = parse_skonto("#SKONTO#TAGE=5#PROZENT=2.00#BASISBETRAG=-50.00#\n")

    assert terms[0].base_amount == Decimal("-50.00")
    assert malformed == []


@pytest.mark.parametrize(
    "line",
    [
        "#SKONTO#TAGE=7#PROZENT=2#",  # percent needs two decimals
        "#SKONTO#TAGE=7#PROZENT=2,00#",  # decimal comma
        "#SKONTO#TAGE=sieben#PROZENT=2.00#",
        "#SKONTO#TAGE=7#PROZENT=2.00",  # closing '#' missing
        "#skonto#TAGE=7#PROZENT=2.00#",
        "#VERZUG#TAGE=7#PROZENT=5.00#",  # no longer part of XRechnung 3
        "#SKONTO#TAGE=7#PROZENT=2.00#BASISBETRAG=100#",
        "#SKONTO#PROZENT=2.00#TAGE=7#",
        "# Bitte beachten Sie unsere AGB",
    ],
)
def test_malformed_lines_are_reported_raw_and_not_parsed(line):
    terms, malformed = parse_skonto(f"Zahlbar sofort.\n{line}\n")

    assert terms == []
    assert malformed == [line]


def test_the_last_skonto_line_needs_a_line_break():
    text = "#SKONTO#TAGE=7#PROZENT=2.00#\n#SKONTO#TAGE=14#PROZENT=1.00#"

    terms, malformed = parse_skonto(text)

    assert [t.days for t in terms] == [7, 14]  # the meaning is clear …
    assert malformed == ["#SKONTO#TAGE=14#PROZENT=1.00#"]  # … but BR-DE-18 is broken


@pytest.mark.parametrize("text", ["", "Zahlbar innerhalb von 14 Tagen ohne Abzug.", "Nr. 4711"])
def test_prose_has_no_skonto(text):
    assert parse_skonto(text) == ([], [])


def _doc(**kwargs) -> InvoiceDocument:
    values = {"issue_date": dt.date(2026, 3, 20), "totals": Totals(due=Decimal("1190.00"))}
    return InvoiceDocument(**(values | kwargs))


def test_terms_give_last_day_percent_and_discount_earliest_first():
    doc = _doc(
        skonto=[
            Skonto(days=14, percent=Decimal("1.00")),
            Skonto(days=7, percent=Decimal("2.00")),
            Skonto(days=10, percent=Decimal("3.00"), base_amount=Decimal("100.55")),
        ]
    )

    assert (
        skonto_terms(doc)
        == doc.skonto_terms()
        == [
            (dt.date(2026, 3, 27), Decimal("2.00"), Decimal("23.80")),
            (dt.date(2026, 3, 30), Decimal("3.00"), Decimal("3.02")),  # 3.0165 → 3.02
            (dt.date(2026, 4, 3), Decimal("1.00"), Decimal("11.90")),
        ]
    )


def test_the_discount_is_rounded_half_up():
    doc = _doc(skonto=[Skonto(days=7, percent=Decimal("2.50"), base_amount=Decimal("0.50"))])

    assert doc.skonto_terms()[0][2] == Decimal("0.01")  # 0.0125 → 0.01
    doc.skonto[0].base_amount = Decimal("0.70")
    assert doc.skonto_terms()[0][2] == Decimal("0.02")  # 0.0175 → 0.02
    doc.skonto[0].base_amount = Decimal("0.20")
    assert doc.skonto_terms()[0][2] == Decimal("0.01")  # 0.005 → 0.01 (half-up)


def test_no_terms_without_issue_date_or_base():
    assert (
        _doc(skonto=[Skonto(days=7, percent=Decimal("2.00"))], issue_date=None).skonto_terms() == []
    )
    doc = InvoiceDocument(issue_date=dt.date(2026, 1, 1), skonto=[Skonto(7, Decimal("2.00"))])
    assert doc.skonto_terms() == []
