"""Periodic job of the sign-up area: personal data is deleted
``VEREINE_SIGNUP_KEEP_DAYS`` days after the date (occurrence) has ended."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

from ..models import Signup


def keep_days() -> int:
    return getattr(settings, "VEREINE_SIGNUP_KEEP_DAYS", 30)


def delete_old_signups(now: dt.datetime | None = None) -> str:
    """Delete every sign-up (any status) whose date ended more than the keep period ago."""
    days = keep_days()
    limit = (now or timezone.now()) - dt.timedelta(days=days)
    deleted, _ = Signup.objects.filter(occurrence__end__lt=limit).delete()
    return ngettext(
        "Anmeldungen: %(count)d Anmeldung gelöscht (Termine, die vor mehr als %(days)d Tagen "
        "endeten)",
        "Anmeldungen: %(count)d Anmeldungen gelöscht (Termine, die vor mehr als %(days)d Tagen "
        "endeten)",
        deleted,
    ) % {"count": deleted, "days": days}


JOBS = [delete_old_signups]
