"""The admin view "Auskunft und Löschung personenbezogener Daten" (Art. 15/17 GDPR):
only superusers and data protection staff open it; they see per kind of data how much
is stored about an address, download it as JSON and erase it after a confirmation –
with the same registry and summary as ``redi personal_data``."""

from __future__ import annotations

import json
import logging
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from portal.core.models import OutboxMessage
from services.models import Case, CaseStatus
from tests.portal.factories import UserFactory
from tests.portal.test_retention_all_kinds import closed_case, sent_mail, signup_ended
from tests.services.factories_inbox import case_in, town_editor
from tests.utils import login
from tests.vereinsportal.factories import club_page
from tests.vereinsportal.factories_volunteering import interest, opportunity
from vereinsportal.models import Signup, VolunteerInterest

pytestmark = pytest.mark.django_db

INDEX = "/admin/personenbezogene-daten/"
DOWNLOAD = "/admin/personenbezogene-daten/herunterladen/"
ERASE = "/admin/personenbezogene-daten/loeschen/"
PASSWORD = "geheim-123"
EMAIL = "Erika@Example.org"  # as typed by staff
OTHER = "max@example.org"


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost:8000")
    assert login(client, user.username, PASSWORD)
    return client


def page(response) -> str:
    """The page's text with runs of white space made one blank."""
    return re.sub(r"\s+", " ", response.content.decode())


def row(label: str, count: int) -> str:
    return f'<td class="title">{label}</td> <td>{count}</td>'


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def erika():
    """Erika's data in several apps, Max's beside it."""
    item = opportunity(club_page("bruchsal"), "Kassenprüfung")
    return {
        "closed_case": closed_case(5),
        "open_case": case_in(applicant_email="erika@example.org", status=CaseStatus.RECEIVED),
        "interest": interest(item, email="erika@example.org", name="Erika Muster"),
        "past_signup": signup_ended(2),
        "mail": sent_mail(1),
        # Max
        "other_case": closed_case(5, applicant_email=OTHER, applicant_name="Max"),
        "other_interest": interest(item, email=OTHER, name="Max"),
    }


def unchanged(erika) -> bool:
    closed = Case.objects.get(pk=erika["closed_case"].pk)
    return (
        closed.applicant_email == "erika@example.org"
        and VolunteerInterest.objects.filter(pk=erika["interest"].pk).exists()
        and Signup.objects.filter(pk=erika["past_signup"].pk).exists()
        and OutboxMessage.objects.filter(pk=erika["mail"].pk).exists()
    )


def test_an_editor_without_the_right_is_refused(erika):
    editor = town_editor("bruchsal")
    editor.set_password(PASSWORD)
    editor.save()
    client = signed_in(editor)

    for response in (
        client.get(INDEX),
        client.post(INDEX, {"email": EMAIL}),
        client.post(DOWNLOAD, {"email": EMAIL}),
        client.get(ERASE, {"email": EMAIL}),
        client.post(ERASE, {"email": EMAIL, "confirm": "yes"}),
    ):
        # Wagtail's answer to PermissionDenied: back to the dashboard with a message
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert unchanged(erika)
    # and the settings menu does not offer it
    assert "Auskunft und Löschung" not in page(client.get("/admin/"))


def test_anonymous_visitors_are_sent_to_the_sign_in():
    response = Client(HTTP_HOST="localhost:8000").get(INDEX)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_sees_how_much_is_stored_per_kind(admin, erika):
    client = signed_in(admin)
    assert "Auskunft und Löschung personenbezogener Daten" in page(client.get(INDEX))

    response = client.post(INDEX, {"email": EMAIL})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = page(response)
    assert "Gespeichert zu Erika@Example.org" in text
    assert row("Online-Anträge (Vorgänge)", 2) in text
    assert row("Nachrichten an Vereine (Ehrenamt)", 1) in text
    assert row("Anmeldungen zu Veranstaltungen", 1) in text
    assert row("Einladungen in Vereinszugänge", 0) in text  # every kind, also the empty
    assert "Als JSON herunterladen" in text


def test_data_protection_staff_with_the_permission_may_use_it(erika):
    officer = UserFactory()
    officer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="handle_personal_data_requests"),
    )
    client = signed_in(officer)

    assert row("Online-Anträge (Vorgänge)", 2) in page(client.post(INDEX, {"email": EMAIL}))
    # the settings menu offers it to them (the sidebar is JSON inside the page)
    assert "/admin/personenbezogene-daten/" in client.get("/admin/").content.decode()


