"""People of a club: invitations by e-mail (hashed token, 14 days), accepting with a new
or an existing account, revoking, removing people (never the last manager); the club
login and password reset."""

import datetime as dt
import hashlib
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from portal.core.models import OutboxMessage
from tests.portal.factories import UserFactory
from tests.vereinsportal.factories import club_manager, club_page, club_user
from vereinsportal.models import ClubInvitation, ClubMembership

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def club():
    return club_page("bruchsal", "Schachclub Springer")


@pytest.fixture
def manager(club):
    return club_manager(club, first_name="Max", last_name="Vorstand")


@pytest.fixture
def client(site_client, manager):
    client = site_client("bruchsal")
    client.force_login(manager)
    return client


def invite(client, club, email="neu@example.org", role="editor"):
    response = client.post(
        reverse("vereinsportal:member_invite", args=[club.pk]), {"email": email, "role": role}
    )
    message = OutboxMessage.objects.filter(to=[email]).latest("pk")
    link = re.search(r"https?://\S+/verein/einladung/\S+/", message.body).group(0)
    return response, message, link.split("://", 1)[1].split("/", 1)[1]


def test_invitation_is_stored_hashed_and_mailed(client, club, manager):
    response, message, path = invite(client, club)
    assert response.status_code == 302
    token = path.rstrip("/").rsplit("/", 1)[1]
    invitation = ClubInvitation.objects.get(club=club)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in invitation.token_hash
    assert invitation.invited_by == manager and invitation.role == "editor"
    assert abs(invitation.expires_at - (timezone.now() + dt.timedelta(days=14))) < dt.timedelta(
        minutes=1
    )
    assert "Schachclub Springer" in message.subject and "Max Vorstand" in message.body
    page = client.get(reverse("vereinsportal:club_members", args=[club.pk])).content.decode()
    assert "neu@example.org" in page and "Offene Einladungen" in page


def test_member_cannot_be_invited_twice(client, club, manager):
    response = client.post(
        reverse("vereinsportal:member_invite", args=[club.pk]),
        {"email": manager.email.upper(), "role": "editor"},
    )
    assert response.status_code == 400
    assert "gehört schon zum Verein" in response.content.decode()
    assert not ClubInvitation.objects.filter(club=club).exists()


