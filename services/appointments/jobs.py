"""Periodic jobs of the booking: reminders, expiry of unconfirmed bookings and deleting
personal data after the retention period (``run_appointment_jobs`` in
``services/scheduled.py``)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..models import Booking, BookingStatus
from . import mails, slots


def send_reminders(now: dt.datetime | None = None) -> int:
    """Remind confirmed bookings of tomorrow (each once). Returns how many were sent."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now, slots.zone()) + dt.timedelta(days=1)
    begin = dt.datetime.combine(tomorrow, dt.time(0), tzinfo=slots.zone())
    end = begin + dt.timedelta(days=1)
    sent = 0
    candidates = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        reminder_sent_at=None,
        start__gte=begin,
        start__lt=end,
    ).exclude(email="")
    for pk in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("office__unit__site")
                .filter(pk=pk, reminder_sent_at=None, status=BookingStatus.CONFIRMED)
                .first()
            )
            if booking is None:
                continue
            mails.send_reminder(booking)
            booking.reminder_sent_at = now
            booking.save(update_fields=["reminder_sent_at"])
            sent += 1
    return sent


def expire_pending(now: dt.datetime | None = None) -> int:
    """Mark pending bookings not confirmed in time as expired."""
    now = now or timezone.now()
    return Booking.objects.filter(status=BookingStatus.PENDING, confirm_by__lt=now).update(
        status=BookingStatus.EXPIRED
    )


def delete_personal_data(now: dt.datetime | None = None) -> int:
    """Clear name, e-mail and phone of bookings whose end + the office's retention days
    have passed; the booking itself stays for the statistics."""
    now = now or timezone.now()
    count = 0
    candidates = Booking.objects.filter(anonymised_at=None, end__lt=now).select_related("office")
    for booking in candidates.only("pk", "end", "office__retention_days"):
        if booking.end + dt.timedelta(days=booking.office.retention_days) >= now:
            continue
        count += Booking.objects.filter(pk=booking.pk, anonymised_at=None).update(
            name="", email="", phone="", anonymised_at=now
        )
    return count


def run_all(now: dt.datetime | None = None) -> str:
    """The three jobs, with a German summary for the job log."""
    now = now or timezone.now()
    expired = expire_pending(now)
    reminded = send_reminders(now)
    anonymised = delete_personal_data(now)
    return (
        f"Termine: {reminded} Erinnerung(en) versandt, {expired} unbestätigte Buchung(en) "
        f"verfallen, {anonymised} Buchung(en) anonymisiert"
    )
