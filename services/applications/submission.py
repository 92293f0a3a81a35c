"""A draft becomes a case (Vorgang) – all or nothing.

In one transaction: the next number of the town and year (``CaseSequence``, locked),
the case with its answers and a fresh tracking token, the files copied from the draft
into new private files, the "submitted" event, the confirmation mail (outbox) and the
draft deleted. If anything fails, nothing is stored and the draft stays as it was;
files already copied are removed again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from ..models import (
    ApplicationDraft,
    Case,
    CaseEvent,
    CaseEventKind,
    CaseFile,
    CaseSequence,
    DraftFile,
    new_token,
)
from . import mails
from .drafts import files_by_key
from .specs import StepSpec
from .summary import case_data

logger = logging.getLogger(__name__)
NAME_KEYS = ("vorname", "nachname")


class AlreadySubmitted(Exception):
    """The draft is gone: sent in another request a moment ago."""


@dataclass
class Submitted:
    case: Case
    token: str


def next_number(site, year: int) -> int:
    """The next case number of a town in a year. Call inside a transaction: the
    sequence row stays locked until it ends, so numbers are never given twice."""
    sequence = CaseSequence.objects.select_for_update().filter(site=site, year=year).first()
    if sequence is None:
        try:
            with transaction.atomic():  # savepoint: another request may insert it first
                sequence = CaseSequence.objects.create(site=site, year=year, last_number=0)
        except IntegrityError:
            sequence = CaseSequence.objects.select_for_update().get(site=site, year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number


def reference_for(site, year: int, number: int) -> str:
    town = mails.town_for(site)
    code = town.reference_code if town else site.hostname.split(".")[0][:3].upper()
    return f"{code}-{year}-{number:06d}"


def applicant(data: list[dict]) -> tuple[str, str]:
    """(e-mail, name) of the applicant: the first e-mail field; vorname + nachname or
    name."""
    email = next((item["value"] for item in data if item["type"] == "email" and item["value"]), "")
    values = {item["key"]: item["value"] for item in data if isinstance(item["value"], str)}
    name = " ".join(values[key].strip() for key in NAME_KEYS if values.get(key))
    if not name:
        name = (values.get("name") or "").strip()
    return email, name[:200]


def copy_file(source: DraftFile, target: CaseFile) -> None:
    """Copy a draft file's content into a new private file of the case."""
    with source.file.open("rb") as handle:
        target.file.save(source.original_name, File(handle), save=False)


def submit(
    draft: ApplicationDraft, steps: list[StepSpec], *, now: datetime | None = None
) -> Submitted:
    """Turn ``draft`` into a case. Raises ``AlreadySubmitted`` if it no longer exists."""
    now = now or timezone.now()
    written: list[tuple] = []  # (storage, name) of case files already stored
    try:
        with transaction.atomic():
            draft = (
                ApplicationDraft.objects.select_for_update(of=("self",))
                .select_related("service_page", "form", "site")
                .filter(pk=draft.pk)
                .first()
            )
            if draft is None:
                raise AlreadySubmitted
            page = draft.service_page
            site = draft.site
            year = timezone.localtime(now).year
            number = next_number(site, year)
            token, token_hash = new_token()
            draft_files = list(draft.files.all())
            data = case_data(steps, draft.data, files_by_key(draft))
            email, name = applicant(data)
            case = Case.objects.create(
                site=site,
                reference=reference_for(site, year, number),
                year=year,
                number=number,
                service_page=page,
                service_name=page.title[:255],
                form=draft.form,
                data=data,
                applicant_email=email,
                applicant_name=name,
                language=(translation.get_language() or "de")[:10],
                tracking_token_hash=token_hash,
                submitted_at=now,
                retention_days=page.retention_days,
                retention_action=page.retention_action,
            )
            shown_keys = {item["key"] for item in data if item["type"] == "file"}
            for stored in draft_files:
                if stored.field_key not in shown_keys:
                    continue  # a file of a field no longer asked
                case_file = CaseFile(
                    case=case,
                    field_key=stored.field_key,
                    original_name=stored.original_name,
                    content_type=stored.content_type,
                    size=stored.size,
                    sha256=stored.sha256,
                )
                copy_file(stored, case_file)
                written.append((case_file.file.storage, case_file.file.name))
                case_file.save()
            CaseEvent.objects.create(case=case, kind=CaseEventKind.SUBMITTED)
            old_files = [(stored.file.storage, stored.file.name) for stored in draft_files]
            draft.delete()
            mails.send_confirmation(
                case,
                token,
                confirmation_text=draft.form.confirmation_text,
                unit=page.responsible_unit,
            )
            transaction.on_commit(lambda: _delete_contents(old_files))
    except Exception:
        _delete_contents(written)
        raise
    return Submitted(case=case, token=token)


def _delete_contents(files: list[tuple]) -> None:
    for storage, name in files:
        if not name:
            continue
        try:
            storage.delete(name)
        except Exception:  # a leftover file is no reason to fail the citizen
            logger.warning("Could not delete stored file %s", name, exc_info=True)
