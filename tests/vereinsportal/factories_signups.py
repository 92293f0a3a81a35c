"""Helpers for the sign-up tests: an event that takes sign-ups, its dates, posting the
form like a citizen, and reading the mails (``OutboxMessage``) with their ``.ics``."""

from __future__ import annotations

import base64
import datetime as dt
import re

from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar

from portal.core.models import OutboxMessage
from vereinsportal.models import EventOccurrence, EventPage

from .factories import BERLIN, club_page, event_page

PERSON = {
    "name": "Maria Muster",
    "email": "maria@example.org",
    "phone": "07251 12345",
    "places": "1",
    "note": "",
    "consent": "on",
}
CANCEL_LINK = re.compile(r"https?://[^/\s]+(/(?:[a-z]{2}/)?verein/abmelden/([^/\s]+)/)")


def in_days(days: int, hour: int = 19) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=BERLIN)


def signup_event(
    town: str = "bruchsal",
    *,
    club=None,
    capacity: int | None = 2,
    waiting_list: bool = True,
    max_places: int = 4,
    start: dt.datetime | None = None,
    recurrence: str = "",
    **fields,
) -> EventPage:
    club = club or club_page(town)
    return event_page(
        club,
        start=start or in_days(14),
        recurrence=recurrence,
        signup_enabled=True,
        capacity=capacity,
        waiting_list=waiting_list,
        max_places_per_signup=max_places,
        **fields,
    )


def occurrences_of(event: EventPage) -> list[EventOccurrence]:
    return list(EventOccurrence.objects.filter(event=event).order_by("start"))


def first_occurrence(event: EventPage) -> EventOccurrence:
    return occurrences_of(event)[0]


def event_path(event: EventPage) -> str:
    return event.get_url_parts()[2]


def signup_path(event: EventPage, occurrence: EventOccurrence) -> str:
    return event_path(event) + event.reverse_subpage("signup", args=[occurrence.pk])


def post_signup(client, event, occurrence, **overrides):
    return client.post(signup_path(event, occurrence), {**PERSON, **overrides})


def mails_to(email: str) -> list[OutboxMessage]:
    return [m for m in OutboxMessage.objects.order_by("pk") if email in m.to]


def ics_of(message: OutboxMessage) -> Calendar | None:
    for attachment in message.attachments:
        if attachment["filename"] == "termin.ics":
            assert attachment["mimetype"] == "text/calendar"
            return Calendar.from_ical(base64.b64decode(attachment["content"]))
    return None


def cancel_link(message: OutboxMessage) -> tuple[str, str]:
    """``(path, token)`` of the cancel link in a mail's text."""
    found = CANCEL_LINK.search(message.body)
    assert found, message.body
    return found.group(1), found.group(2)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(response) -> str:
    return " ".join(soup(response).get_text(" ").split())
