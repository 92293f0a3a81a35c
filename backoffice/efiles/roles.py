"""The people who work with the E-Akte and what they may do.

- Sachbearbeitung ("E-Akte <Stadt>"): open and work on the files of their organisational
  units (which town follows from the units they belong to).
- Registratur ("Registratur <Stadt>"): keeps the file plan, approves disposal, searches
  the audit trail; reads files of their own units like everyone else.
- Clearances ("Ermächtigung VS-NfD", "Ermächtigung Vertraulich"): who may see
  classified records at all; given in addition to one of the groups above.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

CLERK_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("efiles", "view_akte"),
    ("efiles", "change_akte"),
    ("efiles", "view_planunit"),
]
OFFICER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("efiles", "view_akte"),
    ("efiles", "view_planunit"),
    ("efiles", "manage_fileplan"),
    ("efiles", "dispose_akte"),
    ("efiles", "view_auditentry"),
]
CLEARANCE_VS_NFD = "Ermächtigung VS-NfD"
CLEARANCE_CONFIDENTIAL = "Ermächtigung Vertraulich"


def clerks_group_name(town_name: str) -> str:
    return f"E-Akte {town_name}"


def officers_group_name(town_name: str) -> str:
    return f"Registratur {town_name}"


def _group(name: str, permissions: list[tuple[str, str]]) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    for app_label, codename in permissions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def clearance_groups() -> tuple[Group, Group]:
    """(VS-NfD, Vertraulich) – region-wide: a clearance is personal, not per town."""
    vs_nfd = _group(CLEARANCE_VS_NFD, [("efiles", "clearance_vs_nfd")])
    confidential = _group(
        CLEARANCE_CONFIDENTIAL,
        [("efiles", "clearance_vs_nfd"), ("efiles", "clearance_confidential")],
    )
    return vs_nfd, confidential


def setup_town(town) -> tuple[Group, Group]:
    """The town's (clerks, records officers) groups, created if missing."""
    clearance_groups()
    return (
        _group(clerks_group_name(town.name), CLERK_PERMISSIONS),
        _group(officers_group_name(town.name), OFFICER_PERMISSIONS),
    )


def setup_all_towns() -> None:
    from portal.core.models import TownSettings

    for town in TownSettings.objects.filter(is_region=False):
        setup_town(town)
