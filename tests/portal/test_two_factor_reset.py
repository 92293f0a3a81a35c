"""Resetting a colleague's two-factor sign-in (lost phone): superusers only, a
confirmation page first, then the devices are gone, the colleague gets a mail and is
led to set up again at the next sign-in where the second factor is required."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from portal.core.models import OutboxMessage
from tests.portal.factories import UserFactory
from tests.portal.test_two_factor import SETUP, VERIFY
from tests.utils import authenticator_app, current_code, login, second_factor_confirmed

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-123"
USERS = "/admin/users/"


def reset_url(user_id: int) -> str:
    return f"/admin/zwei-faktor-zuruecksetzen/{user_id}/"


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost:8000")
    assert login(client, user.username, PASSWORD)
    return client


def with_backup_codes(user, count: int = 10) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="Ersatzcodes", confirmed=True)
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=f"code{number:04d}") for number in range(count)
    )
    return device


@pytest.fixture
def admin():
    return UserFactory(username="admin.zwei", is_superuser=True, is_staff=True)


@pytest.fixture
def colleague():
    """An editor who lost their phone: app and backup codes set up."""
    user = UserFactory(
        username="redakteurin.telefon", first_name="Erika", last_name="Muster", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    authenticator_app(user)
    with_backup_codes(user)
    return user


def devices(user) -> int:
    return (
        TOTPDevice.objects.filter(user=user).count()
        + StaticDevice.objects.filter(user=user).count()
    )


def test_the_user_listing_offers_the_reset_to_superusers(admin, colleague):
    listing = signed_in(admin).get(USERS, {"q": "redakteurin"}).content.decode()
    assert reset_url(colleague.pk) in listing
    assert "Zwei-Faktor-Anmeldung zurücksetzen" in listing
    own = signed_in(admin).get(USERS, {"q": "admin.zwei"}).content.decode()
    assert "admin.zwei" in own and reset_url(admin.pk) not in own  # one's own: not here


def test_get_asks_first_and_deletes_nothing(admin, colleague):
    response = signed_in(admin).get(reset_url(colleague.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Soll die Zwei-Faktor-Anmeldung von Erika Muster zurückgesetzt werden?" in page
    assert "10 Ersatzcodes übrig" in page
    assert "no-store" in response["Cache-Control"]
    assert devices(colleague) == 2
    assert not OutboxMessage.objects.filter(to=[colleague.email]).exists()


def test_superuser_resets_devices_mails_and_tells(
    admin, colleague, settings, django_capture_on_commit_callbacks
):
    client = signed_in(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reset_url(colleague.pk), follow=True)

    assert response.request["PATH_INFO"] == USERS
    assert (
        "Die Zwei-Faktor-Anmeldung von Erika Muster ist zurückgesetzt; Erika Muster wurde "
        "per E-Mail informiert." in response.content.decode()
    )
    assert devices(colleague) == 0
    assert not StaticToken.objects.filter(device__user=colleague).exists()
    # the mail, through the outbox (and sent once the transaction committed)
    stored = OutboxMessage.objects.get(to=[colleague.email])
    assert stored.subject == "Ihre Zwei-Faktor-Anmeldung wurde zurückgesetzt"
    assert "Guten Tag Erika Muster," in stored.body
    assert "„redakteurin.telefon“" in stored.body
    assert f"{settings.WAGTAILADMIN_BASE_URL}{SETUP}" in stored.body
    assert [message.to for message in mail.outbox] == [[colleague.email]]
    # who did it, in the history of the account
    entry = ModelLogEntry.objects.get(action="portal.two_factor_reset")
    assert (entry.object_id, entry.user_id) == (str(colleague.pk), admin.pk)


def test_after_the_reset_the_colleague_sets_up_again_where_required(admin, colleague, settings):
    settings.STAFF_TWO_FACTOR = "required"
    admin_client = signed_in(admin)
    admin_device = authenticator_app(admin)
    admin_client.post(VERIFY, {"code": current_code(admin_device), "next": "/admin/"})
    admin_client.post(reset_url(colleague.pk))

    response = signed_in(colleague).get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


def test_without_an_address_the_admin_is_told_to_inform_them(admin, colleague):
    colleague.email = ""
    colleague.save()

    response = signed_in(admin).post(reset_url(colleague.pk), follow=True)

    assert "keine E-Mail-Adresse hinterlegt" in response.content.decode()
    assert devices(colleague) == 0


def test_non_superusers_are_refused(colleague):
    """Even an account manager (auth.change_user) may not: superusers only."""
    manager = UserFactory(is_staff=True)
    manager.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_user", content_type__app_label="auth"),
    )
    client = signed_in(manager)

    for response in (client.get(reset_url(colleague.pk)), client.post(reset_url(colleague.pk))):
        # Wagtail's answer to PermissionDenied in the admin: the dashboard with a message
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert devices(colleague) == 2
    assert "Zwei-Faktor-Anmeldung zurücksetzen" not in client.get(USERS).content.decode()


def test_the_page_raises_permission_denied_for_non_superusers(rf, colleague):
    """Behind Wagtail's handler: the view itself answers 403."""
    from django.core.exceptions import PermissionDenied

    from portal.security.views import ResetView

    request = rf.get(reset_url(colleague.pk))
    request.user = UserFactory(is_staff=True)
    with pytest.raises(PermissionDenied):
        ResetView.as_view()(request, user_id=colleague.pk)


def test_unknown_user_is_404(admin):
    client = signed_in(admin)
    assert client.get(reset_url(999_999)).status_code == 404
    assert client.post(reset_url(999_999)).status_code == 404


def test_own_devices_are_not_reset_here(admin):
    authenticator_app(admin)
    client = signed_in(admin)
    second_factor_confirmed(client, TOTPDevice.objects.get(user=admin))

    assert client.post(reset_url(admin.pk)).status_code == 302
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_the_reset_needs_the_admins_own_second_factor(admin, colleague):
    """Not under /admin/zwei-faktor/ (open without a code): an unconfirmed session of an
    admin with an app is sent to confirm first."""
    authenticator_app(admin)
    client = signed_in(admin)

    for response in (client.get(reset_url(colleague.pk)), client.post(reset_url(colleague.pk))):
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY)
    assert devices(colleague) == 2
