"""Retention: when a closed case's period (``delete_after``) has passed, its personal data
goes – the whole case ("delete") or everything personal in it ("anonymise": the
reference, service, status and dates stay for statistics). Expired application drafts
go too. File contents are removed from storage once the database change is committed.

Safe to run again and from several workers at once: each case is handled in its own
transaction on a row locked with ``SKIP LOCKED`` (PostgreSQL), and a case already done
no longer matches.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import (
    CLOSED_STATUSES,
    ApplicationDraft,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseFile,
    DraftFile,
)
from .storage import private_storage

logger = logging.getLogger(__name__)
REDACTED = "[gelöscht]"
BATCH = 200


def _remove_files_after_commit(names: list[str]) -> None:
    def remove() -> None:
        storage = private_storage()
        for name in names:
            try:
                storage.delete(name)
            except Exception:  # a file already gone must not stop the others
                logger.warning("Could not delete %s from private storage", name, exc_info=True)

    if names:
        transaction.on_commit(remove)


def _file_names(files) -> list[str]:
    return [name for name in files.values_list("file", flat=True) if name]


def due_cases(now: datetime):
    return Case.objects.filter(
        delete_after__lte=now, anonymised_at__isnull=True, status__in=CLOSED_STATUSES
    )


def anonymise(case: Case, now: datetime) -> None:
    """Remove everything personal from ``case`` (inside the caller's transaction)."""
    files = CaseFile.objects.filter(case=case)
    _remove_files_after_commit(_file_names(files))
    files.delete()
    case.events.exclude(text="").update(text=REDACTED)
    case.events.filter(kind=CaseEventKind.DOWNLOADED).exclude(new_value="").update(
        new_value=REDACTED
    )
    case.data = []
    case.applicant_email = ""
    case.applicant_name = ""
    case.anonymised_at = now
    case.save(
        update_fields=["data", "applicant_email", "applicant_name", "anonymised_at", "updated_at"]
    )
    CaseEvent.objects.create(case=case, kind=CaseEventKind.ANONYMISED)


def delete(case: Case) -> None:
    """Delete ``case`` with its files and history (inside the caller's transaction)."""
    _remove_files_after_commit(_file_names(CaseFile.objects.filter(case=case)))
    case.delete()


def _expire_case(pk: int, now: datetime) -> str | None:
    with transaction.atomic():
        case = due_cases(now).select_for_update(skip_locked=True).filter(pk=pk).first()
        if case is None:  # done meanwhile, reopened, or another worker holds it
            return None
        if case.retention_action == "delete":
            delete(case)
            return "deleted"
        anonymise(case, now)
        return "anonymised"


def _expire_drafts(now: datetime) -> int:
    removed = 0
    while True:
        with transaction.atomic():
            drafts = list(
                ApplicationDraft.objects.filter(expires_at__lte=now)
                .select_for_update(skip_locked=True)
                .order_by("pk")[:BATCH]
            )
            if not drafts:
                return removed
            files = DraftFile.objects.filter(draft__in=drafts)
            _remove_files_after_commit(_file_names(files))
            files.delete()
            ApplicationDraft.objects.filter(pk__in=[draft.pk for draft in drafts]).delete()
            removed += len(drafts)


def apply_retention(now: datetime | None = None) -> dict[str, int]:
    """Delete or anonymise every case whose period has ended; remove expired drafts.

    Returns how many cases were deleted and anonymised and how many drafts removed.
    """
    now = now or timezone.now()
    counts = {"deleted": 0, "anonymised": 0, "drafts": 0}
    for pk in list(due_cases(now).order_by("delete_after").values_list("pk", flat=True)):
        result = _expire_case(pk, now)
        if result:
            counts[result] += 1
    counts["drafts"] = _expire_drafts(now)
    return counts


def pending(now: datetime | None = None) -> int:
    """How many cases are due (for monitoring)."""
    return due_cases(now or timezone.now()).count()
