"""The rate limit on every public POST (issue #12): what a visitor over the limit sees,
that nothing of the request is processed, and who is not counted."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.portal.factories import UserFactory
from tests.vereinsportal.factories import club_manager, club_page

pytestmark = pytest.mark.django_db

CLUB_LOGIN = "/verein/anmelden/"
HOST = "bruchsal.localhost:8000"


def test_the_post_over_the_limit_is_refused_and_not_processed(settings):
    settings.PUBLIC_POST_RATE = "3/h"
    manager = club_manager(club_page())
    client = Client(REMOTE_ADDR="203.0.113.30", HTTP_HOST=HOST)

    for _attempt in range(3):
        assert client.post(CLUB_LOGIN, {"username": "x", "password": "y"}).status_code == 200
    # the fourth – even with the right password – is not processed
    refused = client.post(CLUB_LOGIN, {"username": manager.username, "password": "geheim-123"})

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert refused["Cache-Control"] == "no-store"
    page = refused.content.decode()
    assert "Zu viele Anfragen" in page
    assert "Ihre Eingaben wurden nicht gespeichert" in page
    assert "_auth_user_id" not in client.session
    # reading pages goes on
    assert client.get(CLUB_LOGIN).status_code == 200
    # another address is not affected
    other = Client(REMOTE_ADDR="198.51.100.31", HTTP_HOST=HOST)
    signed_in = other.post(CLUB_LOGIN, {"username": manager.username, "password": "geheim-123"})
    assert signed_in.status_code == 302


def test_signed_in_people_and_machine_interfaces_are_not_counted(settings):
    settings.PUBLIC_POST_RATE = "1/h"
    editor = UserFactory(is_superuser=True, is_staff=True)
    client = Client(REMOTE_ADDR="203.0.113.32", HTTP_HOST=HOST)
    client.force_login(editor)
    for _attempt in range(3):
        response = client.post("/admin/pages/search/", {"q": "x"})
        assert response.status_code != 429
    device = Client(REMOTE_ADDR="203.0.113.33", HTTP_HOST=HOST)
    for _attempt in range(3):
        # no token: the intake's own answer (401), not the visitors' limit
        response = device.post(
            "/sensorik/api/v1/observations", "{}", content_type="application/json"
        )
        assert response.status_code == 401


def test_switched_off_with_an_empty_rate(settings):
    settings.PUBLIC_POST_RATE = ""
    client = Client(REMOTE_ADDR="203.0.113.34", HTTP_HOST=HOST)
    for attempt in range(8):  # other names each time: the sign-in lockout is not the point
        data = {"username": f"x{attempt}", "password": "y"}
        assert client.post(CLUB_LOGIN, data).status_code == 200
