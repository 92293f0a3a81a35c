"""Ten citizens confirm ten pending bookings of the same last free time at once:
exactly one gets it (PostgreSQL only: SQLite serialises all writes)."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from services.appointments import booking as bookings
from services.appointments import slots
from services.models import Booking, BookingStatus, SlotClaim

from .factories_appointments import next_weekday, office

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.django_db(transaction=True)
def test_ten_confirmations_for_the_last_slot(demo_seeded):
    if connection.vendor != "postgresql":
        pytest.skip("races are tested on PostgreSQL (DATABASE_URL=postgres://…)")
    o = office(counters=1)
    day = next_weekday(0)
    start = dt.datetime.combine(day, dt.time(9), tzinfo=BERLIN)
    service = o.services.first()
    tokens = []
    for number in range(10):
        _booking, token = bookings.create_pending(
            o, start, [slots.Selection(service, 1)], name=f"P{number}", email=f"p{number}@ex.org"
        )
        tokens.append(token)
    barrier = threading.Barrier(10)
    results: list[str] = []
    lock = threading.Lock()

    def run(token: str) -> None:
        try:
            barrier.wait()
            bookings.confirm(token)
            outcome = "ok"
        except bookings.BookingError:
            outcome = "taken"
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok"] + ["taken"] * 9
    assert Booking.objects.filter(office=o, status=BookingStatus.CONFIRMED).count() == 1
    assert SlotClaim.objects.filter(counter__office=o).count() == 3
