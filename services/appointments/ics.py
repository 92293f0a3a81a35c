"""The calendar file (``.ics``) attached to the booking confirmation."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from icalendar import Alarm, Calendar, Event


def address_of(unit) -> str:
    parts = [unit.name, unit.building, unit.street, f"{unit.postcode} {unit.city}".strip()]
    return ", ".join(part for part in parts if part)


def booking_ics(booking, *, summary: str, description: str, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//re@di Portal//Terminvereinbarung//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"termin-{booking.pk}@{host or 'portal'}")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", booking.start.astimezone(dt.UTC))
    event.add("dtend", booking.end.astimezone(dt.UTC))
    event.add("summary", summary)
    event.add("location", address_of(booking.office.unit))
    event.add("description", description)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", dt.timedelta(days=-1))
    event.add_component(alarm)
    calendar.add_component(event)
    return calendar.to_ical()
