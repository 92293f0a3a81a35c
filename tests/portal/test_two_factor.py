"""Two-factor sign-in for the admin (issue #12): what an editor sees after the password,
setting up the app, backup codes, and who is not asked."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.portal.factories import UserFactory
from tests.utils import authenticator_app, current_code, second_factor_confirmed

pytestmark = pytest.mark.django_db

VERIFY = "/admin/zwei-faktor/"
SETUP = "/admin/zwei-faktor/einrichten/"


@pytest.fixture
def editor():
    return UserFactory(username="redakteurin.zwei", is_staff=True, is_superuser=True)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_with_an_app_the_admin_asks_for_the_code_first(editor):
    device = authenticator_app(editor)
    client = signed_in(editor)

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"

    page = client.get(response["Location"]).content.decode()
    assert "Anmeldung bestätigen" in page
    assert 'autocomplete="one-time-code"' in page

    wrong = client.post(VERIFY, {"code": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "Der Code stimmt nicht" in wrong.content.decode()
    assert client.get("/admin/pages/").status_code == 302  # still not in
    # right after a wrong code even the right one waits a moment (throttling) …
    hurried = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert "Zu viele falsche Codes" in hurried.content.decode()
    time.sleep(1.1)  # … 1 s after one wrong code, doubling with each further one

    right = client.post(VERIFY, {"code": current_code(device), "next": "/admin/pages/"})
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_backup_code_works_once(editor):
    authenticator_app(editor)
    client = signed_in(editor)
    # set up backup codes through the page, as a person would (a confirmed session first)
    second_factor_confirmed(client, TOTPDevice.objects.get(user=editor))
    page = client.post(SETUP, {"action": "backup"}).content.decode()
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page)
    assert len(codes) == 10
    assert "nur jetzt angezeigt" in page

    again = signed_in(editor)
    answer = again.post(VERIFY, {"code": codes[0], "next": "/admin/"}, follow=True)
    assert answer.request["PATH_INFO"] == "/admin/"
    assert "mit einem Ersatzcode angemeldet; 9 sind noch übrig" in answer.content.decode()
    assert StaticToken.objects.filter(device__user=editor).count() == 9

    third = signed_in(editor)
    reused = third.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert "Der Code stimmt nicht" in reused.content.decode()


def test_setting_up_the_app_with_the_qr_code(editor):
    client = signed_in(editor)

    page = client.get(SETUP).content.decode()
    assert "<svg" in page  # the QR code, drawn here – no third-party image service
    assert "Schlüssel:" in page
    pending = TOTPDevice.objects.get(user=editor)
    assert not pending.confirmed

    wrong = client.post(SETUP, {"action": "confirm", "code": "123456"})
    assert "Der Code stimmt nicht" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=editor).confirmed
    time.sleep(1.1)  # a wrong code slows down the next try

    done = client.post(SETUP, {"action": "confirm", "code": current_code(pending)})
    assert done.status_code == 200
    assert "Ihre Ersatzcodes" in done.content.decode()
    assert "no-store" in done["Cache-Control"]
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert StaticToken.objects.filter(device__user=editor).count() == 10
    # this session is confirmed already
    assert client.get("/admin/pages/").status_code == 200


def test_optional_without_an_app_the_password_is_enough(editor, settings):
    settings.STAFF_TWO_FACTOR = "optional"

    assert signed_in(editor).get("/admin/pages/").status_code == 200


def test_required_without_an_app_leads_to_the_set_up(editor, settings):
    settings.STAFF_TWO_FACTOR = "required"
    client = signed_in(editor)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    page = client.get(response["Location"]).content.decode()
    assert "vorgeschrieben" in page
    # the set-up cannot be switched off where it is required
    device = TOTPDevice.objects.get(user=editor)
    client.post(SETUP, {"action": "confirm", "code": current_code(device)})
    status = client.get(SETUP).content.decode()
    assert "abschalten" not in status
    assert client.post(SETUP, {"action": "remove"}).status_code == 200
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_switching_off_where_it_is_optional(editor, settings):
    settings.STAFF_TWO_FACTOR = "optional"
    device = authenticator_app(editor)
    client = signed_in(editor)
    client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})

    response = client.post(SETUP, {"action": "remove"}, follow=True)

    assert "ist abgeschaltet" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert signed_in(editor).get("/admin/pages/").status_code == 200


def test_club_members_and_public_pages_are_not_asked(settings):
    from tests.vereinsportal.factories import club_manager, club_page

    settings.STAFF_TWO_FACTOR = "required"
    manager = club_manager(club_page())
    client = Client(HTTP_HOST="bruchsal.localhost:8000")
    client.force_login(manager)

    for path in ("/verein/", "/"):
        response = client.get(path)
        assert response.status_code in (200, 302)
        assert "zwei-faktor" not in response.get("Location", "")


def test_the_account_page_offers_it(editor):
    device = authenticator_app(editor)
    client = signed_in(editor)
    client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})

    page = client.get("/admin/account/").content.decode()

    assert "Zwei-Faktor-Anmeldung" in page
    assert SETUP in page
