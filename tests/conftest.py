"""Shared fixtures. The demo (ten sites) is loaded once per test session into the test
database; every test runs in a transaction that is rolled back afterwards."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from tests import demo_snapshot
from tests.clamav import clamav, clamav_stopped, clamd_server  # noqa: F401 – fixtures

TOWN_SLUGS = [
    "baden-baden",
    "bretten",
    "bruchsal",
    "buehl",
    "ettlingen",
    "gaggenau",
    "rastatt",
    "rheinstetten",
    "stutensee",
]
PORT = 8000


def host(slug: str | None) -> str:
    """The demo host name of a town (None: the regional site)."""
    return f"localhost:{PORT}" if slug in (None, "region") else f"{slug}.localhost:{PORT}"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", port=PORT, verbosity=0)
        demo_snapshot.take()


@pytest.fixture
def demo_seeded(django_db_blocker):
    """For transactional tests (``django_db(transaction=True)``): each empties the
    database when it ends – demo included – and pytest-django runs them after all
    others, so the second of them gets the demo back from the copy taken after the
    session's seed (``tests/demo_snapshot.py``)."""
    from wagtail.models import Site

    if Site.objects.filter(hostname=host("bruchsal").split(":")[0]).exists():
        return
    with django_db_blocker.unblock():
        demo_snapshot.restore()
    assert Site.objects.filter(hostname=host("bruchsal").split(":")[0]).exists()


@pytest.fixture
def site_client(db):
    """``site_client("bruchsal").get("/")`` – a test client bound to a town's host name."""

    def make(slug: str | None = None, client: Client | None = None) -> Client:
        client = client or Client()
        client.defaults["HTTP_HOST"] = host(slug)
        return client

    return make


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Tests roll their database changes back; the cache must not remember them."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    translation.activate("de")  # a request in another language must not leak into the next test
    yield
    cache.clear()
    translation.activate("de")
