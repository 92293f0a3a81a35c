"""Eight people sign up at once for the last place: exactly one gets it (PostgreSQL
only – SQLite serialises all writes, so there is no race to lose)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from vereinsportal.models import Signup, SignupStatus
from vereinsportal.signups import service

from .factories_signups import first_occurrence, signup_event

PEOPLE = 8


def race(occurrence) -> list[str]:
    barrier = threading.Barrier(PEOPLE)
    results: list[str] = []
    lock = threading.Lock()

    def run(number: int) -> None:
        try:
            barrier.wait()
            result = service.sign_up(
                occurrence.pk, name=f"P{number}", email=f"p{number}@example.org"
            )
            outcome = result.signup.status
        except service.SignupError as error:
            outcome = error.message
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def same_person_four_times(occurrence) -> list[str]:
    barrier = threading.Barrier(4)
    results: list[str] = []
    lock = threading.Lock()

    def run() -> None:
        try:
            barrier.wait()
            outcome = service.sign_up(occurrence.pk, name="A", email="a@example.org").signup.status
        except service.SignupError as error:
            outcome = error.message
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# One test function: a transactional test empties the database (and the demo seed)
# when it ends, so every race runs on pages created here, before that happens.
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="races are tested on PostgreSQL (DATABASE_URL=postgres://…)",
)
@pytest.mark.django_db(transaction=True)
def test_races_for_the_last_place(demo_seeded):

    # with a waiting list: one confirmed, everyone else waiting, positions 1..7
    occurrence = first_occurrence(signup_event(capacity=1))
    results = race(occurrence)
    assert sorted(results) == [SignupStatus.CONFIRMED] + [SignupStatus.WAITING] * (PEOPLE - 1)
    rows = Signup.objects.filter(occurrence=occurrence)
    assert rows.filter(status=SignupStatus.CONFIRMED).count() == 1
    waiting = list(rows.filter(status=SignupStatus.WAITING).order_by("created_at", "pk"))
    assert [service.waiting_position(s) for s in waiting] == list(range(1, PEOPLE))

    # without a waiting list: one confirmed, the others refused, nothing else stored
    occurrence = first_occurrence(signup_event(capacity=1, waiting_list=False))
    results = race(occurrence)
    assert sorted(results) == ["Leider ausgebucht."] * (PEOPLE - 1) + [SignupStatus.CONFIRMED]
    assert Signup.objects.filter(occurrence=occurrence).count() == 1

    # the same person four times at once (a double click): one sign-up
    occurrence = first_occurrence(signup_event(capacity=5))
    results = same_person_four_times(occurrence)
    assert sorted(results) == ["Sie sind für diesen Termin bereits angemeldet."] * 3 + ["confirmed"]
    assert Signup.objects.filter(occurrence=occurrence).count() == 1
