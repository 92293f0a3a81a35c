"""Factories of the Vereinsportal: directory, calendar and board pages of a town, clubs,
events (published, so their occurrences exist), memberships.

``club_page("bruchsal", title="TV Bruchsal")`` → a live club under the town's "vereine";
``event_page(club, start=..., recurrence="FREQ=WEEKLY;COUNT=5")`` → a live event.
"""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from django.utils.text import slugify
from wagtail.models import Page, Site

from tests.portal.factories import UserFactory
from vereinsportal.models import (
    Category,
    ClubIndexPage,
    ClubMembership,
    ClubPage,
    ClubRole,
    EventCalendarPage,
    EventPage,
    TargetGroup,
    VolunteerBoardPage,
)

BERLIN = ZoneInfo("Europe/Berlin")
_numbers = itertools.count(1)


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """An aware datetime in Europe/Berlin."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


def site_of(town: str | None) -> Site:
    hostname = "localhost" if town in (None, "region") else f"{town}.localhost"
    return Site.objects.get(hostname=hostname)


def home_of(town: str | None) -> Page:
    return site_of(town).root_page.specific


def _page(model, town: str | None, slug: str, title: str):
    home = home_of(town)
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    page = model(title=title, slug=slug)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def club_index(town: str | None = "bruchsal") -> ClubIndexPage:
    return _page(ClubIndexPage, town, "vereine", "Vereine")


def calendar_page(town: str | None = "bruchsal") -> EventCalendarPage:
    return _page(EventCalendarPage, town, "veranstaltungen", "Veranstaltungen")


def volunteer_board(town: str | None = "bruchsal") -> VolunteerBoardPage:
    return _page(VolunteerBoardPage, town, "ehrenamt", "Ehrenamt")


def category(name: str = "Sport") -> Category:
    return Category.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]


def target_group(name: str = "Familien") -> TargetGroup:
    return TargetGroup.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0]


def club_page(
    town: str = "bruchsal",
    title: str | None = None,
    *,
    categories: list[str] = ("Sport",),
    target_groups: list[str] = (),
    live: bool = True,
    **fields,
) -> ClubPage:
    """A club page under the town's directory, published (unless ``live=False``)."""
    number = next(_numbers)
    title = title or f"Testverein {number}"
    fields.setdefault("short_description", f"{title} – ein Verein für die Tests.")
    fields.setdefault("contact_email", f"vorstand{number}@verein.example")
    fields.setdefault("contact_name", "Erika Mustermann")
    club = ClubPage(title=title, slug=f"{slugify(title)}-{number}", **fields)
    club_index(town).add_child(instance=club)
    club.categories.set([category(name) for name in categories])
    club.target_groups.set([target_group(name) for name in target_groups])
    revision = club.save_revision()
    if live:
        revision.publish()
    else:
        ClubPage.objects.filter(pk=club.pk).update(live=False)
    club.refresh_from_db()
    return club


def event_page(
    club: ClubPage,
    title: str | None = None,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    recurrence: str = "",
    categories: list[str] = (),
    live: bool = True,
    **fields,
) -> EventPage:
    """An event of ``club``, published (so its occurrences exist) unless ``live=False``."""
    number = next(_numbers)
    title = title or f"Testveranstaltung {number}"
    start = start or berlin(2027, 3, 2, 19, 0)
    end = end or start + dt.timedelta(hours=2)
    fields.setdefault("teaser", f"{title} – eine Veranstaltung für die Tests.")
    event = EventPage(
        title=title,
        slug=f"{slugify(title)}-{number}",
        start=start,
        end=end,
        recurrence=recurrence,
        **fields,
    )
    club.add_child(instance=event)
    event.categories.set([category(name) for name in categories])
    revision = event.save_revision()
    if live:
        revision.publish()
    else:
        EventPage.objects.filter(pk=event.pk).update(live=False)
    event.refresh_from_db()
    return event


def club_user(club: ClubPage, role: str = ClubRole.EDITOR, **fields):
    """A user who belongs to ``club`` (no Wagtail admin access)."""
    user = UserFactory(**fields)
    ClubMembership.objects.create(club=club, user=user, role=role)
    return user


def club_manager(club: ClubPage, **fields):
    return club_user(club, ClubRole.MANAGER, **fields)
