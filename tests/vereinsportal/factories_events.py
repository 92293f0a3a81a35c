"""Extra factories for the calendar, event page and feed tests."""

from __future__ import annotations

import hashlib
import itertools
from zoneinfo import ZoneInfo

from vereinsportal.models import EventOccurrence, EventPage, Signup, SignupStatus

from .factories import calendar_page, club_page

BERLIN = ZoneInfo("Europe/Berlin")
_tokens = itertools.count(1)


def quiet_calendar(town: str | None = "bruchsal"):
    """The town's calendar page with no other live events in it (the demo may have
    seeded some): they are unpublished in the test transaction."""
    page = calendar_page(town)
    from .factories import site_of

    events = EventPage.objects.live()
    if town not in (None, "region"):
        events = events.filter(town_site=site_of(town))
    for event in events:
        event.unpublish(log_action=False)
    EventOccurrence.objects.filter(event__live=False).delete()
    return page


def signup(occurrence: EventOccurrence, email: str = "", status=SignupStatus.CONFIRMED):
    number = next(_tokens)
    return Signup.objects.create(
        occurrence=occurrence,
        name=f"Teilnehmerin {number}",
        email=email or f"teilnehmerin{number}@example.org",
        status=status,
        token_hash=hashlib.sha256(f"token-{number}".encode()).hexdigest(),
    )


def republish(event: EventPage, **changes) -> EventPage:
    """Edit ``event`` like an editor does (new revision) and publish it again."""
    event = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def local_days(rows) -> list:
    return [row.start.astimezone(BERLIN).date() for row in rows]


def a_club(town: str = "bruchsal", **fields):
    return club_page(town, **fields)
