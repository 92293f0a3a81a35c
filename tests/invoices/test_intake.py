"""Receiving invoices (:func:`backoffice.invoices.intake.receive`): every instance of the official
XRechnung test suite is accepted with its amounts; what is not a valid, routable, new invoice is
rejected and leaves nothing behind – no row, no file."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import facturx
import pytest
from django.db import DatabaseError
from fpdf import FPDF

from backoffice.invoices import intake
from backoffice.invoices.document.reader import read_invoice
from backoffice.invoices.intake import due_date, due_date_from_terms, receive, seller_key
from backoffice.invoices.models import Invoice, InvoiceStatus, InvoiceStep, LeitwegRoute, Source
from backoffice.invoices.storage import invoice_storage
from tests.invoices import conftest as suite
from tests.invoices.factories import route, staff, unit_in
from tests.services.factories import town

pytestmark = pytest.mark.django_db

UBL = "01.01a-INVOICE_ubl.xml"
CII = "01.01a-INVOICE_uncefact.xml"
UBL_LEITWEG = "04011000-12345-03"


def suite_bytes(name: str = UBL) -> bytes:
    return suite.testsuite_file(name).read_bytes()


def stored_files(folder: str = "invoices") -> list[str]:
    """Every file below ``folder`` in the private storage (recursively)."""
    storage = invoice_storage()
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    found = [f"{folder}/{name}" for name in files]
    for sub in folders:
        found += stored_files(f"{folder}/{sub}")
    return found


@pytest.fixture
def rastatt():
    return town("rastatt").site


@pytest.fixture
def bruchsal():
    return town("bruchsal").site


@pytest.fixture
def nothing_stored():
    """Asserts at the end of the test that no invoice row and no file was added."""
    before = (Invoice.objects.count(), sorted(stored_files()))
    yield
    assert (Invoice.objects.count(), sorted(stored_files())) == before


def with_text(data: bytes, old: str, new: str, count: int = 1) -> bytes:
    text = data.decode("utf-8")
    assert old in text, old
    return text.replace(old, new, count).encode("utf-8")


def rules(result) -> set[str]:
    return {finding.rule_id for finding in result.errors}


def zugferd_pdf(xml: bytes) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Rechnung - Sichtbeleg")
    return facturx.generate_from_binary(bytes(pdf.output()), xml, check_xsd=False)


# --- the whole test suite ----------------------------------------------------------------------
@pytest.mark.parametrize("path", suite.testsuite_paths(), ids=lambda path: path.name)
def test_every_testsuite_invoice_is_accepted_with_its_amounts(path, rastatt):
    data = path.read_bytes()
    document = read_invoice(data, path.name).document

    result = receive(data, path.name, source=Source.UPLOAD, site=rastatt)

    assert result.accepted, [(f.rule_id, f.message) for f in result.findings]
    assert result.outcome == "accepted" and not result.errors
    invoice = Invoice.objects.get(pk=result.invoice.pk)
    totals = document.totals
    assert invoice.net_total == totals.without_vat
    assert invoice.vat_total == totals.vat_total
    assert invoice.gross_total == totals.with_vat
    assert invoice.amount_due == totals.due
    assert invoice.status == InvoiceStatus.RECEIVED
    assert invoice.site == rastatt and invoice.org_unit is None
    assert invoice.number == document.number
    assert invoice.leitweg_id == document.leitweg_id
    assert invoice.container == "xml" and invoice.syntax == (
        "UBL" if "_ubl" in path.name else "CII"
    )
    assert invoice.original.read() == data
    assert invoice.original_name == path.name
    assert invoice.findings == [finding.to_dict() for finding in result.warnings]
    assert all(item["content"] is None for item in invoice.document["attachments"])
    assert [step.action for step in invoice.steps.all()] == [InvoiceStep.Action.RECEIVED]


# --- what is stored ----------------------------------------------------------------------------
def test_stored_values_of_a_ubl_invoice(rastatt):
    clerk = staff(unit_in("rastatt"), "Rechnungseingang")
    result = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, user=clerk, site=rastatt)

    invoice = result.invoice
    assert result.message.startswith("Angenommen: Rechnung ")
    assert invoice.received_by == clerk and invoice.source == Source.UPLOAD
    assert invoice.number == "123456XX"
    assert invoice.seller_name == "[Seller name]"
    assert invoice.seller_key == "DE123456789"
    assert invoice.iban == "DE79000000001234567890"
    assert invoice.issue_date == dt.date(2016, 4, 4)
    assert invoice.due_date == dt.date(2016, 4, 4)  # "Zahlbar sofort ohne Abzug."
    assert invoice.amount_due == Decimal("336.90") and invoice.currency == "EUR"
    assert invoice.leitweg_id == UBL_LEITWEG and invoice.buyer_name == "[Buyer name]"
    assert invoice.booking_text == f"{invoice.seller_name} {invoice.number}"
    assert invoice.cost_centre == ""
    assert len(invoice.original_sha256) == 64
    step = invoice.steps.get()
    assert step.user == clerk and step.to_status == InvoiceStatus.RECEIVED
    assert step.data["source"] == "upload"
    # the file is kept privately, never under the sender's name
    assert invoice.original.name.startswith("invoices/") and "rechnung" not in invoice.original.name


def test_skonto_is_taken_from_the_payment_terms(rastatt):
    name = "01.10a-INVOICE_ubl.xml"
    document = read_invoice(suite_bytes(name), name).document
    until, percent, amount = document.skonto_terms()[0]

    invoice = receive(suite_bytes(name), name, source=Source.UPLOAD, site=rastatt).invoice

    assert (invoice.skonto_until, invoice.skonto_percent, invoice.skonto_amount) == (
        until,
        percent,
        amount,
    )


def test_a_zugferd_pdf_is_accepted_as_pdf(rastatt):
    pdf = zugferd_pdf(suite_bytes(CII))

    result = receive(pdf, "rechnung.pdf", source=Source.UPLOAD, site=rastatt)

    assert result.accepted, result.findings
    assert result.invoice.container == "pdf" and result.invoice.syntax == "CII"
    assert result.invoice.original.read() == pdf


def test_the_office_comes_from_the_leitweg_id(rastatt):
    bauamt = unit_in("rastatt", name="Bauamt Rastatt")
    route(bauamt, UBL_LEITWEG)

    result = receive(suite_bytes(), "rechnung.xml", source=Source.API)  # no town given

    assert result.accepted
    assert result.invoice.site == rastatt and result.invoice.org_unit == bauamt
    assert "Bauamt Rastatt" in result.message
    assert result.invoice.steps.get().data["route"] == UBL_LEITWEG


def test_a_town_wide_route_gives_the_town_without_office(rastatt):
    LeitwegRoute.objects.create(site=rastatt, leitweg_id="04011000")

    result = receive(suite_bytes(), "rechnung.xml", source=Source.COMMAND)

    assert result.accepted and result.invoice.site == rastatt and result.invoice.org_unit is None
    assert "noch keiner Dienststelle zugeordnet" in result.message


# --- rejected: nothing is stored ---------------------------------------------------------------
def test_not_xml_is_rejected(rastatt, nothing_stored):
    result = receive(b"Das ist keine Rechnung.", "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    assert not result.accepted and result.outcome == "rejected"
    assert rules(result) == {"XML-WOHLGEFORMT"}
    assert result.message.startswith("Abgelehnt: ")


def test_an_empty_file_is_rejected(rastatt, nothing_stored):
    result = receive(b"", "leer.xml", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"DATEI-LEER"}


def test_a_file_over_the_limit_is_rejected(rastatt, settings, nothing_stored):
    settings.INVOICES_MAX_UPLOAD_MB = 0.001
    result = receive(suite_bytes(), "gross.xml", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"DATEI-ZU-GROSS"}
    assert "zu groß" in result.message


def test_a_pdf_without_invoice_is_rejected(rastatt, nothing_stored):
    pdf = FPDF()
    pdf.add_page()
    result = receive(bytes(pdf.output()), "scan.pdf", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"PDF-OHNE-XML"}


def test_an_invalid_invoice_is_rejected_with_its_rules(rastatt, nothing_stored):
    wrong_sum = with_text(
        suite_bytes(),
        '<cbc:LineExtensionAmount currencyID="EUR">314.86</cbc:LineExtensionAmount>\n'
        "        <cbc:TaxExclusiveAmount",
        '<cbc:LineExtensionAmount currencyID="EUR">999.99</cbc:LineExtensionAmount>\n'
        "        <cbc:TaxExclusiveAmount",
    )
    result = receive(wrong_sum, "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    assert not result.accepted and "BR-CO-10" in rules(result)
    assert "BR-CO-10" in result.message
    assert all(finding.message for finding in result.findings)


def test_missing_leitweg_id_is_rejected(rastatt, nothing_stored):
    without = with_text(
        suite_bytes(), f"<cbc:BuyerReference>{UBL_LEITWEG}</cbc:BuyerReference>", ""
    )
    result = receive(without, "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    assert not result.accepted and "BR-DE-15" in rules(result)


def test_unknown_leitweg_id_without_town_is_rejected(nothing_stored):
    result = receive(suite_bytes(), "rechnung.xml", source=Source.COMMAND)
    assert rules(result) == {"LEITWEG-UNBEKANNT"}
    assert f"Leitweg-ID „{UBL_LEITWEG}“ ist keiner Stadt zugeordnet" in result.message


def test_a_route_of_another_town_is_refused(rastatt, nothing_stored):
    route(unit_in("bruchsal"), UBL_LEITWEG)
    result = receive(suite_bytes(), "rechnung.xml", source=Source.API, site=rastatt)
    assert rules(result) == {"LEITWEG-ANDERE-STADT"}
    assert "Bruchsal" in result.message and "Rastatt" in result.message


def test_a_database_error_leaves_no_file(rastatt, monkeypatch, nothing_stored):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(intake.steps, "record", broken)
    result = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"SPEICHERN-FEHLGESCHLAGEN"}


def test_a_reader_bug_is_a_rejection_not_a_crash(rastatt, monkeypatch, nothing_stored):
    def broken(data, filename=""):
        raise RuntimeError("bug")

    monkeypatch.setattr(intake, "read_invoice", broken)
    result = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"PRUEFUNG-FEHLGESCHLAGEN"}


# --- duplicates --------------------------------------------------------------------------------
def test_a_duplicate_is_refused_then_accepted_on_request(rastatt):
    first = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=rastatt).invoice
    again = suite_bytes() + b"\n<!-- noch einmal gesendet -->\n"  # other bytes, same invoice

    refused = receive(again, "rechnung-2.xml", source=Source.UPLOAD, site=rastatt)
    assert not refused.accepted and refused.outcome == "duplicate"
    assert refused.duplicate_of == first and rules(refused) == {"DUBLETTE"}
    assert f"#{first.pk}" in refused.message
    assert Invoice.objects.filter(site=rastatt, number="123456XX").count() == 1

    taken = receive(
        again, "rechnung-2.xml", source=Source.UPLOAD, site=rastatt, accept_duplicate=True
    )
    assert taken.accepted and taken.invoice.duplicate_of == first
    assert "DUBLETTE" in {finding["rule_id"] for finding in taken.invoice.findings}
    assert taken.invoice.steps.get().data["duplicate_of"] == first.pk


def test_the_same_file_is_always_refused(rastatt):
    first = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=rastatt).invoice
    for accept in (False, True):
        result = receive(
            suite_bytes(), "kopie.xml", source=Source.UPLOAD, site=rastatt, accept_duplicate=accept
        )
        assert result.outcome == "same_file" and result.duplicate_of == first
        assert rules(result) == {"DATEI-BEREITS-EINGEGANGEN"}
    assert Invoice.objects.filter(site=rastatt, number="123456XX").count() == 1


def test_a_rejected_invoice_is_no_duplicate(rastatt):
    first = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=rastatt).invoice
    Invoice.objects.filter(pk=first.pk).update(status=InvoiceStatus.REJECTED)
    corrected = suite_bytes() + b"\n<!-- korrigiert -->\n"
    result = receive(corrected, "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    assert result.accepted and result.invoice.duplicate_of is None


def test_duplicates_are_per_town(rastatt, bruchsal):
    receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=rastatt)
    result = receive(suite_bytes(), "rechnung.xml", source=Source.UPLOAD, site=bruchsal)
    assert result.accepted and result.invoice.site == bruchsal


# --- derived values ----------------------------------------------------------------------------
def test_seller_key_is_vat_id_else_tax_number_else_name():
    document = read_invoice(suite_bytes(), UBL).document
    document.seller.vat_id = "de 123 456 789"
    assert seller_key(document) == "DE123456789"
    document.seller.vat_id = ""
    document.seller.tax_number = "201/113/40209"
    assert seller_key(document) == "201/113/40209"
    document.seller.tax_number = ""
    document.seller.name = "  Muster-Bau  GmbH. "
    assert seller_key(document) == "muster bau gmbh"


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ("Bitte überweisen Sie bis zum 13.04.2018 auf das Konto.", dt.date(2018, 4, 13)),
        ("Zahlbar innerhalb 14 Tagen nach Erhalt der Rechnung.", dt.date(2026, 1, 15)),
        ("Zahlbar innerhalb von 10 Tagen.", dt.date(2026, 1, 11)),
        ("30 Tage netto", dt.date(2026, 1, 31)),
        ("Zahlbar sofort ohne Abzug.", dt.date(2026, 1, 1)),
        ("Bei Zahlungen binnen 14 Tagen, 2% Skonto", None),
        ("#SKONTO#TAGE=7#PROZENT=2.00#\n", None),
        ("Vielen Dank für Ihren Auftrag.", None),
        ("bis zum 31.02.2026", None),
    ],
)
def test_due_date_from_payment_terms(terms, expected):
    assert due_date_from_terms(terms, dt.date(2026, 1, 1)) == expected


def test_due_date_falls_back_to_issue_date_plus_payment_days(settings):
    document = read_invoice(suite_bytes(), UBL).document
    document.due_date = None
    document.payment_terms = ""
    document.issue_date = dt.date(2026, 3, 1)
    assert due_date(document) == dt.date(2026, 3, 31)
    settings.INVOICES_DEFAULT_PAYMENT_DAYS = 14
    assert due_date(document) == dt.date(2026, 3, 15)
    document.due_date = dt.date(2026, 4, 1)
    assert due_date(document) == dt.date(2026, 4, 1)


def test_amounts_are_formatted_in_german():
    assert intake.format_amount(Decimal("1190.5")) == "1.190,50"
    assert intake.format_amount(None) == "–"
    assert re.fullmatch(r"-?[\d.]+,\d\d", intake.format_amount(Decimal("-12345678.901")))
