"""Periodic jobs of the composition root's pages (run by ``manage.py run_scheduled``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

FORM_SUBMISSION_KEEP_DAYS = 180


def form_submission_keep_days() -> int:
    """How long the answers sent through a Wagtail form page (the feedback form of the
    accessibility statement: a description, often a name and an e-mail address) are
    kept: ``FORM_SUBMISSION_KEEP_DAYS``, default 180 days – long enough to answer and
    for a complaint to the enforcement body; the town also got them by mail."""
    return int(getattr(settings, "FORM_SUBMISSION_KEEP_DAYS", FORM_SUBMISSION_KEEP_DAYS))


def delete_old_form_submissions(now: dt.datetime | None = None) -> str:
    """Delete form submissions older than ``form_submission_keep_days()``."""
    days = form_submission_keep_days()
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    count, _ = FormSubmission.objects.filter(submit_time__lt=cutoff).delete()
    return f"Formulareingänge: {count} älter als {days} Tage gelöscht"


JOBS = [delete_old_form_submissions]
