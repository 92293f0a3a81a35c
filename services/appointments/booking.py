"""Booking, confirming (double opt-in), cancelling – the state changes of a ``Booking``.

A booking is created *pending*: it holds nothing. Only when the citizen confirms
their e-mail address within ``CONFIRM_MINUTES`` does :func:`confirm` claim the time on a
free counter; the unique constraint on ``SlotClaim`` lets exactly one of several
racing confirmations have the last place.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    ACTIVE_BOOKING_STATUSES,
    BookableOffice,
    Booking,
    BookingStatus,
    SlotClaim,
    hash_token,
    new_token,
)
from . import slots

CONFIRM_MINUTES = 15


class BookingError(Exception):
    """A booking that cannot be made; the message is for the citizen (German)."""


def check_time(office: BookableOffice, start: dt.datetime, minutes: int, now=None) -> None:
    """Raise BookingError if ``start`` is in the past, too soon, too far or not free."""
    now = now or timezone.now()
    _first, last = slots.bookable_range(office, now)
    if start < now:
        raise BookingError(_("Dieser Zeitpunkt liegt in der Vergangenheit."))
    local_day = start.astimezone(slots.zone()).date()
    if local_day > last:
        raise BookingError(
            _("Termine können höchstens %(days)d Tage im Voraus gebucht werden.")
            % {"days": office.horizon_days}
        )
    calendar = slots.Calendar(office, local_day, local_day)
    if start not in calendar.free_starts(local_day, minutes, now):
        raise BookingError(
            _("Dieser Termin ist leider nicht mehr frei. Bitte wählen Sie eine andere Zeit.")
        )


def open_bookings_for(email: str):
    return Booking.objects.filter(
        email__iexact=email,
        end__gt=timezone.now(),
        status__in=[BookingStatus.PENDING, *ACTIVE_BOOKING_STATUSES],
    )


@transaction.atomic
def create_pending(
    office: BookableOffice,
    start: dt.datetime,
    selections: list[slots.Selection],
    *,
    name: str,
    email: str,
    phone: str = "",
    language: str = "de",
    now: dt.datetime | None = None,
) -> tuple[Booking, str]:
    """A pending booking and the confirmation token to mail (only its hash is stored)."""
    minutes = slots.duration(selections)
    check_time(office, start, minutes, now)
    if email and open_bookings_for(email).count() >= office.max_bookings_per_email:
        raise BookingError(
            _(
                "Für diese E-Mail-Adresse gibt es schon %(count)d offene Termine. Bitte sagen "
                "Sie einen ab, bevor Sie einen neuen buchen."
            )
            % {"count": office.max_bookings_per_email}
        )
    token, token_hash = new_token()
    booking = Booking.objects.create(
        office=office,
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        services=[
            {"service": s.service.pk, "name": s.service.leistung.name, "persons": s.persons}
            for s in selections
        ],
        name=name,
        email=email,
        phone=phone,
        language=language,
        confirm_token_hash=token_hash,
        confirm_by=(now or timezone.now()) + dt.timedelta(minutes=CONFIRM_MINUTES),
    )
    return booking, token


def claim(booking: Booking) -> bool:
    """Take the booking's time on a free counter; False if none is left. Call inside a
    transaction (each attempt is a savepoint)."""
    day = booking.start.astimezone(slots.zone()).date()
    calendar = slots.Calendar(booking.office, day, day)
    units = slots.units_of(booking.start, booking.minutes)
    for counter_id in calendar.free_counter(booking.start, booking.minutes):
        try:
            with transaction.atomic():
                SlotClaim.objects.bulk_create(
                    [SlotClaim(counter_id=counter_id, start=u, booking=booking) for u in units]
                )
        except IntegrityError:
            continue  # someone was faster on this counter: try the next
        booking.counter_id = counter_id
        return True
    return False


def confirm(token: str, now: dt.datetime | None = None) -> tuple[Booking, str]:
    """Confirm the e-mail address: claim the time. Returns the booking and the token of
    the management link (cancel/rebook) to mail."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update()
            .select_related("office__unit")
            .filter(confirm_token_hash=hash_token(token))
            .first()
        )
        if booking is None:
            raise BookingError(_("Dieser Bestätigungslink ist ungültig oder wurde schon benutzt."))
        if booking.status != BookingStatus.PENDING:
            raise BookingError(_("Dieser Termin wurde bereits bestätigt oder abgesagt."))
        expired = bool(booking.confirm_by and booking.confirm_by < now)
        if expired:
            booking.status = BookingStatus.EXPIRED
            booking.save(update_fields=["status"])
    if expired:  # after the commit: the booking stays marked as expired
        raise BookingError(
            _(
                "Der Bestätigungslink ist abgelaufen (%(minutes)d Minuten). Der Termin "
                "wurde nicht gebucht – bitte wählen Sie ihn neu."
            )
            % {"minutes": CONFIRM_MINUTES}
        )
    with transaction.atomic():
        booking = (
            Booking.objects.select_for_update().select_related("office__unit").get(pk=booking.pk)
        )
        if booking.status != BookingStatus.PENDING:
            raise BookingError(_("Dieser Termin wurde bereits bestätigt oder abgesagt."))
        if booking.start < now or not claim(booking):
            raise BookingError(
                _(
                    "Dieser Termin ist inzwischen leider vergeben. "
                    "Bitte wählen Sie eine andere Zeit."
                )
            )
        manage_token, manage_hash = new_token()
        booking.status = BookingStatus.CONFIRMED
        booking.confirmed_at = now
        booking.confirm_token_hash = ""
        booking.manage_token_hash = manage_hash
        booking.save()
    return booking, manage_token


def cancel(booking: Booking, now: dt.datetime | None = None) -> None:
    """Cancel and free the time at once."""
    with transaction.atomic():
        locked = Booking.objects.select_for_update().get(pk=booking.pk)
        if locked.status not in (BookingStatus.PENDING, BookingStatus.CONFIRMED):
            raise BookingError(_("Dieser Termin kann nicht mehr abgesagt werden."))
        locked.claims.all().delete()
        locked.status = BookingStatus.CANCELLED
        locked.cancelled_at = now or timezone.now()
        locked.save(update_fields=["status", "cancelled_at"])
    booking.refresh_from_db()


def for_manage_token(token: str) -> Booking | None:
    if not token:
        return None
    return (
        Booking.objects.select_related("office__unit__site")
        .filter(manage_token_hash=hash_token(token))
        .first()
    )