def test_nothing_stored_says_so(admin):
    text = page(signed_in(admin).post(INDEX, {"email": "niemand@example.org"}))
    assert "Zu dieser E-Mail-Adresse ist nichts gespeichert." in text
    assert "Als JSON herunterladen" not in text


def test_download_is_the_export_as_a_json_attachment(admin, erika):
    response = signed_in(admin).post(DOWNLOAD, {"email": EMAIL})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="auskunft-')
    assert "no-store" in response["Cache-Control"]
    found = json.loads(response.content)
    assert found["email"] == EMAIL
    data = found["data"]
    assert {case["reference"] for case in data["services.cases"]["items"]} == {
        erika["closed_case"].reference,
        erika["open_case"].reference,
    }
    assert data["vereinsportal.volunteer_interests"]["items"][0]["name"] == "Erika Muster"
    assert data["services.cases"]["label"] == "Online-Anträge (Vorgänge)"
    assert OTHER not in response.content.decode()


def test_download_is_not_a_link(admin, erika):
    """The address travels in a POST body, never in a URL (access logs, history)."""
    response = signed_in(admin).get(DOWNLOAD, {"email": EMAIL})
    assert response.status_code == 302 and response["Location"] == INDEX


def test_the_confirmation_lists_what_goes_and_erases_nothing(admin, erika):
    client = signed_in(admin)

    for response in (client.get(ERASE, {"email": EMAIL}), client.post(ERASE, {"email": EMAIL})):
        assert response.status_code == 200
        text = page(response)
        assert "Diese Daten zu Erika@Example.org werden gelöscht" in text
        assert "Online-Anträge (Vorgänge): 2 Einträge" in text
        assert "Nachrichten an Vereine (Ehrenamt): 1 Eintrag" in text
        assert "Ja, endgültig löschen" in text
    assert unchanged(erika)


def test_confirmed_erasure_erases_in_the_database_and_reports(
    admin, erika, caplog, django_capture_on_commit_callbacks
):
    client = signed_in(admin)

    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        response = client.post(ERASE, {"email": EMAIL, "confirm": "yes"}, follow=True)

    assert response.request["PATH_INFO"] == INDEX
    closed = Case.objects.get(pk=erika["closed_case"].pk)
    assert (closed.applicant_email, closed.applicant_name, closed.data) == ("", "", [])
    assert not VolunteerInterest.objects.filter(pk=erika["interest"].pk).exists()
    assert not Signup.objects.filter(pk=erika["past_signup"].pk).exists()
    assert not OutboxMessage.objects.filter(pk=erika["mail"].pk).exists()
    # a case still in progress stays, and the summary says why
    assert Case.objects.get(pk=erika["open_case"].pk).applicant_email == "erika@example.org"
    text = page(response)
    assert re.search(r"Zusammen: \d+ gelöscht oder anonymisiert\.", text)
    assert "Online-Anträge (Vorgänge) (services.cases): 1 gelöscht/anonymisiert, 1 behalten" in text
    assert "noch in Bearbeitung" in text
    # Max's data is untouched
    assert Case.objects.get(pk=erika["other_case"].pk).applicant_email == OTHER
    assert VolunteerInterest.objects.filter(pk=erika["other_interest"].pk).exists()
    # the log says that and by whom, not about whom
    lines = [r.getMessage() for r in caplog.records if r.name == "portal.core.personal_data"]
    assert lines == [lines[0]] and f"(admin user {admin.pk})" in lines[0]
    assert "erika" not in caplog.text.lower()


def test_an_invalid_address_gets_a_german_message_and_changes_nothing(admin, erika):
    client = signed_in(admin)
    message = "Das ist keine gültige E-Mail-Adresse."

    assert message in page(client.post(INDEX, {"email": "erika(at)example.org"}))
    assert "Bitte geben Sie die E-Mail-Adresse der Person ein." in page(
        client.post(INDEX, {"email": ""})
    )
    erase = client.post(ERASE, {"email": "erika@example", "confirm": "yes"})
    assert erase.status_code == 200 and message in page(erase)
    download = client.post(DOWNLOAD, {"email": "erika"})
    assert download.status_code == 302
    assert unchanged(erika)
