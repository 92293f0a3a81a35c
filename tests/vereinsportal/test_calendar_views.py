"""Calendar pages: upcoming list by day, filters, pagination, month grid, archive,
regional calendar, a club's events – and no query per entry."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vereinsportal.models import EventStatus

from .factories import berlin, calendar_page, club_page, event_page
from .factories_events import BERLIN, quiet_calendar

pytestmark = pytest.mark.django_db


ENTRY = re.compile(r'<li class="calendar-entry[ "]')


def entries(body: str) -> int:
    return len(ENTRY.findall(body))


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html(response)))


@pytest.fixture
def club():
    return club_page("bruchsal", "TV Kalender", categories=["Sport"])


def test_upcoming_list_by_day_with_times_and_marks(site_client, club):
    page = calendar_page("bruchsal")
    event_page(club, "Lauftreff", start=berlin(2027, 3, 16, 19), end=berlin(2027, 3, 16, 21))
    event_page(
        club,
        "Sommerfest",
        start=berlin(2027, 3, 16, 15),
        end=berlin(2027, 3, 16, 18),
        status=EventStatus.CANCELLED,
    )
    event_page(club, "Turnier", start=berlin(2027, 3, 20, 10), status=EventStatus.POSTPONED)
    body = text(site_client("bruchsal").get(page.url, {"verein": club.pk}))
    assert "3 kommende Termine" in body
    assert "Dienstag, 16. März 2027" in body and "Samstag, 20. März 2027" in body
    assert body.index("Sommerfest") < body.index("Lauftreff") < body.index("Turnier")
    assert "19:00–21:00 Uhr" in body
    assert "abgesagt: Sommerfest" in body
    assert "verschoben: Turnier" in body


def test_town_calendar_shows_only_its_town_and_region_shows_town_names(site_client, club):
    other = club_page("bretten", "SV Bretten Kalender")
    event_page(club, "Bruchsaler Abend", start=berlin(2027, 4, 1, 19))
    event_page(other, "Brettener Abend", start=berlin(2027, 4, 1, 19))
    town_body = text(
        site_client("bruchsal").get(
            calendar_page("bruchsal").url, {"von": "2027-04-01", "bis": "2027-04-01"}
        )
    )
    assert "Bruchsaler Abend" in town_body and "Brettener Abend" not in town_body
    region = calendar_page(None)
    region_html = html(
        site_client("region").get(
            region.url, {"von": "2027-04-01", "bis": "2027-04-01", "stadt": "bretten"}
        )
    )
    assert "Brettener Abend" in region_html and "Bruchsaler Abend" not in region_html
    assert '<span class="calendar-entry__town">Bretten</span>' in region_html
    assert 'name="stadt"' in region_html
    assert 'name="stadt"' not in html(site_client("bruchsal").get(calendar_page("bruchsal").url))


def test_filters_category_free_accessible_and_date_range(site_client, club):
    page = calendar_page("bruchsal")
    event_page(club, "Konzert frei", start=berlin(2027, 5, 3, 19), categories=["Musik"])
    event_page(
        club,
        "Konzert teuer",
        start=berlin(2027, 5, 4, 19),
        categories=["Musik"],
        is_free=False,
        price="10 €",
    )
    event_page(club, "Sport barrierefrei", start=berlin(2027, 5, 5, 19), wheelchair_accessible=True)
    event_page(club, "Später", start=berlin(2027, 6, 5, 19))
    client = site_client("bruchsal")
    base = {"verein": club.pk, "von": "2027-05-01", "bis": "2027-05-31"}
    assert "Später" not in text(client.get(page.url, base))
    music = text(client.get(page.url, {**base, "kategorie": "musik"}))
    assert (
        "Konzert frei" in music and "Konzert teuer" in music and "Sport barrierefrei" not in music
    )
    free = text(client.get(page.url, {**base, "kategorie": "musik", "kostenlos": "on"}))
    assert "Konzert frei" in free and "Konzert teuer" not in free
    accessible = text(client.get(page.url, {**base, "barrierefrei": "on"}))
    assert "Sport barrierefrei" in accessible and "Konzert frei" not in accessible
    form = html(client.get(page.url, {**base, "kostenlos": "on"}))
    assert '<label for="id_kostenlos">' in form and "checked" in form
    assert "Alle Filter zurücksetzen" in form


def test_bad_filter_input_gets_a_message_not_an_error(site_client, club):
    page = calendar_page("bruchsal")
    body = text(
        site_client("bruchsal").get(
            page.url, {"von": "morgen", "bis": "2027-01-01", "verein": "x", "seite": "999"}
        )
    )
    assert "Bitte ein Datum wie 2026-12-03 angeben." in body
    body = text(site_client("bruchsal").get(page.url, {"von": "2027-02-01", "bis": "2027-01-01"}))
    assert "„Bis“ darf nicht vor „Von“ liegen." in body


def test_pagination_50_entries_per_page(site_client, club):
    page = calendar_page("bruchsal")
    event_page(club, "Täglich", start=berlin(2027, 1, 1, 9), recurrence="FREQ=DAILY;COUNT=60")
    client = site_client("bruchsal")
    first = html(client.get(page.url, {"verein": club.pk}))
    assert "60 kommende Termine" in first
    assert entries(first) == 50
    assert f"?verein={club.pk}&amp;seite=2" in first
    second = html(client.get(page.url, {"verein": club.pk, "seite": 2}))
    assert entries(second) == 10
    assert "Freitag, 1. Januar 2027" in first and "Freitag, 1. Januar 2027" not in second


def test_list_needs_no_query_per_entry(site_client, club):
    page = calendar_page("bruchsal")
    few = club_page("bruchsal", "Wenige")
    for number in range(3):
        event_page(few, f"Wenig {number}", start=berlin(2027, 2, 1 + number, 19))
    for number in range(25):
        event_page(club, f"Viel {number}", start=berlin(2027, 2, 1 + number, 19))
    client = site_client("bruchsal")
    client.get(page.url)  # warm caches (site root paths, settings)
    counts = []
    for chosen in (few, club):
        with CaptureQueriesContext(connection) as queries:
            body = html(client.get(page.url, {"verein": chosen.pk}))
        assert entries(body) in (3, 25)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_month_grid_is_a_table_with_linked_days_and_list(site_client, club):
    page = calendar_page("bruchsal")
    event_page(
        club,
        "Probe",
        start=berlin(2027, 3, 16, 19),
        recurrence="FREQ=WEEKLY;COUNT=3",
        exceptions=["2027-03-23"],
    )
    body = html(site_client("bruchsal").get(page.url + "monat/2027/3/", {"verein": club.pk}))
    assert "<caption>März 2027" in body
    assert '<th scope="col"><abbr title="Montag">Mo</abbr></th>' in body
    assert '<a href="#tag-2027-03-16">' in body and '<a href="#tag-2027-03-30">' in body
    assert '<a href="#tag-2027-03-23">' not in body
    assert 'id="tag-2027-03-16"' in body
    assert "monat/2027/2/?verein=" in body and "monat/2027/4/?verein=" in body
    assert "Vorheriger Monat (Februar 2027)" in body
    assert site_client("bruchsal").get(page.url + "monat/2027/13/").status_code == 404


def test_busy_month_links_days_to_the_day_list(site_client, club, monkeypatch):
    from vereinsportal.calendar import views

    monkeypatch.setattr(views, "MONTH_LIST_LIMIT", 2)
    page = calendar_page("bruchsal")
    event_page(club, "Probe", start=berlin(2027, 3, 16, 19), recurrence="FREQ=WEEKLY;COUNT=3")
    body = html(site_client("bruchsal").get(page.url + "monat/2027/3/", {"verein": club.pk}))
    link = f"/veranstaltungen/?verein={club.pk}&amp;von=2027-03-16&amp;bis=2027-03-16"
    assert f'<a href="{link}">' in body
    assert "In diesem Monat gibt es 3 Termine. Wählen Sie einen Tag:" in body
    assert 'id="tag-2027-03-16"' not in body  # no long list below the grid
    day = text(
        site_client("bruchsal").get(
            page.url, {"verein": club.pk, "von": "2027-03-16", "bis": "2027-03-16"}
        )
    )
    assert "1 kommender Termin" in day


def test_archive_lists_past_events_newest_first(site_client, club):
    page = calendar_page("bruchsal")
    now = timezone.now().astimezone(BERLIN)
    event_page(
        club,
        "Vorletzte Woche",
        start=now - dt.timedelta(days=14),
        end=now - dt.timedelta(days=14, hours=-1),
    )
    event_page(
        club,
        "Letzte Woche",
        start=now - dt.timedelta(days=7),
        end=now - dt.timedelta(days=7, hours=-1),
    )
    event_page(club, "Nächste Woche", start=now + dt.timedelta(days=7))
    archive = text(site_client("bruchsal").get(page.url + "archiv/", {"verein": club.pk}))
    assert "2 vergangene Termine" in archive
    assert archive.index("Letzte Woche") < archive.index("Vorletzte Woche")
    assert "Nächste Woche" not in archive
    upcoming = text(site_client("bruchsal").get(page.url, {"verein": club.pk}))
    assert "Nächste Woche" in upcoming and "Letzte Woche" not in upcoming


def test_empty_states_say_what_to_do(site_client):
    page = quiet_calendar("stutensee")
    body = text(site_client("stutensee").get(page.url))
    assert "Gerade sind hier keine Veranstaltungen angekündigt." in body
    filtered = text(site_client("stutensee").get(page.url, {"kostenlos": "on"}))
    assert "Zu diesen Filtern gibt es keine kommenden Veranstaltungen." in filtered
    month = text(site_client("stutensee").get(page.url + "monat/2031/1/"))
    assert "In diesem Monat sind keine Veranstaltungen eingetragen." in month


def test_calendar_and_club_events_link_their_feeds(site_client, club):
    page = calendar_page("bruchsal")
    body = html(site_client("bruchsal").get(page.url))
    assert '<link rel="alternate" type="text/calendar" title="Veranstaltungen – ' in body
    assert 'href="http://bruchsal.localhost:8000/veranstaltungen/kalender.ics"' in body
    assert 'href="webcal://bruchsal.localhost:8000/veranstaltungen/kalender.ics"' in body
    assert "Kalender abonnieren" in body
    event_page(club, "Vereinsabend", start=berlin(2027, 4, 9, 19))
    club_body = html(site_client("bruchsal").get(club.url + "veranstaltungen/"))
    assert "Vereinsabend" in club_body
    assert (
        f'href="http://bruchsal.localhost:8000{club.url.split(":8000")[-1]}kalender.ics"'
        in club_body
    )
    assert 'type="text/calendar"' in club_body
