"""The human-readable invoice as PDF (number, seller, totals, IBAN readable by pypdf) for UBL
and CII files of the official test suite, and the "Prüf- und Anordnungsvermerk"."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from backoffice.invoices import steps, visualisation
from backoffice.invoices.models import Invoice, InvoiceStatus, InvoiceStep
from tests.invoices.factories import invoice_from_testsuite, staff, unit_in


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # table cells wrap: compare words, not line breaks


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "01.01a-INVOICE_ubl.xml",
            ["123456XX", "[Seller name]", "336,90 EUR", "DE79000000001234567890"],
        ),
        (
            "01.01a-INVOICE_uncefact.xml",
            ["123456XX", "[Seller name]", "336,90 EUR", "DE79000000001234567890"],
        ),
        ("04.01a-INVOICE_ubl.xml", ["12345", "M. Meier Handwerk GbR", "Demontage SML DN 100"]),
    ],
)
def test_invoice_pdf_shows_number_seller_totals_iban(name, expected):
    invoice = invoice_from_testsuite(name, save=False)
    text = pdf_text(visualisation.render_pdf(invoice))
    for value in expected:
        assert value in text, value
    for heading in ["Rechnungsdaten", "Verkäufer", "Käufer", "Positionen", "Summen", "Zahlung"]:
        assert heading in text
    assert "Fälliger Betrag (BT-115)" in text
    assert "Gesamtbetrag ohne Umsatzsteuer (BT-109)" in text


def test_every_total_and_the_vat_breakdown_are_printed():
    invoice = invoice_from_testsuite("01.01a-INVOICE_ubl.xml", save=False)
    doc = visualisation.document_of(invoice)
    text = pdf_text(visualisation.render_pdf(invoice))
    for value in [doc.totals.line_total, doc.totals.vat_total, doc.totals.with_vat]:
        assert visualisation.amount(value) in text
    assert "Umsatzsteuer zum Normalsatz (S)" in text


def test_skonto_attachments_and_sub_lines():
    skonto = invoice_from_testsuite("01.10a-INVOICE_ubl.xml", save=False)
    text = pdf_text(visualisation.render_pdf(skonto))
    assert "Skonto bis" in text

    attached = invoice_from_testsuite("01.15a-INVOICE_ubl.xml", save=False)
    text = pdf_text(visualisation.render_pdf(attached))
    assert "Anlagen" in text and "01_15_Anhang_01.pdf" in text

    view = visualisation.presentation(
        visualisation.document_of(invoice_from_testsuite("04.01a-INVOICE_ubl.xml", save=False))
    )
    depths = [line["depth"] for line in view["lines"]]
    assert max(depths) == 2
    assert depths[0] == 0


def test_core_font_fallback_still_prints_umlauts_and_the_euro_sign():
    invoice = invoice_from_testsuite("03.06a-INVOICE_ubl.xml", save=False)
    text = pdf_text(visualisation.render_pdf(invoice, font_path=None))
    assert "Testverkäufer" in text


def test_a_damaged_document_gives_a_pdf_not_an_error():
    invoice = Invoice(
        number="X-1", seller_name="Kaputt GmbH", document={"issue_date": "2026-13-40"}
    )
    text = pdf_text(visualisation.render_pdf(invoice))
    assert "X-1" in text
    assert "nicht verfügbar" in text


def test_formatting():
    assert visualisation.amount(Decimal("1234567.8"), "EUR") == "1.234.567,80 EUR"
    assert visualisation.amount(Decimal("-5")) == "-5,00"
    assert visualisation.number(Decimal("1.5000")) == "1,5"
    assert visualisation.number(Decimal("12000")) == "12.000"
    assert visualisation.number(Decimal("-0.25")) == "-0,25"
    assert visualisation.labelled("58", visualisation.PAYMENT_MEANS) == "SEPA-Überweisung (58)"
    assert visualisation.labelled("XYZ", visualisation.PAYMENT_MEANS) == "XYZ"


@pytest.mark.django_db
def test_approval_record_lists_every_step_and_the_four_eyes_statement():
    unit = unit_in("rastatt", name="Bauhof Rastatt")
    sachlich = staff(unit, "Sachliche Prüfung", first_name="Sina", last_name="Sach")
    anordnung = staff(unit, "Anordnung", first_name="Otto", last_name="Ordner")
    invoice = invoice_from_testsuite(
        "01.01a-INVOICE_ubl.xml",
        unit,
        status=InvoiceStatus.ORDERED,
        factual_by=sachlich,
        ordered_by=anordnung,
        cost_centre="5.4.1.0",
    )
    Action = InvoiceStep.Action
    steps.record(invoice, Action.FACTUAL, user=sachlich, comment="Lieferung vollständig")
    steps.record(invoice, Action.ORDERED, user=anordnung, comment="Zahlung frei")

    text = pdf_text(visualisation.render_approval_record(invoice))
    assert "Prüf- und Anordnungsvermerk" in text
    assert "123456XX" in text and "[Seller name]" in text
    assert "336,90 EUR" in text
    assert "5.4.1.0" in text
    assert "Sina Sach" in text and "Otto Ordner" in text
    assert "Lieferung vollständig" in text and "Zahlung frei" in text
    assert "Vier-Augen-Prinzip gewahrt" in text

    invoice.status = InvoiceStatus.ARITHMETIC
    assert "noch nicht angeordnet" in visualisation.four_eyes_statement(invoice)
