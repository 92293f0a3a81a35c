"""The people who work with the Bürgerservice and what they may do.

- Case workers ("Bürgerservice <Stadt>"): work the cases of their town. The group
  holds the model permissions; *which* town follows from the organisational units
  they belong to (``portal.core.permissions.staff_site_ids``).
- Town editors ("Redaktion <Stadt>"): maintain their town's service pages, forms and
  organisational units.
- Regional editors: maintain the regional service descriptions and Lebenslagen.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

CASE_PERMISSION = "services.change_case"
CASEWORKER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("services", "view_case"),
    ("services", "change_case"),
    ("services", "export_case"),
]
TOWN_EDITOR_PERMISSIONS = [
    ("services", "add_applicationform"),
    ("services", "change_applicationform"),
    ("services", "delete_applicationform"),
    ("services", "view_leistung"),
    ("services", "view_lebenslage"),
    ("core", "add_organisationalunit"),
    ("core", "change_organisationalunit"),
    ("core", "delete_organisationalunit"),
    ("services", "add_bookableoffice"),
    ("services", "change_bookableoffice"),
    ("services", "delete_bookableoffice"),
]
REGIONAL_EDITOR_PERMISSIONS = [
    *TOWN_EDITOR_PERMISSIONS,
    ("services", "add_leistung"),
    ("services", "change_leistung"),
    ("services", "delete_leistung"),
    ("services", "publish_leistung"),
    ("services", "add_lebenslage"),
    ("services", "change_lebenslage"),
    ("services", "delete_lebenslage"),
]


def caseworkers_group_name(town_name: str) -> str:
    return f"Bürgerservice {town_name}"


def _grant(group: Group, permissions: list[tuple[str, str]]) -> None:
    for app_label, codename in permissions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def setup_town(town) -> Group:
    """Give the town's editors their Bürgerservice rights; return the case workers'
    group (created if missing). ``town`` is a ``TownSettings``."""
    if town.editors_group_id:
        _grant(town.editors_group, TOWN_EDITOR_PERMISSIONS)
    group, _created = Group.objects.get_or_create(name=caseworkers_group_name(town.name))
    _grant(group, CASEWORKER_PERMISSIONS)
    return group


def setup_regional_editors(group: Group) -> None:
    _grant(group, REGIONAL_EDITOR_PERMISSIONS)
