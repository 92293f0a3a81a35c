"""The citizen's way through an online application: steps, review, submission,
confirmation – and what ends up stored."""

from __future__ import annotations

import re
from datetime import datetime
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from services.applications import drafts, submission
from services.applications.specs import form_steps
from services.models import ApplicationDraft, Case, CaseEventKind, CaseSequence, DraftFile
from tests.services.factories import ServicePageFactory, service_index, town
from tests.services.factories_applications import (
    PERSON,
    application_page,
    base,
    complete_form,
    draft_of,
    fill_first_step,
    fill_second_step,
    step_url,
    url,
)

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def submit(client, page, callbacks):
    with callbacks(execute=True):
        return client.post(url(page, "pruefen/"), {})


def test_page_without_form_has_no_application(site_client):
    page = ServicePageFactory(parent=service_index("bruchsal"))
    client = site_client("bruchsal")
    assert client.get(url(page)).status_code == 404
    assert client.get(step_url(page, 1)).status_code == 404
    assert client.get(url(page, "pruefen/")).status_code == 404


def test_first_step_shows_progress_retention_and_privacy_link(site_client):
    page = application_page(retention_days=180)
    client = site_client("bruchsal")
    start = client.get(url(page))
    assert start.status_code == 302
    assert start["Location"] == step_url(page, 1)
    response = client.get(step_url(page, 1))
    assert response.status_code == 200
    assert response["Cache-Control"].count("no-store") == 1
    assert "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"  # a POST form: see views.private()
    html = soup(response)
    progress = html.select_one(".application-progress")
    assert "Schritt 1 von 3" in progress.get_text()
    steps = progress.select("ol > li")
    assert [li.get_text(" ", strip=True).split(" (")[0] for li in steps] == [
        "Ihre Angaben",
        "Ihr Hund",
        "Angaben prüfen",
    ]
    assert steps[0]["aria-current"] == "step"
    privacy = html.select_one(".application__privacy")
    assert "6 Monate" in privacy.get_text()
    privacy_page = town("bruchsal").privacy_page
    assert privacy.find("a")["href"] == privacy_page.get_url(None, current_site=page.get_site())
    assert html.find("label", string="Bitte leer lassen") is not None
    assert html.find("input", {"name": "form_started"}) is not None


def test_later_steps_cannot_be_skipped(site_client):
    page = application_page()
    client = site_client("bruchsal")
    assert client.get(step_url(page, 2))["Location"] == step_url(page, 1)
    assert client.get(url(page, "pruefen/"))["Location"] == url(page)
    assert client.get(step_url(page, 3)).status_code == 404


def test_invalid_step_shows_errors_with_summary_and_keeps_values(site_client):
    page = application_page()
    client = site_client("bruchsal")
    response = fill_first_step(client, page, vorname="", email="erika@", anschrift_1="7664")
    assert response.status_code == 200
    html = soup(response)
    assert html.title.get_text().startswith("Fehler:")
    summary = html.select_one(".error-summary[role=alert]")
    links = [(a["href"], a.get_text()) for a in summary.select("a")]
    assert links == [
        ("#id_vorname", "Vorname: Bitte geben Sie „Vorname“ an."),
        (
            "#id_email",
            "E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de.",
        ),
        ("#id_anschrift_0", "Anschrift: Bitte eine fünfstellige Postleitzahl angeben."),
    ]
    email = html.find("input", {"name": "email"})
    assert email["value"] == "erika@"
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"]
    assert html.find(id="id_email_error").get_text(strip=True).endswith("name@beispiel.de.")
    assert html.find("input", {"name": "nachname"})["value"] == "Müller"
    draft = draft_of(client, page)
    assert draft.completed_steps == []


