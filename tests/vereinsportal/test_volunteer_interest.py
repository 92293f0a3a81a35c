"""An opportunity's page and the interest form: what it shows, who may see it (404 for
other towns, hidden offers, unpublished clubs), the stored message, the two mails
(the club's address never goes to the citizen), spam protection and German errors."""

from __future__ import annotations

import pytest

from portal.core.models import OutboxMessage
from tests.vereinsportal.factories import club_page, volunteer_board
from tests.vereinsportal.factories_volunteering import board_url, opportunity
from vereinsportal.models import VolunteerInterest

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Jana Beispiel",
    "email": "jana@buerger.example",
    "phone": "07251 12345",
    "message": "Ich habe dienstags und donnerstags Zeit.",
    "consent": "on",
}


@pytest.fixture
def offer():
    board = volunteer_board("bruchsal")
    club = club_page("bruchsal", "TV Bruchsal", contact_email="vorstand@tv-bruchsal.example")
    item = opportunity(
        club,
        "Trainer/in für die E-Jugend",
        categories=["Sport"],
        target_groups=["Jugendliche"],
        skills="Freude am Fußball",
        place="Sportpark Bruchsal",
        hours_per_month=8,
    )
    return board, club, item


def test_detail_shows_all_fields_the_club_and_the_form(site_client, offer, settings):
    settings.VEREINE_INTEREST_KEEP_DAYS = 60
    board, club, item = offer
    response = site_client("bruchsal").get(board_url(board, item.pk))
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Trainer/in für die E-Jugend</h1>" in text
    for expected in (
        "Freude am Fußball",
        "Sportpark Bruchsal",
        "etwa 8 Stunden im Monat",
        "wöchentlich",
        "Jugendliche",
        item.description,
    ):
        assert expected in text
    assert f'<dd><a href="/vereine/{club.slug}/">TV Bruchsal</a></dd>' in text
    assert 'name="email"' in text and 'name="consent"' in text and 'name="url_homepage"' in text
    assert "sie werden nach 60 Tagen gelöscht" in text
    assert "vorstand@tv-bruchsal.example" not in text  # the address stays hidden


def test_interest_is_stored_mailed_to_the_club_and_confirmed(
    site_client, offer, django_capture_on_commit_callbacks
):
    board, club, item = offer
    client = site_client("bruchsal")
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(board_url(board, item.pk), VALID)

    assert response.status_code == 302
    assert response["Location"].endswith(f"/{item.pk}/?gesendet=1")
    stored = VolunteerInterest.objects.get(opportunity=item)
    assert (stored.name, stored.email, stored.phone) == (
        "Jana Beispiel",
        "jana@buerger.example",
        "07251 12345",
    )
    to_club = OutboxMessage.objects.get(to=["vorstand@tv-bruchsal.example"])
    assert to_club.reply_to == "jana@buerger.example"
    assert "Trainer/in für die E-Jugend" in to_club.subject
    assert "jana@buerger.example" in to_club.body and "07251 12345" in to_club.body
    assert "dienstags und donnerstags" in to_club.body
    to_citizen = OutboxMessage.objects.get(to=["jana@buerger.example"])
    assert "TV Bruchsal" in to_citizen.body
    assert "vorstand@tv-bruchsal.example" not in to_citizen.body
    assert to_citizen.reply_to in ("", None)

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Vielen Dank für Ihr Interesse!" in thanks.content.decode()


def test_thanks_page_is_not_shown_without_sending(site_client, offer):
    board, _club, item = offer
    response = site_client("bruchsal").get(board_url(board, item.pk) + "?gesendet=1")
    assert response.status_code == 302
    assert response["Location"] == board_url(board, item.pk)


def test_missing_and_wrong_input_gets_german_messages_and_stores_nothing(site_client, offer):
    board, _club, item = offer
    response = site_client("bruchsal").post(
        board_url(board, item.pk), {"name": "", "email": "keine-adresse", "message": "  "}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in text
    assert "Bitte geben Sie Ihren Namen an." in text
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in text
    assert "Bitte schreiben Sie dem Verein eine kurze Nachricht." in text
    assert "Bitte stimmen Sie zu" in text
    assert 'value="keine-adresse"' in text  # what was typed is kept
    assert not VolunteerInterest.objects.exists()
    assert not OutboxMessage.objects.filter(to=["vorstand@tv-bruchsal.example"]).exists()


def test_honeypot_stores_nothing(site_client, offer):
    board, _club, item = offer
    response = site_client("bruchsal").post(
        board_url(board, item.pk), {**VALID, "url_homepage": "http://spam.example"}
    )
    assert response.status_code == 200
    assert "Ihre Nachricht konnte nicht angenommen werden." in response.content.decode()
    assert not VolunteerInterest.objects.exists()


def test_rate_limit_per_address(site_client, offer, settings):
    settings.VEREINE_FORM_RATE = "2/h"
    board, _club, item = offer
    client = site_client("bruchsal")
    for _ in range(2):
        assert client.post(board_url(board, item.pk), VALID).status_code == 302
    response = client.post(board_url(board, item.pk), VALID)
    assert "sehr viele Anfragen" in response.content.decode()
    assert VolunteerInterest.objects.count() == 2


def test_other_town_hidden_offer_unpublished_club_and_unknown_id_are_404(site_client, offer):
    board, club, item = offer
    other_town = opportunity(club_page("bretten", "SV Bretten"), "Platzwart")
    hidden = opportunity(club, "Kassenwart", active=False)
    draft_club = opportunity(club_page("bruchsal", "Entwurf", live=False), "Geheim")
    client = site_client("bruchsal")
    for pk in (other_town.pk, hidden.pk, draft_club.pk, 999999, 10**30):
        assert client.get(board_url(board, pk)).status_code == 404, pk
        assert client.post(board_url(board, pk), VALID).status_code == 404, pk
    assert not VolunteerInterest.objects.exists()


def test_regional_board_shows_any_towns_offer_with_the_town(site_client, offer):
    _board, _club, item = offer
    region = volunteer_board("region")
    response = site_client("region").get(board_url(region, item.pk))
    assert response.status_code == 200
    assert "(Bruchsal)" in response.content.decode()
