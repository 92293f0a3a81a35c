"""Who sees which invoices – the only lookup path of every view.

- A person sees the invoices of the Dienststellen (organisational units) they belong to.
- Rechnungseingang, Kasse and Rechnungslauf-Verwaltung see every invoice of their town(s)
  (incl. invoices no office is assigned to yet); their towns are those of their units.
- Superusers see everything.
Anything else is not found (404), also for guessed ids.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from portal.core.models import OrganisationalUnit

from .models import Invoice

TOWN_WIDE_PERMISSIONS = (
    "invoices.receive_invoice",
    "invoices.export_invoice",
    "invoices.manage_routing",
)


def may_use(user) -> bool:
    """May ``user`` open the Rechnungslauf at all?"""
    return bool(user and user.is_authenticated and user.is_active) and (
        user.is_superuser or user.has_perm("invoices.view_invoice")
    )


def unit_ids(user) -> list[int]:
    return list(OrganisationalUnit.objects.filter(members=user).values_list("pk", flat=True))


def site_ids(user) -> list[int] | None:
    """The towns ``user`` works for (``None``: all – a superuser)."""
    if user.is_superuser:
        return None
    return sorted(
        set(OrganisationalUnit.objects.filter(members=user).values_list("site_id", flat=True))
    )


def town_wide(user) -> bool:
    return user.is_superuser or any(user.has_perm(p) for p in TOWN_WIDE_PERMISSIONS)


def invoices_for(user) -> QuerySet[Invoice]:
    """The invoices ``user`` may see."""
    qs = Invoice.objects.select_related("org_unit", "site")
    if not may_use(user):
        return qs.none()
    if user.is_superuser:
        return qs
    if town_wide(user):
        return qs.filter(site_id__in=site_ids(user))
    return qs.filter(Q(org_unit_id__in=unit_ids(user)))


def units_for(user) -> QuerySet[OrganisationalUnit]:
    """The offices ``user`` may assign invoices to (those of their towns)."""
    qs = OrganisationalUnit.objects.order_by("name")
    ids = site_ids(user)
    return qs if ids is None else qs.filter(site_id__in=ids)
