"""Access and erasure requests (Art. 15/17 GDPR) for one person by e-mail address:
``redi personal_data export`` lists what every app holds, ``erase`` deletes or
anonymises it (files too) and keeps what must be finished first – another person's
data stays untouched."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission

from portal.core import personal_data
from portal.core.models import OutboxMessage
from services.models import ApplicationDraft, Booking, Case, CaseStatus
from services.storage import private_storage
from tests.portal.test_retention_all_kinds import (
    ago,
    booking,
    closed_case,
    decided_registration,
    draft,
    form_submission,
    invitation,
    sent_mail,
    signup_ended,
)
from tests.services.factories_appointments import office
from tests.services.factories_inbox import add_file, case_in
from tests.vereinsportal.factories import club_page
from tests.vereinsportal.factories_signups import first_occurrence, signup_event
from tests.vereinsportal.factories_volunteering import interest, opportunity
from vereinsportal.models import ClubInvitation, ClubRegistration, Signup, VolunteerInterest
from vereinsportal.signups import service as signups

pytestmark = pytest.mark.django_db
EMAIL = "Erika@Example.org"  # as typed by staff: found whatever the case
OTHER = "max@example.org"


@pytest.fixture
def person():
    """Erika's data in every app, and one item of Max's beside each."""
    club = club_page("bruchsal")
    item = opportunity(club, "Kassenprüfung")
    bookable = office(retention_days=30)
    upcoming = Booking.objects.create(
        office=bookable,
        start=ago(-3),
        end=ago(-3 + 0.01),
        status="confirmed",
        name="Erika Muster",
        email="erika@example.org",
    )
    closed = closed_case(5)
    upcoming_event = first_occurrence(signup_event(capacity=5))
    return {
        "closed_case": closed,
        "closed_case_file": add_file(closed).file.name,
        "open_case": case_in(applicant_email="erika@example.org", status=CaseStatus.RECEIVED),
        "draft": draft(ago(-1)),
        "past_booking": booking(bookable, 2),
        "upcoming_booking": upcoming,
        "past_signup": signup_ended(2),
        "upcoming_signup": signups.sign_up(
            upcoming_event, name="Erika Muster", email="erika@example.org"
        ).signup,
        "interest": interest(item, email="erika@example.org", name="Erika Muster"),
        "registration": decided_registration(1),
        "invitation": invitation(club),
        "mail": sent_mail(1),
        "submission": form_submission(1),
        # Max
        "other_case": closed_case(5, applicant_email=OTHER),
        "other_interest": interest(item, email=OTHER),
        "other_signup": signups.sign_up(upcoming_event, name="Max", email=OTHER).signup,
        "other_mail": OutboxMessage.objects.create(to=[OTHER], subject="Hallo", body="Max"),
    }


def fix_emails(person):
    ClubRegistration.objects.filter(pk=person["registration"].pk).update(
        contact_email="erika@example.org"
    )
    ClubInvitation.objects.filter(pk=person["invitation"].pk).update(email="erika@example.org")


def test_every_app_registers_its_providers():
    keys = {provider.key for provider in personal_data.providers()}
    assert keys >= {
        "core.outbox",
        "pages.form_submissions",
        "services.cases",
        "services.drafts",
        "services.bookings",
        "vereinsportal.signups",
        "vereinsportal.volunteer_interests",
        "vereinsportal.club_registrations",
        "vereinsportal.invitations",
    }
    with pytest.raises(TypeError):
        personal_data.register(object())


def test_export_lists_everything_of_the_person_and_nothing_of_others(person, tmp_path, capsys):
    fix_emails(person)
    target = tmp_path / "erika.json"
    call_command("personal_data", "export", "--email", EMAIL, "--output", str(target))

    found = json.loads(target.read_text(encoding="utf-8"))
    data = found["data"]
    assert found["email"] == EMAIL
    assert {case["reference"] for case in data["services.cases"]["items"]} == {
        person["closed_case"].reference,
        person["open_case"].reference,
    }
    by_reference = {case["reference"]: case for case in data["services.cases"]["items"]}
    assert by_reference[person["closed_case"].reference]["files"] == ["Nachweis.pdf"]
    assert len(data["services.drafts"]["items"]) == 1
    assert len(data["services.bookings"]["items"]) == 2
    assert len(data["vereinsportal.signups"]["items"]) == 2
    assert data["vereinsportal.volunteer_interests"]["items"][0]["name"] == "Erika Muster"
    assert len(data["vereinsportal.club_registrations"]["items"]) == 1
    assert len(data["vereinsportal.invitations"]["items"]) == 1
    assert data["core.outbox"]["items"][0]["to"] == ["erika@example.org"]
    assert data["pages.form_submissions"]["items"][0]["answers"]["name"] == "Erika Muster"
    assert OTHER not in target.read_text(encoding="utf-8")


def test_erase_without_yes_changes_nothing(person, capsys):
    fix_emails(person)
    call_command("personal_data", "erase", "--email", EMAIL)
    out = capsys.readouterr().out
    assert "Termine (services.bookings): 2" in out and "Nichts gelöscht" in out
    assert VolunteerInterest.objects.filter(pk=person["interest"].pk).exists()
    assert Case.objects.get(pk=person["closed_case"].pk).applicant_email == "erika@example.org"


def test_erase_removes_the_persons_data_keeps_what_is_running_and_others(
    person, capsys, django_capture_on_commit_callbacks
):
    fix_emails(person)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("personal_data", "erase", "--email", EMAIL, "--yes")
    out = capsys.readouterr().out

    closed = Case.objects.get(pk=person["closed_case"].pk)
    assert (closed.applicant_email, closed.applicant_name, closed.data) == ("", "", [])
    assert not private_storage().exists(person["closed_case_file"])
    draft_item, draft_file = person["draft"]
    assert not ApplicationDraft.objects.filter(pk=draft_item.pk).exists()
    assert not private_storage().exists(draft_file)
    past = Booking.objects.get(pk=person["past_booking"].pk)
    assert (past.name, past.email, past.anonymised_at is not None) == ("", "", True)
    assert not Signup.objects.filter(pk=person["past_signup"].pk).exists()
    for kind, model in (
        ("interest", VolunteerInterest),
        ("registration", ClubRegistration),
        ("invitation", ClubInvitation),
        ("mail", OutboxMessage),
        ("submission", FormSubmission),
    ):
        assert not model.objects.filter(pk=person[kind].pk).exists(), kind
    # what is still running stays, and the summary says why
    assert Case.objects.get(pk=person["open_case"].pk).applicant_email == "erika@example.org"
    assert Booking.objects.get(pk=person["upcoming_booking"].pk).email == "erika@example.org"
    assert Signup.objects.filter(pk=person["upcoming_signup"].pk).exists()
    assert "noch in Bearbeitung" in out and "bitte zuerst absagen" in out
    assert "bitte zuerst abmelden" in out
    # Max's data is untouched
    assert Case.objects.get(pk=person["other_case"].pk).applicant_email == OTHER
    assert VolunteerInterest.objects.filter(pk=person["other_interest"].pk).exists()
    assert Signup.objects.filter(pk=person["other_signup"].pk).exists()
    assert OutboxMessage.objects.filter(pk=person["other_mail"].pk).exists()


def test_erase_needs_an_address():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("personal_data", "erase", "--email", "niemand", "--yes")
