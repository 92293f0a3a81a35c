"""Who sees which records.

- Staff hold ``efiles.view_akte`` (read) or ``efiles.change_akte`` (work on files) through
  a group, and see the files of the organisational units they are members of – only in
  those units' towns.
- Confidentiality: everyone sees "Offen"; ``efiles.clearance_vs_nfd`` adds VS-NfD,
  ``efiles.clearance_confidential`` adds Vertraulich (and VS-NfD). A file above the
  user's level is invisible; so is a document above it inside a visible file.
- Records officers (``efiles.dispose_akte``) see the disposal list of their towns' files
  (metadata only) and approve it. Plan keepers (``efiles.manage_fileplan``) edit the
  file plan of their towns.
- Superusers see everything.

Everything a user may not see is answered as if it did not exist (404), also for guessed
ids and download URLs.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from portal.core.models import OrganisationalUnit
from portal.core.permissions import staff_site_ids

from .models import Akte, Confidentiality, Dokument, DokumentVersion, PlanUnit, Vorgang

VIEW = "efiles.view_akte"
CHANGE = "efiles.change_akte"
DISPOSE = "efiles.dispose_akte"
MANAGE_PLAN = "efiles.manage_fileplan"
VIEW_AUDIT = "efiles.view_auditentry"


def clearance(user) -> int:
    """The highest confidentiality level ``user`` may see."""
    if user.is_superuser or user.has_perm("efiles.clearance_confidential"):
        return Confidentiality.CONFIDENTIAL
    if user.has_perm("efiles.clearance_vs_nfd"):
        return Confidentiality.VS_NFD
    return Confidentiality.OPEN


def may_view(user) -> bool:
    return user.is_active and (user.has_perm(VIEW) or user.has_perm(CHANGE))


def may_edit(user) -> bool:
    return user.is_active and user.has_perm(CHANGE)


def may_dispose(user) -> bool:
    return user.is_active and user.has_perm(DISPOSE)


def may_manage_plan(user) -> bool:
    return user.is_active and user.has_perm(MANAGE_PLAN)


def may_view_audit(user) -> bool:
    return user.is_active and user.has_perm(VIEW_AUDIT)


def site_ids_for(user, permission: str = VIEW) -> set[int] | None:
    """The towns in which ``user`` works with ``permission`` (None: every town)."""
    if permission == VIEW and not user.is_superuser and user.has_perm(CHANGE):
        permission = CHANGE
    return staff_site_ids(user, permission)


def unit_ids_for(user) -> set[int] | None:
    """The organisational units whose files ``user`` sees (None: all)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not may_view(user):
        return set()
    return set(OrganisationalUnit.objects.filter(members=user).values_list("pk", flat=True))


def akten_for(user) -> QuerySet[Akte]:
    """Every file ``user`` may open."""
    units = unit_ids_for(user)
    akten = Akte.objects.filter(confidentiality__lte=clearance(user))
    if units is None:
        return akten
    return akten.filter(org_unit_id__in=units)


def dokumente_for(user) -> QuerySet[Dokument]:
    """Every document ``user`` may open: in a visible file and within their level."""
    return Dokument.objects.filter(akte__in=akten_for(user), confidentiality__lte=clearance(user))


def plan_units_for(user) -> QuerySet[PlanUnit]:
    """The plan units of the user's towns (for choosing where a new file goes)."""
    site_ids = site_ids_for(user)
    if site_ids is None:
        return PlanUnit.objects.all()
    units = OrganisationalUnit.objects.filter(members=user).values_list("site_id", flat=True)
    return PlanUnit.objects.filter(site_id__in=set(site_ids) & set(units))


def akten_for_disposal(user) -> QuerySet[Akte]:
    """Files a records officer looks at for disposal: every file of their towns."""
    if not may_dispose(user):
        return Akte.objects.none()
    return Akte.objects.for_sites(site_ids_for(user, DISPOSE))


def _int(pk) -> int:
    try:
        return int(pk)
    except (TypeError, ValueError):
        raise Http404 from None


def get_akte_or_404(user, pk) -> Akte:
    akte = (
        akten_for(user).select_related("site", "plan_unit", "org_unit").filter(pk=_int(pk)).first()
    )
    if akte is None:
        raise Http404
    return akte


def get_vorgang_or_404(user, pk) -> Vorgang:
    vorgang = (
        Vorgang.objects.filter(akte__in=akten_for(user), pk=_int(pk)).select_related("akte").first()
    )
    if vorgang is None:
        raise Http404
    return vorgang


def get_dokument_or_404(user, pk) -> Dokument:
    dokument = (
        dokumente_for(user)
        .select_related("vorgang", "akte", "akte__site", "locked_by")
        .filter(pk=_int(pk))
        .first()
    )
    if dokument is None:
        raise Http404
    return dokument


def get_version_or_404(user, dokument_pk, version_number) -> DokumentVersion:
    dokument = get_dokument_or_404(user, dokument_pk)
    version = dokument.versions.select_related("file").filter(number=_int(version_number)).first()
    if version is None:
        raise Http404
    return version
