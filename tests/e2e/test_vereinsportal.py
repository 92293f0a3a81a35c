"""Vereinsportal in Chromium: a club manager creates a recurring event in the club
dashboard, it appears in the town calendar and in the town's iCalendar feed; every
citizen page of the club portal passes axe and requests nothing from other hosts."""

from __future__ import annotations

import datetime as dt
import urllib.request
from urllib.parse import urlsplit

import icalendar
import pytest
import recurring_ical_events
from django.utils import timezone

from tests.e2e.test_online_application import assert_accessible, mail_to

pytestmark = pytest.mark.e2e


def next_weekday(weekday: int) -> dt.date:
    """The next date (at least a week ahead) falling on ``weekday`` (0 = Monday)."""
    day = timezone.localdate() + dt.timedelta(days=7)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def test_club_manager_creates_recurring_event_that_appears_in_calendar_and_feed(demo_server, page):
    base = f"http://buehl.localhost:{demo_server}"
    first = next_weekday(1)  # a Tuesday
    page.goto(f"{base}/verein/anmelden/")
    assert_accessible(page)
    page.fill("[name=username]", "verein.buehl")
    page.fill("[name=password]", "demo-buehl")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()

    page.goto(f"{base}/verein/")
    dashboard = page.locator(".club-dashboard")
    dashboard.get_by_role("link", name="Veranstaltungen", exact=True).first.click()
    page.get_by_role("link", name="Neue Veranstaltung").first.click()
    assert_accessible(page)
    page.fill("[name=title]", "Lauftreff am Dienstag")
    page.fill("[name=teaser]", "Gemeinsam laufen, jede Woche, alle Tempi willkommen.")
    page.fill("[name=start_date]", first.isoformat())
    page.fill("[name=start_time]", "18:30")
    page.fill("[name=end_time]", "20:00")
    page.check("input[name=freq][value=WEEKLY]")
    page.check("input[name=weekdays][value=TU]")
    page.check("input[name=ends][value=count]")
    page.fill("[name=count]", "6")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert "Veröffentlicht" in page.content()

    # the town calendar shows the second date (a week after the first)
    second = first + dt.timedelta(days=7)
    page.goto(f"{base}/veranstaltungen/?von={second.isoformat()}&bis={second.isoformat()}")
    assert page.get_by_role("link", name="Lauftreff am Dienstag").count() >= 1
    assert_accessible(page)

    # the feed holds one VEVENT with the rule; expanded it gives the six Tuesdays 18:30
    feed = urllib.request.urlopen(
        urllib.request.Request(
            f"http://127.0.0.1:{demo_server}/veranstaltungen/kalender.ics",
            headers={"Host": f"buehl.localhost:{demo_server}"},
        ),
        timeout=30,
    )
    assert feed.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.read())
    events = [
        e for e in calendar.walk("VEVENT") if str(e.get("SUMMARY")) == "Lauftreff am Dienstag"
    ]
    assert len(events) == 1 and "RRULE" in events[0]
    dates = [
        occurrence.start
        for occurrence in recurring_ical_events.of(calendar).between(
            first, first + dt.timedelta(days=60)
        )
        if str(occurrence.get("SUMMARY")) == "Lauftreff am Dienstag"
    ]
    assert [(d.date(), d.strftime("%H:%M")) for d in dates] == [
        (first + dt.timedelta(days=7 * n), "18:30") for n in range(6)
    ]


CITIZEN_PAGES = [
    ("club directory", "bruchsal", "/vereine/"),
    ("club directory filtered", "bruchsal", "/vereine/?kategorie=sport&barrierefrei=1"),
    ("club registration", "bruchsal", "/vereine/registrieren/"),
    ("event calendar", "bruchsal", "/veranstaltungen/"),
    ("calendar archive", "bruchsal", "/veranstaltungen/archiv/"),
    ("volunteer board", "bruchsal", "/ehrenamt/"),
    ("club login", "bruchsal", "/verein/anmelden/"),
    ("regional club directory", None, "/vereine/"),
    ("regional event calendar", None, "/veranstaltungen/"),
    ("regional volunteer board", None, "/ehrenamt/"),
    ("regional club registration", None, "/vereine/registrieren/"),
]


@pytest.mark.parametrize(
    ("name", "town", "path"), CITIZEN_PAGES, ids=[name for name, *_ in CITIZEN_PAGES]
)
def test_club_portal_page_is_accessible_and_private(
    demo_server, page, requests_seen, name, town, path
):
    host = f"{town}.localhost" if town else "localhost"
    url = f"http://{host}:{demo_server}{path}"
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert_accessible(page)
    foreign = [seen for seen in requests_seen if urlsplit(seen).netloc != urlsplit(url).netloc]
    assert foreign == []


def test_pages_reached_by_following_links_are_accessible(demo_server, page, requests_seen):
    """Club page, its contact form and events, an event page, the month grid, a volunteer
    opportunity – reached as a citizen would, by following links."""
    base = f"http://ettlingen.localhost:{demo_server}"
    today = timezone.localdate()
    visited = []

    def check(url: str) -> None:
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert_accessible(page)
        visited.append(url)

    check(f"{base}/veranstaltungen/monat/{today.year}/{today.month}/")
    check(f"{base}/vereine/")
    club = page.locator(".club-list a").first.get_attribute("href")
    check(f"{base}{club}")
    check(f"{base}{club}kontakt/")
    check(f"{base}{club}veranstaltungen/")
    check(f"{base}/veranstaltungen/")
    event = page.locator(".calendar-entry__title a").first.get_attribute("href")
    check(f"{base}{event}")
    check(f"{base}/ehrenamt/")
    opportunity = page.locator(".volunteer-cards h3 a").first.get_attribute("href")
    check(f"{base}{opportunity}")
    assert len(visited) == 9
    foreign = [seen for seen in requests_seen if urlsplit(seen).netloc != urlsplit(base).netloc]
    assert foreign == []


def test_citizen_signs_up_gets_mail_with_cancel_link_and_cancels(demo_server, demo_dir, page):
    """Sign up for a demo course, read the confirmation mail, cancel through its link."""
    base = f"http://ettlingen.localhost:{demo_server}"
    day = (timezone.localdate() + dt.timedelta(days=9)).isoformat()
    page.goto(f"{base}/veranstaltungen/?von={day}&bis={day}")
    page.get_by_role("link", name="Seepferdchen-Kurs für Kinder").first.click()
    page.wait_for_load_state()
    assert page.locator("#anmeldung").is_visible()
    assert_accessible(page)

    page.fill("[name=name]", "Aylin Demir")
    page.fill("[name=email]", "aylin.demir@example.org")
    page.select_option("[name=places]", "2")
    page.check("[name=consent]")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    page.wait_for_load_state()
    assert "angemeldet" in page.locator("main").inner_text().lower()
    assert_accessible(page)

    subject, text = mail_to(
        demo_dir / "server.log", "aylin.demir@example.org", "Anmeldung bestätigt"
    )
    assert "Seepferdchen-Kurs für Kinder" in subject
    link = next(word for word in text.split() if "/verein/abmelden/" in word)
    page.goto(base + urlsplit(link).path)
    assert_accessible(page)
    page.get_by_role("button", name="Ja, abmelden").click()
    page.wait_for_load_state()
    assert "abgemeldet" in page.locator("main").inner_text().lower()
