"""Filing ordered invoices into the real E-Akte: three documents into the route's Akte, once;
clear messages when there is no Akte, its retention is too short or the E-Akte refuses; the
"Erneut ablegen" button."""

from __future__ import annotations

import io
import itertools

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from backoffice.efiles import actions, records
from backoffice.efiles import roles as efiles_roles
from backoffice.efiles.models import Dokument
from backoffice.invoices import filing, visualisation
from backoffice.invoices.models import Invoice, InvoiceStatus, InvoiceStep
from tests.efiles.factories import PlanUnitFactory, pdf_bytes, read
from tests.efiles.factories import akte as make_akte
from tests.invoices.factories import (
    ADMIN_HOST,
    MINIMAL_XML,
    InvoiceFactory,
    route,
    staff,
    town_of,
    unit_in,
)

pytestmark = pytest.mark.django_db

# Leitweg-IDs no demo town uses (the demo routes the towns' real regional keys "082…")
_serial = itertools.count(1)


def leitweg_prefix() -> str:
    return f"0916{next(_serial):04d}"


@pytest.fixture
def unit():
    return unit_in("rastatt", name="Hochbauamt Rastatt")


@pytest.fixture
def prefix():
    return leitweg_prefix()


def rechnungen_akte(unit, retention_years: int = 10, title: str = "Rechnungen 2026"):
    plan = PlanUnitFactory(site=unit.site, title="Rechnungen", retention_years=retention_years)
    return make_akte(unit, plan_unit=plan, title=title)


@pytest.fixture
def akte(unit):
    return rechnungen_akte(unit)


def e_akte_clerk(user, unit):
    clerks, _officers = efiles_roles.setup_town(town_of(unit))
    user.groups.add(clerks)
    return user


@pytest.fixture
def orderer(unit):
    return e_akte_clerk(staff(unit, "Anordnung", first_name="Olga", last_name="Ordnung"), unit)


@pytest.fixture
def renderers(monkeypatch):
    """Stand-ins for the PDF renderers (the real ones are tested in test_visualisation)."""
    monkeypatch.setattr(
        visualisation, "render_pdf", lambda invoice: pdf_bytes(f"Rechnung {invoice.number}")
    )
    monkeypatch.setattr(
        visualisation,
        "render_approval_record",
        lambda invoice: pdf_bytes(f"Pruef- und Anordnungsvermerk {invoice.number}"),
    )


def ordered_invoice(unit, leitweg_id: str, **kwargs) -> Invoice:
    kwargs.setdefault("status", InvoiceStatus.ORDERED)
    return InvoiceFactory(
        org_unit=unit,
        leitweg_id=leitweg_id,
        number=kwargs.pop("number", "RE-2026-4711"),
        seller_name=kwargs.pop("seller_name", "Elektro Ganter GmbH"),
        **kwargs,
    )


def failure_steps(invoice):
    return list(invoice.steps.filter(action=InvoiceStep.Action.COMMENT))