def test_back_and_forward_keep_the_answers(site_client):
    page = application_page()
    client = site_client("bruchsal")
    assert fill_first_step(client, page)["Location"] == step_url(page, 2)
    # on step 2 the citizen types something, then goes back
    back = fill_second_step(client, page, files=[], hundename="Rex", action="back")
    assert back["Location"] == step_url(page, 1)
    first = soup(client.get(step_url(page, 1)))
    assert first.find("input", {"name": "vorname"})["value"] == "Erika"
    assert first.find("input", {"name": "anschrift_2"})["value"] == "Bruchsal"
    assert "Schritt 1 von 3" in first.get_text()
    # forward again: step 1 unchanged, step 2 still has what was typed
    assert fill_first_step(client, page)["Location"] == step_url(page, 2)
    second = soup(client.get(step_url(page, 2)))
    assert second.find("input", {"name": "hundename"})["value"] == "Rex"
    assert second.select_one("#id_gelistet_0")["checked"] is not None


def test_review_lists_every_answer_per_step_with_change_links(site_client):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page, iban="de89370400440532013000")
    response = client.get(url(page, "pruefen/"))
    assert response.status_code == 200
    html = soup(response)
    assert html.find("h1").get_text() == "Angaben prüfen"
    sections = html.select("section.review")
    assert [s.find("h2").get_text() for s in sections] == ["Ihre Angaben", "Ihr Hund"]
    rows = {
        row.find("dt").get_text(): row.select_one(".review__value").get_text()
        for row in html.select(".review__row")
    }
    assert rows["Vorname"] == "Erika"
    assert rows["Anschrift"] == "Marktplatz 1, 76646 Bruchsal"
    assert rows["IBAN"] == "DE89 3704 0044 0532 0130 00"
    assert rows["Einwilligung"] == "erteilt"
    assert rows["Nachweis Haftpflicht"] == "haftpflicht.pdf"
    assert "Nachweis Sachkunde" not in rows  # condition not met
    change = sections[1].select_one(".review__header a")
    assert change["href"] == step_url(page, 2)
    assert html.find("button", string="Verbindlich absenden") is not None


def test_submission_creates_one_case_moves_files_and_mails(
    site_client, django_capture_on_commit_callbacks
):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    draft = draft_of(client, page)
    draft_file = draft.files.get()
    draft_name = draft_file.file.name
    storage = draft_file.file.storage
    before = CaseSequence.objects.filter(site=page.get_site()).first()
    before_number = before.last_number if before else 0

    response = submit(client, page, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == url(page, "eingegangen/")

    case = Case.objects.get(service_page=page)
    year = timezone.localdate().year
    assert re.fullmatch(rf"BRU-{year}-\d{{6}}", case.reference)
    assert case.number == before_number + 1
    assert case.reference == f"BRU-{year}-{case.number:06d}"
    assert case.applicant_email == "erika@example.org"
    assert case.applicant_name == "Erika Müller"
    assert case.language == "de"
    assert case.retention_days == page.retention_days
    assert case.service_name == page.title
    item = next(item for item in case.data if item["key"] == "anschrift")
    assert item == {
        "key": "anschrift",
        "label": "Anschrift",
        "type": "address",
        "value": {"street": "Marktplatz 1", "postcode": "76646", "city": "Bruchsal"},
        "display": "Marktplatz 1, 76646 Bruchsal",
    }
    assert [event.kind for event in case.events.all()] == [CaseEventKind.SUBMITTED]

    case_file = case.files.get()
    assert case_file.original_name == "haftpflicht.pdf"
    assert case_file.content_type == "application/pdf"
    assert case_file.file.name.startswith("services/cases/")
    assert case_file.file.name != draft_name
    assert case_file.file.read().startswith(b"%PDF")
    assert len(case_file.sha256) == 64
    assert not storage.exists(draft_name)
    assert not ApplicationDraft.objects.filter(pk=draft.pk).exists()
    assert not DraftFile.objects.filter(pk=draft_file.pk).exists()

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["erika@example.org"]
    assert case.reference in sent.subject
    assert "Name des Hundes: Bello" in sent.body
    assert "Nachweis Haftpflicht: haftpflicht.pdf" in sent.body
    assert "%PDF" not in sent.body
    link = re.search(r"http://bruchsal\.localhost:8000/vorgang/[\w-]+/", sent.body).group(0)
    assert client.get(link.removeprefix("http://bruchsal.localhost:8000")).status_code == 200
    assert "Stadt Bruchsal" in sent.body

    done_response = client.get(url(page, "eingegangen/"))
    assert done_response["Referrer-Policy"] == "no-referrer"
    done = soup(done_response)
    assert done.select_one(".confirmation-panel__reference").get_text() == case.reference
    assert "Wir melden uns." in done.get_text()
    assert done.select_one(".tracking-link a")["href"] == link
    assert "erika@example.org" in done.get_text()


def test_done_page_needs_the_submitting_session(site_client, django_capture_on_commit_callbacks):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    submit(client, page, django_capture_on_commit_callbacks)
    stranger = site_client("bruchsal")
    response = stranger.get(url(page, "eingegangen/"))
    assert response.status_code == 302
    assert response["Location"] == base(page)


def test_iban_masked_in_confirmation_mail(site_client, django_capture_on_commit_callbacks):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page, iban="DE89370400440532013000")
    submit(client, page, django_capture_on_commit_callbacks)
    body = mail.outbox[0].body
    assert "IBAN: DE89 **** **** 3000" in body
    assert "0532 0130" not in body
    assert Case.objects.get(service_page=page).data[6]["value"] == "DE89 3704 0044 0532 0130 00"


