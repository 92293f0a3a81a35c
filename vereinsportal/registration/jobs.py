"""Periodic jobs of the club registration (collected by ``vereinsportal.scheduled``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

from ..models import ClubRegistration, RegistrationStatus


def keep_days() -> int:
    """How long a decided registration (with the citizen's contact details) is kept."""
    return int(getattr(settings, "VEREINE_REGISTRATION_KEEP_DAYS", 90))


def delete_decided_registrations() -> str:
    """Delete registrations decided more than ``keep_days()`` ago (approved ones live on
    as the club page; pending ones wait for a decision)."""
    days = keep_days()
    cutoff = timezone.now() - timedelta(days=days)
    _total, per_model = (
        ClubRegistration.objects.exclude(status=RegistrationStatus.PENDING)
        .filter(decided_at__lt=cutoff)
        .delete()
    )
    count = per_model.get(ClubRegistration._meta.label, 0)  # not the category links
    return ngettext(
        "Vereinsanmeldungen: %(count)d entschiedene Anmeldung älter als %(days)d Tage gelöscht",
        "Vereinsanmeldungen: %(count)d entschiedene Anmeldungen älter als %(days)d Tage gelöscht",
        count,
    ) % {"count": count, "days": days}


JOBS = [delete_decided_registrations]
