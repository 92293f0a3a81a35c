"""Periodic jobs: each app may define ``JOBS`` (callables without arguments, returning a
short report) in a module ``scheduled.py``; ``manage.py run_scheduled`` runs them all.

Run it from cron or a systemd timer every few minutes in production; ``redi demo`` runs
it in the background once a minute.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable

from django.apps import apps

logger = logging.getLogger(__name__)


def jobs() -> list[tuple[str, Callable[[], object]]]:
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.scheduled"
        if importlib.util.find_spec(config.name) is None:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:
            spec = None
        if spec is None:
            continue
        module = importlib.import_module(name)
        for job in getattr(module, "JOBS", []):
            found.append((f"{config.label}.{job.__name__}", job))
    return found


def run_all() -> dict[str, object]:
    """Run every job; one failing job does not stop the others."""
    results: dict[str, object] = {}
    for name, job in jobs():
        try:
            results[name] = job()
        except Exception as error:
            logger.exception("Scheduled job %s failed", name)
            results[name] = f"Fehler: {error}"
    return results


def flush_outbox() -> str:
    from .outbox import flush

    return f"{flush()} E-Mail(s) versendet"


def purge_outbox() -> str:
    """Sent mails hold addresses and texts of citizens: keep them only
    ``OUTBOX_KEEP_DAYS`` (for questions like "did the mail go out?")."""
    import datetime as dt

    from django.conf import settings
    from django.utils import timezone

    from .models import OutboxMessage
    from .outbox import MAX_ATTEMPTS

    cutoff = timezone.now() - dt.timedelta(days=getattr(settings, "OUTBOX_KEEP_DAYS", 30))
    sent = OutboxMessage.objects.filter(sent_at__lt=cutoff)
    given_up = OutboxMessage.objects.filter(
        sent_at=None, attempts__gte=MAX_ATTEMPTS, created_at__lt=cutoff
    )
    deleted = sent.delete()[0] + given_up.delete()[0]
    return f"{deleted} alte E-Mail(s) gelöscht"


def clear_expired_sessions() -> str:
    """Expired sessions (staff and club logins, application drafts in progress) are
    deleted, as ``manage.py clearsessions`` does; Django itself never removes them."""
    from importlib import import_module

    from django.conf import settings

    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return "abgelaufene Sitzungen gelöscht"


JOBS = [flush_outbox, purge_outbox, clear_expired_sessions]
