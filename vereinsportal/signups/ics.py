"""The one-event calendar file (``termin.ics``) attached to sign-up mails.

Times are in Europe/Berlin with the feeds' ``VTIMEZONE`` (``berlin_vtimezone``), all-day
dates as ``VALUE=DATE``. The UID ``signup-<id>@<host>`` stays the same for a sign-up,
so a later file with ``STATUS:CANCELLED`` (the date is off, or the person cancelled)
updates the entry in the person's calendar.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event

from ..calendar.display import place_of
from ..calendar.ics import berlin_vtimezone

BERLIN = ZoneInfo("Europe/Berlin")


def location_of(event) -> str:
    """The place as one line – the same the calendar and the feeds show."""
    return place_of(event).one_line


def signup_ics(signup, *, event, occurrence, url: str, host: str, cancelled: bool = False) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//re@di Portal//Vereinsportal Anmeldung//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    vevent = Event()
    vevent.add("uid", f"signup-{signup.pk}@{host or 'portal'}")
    vevent.add("dtstamp", timezone.now().astimezone(dt.UTC))
    start = occurrence.start.astimezone(BERLIN)
    end = occurrence.end.astimezone(BERLIN)
    if occurrence.all_day:
        vevent.add("dtstart", start.date())
        if end.date() > start.date() and end.time() == dt.time(0):
            vevent.add("dtend", end.date())  # already the exclusive end
        else:
            vevent.add("dtend", max(end.date(), start.date()) + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
    vevent.add("summary", event.title)
    if location := location_of(event):
        vevent.add("location", location)
    vevent.add("url", url)
    if event.teaser:
        vevent.add("description", event.teaser)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    vevent.add("sequence", 1 if cancelled else 0)
    calendar.add_component(berlin_vtimezone())
    calendar.add_component(vevent)
    return calendar.to_ical()
