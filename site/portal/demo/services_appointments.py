"""Demo data of the Terminvereinbarung: each town's Bürgerbüro and Standesamt take
appointments; some days already have bookings, one has a training blocked."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from portal.core.models import OrganisationalUnit
from services.appointments import booking as bookings
from services.appointments import slots
from services.models import (
    AppointmentService,
    BlockedTime,
    BookableOffice,
    Counter,
    Leistung,
)

# office (unit key) → counters and (service, minutes first person, per further person)
OFFICES = {
    "buergerbuero": (
        3,
        [
            ("Personalausweis beantragen", 15, 10),
            ("Reisepass beantragen", 15, 10),
            ("Vorläufigen Personalausweis beantragen", 10, 5),
            ("Wohnsitz anmelden", 10, 5),
            ("Meldebescheinigung beantragen", 5, 5),
            ("Führungszeugnis beantragen", 5, 5),
            ("Beglaubigung von Kopien und Unterschriften", 5, 5),
        ],
    ),
    "standesamt": (1, [("Eheschließung anmelden", 45, 0), ("Geburt beurkunden", 30, 0)]),
}
CITIZENS = [
    "Lena Hoffmann",
    "Murat Aydın",
    "Sabine Keller",
    "Jonas Wagner",
    "Olena Kovalenko",
    "Peter Schmitt",
    "Aylin Demir",
    "Thomas Becker",
    "Marie Laurent",
    "Klaus Zimmermann",
]  # fictitious


def seed_appointments(town, units: dict[str, OrganisationalUnit]) -> None:
    """Offices, counters, services; bookings on the next working days (idempotent)."""
    for key, (counters, services) in OFFICES.items():
        unit = units[key]
        office, created = BookableOffice.objects.get_or_create(
            unit=unit,
            defaults={
                "notes": "Bitte kommen Sie pünktlich; der Wartebereich ist im Erdgeschoss.",
            },
        )
        if not created:
            continue
        for number in range(1, counters + 1):
            Counter.objects.create(office=office, name=f"Schalter {number}", sort_order=number)
        for position, (name, first, further) in enumerate(services):
            leistung = Leistung.objects.filter(name=name).first()
            if leistung is not None:
                AppointmentService.objects.create(
                    office=office,
                    leistung=leistung,
                    minutes_first_person=first,
                    minutes_per_additional_person=further,
                    sort_order=position,
                )
        if key == "buergerbuero":
            _bookings(office, town)


def _working_days(count: int) -> list[dt.date]:
    day, found = timezone.localdate(), []
    while len(found) < count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            found.append(day)
    return found


def _bookings(office: BookableOffice, town) -> None:
    services = list(office.services.select_related("leistung"))
    if not services:
        return
    days = _working_days(5)
    training = days[2]
    BlockedTime.objects.create(
        office=office,
        counter=office.counters.order_by("sort_order").last(),
        start=dt.datetime.combine(training, dt.time(8), tzinfo=slots.zone()),
        end=dt.datetime.combine(training, dt.time(10), tzinfo=slots.zone()),
        reason="Schulung neues Passverfahren",
    )
    names = itertools.cycle(CITIZENS)
    first, last = slots.bookable_range(office)
    calendar = slots.Calendar(office, first, last)
    made = 0
    for day in days:
        starts = calendar.free_starts(day, 15)
        for start in starts[::3][:4]:
            name = next(names)
            service = services[made % len(services)]
            persons = 2 if made % 4 == 0 else 1
            local = name.lower().replace(" ", ".").replace("ı", "i").replace("ö", "oe")
            try:
                booking, token = bookings.create_pending(
                    office,
                    start,
                    [slots.Selection(service, min(persons, service.max_persons))],
                    name=name,
                    email=f"{local}.{town.slug}@example.org",
                    phone="0721 123456" if made % 2 else "",
                )
                bookings.confirm(token)
            except bookings.BookingError:
                continue
            made += 1
