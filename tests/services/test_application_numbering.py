"""Case numbers under concurrency: every request gets its own number, also when the
town's sequence for the year does not exist yet. Needs PostgreSQL (row locks; SQLite
serialises writers anyway): run with DATABASE_URL=postgres://…"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from wagtail.models import Site

from services.applications.submission import next_number
from services.models import CaseSequence
from tests.services.factories import town

pytestmark = pytest.mark.django_db
YEAR = 2098
WORKERS = 8


def in_own_connection(function):
    """Run ``function`` in a thread with its own database connection (committed)."""
    outcome: dict = {}

    def run():
        try:
            outcome["value"] = function()
        except Exception as error:  # reported to the test below
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def test_parallel_submissions_get_distinct_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL (DATABASE_URL=postgres://…)")
    site_id = town("bruchsal").site_id
    start = threading.Barrier(WORKERS)
    numbers: list[int] = []
    errors: list[Exception] = []

    def worker():
        try:
            site = Site.objects.get(pk=site_id)
            start.wait(10)
            with transaction.atomic():
                numbers.append(next_number(site, YEAR))
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert errors == []
        assert sorted(numbers) == list(range(1, WORKERS + 1))
        last = in_own_connection(
            lambda: CaseSequence.objects.get(site_id=site_id, year=YEAR).last_number
        )
        assert last == WORKERS
    finally:
        in_own_connection(lambda: CaseSequence.objects.filter(year=YEAR).delete())
