"""The event page: when, where (map behind consent), price, status, organiser, the
calendar download and schema.org Event JSON-LD."""

from __future__ import annotations

import json
import re

import pytest

from vereinsportal.models import EventStatus, LocationKind

from .factories import berlin, club_page, event_page, target_group

pytestmark = pytest.mark.django_db


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text(body: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def ld(body: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.fixture
def club():
    return club_page(
        "bruchsal",
        "Musikverein Bruchsal",
        place_name="Vereinsheim",
        street="Am Sportpark 3",
        postcode="76646",
        city="Bruchsal",
        latitude=49.124,
        longitude=8.598,
    )


def test_single_event_shows_when_where_price_and_organiser(site_client, club):
    event = event_page(
        club,
        "Frühjahrskonzert",
        start=berlin(2026, 12, 1, 19),
        end=berlin(2026, 12, 1, 21),
        is_free=False,
        price="8 €, ermäßigt 5 €",
        price_amount="8.00",
        wheelchair_accessible=True,
        accessibility_notes="Rampe am Seiteneingang",
    )
    event.target_groups.set([target_group("Familien")])
    event.save_revision().publish()
    body = html(site_client("bruchsal").get(event.url))
    words = text(body)
    assert "<h1>Frühjahrskonzert</h1>" in body
    assert "Di, 1. Dez. 2026, 19:00–21:00 Uhr" in words
    assert "Vereinsheim Am Sportpark 3 76646 Bruchsal" in words
    assert "8 €, ermäßigt 5 €" in words and "Familien" in words
    assert "barrierefrei zugänglich" in words and "Rampe am Seiteneingang" in words
    assert f'<a href="{club.url.split(":8000")[-1]}">Musikverein Bruchsal</a>' in body
    assert (
        f'href="{event.url.split(":8000")[-1]}termin.ics"' in body and "In meinen Kalender" in body
    )
    # the map only after consent: no request to OpenStreetMap from the page itself
    assert "<iframe" not in body and 'data-consent-embed="https://www.openstreetmap.org' in body
    assert "Karte auf OpenStreetMap öffnen" in body


def test_json_ld_event(site_client, club):
    event = event_page(
        club,
        "Frühjahrskonzert",
        start=berlin(2027, 4, 10, 19),
        end=berlin(2027, 4, 10, 21),
        is_free=False,
        price_amount="8.00",
        status=EventStatus.POSTPONED,
    )
    data = ld(html(site_client("bruchsal").get(event.url)))
    assert data["@type"] == "Event" and data["name"] == "Frühjahrskonzert"
    assert data["startDate"] == "2027-04-10T19:00:00+02:00"
    assert data["endDate"] == "2027-04-10T21:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Am Sportpark 3"
    assert data["location"]["address"]["postalCode"] == "76646"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Musikverein Bruchsal",
        "url": club.url,
    }
    assert data["offers"]["price"] == "8.00" and data["offers"]["priceCurrency"] == "EUR"


def test_json_ld_online_free_and_cancelled(site_client, club):
    event = event_page(
        club,
        "Online-Stammtisch </script><script>alert(1)</script>",
        start=berlin(2027, 1, 12, 20),
        location_kind=LocationKind.ONLINE,
        online_url="https://meet.example.org/stammtisch",
        status=EventStatus.CANCELLED,
        status_note="Neuer Termin folgt.",
    )
    body = html(site_client("bruchsal").get(event.url))
    assert "<script>alert(1)</script>" not in body
    data = ld(body)
    assert data["name"].startswith("Online-Stammtisch </script>")
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://meet.example.org/stammtisch",
    }
    assert data["offers"]["price"] == "0"
    words = text(body)
    assert "Diese Veranstaltung ist abgesagt." in words and "Neuer Termin folgt." in words
    assert "abgesagt:" in words  # in the heading, as text


def test_recurring_event_shows_rule_and_next_ten_dates(site_client, club):
    event = event_page(
        club,
        "Chorprobe",
        start=berlin(2027, 3, 2, 19, 30),
        end=berlin(2027, 3, 2, 21),
        recurrence="FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630",
        exceptions=["2027-03-23"],
    )
    body = html(site_client("bruchsal").get(event.url))
    words = text(body)
    assert "Regelmäßig: jeden Dienstag bis 30.06.2027" in words
    dates = re.findall(r'<li><time datetime="([^"]+)"', body)
    assert len(dates) == 10
    assert dates[:4] == [
        "2027-03-02T19:30:00+01:00",
        "2027-03-09T19:30:00+01:00",
        "2027-03-16T19:30:00+01:00",
        "2027-03-30T19:30:00+02:00",  # 23 March is an exception; DST from 28 March
    ]


def test_own_address_without_map(site_client, club):
    event = event_page(
        club,
        "Ausflug",
        start=berlin(2027, 5, 1, 9),
        location_kind=LocationKind.ADDRESS,
        location_name="Marktplatz",
        street="Kaiserstraße 1",
        postcode="76646",
        city="Bruchsal",
    )
    body = html(site_client("bruchsal").get(event.url))
    assert "Marktplatz<br>Kaiserstraße 1<br>76646 Bruchsal" in body
    assert "consent-embed" not in body
    assert "Eintritt frei" in text(body)
