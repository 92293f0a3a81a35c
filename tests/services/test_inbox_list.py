"""The inbox list: columns, filters (service, status, date, assignee, town), search,
sorting, pagination and the menu item; bad filter input never breaks the page."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from services.models import Case, CaseStatus
from tests.services.factories import OrganisationalUnitFactory, town
from tests.services.factories_inbox import admin_client, case_in, caseworker, town_editor

pytestmark = pytest.mark.django_db
SERVICE = "Sperrmüll anmelden (Test)"


def listed(client, **params) -> list[str]:
    """The references in the list, in their order."""
    response = client.get("/admin/vorgaenge/", params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.select("td")[0].get_text(strip=True) for row in soup.select("table tbody tr")]


@pytest.fixture
def staff():
    return caseworker("bruchsal", first_name="Paula", last_name="Prüfer")


@pytest.fixture
def cases(staff):
    now = timezone.now()
    colleague = caseworker("bruchsal", first_name="Karl", last_name="Kollege")
    return {
        "new": case_in(service_name=SERVICE, submitted_at=now, applicant_name="Olga Otto"),
        "mine": case_in(
            service_name=SERVICE,
            status=CaseStatus.IN_PROGRESS,
            assignee=staff,
            submitted_at=now - timedelta(days=3),
            applicant_email="jens.jansen@example.org",
        ),
        "karl": case_in(
            service_name=SERVICE,
            status=CaseStatus.QUERY,
            assignee=colleague,
            submitted_at=now - timedelta(days=10),
        ),
        "done": case_in(
            service_name=SERVICE,
            status=CaseStatus.COMPLETED,
            submitted_at=now - timedelta(days=40),
            closed_at=now,
        ),
        "other_service": case_in(service_name="Hund anmelden (Test)", submitted_at=now),
        "rastatt": case_in("rastatt", service_name=SERVICE, submitted_at=now),
        "colleague": colleague,
    }


def test_columns_and_status_as_text(staff, cases):
    response = admin_client(staff).get("/admin/vorgaenge/", {"service": SERVICE})
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    assert headings == ["Vorgangsnummer", "Leistung", "Eingegangen am", "Status", "Bearbeitet von"]
    row = next(
        tr for tr in soup.select("table tbody tr") if cases["mine"].reference in tr.get_text()
    )
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert cells[1] == SERVICE
    assert cells[3] == "In Bearbeitung"
    assert cells[4] == "Paula Prüfer"
    link = row.select_one("a")
    assert link["href"] == f"/admin/vorgaenge/{cases['mine'].pk}/"


def test_service_filter_offers_only_own_towns_services(staff, cases):
    case_in("rastatt", service_name="Nur in Rastatt")
    soup = BeautifulSoup(admin_client(staff).get("/admin/vorgaenge/").content, "html.parser")
    services = [o["value"] for o in soup.select("[name=service] option")]
    assert SERVICE in services and "Hund anmelden (Test)" in services
    assert "Nur in Rastatt" not in services


def test_filter_by_service(staff, cases):
    refs = listed(admin_client(staff), service=SERVICE)
    expected = [cases[key].reference for key in ("new", "mine", "karl", "done")]
    assert refs == expected  # newest first; other service and other town left out


@pytest.mark.parametrize(
    ("status", "keys"),
    [
        ("offen", ["new", "mine", "karl"]),
        ("in_bearbeitung", ["mine"]),
        ("rueckfrage", ["karl"]),
        ("abgeschlossen", ["done"]),
        ("abgelehnt", []),
    ],
)
def test_filter_by_status(staff, cases, status, keys):
    refs = listed(admin_client(staff), service=SERVICE, status=status)
    assert refs == [cases[key].reference for key in keys]


def test_filter_by_assignee(staff, cases):
    client = admin_client(staff)
    assert listed(client, service=SERVICE, assignee="mir") == [cases["mine"].reference]
    assert listed(client, service=SERVICE, assignee="niemand") == [
        cases["new"].reference,
        cases["done"].reference,
    ]
    assert listed(client, service=SERVICE, assignee=cases["colleague"].pk) == [
        cases["karl"].reference
    ]


def test_filter_by_date_range(staff, cases):
    today = timezone.localdate()
    refs = listed(
        admin_client(staff),
        service=SERVICE,
        submitted_at_from=(today - timedelta(days=11)).isoformat(),
        submitted_at_to=(today - timedelta(days=2)).isoformat(),
    )
    assert refs == [cases["mine"].reference, cases["karl"].reference]


@pytest.mark.parametrize(
    ("query", "key"),
    [("Olga Otto", "new"), ("jens.jansen@", "mine"), (None, "karl")],
)
def test_search_by_name_email_and_reference(staff, cases, query, key):
    query = query or cases["karl"].reference
    assert listed(admin_client(staff), q=query) == [cases[key].reference]


def test_search_never_finds_other_towns(staff, cases):
    assert listed(admin_client(staff), q=cases["rastatt"].reference) == []


def test_sorting_by_reference(staff, cases):
    refs = listed(admin_client(staff), service=SERVICE, ordering="reference")
    assert refs == sorted(refs) and len(refs) == 4
    refs = listed(admin_client(staff), service=SERVICE, ordering="-reference")
    assert refs == sorted(refs, reverse=True)


def test_pagination(staff):
    for _ in range(27):
        case_in(service_name="Massenleistung")
    client = admin_client(staff)
    first = listed(client, service="Massenleistung")
    second = listed(client, service="Massenleistung", p=2)
    assert (len(first), len(second)) == (25, 2)
    assert not set(first) & set(second)


def test_town_column_and_filter_only_for_staff_of_several_towns(cases):
    single = caseworker("bruchsal")
    soup = BeautifulSoup(admin_client(single).get("/admin/vorgaenge/").content, "html.parser")
    assert not soup.select("input[name=site], select[name=site]")
    assert "Stadt" not in [th.get_text(strip=True) for th in soup.select("table thead th")]

    both = caseworker("bruchsal")
    OrganisationalUnitFactory(site=town("rastatt").site).members.add(both)
    client = admin_client(both)
    soup = BeautifulSoup(client.get("/admin/vorgaenge/").content, "html.parser")
    towns = {o.get_text(strip=True) for o in soup.select("[name=site] option, [name=site]")}
    assert "Stadt" in [th.get_text(strip=True) for th in soup.select("table thead th")]
    assert towns  # the filter is offered
    rastatt_site = town("rastatt").site
    refs = listed(client, service=SERVICE, site=rastatt_site.pk)
    assert refs == [cases["rastatt"].reference]


@pytest.mark.parametrize(
    "params",
    [
        {"assignee": "abc"},
        {"status": "geloescht"},
        {"submitted_at_from": "gestern"},
        {"site": "999999"},
        {"p": "9999"},
        {"p": "x"},
        {"ordering": "applicant_email"},
        {"service": "<script>"},
    ],
)
def test_bad_filter_input_is_no_error(staff, cases, params):
    response = admin_client(staff).get("/admin/vorgaenge/", params)
    assert response.status_code == 200
    assert cases["rastatt"].reference not in response.content.decode()


def test_results_fragment_for_live_filtering(staff, cases):
    response = admin_client(staff).get(
        "/admin/vorgaenge/ergebnisse/", {"service": SERVICE, "status": "abgeschlossen"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert cases["done"].reference in html and cases["new"].reference not in html


def menu_labels(user) -> list[str]:
    soup = BeautifulSoup(admin_client(user).get("/admin/").content, "html.parser")
    props = json.loads(soup.find(id="wagtail-sidebar-props").string)
    menu = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    return [item["_args"][0]["label"] for item in menu["_args"][0]]


def test_menu_item_with_open_count(staff, cases):
    open_in_town = Case.objects.filter(site=town("bruchsal").site).open().count()
    assert f"Vorgänge ({open_in_town} offen)" in menu_labels(staff)
    assert not any(label.startswith("Vorgänge") for label in menu_labels(town_editor("bruchsal")))
