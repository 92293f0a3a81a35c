"""Fixtures of the fault tests (issue #12, "Reliability").

The processes under test run from the production settings against *private* services
(``services.py``): a PostgreSQL cluster of its own holding a copy of the seeded test
database (each test gets a fresh copy – nothing is flushed, no second demo seed), a
Redis, a Mosquitto and an SMTP sink of its own. Missing binaries skip the tests locally
and fail them in CI (``tests/utils.need``).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest

from bench.mailsink import MailSink
from tests.deploy.stack import database_url
from tests.utils import manage, need

from .citizen import SETUP_FORM
from .services import PrivatePostgres, PrivateRedis, Processes, postgres_binaries


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "reliability: fault tests against private services (tests/reliability)"
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/reliability/" in str(item.fspath):
            item.add_marker(pytest.mark.reliability)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture(scope="session")
def private_postgres(django_db_setup, django_db_blocker, tmp_path_factory):
    """A private cluster with the seeded test database (plus a service page with an
    application form) as database ``seeded`` – the template of every test's database."""
    from django.db import connection

    need(postgres_binaries() is not None, "PostgreSQL server binaries are not installed")
    need(shutil.which("runuser") is not None, "runuser is not installed")
    with django_db_blocker.unblock():
        need(connection.vendor == "postgresql", "DATABASE_URL must point at PostgreSQL")
        source = database_url(connection.settings_dict)
        connection.close()
    # not below pytest's temporary folder: that is root's alone (0700), and the cluster
    # runs as the postgres user
    cluster = PrivatePostgres(Path(tempfile.mkdtemp(prefix="redi-reliability-pg-")))
    cluster.init()
    try:
        cluster.copy_from(source, "seeded")
        result = manage(
            "shell", "--no-imports", "-c", SETUP_FORM,
            env={"DJANGO_SETTINGS_MODULE": "portal.settings.test",
                 "DATABASE_URL": cluster.url("seeded")},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """``collectstatic`` once for every test's workers (ManifestStaticFilesStorage)."""
    root = tmp_path_factory.mktemp("static")
    stack = Processes(
        root=tmp_path_factory.mktemp("collect"), database="postgres://unused/x",
        redis="redis://127.0.0.1:1/0", mqtt="mqtt://127.0.0.1:1", static_root=root,
    )  # fmt: skip
    stack.run("collectstatic", "--noinput", "-v0")
    return root


@pytest.fixture
def redis(tmp_path):
    need(PrivateRedis.available(), "redis-server is not installed")
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_sink():
    sink = MailSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def processes(request, private_postgres, static_root, redis, mail_sink, tmp_path):
    """``Processes`` on a fresh copy of the seeded database, a private Redis and the mail
    sink; every process it started is ended afterwards. ``mqtt`` is set by the test
    that starts mqtt_intake."""
    running = Processes(
        root=tmp_path, database=private_postgres.new_database("seeded"), redis=redis.url,
        mqtt="mqtt://127.0.0.1:1", static_root=static_root, mail=mail_sink.url,
    )  # fmt: skip
    try:
        yield running
    finally:
        running.stop()
        if getattr(request.node, "failed_call", False):
            print(running.logs(), f"--- postgres ---\n{private_postgres.tail()}")
        with contextlib.suppress(Exception):
            name = running.database.rsplit("/", 1)[1]
            private_postgres.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
