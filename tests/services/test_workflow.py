"""The case workflow: transitions along TRANSITIONS, required messages, history entries,
mails to the citizen, closing and reopening; and the same through the case page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from services import workflow
from services.models import TRANSITIONS, CaseEvent, CaseEventKind, CaseStatus
from services.workflow import WorkflowError
from tests.services.factories_inbox import admin_client, case_in, caseworker, town_editor

pytestmark = pytest.mark.django_db

ALL = [status.value for status in CaseStatus]
VALID = [(old, new) for old in ALL for new in TRANSITIONS[old]]
INVALID = [(old, new) for old in ALL for new in ALL if new not in TRANSITIONS[old]]
NEEDS_TEXT = {CaseStatus.QUERY, CaseStatus.REJECTED}


@pytest.fixture
def staff():
    return caseworker("bruchsal", first_name="Paula", last_name="Prüfer")


@pytest.mark.parametrize(("old", "new"), VALID)
def test_valid_transition(old, new, staff, django_capture_on_commit_callbacks):
    case = case_in(status=old, retention_days=30)
    message = "Bitte reichen Sie den Nachweis nach." if new in NEEDS_TEXT else ""
    with django_capture_on_commit_callbacks(execute=True):
        event = workflow.change_status(case, new, staff, message)
    case.refresh_from_db()
    assert case.status == new
    assert (event.kind, event.old_value, event.new_value, event.actor) == (
        CaseEventKind.STATUS,
        old,
        new,
        staff,
    )
    if new in (CaseStatus.COMPLETED, CaseStatus.REJECTED):
        assert case.closed_at is not None
        assert case.delete_after == case.closed_at + timedelta(days=30)
    else:
        assert case.closed_at is None and case.delete_after is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika@example.org"]
    assert case.reference in mail.outbox[0].subject


@pytest.mark.parametrize(("old", "new"), INVALID)
def test_invalid_transition_is_refused_and_changes_nothing(old, new, staff):
    case = case_in(status=old)
    with pytest.raises(WorkflowError) as error:
        workflow.change_status(case, new, staff, "Text")
    assert "kann nicht von" in str(error.value)
    case.refresh_from_db()
    assert case.status == old
    assert not case.events.exists()


@pytest.mark.parametrize("new", sorted(NEEDS_TEXT))
@pytest.mark.parametrize("message", ["", "   \n "])
def test_query_and_rejection_need_a_message(new, message, staff):
    case = case_in(status=CaseStatus.IN_PROGRESS)
    with pytest.raises(WorkflowError) as error:
        workflow.change_status(case, new, staff, message)
    assert error.value.field == "message"
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert not case.events.exists()


def test_query_mails_the_question_without_personal_data(staff, django_capture_on_commit_callbacks):
    case = case_in(applicant_name="Jürgen Müller", language="de")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(case, CaseStatus.QUERY, staff, "Welche Rasse hat Ihr Hund?")
    message = case.events.get(kind=CaseEventKind.MESSAGE)
    assert message.visible_to_citizen and message.text == "Welche Rasse hat Ihr Hund?"
    assert not case.events.get(kind=CaseEventKind.STATUS).visible_to_citizen
    (sent,) = mail.outbox
    assert sent.subject == f"Ihr Antrag {case.reference}: Rückfrage an Antragsteller"
    assert "Welche Rasse hat Ihr Hund?" in sent.body
    assert "Öffnen Sie den Link aus Ihrer Eingangsbestätigung" in sent.body
    assert "http://bruchsal.localhost:8000/vorgang/link/" in sent.body
    for personal in ("Müller", "Jürgen", "Mustermann", "Erika", "Hund anmelden"):
        assert personal not in sent.body


def test_closing_mail_says_the_application_is_completed(staff, django_capture_on_commit_callbacks):
    case = case_in(status=CaseStatus.IN_PROGRESS)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.change_status(case, CaseStatus.COMPLETED, staff)
    assert f"Ihr Antrag mit der Vorgangsnummer {case.reference} ist abgeschlossen" in (
        mail.outbox[0].body
    )


def test_mail_in_the_citizens_language(staff, django_capture_on_commit_callbacks):
    case = case_in(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.send_message(case, "Please send a copy.", staff)
    assert "http://bruchsal.localhost:8000/en/vorgang/link/" in mail.outbox[0].body


def test_reopening_clears_the_closing_dates(staff):
    case = case_in(status=CaseStatus.IN_PROGRESS)
    workflow.change_status(case, CaseStatus.REJECTED, staff, "Die Frist ist abgelaufen.")
    assert case.closed_at and case.delete_after
    workflow.change_status(case, CaseStatus.IN_PROGRESS, staff)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.closed_at is None and case.delete_after is None
    kinds = list(case.events.values_list("kind", "old_value", "new_value"))
    assert kinds == [
        ("status", "in_bearbeitung", "abgelehnt"),
        ("message", "", ""),
        ("status", "abgelehnt", "in_bearbeitung"),
    ]


def test_note_is_internal_and_mails_nobody(staff, django_capture_on_commit_callbacks):
    case = case_in()
    with django_capture_on_commit_callbacks(execute=True):
        event = workflow.add_note(case, "Rückruf am Montag.", staff)
    assert (event.kind, event.visible_to_citizen, event.actor) == ("note", False, staff)
    assert mail.outbox == []


def test_message_is_visible_and_mailed(staff, django_capture_on_commit_callbacks):
    case = case_in()
    with django_capture_on_commit_callbacks(execute=True):
        event = workflow.send_message(case, "Ihr Antrag ist vollständig.", staff)
    assert (event.kind, event.visible_to_citizen) == ("message", True)
    assert mail.outbox[0].subject == f"Ihr Antrag {case.reference}: neue Nachricht"
    assert "Ihr Antrag ist vollständig." in mail.outbox[0].body


def test_message_without_email_is_recorded_but_not_mailed(
    staff, django_capture_on_commit_callbacks
):
    case = case_in(applicant_email="")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.send_message(case, "Hallo", staff)
    assert case.events.filter(kind="message").exists()
    assert mail.outbox == []


def test_empty_note_and_message_are_refused(staff):
    case = case_in()
    for change in (workflow.add_note, workflow.send_message):
        with pytest.raises(WorkflowError):
            change(case, "  ", staff)
    with pytest.raises(WorkflowError):
        workflow.add_note(case, "x" * 5001, staff)
    assert not case.events.exists()


def test_assign_to_colleague_of_the_same_town_only(staff):
    case = case_in()
    colleague = caseworker("bruchsal", first_name="Karl", last_name="Kollege")
    event = workflow.assign(case, colleague, staff)
    assert case.assignee == colleague
    assert (event.old_value, event.new_value, event.actor) == ("", "Karl Kollege", staff)
    for stranger in (caseworker("rastatt"), town_editor("bruchsal")):
        with pytest.raises(WorkflowError):
            workflow.assign(case, stranger, staff)
    case.refresh_from_db()
    assert case.assignee == colleague
    event = workflow.assign(case, None, staff)
    assert case.assignee is None and event.old_value == "Karl Kollege"
    assert case.events.filter(kind="assigned").count() == 2


def test_anonymised_case_cannot_be_changed(staff):
    case = case_in(status=CaseStatus.COMPLETED, anonymised_at=timezone.now())
    for change in (
        lambda: workflow.change_status(case, CaseStatus.IN_PROGRESS, staff),
        lambda: workflow.add_note(case, "Noch etwas", staff),
        lambda: workflow.assign(case, staff, staff),
    ):
        with pytest.raises(WorkflowError):
            change()
    assert not case.events.exists()


# --- through the case page ------------------------------------------------------------


def page(client, case) -> BeautifulSoup:
    return BeautifulSoup(client.get(f"/admin/vorgaenge/{case.pk}/").content, "html.parser")


def test_take_case_and_change_status_on_the_page(staff, django_capture_on_commit_callbacks):
    case = case_in()
    client = admin_client(staff)
    response = client.post(f"/admin/vorgaenge/{case.pk}/zuweisen/", {"assign-assignee": staff.pk})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/vorgaenge/{case.pk}/status/",
            {"status-status": "in_bearbeitung", "status-message": ""},
            follow=True,
        )
    html = response.content.decode()
    assert "Neuer Status: In Bearbeitung." in html
    case.refresh_from_db()
    assert case.assignee == staff and case.status == "in_bearbeitung"
    assert "Paula Prüfer" in html


def test_query_without_message_on_the_page_shows_the_error_and_keeps_nothing(staff):
    case = case_in(status=CaseStatus.IN_PROGRESS)
    response = admin_client(staff).post(
        f"/admin/vorgaenge/{case.pk}/status/", {"status-status": "rueckfrage", "status-message": ""}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.find(id="id_status-message").find_parent(attrs={"data-field-wrapper": True})
    assert "Für eine Rückfrage schreiben Sie bitte eine Nachricht" in error.get_text()
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS and not case.events.exists()


def test_invalid_transition_on_the_page_is_refused_in_german(staff):
    case = case_in(status=CaseStatus.RECEIVED)
    response = admin_client(staff).post(
        f"/admin/vorgaenge/{case.pk}/status/", {"status-status": "eingegangen"}
    )
    assert response.status_code == 200
    assert "Dieser Statuswechsel ist für den Vorgang nicht möglich." in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.RECEIVED and not case.events.exists()


def test_too_long_message_keeps_the_text(staff):
    case = case_in()
    text = "Bitte " + "x" * 5000
    response = admin_client(staff).post(
        f"/admin/vorgaenge/{case.pk}/nachricht/", {"message-text": text}
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    # browsers drop the newline right after <textarea>
    assert soup.find(id="id_message-text").get_text().removeprefix("\n") == text
    assert "Der Text ist zu lang" in response.content.decode()
    assert not case.events.exists()


def test_assign_to_other_towns_staff_is_refused_on_the_page(staff):
    case = case_in()
    stranger = caseworker("rastatt")
    response = admin_client(staff).post(
        f"/admin/vorgaenge/{case.pk}/zuweisen/", {"assign-assignee": stranger.pk}
    )
    assert response.status_code == 200
    assert "Bitte wählen Sie eine Person aus" in response.content.decode()
    case.refresh_from_db()
    assert case.assignee is None


def test_colleague_choice_lists_only_staff_of_the_town(staff):
    case = case_in()
    colleague = caseworker("bruchsal", first_name="Karl", last_name="Kollege")
    caseworker("rastatt", first_name="Fritz", last_name="Fremd")
    soup = page(admin_client(staff), case)
    options = [o.get_text() for o in soup.select("#id_assign-assignee option")]
    assert "Karl Kollege" in options and "Paula Prüfer" in options
    assert "Fritz Fremd" not in options
    assert colleague.pk


def test_history_on_the_page_marks_internal_and_sent(staff):
    case = case_in()
    workflow.add_note(case, "Nur intern: Akte liegt im Keller.", staff)
    workflow.send_message(case, "Wir haben Ihre Unterlagen erhalten.", staff)
    CaseEvent.objects.create(
        case=case, kind=CaseEventKind.REPLY, text="Danke!", visible_to_citizen=True
    )
    items = page(admin_client(staff), case).select(".case-history > li")
    texts = [" ".join(item.get_text().split()) for item in items]
    assert texts[0].startswith(
        "Antwort der antragstellenden Person von der antragstellenden Person"
    )
    assert "Danke!" in texts[0]
    assert "an die antragstellende Person gesendet" in texts[1]
    assert "Paula Prüfer" in texts[1]
    assert "intern – nur für Mitarbeitende" in texts[2]
    assert "Akte liegt im Keller" in texts[2]
