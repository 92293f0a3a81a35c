"""Users of the Sensorik admin: ``sensor_staff("rastatt")`` (group "Sensorik Rastatt"),
``editor("rastatt")`` (the demo's town editor), ``admin_client(client, user)``."""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model
from django.test import Client

from portal.core.models import TownSettings
from sensor_widgets import roles

_numbers = itertools.count(1)


def town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site", "editors_group").get(slug=slug)


def sensor_staff(slug: str, **extra):
    """A new user in the town's "Sensorik <Stadt>" group (groups set up for every town)."""
    roles.setup_all_towns()
    user = get_user_model().objects.create_user(
        f"sensorik-test-{next(_numbers)}", password="x", **extra
    )
    user.groups.add(roles.staff_group(town(slug)))
    return user


def editor(slug: str):
    roles.setup_all_towns()
    return get_user_model().objects.get(username=f"redaktion.{slug}")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
