"""Free appointment times of an office.

Times come from the office's structured opening hours (regular periods, exceptions,
Baden-Württemberg's public holidays – ``blocks.opening_hours``), minus blocked times and
the units claimed by confirmed bookings, per counter. A start is free when at least one
active counter has ``minutes`` of consecutive free units from there, inside one opening
period. Everything is computed on a grid of ``SLOT_MINUTES`` with a run-length array per
counter and day, so eight weeks of six counters take a few milliseconds.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from blocks.opening_hours import periods_for

from ..models import (
    ACTIVE_BOOKING_STATUSES,
    SLOT_MINUTES,
    AppointmentService,
    BlockedTime,
    BookableOffice,
    Booking,
)

UNITS_PER_DAY = 24 * 60 // SLOT_MINUTES


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Selection:
    """What a citizen books: a service for a number of persons."""

    service: AppointmentService
    persons: int


def duration(selections: Iterable[Selection]) -> int:
    """Minutes of an appointment for all selected services and persons, on the grid."""
    minutes = sum(s.service.minutes_for(s.persons) for s in selections)
    return max(SLOT_MINUTES, math.ceil(minutes / SLOT_MINUTES) * SLOT_MINUTES)


def _unit(moment: dt.datetime) -> tuple[dt.date, int]:
    local = moment.astimezone(zone())
    return local.date(), (local.hour * 60 + local.minute) // SLOT_MINUTES


def _moment(day: dt.date, unit: int) -> dt.datetime:
    minutes = unit * SLOT_MINUTES
    return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=zone())


def _time_unit(value: dt.time, *, up: bool = False) -> int:
    minutes = value.hour * 60 + value.minute
    return (-(-minutes // SLOT_MINUTES)) if up else minutes // SLOT_MINUTES


def _epoch_seconds(field: str):
    """A booking's time as seconds since 1970 – integers are read far faster than
    time-zone-aware timestamps (thousands of bookings per calendar)."""
    from django.db import connection
    from django.db.models import IntegerField
    from django.db.models.expressions import RawSQL

    column = f'"{Booking._meta.db_table}"."{field}"'
    if connection.vendor == "postgresql":
        # S611: the column is the model's own quoted name, no input reaches the SQL
        return RawSQL(f"EXTRACT(EPOCH FROM {column})::bigint", (), output_field=IntegerField())  # noqa: S611
    return RawSQL(f"CAST(strftime('%%s', {column}) AS INTEGER)", (), output_field=IntegerField())  # noqa: S611


class _DayIndex:
    """Maps seconds since 1970 to (local day, unit of the day) by arithmetic, using each
    day's local midnight; days with a clock change go through the time zone."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.tz = zone()
        self.days: list[tuple[int, int, dt.date, bool]] = []
        day = first
        while day <= last + dt.timedelta(days=1):
            midnight = dt.datetime.combine(day, dt.time(), tzinfo=self.tz)
            following = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=self.tz)
            regular = midnight.utcoffset() == following.utcoffset()
            self.days.append((int(midnight.timestamp()), int(following.timestamp()), day, regular))
            day += dt.timedelta(days=1)
        self.position = 0

    def locate(self, epoch: int) -> tuple[dt.date, int]:
        # claims come sorted by time: move forward (or search again if not)
        if epoch < self.days[self.position][0]:
            self.position = 0
        while epoch >= self.days[self.position][1]:
            self.position += 1
        start, _end, day, regular = self.days[self.position]
        if regular:
            return day, (epoch - start) // (SLOT_MINUTES * 60)
        return _unit(dt.datetime.fromtimestamp(epoch, self.tz))


