"""Retention and disposal (Aussonderung) of closed files.

A file is *due* when it is closed (zdA) and its retention has ended: it runs from the end of
the closing year, so a file closed in 2010 with 10 years is due from 1 January 2021
(``closed_on.year + retention_years < today.year``). Due files are grouped by their
effective disposal kind: A (archive), B (to be assessed, no decision yet), V (destroy).

The records officer assesses B files (:func:`assess`) and approves the list
(:func:`approve`): each file in its own transaction –

- V: the Akte with its Vorgänge, Dokumente and versions is deleted, the filer files too (the
  stored bytes once the transaction has committed). A DESTROY audit entry written before the
  delete keeps the key metadata: the tombstone.
- A: the xdomea package (:mod:`.xdomea`) is stored in the private storage, the file becomes
  "abgegeben"; one TRANSFER audit entry records the package path and its SHA-256. Its
  documents stay readable until the archive confirms the import (not part of this module).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import ExpressionWrapper, F, IntegerField, ProtectedError, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access, storage, xdomea
from .actions import RecordError
from .audit import record
from .models import Akte, AkteStatus, AuditAction, AuditEntry, Disposal, DokumentVersion

GROUPS = (Disposal.ARCHIVE, Disposal.ASSESS, Disposal.DESTROY)
PACKAGE_DIR = "efiles/aussonderung"


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def due_queryset(queryset: QuerySet[Akte], today: dt.date | None = None) -> QuerySet[Akte]:
    """The closed files of ``queryset`` whose retention has ended by ``today``."""
    return (
        queryset.filter(status=AkteStatus.CLOSED, closed_on__isnull=False)
        .annotate(
            _retention_end_year=ExpressionWrapper(
                ExtractYear("closed_on") + F("retention_years"), output_field=IntegerField()
            )
        )
        .filter(_retention_end_year__lt=_today(today).year)
    )


def due(queryset: QuerySet[Akte], today: dt.date | None = None) -> dict[str, list[Akte]]:
    """Due files grouped ``{"A": [...], "B": [...], "V": [...]}`` by effective disposal
    (a B file with a decision counts as A or V)."""
    groups: dict[str, list[Akte]] = {str(kind): [] for kind in GROUPS}
    files = (
        due_queryset(queryset, today)
        .select_related("org_unit", "plan_unit", "site")
        .order_by("closed_on", "aktenzeichen")
    )
    for akte in files:
        groups[akte.effective_disposal].append(akte)
    return groups


def is_due(akte: Akte, today: dt.date | None = None) -> bool:
    ends = akte.retention_ends
    return akte.status == AkteStatus.CLOSED and ends is not None and ends < _today(today)


def _officers_file(user, akte_or_pk, *, lock: bool = False) -> Akte:
    """The file from the officer's towns (RecordError for anything else – also unknown ids)."""
    if not access.may_dispose(user):
        raise RecordError(_("Sie dürfen keine Akten aussondern."))
    pk = akte_or_pk.pk if isinstance(akte_or_pk, Akte) else akte_or_pk
    files = access.akten_for_disposal(user).select_related("org_unit", "plan_unit", "site")
    if lock:
        files = files.select_for_update(of=("self",))
    akte = files.filter(pk=pk).first()
    if akte is None:
        raise RecordError(_("Die Akte wurde nicht gefunden."))
    return akte


def check(akte: Akte, today: dt.date | None = None) -> str:
    """What approval would do with ``akte`` ("A" or "V"); RecordError if it cannot."""
    if akte.status != AkteStatus.CLOSED:
        if akte.status == AkteStatus.TRANSFERRED:
            raise RecordError(
                _("Die Akte %(az)s wurde bereits an das Archiv abgegeben.")
                % {"az": akte.aktenzeichen}
            )
        raise RecordError(
            _("Die Akte %(az)s ist nicht geschlossen (zdA).") % {"az": akte.aktenzeichen}
        )
    if not is_due(akte, today):
        raise RecordError(
            _("Die Aufbewahrungsfrist der Akte %(az)s läuft noch bis %(date)s.")
            % {"az": akte.aktenzeichen, "date": akte.retention_ends.strftime("%d.%m.%Y")}
        )
    kind = akte.effective_disposal
    if kind == Disposal.ASSESS:
        raise RecordError(
            _("Die Akte %(az)s muss erst bewertet werden (archivieren oder vernichten).")
            % {"az": akte.aktenzeichen}
        )
    return kind


