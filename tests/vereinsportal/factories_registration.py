"""Factories for club registrations and the town staff who review them."""

from __future__ import annotations

import itertools

from portal.core.models import TownSettings
from tests.portal.factories import UserFactory
from tests.vereinsportal.factories import category, club_index, site_of
from vereinsportal import roles
from vereinsportal.models import ClubRegistration

_numbers = itertools.count(1)


def town_settings(town: str) -> TownSettings:
    return TownSettings.objects.get(site=site_of(town))


def ready_town(town: str = "bruchsal"):
    """The town's club directory, with its moderators group and workflow set up."""
    index = club_index(town)
    roles.setup_town(town_settings(town))
    return index


def moderator(town: str = "bruchsal", **fields):
    """A member of "Vereinsmoderation <Town>"."""
    ready_town(town)
    group = roles.moderators_group(town_settings(town))
    return UserFactory(groups=[group], **fields)


def registration(town: str = "bruchsal", club_name: str | None = None, **fields):
    """A pending registration of a new club in ``town``."""
    number = next(_numbers)
    index = ready_town(town)
    fields.setdefault("short_description", "Wir spielen Boule am Schlossplatz.")
    fields.setdefault("contact_name", "Erika Mustermann")
    fields.setdefault("contact_email", f"erika{number}@boule.example")
    fields.setdefault("role_in_club", "1. Vorsitzende")
    fields.setdefault("register_court", "Amtsgericht Mannheim")
    fields.setdefault("register_number", "VR 123456")
    categories = fields.pop("categories", ["Sport"])
    item = ClubRegistration.objects.create(
        site=site_of(town),
        index_page=index,
        club_name=club_name or f"Boulefreunde {number}",
        **fields,
    )
    item.categories.set([category(name) for name in categories])
    return item


def mails_to(address: str) -> list:
    """Mails queued in the outbox for ``address`` (oldest first)."""
    from portal.core.outbox import OutboxMessage

    return [m for m in OutboxMessage.objects.order_by("pk") if address in m.to]
