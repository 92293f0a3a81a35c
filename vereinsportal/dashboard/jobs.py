"""Periodic jobs of the club dashboard (collected by ``vereinsportal.scheduled``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import ngettext

from ..models import ClubInvitation

INVITATION_KEEP_DAYS = 30


def invitation_keep_days() -> int:
    """How long an invitation (an e-mail address) is kept once it was accepted or has
    expired: ``VEREINE_INVITATION_KEEP_DAYS``, default 30 days. Until then its link
    answers "already used" or "expired" instead of "unknown"."""
    return int(getattr(settings, "VEREINE_INVITATION_KEEP_DAYS", INVITATION_KEEP_DAYS))


def delete_old_invitations(now: dt.datetime | None = None) -> str:
    """Delete invitations accepted or expired more than ``invitation_keep_days()`` ago;
    open invitations stay until they expire."""
    days = invitation_keep_days()
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    count, _ = ClubInvitation.objects.filter(
        Q(accepted_at__lt=cutoff) | Q(accepted_at=None, expires_at__lt=cutoff)
    ).delete()
    return ngettext(
        "Einladungen: %(count)d angenommene oder abgelaufene Einladung älter als %(days)d Tage "
        "gelöscht",
        "Einladungen: %(count)d angenommene oder abgelaufene Einladungen älter als %(days)d Tage "
        "gelöscht",
        count,
    ) % {"count": count, "days": days}


JOBS = [delete_old_invitations]
