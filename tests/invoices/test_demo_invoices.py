"""The seeded demo of the Rechnungslauf (loaded once per test session, see tests/conftest.py):
per town the logins, the Leitweg-ID routes, the invoice Akte and invoices in every status –
received through the real intake, filed into the real E-Akte, one booking file."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from backoffice.efiles import records
from backoffice.invoices import export
from backoffice.invoices.models import (
    ApprovalLimit,
    ExportBatch,
    Invoice,
    InvoiceStatus,
    InvoiceStep,
    LeitwegRoute,
)
from portal.core.models import TownSettings
from portal.demo import invoices_content as content
from portal.demo.invoices_seed import LOGINS, login
from portal.demo.invoices_xml import vat_id
from tests.conftest import TOWN_SLUGS
from tests.invoices.factories import ADMIN_HOST
from tests.utils import login as login_with_request

pytestmark = pytest.mark.django_db

ROLE_GROUPS = {
    "rechnungseingang": {"Rechnungseingang", "Rechnungslauf-Verwaltung"},
    "sachlich": {"Sachliche Prüfung"},
    "rechnerisch": {"Rechnerische Prüfung"},
    "anordnung": {"Anordnung"},
    "kaemmerei": {"Anordnung", "Kasse"},
}


def town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site").get(slug=slug)


def invoices_of(slug: str):
    return Invoice.objects.filter(site=town(slug).site)


def akte_label(slug: str) -> str:
    route = LeitwegRoute.objects.get(leitweg_id=content.route_id(slug))
    return route.akte.aktenzeichen


# --- people ------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_logins_with_roles_limits_and_offices(slug):
    settings = town(slug)
    User = get_user_model()
    for prefix, groups in ROLE_GROUPS.items():
        username, password = login(prefix, slug)
        user = User.objects.get(username=username)
        assert user.check_password(password), username
        names = set(user.groups.values_list("name", flat=True))
        assert {f"{role} {settings.name}" for role in groups} <= names
        offices = set(user.organisational_units.values_list("name", flat=True))
        assert {"Baurechtsamt", "Bürgerbüro", "Ordnungsamt", "Steueramt"} <= offices
        assert user.has_perm("invoices.view_invoice")
    limits = dict(
        ApprovalLimit.objects.filter(site=settings.site).values_list("user__username", "max_amount")
    )
    assert limits[f"anordnung.{slug}"] == 5000
    assert limits[f"kaemmerei.{slug}"] == 100000
    assert f"sachlich.{slug}" not in limits
    assert set(LOGINS) == set(ROLE_GROUPS)


# --- routes and Akte ---------------------------------------------------------------------------
@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_routes_town_wide_and_per_office_with_the_invoice_akte(slug):
    settings = town(slug)
    routes = {route.leitweg_id: route for route in LeitwegRoute.objects.filter(site=settings.site)}
    town_wide = routes[content.route_id(slug)]
    assert town_wide.org_unit is None and town_wide.active
    akte = town_wide.akte
    assert akte.title == f"Rechnungen {akte.opened_on.year}"
    assert akte.retention_years >= 10
    assert akte.is_open
    for office in content.OFFICES:
        route = routes[content.route_id(slug, office)]
        assert route.org_unit is not None and route.org_unit.site_id == settings.site_id
        assert route.akte_id == akte.pk


def test_leitweg_ids_have_correct_check_digits():
    # Leitweg-IDs of the official XRechnung test suite
    assert content.leitweg_check_digits("04011000", "12345") == "03"
    assert content.leitweg_check_digits("991", "33333TEST") == "33"
    assert content.leitweg_id("rastatt", "bauamt").startswith("08216043-60BAU-")
    assert vat_id("14345421") == "DE143454214"  # a real German VAT id


# --- invoices -----------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_invoices_in_every_status(slug):
    invoices = list(invoices_of(slug))
    full = slug in content.FULL_TOWNS
    assert len(invoices) == (15 if full else 12)
    statuses = {invoice.status for invoice in invoices}
    assert statuses == set(InvoiceStatus.values)
    assert {invoice.syntax for invoice in invoices} == {"UBL", "CII"}
    assert all(invoice.findings == [] for invoice in invoices), [
        (i.number, i.findings) for i in invoices if i.findings
    ]
    assert any(i.status == InvoiceStatus.RECEIVED and i.org_unit is None for i in invoices)
    for invoice in invoices:
        assert invoice.steps.filter(action=InvoiceStep.Action.RECEIVED).count() == 1
        assert invoice.received_at.date() <= timezone.localdate()


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_deadlines_skonto_soon_and_one_overdue(slug):
    today = timezone.localdate()
    open_ = invoices_of(slug).open()
    losing = sorted(
        (i.skonto_until - today).days
        for i in open_.filter(skonto_until__gte=today, skonto_until__lte=today + dt.timedelta(3))
    )
    assert {1, 2, 3} <= set(losing)
    overdue = [i for i in open_ if i.due_date and i.due_date < today]
    assert len(overdue) == 1
    assert overdue[0].status == InvoiceStatus.FORMAL


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_first_order_waits_for_the_second_signature(slug):
    waiting = invoices_of(slug).filter(first_order_by__isnull=False, ordered_by__isnull=True)
    [invoice] = list(waiting)
    assert invoice.status == InvoiceStatus.ARITHMETIC
    assert invoice.amount_due > 5000
    assert invoice.first_order_by.username == f"anordnung.{slug}"
    assert invoice.steps.filter(action=InvoiceStep.Action.FIRST_ORDER).exists()
    assert invoice.factual_by.username == f"sachlich.{slug}"


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_rejected_with_reason_and_notice(slug):
    [invoice] = list(invoices_of(slug).filter(status=InvoiceStatus.REJECTED))
    assert "Nicht bestellt" in invoice.rejection_reason
    assert invoice.rejection_notice.startswith("Sehr geehrte Damen und Herren")


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_ordered_and_exported_are_filed_into_the_akte(slug):
    done = list(
        invoices_of(slug).filter(status__in=[InvoiceStatus.ORDERED, InvoiceStatus.EXPORTED])
    )
    assert len(done) >= 2
    aktenzeichen = akte_label(slug)
    for invoice in done:
        assert invoice.filed_in == aktenzeichen, (invoice.number, invoice.filed_in)
        filed = records.filed_for(invoice)
        assert len(filed) == 3
        assert {document.aktenzeichen for document in filed} == {aktenzeichen}
        assert invoice.steps.filter(action=InvoiceStep.Action.FILED).count() == 1
        assert invoice.ordered_by is not None
        assert invoice.ordered_by != invoice.factual_by


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_one_booking_file_and_a_credit_note_waiting(slug):
    [batch] = list(ExportBatch.objects.filter(site=town(slug).site))
    exported = list(invoices_of(slug).filter(status=InvoiceStatus.EXPORTED))
    assert batch.count == len(exported) == (2 if slug in content.FULL_TOWNS else 1)
    assert all(invoice.export_batch == batch for invoice in exported)
    assert batch.content.startswith("\ufeffrechnung_id;")
    assert batch.created_by.username == f"kaemmerei.{slug}"
    credit = invoices_of(slug).get(type_code="381")
    assert credit.status == InvoiceStatus.ORDERED
    assert export.booking(credit, today=timezone.localdate())["betrag"].startswith("-")


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_duplicate_was_refused_and_not_stored(slug):
    invoices = invoices_of(slug)
    keys = list(invoices.values_list("seller_key", "number"))
    assert len(keys) == len(set(keys))
    assert not invoices.filter(duplicate_of__isnull=False).exists()


def test_the_kaemmerei_sees_its_export_page():
    username, password = login("kaemmerei", "rastatt")
    client = Client(HTTP_HOST=ADMIN_HOST)
    assert login_with_request(client, username, password)
    response = client.get(reverse("invoices:export"))
    assert response.status_code == 200
    ordered = invoices_of("rastatt").filter(status=InvoiceStatus.ORDERED)
    for invoice in ordered:
        assert invoice.number in response.content.decode()
    other = invoices_of("bruchsal").filter(status=InvoiceStatus.ORDERED).first()
    assert other.number not in response.content.decode()


def test_seeding_again_changes_nothing():
    from backoffice.efiles.models import Akte, Dokument
    from portal.demo.invoices_seed import seed_invoices
    from portal.demo.seed import SeedReport

    def state():
        return (
            Invoice.objects.count(),
            InvoiceStep.objects.count(),
            ExportBatch.objects.count(),
            LeitwegRoute.objects.count(),
            ApprovalLimit.objects.count(),
            Akte.objects.count(),
            Dokument.objects.count(),
            get_user_model().objects.count(),
        )

    before = state()
    report = SeedReport()
    seed_invoices(report)
    assert state() == before
    assert ("Kämmerei Rastatt", "kaemmerei.rastatt", "demo-rastatt") in report.logins
