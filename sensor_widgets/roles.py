"""Who works with the Sensorik and on which town.

- Sensor staff ("Sensorik <Stadt>"): keep their town's measuring stations, locations,
  datastreams and devices in the admin (add, change, delete, view), read the region-wide
  sensor types and observed properties, the town's alerts and the rejected deliveries.
  Which town follows from the group's name (like the club moderators of the
  Vereinsportal): staff hold no page permissions.
- Town editors ("Redaktion <Stadt>") and the regional editors may view datastreams and
  measuring stations: enough to place sensor widgets in their pages (the snippet chooser
  itself needs only admin access; it lists the datastreams of the editor's towns).

Groups are created for every town by :func:`setup_town` (on ``town_created`` and by the
demo seed); :func:`sensor_site_ids` answers which towns a user works on.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import receiver
from django.http import Http404
from wagtail.models import Site

from blocks.scoping import editable_site_ids, site_lookup
from portal.core.models import TownSettings
from portal.core.signals import town_created

APP = "sensor_widgets"
MANAGED_MODELS = ("thing", "location", "datastream", "device")
STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        (APP, f"{action}_{model}")
        for model in MANAGED_MODELS
        for action in ("add", "change", "delete", "view")
    ],
    (APP, "view_sensor"),
    (APP, "view_observedproperty"),
]
EDITOR_PERMISSIONS = [(APP, "view_datastream"), (APP, "view_thing")]
#: the permission that shows the Sensorik's reports (alerts, rejected deliveries)
STAFF_PERMISSION = f"{APP}.change_device"


# not translated: the names identify groups, whatever the admin's language
def staff_group_name(town_name: str) -> str:
    return f"Sensorik {town_name}"


def _grant(group: Group, permissions: list[tuple[str, str]]) -> None:
    wanted = Permission.objects.filter(
        content_type__app_label__in={app for app, _codename in permissions},
        codename__in={codename for _app, codename in permissions},
    )
    found = [p for p in wanted if (p.content_type.app_label, p.codename) in set(permissions)]
    group.permissions.add(*found)


def staff_group(town: TownSettings) -> Group:
    group, _created = Group.objects.get_or_create(name=staff_group_name(town.name))
    return group


@transaction.atomic
def setup_town(town: TownSettings) -> Group | None:
    """Create (or complete) the town's sensor staff group; let its editors view
    datastreams. Idempotent. No staff group for the regional site."""
    if town.editors_group_id:
        _grant(town.editors_group, EDITOR_PERMISSIONS)
    if town.is_region:
        return None
    group = staff_group(town)
    _grant(group, STAFF_PERMISSIONS)
    return group


def setup_all_towns() -> None:
    for town in TownSettings.objects.select_related("editors_group").order_by("pk"):
        setup_town(town)
    regional = Group.objects.filter(name="Regionale Redaktion").first()
    if regional is not None:
        _grant(regional, EDITOR_PERMISSIONS)


def staff_site_ids(user) -> set[int]:
    """The towns (site ids) whose sensor staff group ``user`` belongs to."""
    if not user.is_authenticated or not user.is_active:
        return set()
    cache_name = "_redi_sensor_staff_site_ids"
    if not hasattr(user, cache_name):
        names = set(user.groups.values_list("name", flat=True))
        site_ids = {
            site_id
            for name, site_id in TownSettings.objects.filter(is_region=False).values_list(
                "name", "site_id"
            )
            if staff_group_name(name) in names
        }
        setattr(user, cache_name, site_ids)
    return getattr(user, cache_name)


def sensor_site_ids(user) -> set[int] | None:
    """The towns whose sensors ``user`` sees in the admin: those whose pages they edit
    and those whose sensor staff they are; None: every town (superusers)."""
    site_ids = editable_site_ids(user)
    if site_ids is None:
        return None
    return set(site_ids) | staff_site_ids(user)


def sees_all_problems(user) -> bool:
    """Rejected deliveries of unknown devices belong to no town: who may read them."""
    return user.is_active and (user.is_superuser or user.has_perm(STAFF_PERMISSION))


@receiver(town_created, dispatch_uid="sensor_widgets.roles")
def give_new_town_its_sensor_staff(sender, settings, **kwargs) -> None:
    setup_town(settings)


# --- scoping the admin ----------------------------------------------------------------


def scoped(queryset, user):
    """The objects of ``queryset`` (things, locations, datastreams, devices) in the
    towns ``user`` works on."""
    site_ids = sensor_site_ids(user)
    if site_ids is None:
        return queryset
    lookup = site_lookup(queryset.model)
    return queryset.filter(**{f"{lookup}__in": site_ids})


def scoped_sites(user):
    site_ids = sensor_site_ids(user)
    sites = Site.objects.order_by("site_name")
    return sites if site_ids is None else sites.filter(pk__in=site_ids)


def in_scope(user, site_id: int | None) -> bool:
    """True for the user's towns; another town's object does not exist for them (404)."""
    site_ids = sensor_site_ids(user)
    if site_ids is None or site_id is None:
        return True
    if site_id not in site_ids:
        raise Http404
    return True


def may_manage(user, device) -> bool:
    """May ``user`` change ``device`` (and issue it a token)? Never raises."""
    site_ids = sensor_site_ids(user)
    in_town = site_ids is None or device.thing.site_id in site_ids
    return in_town and user.has_perm(f"{APP}.change_device")
