"""Factories of the Terminvereinbarung: an office with counters and services."""

from __future__ import annotations

import datetime as dt

from services.models import AppointmentService, BookableOffice, Counter, Leistung

from .factories import LeistungFactory, OrganisationalUnitFactory, town

WEEKDAYS_8_TO_12 = {
    "title": "Öffnungszeiten",
    "closed_on_holidays": True,
    "periods": [
        {"weekdays": ["0", "1", "2", "3", "4"], "opens": dt.time(8), "closes": dt.time(12)},
        {"weekdays": ["3"], "opens": dt.time(14), "closes": dt.time(18)},
    ],
    "exceptions": [],
}


def office(
    slug: str = "bruchsal",
    *,
    counters: int = 2,
    hours: dict | None = None,
    services: list[tuple[str, int, int]] = (("Personalausweis beantragen (T)", 15, 10),),
    **options,
) -> BookableOffice:
    """A bookable office of ``slug`` with ``counters`` counters and ``services``
    (name, minutes for the first person, minutes per further person)."""
    settings = town(slug)
    unit = OrganisationalUnitFactory(
        site=settings.site,
        opening_hours=[{"type": "hours", "value": hours or WEEKDAYS_8_TO_12}],
    )
    options.setdefault("lead_minutes", 0)
    bookable = BookableOffice.objects.create(unit=unit, **options)
    for number in range(1, counters + 1):
        Counter.objects.create(office=bookable, name=f"Schalter {number}", sort_order=number)
    for position, (name, first, further) in enumerate(services):
        AppointmentService.objects.create(
            office=bookable,
            leistung=Leistung.objects.filter(name=name).first() or LeistungFactory(name=name),
            minutes_first_person=first,
            minutes_per_additional_person=further,
            sort_order=position,
        )
    return bookable


def next_weekday(weekday: int, after: dt.date | None = None) -> dt.date:
    """The next date (after ``after``, default today) with ``weekday`` (0 = Monday)."""
    day = (after or dt.date.today()) + dt.timedelta(days=1)
    while day.weekday() != weekday:
        day += dt.timedelta(days=1)
    return day
