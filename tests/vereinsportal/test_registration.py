"""The public registration of a new club: <town>/vereine/registrieren/."""

from __future__ import annotations

import pytest

from tests.vereinsportal.factories import category, club_index, club_page, site_of
from tests.vereinsportal.factories_registration import (
    mails_to,
    moderator,
    ready_town,
    registration,
    town_settings,
)
from vereinsportal import roles
from vereinsportal.models import ClubRegistration, RegistrationStatus

pytestmark = pytest.mark.django_db


def form_url(index) -> str:
    return index.url + "registrieren/"


def valid_data(**overrides) -> dict:
    data = {
        "club_name": "Boulefreunde Bruchsal",
        "short_description": "Wir spielen Boule am Schlossplatz, jeden Samstag.",
        "categories": [str(category("Sport").pk), str(category("Senioren").pk)],
        "register_court": "Amtsgericht Mannheim",
        "register_number": "vr123456",
        "contact_name": "Erika Mustermann",
        "contact_email": "erika@boule.example",
        "contact_phone": "07251 12345",
        "role_in_club": "1. Vorsitzende",
        "message": "Wir freuen uns!",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_form_shows_fields_with_labels(site_client):
    index = ready_town("bruchsal")
    response = site_client("bruchsal").get(form_url(index))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Neuen Verein anmelden</h1>" in html
    for label in (
        "Name des Vereins",
        "Vereinsregisternummer",
        "Ihre E-Mail-Adresse",
        "Datenschutzhinweis",
    ):
        assert label in html
    assert 'name="url_homepage"' in html  # honeypot
    assert 'name="town"' not in html  # a town's own site does not ask for the town


def test_valid_registration_is_stored_and_mailed(site_client):
    index = ready_town("bruchsal")
    staff = moderator("bruchsal", email="moderation@bruchsal.example")
    client = site_client("bruchsal")

    response = client.post(form_url(index), valid_data())

    assert response.status_code == 302
    assert response["Location"].endswith("registrieren/?gesendet=1")
    stored = ClubRegistration.objects.get(club_name="Boulefreunde Bruchsal")
    assert stored.status == RegistrationStatus.PENDING
    assert stored.site == site_of("bruchsal")
    assert stored.index_page_id == index.pk
    assert stored.register_number == "VR 123456"  # normalised
    assert {c.name for c in stored.categories.all()} == {"Sport", "Senioren"}
    [to_citizen] = mails_to("erika@boule.example")
    assert "Boulefreunde Bruchsal" in to_citizen.subject
    assert "Die Stadt prüft Ihre Angaben" in to_citizen.body
    [to_staff] = mails_to(staff.email)
    assert to_staff.subject == "Neue Vereinsanmeldung: Boulefreunde Bruchsal"
    assert f"/admin/vereine/anmeldungen/{stored.pk}/" in to_staff.body
    assert to_staff.reply_to == "erika@boule.example"

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Vielen Dank für Ihre Anmeldung!" in thanks.content.decode()
    assert "erika@boule.example" in thanks.content.decode()


def test_without_moderators_the_town_address_is_notified(site_client):
    index = ready_town("bretten")
    roles.moderators_group(town_settings("bretten")).user_set.clear()
    response = site_client("bretten").post(
        form_url(index), valid_data(club_name="Schachclub Bretten")
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert len(mails_to("rathaus@bretten.example")) == 1


def test_thanks_page_needs_the_session(site_client):
    index = ready_town("bruchsal")
    response = site_client("bruchsal").get(form_url(index) + "?gesendet=1")
    assert response.status_code == 302
    assert response["Location"].endswith("/registrieren/")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("register_number", "123456", "Bitte die Registernummer in der Form „VR 123456“ angeben."),
        ("register_number", "VR 12a", "Bitte die Registernummer in der Form „VR 123456“ angeben."),
        ("register_court", "", "Bitte geben Sie auch das Registergericht an"),
        ("consent", "", "Bitte bestätigen Sie, dass Sie den Datenschutzhinweis gelesen haben."),
        ("categories", [], "Bitte wählen Sie mindestens einen Bereich aus."),
        ("contact_email", "erika@", "Bitte geben Sie eine gültige E-Mail-Adresse an."),
        ("club_name", "  ", "Bitte geben Sie den Namen des Vereins an."),
    ],
)
def test_bad_input_gets_german_message_and_nothing_stored(site_client, field, value, message):
    index = ready_town("bruchsal")
    data = valid_data(**{field: value})
    if value == "":
        data.pop(field)
    response = site_client("bruchsal").post(form_url(index), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert message in html
    assert 'value="Erika Mustermann"' in html  # what was entered is kept
    assert not ClubRegistration.objects.filter(contact_email="erika@boule.example").exists()
    assert mails_to("erika@boule.example") == []


def test_live_club_of_the_same_name_is_a_duplicate(site_client):
    index = ready_town("bruchsal")
    club_page("bruchsal", "Boulefreunde Bruchsal")
    response = site_client("bruchsal").post(
        form_url(index), valid_data(club_name="boulefreunde  BRUCHSAL")
    )
    assert "Ein Verein mit diesem Namen ist bereits eingetragen." in response.content.decode()
    assert not ClubRegistration.objects.filter(contact_email="erika@boule.example").exists()


def test_pending_registration_of_the_same_name_is_a_duplicate(site_client):
    index = ready_town("bruchsal")
    registration("bruchsal", "Boulefreunde Bruchsal")
    response = site_client("bruchsal").post(form_url(index), valid_data())
    assert "Ein Verein mit diesem Namen ist bereits angemeldet" in response.content.decode()
    assert ClubRegistration.objects.filter(club_name="Boulefreunde Bruchsal").count() == 1


def test_same_name_in_another_town_is_fine(site_client):
    club_page("ettlingen", "Boulefreunde Bruchsal")
    index = ready_town("bruchsal")
    response = site_client("bruchsal").post(form_url(index), valid_data())
    assert response.status_code == 302


def test_honeypot_rejects_and_stores_nothing(site_client):
    index = ready_town("bruchsal")
    response = site_client("bruchsal").post(
        form_url(index), valid_data(url_homepage="http://spam.example")
    )
    assert response.status_code == 200
    assert "Ihre Nachricht konnte nicht angenommen werden." in response.content.decode()
    assert not ClubRegistration.objects.filter(contact_email="erika@boule.example").exists()


def test_regional_site_asks_for_the_town(site_client):
    ready_town("bruchsal")
    ready_town("ettlingen")
    index = club_index("region")
    client = site_client("region")
    html = client.get(form_url(index)).content.decode()
    assert 'name="town"' in html
    assert '<option value="ettlingen">Ettlingen</option>' in html

    missing = client.post(form_url(index), valid_data())
    assert "Bitte wählen Sie die Stadt aus." in missing.content.decode()
    assert not ClubRegistration.objects.filter(contact_email="erika@boule.example").exists()

    response = client.post(form_url(index), valid_data(town="ettlingen"))
    assert response.status_code == 302
    stored = ClubRegistration.objects.get(contact_email="erika@boule.example")
    assert stored.site == site_of("ettlingen")
    assert stored.index_page_id == club_index("ettlingen").pk