def test_conditional_field_required_when_condition_holds(site_client):
    page = application_page()
    client = site_client("bruchsal")
    fill_first_step(client, page)
    response = fill_second_step(client, page, gelistet="ja", sachkunde="")
    assert response.status_code == 200
    assert "Bitte geben Sie „Nachweis Sachkunde“ an." in response.content.decode()
    response = fill_second_step(client, page, files=[], gelistet="ja", sachkunde="Prüfung 2024")
    assert response.status_code == 302
    assert draft_of(client, page).data["sachkunde"] == "Prüfung 2024"
    # changing the answer drops the dependent value
    fill_second_step(client, page, files=[], gelistet="nein", sachkunde="Prüfung 2024")
    assert "sachkunde" not in draft_of(client, page).data


def test_each_town_numbers_its_own_cases_per_year(site_client):
    future = timezone.make_aware(datetime(2099, 3, 1, 12, 0))
    numbers = []
    for slug in ["bruchsal", "bretten", "bruchsal"]:
        page = application_page(slug)
        client = site_client(slug)
        complete_form(client, page)
        draft = draft_of(client, page)
        result = submission.submit(draft, form_steps(page.application_form), now=future)
        numbers.append(result.case.reference)
    bretten = town("bretten").reference_code
    assert numbers == ["BRU-2099-000001", f"{bretten}-2099-000001", "BRU-2099-000002"]
    assert CaseSequence.objects.get(site=town("bruchsal").site, year=2099).last_number == 2


