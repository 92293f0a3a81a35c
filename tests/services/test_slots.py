"""Free appointment times: opening hours, holidays, durations, counters, claims, blocks."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from services.appointments import booking as bookings
from services.appointments import slots
from services.models import BlockedTime, BookingStatus

from .factories_appointments import next_weekday, office

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def times(starts) -> list[str]:
    return [s.strftime("%H:%M") for s in starts]


def selections(o, persons=1):
    return [slots.Selection(service, persons) for service in o.services.all()]


def test_duration_adds_services_and_persons_on_the_grid():
    o = office(services=[("Ausweis (T)", 15, 10), ("Reisepass (T)", 10, 10)])
    ausweis, pass_ = o.services.all()
    assert slots.duration([slots.Selection(ausweis, 2)]) == 25
    assert slots.duration([slots.Selection(ausweis, 2), slots.Selection(pass_, 1)]) == 35
    ausweis.minutes_first_person = 12
    assert slots.duration([slots.Selection(ausweis, 1)]) == 15  # rounded up to 5 minutes


def test_starts_follow_opening_hours_and_interval():
    o = office(interval_minutes=30)
    monday = next_weekday(0)
    thursday = monday + dt.timedelta(days=3)
    calendar = slots.Calendar(o, monday, thursday + dt.timedelta(days=7))
    now = at(monday - dt.timedelta(days=1), 12)
    assert times(calendar.free_starts(monday, 25, now)) == [
        "08:00",
        "08:30",
        "09:00",
        "09:30",
        "10:00",
        "10:30",
        "11:00",
        "11:30",
    ]
    # a 45-minute appointment no longer fits at 11:30
    assert times(calendar.free_starts(monday, 45, now))[-1] == "11:00"
    assert "14:00" in times(calendar.free_starts(thursday, 25, now))
    saturday = next_weekday(5)
    assert calendar.free_starts(saturday, 15, now) == []


def test_public_holidays_are_closed():
    o = office()
    christmas = dt.date(2027, 12, 24)  # a Friday; 25./26. are holidays anyway
    boxing_day = dt.date(2028, 12, 26)  # a Tuesday, 2. Weihnachtstag
    calendar = slots.Calendar(o, boxing_day, boxing_day)
    assert calendar.free_starts(boxing_day, 15, at(boxing_day, 0) - dt.timedelta(days=3)) == []
    assert christmas.weekday() == 4


def test_a_confirmed_booking_takes_one_counter_then_the_time_is_gone(
    django_capture_on_commit_callbacks,
):
    o = office(counters=2)
    monday = next_weekday(0)
    now = at(monday - dt.timedelta(days=1), 12)
    start = at(monday, 9)
    for expected_left in (True, False):
        booking, token = bookings.create_pending(
            o, start, selections(o), name="Erika", email=f"e{expected_left}@example.org", now=now
        )
        confirmed, _manage = bookings.confirm(token, now=now)
        assert confirmed.status == BookingStatus.CONFIRMED
        calendar = slots.Calendar(o, monday, monday)
        assert (start in calendar.free_starts(monday, 15, now)) is expected_left
    with pytest.raises(bookings.BookingError, match="nicht mehr frei"):
        bookings.create_pending(o, start, selections(o), name="X", email="x@example.org", now=now)


def test_pending_bookings_hold_nothing_and_expire():
    o = office(counters=1)
    monday = next_weekday(0)
    now = at(monday - dt.timedelta(days=1), 12)
    start = at(monday, 9)
    first, first_token = bookings.create_pending(
        o, start, selections(o), name="A", email="a@example.org", now=now
    )
    second, second_token = bookings.create_pending(
        o, start, selections(o), name="B", email="b@example.org", now=now
    )
    bookings.confirm(second_token, now=now)
    with pytest.raises(bookings.BookingError, match="inzwischen leider vergeben"):
        bookings.confirm(first_token, now=now)
    late = now + dt.timedelta(minutes=bookings.CONFIRM_MINUTES + 1)
    third, third_token = bookings.create_pending(
        o, at(monday, 10), selections(o), name="C", email="c@example.org", now=now
    )
    with pytest.raises(bookings.BookingError, match="abgelaufen"):
        bookings.confirm(third_token, now=late)
    third.refresh_from_db()
    assert third.status == BookingStatus.EXPIRED


def test_cancel_frees_the_time_at_once():
    o = office(counters=1)
    monday = next_weekday(0)
    now = at(monday - dt.timedelta(days=1), 12)
    start = at(monday, 9)
    booking, token = bookings.create_pending(
        o, start, selections(o), name="A", email="a@example.org", now=now
    )
    booking, _ = bookings.confirm(token, now=now)
    assert start not in slots.Calendar(o, monday, monday).free_starts(monday, 15, now)
    bookings.cancel(booking)
    assert booking.status == BookingStatus.CANCELLED
    assert start in slots.Calendar(o, monday, monday).free_starts(monday, 15, now)


def test_blocked_times_and_lead_time_and_horizon():
    o = office(counters=2, lead_minutes=120, horizon_days=14)
    monday = next_weekday(0)
    now = at(monday, 8)
    BlockedTime.objects.create(
        office=o, start=at(monday, 10), end=at(monday, 11), reason="Schulung"
    )
    starts = times(slots.Calendar(o, monday, monday).free_starts(monday, 15, now))
    assert starts[0] == "11:00"  # 10:00 is the earliest (lead time), blocked until 11
    assert "10:00" not in starts and "10:45" not in starts and "11:00" in starts
    with pytest.raises(bookings.BookingError, match="Vergangenheit"):
        bookings.check_time(o, at(monday, 7), 15, now=now)
    far = monday + dt.timedelta(days=21)
    with pytest.raises(bookings.BookingError, match="höchstens 14 Tage"):
        bookings.check_time(o, at(far, 9), 15, now=now)


def test_limit_of_open_bookings_per_email():
    o = office(counters=3, max_bookings_per_email=2)
    monday = next_weekday(0)
    now = at(monday - dt.timedelta(days=1), 12)
    for hour in (8, 9):
        bookings.create_pending(
            o, at(monday, hour), selections(o), name="A", email="a@example.org", now=now
        )
    with pytest.raises(bookings.BookingError, match="offene Termine"):
        bookings.create_pending(
            o, at(monday, 10), selections(o), name="A", email="A@example.org", now=now
        )