# --- filing ------------------------------------------------------------------------------------
def test_filing_puts_three_documents_into_the_routes_akte(unit, akte, orderer, prefix, renderers):
    route(unit, f"{prefix}-HBA", akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-HBA-12")

    result = filing.file_invoice(invoice, orderer)

    assert result.ok, result.message
    assert result.aktenzeichen == akte.aktenzeichen
    assert akte.aktenzeichen in result.message
    filed = records.filed_for(invoice)
    assert [document.title for document in filed] == [
        "Rechnung RE-2026-4711 – Elektro Ganter GmbH – rechnung.xml",
        "Rechnung RE-2026-4711 – Elektro Ganter GmbH – Rechnung-RE-2026-4711.pdf",
        "Rechnung RE-2026-4711 – Elektro Ganter GmbH – "
        "Pruef-und-Anordnungsvermerk-RE-2026-4711.pdf",
    ]
    assert {document.akte_id for document in filed} == {akte.pk}
    dokumente = Dokument.objects.filter(pk__in=[d.dokument_id for d in filed]).order_by("pk")
    assert {d.document_type for d in dokumente} == {"rechnung"}
    assert {d.sender for d in dokumente} == {"Elektro Ganter GmbH"}
    original = dokumente[0].versions.get(number=1)
    assert read(original) == MINIMAL_XML
    approval = read(dokumente[2].versions.get(number=1))
    assert (
        "Anordnungsvermerk RE-2026-4711" in PdfReader(io.BytesIO(approval)).pages[0].extract_text()
    )

    invoice.refresh_from_db()
    assert invoice.filed_at is not None
    assert invoice.filed_in == akte.aktenzeichen
    step = invoice.steps.get(action=InvoiceStep.Action.FILED)
    assert step.user == orderer
    assert akte.aktenzeichen in step.comment
    assert step.data["aktenzeichen"] == akte.aktenzeichen
    assert len(step.data["dokumente"]) == 3
    assert step.from_status == step.to_status == InvoiceStatus.ORDERED


def test_second_call_does_nothing(unit, akte, orderer, prefix, renderers):
    route(unit, f"{prefix}-HBA", akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-HBA-12")
    assert filing.file_invoice(invoice, orderer).ok
    documents, steps = Dokument.objects.count(), InvoiceStep.objects.count()

    again = filing.file_invoice(Invoice.objects.get(pk=invoice.pk), orderer)

    assert again.ok
    assert "bereits" in again.message
    assert again.aktenzeichen == akte.aktenzeichen
    assert (Dokument.objects.count(), InvoiceStep.objects.count()) == (documents, steps)
    assert len(records.filed_for(invoice)) == 3


def test_exported_invoice_can_be_filed_too(unit, akte, orderer, prefix, renderers):
    route(unit, prefix, akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-77", status=InvoiceStatus.EXPORTED)
    assert filing.file_invoice(invoice, orderer).ok


def test_town_wide_route_gives_the_akte_when_the_office_route_names_none(
    unit, akte, orderer, prefix, renderers
):
    route(unit, prefix, akte=akte)
    route(unit, f"{prefix}-HBA")  # office only, no Akte
    invoice = ordered_invoice(unit, f"{prefix}-HBA-12")

    result = filing.file_invoice(invoice, orderer)

    assert result.ok, result.message
    assert result.aktenzeichen == akte.aktenzeichen


def test_no_akte_gives_a_clear_message_and_files_nothing(unit, orderer, prefix, renderers):
    route(unit, f"{prefix}-HBA")
    invoice = ordered_invoice(unit, f"{prefix}-HBA-12")
    documents = Dokument.objects.count()

    result = filing.file_invoice(invoice, orderer)

    assert not result.ok
    assert result.message == (
        f"Für die Leitweg-ID {prefix}-HBA-12 ist keine Akte für Rechnungen hinterlegt."
    )
    assert Dokument.objects.count() == documents
    invoice.refresh_from_db()
    assert invoice.filed_at is None and invoice.filed_in == ""
    [step] = failure_steps(invoice)
    assert step.comment == f"Ablage fehlgeschlagen: {result.message}"
    assert step.user == orderer
    assert step.data["ok"] is False


def test_no_route_at_all_gives_the_same_message(unit, orderer, prefix, renderers):
    invoice = ordered_invoice(unit, f"{prefix}-XY-12")
    result = filing.file_invoice(invoice, orderer)
    assert not result.ok
    assert "ist keine Akte für Rechnungen hinterlegt" in result.message


def test_akte_with_short_retention_is_refused(unit, orderer, prefix, renderers):
    short = rechnungen_akte(unit, retention_years=5, title="Kurzlebige Akte")
    route(unit, prefix, akte=short)
    invoice = ordered_invoice(unit, f"{prefix}-12")
    documents = Dokument.objects.count()

    result = filing.file_invoice(invoice, orderer)

    assert not result.ok
    assert short.aktenzeichen in result.message
    assert "5 Jahre" in result.message
    assert "§ 14b UStG" in result.message and "10 Jahre" in result.message
    assert Dokument.objects.count() == documents
    assert Invoice.objects.get(pk=invoice.pk).filed_at is None
    assert len(failure_steps(invoice)) == 1


def test_closed_akte_is_refused_with_the_e_akte_message(unit, akte, orderer, prefix, renderers):
    route(unit, prefix, akte=akte)
    actions.close_akte(None, akte)
    invoice = ordered_invoice(unit, f"{prefix}-12")

    result = filing.file_invoice(invoice, orderer)

    assert not result.ok
    assert "geschlossen" in result.message
    assert failure_steps(invoice)[0].comment.startswith("Ablage fehlgeschlagen: Die Akte")
    assert Invoice.objects.get(pk=invoice.pk).filed_at is None


def test_orderer_without_e_akte_rights_still_gets_the_invoice_filed(unit, akte, prefix, renderers):
    """The Akte was chosen for the Leitweg-ID by the Rechnungslauf-Verwaltung: the system
    files, naming the person who ordered – they need no rights in the E-Akte."""
    route(unit, prefix, akte=akte)
    plain = staff(unit, "Anordnung", first_name="Petra", last_name="Pfennig")
    invoice = ordered_invoice(unit, f"{prefix}-12")

    result = filing.file_invoice(invoice, plain)

    assert result.ok, result.message
    assert len(records.filed_for(invoice)) == 3
    assert Invoice.objects.get(pk=invoice.pk).filed_in == akte.aktenzeichen
    assert "Petra Pfennig" in "".join(
        akte.vorgaenge.values_list("dokumente__versions__comment", flat=True)
    )


def test_renderer_failure_is_reported_not_raised(unit, akte, orderer, prefix, monkeypatch):
    route(unit, prefix, akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-12")

    def broken(invoice):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(visualisation, "render_pdf", broken)
    result = filing.file_invoice(invoice, orderer)

    assert not result.ok
    assert "PDF" in result.message
    assert records.filed_for(invoice) == []
    assert len(failure_steps(invoice)) == 1


@pytest.mark.parametrize(
    "status", [InvoiceStatus.RECEIVED, InvoiceStatus.ARITHMETIC, InvoiceStatus.REJECTED]
)
def test_only_ordered_invoices_are_filed(unit, akte, orderer, prefix, renderers, status):
    route(unit, prefix, akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-12", status=status)
    result = filing.file_invoice(invoice, orderer)
    assert not result.ok
    assert records.filed_for(invoice) == []
    assert not invoice.steps.exists()


def test_real_renderers_produce_the_filed_pdfs(unit, akte, orderer, prefix):
    """The workflow engineer's renderers, for real (document JSON of a plain factory row)."""
    route(unit, prefix, akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-12")
    try:
        visualisation.render_pdf(invoice)
    except NotImplementedError:
        pytest.skip("visualisation.render_pdf is still a stub")

    result = filing.file_invoice(invoice, orderer)

    assert result.ok, result.message
    filed = Dokument.objects.filter(pk__in=[d.dokument_id for d in records.filed_for(invoice)])
    pdfs = [read(d.versions.get(number=1)) for d in filed.order_by("pk")][1:]
    assert all(data.startswith(b"%PDF") for data in pdfs)
    texts = [
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages) for data in pdfs
    ]
    assert all("RE-2026-4711" in text for text in texts)


# --- "Erneut ablegen" -------------------------------------------------------------------------
def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def file_url(invoice) -> str:
    return reverse("invoices:file", args=[invoice.pk])


def test_retry_button_files_after_the_akte_was_set(unit, akte, orderer, prefix, renderers):
    office_route = route(unit, prefix)
    invoice = ordered_invoice(unit, f"{prefix}-12")
    assert not filing.file_invoice(invoice, orderer).ok
    office_route.akte = akte
    office_route.save()

    response = client_for(orderer).post(file_url(invoice), follow=True)

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any(akte.aktenzeichen in m and "abgelegt" in m for m in messages), messages
    assert Invoice.objects.get(pk=invoice.pk).filed_in == akte.aktenzeichen


def test_retry_button_shows_the_reason_of_a_failure(unit, orderer, prefix, renderers):
    invoice = ordered_invoice(unit, f"{prefix}-12")
    response = client_for(orderer).post(file_url(invoice), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("keine Akte für Rechnungen hinterlegt" in m for m in messages), messages


def test_retry_button_for_the_kasse_too_and_never_twice(unit, akte, orderer, prefix, renderers):
    route(unit, prefix, akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-12")
    kasse = e_akte_clerk(staff(unit, "Kasse"), unit)
    client = client_for(kasse)
    client.post(file_url(invoice))
    documents = Dokument.objects.count()

    response = client.post(file_url(invoice), follow=True)

    assert Dokument.objects.count() == documents
    messages = [str(m) for m in response.context["messages"]]
    assert any("bereits" in m for m in messages), messages


def test_retry_button_needs_the_right_and_the_town(unit, akte, prefix, renderers):
    route(unit, prefix, akte=akte)
    invoice = ordered_invoice(unit, f"{prefix}-12")
    checker = staff(unit, "Sachliche Prüfung")
    refused = client_for(checker).post(file_url(invoice))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "no access"
    stranger = staff(unit_in("bruchsal"), "Anordnung", "Kasse")
    assert client_for(stranger).post(file_url(invoice)).status_code == 404
    orderer = staff(unit, "Anordnung")
    assert client_for(orderer).get(file_url(invoice)).status_code == 405
    assert client_for(orderer).post(reverse("invoices:file", args=[999_999_999])).status_code == 404
    assert records.filed_for(invoice) == []
