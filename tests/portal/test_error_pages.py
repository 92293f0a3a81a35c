"""The error pages: plain HTML that needs neither the database nor the town; a database
that cannot be reached is a passing 503 with Retry-After, not a 500."""

from __future__ import annotations

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from portal.core.views import server_error


def answer_to(error: Exception):
    request = RequestFactory().get("/", HTTP_HOST="bruchsal.localhost")
    try:
        raise error
    except Exception:  # as Django calls handler500: inside its except
        return server_error(request)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("connection to server at 127.0.0.1 failed: Connection refused"),
        InterfaceError("connection already closed"),
    ],
)
def test_database_unreachable_is_a_503_to_wait_out(error):
    response = answer_to(error)
    text = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "Vorübergehend nicht erreichbar" in text
    assert "in etwa einer halben Minute erneut" in text
    assert "127.0.0.1" not in text  # nothing of the error itself


def test_any_other_error_is_the_500_page():
    response = answer_to(KeyError("town"))
    assert response.status_code == 500
    assert "Technische Störung" in response.content.decode()
    assert "Retry-After" not in response
