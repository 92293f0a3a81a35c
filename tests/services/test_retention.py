"""Retention: closed cases past ``delete_after`` are anonymised or deleted with their
files (storage too); nothing before the date; idempotent; expired drafts go."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from portal.core import scheduled
from services import retention, workflow
from services.models import ApplicationDraft, Case, CaseEvent, CaseEventKind, CaseStatus, DraftFile
from services.retention import REDACTED, apply_retention
from services.storage import private_storage
from tests.services.factories import ApplicationFormFactory, ServicePageFactory, service_index
from tests.services.factories_inbox import add_file, case_in, caseworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def now():
    return timezone.now()


def closed_case(now, action: str, days_ago: int = 1, **kwargs) -> Case:
    closed = now - timedelta(days=30 + days_ago)
    return case_in(
        status=CaseStatus.COMPLETED,
        closed_at=closed,
        retention_days=30,
        delete_after=closed + timedelta(days=30),
        retention_action=action,
        **kwargs,
    )


def exists(name: str) -> bool:
    return private_storage().exists(name)


def test_anonymise_keeps_the_case_without_personal_data(now, django_capture_on_commit_callbacks):
    staff = caseworker("bruchsal")
    case = closed_case(now, "anonymise", applicant_name="Jürgen Müller")
    case_file = add_file(case)
    name = case_file.file.name
    workflow.add_note(case, "Herr Müller rief an.", staff)
    CaseEvent.objects.create(case=case, kind=CaseEventKind.REPLY, text="Anbei mein Ausweis.")
    CaseEvent.objects.create(
        case=case, kind=CaseEventKind.DOWNLOADED, actor=staff, new_value="Ausweis_Müller.pdf"
    )
    assert exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        counts = apply_retention(now)

    assert counts["anonymised"] >= 1
    case.refresh_from_db()
    assert case.anonymised_at == now
    assert (case.data, case.applicant_name, case.applicant_email) == ([], "", "")
    assert case.reference and case.status == CaseStatus.COMPLETED  # statistics stay
    assert not case.files.exists() and not exists(name)
    texts = list(case.events.exclude(text="").values_list("text", flat=True))
    assert texts and set(texts) == {REDACTED}
    assert case.events.get(kind=CaseEventKind.DOWNLOADED).new_value == REDACTED
    assert case.events.filter(kind=CaseEventKind.ANONYMISED).count() == 1
    dump = str(list(case.events.values()))
    assert "Müller" not in dump and "Ausweis" not in dump


def test_delete_removes_case_files_and_history(now, django_capture_on_commit_callbacks):
    case = closed_case(now, "delete")
    name = add_file(case).file.name
    workflow.add_note(case, "Notiz", caseworker("bruchsal"))
    with django_capture_on_commit_callbacks(execute=True):
        counts = apply_retention(now)
    assert counts["deleted"] >= 1
    assert not Case.objects.filter(pk=case.pk).exists()
    assert not CaseEvent.objects.filter(case_id=case.pk).exists()
    assert not exists(name)


def test_nothing_is_touched_before_the_date(now, django_capture_on_commit_callbacks):
    later = closed_case(now, "delete", days_ago=-1)  # due tomorrow
    name = add_file(later).file.name
    open_case = case_in(status=CaseStatus.IN_PROGRESS, applicant_name="Offen")
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now)
    assert Case.objects.filter(pk=later.pk).exists() and exists(name)
    open_case.refresh_from_db()
    assert open_case.applicant_name == "Offen" and open_case.anonymised_at is None


def test_open_case_with_a_stale_date_is_not_touched(now):
    """Reopening clears delete_after; a leftover date on an open case must not delete it."""
    case = case_in(status=CaseStatus.IN_PROGRESS, delete_after=now - timedelta(days=1))
    apply_retention(now)
    assert Case.objects.filter(pk=case.pk, anonymised_at=None).exists()


def test_idempotent(now, django_capture_on_commit_callbacks):
    anonymise = closed_case(now, "anonymise")
    closed_case(now, "delete")
    with django_capture_on_commit_callbacks(execute=True):
        first = apply_retention(now)
    with django_capture_on_commit_callbacks(execute=True):
        second = apply_retention(now)
    assert first["deleted"] >= 1 and first["anonymised"] >= 1
    assert second == {"deleted": 0, "anonymised": 0, "drafts": 0}
    assert anonymise.events.filter(kind=CaseEventKind.ANONYMISED).count() == 1


def test_closing_through_the_workflow_sets_the_date_retention_follows(
    now, django_capture_on_commit_callbacks
):
    staff = caseworker("bruchsal")
    case = case_in(status=CaseStatus.IN_PROGRESS, retention_days=7, retention_action="delete")
    workflow.change_status(case, CaseStatus.COMPLETED, staff)
    apply_retention(now + timedelta(days=6))
    assert Case.objects.filter(pk=case.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(now + timedelta(days=7, minutes=1))
    assert not Case.objects.filter(pk=case.pk).exists()


def make_draft(expires_at) -> tuple[ApplicationDraft, str]:
    page = ServicePageFactory(parent=service_index("bruchsal"), application_form=None)
    form = ApplicationFormFactory()
    draft = ApplicationDraft.objects.create(
        site=page.get_site(), service_page=page, form=form, expires_at=expires_at
    )
    draft_file = DraftFile.objects.create(
        draft=draft,
        field_key="nachweis",
        original_name="scan.pdf",
        file=ContentFile(b"%PDF-1.4 draft", name="scan.pdf"),
        content_type="application/pdf",
        size=14,
    )
    return draft, draft_file.file.name


def test_expired_drafts_are_removed_with_their_files(now, django_capture_on_commit_callbacks):
    expired, expired_name = make_draft(now - timedelta(minutes=1))
    current, current_name = make_draft(now + timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        counts = apply_retention(now)
    assert counts["drafts"] >= 1
    assert not ApplicationDraft.objects.filter(pk=expired.pk).exists()
    assert not exists(expired_name)
    assert ApplicationDraft.objects.filter(pk=current.pk).exists() and exists(current_name)


def test_a_failing_run_keeps_the_files(now, monkeypatch, django_capture_on_commit_callbacks):
    """Files leave storage only after the database change is committed."""
    case = closed_case(now, "anonymise")
    name = add_file(case).file.name

    def broken(case, now):
        CaseEvent.objects.filter(case=case).delete()
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(retention, "anonymise", broken)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        apply_retention(now)
    assert exists(name)
    case.refresh_from_db()
    assert case.anonymised_at is None


def test_scheduled_job_reports_in_german(now):
    closed_case(now, "delete")
    jobs = dict(scheduled.jobs())
    assert "services.run_retention" in jobs
    report = jobs["services.run_retention"]()
    assert report.startswith("Aufbewahrung: ")
    assert "gelöscht" in report and "anonymisiert" in report
