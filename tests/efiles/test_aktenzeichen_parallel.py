"""8 workers create 25 files each under one plan unit at the same moment: 200 distinct
Aktenzeichen numbered 1..200, no errors – with an existing counter row and with one
that the racing workers create themselves (PostgreSQL only: SQLite serialises writes)."""

from __future__ import annotations

import os
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from backoffice.efiles import actions
from backoffice.efiles.models import Akte, AktenzeichenCounter, PlanUnit
from portal.core.models import OrganisationalUnit, TownSettings

WORKERS = 8
EACH = 25

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="races are tested on PostgreSQL (DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def bruchsal(demo_seeded):
    town = TownSettings.objects.select_related("site").get(slug="bruchsal")
    unit = OrganisationalUnit.objects.get(site=town.site, name="Bürgerbüro")
    user = get_user_model().objects.get(username="akten.bruchsal")
    return town, unit, user


def _race(plan_unit: PlanUnit, org_unit, user) -> tuple[list[tuple[int, str]], list[str]]:
    barrier = threading.Barrier(WORKERS)
    lock = threading.Lock()
    made: list[tuple[int, str]] = []
    errors: list[str] = []

    def work(worker: int) -> None:
        try:
            barrier.wait()
            for number in range(EACH):
                akte = actions.create_akte(
                    user,
                    plan_unit=plan_unit,
                    org_unit=org_unit,
                    title=f"Parallel angelegt {worker}-{number}",
                )
                with lock:
                    made.append((akte.number, akte.aktenzeichen))
        except Exception as error:  # every error is a failure of the test
            with lock:
                errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return made, errors


def _check(plan_unit: PlanUnit, made, errors) -> None:
    assert errors == []
    total = WORKERS * EACH
    assert sorted(number for number, _reference in made) == list(range(1, total + 1))
    assert len({reference for _number, reference in made}) == total
    stored = Akte.objects.filter(plan_unit=plan_unit)
    assert stored.count() == total
    assert stored.values("aktenzeichen").distinct().count() == total
    year = timezone.localdate().year
    assert f"{plan_unit.code}/0200/{year}" in set(stored.values_list("aktenzeichen", flat=True))
    counter = AktenzeichenCounter.objects.get(unit=plan_unit)
    assert counter.last_number == total


def test_parallel_creation_with_an_existing_counter(bruchsal):
    town, org_unit, user = bruchsal
    plan_unit = PlanUnit.objects.create(
        site=town.site, code="999.1", title="Parallelität (Test)", retention_years=10
    )
    AktenzeichenCounter.objects.create(unit=plan_unit, year=timezone.localdate().year)
    made, errors = _race(plan_unit, org_unit, user)
    _check(plan_unit, made, errors)


def test_parallel_creation_of_the_first_files_of_a_new_plan_unit(bruchsal):
    town, org_unit, user = bruchsal
    plan_unit = PlanUnit.objects.create(
        site=town.site, code="999.2", title="Neue Einheit (Test)", retention_years=10
    )
    assert not AktenzeichenCounter.objects.filter(unit=plan_unit).exists()
    made, errors = _race(plan_unit, org_unit, user)
    _check(plan_unit, made, errors)