def test_failed_submission_stores_nothing_and_keeps_the_draft(
    site_client, django_capture_on_commit_callbacks
):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    draft = draft_of(client, page)
    draft_file = draft.files.get()
    sequence = CaseSequence.objects.filter(site=page.get_site()).values_list("year", "last_number")
    before = list(sequence)
    cases_before = Case.objects.count()

    with mock.patch.object(submission, "copy_file", side_effect=OSError("disk full")):
        response = submit(client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 503
    assert "bleiben erhalten" in response.content.decode()
    assert Case.objects.count() == cases_before
    assert list(sequence) == before
    assert mail.outbox == []
    draft.refresh_from_db()
    assert draft.files.get().pk == draft_file.pk
    assert draft_file.file.storage.exists(draft_file.file.name)
    # and it goes through once the storage is back
    response = submit(client, page, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Case.objects.filter(service_page=page).count() == 1


def test_failure_after_copying_removes_the_copied_files(site_client):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    draft = draft_of(client, page)
    copied = []
    real_copy = submission.copy_file

    def copy_and_remember(source, target):
        real_copy(source, target)
        copied.append((target.file.storage, target.file.name))

    with (
        mock.patch.object(submission, "copy_file", side_effect=copy_and_remember),
        mock.patch.object(submission.CaseEvent.objects, "create", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        submission.submit(draft, form_steps(page.application_form))
    assert copied
    assert all(not storage.exists(name) for storage, name in copied)
    assert ApplicationDraft.objects.filter(pk=draft.pk).exists()
    assert not Case.objects.filter(service_page=page).exists()


def test_second_submit_of_the_same_draft_creates_no_second_case(
    site_client, django_capture_on_commit_callbacks
):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    draft = draft_of(client, page)
    submit(client, page, django_capture_on_commit_callbacks)
    with pytest.raises(submission.AlreadySubmitted):
        submission.submit(draft, form_steps(page.application_form))
    assert Case.objects.filter(service_page=page).count() == 1


# --- save and continue later ------------------------------------------------------------
def test_save_for_later_mails_a_link_that_restores_the_draft(
    site_client, django_capture_on_commit_callbacks
):
    page = application_page()
    client = site_client("bruchsal")
    fill_first_step(client, page)
    # step 2 not finished yet (no consent), saved for later
    response = fill_second_step(client, page, hundename="Rex", einwilligung="", action="save")
    assert response["Location"] == url(page, "speichern/")
    form = soup(client.get(url(page, "speichern/")))
    assert form.find("input", {"name": "email"})["value"] == PERSON["email"]

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(url(page, "speichern/"), {"email": "erika@example.org"})
    assert saved.status_code == 200
    assert "erika@example.org" in saved.content.decode()
    draft = draft_of(client, page)
    assert draft.resume_token_hash
    assert draft.expires_at > timezone.now() + timezone.timedelta(days=29)
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://bruchsal\.localhost:8000(/\S+/antrag/fortsetzen/\S+/)", mail.outbox[0].body
    )
    assert link is not None
    assert link.group(1).count("/fortsetzen/") == 1
    assert draft.resume_token_hash not in mail.outbox[0].body

    other_device = site_client("bruchsal")
    resumed = other_device.get(link.group(1))
    assert resumed.status_code == 302
    assert resumed["Location"] == step_url(page, 2)  # the first unfinished step
    second = soup(other_device.get(step_url(page, 2)))
    assert second.find("input", {"name": "hundename"})["value"] == "Rex"
    assert second.select_one(".file-list__name").get_text() == "haftpflicht.pdf"


def test_resume_of_a_complete_draft_goes_to_review(site_client):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    token = drafts.save_for_later(draft_of(client, page), "erika@example.org")
    response = site_client("bruchsal").get(url(page, f"fortsetzen/{token}/"))
    assert response["Location"] == url(page, "pruefen/")


def test_expired_or_unknown_resume_link_is_a_friendly_404(site_client):
    page = application_page()
    client = site_client("bruchsal")
    fill_first_step(client, page)
    draft = draft_of(client, page)
    token = drafts.save_for_later(draft, "erika@example.org")
    ApplicationDraft.objects.filter(pk=draft.pk).update(
        expires_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    for link in [url(page, f"fortsetzen/{token}/"), url(page, "fortsetzen/unbekannt/")]:
        response = site_client("bruchsal").get(link)
        assert response.status_code == 404
        assert "Dieser Link ist nicht mehr gültig" in response.content.decode()


def test_save_page_without_draft_goes_to_start(site_client):
    page = application_page()
    response = site_client("bruchsal").get(url(page, "speichern/"))
    assert response.status_code == 302
    assert response["Location"] == url(page)


def test_submit_sent_again_after_the_case_exists_shows_its_reference_again(
    site_client, django_capture_on_commit_callbacks
):
    """The first answer never reached the browser (or the citizen chose "resend the
    form?"): the same POST again makes no second case and leads to the same reference."""
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    first = submit(client, page, django_capture_on_commit_callbacks)

    again = submit(client, page, django_capture_on_commit_callbacks)

    assert again.status_code == 302
    assert again["Location"] == first["Location"] == url(page, "eingegangen/")
    case = Case.objects.get(service_page=page)
    done = soup(client.get(again["Location"]))
    assert done.select_one(".confirmation-panel__reference").get_text() == case.reference
    assert Case.objects.filter(service_page=page).count() == 1


def test_review_without_draft_or_case_goes_to_the_start(site_client):
    page = application_page()
    response = site_client("bruchsal").post(url(page, "pruefen/"), {})
    assert response.status_code == 302
    assert response["Location"] == url(page, "")
