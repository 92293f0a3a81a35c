"""How long the Sensorik keeps what: raw values for a while, summaries for ever.

- raw observations: ``SENSOR_RAW_KEEP_DAYS`` (the intake refuses older readings too);
- received uplinks (the MQTT deduplication keys): as long as the raw observations – an
  uplink redelivered after that would be refused by its age anyway;
- hourly and daily aggregates: never deleted (the charts read them);
- alerts: once ended, kept ``SENSOR_ALERT_KEEP_DAYS`` (default two years), then deleted;
  open alerts are never deleted.

Deleting runs in chunks of ``CHUNK`` rows, each its own short statement (autocommit),
so a large backlog – the first run after months – never locks the table for minutes;
a run stops after ``budget`` seconds and the next run continues.
"""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Alert, Observation, Uplink

CHUNK = 10_000
BUDGET_SECONDS = 120.0
ALERT_KEEP_DAYS = 730


def raw_keep_days() -> int:
    return settings.SENSOR_RAW_KEEP_DAYS


def alert_keep_days() -> int:
    return getattr(settings, "SENSOR_ALERT_KEEP_DAYS", ALERT_KEEP_DAYS)


def _delete_older(model, column: str, limit: dt.datetime, chunk: int, until: float) -> int:
    """Delete ``model`` rows whose ``column`` lies before ``limit``, ``chunk`` ids per
    statement, until none are left or the time ``until`` (monotonic) has passed."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(column)
    value = connection.ops.adapt_datetimefield_value(limit)
    deleted = 0
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE id IN "  # noqa: S608 – names from the model, values as parameters
                f"(SELECT id FROM {table} WHERE {column} < %s LIMIT %s)",
                [value, chunk],
            )
            count = max(cursor.rowcount, 0)
        deleted += count
        if count < chunk or time.monotonic() >= until:
            return deleted


def purge(
    now: dt.datetime | None = None, *, chunk: int = CHUNK, budget: float = BUDGET_SECONDS
) -> dict[str, int]:
    """Delete what has passed its keep period; the number of rows deleted per kind."""
    now = now or timezone.now()
    until = time.monotonic() + budget
    raw_limit = now - dt.timedelta(days=raw_keep_days())
    counts = {
        "observations": _delete_older(Observation, "phenomenon_time", raw_limit, chunk, until),
        "uplinks": _delete_older(Uplink, "received_at", raw_limit, chunk, until),
    }
    alert_limit = now - dt.timedelta(days=alert_keep_days())
    counts["alerts"] = Alert.objects.filter(
        ended_at__isnull=False, ended_at__lt=alert_limit
    ).delete()[0]
    return counts


def delete_old_sensor_data(now: dt.datetime | None = None) -> str:
    """The scheduled job: :func:`purge` with a short German report."""
    counts = purge(now)
    return _(
        "Sensorik: %(observations)d Rohmesswerte und %(uplinks)d empfangene Nachrichten "
        "gelöscht (älter als %(days)d Tage), %(alerts)d beendete Warnungen (älter als "
        "%(alert_days)d Tage); Stunden- und Tageswerte bleiben erhalten"
    ) % {**counts, "days": raw_keep_days(), "alert_days": alert_keep_days()}
