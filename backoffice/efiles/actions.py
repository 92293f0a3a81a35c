"""Every change to records goes through here: checked, done in one transaction, audited
with exactly one entry. Views, the public API (records.py), imports and the demo call
these functions; nothing else writes Akten, Vorgänge or Dokumente.

Errors are :class:`RecordError` with a German message for the user; when one is raised
nothing has been changed.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from . import aktenzeichen, storage
from .audit import changes, record, snapshot
from .models import (
    Akte,
    AkteStatus,
    AuditAction,
    Confidentiality,
    DocumentType,
    Dokument,
    DokumentVersion,
    PlanUnit,
    Vorgang,
)
from .tasks import enqueue_extraction

AKTE_FIELDS = ["title", "description", "confidentiality", "org_unit", "retention_years", "disposal"]
DOKUMENT_FIELDS = [
    "title",
    "document_date",
    "document_type",
    "sender",
    "recipient",
    "confidentiality",
]
VORGANG_FIELDS = ["title", "description"]


class RecordError(Exception):
    """An action that cannot be done, with the reason for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _display(user) -> str:
    if user is None:
        return _("System")
    return user.get_full_name() or user.get_username()


def ensure_open(akte: Akte) -> None:
    if akte.status != AkteStatus.OPEN:
        raise RecordError(
            _("Die Akte %(az)s ist geschlossen (zdA) und kann nicht mehr geändert werden.")
            % {"az": akte.aktenzeichen}
            if akte.status == AkteStatus.CLOSED
            else _("Die Akte %(az)s wurde an das Archiv abgegeben und kann nicht geändert werden.")
            % {"az": akte.aktenzeichen}
        )


def _locked_akte(akte: Akte) -> Akte:
    """The Akte row, locked for this transaction (serialises changes to one file)."""
    return Akte.objects.select_for_update(of=("self",)).select_related("site").get(pk=akte.pk)


def _check_upload(upload) -> None:
    try:
        storage.validate_upload(upload)
    except ValidationError as error:
        raise RecordError(error.messages[0]) from None