def assess(user, akte: Akte, decision: str, reason: str) -> Akte:
    """Decide a B file: "A" (archive) or "V" (destroy), with a reason; audited."""
    reason = (reason or "").strip()
    if decision not in (Disposal.ARCHIVE, Disposal.DESTROY):
        raise RecordError(_("Bitte „archivieren“ oder „vernichten“ wählen."))
    if not reason:
        raise RecordError(_("Bitte die Bewertung begründen."))
    with transaction.atomic():
        akte = _officers_file(user, akte, lock=True)
        if akte.disposal != Disposal.ASSESS:
            raise RecordError(
                _("Die Akte %(az)s ist nicht zur Bewertung („B“) vorgesehen.")
                % {"az": akte.aktenzeichen}
            )
        if akte.status != AkteStatus.CLOSED:
            raise RecordError(
                _("Nur geschlossene Akten (zdA) können bewertet werden, %(az)s ist es nicht.")
                % {"az": akte.aktenzeichen}
            )
        before = {"disposal_decision": str(akte.get_disposal_decision_display() or "")}
        akte.disposal_decision = decision
        akte.save(update_fields=["disposal_decision"])
        record(
            user,
            AuditAction.ASSESS,
            akte,
            message=reason[:500],
            before=before,
            after={"disposal_decision": str(akte.get_disposal_decision_display())},
        )
    return akte


def _tombstone(akte: Akte) -> dict:
    versions = DokumentVersion.objects.filter(dokument__akte=akte)
    return {
        "aktenzeichen": akte.aktenzeichen,
        "title": akte.title,
        "org_unit": akte.org_unit.name,
        "plan_unit": str(akte.plan_unit),
        "opened_on": akte.opened_on,
        "closed_on": akte.closed_on,
        "retention_years": akte.retention_years,
        "disposal": str(akte.get_disposal_display()),
        "vorgaenge": akte.vorgaenge.count(),
        "dokumente": akte.dokumente.count(),
        "versionen": versions.count(),
    }


def destroy(user, akte: Akte) -> None:
    """Delete ``akte`` with everything in it (inside the caller's transaction)."""
    files = [
        version.file
        for version in DokumentVersion.objects.filter(dokument__akte=akte).select_related("file")
    ]
    record(
        user,
        AuditAction.DESTROY,
        akte,
        message=_("Nach Ablauf der Aufbewahrungsfrist vernichtet."),
        before=_tombstone(akte),
    )
    akte.delete()
    storage.remove_files(files)


def store_package(akte: Akte, data: bytes) -> str:
    """Save the package in the private storage; returns its path there."""
    path = f"{PACKAGE_DIR}/{akte.site_id}/{uuid.uuid4()}.zip"
    private = storages["private"]
    return private.save(path, ContentFile(data))


def transfer(user, akte: Akte, now: dt.datetime | None = None) -> dict:
    """Build and store the xdomea package, mark the file as transferred (caller's transaction)."""
    now = now or timezone.now()
    filename, data = xdomea.build_package(akte, now=now)
    path = store_package(akte, data)
    try:
        akte.status, akte.transferred_at = AkteStatus.TRANSFERRED, now
        akte.save(update_fields=["status", "transferred_at"])
        after = {
            "status": str(AkteStatus.TRANSFERRED.label),
            "package": path,
            "filename": filename,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
        }
        record(
            user,
            AuditAction.TRANSFER,
            akte,
            message=_("xdomea-Paket %(name)s an das Archiv abgegeben.") % {"name": filename},
            before={"status": str(AkteStatus.CLOSED.label)},
            after=after,
        )
    except Exception:
        storages["private"].delete(path)  # nothing stored for a file that was not transferred
        raise
    return after


@dataclass
class DisposalReport:
    """What :func:`approve` did: Aktenzeichen destroyed / transferred, skipped with reasons."""

    destroyed: list[str] = field(default_factory=list)
    transferred: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "destroyed": len(self.destroyed),
            "transferred": len(self.transferred),
            "skipped": len(self.skipped),
        }


def approve(user, akten, today: dt.date | None = None) -> DisposalReport:
    """Carry out the disposal of ``akten`` (Akten or ids), each in its own transaction."""
    if not access.may_dispose(user):
        raise RecordError(_("Sie dürfen keine Akten aussondern."))
    report = DisposalReport()
    for item in akten:
        label = item.aktenzeichen if isinstance(item, Akte) else str(item)
        try:
            with transaction.atomic():
                akte = _officers_file(user, item, lock=True)
                label = akte.aktenzeichen
                kind = check(akte, today)
                if kind == Disposal.DESTROY:
                    destroy(user, akte)
                    report.destroyed.append(label)
                else:
                    transfer(user, akte)
                    report.transferred.append(label)
        except RecordError as error:
            report.skipped.append((label, error.message))
        except ProtectedError:
            report.skipped.append(
                (label, _("Die Akte wird an anderer Stelle noch verwendet und bleibt erhalten."))
            )
    return report


def package_of(akte: Akte) -> AuditEntry | None:
    """The TRANSFER audit entry of a transferred file (it names the stored package)."""
    return (
        AuditEntry.objects.filter(
            akte_id=akte.pk, action=AuditAction.TRANSFER, site_id=akte.site_id
        )
        .order_by("-timestamp", "-pk")
        .first()
    )
