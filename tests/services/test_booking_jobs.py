"""Periodic jobs of the booking: reminders (once), expiry, deleting personal data."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from services import scheduled
from services.appointments import booking as bookings
from services.appointments import jobs, slots
from services.models import Booking, BookingStatus

from .factories_appointments import next_weekday, office

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def confirmed(o, start, email="erika@example.org", now=None):
    pending, token = bookings.create_pending(
        o, start, [slots.Selection(o.services.first(), 1)], name="Erika", email=email, now=now
    )
    booking, _manage = bookings.confirm(token, now=now)
    return booking


def test_reminder_is_sent_once_the_day_before(django_capture_on_commit_callbacks):
    o = office()
    monday = next_weekday(0)
    tomorrow_booking = confirmed(o, at(monday, 9))
    later = confirmed(o, at(monday + dt.timedelta(days=1), 9), email="b@example.org")
    now = at(monday - dt.timedelta(days=1), 18)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.send_reminders(now) >= 1  # (the demo has bookings, too)
    mine = [m for m in mail.outbox if m.to in (["erika@example.org"], ["b@example.org"])]
    assert len(mine) == 1
    reminder = mine[0]
    assert reminder.to == ["erika@example.org"]
    assert "Erinnerung" in reminder.subject
    assert "über den Link in Ihrer Terminbestätigung" in reminder.body
    assert "09:00 Uhr" in reminder.body
    tomorrow_booking.refresh_from_db()
    assert tomorrow_booking.reminder_sent_at == now
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.send_reminders(now + dt.timedelta(hours=1)) == 0
    assert len(mail.outbox) == sent
    later.refresh_from_db()
    assert later.reminder_sent_at is None


def test_cancelled_bookings_get_no_reminder(django_capture_on_commit_callbacks):
    o = office()
    monday = next_weekday(0)
    booking = confirmed(o, at(monday, 9))
    bookings.cancel(booking)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.send_reminders(at(monday - dt.timedelta(days=1), 18))
    assert not [m for m in mail.outbox if m.to == ["erika@example.org"]]
    booking.refresh_from_db()
    assert booking.reminder_sent_at is None


def test_unconfirmed_bookings_expire():
    o = office()
    monday = next_weekday(0)
    pending, _token = bookings.create_pending(
        o, at(monday, 9), [slots.Selection(o.services.first(), 1)], name="E", email="e@example.org"
    )
    jobs.expire_pending(timezone.now())
    pending.refresh_from_db()
    assert pending.status == BookingStatus.PENDING
    assert jobs.expire_pending(timezone.now() + dt.timedelta(minutes=16)) >= 1
    pending.refresh_from_db()
    assert pending.status == BookingStatus.EXPIRED


def test_personal_data_is_deleted_after_the_retention_period():
    o = office(retention_days=10)
    monday = next_weekday(0)
    booking = confirmed(o, at(monday, 9))
    booking.phone = "0721 1"
    booking.save()
    jobs.delete_personal_data(booking.end + dt.timedelta(days=9))
    booking.refresh_from_db()
    assert booking.email == "erika@example.org"
    later = booking.end + dt.timedelta(days=10, minutes=1)
    assert jobs.delete_personal_data(later) >= 1
    booking.refresh_from_db()
    assert (booking.name, booking.email, booking.phone) == ("", "", "")
    assert booking.anonymised_at == later
    assert booking.status == BookingStatus.CONFIRMED  # statistics keep the count
    assert booking.services[0]["persons"] == 1
    jobs.delete_personal_data(later + dt.timedelta(days=1))
    booking.refresh_from_db()
    assert booking.anonymised_at == later  # once
    assert Booking.objects.filter(office=o).count() == 1


def test_scheduled_job_runs_all_three_with_a_german_summary():
    names = [job.__name__ for job in scheduled.JOBS]
    assert names == ["run_retention", "run_appointment_jobs"]
    summary = scheduled.run_appointment_jobs()
    assert summary.startswith("Termine: ")
    assert "Erinnerung" in summary and "anonymisiert" in summary