def test_accept_with_new_account(client, site_client, club):
    _response, _message, path = invite(client, club, "anna@example.org")
    visitor = site_client("bruchsal")
    page = visitor.get("/" + path).content.decode()
    assert "Zugang anlegen" in page and "anna@example.org" in page
    base = {"first_name": "Anna", "last_name": "Neu"}
    response = visitor.post(
        "/" + path, base | {"password1": "Lange-Passphrase-42", "password2": "anders"}
    )
    assert response.status_code == 400
    assert "stimmen nicht überein" in response.content.decode()
    response = visitor.post("/" + path, base | {"password1": "123", "password2": "123"})
    assert response.status_code == 400
    assert not User.objects.filter(email="anna@example.org").exists()
    response = visitor.post(
        "/" + path, base | {"password1": "Lange-Passphrase-42", "password2": "Lange-Passphrase-42"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("vereinsportal:club", args=[club.pk])
    user = User.objects.get(email="anna@example.org")
    assert user.check_password("Lange-Passphrase-42") and user.first_name == "Anna"
    assert not user.is_staff and not user.has_perm("wagtailadmin.access_admin")
    assert ClubMembership.objects.get(club=club, user=user).role == "editor"
    assert ClubInvitation.objects.get(club=club).accepted_at is not None
    assert visitor.get(response["Location"]).status_code == 200  # logged in
    # the link works only once
    again = site_client("bruchsal").get("/" + path)
    assert again.status_code == 410
    assert "bereits angenommen" in again.content.decode()
    assert ClubMembership.objects.filter(user=user).count() == 1


def test_accept_when_logged_in_needs_a_click(client, site_client, club):
    _response, _message, path = invite(client, club, "bert@example.org", role="manager")
    bert = UserFactory(email="bert@example.org")
    other = site_client("bruchsal")
    other.force_login(bert)
    page = other.get("/" + path).content.decode()
    assert "Einladung annehmen" in page
    assert not ClubMembership.objects.filter(user=bert).exists()  # GET changes nothing
    assert other.post("/" + path).status_code == 302
    assert ClubMembership.objects.get(user=bert, club=club).role == "manager"


def test_existing_account_is_asked_to_log_in(client, site_client, club):
    UserFactory(email="carla@example.org")
    _response, _message, path = invite(client, club, "carla@example.org")
    page = site_client("bruchsal").get("/" + path).content.decode()
    assert "gibt es schon einen Zugang" in page
    assert "/verein/anmelden/?next=/" + path in page
    assert "password1" not in page


def test_expired_and_unknown_links_change_nothing(client, site_client, club):
    _response, _message, path = invite(client, club, "dora@example.org")
    ClubInvitation.objects.filter(club=club).update(
        expires_at=timezone.now() - dt.timedelta(hours=1)
    )
    visitor = site_client("bruchsal")
    response = visitor.post(
        "/" + path,
        {
            "first_name": "D",
            "last_name": "O",
            "password1": "Lange-Passphrase-42",
            "password2": "Lange-Passphrase-42",
        },
    )
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    assert not User.objects.filter(email="dora@example.org").exists()
    response = visitor.get(reverse("vereinsportal:invitation_accept", args=["falsch"]))
    assert response.status_code == 404
    assert "Diesen Einladungslink kennen wir nicht" in response.content.decode()


def test_revoke_invitation(client, site_client, club):
    _response, _message, path = invite(client, club, "emil@example.org")
    invitation = ClubInvitation.objects.get(club=club)
    url = reverse("vereinsportal:invitation_revoke", args=[club.pk, invitation.pk])
    response = client.post(url, follow=True)
    assert "zurückgezogen" in response.content.decode()
    assert not ClubInvitation.objects.filter(pk=invitation.pk).exists()
    assert site_client("bruchsal").get("/" + path).status_code == 404


def test_remove_people_but_never_the_last_manager(client, club, manager):
    editor = club_user(club, first_name="Eva", last_name="Editor")
    membership = ClubMembership.objects.get(user=editor)
    url = reverse("vereinsportal:member_remove", args=[club.pk, membership.pk])
    assert "Eva Editor" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not ClubMembership.objects.filter(pk=membership.pk).exists()

    own = ClubMembership.objects.get(user=manager)
    url = reverse("vereinsportal:member_remove", args=[club.pk, own.pk])
    assert "einzige Person in der Vereinsverwaltung" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 409
    assert ClubMembership.objects.filter(pk=own.pk).exists()

    club_manager(club)  # a second manager: now one may leave
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse(
        "vereinsportal:dashboard"
    )
    assert not ClubMembership.objects.filter(pk=own.pk).exists()


def test_editor_cannot_manage_people(site_client, club):
    editor = club_user(club)
    other = club_user(club)
    client = site_client("bruchsal")
    client.force_login(editor)
    membership = ClubMembership.objects.get(user=other)
    assert (
        client.post(
            reverse("vereinsportal:member_remove", args=[club.pk, membership.pk])
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("vereinsportal:member_invite", args=[club.pk]),
            {"email": "x@example.org", "role": "manager"},
        ).status_code
        == 404
    )
    assert ClubMembership.objects.filter(pk=membership.pk).exists()
    assert not ClubInvitation.objects.exists()


def test_login_with_email_honours_only_relative_next(site_client, club, manager):
    client = site_client("bruchsal")
    login = reverse("vereinsportal:login")
    page = client.get(login + "?next=/verein/").content.decode()
    assert "Anmelden für Vereine" in page
    response = client.post(login, {"username": "falsch@example.org", "password": "x"})
    assert "stimmen nicht" in response.content.decode()
    target = reverse("vereinsportal:club_events", args=[club.pk])
    response = client.post(
        login, {"username": manager.email, "password": "geheim-123", "next": target}
    )
    assert response.status_code == 302 and response["Location"] == target
    client.logout()
    for bad in (
        "https://evil.example/",
        "//evil.example/",
        f"http://{client.defaults['HTTP_HOST']}/verein/",
    ):
        response = client.post(
            login, {"username": manager.username, "password": "geheim-123", "next": bad}
        )
        assert response["Location"] == reverse("vereinsportal:dashboard")
        client.logout()


def test_logout_is_post_and_password_reset_mail_links_our_page(site_client, manager):
    client = site_client("bruchsal")
    client.force_login(manager)
    response = client.post(reverse("vereinsportal:logout"))
    assert response.status_code == 302
    assert client.get(reverse("vereinsportal:dashboard")).status_code == 302
    response = client.post(reverse("vereinsportal:password_reset"), {"email": manager.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+(/verein/passwort/[^/\s]+/[^/\s]+/)", mail.outbox[0].body).group(
        1
    )
    response = client.get(link, follow=True)
    assert "Neues Passwort festlegen" in response.content.decode()
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url, {"new_password1": "Noch-ein-Passwort-7", "new_password2": "Noch-ein-Passwort-7"}
    )
    assert response.status_code == 302
    manager.refresh_from_db()
    assert manager.check_password("Noch-ein-Passwort-7")
