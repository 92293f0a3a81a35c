"""Background work of the E-Akte: reading the text of an uploaded version for the search."""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

from .models import Dokument, DokumentVersion, TextStatus
from .text import Unreadable, extract

logger = logging.getLogger(__name__)


@task()
def extract_text(version_id: int) -> str:
    """Read the version's text into its document (only if it is still the newest)."""
    version = (
        DokumentVersion.objects.select_related("file", "dokument").filter(pk=version_id).first()
    )
    if version is None:
        return "gone"
    newest = version.dokument.versions.order_by("-number").values_list("pk", flat=True).first()
    if newest != version.pk:
        return "outdated"
    try:
        with version.file.file.open("rb") as handle:
            text = extract(handle, version.filename)
    except Unreadable as error:
        logger.info("Kein Text aus Version %s: %s", version_id, error)
        text, status = "", TextStatus.FAILED
    except OSError:
        logger.exception("Datei der Version %s nicht lesbar", version_id)
        text, status = "", TextStatus.FAILED
    else:
        status = TextStatus.NONE if text is None else TextStatus.DONE
        text = text or ""
    with transaction.atomic():
        dokument = (
            Dokument.objects.select_for_update(of=("self",)).filter(pk=version.dokument_id).first()
        )
        if dokument is None:
            return "gone"
        dokument.text, dokument.text_status = text, status
        dokument.save(update_fields=["text", "text_status"])  # also updates the search index
    return status


def enqueue_extraction(version: DokumentVersion) -> None:
    """Read the text once the upload has committed (a worker does it in production)."""
    version_id = version.pk
    transaction.on_commit(lambda: extract_text.enqueue(version_id))
