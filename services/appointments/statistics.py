"""Statistics of an office: bookings, no-shows, waiting time of walk-ins, utilisation by
day and by hour. Counts only – they stay when personal data is deleted."""

from __future__ import annotations

import csv
import datetime as dt
import io
import statistics as stats
from collections import Counter as Tally
from dataclasses import dataclass, field

from blocks.opening_hours import periods_for

from ..models import ACTIVE_BOOKING_STATUSES, BookableOffice, Booking, BookingStatus, Ticket
from . import slots

MAX_DAYS = 366


@dataclass
class DayFigures:
    day: dt.date
    bookings: int = 0
    no_shows: int = 0
    cancelled: int = 0
    booked_minutes: int = 0
    open_minutes: int = 0

    @property
    def utilisation(self) -> int:
        """Per cent of the counters' opening time that is booked."""
        return round(100 * self.booked_minutes / self.open_minutes) if self.open_minutes else 0


@dataclass
class Figures:
    first: dt.date
    last: dt.date
    days: list[DayFigures] = field(default_factory=list)
    by_hour: dict[int, int] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    tickets: int = 0
    waiting_median: float | None = None
    waiting_p90: float | None = None

    @property
    def bookings(self) -> int:
        return sum(d.bookings for d in self.days)

    @property
    def no_shows(self) -> int:
        return sum(d.no_shows for d in self.days)

    @property
    def no_show_rate(self) -> int:
        done = self.bookings
        return round(100 * self.no_shows / done) if done else 0

    @property
    def utilisation(self) -> int:
        booked = sum(d.booked_minutes for d in self.days)
        opened = sum(d.open_minutes for d in self.days)
        return round(100 * booked / opened) if opened else 0


def figures(office: BookableOffice, first: dt.date, last: dt.date) -> Figures:
    """Everything the statistics page shows for ``first``…``last`` (inclusive)."""
    last = min(last, first + dt.timedelta(days=MAX_DAYS - 1))
    tz = slots.zone()
    begin = dt.datetime.combine(first, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    result = Figures(first, last)
    days = {}
    day = first
    counters = sum(1 for c in office.counters.all() if c.active)
    hours = office.unit.hours
    while day <= last:
        periods, _reason = periods_for(hours, day) if hours is not None else ([], None)
        opened = sum(
            (dt.datetime.combine(day, c) - dt.datetime.combine(day, o)).seconds // 60
            for o, c in periods
        )
        days[day] = DayFigures(day, open_minutes=opened * counters)
        day += dt.timedelta(days=1)
    by_hour: Tally[int] = Tally()
    status: Tally[str] = Tally()
    rows = Booking.objects.filter(office=office, start__gte=begin, start__lt=end).values_list(
        "start", "end", "status"
    )
    for start, finish, state in rows:
        status[state] += 1
        local = start.astimezone(tz)
        figures_ = days[local.date()]
        if state in ACTIVE_BOOKING_STATUSES or state == BookingStatus.NO_SHOW:
            figures_.bookings += 1
            figures_.booked_minutes += int((finish - start).total_seconds() // 60)
            by_hour[local.hour] += 1
        if state == BookingStatus.NO_SHOW:
            figures_.no_shows += 1
        if state == BookingStatus.CANCELLED:
            figures_.cancelled += 1
    result.days = [days[d] for d in sorted(days)]
    result.by_hour = dict(sorted(by_hour.items()))
    result.status = dict(status)
    waits = [
        (called - created).total_seconds() / 60
        for created, called in Ticket.objects.filter(
            office=office, day__gte=first, day__lte=last, called_at__isnull=False
        ).values_list("created_at", "called_at")
    ]
    result.tickets = Ticket.objects.filter(office=office, day__gte=first, day__lte=last).count()
    if waits:
        waits.sort()
        result.waiting_median = round(stats.median(waits), 1)
        result.waiting_p90 = round(waits[int(0.9 * (len(waits) - 1))], 1)
    return result


def bars(values: dict, *, width: int = 640, height: int = 160) -> list[dict]:
    """Bar geometry for a small SVG chart (the page shows the same data as a table)."""
    if not values:
        return []
    top = max(values.values()) or 1
    step = width / len(values)
    return [
        {
            "label": label,
            "value": value,
            "x": round(index * step + step * 0.1, 1),
            "width": round(step * 0.8, 1),
            "height": round(height * value / top, 1),
            "y": round(height - height * value / top, 1),
            "text_x": round(index * step + step / 2, 1),
        }
        for index, (label, value) in enumerate(values.items())
    ]


def as_csv(result: Figures) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            "Tag",
            "Termine",
            "Nicht erschienen",
            "Abgesagt",
            "Gebuchte Minuten",
            "Offene Minuten",
            "Auslastung %",
        ]
    )
    for day in result.days:
        writer.writerow(
            [
                day.day.isoformat(),
                day.bookings,
                day.no_shows,
                day.cancelled,
                day.booked_minutes,
                day.open_minutes,
                day.utilisation,
            ]
        )
    return "\ufeff" + out.getvalue()
