"""Storing checked readings: one transaction per batch.

1. ``INSERT … ON CONFLICT DO NOTHING RETURNING`` – a reading already stored (same
   datastream and time) is skipped, and only the new rows come back;
2. the hourly and daily aggregates of exactly those rows are added with one upsert;
3. each datastream's first/last time and latest value are moved on with one update;
4. thresholds open, raise or close alerts;
5. after commit, ``observations_stored`` tells the live layers.

Written as SQL that PostgreSQL and SQLite (≥ 3.35) both run: this is the hot path of
the intake and the ORM's ``bulk_create`` cannot say which rows were new.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction

from ..models import Alert, AlertLevel, Datastream, Observation, ObservationAggregate, Period
from ..signals import observations_stored
from .readings import Reading

logger = logging.getLogger(__name__)
CHUNK = 1000  # rows per INSERT statement (4 parameters each)


@dataclass(frozen=True, slots=True)
class Stored:
    """An observation that this batch stored (not a duplicate)."""

    id: int
    datastream_id: int
    phenomenon_time: dt.datetime
    result: float


@dataclass
class StoreResult:
    stored: list[Stored] = field(default_factory=list)
    duplicates: int = 0
    # every given reading's observation id, new or already stored: (datastream id, time) → id
    ids: dict[tuple[int, dt.datetime], int] = field(default_factory=dict)
    latest: dict[int, Stored] = field(default_factory=dict)


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _db_time(value: dt.datetime):
    return connection.ops.adapt_datetimefield_value(value)


def _from_db_time(value) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _insert(readings: list[Reading]) -> list[Stored]:
    table = _q(Observation._meta.db_table)
    stored: list[Stored] = []
    with connection.cursor() as cursor:
        for offset in range(0, len(readings), CHUNK):
            chunk = readings[offset : offset + CHUNK]
            params: list = []
            for reading in chunk:
                params += [
                    reading.datastream.pk,
                    _db_time(reading.phenomenon_time),
                    reading.result,
                    _db_time(reading.result_time) if reading.result_time else None,
                ]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (datastream_id, phenomenon_time, result, result_time) "  # noqa: S608 – names from the model, values as parameters
                f"VALUES {values} ON CONFLICT (datastream_id, phenomenon_time) DO NOTHING "
                f"RETURNING id, datastream_id, phenomenon_time, result",
                params,
            )
            stored += [
                Stored(row[0], row[1], _from_db_time(row[2]), row[3]) for row in cursor.fetchall()
            ]
    return stored


def _period_starts(time: dt.datetime, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """Start of the UTC hour and of the local (Europe/Berlin) day of ``time``, in UTC."""
    hour = time.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)
    local = time.astimezone(zone)
    day = dt.datetime(local.year, local.month, local.day, tzinfo=zone).astimezone(dt.UTC)
    return hour, day


def _aggregate(stored: list[Stored]) -> None:
    zone = ZoneInfo(settings.TIME_ZONE)
    sums: dict[tuple[int, str, dt.datetime], list[float]] = {}
    for row in stored:
        hour, day = _period_starts(row.phenomenon_time, zone)
        for key in (
            (row.datastream_id, Period.HOUR.value, hour),
            (row.datastream_id, Period.DAY.value, day),
        ):
            entry = sums.get(key)
            if entry is None:
                sums[key] = [1, row.result, row.result, row.result]
            else:
                entry[0] += 1
                entry[1] += row.result
                entry[2] = min(entry[2], row.result)
                entry[3] = max(entry[3], row.result)
    if not sums:
        return
    table = _q(ObservationAggregate._meta.db_table)
    least, greatest = ("LEAST", "GREATEST") if _postgres() else ("MIN", "MAX")
    keys = sorted(sums)  # one order for every writer: no deadlocks between batches
    with connection.cursor() as cursor:
        for offset in range(0, len(keys), CHUNK):
            chunk = keys[offset : offset + CHUNK]
            params: list = []
            for datastream_id, period, start in chunk:
                count, total, minimum, maximum = sums[(datastream_id, period, start)]
                params += [datastream_id, period, _db_time(start), count, total, minimum, maximum]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (datastream_id, period, start, {_q('count')}, total, "  # noqa: S608 – names from the model, values as parameters
                f"minimum, maximum) VALUES {values} "
                f"ON CONFLICT (datastream_id, period, start) DO UPDATE SET "
                f"{_q('count')} = {table}.{_q('count')} + excluded.{_q('count')}, "
                f"total = {table}.total + excluded.total, "
                f"minimum = {least}({table}.minimum, excluded.minimum), "
                f"maximum = {greatest}({table}.maximum, excluded.maximum)",
                params,
            )


def _move_latest(stored: list[Stored]) -> dict[int, Stored]:
    """Update first/last time and latest value; the datastreams whose latest value changed."""
    newest: dict[int, Stored] = {}
    oldest: dict[int, dt.datetime] = {}
    for row in stored:
        current = newest.get(row.datastream_id)
        if current is None or row.phenomenon_time > current.phenomenon_time:
            newest[row.datastream_id] = row
        first = oldest.get(row.datastream_id)
        if first is None or row.phenomenon_time < first:
            oldest[row.datastream_id] = row.phenomenon_time
    if not newest:
        return {}
    table = _q(Datastream._meta.db_table)
    least, greatest = ("LEAST", "GREATEST") if _postgres() else ("MIN", "MAX")
    cast = ("::bigint", "::timestamptz", "::timestamptz", "::double precision")
    if not _postgres():
        cast = ("", "", "", "")
    row_sql = f"(%s{cast[0]}, %s{cast[1]}, %s{cast[2]}, %s{cast[3]})"
    params: list = []
    ids = sorted(newest)
    for datastream_id in ids:
        row = newest[datastream_id]
        params += [
            datastream_id,
            _db_time(row.phenomenon_time),
            _db_time(oldest[datastream_id]),
            row.result,
        ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH v(id, t, tmin, value) AS (VALUES {', '.join([row_sql] * len(ids))}) "  # noqa: S608 – names from the model, values as parameters
            f"UPDATE {table} SET "
            f"first_phenomenon_time = "
            f"{least}(COALESCE({table}.first_phenomenon_time, v.tmin), v.tmin), "
            f"last_value = CASE WHEN {table}.last_phenomenon_time IS NULL "
            f"OR {table}.last_phenomenon_time < v.t THEN v.value ELSE {table}.last_value END, "
            f"last_phenomenon_time = {greatest}(COALESCE({table}.last_phenomenon_time, v.t), v.t) "
            f"FROM v WHERE {table}.id = v.id "
            f"RETURNING {table}.id, {table}.last_phenomenon_time",
            params,
        )
        return {
            row[0]: newest[row[0]]
            for row in cursor.fetchall()
            if _from_db_time(row[1]) == newest[row[0]].phenomenon_time
        }


def _update_alerts(latest: dict[int, Stored]) -> None:
    """Open, raise or close each datastream's alert by its newest value."""
    streams = list(
        Datastream.objects.filter(pk__in=latest).exclude(
            warning_level__isnull=True, alarm_level__isnull=True
        )
    )
    if not streams:
        return
    open_alerts = {
        alert.datastream_id: alert
        for alert in Alert.objects.filter(datastream__in=streams, ended_at__isnull=True)
    }
    for stream in streams:
        reading = latest[stream.pk]
        status = stream.status_of(reading.result)
        alert = open_alerts.get(stream.pk)
        if status in (AlertLevel.WARNING, AlertLevel.ALARM):
            if alert is not None and alert.level == status:
                worse = (
                    reading.result > alert.peak_value
                    if stream.direction == "above"
                    else reading.result < alert.peak_value
                )
                if worse:
                    Alert.objects.filter(pk=alert.pk).update(peak_value=reading.result)
                continue
            if alert is not None:
                Alert.objects.filter(pk=alert.pk).update(ended_at=reading.phenomenon_time)
            Alert.objects.create(
                datastream=stream,
                level=status,
                started_at=reading.phenomenon_time,
                peak_value=reading.result,
            )
        elif alert is not None:
            Alert.objects.filter(pk=alert.pk).update(ended_at=reading.phenomenon_time)


