"""Retention of every kind of personal data, through the real job list of
``manage.py run_scheduled``: for each kind an item past its period goes (with its files
in storage), a young one stays – side by side, so a job touches only its own kind."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from portal.core import scheduled
from portal.core.models import OutboxMessage
from portal.pages import scheduled as page_jobs
from services.models import ApplicationDraft, Booking, BookingStatus, Case, CaseStatus, DraftFile
from services.storage import private_storage
from tests.services.factories import ApplicationFormFactory, ServicePageFactory, service_index
from tests.services.factories import town as town_settings
from tests.services.factories_appointments import office
from tests.services.factories_inbox import add_file, case_in
from tests.vereinsportal.factories import club_page
from tests.vereinsportal.factories_registration import registration
from tests.vereinsportal.factories_signups import first_occurrence, in_days, signup_event
from tests.vereinsportal.factories_volunteering import interest, opportunity
from vereinsportal.dashboard import jobs as dashboard_jobs
from vereinsportal.models import (
    ClubInvitation,
    ClubRegistration,
    EventOccurrence,
    RegistrationStatus,
    Signup,
    VolunteerInterest,
)
from vereinsportal.signups import service as signups

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def closed_case(closed_days_ago: int, action: str = "anonymise", **fields) -> Case:
    closed = ago(closed_days_ago)
    fields.setdefault("applicant_name", "Erika Muster")
    fields.setdefault("applicant_email", "erika@example.org")
    return case_in(
        status=CaseStatus.COMPLETED,
        closed_at=closed,
        retention_days=30,
        delete_after=closed + dt.timedelta(days=30),
        retention_action=action,
        **fields,
    )


def draft(expires_at: dt.datetime) -> tuple[ApplicationDraft, str]:
    page = ServicePageFactory(parent=service_index("bruchsal"))
    item = ApplicationDraft.objects.create(
        site=page.get_site(),
        service_page=page,
        form=ApplicationFormFactory(),
        email="erika@example.org",
        expires_at=expires_at,
    )
    stored = DraftFile.objects.create(
        draft=item,
        field_key="nachweis",
        original_name="scan.pdf",
        file=ContentFile(b"%PDF-1.4 draft", name="scan.pdf"),
        content_type="application/pdf",
        size=14,
    )
    return item, stored.file.name


def booking(bookable, ended_days_ago: float) -> Booking:
    end = ago(ended_days_ago)
    return Booking.objects.create(
        office=bookable,
        start=end - dt.timedelta(minutes=15),
        end=end,
        status=BookingStatus.DONE,
        name="Erika Muster",
        email="erika@example.org",
        phone="07251 12345",
    )


def signup_ended(days_ago: float) -> Signup:
    occurrence = first_occurrence(signup_event(capacity=5, start=in_days(3)))
    made = signups.sign_up(occurrence, name="Erika Muster", email="erika@example.org")
    end = ago(days_ago)
    EventOccurrence.objects.filter(pk=occurrence.pk).update(
        start=end - dt.timedelta(hours=2), end=end
    )
    return made.signup


def decided_registration(days_ago: float) -> ClubRegistration:
    item = registration(status=RegistrationStatus.REJECTED)
    ClubRegistration.objects.filter(pk=item.pk).update(decided_at=ago(days_ago))
    return item


def invitation(club, *, accepted_days_ago=None, expired_days_ago=None) -> ClubInvitation:
    return ClubInvitation.objects.create(
        club=club,
        email=f"kassenwart{ClubInvitation.objects.count()}@verein.example",
        token_hash=f"hash-{ClubInvitation.objects.count()}",
        expires_at=ago(expired_days_ago) if expired_days_ago is not None else ago(-7),
        accepted_at=ago(accepted_days_ago) if accepted_days_ago is not None else None,
    )


def sent_mail(days_ago: float) -> OutboxMessage:
    message = OutboxMessage.objects.create(
        to=["erika@example.org"], subject="Ihre Nachricht", body="Hallo Erika Muster"
    )
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=ago(days_ago))
    return message


def form_submission(days_ago: float) -> FormSubmission:
    page = town_settings("bruchsal").accessibility_page
    item = FormSubmission.objects.create(
        page=page, form_data={"name": "Erika Muster", "email": "erika@example.org"}
    )
    FormSubmission.objects.filter(pk=item.pk).update(submit_time=ago(days_ago))
    return item


def session(expires_in_days: float) -> Session:
    return Session.objects.create(
        session_key=f"test-session-{expires_in_days}",
        session_data="e30:1",
        expire_date=NOW + dt.timedelta(days=expires_in_days),
    )


def exists(instance) -> bool:
    return type(instance).objects.filter(pk=instance.pk).exists()


def test_every_kind_goes_after_its_period_and_young_items_stay(
    settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_KEEP_DAYS = 30
    settings.VEREINE_SIGNUP_KEEP_DAYS = 30
    settings.VEREINE_INTEREST_KEEP_DAYS = 90
    settings.VEREINE_REGISTRATION_KEEP_DAYS = 90
    settings.VEREINE_INVITATION_KEEP_DAYS = 30
    settings.FORM_SUBMISSION_KEEP_DAYS = 180
    old_case, young_case = closed_case(31), closed_case(29)
    deleted_case = closed_case(40, action="delete")
    open_case = case_in(applicant_email="offen@example.org")  # never closed: stays
    old_case_file, young_case_file = add_file(old_case).file.name, add_file(young_case).file.name
    deleted_case_file = add_file(deleted_case).file.name
    old_draft, old_draft_file = draft(ago(1))
    young_draft, young_draft_file = draft(ago(-1))
    bookable = office(retention_days=30)
    old_booking, young_booking = booking(bookable, 31), booking(bookable, 29)
    old_signup, young_signup = signup_ended(31), signup_ended(29)
    club = club_page("bruchsal")
    item = opportunity(club, "Kassenprüfung")
    old_interest, young_interest = interest(item, created_days_ago=91), interest(item)
    old_registration, young_registration = decided_registration(91), decided_registration(89)
    pending_registration = registration()
    accepted_long_ago = invitation(club, accepted_days_ago=31)
    expired_long_ago = invitation(club, expired_days_ago=31)
    accepted_recently = invitation(club, accepted_days_ago=29)
    still_open = invitation(club)
    old_mail, young_mail = sent_mail(31), sent_mail(29)
    old_submission, young_submission = form_submission(181), form_submission(179)
    expired_session, live_session = session(-1), session(1)

    with django_capture_on_commit_callbacks(execute=True):
        results = scheduled.run_all()

    assert not [text for text in results.values() if str(text).startswith("Fehler")], results
    storage = private_storage()
    # cases: anonymised (or deleted) with their files; young and open ones untouched
    old_case.refresh_from_db()
    assert (old_case.applicant_name, old_case.applicant_email, old_case.data) == ("", "", [])
    assert not old_case.files.exists() and not storage.exists(old_case_file)
    assert not exists(deleted_case) and not storage.exists(deleted_case_file)
    young_case.refresh_from_db()
    assert young_case.applicant_email == "erika@example.org" and young_case.anonymised_at is None
    assert storage.exists(young_case_file)
    open_case.refresh_from_db()
    assert open_case.applicant_email == "offen@example.org"
    # drafts with their files
    assert not exists(old_draft) and not storage.exists(old_draft_file)
    assert exists(young_draft) and storage.exists(young_draft_file)
    # bookings: the row stays for statistics, without name, e-mail and phone
    old_booking.refresh_from_db()
    young_booking.refresh_from_db()
    assert (old_booking.name, old_booking.email, old_booking.phone) == ("", "", "")
    assert old_booking.anonymised_at is not None
    assert young_booking.email == "erika@example.org" and young_booking.anonymised_at is None
    # the Vereinsportal
    assert not exists(old_signup) and exists(young_signup)
    assert not exists(old_interest) and exists(young_interest)
    assert VolunteerInterest.objects.filter(opportunity=item).count() == 1
    assert not exists(old_registration) and exists(young_registration)
    assert exists(pending_registration)
    assert not exists(accepted_long_ago) and not exists(expired_long_ago)
    assert exists(accepted_recently) and exists(still_open)
    # mails (club contact messages live only there), form submissions, sessions
    assert not exists(old_mail) and exists(young_mail)
    assert not exists(old_submission) and exists(young_submission)
    assert not exists(expired_session) and exists(live_session)


def test_new_jobs_are_registered_and_report_their_period(settings):
    settings.VEREINE_INVITATION_KEEP_DAYS = 14
    settings.FORM_SUBMISSION_KEEP_DAYS = 60
    names = dict(scheduled.jobs())
    assert names["vereinsportal.delete_old_invitations"] is dashboard_jobs.delete_old_invitations
    assert names["pages.delete_old_form_submissions"] is page_jobs.delete_old_form_submissions
    assert names["core.clear_expired_sessions"] is scheduled.clear_expired_sessions
    assert "14 Tage" in dashboard_jobs.delete_old_invitations()
    assert "60 Tage" in page_jobs.delete_old_form_submissions()
