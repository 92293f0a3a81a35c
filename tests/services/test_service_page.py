"""The town service page: regional text, the town's overrides, responsible office."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from .factories import (
    LebenslageFactory,
    LeistungFactory,
    OrganisationalUnitFactory,
    ServicePageFactory,
    service_index,
    town,
)

pytestmark = pytest.mark.django_db


def _sections(response) -> dict[str, tuple[str, str]]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        section["id"]: (section["data-source"], section.get_text(" ", strip=True))
        for section in soup.select("section.service-section[data-source]")
    }


def test_page_shows_the_regional_description(site_client):
    page = ServicePageFactory(parent=service_index("bruchsal"))
    response = site_client("bruchsal").get(page.url)
    assert response.status_code == 200
    sections = _sections(response)
    assert sections["volltext"] == ("region", "Beschreibung Regionaler Text: so funktioniert es.")
    assert sections["kosten"][1] == "Kosten Regional: 10 Euro."
    # sections without text are left out, in FIM order
    assert list(sections) == ["volltext", "unterlagen", "kosten"]


def test_town_override_replaces_one_section_and_regional_edit_reaches_every_town(site_client):
    leistung = LeistungFactory()
    bruchsal = ServicePageFactory(
        parent=service_index("bruchsal"),
        leistung=leistung,
        kosten_override="<p>In Bruchsal: 12 Euro.</p>",
    )
    bretten = ServicePageFactory(parent=service_index("bretten"), leistung=leistung)

    leistung.volltext = "<p>Neuer regionaler Text für alle.</p>"
    leistung.kosten = "<p>Regional jetzt 11 Euro.</p>"
    leistung.save()

    in_bruchsal = _sections(site_client("bruchsal").get(bruchsal.url))
    in_bretten = _sections(site_client("bretten").get(bretten.url))
    assert in_bruchsal["volltext"] == ("region", "Beschreibung Neuer regionaler Text für alle.")
    assert in_bretten["volltext"] == ("region", "Beschreibung Neuer regionaler Text für alle.")
    assert in_bruchsal["kosten"] == ("town", "Kosten In Bruchsal: 12 Euro.")
    assert in_bretten["kosten"] == ("region", "Kosten Regional jetzt 11 Euro.")


def test_town_notes_and_responsible_office(site_client):
    bruchsal = town("bruchsal")
    unit = OrganisationalUnitFactory(
        site=bruchsal.site,
        name="Steueramt (Test)",
        hearing_loop=True,
        accessibility_note="Aufzug im Innenhof",
        opening_hours=[
            {
                "type": "hours",
                "value": {
                    "title": "Öffnungszeiten",
                    "closed_on_holidays": True,
                    "periods": [
                        {"weekdays": ["0", "1"], "opens": dt.time(8), "closes": dt.time(12)}
                    ],
                    "exceptions": [],
                },
            }
        ],
    )
    page = ServicePageFactory(
        parent=service_index("bruchsal"),
        responsible_unit=unit,
        town_notes="<p>Bitte bringen Sie die Hundemarke mit.</p>",
    )
    response = site_client("bruchsal").get(page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    card = soup.select_one(".unit-card").get_text(" ", strip=True)
    assert "Steueramt" in card
    assert "Induktive Höranlage" in card and "Stufenloser Zugang" in card
    assert "Aufzug im Innenhof" in card
    assert "08:00–12:00 Uhr" in card
    notes = soup.select_one("#hinweise-der-stadt").get_text(" ", strip=True)
    assert notes == "Hinweise der Stadt Bruchsal Bitte bringen Sie die Hundemarke mit."


def test_apply_button_only_with_a_form_or_link(site_client):
    index = service_index("bruchsal")
    plain = ServicePageFactory(parent=index)
    external = ServicePageFactory(
        parent=index, external_application_url="https://www.service-bw.de/"
    )
    client = site_client("bruchsal")
    assert b"Online beantragen" not in client.get(plain.url).content
    soup = BeautifulSoup(client.get(external.url).content, "html.parser")
    link = next(a for a in soup.select(".service-actions a") if "Online beantragen" in a.text)
    assert link["href"] == "https://www.service-bw.de/"
    assert link.get_text(" ", strip=True) == "Online beantragen (externes Angebot)"


def test_lebenslagen_of_the_service_link_to_the_town_index(site_client):
    situation = LebenslageFactory(name="Umzug (Test)", slug="umzug-test")
    leistung = LeistungFactory()
    leistung.lebenslagen.add(situation)
    index = service_index("bruchsal")
    page = ServicePageFactory(parent=index, leistung=leistung)
    soup = BeautifulSoup(site_client("bruchsal").get(page.url).content, "html.parser")
    link = soup.select_one(".service-situations a")
    assert link.get_text() == "Umzug (Test)"
    site = town("bruchsal").site
    assert link["href"] == f"{index.relative_url(site)}lebenslagen/umzug-test/"


def test_appointment_button_leads_to_the_offices_booking(site_client):
    from .factories_appointments import office

    bookable = office("bruchsal", services=[("Reisepass beantragen (T)", 15, 10)])
    service = bookable.services.get()
    page = ServicePageFactory(
        parent=service_index("bruchsal"), leistung=service.leistung, responsible_unit=bookable.unit
    )
    other = ServicePageFactory(parent=service_index("bruchsal"), responsible_unit=bookable.unit)
    client = site_client("bruchsal")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    link = next(a for a in soup.select(".service-actions a") if "Termin" in a.text)
    assert link["href"] == f"/termine/{bookable.pk}/?leistung={service.leistung_id}"
    booking_page = client.get(link["href"])
    assert booking_page.status_code == 200
    assert "Reisepass beantragen (T)" in booking_page.content.decode()
    # a service the office does not book gets no button
    assert b"Termin vereinbaren" not in client.get(other.url).content
