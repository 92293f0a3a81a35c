"""An invoice's page in the admin: the readable invoice (a real test-suite file), warnings,
duplicates, the path, the actions (POST) with German messages and reasons, and downloads."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from backoffice.invoices import filing, workflow
from backoffice.invoices.models import Invoice, InvoiceStatus, InvoiceStep
from tests.invoices.factories import (
    ADMIN_HOST,
    InvoiceFactory,
    approval_limit,
    invoice_from_testsuite,
    staff,
    unit_in,
)

pytestmark = pytest.mark.django_db
S = InvoiceStatus


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def url(name: str, *args) -> str:
    return reverse(f"invoices:{name}", args=args)


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def cache_control(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def messages_of(response) -> list[str]:
    return [str(message).strip() for message in response.context["messages"]]


@pytest.fixture(autouse=True)
def filed(monkeypatch):
    def fake(invoice, user):
        return filing.FilingResult(ok=True, message="ok", aktenzeichen="022.31/2026/0007")

    monkeypatch.setattr(filing, "file_invoice", fake)


@pytest.fixture
def unit():
    return unit_in("rastatt", name="Hochbauamt Rastatt")


@pytest.fixture
def people(unit):
    anordnung = staff(unit, "Anordnung", first_name="Olga", last_name="Ordner")
    approval_limit(anordnung, unit, "10000")
    return {
        "eingang": staff(unit, "Rechnungseingang"),
        "sachlich": staff(unit, "Sachliche Prüfung", first_name="Sven", last_name="Sach"),
        "rechnerisch": staff(unit, "Rechnerische Prüfung"),
        "anordnung": anordnung,
    }


def test_paths_are_the_contract():
    assert url("detail", 5) == "/admin/rechnungen/5/"
    assert url("factual", 5) == "/admin/rechnungen/5/sachlich-richtig/"
    assert url("attachment", 5, 0) == "/admin/rechnungen/5/anlage/0/"


def test_a_real_invoice_is_shown_readably(unit, people):
    invoice = invoice_from_testsuite("01.01a-INVOICE_ubl.xml", unit)
    response = client_for(people["sachlich"]).get(url("detail", invoice.pk))
    assert response.status_code == 200
    text = text_of(response)
    assert "Rechnung 123456XX" in text
    for expected in [
        "[Seller name]",
        "[Buyer name]",
        "Verkäufer",
        "Käufer",
        "Positionen",
        "Summe der Positionen (netto) (BT-106)",
        "Fälliger Betrag (BT-115)",
        "336,90 EUR",
        "DE79000000001234567890",
        "SEPA-Überweisung (58)",
    ]:
        assert expected in text, expected
    doc = invoice.document
    for line in doc["lines"]:
        assert line["name"] in text
    assert "Sachlich richtig zeichnen" in text  # the next step, allowed


def test_cii_invoice_with_attachment_can_be_downloaded(unit, people):
    invoice = invoice_from_testsuite("01.15a-INVOICE_uncefact.xml", unit)
    response = client_for(people["sachlich"]).get(url("detail", invoice.pk))
    assert "01_15_Anhang_01.pdf" in text_of(response)
    link = BeautifulSoup(response.content, "html.parser").find(
        "a", href=url("attachment", invoice.pk, 0)
    )
    assert link is not None

    download = client_for(people["sachlich"]).get(url("attachment", invoice.pk, 0))
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "01_15_Anhang_01.pdf" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= cache_control(download)
    assert client_for(people["sachlich"]).get(url("attachment", invoice.pk, 7)).status_code == 404


def test_original_and_pdf_downloads(unit, people):
    invoice = invoice_from_testsuite("01.01a-INVOICE_uncefact.xml", unit)
    client = client_for(people["sachlich"])
    original = client.get(url("original", invoice.pk))
    assert original.status_code == 200
    assert original.content == invoice.original.open("rb").read()
    assert original["Content-Disposition"].startswith("attachment;")
    assert "01.01a-INVOICE_uncefact.xml" in original["Content-Disposition"]
    assert original["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= cache_control(original)

    pdf = client.get(url("pdf", invoice.pk))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert {"private", "no-store"} <= cache_control(pdf)
    record = client.get(url("approval_record", invoice.pk))
    assert record.content.startswith(b"%PDF-")


def test_warnings_with_rule_ids_and_duplicate_warning(unit, people):
    earlier = InvoiceFactory(org_unit=unit, number="RE-9")
    invoice = InvoiceFactory(
        org_unit=unit,
        number="RE-9",
        duplicate_of=earlier,
        findings=[
            {
                "rule_id": "BR-DE-21",
                "severity": "warning",
                "message": "Die Spezifikationskennung sollte XRechnung angeben.",
                "term": "BT-24",
                "location": "",
            }
        ],
    )
    response = client_for(people["sachlich"]).get(url("detail", invoice.pk))
    text = text_of(response)
    assert "BR-DE-21 (BT-24): Die Spezifikationskennung sollte XRechnung angeben." in text
    assert "Mögliche Dublette:" in text
    assert "Frühere Rechnung RE-9 ansehen" in text
    assert "Der Inhalt der Rechnung ist nicht verfügbar" in text  # factory row: no document
    earlier_page = text_of(client_for(people["sachlich"]).get(url("detail", earlier.pk)))
    assert "Später eingegangene mögliche Dubletten" in earlier_page


def test_other_towns_invoice_is_not_found(people):
    foreign = InvoiceFactory(org_unit=unit_in("bruchsal"))
    client = client_for(people["eingang"])
    for name in ["detail", "pdf", "original", "approval_record"]:
        assert client.get(url(name, foreign.pk)).status_code == 404
    assert client.post(url("formal", foreign.pk)).status_code == 404
    assert client.get(url("detail", 999999)).status_code == 404


# --- actions ---------------------------------------------------------------------------------
def test_the_path_through_the_pages(unit, people):
    invoice = InvoiceFactory(org_unit=unit, status=S.RECEIVED, number="RE-100")

    response = client_for(people["eingang"]).post(
        url("formal", invoice.pk),
        {"formal-comment": "bestellt", "formal-org_unit": unit.pk},
        follow=True,
    )
    assert "Die Rechnung RE-100 ist formal geprüft." in messages_of(response)
    assert Invoice.objects.get(pk=invoice.pk).status == S.FORMAL

    response = client_for(people["sachlich"]).post(
        url("factual", invoice.pk), {"factual-comment": "Leistung erbracht"}, follow=True
    )
    assert "Die Rechnung RE-100 ist sachlich richtig gezeichnet." in messages_of(response)

    response = client_for(people["rechnerisch"]).post(
        url("arithmetic", invoice.pk), {}, follow=True
    )
    assert "Die Rechnung RE-100 ist rechnerisch richtig gezeichnet." in messages_of(response)

    page = text_of(client_for(people["anordnung"]).get(url("detail", invoice.pk)))
    assert "innerhalb Ihrer Anordnungsgrenze (10.000,00 EUR)" in page
    response = client_for(people["anordnung"]).post(url("order", invoice.pk), {}, follow=True)
    assert messages_of(response) == [
        "Die Zahlung zur Rechnung RE-100 ist angeordnet.",
        "Die Rechnung ist in der E-Akte abgelegt (022.31/2026/0007).",
    ]
    assert Invoice.objects.get(pk=invoice.pk).status == S.ORDERED
    text = text_of(response)
    assert "Leistung erbracht" in text  # the step's comment in the path
    assert "Sven Sach" in text
    assert "exportiert die Kasse" in text


def test_four_eyes_refusal_is_explained_on_the_page(unit, people):
    both = staff(unit, "Sachliche Prüfung", "Anordnung")
    approval_limit(both, unit, "10000")
    invoice = InvoiceFactory(org_unit=unit, status=S.ARITHMETIC, factual_by=both)
    client = client_for(both)
    text = text_of(client.get(url("detail", invoice.pk)))
    assert (
        "Sie haben diese Rechnung als sachlich richtig gezeichnet – die Anordnung muss eine "
        "andere Person geben." in text
    )
    assert not BeautifulSoup(client.get(url("detail", invoice.pk)).content, "html.parser").find(
        "form", action=url("order", invoice.pk)
    )
    # a forged POST is refused with the same reason and changes nothing
    response = client.post(url("order", invoice.pk), {"order-comment": "trotzdem"})
    assert response.status_code == 200
    assert any("als sachlich richtig gezeichnet" in m for m in messages_of(response))
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert fresh.status == S.ARITHMETIC
    assert fresh.steps.count() == 0


def test_first_order_above_the_limit(unit, people):
    invoice = InvoiceFactory(org_unit=unit, status=S.ARITHMETIC, amount_due=Decimal("25000"))
    response = client_for(people["anordnung"]).post(url("order", invoice.pk), follow=True)
    assert any("als erste Unterschrift erfasst" in m for m in messages_of(response))
    text = text_of(response)
    assert "die zweite Unterschrift muss eine andere Person leisten" in text


def test_filing_failure_is_shown_with_the_reason(unit, people, monkeypatch):
    def refuses(invoice, user):
        from backoffice.invoices import steps

        steps.record(
            invoice,
            InvoiceStep.Action.COMMENT,
            user=user,
            comment="Ablage fehlgeschlagen: Keine Akte für Rechnungen hinterlegt.",
            data={"filing_failed": True},
        )
        return filing.FilingResult(ok=False, message="Keine Akte für Rechnungen hinterlegt.")

    monkeypatch.setattr(filing, "file_invoice", refuses)
    invoice = InvoiceFactory(org_unit=unit, status=S.ARITHMETIC)
    response = client_for(people["anordnung"]).post(url("order", invoice.pk), follow=True)
    assert (
        "Die Rechnung konnte nicht in der E-Akte abgelegt werden: Keine Akte für Rechnungen "
        "hinterlegt." in messages_of(response)
    )
    assert Invoice.objects.get(pk=invoice.pk).status == S.ORDERED
    text = text_of(response)
    assert "Nicht in der E-Akte abgelegt: Keine Akte für Rechnungen hinterlegt." in text


def test_reject_needs_reason_and_notice_and_shows_them(unit, people):
    invoice = InvoiceFactory(org_unit=unit, status=S.RECEIVED)
    client = client_for(people["eingang"])
    response = client.post(url("reject", invoice.pk), {"reject-reason": "Nicht bestellt"})
    assert response.status_code == 200
    assert "Bitte formulieren Sie die Mitteilung an den Rechnungssteller." in text_of(response)
    assert Invoice.objects.get(pk=invoice.pk).status == S.RECEIVED

    response = client.post(
        url("reject", invoice.pk),
        {"reject-reason": "Nicht bestellt", "reject-notice": "Wir haben nichts bestellt."},
        follow=True,
    )
    assert f"Die Rechnung {invoice.number} ist zurückgewiesen." in messages_of(response)
    text = text_of(response)
    assert "Zurückgewiesen. Grund: Nicht bestellt" in text
    assert "Wir haben nichts bestellt." in text


def test_assign_booking_and_comment(unit, people):
    invoice = InvoiceFactory(org_unit=unit, status=S.FORMAL)
    other = unit_in("rastatt", name="Stadtwerke Rastatt")
    client = client_for(people["eingang"])
    response = client.post(
        url("booking", invoice.pk),
        {"booking-cost_centre": "7.1.0", "booking-booking_text": "Dachsanierung"},
        follow=True,
    )
    assert "Die Buchungsdaten sind gespeichert." in messages_of(response)
    response = client.post(
        url("comment", invoice.pk), {"comment-text": "Rückruf erbeten"}, follow=True
    )
    assert "Ihr Kommentar ist gespeichert." in messages_of(response)
    assert "Rückruf erbeten" in text_of(response)
    response = client.post(url("assign", invoice.pk), {"assign-org_unit": other.pk}, follow=True)
    assert (
        f"Die Rechnung {invoice.number} ist jetzt der Dienststelle Stadtwerke Rastatt zugeordnet."
        in messages_of(response)
    )
    fresh = Invoice.objects.get(pk=invoice.pk)
    assert (fresh.org_unit, fresh.cost_centre, fresh.booking_text) == (
        other,
        "7.1.0",
        "Dachsanierung",
    )


def test_after_reassignment_the_office_clerk_goes_back_to_the_list(unit, people):
    """An office member who passes the invoice on may no longer see it."""
    clerk = staff(unit, "Rechnungseingang")
    invoice = InvoiceFactory(org_unit=unit, status=S.FORMAL)
    other = unit_in("rastatt", name="Musikschule Rastatt")
    response = client_for(clerk).post(url("assign", invoice.pk), {"assign-org_unit": other.pk})
    # Rechnungseingang sees the whole town: still the invoice's page
    assert response["Location"] == url("detail", invoice.pk)


def test_get_on_an_action_goes_to_the_page_and_bad_input_gives_no_500(unit, people):
    invoice = InvoiceFactory(org_unit=unit, status=S.RECEIVED)
    client = client_for(people["eingang"])
    response = client.get(url("formal", invoice.pk))
    assert response.status_code == 302
    response = client.post(url("formal", invoice.pk), {"formal-org_unit": "kein-int"})
    assert response.status_code == 200
    assert "Bitte eine Dienststelle der Stadt wählen." in text_of(response)
    response = client.post(url("comment", invoice.pk), {"comment-text": "x" * 6000})
    assert response.status_code == 200
    assert Invoice.objects.get(pk=invoice.pk).steps.count() == 0


def test_the_action_of_another_role_is_refused(unit, people):
    invoice = InvoiceFactory(org_unit=unit, status=S.FORMAL)
    client = client_for(people["rechnerisch"])
    text = text_of(client.get(url("detail", invoice.pk)))
    assert "Sie haben nicht das Recht, Rechnungen sachlich richtig zu zeichnen." in text
    response = client.post(url("factual", invoice.pk))
    assert any("nicht das Recht" in m for m in messages_of(response))
    assert Invoice.objects.get(pk=invoice.pk).status == S.FORMAL
    assert workflow.refusals(invoice, people["sachlich"])["factual"] == ""