# --- Akte --------------------------------------------------------------------------------
def create_akte(
    user,
    *,
    plan_unit: PlanUnit,
    org_unit,
    title: str,
    description: str = "",
    confidentiality: int = Confidentiality.OPEN,
    opened_on: dt.date | None = None,
) -> Akte:
    """A new file with the next Aktenzeichen of its plan unit."""
    title = (title or "").strip()
    if not title:
        raise RecordError(_("Bitte einen Betreff für die Akte angeben."))
    if not plan_unit.active:
        raise RecordError(
            _("Unter der Aktenplaneinheit %(unit)s werden keine neuen Akten angelegt.")
            % {"unit": plan_unit}
        )
    if org_unit.site_id != plan_unit.site_id:
        raise RecordError(_("Stelle und Aktenplan gehören zu verschiedenen Städten."))
    opened_on = opened_on or timezone.localdate()
    with transaction.atomic():
        number, reference = aktenzeichen.allocate(plan_unit, opened_on.year)
        akte = Akte.objects.create(
            site_id=plan_unit.site_id,
            plan_unit=plan_unit,
            org_unit=org_unit,
            aktenzeichen=reference,
            number=number,
            year=opened_on.year,
            title=title[:255],
            description=description,
            confidentiality=confidentiality,
            opened_on=opened_on,
            retention_years=plan_unit.retention_years,
            disposal=plan_unit.disposal,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        record(user, AuditAction.CREATE, akte, after=snapshot(akte, ["aktenzeichen", *AKTE_FIELDS]))
    return akte


def update_akte(user, akte: Akte, **values) -> Akte:
    """Change metadata of an open file (fields of ``AKTE_FIELDS``)."""
    unknown = set(values) - set(AKTE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        akte = _locked_akte(akte)
        ensure_open(akte)
        before = snapshot(akte, list(values))
        for name, value in values.items():
            setattr(akte, name, value)
        akte.full_clean(exclude=["folder", "created_by"])
        akte.save()
        old, new = changes(before, snapshot(akte, list(values)))
        if new:
            record(user, AuditAction.CHANGE, akte, before=old, after=new)
    return akte


def close_akte(user, akte: Akte, closed_on: dt.date | None = None) -> Akte:
    """zdA: the file becomes read-only; its retention runs from the closing year."""
    closed_on = closed_on or timezone.localdate()
    with transaction.atomic():
        akte = _locked_akte(akte)
        ensure_open(akte)
        if closed_on < akte.opened_on:
            raise RecordError(_("Das Datum zdA liegt vor dem Anlagedatum der Akte."))
        if closed_on > timezone.localdate():
            raise RecordError(_("Das Datum zdA darf nicht in der Zukunft liegen."))
        locked = list(akte.dokumente.exclude(locked_by=None).values_list("title", flat=True)[:3])
        if locked:
            raise RecordError(
                _("Die Akte kann nicht geschlossen werden: ausgecheckt ist noch „%(titles)s“.")
                % {"titles": "“, „".join(locked)}
            )
        akte.status, akte.closed_on = AkteStatus.CLOSED, closed_on
        akte.save(update_fields=["status", "closed_on"])
        akte.vorgaenge.filter(closed_on=None).update(closed_on=closed_on)
        record(
            user,
            AuditAction.CLOSE,
            akte,
            before={"status": str(AkteStatus.OPEN.label)},
            after={"status": str(AkteStatus.CLOSED.label), "closed_on": closed_on},
        )
    return akte


def reopen_akte(user, akte: Akte, reason: str) -> Akte:
    """Take a closed file up again (Wiederaufnahme) – records officers only, with a reason."""
    reason = (reason or "").strip()
    if not reason:
        raise RecordError(_("Bitte einen Grund für die Wiederaufnahme angeben."))
    with transaction.atomic():
        akte = _locked_akte(akte)
        if akte.status != AkteStatus.CLOSED:
            raise RecordError(_("Nur geschlossene Akten können wieder aufgenommen werden."))
        before = {"status": str(akte.get_status_display()), "closed_on": akte.closed_on}
        akte.status, akte.closed_on = AkteStatus.OPEN, None
        akte.save(update_fields=["status", "closed_on"])
        record(
            user,
            AuditAction.REOPEN,
            akte,
            message=reason,
            before=before,
            after={"status": str(akte.get_status_display())},
        )
    return akte


# --- Vorgang -----------------------------------------------------------------------------
def create_vorgang(user, akte: Akte, *, title: str, description: str = "") -> Vorgang:
    title = (title or "").strip()
    if not title:
        raise RecordError(_("Bitte einen Betreff für den Vorgang angeben."))
    with transaction.atomic():
        akte = _locked_akte(akte)
        ensure_open(akte)
        number = (akte.vorgaenge.aggregate(last=Max("number"))["last"] or 0) + 1
        vorgang = Vorgang.objects.create(
            akte=akte,
            number=number,
            title=title[:255],
            description=description,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        record(user, AuditAction.CREATE, vorgang, after=snapshot(vorgang, VORGANG_FIELDS))
    return vorgang


def update_vorgang(user, vorgang: Vorgang, **values) -> Vorgang:
    with transaction.atomic():
        _locked = _locked_akte(vorgang.akte)
        ensure_open(_locked)
        before = snapshot(vorgang, list(values))
        for name, value in values.items():
            if name not in VORGANG_FIELDS:
                raise ValueError(name)
            setattr(vorgang, name, value)
        vorgang.save()
        old, new = changes(before, snapshot(vorgang, list(values)))
        if new:
            record(user, AuditAction.CHANGE, vorgang, before=old, after=new)
    return vorgang


# --- Dokument and versions ---------------------------------------------------------------
def _new_version(user, dokument: Dokument, upload, comment: str, number: int) -> DokumentVersion:
    sha = storage.sha256_of(upload)
    content_type = storage.content_type_of(upload)
    file = storage.store(upload, akte=dokument.akte, user=user)
    version = DokumentVersion.objects.create(
        dokument=dokument,
        number=number,
        file=file,
        filename=file.original_filename,
        content_type=content_type,
        size=upload.size,
        sha256=sha,
        comment=(comment or "")[:500],
        created_by=user if user is not None and user.is_authenticated else None,
    )
    Dokument.objects.filter(pk=dokument.pk).update(text_status="wartet")
    enqueue_extraction(version)
    return version


def add_dokument(
    user,
    vorgang: Vorgang,
    *,
    title: str,
    upload,
    document_type: str = DocumentType.OTHER,
    document_date: dt.date | None = None,
    sender: str = "",
    recipient: str = "",
    confidentiality: int | None = None,
    comment: str = "",
    source: str = "",
) -> Dokument:
    """A new document in ``vorgang`` with ``upload`` as version 1."""
    title = (title or "").strip()
    if not title:
        raise RecordError(_("Bitte einen Titel für das Dokument angeben."))
    _check_upload(upload)
    with transaction.atomic():
        akte = _locked_akte(vorgang.akte)
        ensure_open(akte)
        dokument = Dokument.objects.create(
            vorgang=vorgang,
            akte=akte,
            title=title[:255],
            document_type=document_type,
            document_date=document_date or timezone.localdate(),
            sender=sender[:255],
            recipient=recipient[:255],
            confidentiality=akte.confidentiality if confidentiality is None else confidentiality,
            created_by=user if user is not None and user.is_authenticated else None,
            source=source[:100],
        )
        version = _new_version(user, dokument, upload, comment, 1)
        after = snapshot(dokument, DOKUMENT_FIELDS)
        after.update(version=1, filename=version.filename, sha256=version.sha256)
        record(user, AuditAction.CREATE, dokument, message=comment, after=after)
    return dokument


def _locked_dokument(dokument: Dokument) -> Dokument:
    return (
        # "of self": PostgreSQL cannot lock the nullable side of an outer join (locked_by)
        Dokument.objects.select_for_update(of=("self",))
        .select_related("akte", "locked_by")
        .get(pk=dokument.pk)
    )


def _ensure_not_locked_by_other(user, dokument: Dokument) -> None:
    if dokument.locked_by_id and dokument.locked_by_id != getattr(user, "pk", None):
        raise RecordError(
            _(
                "„%(title)s“ ist seit %(since)s von %(who)s ausgecheckt. Eine neue Version kann "
                "erst nach dem Einchecken hochgeladen werden."
            )
            % {
                "title": dokument.title,
                "since": timezone.localtime(dokument.locked_at).strftime("%d.%m.%Y %H:%M"),
                "who": _display(dokument.locked_by),
            }
        )


def add_version(user, dokument: Dokument, upload, comment: str = "") -> DokumentVersion:
    """A new version of the document (refused while someone else has it checked out)."""
    _check_upload(upload)
    with transaction.atomic():
        akte = _locked_akte(dokument.akte)
        ensure_open(akte)
        dokument = _locked_dokument(dokument)
        _ensure_not_locked_by_other(user, dokument)
        number = (dokument.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = _new_version(user, dokument, upload, comment, number)
        record(
            user,
            AuditAction.UPLOAD,
            dokument,
            message=comment,
            before={"version": number - 1},
            after={"version": number, "filename": version.filename, "sha256": version.sha256},
        )
    return version


def update_dokument(user, dokument: Dokument, **values) -> Dokument:
    unknown = set(values) - set(DOKUMENT_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        ensure_open(_locked_akte(dokument.akte))
        dokument = _locked_dokument(dokument)
        _ensure_not_locked_by_other(user, dokument)
        before = snapshot(dokument, list(values))
        for name, value in values.items():
            setattr(dokument, name, value)
        dokument.save()
        old, new = changes(before, snapshot(dokument, list(values)))
        if new:
            record(user, AuditAction.CHANGE, dokument, before=old, after=new)
    return dokument


def check_out(user, dokument: Dokument) -> Dokument:
    """Lock the document for editing by ``user``."""
    with transaction.atomic():
        ensure_open(_locked_akte(dokument.akte))
        dokument = _locked_dokument(dokument)
        if dokument.locked_by_id == user.pk:
            raise RecordError(
                _("Sie haben „%(title)s“ bereits ausgecheckt.") % {"title": dokument.title}
            )
        _ensure_not_locked_by_other(user, dokument)
        dokument.locked_by, dokument.locked_at = user, timezone.now()
        dokument.save(update_fields=["locked_by", "locked_at"])
        record(user, AuditAction.LOCK, dokument, after={"locked_by": _display(user)})
    return dokument


def check_in(
    user, dokument: Dokument, upload=None, comment: str = "", *, force: bool = False
) -> Dokument:
    """Release the lock – with a new version if ``upload`` is given. ``force``: a records
    officer or administrator releases someone else's lock (e.g. a colleague on leave)."""
    if upload is not None:
        _check_upload(upload)
    with transaction.atomic():
        ensure_open(_locked_akte(dokument.akte))
        dokument = _locked_dokument(dokument)
        if dokument.locked_by_id is None:
            raise RecordError(_("„%(title)s“ ist nicht ausgecheckt.") % {"title": dokument.title})
        if dokument.locked_by_id != user.pk and not force:
            _ensure_not_locked_by_other(user, dokument)
        holder, holder_id = _display(dokument.locked_by), dokument.locked_by_id
        after: dict = {"locked_by": ""}
        if upload is not None:
            number = (dokument.versions.aggregate(last=Max("number"))["last"] or 0) + 1
            version = _new_version(user, dokument, upload, comment, number)
            after.update(version=number, filename=version.filename, sha256=version.sha256)
        dokument.locked_by, dokument.locked_at = None, None
        dokument.save(update_fields=["locked_by", "locked_at"])
        message = comment
        if holder_id != user.pk:
            message = _("Sperre von %(who)s aufgehoben. %(comment)s") % {
                "who": holder,
                "comment": comment,
            }
        record(
            user,
            AuditAction.UNLOCK,
            dokument,
            message=message.strip(),
            before={"locked_by": holder},
            after=after,
        )
    return dokument


# --- reads -------------------------------------------------------------------------------
def record_view(user, obj) -> None:
    """A person opened the page of an Akte or Dokument."""
    record(user, AuditAction.VIEW, obj)


def record_download(user, version: DokumentVersion) -> None:
    record(
        user,
        AuditAction.DOWNLOAD,
        version.dokument,
        after={"version": version.number, "filename": version.filename},
    )
