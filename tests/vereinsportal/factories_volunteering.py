"""Factories of the Ehrenamtsbörse: opportunities of a club and citizens' interests.

``opportunity(club, "Trainer/in gesucht", categories=["Sport"])`` → active, on the
club's town site; ``interest(opp, created_days_ago=100)`` → a message of that age.
"""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from tests.vereinsportal.factories import category, target_group
from vereinsportal.models import ClubPage, VolunteerInterest, VolunteerOpportunity
from vereinsportal.models.volunteering import TimeCommitment

_numbers = itertools.count(1)


def opportunity(
    club: ClubPage,
    title: str | None = None,
    *,
    categories: list[str] = (),
    target_groups: list[str] = (),
    **fields,
) -> VolunteerOpportunity:
    number = next(_numbers)
    fields.setdefault("description", f"Aufgabe {number}: Sie helfen bei allem, was anfällt.")
    fields.setdefault("time_commitment", TimeCommitment.WEEKLY)
    fields.setdefault("site", club.town_site or club.get_site())
    item = VolunteerOpportunity.objects.create(
        club=club, title=title or f"Helfer/in gesucht {number}", **fields
    )
    item.categories.set([category(name) for name in categories])
    item.target_groups.set([target_group(name) for name in target_groups])
    return item


def interest(
    item: VolunteerOpportunity, *, created_days_ago: float = 0, **fields
) -> VolunteerInterest:
    number = next(_numbers)
    fields.setdefault("name", f"Interessent {number}")
    fields.setdefault("email", f"person{number}@buerger.example")
    fields.setdefault("message", "Ich hätte mittwochs Zeit.")
    created = VolunteerInterest.objects.create(opportunity=item, **fields)
    if created_days_ago:
        VolunteerInterest.objects.filter(pk=created.pk).update(
            created_at=timezone.now() - dt.timedelta(days=created_days_ago)
        )
        created.refresh_from_db()
    return created


def board_url(board, pk: int | None = None) -> str:
    """Path of the board (or an opportunity on it) on its own host."""
    url = board.url
    if url.startswith("http"):
        url = "/" + url.split("/", 3)[3]
    return url if pk is None else f"{url}{pk}/"
