"""Sign-in protection and staff sessions (issue #12, ASVS V6/V7): what a person trying
to sign in sees, and that a lock holds for the account from that address only."""

from __future__ import annotations

import logging
import time

import pytest
from django.test import Client

from portal.security import sessions
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
PASSWORD = "geheim-123"


def sign_in(client: Client, username: str, password: str, path: str = ADMIN_LOGIN):
    return client.post(path, {"username": username, "password": password})


@pytest.fixture
def editor():
    return UserFactory(username="redakteurin.test", is_staff=True, is_superuser=True)


def test_five_wrong_passwords_lock_the_account_from_that_address(editor, settings):
    settings.AXES_FAILURE_LIMIT = 5
    client = Client(REMOTE_ADDR="203.0.113.7")

    for _attempt in range(4):
        response = sign_in(client, editor.username, "falsch")
        assert response.status_code == 200  # the form again, "wrong password"
    locked = sign_in(client, editor.username, "falsch")

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page
    assert "für 15 Minuten gesperrt" in page
    assert 'name="password"' in page  # the sign-in form, not a bare error page
    # even the right password is refused now, and no session is made
    refused = sign_in(client, editor.username, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    # a colleague at another desk signs in with the same account
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(elsewhere, editor.username, PASSWORD).status_code == 302
    assert elsewhere.session["_auth_user_id"] == str(editor.pk)


def test_a_successful_sign_in_resets_the_count(editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="203.0.113.8")

    for _attempt in range(2):
        sign_in(client, editor.username, "falsch")
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(2):
        assert sign_in(client, editor.username, "falsch").status_code == 200

    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_club_sign_in_locks_out_with_its_own_form(settings):
    from tests.vereinsportal.factories import club_manager, club_page

    settings.AXES_FAILURE_LIMIT = 2
    manager = club_manager(club_page())
    client = Client(REMOTE_ADDR="203.0.113.9", HTTP_HOST="bruchsal.localhost:8000")

    sign_in(client, manager.username, "falsch", "/verein/anmelden/")
    locked = sign_in(client, manager.username, "falsch", "/verein/anmelden/")

    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page
    assert "E-Mail-Adresse oder Benutzername" in page  # the club's form


def test_the_log_names_no_account_and_no_address(editor, settings, caplog):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client(REMOTE_ADDR="203.0.113.10")

    with caplog.at_level(logging.DEBUG):
        for _attempt in range(3):
            sign_in(client, editor.username, "falsch")

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "AXES" in logged  # the lockout is logged …
    assert editor.username not in logged  # … without who
    assert "203.0.113.10" not in logged  # … or from where


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    return client


def age_session(client: Client, **seconds_ago: int) -> None:
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = int(time.time()) - ago
    session.save()


def test_an_idle_staff_session_ends_with_a_message(editor, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client = signed_in_client(editor)
    age_session(client, **{sessions.SEEN_AT: 31 * 60})

    response = client.get("/admin/pages/", follow=True)

    assert response.redirect_chain[0] == ("/admin/pages/", 302)
    assert response.request["PATH_INFO"] == ADMIN_LOGIN
    assert "nach 30 Minuten ohne Aktivität abgemeldet" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # signing in again leads back to where the editor was
    assert "next=/admin/pages/" in response.redirect_chain[-1][0]


def test_a_staff_session_ends_after_the_maximum_time_even_when_busy(editor, settings):
    settings.STAFF_SESSION_MAX_HOURS = 10
    client = signed_in_client(editor)
    age_session(client, **{sessions.SIGNED_IN_AT: 10 * 3600 + 1, sessions.SEEN_AT: 5})

    response = client.get("/admin/", follow=True)

    assert "nach 10 Stunden abgelaufen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_active_staff_session_goes_on(editor, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 30
    client = signed_in_client(editor)
    age_session(client, **{sessions.SEEN_AT: 29 * 60})

    assert client.get("/admin/").status_code == 200
    seen = client.session[sessions.SEEN_AT]
    assert time.time() - seen < 5  # the request counted as activity
    assert client.get("/admin/").status_code == 200
