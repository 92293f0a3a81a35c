"""The people who handle incoming invoices and what they may do (per town).

Which invoices someone sees follows from the organisational units (Dienststellen) they
belong to – see :mod:`backoffice.invoices.access`; the groups below give the steps.

- Rechnungseingang: uploads, checks formally, assigns the office, rejects invalid invoices.
- Sachliche Prüfung: confirms "sachlich richtig" (goods/services received as invoiced).
- Rechnerische Prüfung: confirms "rechnerisch richtig" (amounts, prices, discounts).
- Anordnung: gives the payment order (Anordnung) – never for an invoice they confirmed as
  "sachlich richtig"; above their amount limit a second person co-signs.
- Kasse: exports ordered invoices to finance; sees all invoices of the town.
- Rechnungslauf-Verwaltung: Leitweg-IDs, delivery keys, amount limits.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

VIEW = ("invoices", "view_invoice")
ADMIN = ("wagtailadmin", "access_admin")

ROLES: dict[str, list[tuple[str, str]]] = {
    "Rechnungseingang": [ADMIN, VIEW, ("invoices", "receive_invoice")],
    "Sachliche Prüfung": [ADMIN, VIEW, ("invoices", "confirm_factual")],
    "Rechnerische Prüfung": [ADMIN, VIEW, ("invoices", "confirm_arithmetic")],
    "Anordnung": [ADMIN, VIEW, ("invoices", "order_payment")],
    "Kasse": [ADMIN, VIEW, ("invoices", "export_invoice")],
    "Rechnungslauf-Verwaltung": [ADMIN, VIEW, ("invoices", "manage_routing")],
}


def group_name(role: str, town_name: str) -> str:
    """``group_name("Anordnung", "Rastatt")`` → ``"Anordnung Rastatt"``."""
    return f"{role} {town_name}"


def _group(name: str, permissions: list[tuple[str, str]]) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in permissions
        ]
    )
    return group


def setup_town(town) -> dict[str, Group]:
    """The town's groups by role, created if missing."""
    return {role: _group(group_name(role, town.name), perms) for role, perms in ROLES.items()}


def setup_all_towns() -> None:
    from portal.core.models import TownSettings

    for town in TownSettings.objects.filter(is_region=False):
        setup_town(town)
