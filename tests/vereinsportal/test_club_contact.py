"""The contact form of a club: the message goes to the club by mail (reply to the
sender), the sender gets a confirmation – and never sees the club's address."""

from urllib.parse import urlsplit

import pytest

from portal.core.models import OutboxMessage
from tests.vereinsportal.factories import club_page
from vereinsportal.models import ContactVisibility

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Max Muster",
    "email": "max@example.org",
    "subject": "Probetraining",
    "message": "Kann mein Sohn (8) am Dienstag mittrainieren?",
    "consent": "on",
}


@pytest.fixture
def club():
    return club_page(
        "bruchsal",
        "TV Bruchsal",
        contact_email="vorstand@tv-bruchsal.example",
        contact_visibility=ContactVisibility.FORM_ONLY,
    )


def contact_path(club) -> str:
    return urlsplit(club.full_url).path + "kontakt/"


def test_form_shows_fields_and_privacy_hint_but_not_the_address(site_client, club):
    response = site_client("bruchsal").get(contact_path(club))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nachricht an TV Bruchsal" in html
    for label in ["Ihr Name", "Ihre E-Mail-Adresse", "Betreff", "Ihre Nachricht"]:
        assert f">{label}</label>" in html
    assert 'name="consent"' in html
    assert "wird nicht auf diesem Portal gespeichert" in html
    assert 'name="url_homepage"' in html  # honeypot
    assert "vorstand@tv-bruchsal.example" not in html


def test_message_is_mailed_to_the_club_and_confirmed_to_the_sender(site_client, club):
    client = site_client("bruchsal")
    response = client.post(contact_path(club), VALID)

    assert response.status_code == 302
    assert response["Location"] == contact_path(club) + "?gesendet=1"
    to_club, to_sender = OutboxMessage.objects.order_by("pk")
    assert to_club.to == ["vorstand@tv-bruchsal.example"]
    assert to_club.reply_to == "max@example.org"
    assert "Probetraining" in to_club.subject
    assert "Kann mein Sohn (8) am Dienstag mittrainieren?" in to_club.body
    assert "Max Muster <max@example.org>" in to_club.body
    assert to_sender.to == ["max@example.org"]
    assert to_sender.subject == "Ihre Nachricht an TV Bruchsal ist angekommen"
    assert "Kann mein Sohn (8) am Dienstag mittrainieren?" in to_sender.body
    assert "vorstand@tv-bruchsal.example" not in to_sender.body
    assert not to_sender.reply_to

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "Danke für Ihre Nachricht" in html
    assert "vorstand@tv-bruchsal.example" not in html


def test_thanks_page_needs_the_sending_session(site_client, club):
    response = site_client("bruchsal").get(contact_path(club) + "?gesendet=1")
    assert response.status_code == 302
    assert response["Location"] == contact_path(club)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Bitte geben Sie Ihren Namen an."),
        ({"email": "max@"}, "Bitte geben Sie eine gültige E-Mail-Adresse an"),
        ({"subject": ""}, "Bitte geben Sie einen Betreff an."),
        ({"message": ""}, "Bitte schreiben Sie eine Nachricht."),
        ({"message": "x" * 5001}, "Die Nachricht darf höchstens 5000 Zeichen lang sein."),
        ({"consent": ""}, "Bitte stimmen Sie der Weitergabe zu"),
    ],
)
def test_errors_are_german_and_the_fields_keep_their_values(site_client, club, changes, message):
    data = {**VALID, **changes}
    response = site_client("bruchsal").post(contact_path(club), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert message in html
    if "name" not in changes:
        assert 'value="Max Muster"' in html
    if "message" not in changes:
        assert "Kann mein Sohn (8) am Dienstag mittrainieren?</textarea>" in html
    assert OutboxMessage.objects.count() == 0


def test_honeypot_rejects_without_mail(site_client, club):
    response = site_client("bruchsal").post(
        contact_path(club), {**VALID, "url_homepage": "http://spam.example"}
    )
    assert response.status_code == 200
    assert "Ihre Nachricht konnte nicht angenommen werden." in response.content.decode()
    assert OutboxMessage.objects.count() == 0


def test_too_many_messages_are_rate_limited(site_client, club, settings):
    settings.VEREINE_FORM_RATE = "2/h"
    client = site_client("bruchsal")
    assert client.post(contact_path(club), VALID).status_code == 302
    assert client.post(contact_path(club), VALID).status_code == 302
    third = client.post(contact_path(club), VALID)
    assert third.status_code == 200
    assert "sehr viele Anfragen" in third.content.decode()
    assert OutboxMessage.objects.count() == 4
