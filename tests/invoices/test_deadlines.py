"""Deadlines: which open invoices lose Skonto or fall due soon (or are overdue), the German
texts, the order, and the dashboard that shows them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from backoffice.invoices.deadlines import deadline_rows, due_note, row_for, skonto_note
from backoffice.invoices.models import Invoice, InvoiceStatus
from tests.invoices.factories import ADMIN_HOST, InvoiceFactory, staff, unit_in

TODAY = dt.date(2026, 11, 10)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def unsaved(**kwargs) -> Invoice:
    defaults = {
        "number": "RE-1",
        "status": InvoiceStatus.FORMAL,
        "issue_date": days(-3),
        "due_date": days(27),
        "skonto_until": None,
        "skonto_amount": None,
    }
    return Invoice(**{**defaults, **kwargs})


# --- texts ------------------------------------------------------------------------------------
def test_texts():
    assert skonto_note(3, Decimal("23.80")) == "verliert Skonto in 3 Tagen (23,80 EUR)"
    assert skonto_note(1, Decimal("1234.5")) == "verliert Skonto in 1 Tag (1.234,50 EUR)"
    assert skonto_note(0, Decimal("5")) == "verliert heute Skonto (5,00 EUR)"
    assert due_note(5) == "fällig in 5 Tagen"
    assert due_note(1) == "fällig in 1 Tag"
    assert due_note(0) == "heute fällig"
    assert due_note(-4) == "überfällig seit 4 Tagen"
    assert due_note(-1) == "überfällig seit 1 Tag"


def test_row_for_skonto_due_and_overdue():
    row = row_for(unsaved(skonto_until=days(2), skonto_amount=Decimal("11.90")), TODAY)
    assert row.text == "verliert Skonto in 2 Tagen (11,90 EUR)"
    assert row.deadline == days(2)
    assert row.loses_skonto and not row.overdue

    row = row_for(unsaved(due_date=days(6)), TODAY)
    assert row.text == "fällig in 6 Tagen"

    row = row_for(unsaved(due_date=days(-3)), TODAY)
    assert row.text == "überfällig seit 3 Tagen"
    assert row.overdue

    both = row_for(
        unsaved(skonto_until=days(1), skonto_amount=Decimal("2"), due_date=days(5)), TODAY
    )
    assert both.text == "verliert Skonto in 1 Tag (2,00 EUR); fällig in 5 Tagen"
    assert both.deadline == days(1)


def test_far_deadlines_and_past_skonto_are_not_critical():
    assert row_for(unsaved(due_date=days(8)), TODAY) is None
    assert row_for(unsaved(skonto_until=days(8), due_date=days(30)), TODAY) is None
    # Skonto already lost: only the due date counts
    assert row_for(unsaved(skonto_until=days(-1), due_date=days(20)), TODAY) is None
    assert row_for(unsaved(due_date=days(14)), TODAY, days=14).text == "fällig in 14 Tagen"


def test_without_due_date_the_default_payment_period_applies(settings):
    settings.INVOICES_DEFAULT_PAYMENT_DAYS = 30
    row = row_for(unsaved(due_date=None, issue_date=days(-28)), TODAY)
    assert row.text == "fällig in 2 Tagen"
    assert row_for(unsaved(due_date=None, issue_date=days(-10)), TODAY) is None
    assert row_for(unsaved(due_date=None, issue_date=None), TODAY) is None


# --- the query --------------------------------------------------------------------------------
@pytest.mark.django_db
def test_deadline_rows_only_open_critical_invoices_earliest_first():
    unit = unit_in("rastatt")
    due_soon = InvoiceFactory(org_unit=unit, issue_date=days(-20), due_date=days(5))
    skonto = InvoiceFactory(
        org_unit=unit,
        issue_date=days(-5),
        due_date=days(25),
        skonto_until=days(2),
        skonto_amount=Decimal("23.80"),
    )
    overdue = InvoiceFactory(
        org_unit=unit, issue_date=days(-40), due_date=days(-10), status=InvoiceStatus.ORDERED
    )
    no_due = InvoiceFactory(org_unit=unit, issue_date=days(-29), due_date=None)
    InvoiceFactory(org_unit=unit, issue_date=days(-3), due_date=days(27))  # far
    InvoiceFactory(org_unit=unit, due_date=days(-5), status=InvoiceStatus.EXPORTED)
    InvoiceFactory(org_unit=unit, due_date=days(-5), status=InvoiceStatus.REJECTED)

    rows = deadline_rows(Invoice.objects.filter(org_unit=unit), TODAY)
    assert [row.invoice for row in rows] == [overdue, no_due, skonto, due_soon]
    assert [row.text for row in rows] == [
        "überfällig seit 10 Tagen",
        "fällig in 1 Tag",
        "verliert Skonto in 2 Tagen (23,80 EUR)",
        "fällig in 5 Tagen",
    ]


# --- the dashboard ---------------------------------------------------------------------------
@pytest.mark.django_db
def test_deadline_page_lists_the_users_critical_invoices():
    from django.utils import timezone

    today = timezone.localdate()
    unit = unit_in("rastatt", name="Stadtwerke Rastatt")
    other = unit_in("rastatt", name="Hochbauamt Rastatt")
    user = staff(unit, "Sachliche Prüfung")
    mine = InvoiceFactory(
        org_unit=unit,
        seller_name="Elektro Blitz GmbH",
        due_date=today + dt.timedelta(days=20),
        skonto_until=today + dt.timedelta(days=3),
        skonto_amount=Decimal("47.60"),
    )
    InvoiceFactory(
        org_unit=other, seller_name="Fremdfirma AG", due_date=today + dt.timedelta(days=1)
    )
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    response = client.get(reverse("invoices:deadlines"))
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Elektro Blitz GmbH" in text
    assert "verliert Skonto in 3 Tagen (47,60 EUR)" in text
    assert mine.number in text
    assert "Fremdfirma AG" not in text

    response = client.get(reverse("invoices:deadlines") + "?tage=unsinn")
    assert response.status_code == 200


@pytest.mark.django_db
def test_deadline_page_empty_state_and_no_access():
    unit = unit_in("rastatt")
    user = staff(unit, "Anordnung")
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    response = client.get(reverse("invoices:deadlines"))
    assert "Keine offene Rechnung ist in den nächsten 7 Tagen fällig" in response.content.decode()

    from tests.portal.factories import UserFactory

    outsider = UserFactory()
    client.force_login(outsider)
    response = client.get(reverse("invoices:deadlines"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_admin_dashboard_panel_shows_the_users_near_deadlines():
    from django.utils import timezone

    import backoffice.invoices.wagtail_hooks_panels  # noqa: F401  (registers the hook)

    today = timezone.localdate()
    unit = unit_in("rastatt", name="Feuerwehr Rastatt")
    user = staff(unit, "Rechnerische Prüfung")
    InvoiceFactory(
        org_unit=unit, seller_name="Schlauchwerk Nord", due_date=today + dt.timedelta(days=4)
    )
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Rechnungen: Fristen in den nächsten 7 Tagen" in text
    assert "Schlauchwerk Nord" in text
    assert "fällig in 4 Tagen" in text

    # nothing near: no panel
    other = staff(unit_in("rastatt", name="Museum"), "Rechnerische Prüfung")
    client.force_login(other)
    text = BeautifulSoup(client.get("/admin/").content, "html.parser").get_text(" ", strip=True)
    assert "Rechnungen: Fristen" not in text