class Calendar:
    """The free times of one office between two days (inclusive), loaded in two queries."""

    def __init__(self, office: BookableOffice, first: dt.date, last: dt.date) -> None:
        self.office = office
        self.first, self.last = first, last
        self.counters = [c.pk for c in office.counters.all() if c.active]
        self.hours = office.unit.hours
        begin, end = _moment(first, 0), _moment(last + dt.timedelta(days=1), 0)
        self.busy: dict[tuple[int, dt.date], set[int]] = defaultdict(set)
        # what is taken: the confirmed bookings (their claims hold the same units; one
        # row per booking is read far faster than one per unit)
        taken = (
            Booking.objects.filter(
                counter_id__in=self.counters,
                status__in=ACTIVE_BOOKING_STATUSES,
                start__lt=end,
                end__gt=begin,
            )
            .annotate(first=_epoch_seconds("start"), until=_epoch_seconds("end"))
            .order_by("start")
            .values_list("counter_id", "first", "until")
        )
        days = _DayIndex(first, last)
        unit_seconds = SLOT_MINUTES * 60
        for counter_id, start, until in taken:
            for moment in range(start, until, unit_seconds):
                day, unit = days.locate(moment)
                self.busy[(counter_id, day)].add(unit)
        blocked = BlockedTime.objects.filter(office=office, start__lt=end, end__gt=begin)
        for block in blocked.values_list("counter_id", "start", "end"):
            self._block(*block)

    def _block(self, counter_id: int | None, start: dt.datetime, end: dt.datetime) -> None:
        counters = self.counters if counter_id is None else [counter_id]
        moment = start
        step = dt.timedelta(minutes=SLOT_MINUTES)
        while moment < end:
            day, unit = _unit(moment)
            for counter in counters:
                self.busy[(counter, day)].add(unit)
            moment += step

    def _runs(self, counter: int, day: dt.date, periods) -> list[int]:
        """run[u]: consecutive free units from u within its opening period."""
        runs = [0] * (UNITS_PER_DAY + 1)
        busy = self.busy.get((counter, day), set())
        for opens, closes in periods:
            first, last = _time_unit(opens, up=True), _time_unit(closes)
            count = 0
            for unit in range(last - 1, first - 1, -1):
                count = 0 if unit in busy else count + 1
                runs[unit] = count
        return runs

    def free_starts(
        self, day: dt.date, minutes: int, now: dt.datetime | None = None
    ) -> list[dt.datetime]:
        """Start times on ``day`` where an appointment of ``minutes`` fits."""
        if not self.counters or self.hours is None or not self.first <= day <= self.last:
            return []
        periods, _reason = periods_for(self.hours, day)
        if not periods:
            return []
        need = math.ceil(minutes / SLOT_MINUTES)
        interval = max(1, self.office.interval_minutes // SLOT_MINUTES)
        earliest = (now or timezone.now()) + dt.timedelta(minutes=self.office.lead_minutes)
        runs = [self._runs(counter, day, periods) for counter in self.counters]
        starts = []
        for opens, closes in periods:
            first, last = _time_unit(opens, up=True), _time_unit(closes)
            for unit in range(first, last - need + 1, interval):
                if any(run[unit] >= need for run in runs):
                    moment = _moment(day, unit)
                    if moment >= earliest:
                        starts.append(moment)
        return starts

    def free_counter(self, start: dt.datetime, minutes: int) -> list[int]:
        """The counters free for the whole appointment, in their order."""
        day, unit = _unit(start)
        periods, _reason = periods_for(self.hours, day) if self.hours is not None else ([], None)
        need = math.ceil(minutes / SLOT_MINUTES)
        return [
            counter for counter in self.counters if self._runs(counter, day, periods)[unit] >= need
        ]

    def days(self, minutes: int, now: dt.datetime | None = None) -> dict[dt.date, int]:
        """Every day of the range with its number of free start times."""
        day, result = self.first, {}
        while day <= self.last:
            result[day] = len(self.free_starts(day, minutes, now))
            day += dt.timedelta(days=1)
        return result


def bookable_range(
    office: BookableOffice, now: dt.datetime | None = None
) -> tuple[dt.date, dt.date]:
    """First and last day a citizen may book at ``office`` now."""
    today = timezone.localdate(now or timezone.now(), zone())
    return today, today + dt.timedelta(days=office.horizon_days)


def units_of(start: dt.datetime, minutes: int) -> list[dt.datetime]:
    """The grid units an appointment occupies (what it claims)."""
    count = math.ceil(minutes / SLOT_MINUTES)
    return [start + dt.timedelta(minutes=SLOT_MINUTES * i) for i in range(count)]
