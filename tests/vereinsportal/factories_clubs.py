"""Extra factories for the club directory, club page and blocks tests."""

from __future__ import annotations

import datetime as dt

import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from filer.models import File as FilerFile

from portal.core.models import TownSettings
from vereinsportal.models import (
    ClubChronicleEntry,
    ClubDownload,
    ClubIndexPage,
    ClubPage,
    ClubPhoto,
    EventPage,
    VolunteerOpportunity,
)

from .factories import BERLIN, berlin, club_index, site_of


def empty_directory(town: str | None = "bruchsal") -> ClubIndexPage:
    """The town's directory page without any live club (the demo seeded some): the
    demo's clubs and events are unpublished in the test's transaction (fast, one query)."""
    index = club_index(town)
    site = site_of(town)
    if TownSettings.for_site(site).is_region:
        no_clubs_anywhere()
    else:
        ClubPage.objects.filter(town_site=site).update(live=False)
        EventPage.objects.filter(town_site=site).update(live=False)
    return index


def no_clubs_anywhere() -> None:
    ClubPage.objects.update(live=False)
    EventPage.objects.update(live=False)


def image(title: str = "Vereinslogo"):
    return wagtail_factories.ImageFactory(title=title)


def add_photo(club: ClubPage, caption: str = "", title: str = "Foto") -> ClubPhoto:
    return ClubPhoto.objects.create(club=club, image=image(title), caption=caption)


def add_download(club: ClubPage, title: str, name: str, content: bytes) -> ClubDownload:
    file = FilerFile.objects.create(
        file=ContentFile(content, name=name), original_filename=name, is_public=True
    )
    return ClubDownload.objects.create(club=club, title=title, file=file)


def add_chronicle(club: ClubPage, year: int, text: str) -> ClubChronicleEntry:
    return ClubChronicleEntry.objects.create(club=club, year=year, text=text)


def opportunity(club: ClubPage, title: str = "Trainer/in gesucht", **fields):
    fields.setdefault("description", "Wir suchen Unterstützung.")
    fields.setdefault("site", club.town_site)
    return VolunteerOpportunity.objects.create(club=club, title=title, **fields)


def days_ahead(days: int, hour: int = 19, minute: int = 0):
    """An aware datetime in Europe/Berlin ``days`` from today (negative: in the past) –
    so the tests do not age."""
    day = timezone.localdate(timezone=BERLIN) + dt.timedelta(days=days)
    return berlin(day.year, day.month, day.day, hour, minute)
