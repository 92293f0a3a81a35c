"""iCalendar feeds, read back with two independent parsers (icalendar +
recurring_ical_events, and vobject): the dates they expand equal the dates the calendar
page shows – across the change to summer time and with an exception date; cancelled
dates and events are STATUS:CANCELLED; UIDs survive edits."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
import recurring_ical_events
import vobject
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vereinsportal.models import EventStatus

from .factories import berlin, calendar_page, club_page, event_page
from .factories_events import BERLIN, republish, signup

pytestmark = pytest.mark.django_db

RANGE = (berlin(2027, 3, 1), berlin(2027, 5, 1))


def feed(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def uid(event) -> str:
    return f"event-{event.pk}@bruchsal.localhost"


def page_dates(client, page, club) -> list[tuple[dt.datetime, bool]]:
    """(start, cancelled?) of every entry the calendar list shows for the range."""
    response = client.get(page.url, {"verein": club.pk, "von": "2027-03-01", "bis": "2027-04-30"})
    body = response.content.decode()
    entries = re.findall(
        r'<li class="calendar-entry( calendar-entry--cancelled)?[^"]*">\s*'
        r'<p class="calendar-entry__time"><time datetime="([^"]+)"',
        body,
    )
    return sorted((dt.datetime.fromisoformat(start), bool(mark)) for mark, start in entries)


def icalendar_dates(text: str, uids: set[str]) -> list[tuple[dt.datetime, bool]]:
    calendar = icalendar.Calendar.from_ical(text)
    found = []
    for component in recurring_ical_events.of(calendar).between(*RANGE):
        if str(component["UID"]) not in uids:
            continue
        start = component.decoded("DTSTART")
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(), tzinfo=BERLIN)
        found.append((start, str(component.get("STATUS")) == "CANCELLED"))
    return sorted(found)


def vobject_dates(text: str, uids: set[str]) -> list[tuple[dt.datetime, bool]]:
    calendar = vobject.readOne(text)
    found = {}
    overrides = []
    for vevent in calendar.vevent_list:
        if vevent.uid.value not in uids:
            continue
        cancelled = getattr(vevent, "status", None) and vevent.status.value == "CANCELLED"
        if hasattr(vevent, "recurrence_id"):
            overrides.append((vevent.recurrence_id.value, vevent.dtstart.value, cancelled))
            continue
        rules = vevent.getrruleset(addRDate=True)
        starts = list(rules) if rules is not None else [vevent.dtstart.value]
        for start in starts:
            if not isinstance(start, dt.datetime):  # all-day: a date
                start = dt.datetime.combine(start, dt.time(), tzinfo=BERLIN)
            elif start.tzinfo is None:  # vobject gives all-day rule dates as naive
                start = start.replace(tzinfo=BERLIN)
            if RANGE[0] <= start < RANGE[1]:
                found[start] = bool(cancelled)
    for original, start, cancelled in overrides:
        found.pop(original, None)
        if RANGE[0] <= start < RANGE[1]:
            found[start] = bool(cancelled)
    return sorted(found.items())


@pytest.fixture
def setup_events():
    club = club_page(
        "bruchsal",
        "TV Feed",
        categories=["Sport"],
        place_name="Sportplatz",
        street="Am Wald 1",
        postcode="76646",
        city="Bruchsal",
        latitude=49.12,
        longitude=8.6,
    )
    weekly = event_page(
        club,
        "Lauftreff",
        start=berlin(2027, 3, 2, 19),
        end=berlin(2027, 3, 2, 20, 30),
        recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=8",
        exceptions=["2027-03-16"],
        categories=["Sport"],
    )
    # someone signed up for 23 March, then the club cancelled that date
    signup(weekly.occurrences.get(start=berlin(2027, 3, 23, 19)))
    weekly = republish(weekly, exceptions=["2027-03-16", "2027-03-23"])
    single = event_page(
        club, "Saisonfeier", start=berlin(2027, 4, 3, 18), end=berlin(2027, 4, 3, 23)
    )
    all_day = event_page(
        club,
        "Flohmarkt",
        start=berlin(2027, 3, 27, 0),
        end=berlin(2027, 3, 28, 0),
        all_day=True,
        categories=["Kultur"],
    )
    return club, weekly, single, all_day


def test_two_parsers_expand_the_same_dates_the_calendar_shows(site_client, setup_events):
    club, weekly, single, all_day = setup_events
    client = site_client("bruchsal")
    page = calendar_page("bruchsal")
    text = feed(client, page.url + "kalender.ics")
    uids = {uid(weekly), uid(single), uid(all_day)}
    shown = page_dates(client, page, club)
    expected_weekly = [
        berlin(2027, 3, 2, 19),
        berlin(2027, 3, 9, 19),
        berlin(2027, 3, 23, 19),  # cancelled – shown, marked
        berlin(2027, 3, 30, 19),  # after the change to summer time: still 19:00
        berlin(2027, 4, 6, 19),
        berlin(2027, 4, 13, 19),
        berlin(2027, 4, 20, 19),
    ]
    assert [start for start, _c in shown if start.hour == 19] == expected_weekly
    assert [start for start, cancelled in shown if cancelled] == [berlin(2027, 3, 23, 19)]
    assert icalendar_dates(text, uids) == shown
    assert vobject_dates(text, uids) == shown


def test_feed_content(site_client, setup_events):
    club, weekly, single, all_day = setup_events
    client = site_client("bruchsal")
    text = feed(client, calendar_page("bruchsal").url + "kalender.ics")
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["X-WR-CALNAME"]).startswith("Veranstaltungen – ")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    events = {}
    for component in calendar.walk("VEVENT"):
        events.setdefault(str(component["UID"]), []).append(component)
    main, cancelled = sorted(events[uid(weekly)], key=lambda c: "RECURRENCE-ID" in c)
    assert main["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=8;BYDAY=TU"
    assert "DTSTART;TZID=Europe/Berlin:20270302T190000" in text
    assert "EXDATE;TZID=Europe/Berlin:20270316T190000" in text
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.decoded("RECURRENCE-ID") == berlin(2027, 3, 23, 19)
    assert str(main["STATUS"]) == "CONFIRMED"
    assert str(main["URL"]) == weekly.url
    assert "GEO:49.120000;8.600000" in text
    assert main["CATEGORIES"].cats == ["Sport"]
    for component in [main, events[uid(single)][0]]:
        for name in ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "LOCATION"):
            assert name in component
    flea = events[uid(all_day)][0]
    assert (
        "DTSTART;VALUE=DATE:20270327" in text and "DTEND;VALUE=DATE:20270329" in text
    )  # last day inclusive: 28 March
    assert flea.decoded("DTSTART") == dt.date(2027, 3, 27)


def test_cancelled_event_and_uid_stable_across_edits(site_client, setup_events):
    club, weekly, single, _all_day = setup_events
    client = site_client("bruchsal")
    url = single.url + "termin.ics"
    before = icalendar.Calendar.from_ical(feed(client, url)).walk("VEVENT")[0]
    republish(
        single, title="Saisonfeier 2027", start=berlin(2027, 4, 3, 19), status=EventStatus.CANCELLED
    )
    after = icalendar.Calendar.from_ical(feed(client, url)).walk("VEVENT")[0]
    assert str(after["UID"]) == str(before["UID"]) == uid(single)
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert str(after["STATUS"]) == "CANCELLED" and str(after["SUMMARY"]) == "Saisonfeier 2027"
    response = client.get(url)
    assert response["Content-Disposition"] == 'attachment; filename="termin.ics"'


def test_category_club_and_regional_feeds(site_client, setup_events):
    club, weekly, single, all_day = setup_events
    client = site_client("bruchsal")
    page = calendar_page("bruchsal")
    sport = feed(client, page.url + "kategorie/sport.ics")
    assert uid(weekly) in sport and uid(all_day) not in sport and uid(single) not in sport
    assert client.get(page.url + "kategorie/gibt-es-nicht.ics").status_code == 404
    club_text = feed(client, club.url + "kalender.ics")
    assert {uid(weekly), uid(single), uid(all_day)} <= set(re.findall(r"UID:(\S+)", club_text))
    other = club_page("bretten", "SV Bretten Feed")
    bretten_event = event_page(other, "Brettener Lauf", start=berlin(2027, 4, 4, 10))
    assert f"event-{bretten_event.pk}@bretten.localhost" not in feed(
        client, page.url + "kalender.ics"
    )
    regional = feed(site_client("region"), calendar_page(None).url + "kalender.ics")
    assert f"event-{bretten_event.pk}@bretten.localhost" in regional and uid(weekly) in regional
    draft = event_page(club, "Entwurf", live=False)
    assert uid(draft) not in feed(client, club.url + "kalender.ics")


def test_feed_needs_no_query_per_event(site_client):
    small = club_page("bruchsal", "Kleiner Verein")
    large = club_page("bruchsal", "Großer Verein")
    for number in range(2):
        event_page(small, start=berlin(2027, 3, 1 + number, 19), categories=["Sport"])
    for number in range(15):
        event_page(
            large,
            start=berlin(2027, 3, 1 + number, 19),
            categories=["Sport"],
            recurrence="FREQ=WEEKLY;COUNT=3" if number % 2 else "",
        )
    client = site_client("bruchsal")
    counts = []
    for club in (small, large):
        feed(client, club.url + "kalender.ics")
        with CaptureQueriesContext(connection) as queries:
            text = feed(client, club.url + "kalender.ics")
        counts.append(len(queries))
        assert text.count("BEGIN:VEVENT") in (2, 15)
    assert counts[0] == counts[1], counts
