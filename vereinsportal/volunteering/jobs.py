"""Periodic jobs of the Ehrenamtsbörse (collected by ``vereinsportal.scheduled``)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import ngettext

from ..models import VolunteerInterest
from .forms import keep_days


def delete_old_interests() -> str:
    """Delete citizens' messages (with their contact details) older than
    ``VEREINE_INTEREST_KEEP_DAYS``; read or not."""
    days = keep_days()
    cutoff = timezone.now() - timedelta(days=days)
    count, _ = VolunteerInterest.objects.filter(created_at__lt=cutoff).delete()
    return ngettext(
        "Ehrenamt: %(count)d Nachricht älter als %(days)d Tage gelöscht",
        "Ehrenamt: %(count)d Nachrichten älter als %(days)d Tage gelöscht",
        count,
    ) % {"count": count, "days": days}


JOBS = [delete_old_interests]
