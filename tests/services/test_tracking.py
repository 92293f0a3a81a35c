"""The citizen's private tracking page, the reply to a query and "Link verloren?"."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from services.models import CaseEvent, CaseEventKind, CaseStatus
from tests.services.factories_applications import tracked_case

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_tracking_page_shows_status_and_citizen_messages_only(site_client):
    case, token = tracked_case(status=CaseStatus.IN_PROGRESS)
    CaseEvent.objects.create(case=case, kind=CaseEventKind.SUBMITTED)
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.STATUS,
        old_value=CaseStatus.RECEIVED,
        new_value=CaseStatus.IN_PROGRESS,
        visible_to_citizen=True,
    )
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.MESSAGE,
        text="Wir bearbeiten Ihren Antrag diese Woche.",
        visible_to_citizen=True,
    )
    CaseEvent.objects.create(case=case, kind=CaseEventKind.NOTE, text="Hund ist bekannt, intern")
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.NOTE,
        text="Notiz versehentlich sichtbar",
        visible_to_citizen=True,
    )
    response = site_client("bruchsal").get(f"/vorgang/{token}/")
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    html = soup(response)
    assert html.find("meta", {"name": "robots"})["content"] == "noindex"
    text = html.get_text(" ", strip=True)
    assert case.reference in html.find("h1").get_text()
    assert "Hund anmelden" in text
    assert (
        case.submitted_at.astimezone(timezone.get_current_timezone()).strftime("%d.%m.%Y") in text
    )
    steps = html.select(".case-status li")
    assert [li.select_one(".case-status__label").get_text() for li in steps] == [
        "Eingegangen",
        "In Bearbeitung",
        "Abgeschlossen",
    ]
    assert steps[1]["aria-current"] == "step"
    assert "(erledigt)" in steps[0].get_text()
    history = html.select_one(".case-history").get_text(" ", strip=True)
    assert "Neuer Stand: In Bearbeitung" in history
    assert "Wir bearbeiten Ihren Antrag diese Woche." in history
    assert "intern" not in text
    assert "versehentlich" not in text
    assert html.find("textarea") is None  # no reply without a query
    assert "Erika" not in text  # the answers are not shown


def test_query_is_highlighted_and_can_be_answered(site_client, django_capture_on_commit_callbacks):
    case, token = tracked_case(status=CaseStatus.QUERY)
    CaseEvent.objects.create(
        case=case,
        kind=CaseEventKind.STATUS,
        new_value=CaseStatus.QUERY,
        text="Bitte nennen Sie die Chipnummer des Hundes.",
        visible_to_citizen=True,
    )
    client = site_client("bruchsal")
    response = client.get(f"/vorgang/{token}/")
    # with a form on the page: "no-referrer" would make browsers send "Origin: null",
    # which the CSRF check refuses; "same-origin" keeps the token from other hosts too
    assert response["Referrer-Policy"] == "same-origin"
    html = soup(response)
    facts = html.select_one(".tracking__facts").get_text(" ", strip=True)
    assert "Aktueller Stand Rückfrage an Sie" in facts
    assert "Bitte nennen Sie die Chipnummer" in html.select_one(".case-question").get_text()
    current = html.select_one(".case-status li[aria-current=step]")
    assert "Rückfrage an Sie" in current.get_text()
    assert "is-query" in current["class"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/vorgang/{token}/", {"text": "Die Chipnummer ist 276098106543210."}
        )
    assert response.status_code == 303
    reply = case.events.get(kind=CaseEventKind.REPLY)
    assert reply.text == "Die Chipnummer ist 276098106543210."
    assert reply.visible_to_citizen is True
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hundesteuer@bruchsal.example"]
    assert case.reference in mail.outbox[0].subject
    assert "276098106543210" not in mail.outbox[0].body
    page = soup(client.get(f"/vorgang/{token}/"))
    assert "Ihre Antwort wurde an das Amt gesendet" in page.get_text()
    assert "Die Chipnummer ist 276098106543210." in page.select_one(".case-history").get_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "Bitte schreiben Sie Ihre Antwort."),
        ("x" * 5001, "Bitte höchstens 5000 Zeichen eingeben (jetzt 5001)."),
    ],
)
def test_invalid_reply_is_refused(site_client, text, message):
    case, token = tracked_case(status=CaseStatus.QUERY)
    response = site_client("bruchsal").post(f"/vorgang/{token}/", {"text": text})
    assert response.status_code == 200
    html = soup(response)
    assert message in html.select_one("#id_text_error").get_text()
    assert html.select_one(".error-summary a")["href"] == "#id_text"
    assert not case.events.filter(kind=CaseEventKind.REPLY).exists()


@pytest.mark.parametrize("status", [CaseStatus.RECEIVED, CaseStatus.COMPLETED])
def test_reply_only_while_a_query_is_open(site_client, status):
    case, token = tracked_case(status=status)
    response = site_client("bruchsal").post(f"/vorgang/{token}/", {"text": "Hallo"})
    assert response.status_code == 400
    assert "nur möglich, solange eine Rückfrage offen ist" in response.content.decode()
    assert not case.events.filter(kind=CaseEventKind.REPLY).exists()
    assert mail.outbox == []


def test_unknown_token_and_other_towns_token_are_404(site_client):
    _case, token = tracked_case("bretten")
    for client, path in [
        (site_client("bruchsal"), "/vorgang/gibt-es-nicht/"),
        (site_client("bruchsal"), f"/vorgang/{token}/"),  # Bretten's case on Bruchsal's site
        (site_client("bruchsal"), "/vorgang/" + "x" * 300 + "/"),
    ]:
        response = client.get(path)
        assert response.status_code == 404
        assert "Vorgang nicht gefunden" in response.content.decode()
    assert site_client("bretten").get(f"/vorgang/{token}/").status_code == 200


def test_anonymised_case_shows_only_reference(site_client):
    case, token = tracked_case(status=CaseStatus.COMPLETED, anonymised_at=timezone.now())
    response = site_client("bruchsal").get(f"/vorgang/{token}/")
    assert response.status_code == 200
    text = soup(response).get_text(" ", strip=True)
    assert case.reference in text
    assert "nach Ablauf der Aufbewahrungsfrist gelöscht" in text
    assert "Hund anmelden" not in text


# --- Link verloren? ---------------------------------------------------------------------
def test_lost_link_renews_the_token_and_mails_it(site_client, django_capture_on_commit_callbacks):
    case, old_token = tracked_case()
    client = site_client("bruchsal")
    form = soup(client.get("/vorgang/link/"))
    assert form.find("input", {"name": "reference"}) is not None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/vorgang/link/",
            {"reference": case.reference.lower(), "email": "ERIKA@example.org"},
        )
    assert response.status_code == 200
    assert "Wenn die Vorgangsnummer und die E-Mail-Adresse zu einem Antrag passen" in (
        response.content.decode()
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika@example.org"]
    link = re.search(r"http://bruchsal\.localhost:8000(/vorgang/[\w-]+/)", mail.outbox[0].body)
    assert client.get(link.group(1)).status_code == 200
    assert client.get(f"/vorgang/{old_token}/").status_code == 404


def test_lost_link_answers_the_same_when_nothing_matches(site_client):
    case, token = tracked_case()
    client = site_client("bruchsal")
    matching = client.post(
        "/vorgang/link/", {"reference": case.reference, "email": "erika@example.org"}
    )
    for data in [
        {"reference": case.reference, "email": "someone@example.org"},
        {"reference": "BRU-2020-999999", "email": "erika@example.org"},
    ]:
        response = client.post("/vorgang/link/", data)
        assert response.status_code == 200
        assert soup(response).find("main").get_text() == soup(matching).find("main").get_text()
    other_town = site_client("bretten").post(
        "/vorgang/link/", {"reference": case.reference, "email": "erika@example.org"}
    )
    assert other_town.status_code == 200
    case.refresh_from_db()
    # only the matching request renewed the token (once), the others changed nothing
    assert client.get(f"/vorgang/{token}/").status_code == 404


def test_lost_link_form_errors(site_client):
    response = site_client("bruchsal").post("/vorgang/link/", {"reference": "", "email": "x"})
    assert response.status_code == 200
    links = [a["href"] for a in soup(response).select(".error-summary a")]
    assert links == ["#id_reference", "#id_email"]