def _existing_ids(readings: list[Reading]) -> dict[tuple[int, dt.datetime], int]:
    by_stream: dict[int, list[dt.datetime]] = defaultdict(list)
    for reading in readings:
        by_stream[reading.datastream.pk].append(reading.phenomenon_time)
    found = {}
    for datastream_id, times in by_stream.items():
        for offset in range(0, len(times), CHUNK):
            for pk, time in Observation.objects.filter(
                datastream_id=datastream_id, phenomenon_time__in=times[offset : offset + CHUNK]
            ).values_list("pk", "phenomenon_time"):
                found[(datastream_id, time)] = pk
    return found


def _announce(result: StoreResult) -> None:
    for receiver, response in observations_stored.send_robust(
        sender=Observation, readings=result.stored, latest=result.latest
    ):
        if isinstance(response, Exception):
            logger.error("observations_stored receiver %r failed: %s", receiver, response)


def store(readings: list[Reading], *, want_ids: bool = False) -> StoreResult:
    """Store checked readings once each; duplicates (already stored, or twice in the
    batch) are counted, not stored. ``want_ids`` also looks up the ids of duplicates
    (the SensorThings API answers with them)."""
    unique: dict[tuple[int, dt.datetime], Reading] = {}
    for reading in readings:
        unique.setdefault((reading.datastream.pk, reading.phenomenon_time), reading)
    result = StoreResult()
    if not unique:
        result.duplicates = len(readings)
        return result
    batch = list(unique.values())
    with transaction.atomic():
        result.stored = _insert(batch)
        result.duplicates = len(readings) - len(result.stored)
        if result.stored:
            _aggregate(result.stored)
            result.latest = _move_latest(result.stored)
            _update_alerts(result.latest)
        result.ids = {(row.datastream_id, row.phenomenon_time): row.id for row in result.stored}
        if want_ids and len(result.ids) < len(batch):
            missing = [r for k, r in unique.items() if k not in result.ids]
            result.ids.update(_existing_ids(missing))
        if result.stored:
            transaction.on_commit(lambda: _announce(result))
    return result
