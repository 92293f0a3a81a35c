"""The invoice list in the admin: what it shows, its filters, paging, the empty state and the
duplicate marker – as staff use it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from backoffice.invoices.models import InvoiceStatus
from tests.invoices.factories import ADMIN_HOST, InvoiceFactory, staff, unit_in

pytestmark = pytest.mark.django_db
INDEX = "/admin/rechnungen/"


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def row_texts(response) -> list[str]:
    return [
        row.get_text(" ", strip=True) for row in soup(response).select("table.listing tbody tr")
    ]


@pytest.fixture
def unit():
    return unit_in("ettlingen", name="Tiefbauamt Ettlingen")


@pytest.fixture
def clerk(unit):
    return staff(unit, "Sachliche Prüfung")


def test_the_url_is_the_contract():
    assert reverse("invoices:index") == INDEX


def test_list_shows_number_seller_amount_deadline_status_office(unit, clerk):
    today = timezone.localdate()
    invoice = InvoiceFactory(
        org_unit=unit,
        number="RE-77-2026",
        seller_name="Straßenbau Huber GmbH",
        amount_due=Decimal("12345.67"),
        due_date=today + dt.timedelta(days=20),
        skonto_until=today + dt.timedelta(days=2),
        skonto_amount=Decimal("246.91"),
    )
    response = client_for(clerk).get(INDEX)
    assert response.status_code == 200
    (row,) = row_texts(response)
    assert "RE-77-2026" in row
    assert "Straßenbau Huber GmbH" in row
    assert "12.345,67 EUR" in row
    assert (today + dt.timedelta(days=20)).strftime("%d.%m.%Y") in row
    assert "verliert Skonto in 2 Tagen (246,91 EUR)" in row
    assert "Formal geprüft" in row
    assert "Tiefbauamt Ettlingen" in row
    link = soup(response).select_one("table.listing tbody a")
    assert link["href"] == reverse("invoices:detail", args=[invoice.pk])
    headings = [th.get_text(strip=True) for th in soup(response).select("thead th")]
    assert headings == [
        "Rechnungsnummer",
        "Rechnungssteller",
        "Betrag",
        "Fällig / Skonto",
        "Status",
        "Dienststelle",
    ]


def test_only_invoices_of_the_users_offices(unit, clerk):
    InvoiceFactory(org_unit=unit, seller_name="Eigene Firma")
    InvoiceFactory(org_unit=unit_in("ettlingen", name="Schulamt"), seller_name="Andere Stelle")
    InvoiceFactory(org_unit=unit_in("bruchsal"), seller_name="Andere Stadt")
    rows = " ".join(row_texts(client_for(clerk).get(INDEX)))
    assert "Eigene Firma" in rows
    assert "Andere Stelle" not in rows
    assert "Andere Stadt" not in rows


def test_rechnungseingang_sees_the_whole_town_and_unassigned_invoices(unit):
    eingang = staff(unit_in("ettlingen", name="Kämmerei"), "Rechnungseingang")
    InvoiceFactory(org_unit=unit, seller_name="Zugeordnet AG")
    InvoiceFactory(org_unit=None, site=unit.site, seller_name="Ohne Stelle GmbH")
    InvoiceFactory(org_unit=unit_in("bruchsal"), seller_name="Andere Stadt")
    response = client_for(eingang).get(INDEX, {"q": "Ohne Stelle"})
    rows = " ".join(row_texts(response))
    assert "Ohne Stelle GmbH" in rows
    assert "nicht zugeordnet" in rows
    response = client_for(eingang).get(INDEX, {"q": "Zugeordnet"})
    assert "Zugeordnet AG" in " ".join(row_texts(response))
    assert "Andere Stadt" not in " ".join(row_texts(client_for(eingang).get(INDEX)))


def test_filters_text_status_office_and_critical(unit, clerk):
    today = timezone.localdate()
    second = unit_in("ettlingen", name="Bauhof Ettlingen")
    second.members.add(clerk)
    InvoiceFactory(org_unit=unit, number="A-1", seller_name="Alpha Bau", status="formal_geprueft")
    InvoiceFactory(
        org_unit=unit,
        number="B-2",
        seller_name="Beta Elektro",
        status=InvoiceStatus.FACTUAL,
        due_date=today + dt.timedelta(days=3),
    )
    InvoiceFactory(org_unit=second, number="C-3", seller_name="Gamma Gärten")
    InvoiceFactory(
        org_unit=unit,
        number="D-4",
        seller_name="Delta Druck",
        status=InvoiceStatus.EXPORTED,
        due_date=today - dt.timedelta(days=3),
    )
    client = client_for(clerk)

    def numbers(**params) -> list[str]:
        rows = soup(client.get(INDEX, params)).select("table.listing tbody tr td:first-child a")
        return sorted(a.get_text(strip=True) for a in rows)

    assert numbers() == ["A-1", "B-2", "C-3", "D-4"]
    assert numbers(q="beta") == ["B-2"]
    assert numbers(q="C-3") == ["C-3"]
    assert numbers(status=InvoiceStatus.FACTUAL.value) == ["B-2"]
    assert numbers(status="offen") == ["A-1", "B-2", "C-3"]
    assert numbers(org_unit=second.pk) == ["C-3"]
    assert numbers(critical="on") == ["B-2"]
    response = client.get(INDEX, {"q": "nichts dergleichen"})
    assert "Keine Rechnungen passen zu Ihrer Suche oder Ihren Filtern." in response.content.decode()
    assert "Filter zurücksetzen" in response.content.decode()


def test_a_foreign_office_in_the_filter_is_a_form_error_not_a_leak(unit, clerk):
    foreign = unit_in("bruchsal")
    InvoiceFactory(org_unit=foreign, seller_name="Fremd")
    response = client_for(clerk).get(INDEX, {"org_unit": foreign.pk, "status": "quatsch"})
    assert response.status_code == 200
    assert "Fremd" not in " ".join(row_texts(response))


def test_empty_state(clerk):
    response = client_for(clerk).get(INDEX)
    assert response.status_code == 200
    assert "Es liegen keine Rechnungen für Sie vor." in response.content.decode()


def test_fifty_per_page(unit, clerk):
    InvoiceFactory.create_batch(53, org_unit=unit)
    client = client_for(clerk)
    assert len(row_texts(client.get(INDEX))) == 50
    assert len(row_texts(client.get(INDEX, {"p": 2}))) == 3
    assert client.get(INDEX, {"p": "x"}).status_code == 200


def test_duplicate_marker(unit, clerk):
    earlier = InvoiceFactory(org_unit=unit, number="D-1", seller_name="Doppel GmbH")
    InvoiceFactory(org_unit=unit, number="D-1", seller_name="Doppel GmbH", duplicate_of=earlier)
    rows = row_texts(client_for(clerk).get(INDEX))
    assert sum("Mögliche Dublette" in row for row in rows) == 1


def test_people_without_the_rechnungslauf_get_no_list(unit):
    from tests.portal.factories import UserFactory

    user = UserFactory()
    response = client_for(user).get(INDEX)
    assert response.status_code in (302, 403)
    anonymous = Client(HTTP_HOST=ADMIN_HOST).get(INDEX)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]
