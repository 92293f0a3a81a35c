"""Opening hours: "jetzt geöffnet", exceptions and Baden-Württemberg's public holidays."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup

from blocks import opening_hours
from blocks.structured import OpeningHoursBlock

BERLIN = ZoneInfo("Europe/Berlin")
HOURS = {
    "closed_on_holidays": True,
    "periods": [
        {"weekdays": ["0", "1", "2", "3", "4"], "opens": dt.time(8), "closes": dt.time(12)},
        {"weekdays": ["3"], "opens": dt.time(14), "closes": dt.time(18)},
    ],
    "exceptions": [
        {"date": dt.date(2026, 12, 24), "closed": True, "note": "Heiligabend"},
        {
            "date": dt.date(2026, 12, 30),
            "closed": False,
            "opens": dt.time(9),
            "closes": dt.time(11),
            "note": "verkürzt",
        },
    ],
}


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def test_open_during_regular_hours_and_says_until_when():
    status = opening_hours.status(HOURS, at(2026, 11, 26, 9, 30))  # Thursday
    assert status.open
    assert status.label == "Jetzt geöffnet"
    assert status.detail == "bis 12:00 Uhr"


def test_closed_at_lunch_says_when_it_opens_again():
    status = opening_hours.status(HOURS, at(2026, 11, 26, 13, 0))  # Thursday
    assert not status.open
    assert status.detail == "öffnet heute um 14:00 Uhr"


def test_closed_on_a_public_holiday_of_baden_wuerttemberg():
    status = opening_hours.status(HOURS, at(2026, 6, 4, 9, 0))  # Fronleichnam, Thursday
    assert not status.open
    assert "Fronleichnam" in status.detail


def test_exceptions_override_the_rule():
    assert not opening_hours.status(HOURS, at(2026, 12, 24, 9, 0)).open
    assert opening_hours.status(HOURS, at(2026, 12, 30, 10, 0)).open
    assert not opening_hours.status(HOURS, at(2026, 12, 30, 11, 30)).open


def test_weekly_table_and_upcoming_exceptions():
    week = opening_hours.weekly_table(HOURS)
    assert week[3] == {"day": "Donnerstag", "times": ["08:00–12:00 Uhr", "14:00–18:00 Uhr"]}
    assert week[6]["times"] == []
    upcoming = opening_hours.upcoming_exceptions(HOURS, today=dt.date(2026, 12, 20), days=20)
    notes = [(item["date"], item["note"]) for item in upcoming]
    assert (dt.date(2026, 12, 24), "Heiligabend") in notes
    assert (dt.date(2026, 12, 25), "Erster Weihnachtstag") in notes
    assert (dt.date(2027, 1, 6), "Heilige Drei Könige") in notes


def test_block_shows_status_in_words_and_the_week_as_a_table():
    block = OpeningHoursBlock()
    soup = BeautifulSoup(
        block.render(
            block.to_python(block.get_prep_value(block.normalize({**HOURS, "title": "Bürgerbüro"})))
        ),
        "html.parser",
    )

    status = soup.select_one(".opening-hours__status").get_text(strip=True)
    assert status.startswith(("Jetzt geöffnet", "Jetzt geschlossen"))
    rows = {th.get_text(): th.find_next("td").get_text() for th in soup.select("tbody th")}
    assert rows["Montag"] == "08:00–12:00 Uhr"
    assert rows["Sonntag"] == "geschlossen"
