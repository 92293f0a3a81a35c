"""Schemathesis against every OpenAPI description the portal serves.

There is one: ``/api/v2/openapi.json`` (the headless API of pages, images and documents,
``portal.api``). The SensorThings API (``/sta/v1.1/``) follows the OGC standard and the
invoice delivery API (``/rechnungen/api/``) is described in its module docstring; neither
serves an OpenAPI description (``grep -rn openapi`` finds only ``portal.api``).

The description is loaded from the running app (the WSGI application, in process, on the
demo data of the test database) once for a town's address and once for the regional
address, and every operation is called with generated parameters – valid and invalid ones.
Checks: never a server error, status codes, content types and headers as described, every
answer matching its response schema, invalid input refused with 4xx (all of schemathesis's
checks but one, see ``EXCLUDED``).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.fuzz.conftest import examples

pytestmark = pytest.mark.django_db
DESCRIPTION = "/api/v2/openapi.json"


@pytest.fixture(autouse=True)
def one_connection():
    """Django's WSGI handler closes the database connection after each request; the test
    client switches that off, and so do we (the test's transaction lives on it)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _load(host: str):
    return schemathesis.openapi.from_wsgi(
        DESCRIPTION, get_wsgi_application(), headers={"Host": host}
    )


def _operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def _fuzz(schema, host: str, mode: GenerationMode) -> None:
    """Every operation: generated cases called in process and validated."""
    operations = _operations(schema)
    assert operations
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @SETTINGS
        def call(case):
            case.call_and_validate(base_url=f"http://{host}", excluded_checks=EXCLUDED)

        call()


SETTINGS = settings(
    max_examples=examples(12),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# The description types free-form parameters (``type``, ``fields``, ``order``, …) as strings
# and says in words that unknown values answer 400 – a schema-valid ``type=x`` is refused on
# purpose, so "schema-valid data is accepted" does not hold; every other check does.
EXCLUDED = [positive_data_acceptance]
HOSTS = {"town": "bruchsal.localhost:8000", "regional": "localhost:8000"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("address", HOSTS)
def test_the_api_keeps_its_description(address, mode):
    _fuzz(_load(HOSTS[address]), HOSTS[address], mode)
