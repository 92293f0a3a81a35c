"""The case page: facts, answers, files (downloaded safely and recorded), and an
anonymised case that can no longer be worked on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from services.models import CaseEventKind, CaseStatus
from tests.services.factories_inbox import add_file, admin_client, case_in, caseworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return caseworker("bruchsal", first_name="Paula", last_name="Prüfer")


def facts(html: bytes) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    terms = soup.select(".case-facts dt")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in terms
    }


def test_page_shows_facts_answers_and_files(staff):
    case = case_in(
        language="en",
        assignee=staff,
        status=CaseStatus.QUERY,
        data=[
            {"key": "name", "label": "Name", "type": "text", "value": "Ada", "display": "Ada"},
            {"key": "x", "label": "Rassen", "type": "multiple_choice", "value": ["a", "b"]},
            "kaputt",
        ],
    )
    case_file = add_file(case, name="Impfpass Bello.pdf")
    response = admin_client(staff).get(f"/admin/vorgaenge/{case.pk}/")
    assert response.status_code == 200
    shown = facts(response.content)
    assert shown["Status"] == "Status: Rückfrage an Antragsteller"
    assert shown["Vorgangsnummer"] == case.reference
    assert shown["Stadt"] == "Bruchsal"
    assert shown["Bearbeitet von"] == "Paula Prüfer"
    assert shown["Sprache"] == "English"
    soup = BeautifulSoup(response.content, "html.parser")
    answers = [dd.get_text(strip=True) for dd in soup.select(".case-answers dd")]
    assert answers == ["Ada", "a, b"]
    link = soup.find("a", string="Impfpass Bello.pdf")
    assert link["href"] == f"/admin/vorgaenge/{case.pk}/dateien/{case_file.pk}/"


def test_download_is_an_attachment_with_the_stored_type_and_recorded(staff):
    case = case_in()
    case_file = add_file(case, content=b"\x89PNG\r\n\x1a\nrest", name="Foto Müller.png")
    case_file.content_type = "image/png"
    case_file.save()
    response = admin_client(staff).get(f"/admin/vorgaenge/{case.pk}/dateien/{case_file.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''Foto%20M%C3%BCller.png" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n\x1a\nrest"
    event = case.events.get(kind=CaseEventKind.DOWNLOADED)
    assert (event.actor, event.new_value) == (staff, "Foto Müller.png")


def test_file_missing_in_storage_is_a_404_without_event(staff):
    case = case_in()
    case_file = add_file(case)
    case_file.file.storage.delete(case_file.file.name)
    response = admin_client(staff).get(f"/admin/vorgaenge/{case.pk}/dateien/{case_file.pk}/")
    assert response.status_code == 404
    assert not case.events.exists()


def test_anonymised_case_shows_no_actions_and_refuses_changes(staff):
    case = case_in(
        status=CaseStatus.COMPLETED, anonymised_at=timezone.now(), data=[], applicant_name=""
    )
    client = admin_client(staff)
    html = client.get(f"/admin/vorgaenge/{case.pk}/").content.decode()
    assert "Dieser Vorgang wurde anonymisiert" in html
    assert "Die Angaben wurden nach Ablauf der Aufbewahrungsfrist gelöscht." in html
    assert 'action="/admin/vorgaenge/' not in html
    response = client.post(f"/admin/vorgaenge/{case.pk}/notiz/", {"note-text": "Noch was"})
    assert response.status_code == 200
    assert "kann nicht mehr geändert werden" in response.content.decode()
    assert not case.events.exists()


def test_closed_case_shows_when_its_data_goes(staff):
    closed = timezone.now()
    case = case_in(
        status=CaseStatus.REJECTED,
        closed_at=closed,
        delete_after=closed + timedelta(days=30),
        retention_action="delete",
    )
    shown = facts(admin_client(staff).get(f"/admin/vorgaenge/{case.pk}/").content)
    assert shown["Wird gelöscht nach"] == timezone.localtime(case.delete_after).strftime("%d.%m.%Y")
    assert shown["Status"] == "Status: Abgelehnt"
