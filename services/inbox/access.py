"""Who sees which cases: staff of a town (``services.change_case`` and member of one of
its organisational units) see that town's cases; superusers see all. Everything else
is answered as if the case did not exist."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from wagtail.models import Site

from portal.core.permissions import staff_site_ids

from ..models import Case
from ..roles import CASE_PERMISSION

EXPORT_PERMISSION = "services.export_case"


def site_ids_for(user) -> set[int] | None:
    """The towns whose cases ``user`` works on (None: every town)."""
    return staff_site_ids(user, CASE_PERMISSION)


def cases_for(user) -> QuerySet[Case]:
    """Every case ``user`` may see."""
    return Case.objects.for_sites(site_ids_for(user))


def get_case_or_404(user, pk) -> Case:
    """The case with ``pk`` if ``user`` may see it; 404 otherwise (also for guessed ids)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    queryset = cases_for(user).select_related("site", "assignee")
    case = queryset.filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def sites_for(user) -> QuerySet[Site]:
    site_ids = site_ids_for(user)
    sites = Site.objects.all() if site_ids is None else Site.objects.filter(pk__in=site_ids)
    return sites.order_by("site_name")


def _staff(site_ids) -> QuerySet:
    users = get_user_model().objects.with_perm(
        CASE_PERMISSION,
        include_superusers=False,
        is_active=True,
        # the permissions live in the database; other backends (sign-in lockout) hold none
        backend="django.contrib.auth.backends.ModelBackend",
    )
    if site_ids is not None:
        users = users.filter(organisational_units__site_id__in=site_ids)
    return users


def staff_of(site_ids) -> QuerySet:
    """Active users who work on the cases of the given towns (None: of any town)."""
    users = get_user_model().objects.filter(pk__in=_staff(site_ids).values("pk"))
    return users.order_by("last_name", "first_name", "username")


def assignable_users(case: Case, user) -> QuerySet:
    """Colleagues a case can be assigned to: staff of the case's town, and ``user``
    themselves (a superuser may take any case)."""
    condition = Q(pk__in=_staff({case.site_id}).values("pk"))
    site_ids = site_ids_for(user)
    if site_ids is None or case.site_id in site_ids:
        condition |= Q(pk=user.pk)
    users = get_user_model().objects.filter(condition, is_active=True)
    return users.order_by("last_name", "first_name", "username")


def may_export(user) -> bool:
    return user.is_active and user.has_perm(EXPORT_PERMISSION)
