"""Statistics of an office: counts, no-shows, utilisation, waiting times, CSV."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from services.appointments import booking as bookings
from services.appointments import slots, statistics
from services.models import BookingStatus, Ticket

from .factories import caseworker
from .factories_appointments import next_weekday, office

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


@pytest.fixture
def week():
    """An office (2 counters, Mon–Fri 8–12, Thu also 14–18) with three bookings on a
    Monday: 9:00 done, 9:00 no-show, 10:00 cancelled; and two walk-ins."""
    o = office(counters=2)
    monday = next_weekday(0)
    now = at(monday - dt.timedelta(days=1), 12)
    service = o.services.get()
    made = []
    for hour, email in [(9, "a"), (9, "b"), (10, "c")]:
        booking, token = bookings.create_pending(
            o,
            at(monday, hour),
            [slots.Selection(service, 1)],
            name=email,
            email=f"{email}@example.org",
            now=now,
        )
        made.append(bookings.confirm(token, now=now)[0])
    made[0].status = BookingStatus.DONE
    made[1].status = BookingStatus.NO_SHOW
    for booking in made[:2]:
        booking.save(update_fields=["status"])
    bookings.cancel(made[2])
    for minutes in (10, 30):
        ticket = Ticket.objects.create(office=o, day=monday, number=minutes)
        Ticket.objects.filter(pk=ticket.pk).update(
            created_at=at(monday, 8), called_at=at(monday, 8, minutes), status="called"
        )
    return o, monday


def test_figures_count_bookings_no_shows_utilisation_and_waiting(week):
    o, monday = week
    result = statistics.figures(o, monday, monday + dt.timedelta(days=6))
    day = result.days[0]
    assert (day.bookings, day.no_shows, day.cancelled) == (2, 1, 1)
    assert day.open_minutes == 2 * 4 * 60  # two counters, 8–12
    assert day.booked_minutes == 30 and day.utilisation == 6
    assert result.by_hour == {9: 2}
    assert result.no_show_rate == 50
    assert (result.tickets, result.waiting_median) == (2, 20.0)
    thursday = result.days[3]
    assert thursday.open_minutes == 2 * 8 * 60


def test_statistics_page_shows_figures_chart_and_table(client, week):
    o, monday = week
    client.force_login(caseworker("bruchsal"))
    response = client.get(
        f"/admin/termine/{o.pk}/statistik/",
        {"von": monday.isoformat(), "bis": (monday + dt.timedelta(days=4)).isoformat()},
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    figures = soup.select_one("#kennzahlen").get_text(" ", strip=True)
    assert "2 Termine" in figures and "1 nicht erschienen (50 %)" in figures
    assert "20.0 min" in figures or "20,0 min" in figures
    assert soup.select("svg.appt-chart rect")  # charts …
    assert soup.select("table.listing tbody tr")  # … and the same data as tables


def test_csv_export_and_other_towns_office(client, week):
    o, monday = week
    client.force_login(caseworker("bruchsal"))
    response = client.get(
        f"/admin/termine/{o.pk}/statistik/",
        {"von": monday.isoformat(), "bis": monday.isoformat(), "format": "csv"},
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Tag;Termine;Nicht erschienen")
    assert lines[1] == f"{monday.isoformat()};2;1;1;30;480;6"
    other = office("bretten")
    assert client.get(f"/admin/termine/{other.pk}/statistik/").status_code == 404


def test_bad_dates_fall_back_to_the_last_four_weeks(client, week):
    o, _monday = week
    client.force_login(caseworker("bruchsal"))
    response = client.get(f"/admin/termine/{o.pk}/statistik/", {"von": "gestern", "bis": "x"})
    assert response.status_code == 200
    today = timezone.localdate()
    assert response.context["last"] == today
