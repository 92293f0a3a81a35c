"""Appointment benchmark (issue #6) on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi python bench/appointments.py

Uses a database of its own (``redi_appointments_bench`` unless ``--database``), which it
drops and creates. Two measurements:

1. **The race**: 50 citizens hold pending bookings for the same last free place and
   confirm their e-mail addresses at the same moment (50 threads, each with its own
   database connection, released together by a barrier). Target: exactly 1 confirmed,
   49 "no longer available" answers, and one set of slot claims in the database.
2. **Free-slot computation**: an office with 6 counters open Monday–Friday 8–18 h
   (Thursday to 19 h), about half of its time booked at random over 8 weeks; the
   calendar of all 8 weeks for a 25-minute appointment (``Calendar(...).days()``, what
   the month view needs) computed 200 times. Target: p95 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

from bench.search import recreate_database  # noqa: E402

RACERS = 50
RUNS = 200
TARGET_P95_MS = 50.0


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_appointments_bench")
    parser.add_argument("--racers", type=int, default=RACERS)
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    return parser.parse_args(argv)


def office(counters: int, hours: dict):
    from portal.core.models import OrganisationalUnit
    from portal.core.towns import create_town
    from services.models import AppointmentService, BookableOffice, Counter, Leistung

    town = create_town(slug="bruchsal", name="Bruchsal", hostname="bruchsal.localhost").settings
    unit = OrganisationalUnit.objects.create(
        site=town.site,
        name=f"Bürgerbüro {counters}",
        opening_hours=[{"type": "hours", "value": hours}],
    )
    bookable = BookableOffice.objects.create(unit=unit, lead_minutes=0, horizon_days=56)
    for number in range(1, counters + 1):
        Counter.objects.create(office=bookable, name=f"Schalter {number}", sort_order=number)
    leistung, _created = Leistung.objects.get_or_create(name="Personalausweis beantragen")
    AppointmentService.objects.create(
        office=bookable,
        leistung=leistung,
        minutes_first_person=15,
        minutes_per_additional_person=10,
    )
    return bookable


def race(racers: int) -> dict:
    from django.db import connection

    from services.appointments import booking, slots
    from services.models import Booking, BookingStatus, SlotClaim

    friday = dt.date.today() + dt.timedelta(days=1)
    while friday.weekday() != 4:
        friday += dt.timedelta(days=1)
    one_slot = {  # one counter, open for exactly one 15-minute appointment that Friday
        "title": "",
        "closed_on_holidays": False,
        "exceptions": [],
        "periods": [{"weekdays": ["4"], "opens": dt.time(9), "closes": dt.time(9, 15)}],
    }
    office_ = office(1, one_slot)
    service = office_.services.get()
    start = dt.datetime.combine(friday, dt.time(9), tzinfo=slots.zone())
    tokens = [
        booking.create_pending(
            office_,
            start,
            [slots.Selection(service, 1)],
            name=f"Person {i}",
            email=f"person{i}@example.org",
        )[1]
        for i in range(racers)
    ]
    barrier = threading.Barrier(racers)
    outcomes: list[str] = []
    lock = threading.Lock()

    def confirm(token: str) -> None:
        barrier.wait()
        try:
            booking.confirm(token)
            result = "confirmed"
        except booking.BookingError as error:
            result = str(error)
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=confirm, args=(t,)) for t in tokens]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    return {
        "confirmed": outcomes.count("confirmed"),
        "refused": [o for o in outcomes if o != "confirmed"],
        "stored": Booking.objects.filter(status=BookingStatus.CONFIRMED).count(),
        "claims": SlotClaim.objects.count(),
        "seconds": elapsed,
    }


def calendar_speed(runs: int, rng: random.Random) -> dict:
    from services.appointments import slots
    from services.models import SLOT_MINUTES, Booking, BookingStatus, SlotClaim

    hours = {
        "title": "",
        "closed_on_holidays": True,
        "exceptions": [],
        "periods": [
            {"weekdays": ["0", "1", "2", "4"], "opens": dt.time(8), "closes": dt.time(18)},
            {"weekdays": ["3"], "opens": dt.time(8), "closes": dt.time(19)},
        ],
    }
    office_ = office(6, hours)
    first, last = slots.bookable_range(office_)
    bookings, claims = [], []
    day = first
    while day <= last:
        if day.weekday() < 5:
            for counter in office_.counters.all():
                moment = dt.datetime.combine(day, dt.time(8), tzinfo=slots.zone())
                end = dt.datetime.combine(day, dt.time(18), tzinfo=slots.zone())
                while moment < end:
                    minutes = rng.choice([15, 15, 25, 35])
                    if rng.random() < 0.5:
                        bookings.append(
                            Booking(
                                office=office_,
                                counter=counter,
                                start=moment,
                                end=moment + dt.timedelta(minutes=minutes),
                                status=BookingStatus.CONFIRMED,
                                name="x",
                            )
                        )
                    moment += dt.timedelta(minutes=minutes)
        day += dt.timedelta(days=1)
    Booking.objects.bulk_create(bookings, batch_size=2000)
    for booking in bookings:
        for unit in slots.units_of(booking.start, booking.minutes):
            claims.append(SlotClaim(counter_id=booking.counter_id, start=unit, booking=booking))
    SlotClaim.objects.bulk_create(claims, batch_size=5000)
    timings = []
    free = 0
    for _run in range(runs):
        began = time.perf_counter()
        office_ = type(office_).objects.select_related("unit").get(pk=office_.pk)
        days = slots.Calendar(office_, first, last).days(25)
        timings.append((time.perf_counter() - began) * 1000)
        free = sum(days.values())
    timings.sort()
    return {
        "bookings": len(bookings),
        "claims": len(claims),
        "free_starts": free,
        "median": statistics.median(timings),
        "p95": timings[int(0.95 * (len(timings) - 1))],
        "slot_minutes": SLOT_MINUTES,
    }


def main(argv=None) -> int:
    from bench.all import now, write_json

    args = parse_args(argv)
    began = now()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("DATABASE_URL must point at PostgreSQL (see bench/README.md).", file=sys.stderr)
        return 2
    os.environ["DATABASE_URL"] = recreate_database(url, args.database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "false"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    result = race(args.racers)
    from django.db import transaction

    with transaction.atomic():
        speed = calendar_speed(args.runs, random.Random(6))
    print("## Appointments (issue #6), PostgreSQL\n")
    print("| what | result | target |")
    print("|---|---|---|")
    print(
        f"| {args.racers} confirmations racing for the last place | "
        f"{result['confirmed']} confirmed, {len(result['refused'])} refused "
        f"({result['seconds'] * 1000:.0f} ms); stored: {result['stored']} booking, "
        f"{result['claims']} claims | exactly 1 |"
    )
    print(
        f"| free starts of 8 weeks, 6 counters, {speed['bookings']} bookings "
        f"({speed['claims']} claimed units) | median {speed['median']:.1f} ms, "
        f"**p95 {speed['p95']:.1f} ms** ({speed['free_starts']} free starts) | p95 ≤ 50 ms |"
    )
    messages = sorted(set(result["refused"]))
    print(f"\nRefusals said: {messages}")
    ok = result["confirmed"] == 1 and result["stored"] == 1 and speed["p95"] <= TARGET_P95_MS
    write_json(args.json, "appointments", began, json_rows(args, result, speed))
    return 0 if ok else 1


def json_rows(args, result: dict, speed: dict) -> list[dict]:
    """Figures for bench/all.py."""
    from bench.all import json_row

    return [
        json_row(
            f"{args.racers} parallel confirmations for one last place: confirmed",
            result["confirmed"],
            "confirmed",
            target=f"exactly 1, {args.racers - 1} clear refusals",
            ok=result["confirmed"] == 1 and result["stored"] == 1,
            note=f"{len(result['refused'])} refused; stored {result['stored']} booking, "
            f"{result['claims']} claims; {result['seconds'] * 1000:.0f} ms",
        ),
        json_row(
            f"free starts of 8 weeks, 6 counters, {speed['bookings']:,} bookings, p95",
            speed["p95"],
            "ms",
            target=f"≤ {TARGET_P95_MS:.0f} ms",
            ok=speed["p95"] <= TARGET_P95_MS,
            note=f"median {speed['median']:.1f} ms over {args.runs} runs",
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
