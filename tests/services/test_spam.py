"""Spam protection without third parties: honeypot, minimum time on the first step,
rate limits per IP – each rejection stores nothing."""

from __future__ import annotations

import pytest
from django.core import mail

from services.applications import spam
from services.models import ApplicationDraft, Case, CaseEventKind, CaseStatus, DraftFile
from tests.services.factories_applications import (
    PERSON,
    application_page,
    complete_form,
    draft_of,
    fill_first_step,
    started,
    step_url,
    tracked_case,
    upload,
    url,
)

pytestmark = pytest.mark.django_db


def drafts_of(page) -> int:
    return ApplicationDraft.objects.filter(service_page=page).count()


def test_honeypot_on_first_step_stores_nothing(site_client):
    page = application_page()
    client = site_client("bruchsal")
    response = fill_first_step(client, page, url_homepage="http://spam.example")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bitte lassen Sie das Feld „Bitte leer lassen“ leer" in text
    assert 'value="Erika"' in text  # what was typed is kept
    assert drafts_of(page) == 0


@pytest.mark.parametrize("kind", ["too fast", "missing", "forged"])
def test_first_step_sent_too_fast_or_without_timestamp_stores_nothing(site_client, kind):
    hidden = {
        "too fast": started(seconds_ago=1),
        "missing": {},
        "forged": {spam.TIMESTAMP_FIELD: "1700000000.0:forged"},
    }[kind]
    page = application_page()
    client = site_client("bruchsal")
    response = client.post(step_url(page, 1), {**PERSON, **hidden})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Das ging sehr schnell." in text
    assert 'value="Müller"' in text
    assert 'name="form_started"' in text  # a fresh timestamp for the next try
    assert drafts_of(page) == 0


def test_minimum_time_is_configurable(site_client, settings):
    settings.SERVICES_MIN_SUBMIT_SECONDS = 60
    page = application_page()
    response = fill_first_step(site_client("bruchsal"), page, **started(seconds_ago=30))
    assert "Das ging sehr schnell." in response.content.decode()


def test_honeypot_on_upload_step_stores_no_file(site_client):
    page = application_page()
    client = site_client("bruchsal")
    fill_first_step(client, page)
    response = client.post(
        step_url(page, 2),
        {"hundename": "Bello", "url_homepage": "x", "nachweis": [upload("a.pdf", b"%PDF-1.4")]},
    )
    assert response.status_code == 200
    assert not DraftFile.objects.filter(draft__service_page=page).exists()
    assert "hundename" not in draft_of(client, page).data


def test_honeypot_on_review_sends_nothing(site_client, django_capture_on_commit_callbacks):
    page = application_page()
    client = site_client("bruchsal")
    complete_form(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(page, "pruefen/"), {"url_homepage": "spam"})
    assert response.status_code == 200
    assert not Case.objects.filter(service_page=page).exists()
    assert mail.outbox == []
    assert draft_of(client, page) is not None


def test_final_submission_is_rate_limited_per_ip(site_client, settings):
    settings.SERVICES_SUBMIT_RATE = "1/h"
    page = application_page()
    first = site_client("bruchsal")
    complete_form(first, page)
    assert first.post(url(page, "pruefen/"), {}).status_code == 302
    second = site_client("bruchsal")
    complete_form(second, page)
    response = second.post(url(page, "pruefen/"), {})
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert Case.objects.filter(service_page=page).count() == 1
    assert draft_of(second, page) is not None
    # another address is not affected
    assert second.post(url(page, "pruefen/"), {}, REMOTE_ADDR="192.0.2.7").status_code == 302


def test_save_for_later_is_rate_limited(site_client, settings):
    settings.SERVICES_SUBMIT_RATE = "1/h"
    page = application_page()
    client = site_client("bruchsal")
    fill_first_step(client, page)
    assert client.post(url(page, "speichern/"), {"email": "a@example.org"}).status_code == 200
    token_hash = draft_of(client, page).resume_token_hash
    response = client.post(url(page, "speichern/"), {"email": "b@example.org"})
    assert response.status_code == 429
    draft = draft_of(client, page)
    assert draft.resume_token_hash == token_hash
    assert draft.email == "a@example.org"


def test_lost_link_and_reply_are_rate_limited(site_client, settings):
    settings.SERVICES_SUBMIT_RATE = "2/h"
    client = site_client("bruchsal")
    data = {"reference": "BRU-2020-000001", "email": "a@example.org"}
    assert client.post("/vorgang/link/", data).status_code == 200
    assert client.post("/vorgang/link/", data).status_code == 200
    assert client.post("/vorgang/link/", data).status_code == 429

    case, token = tracked_case(status=CaseStatus.QUERY)
    for _ in range(2):
        assert client.post(f"/vorgang/{token}/", {"text": "Antwort"}).status_code == 303
    assert client.post(f"/vorgang/{token}/", {"text": "Antwort"}).status_code == 429
    assert case.events.filter(kind=CaseEventKind.REPLY).count() == 2
