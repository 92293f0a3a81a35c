"""Full dates: the waiting list, moving up when someone cancels, no waiting list, and
the mails when a date is dropped or the event is cancelled."""

from __future__ import annotations

import pytest

from vereinsportal.models import Signup, SignupStatus
from vereinsportal.signups import service

from .factories_signups import (
    cancel_link,
    event_path,
    first_occurrence,
    ics_of,
    mails_to,
    occurrences_of,
    post_signup,
    signup_event,
    soup,
    text,
)

pytestmark = pytest.mark.django_db


def status_of(email: str, occurrence) -> str:
    return Signup.objects.get(occurrence=occurrence, email=email).status


def test_full_date_offers_the_waiting_list_with_position(site_client):
    event = signup_event(capacity=2, title="Töpferkurs")
    occurrence = first_occurrence(event)
    client = site_client("bruchsal")
    post_signup(client, event, occurrence, email="anna@example.org", places="2")
    section = soup(client.get(event_path(event))).select_one("section#anmeldung")
    assert "ausgebucht – Warteliste möglich" in section.get_text()
    assert section.select_one("button").get_text(strip=True) == "Auf die Warteliste setzen"

    response = post_signup(client, event, occurrence, email="ben@example.org")
    done = client.get(response["Location"])
    assert "Sie stehen auf der Warteliste" in text(done)
    assert "Platz 1 der Warteliste" in text(done)
    post_signup(client, event, occurrence, email="cara@example.org")
    assert status_of("ben@example.org", occurrence) == SignupStatus.WAITING
    assert status_of("cara@example.org", occurrence) == SignupStatus.WAITING

    [ben_mail] = mails_to("ben@example.org")
    assert ben_mail.subject.startswith("Warteliste: Töpferkurs")
    assert "Sie stehen auf Platz 1 der Warteliste" in ben_mail.body
    assert ics_of(ben_mail) is None  # no calendar entry for a place not yet had
    [cara_mail] = mails_to("cara@example.org")
    assert "Sie stehen auf Platz 2 der Warteliste" in cara_mail.body
    assert "Sie stehen auf Platz 2 der Warteliste" in cara_mail.html


def test_cancel_moves_waiting_people_up_in_order(site_client):
    event = signup_event(capacity=2)
    occurrence = first_occurrence(event)
    client = site_client("bruchsal")
    post_signup(client, event, occurrence, email="anna@example.org", places="2")
    post_signup(client, event, occurrence, email="ben@example.org")
    post_signup(client, event, occurrence, email="cara@example.org")
    post_signup(client, event, occurrence, email="dora@example.org")
    ben_old_path, _token = cancel_link(mails_to("ben@example.org")[0])

    anna_path, _token = cancel_link(mails_to("anna@example.org")[0])
    client.post(anna_path)
    assert status_of("anna@example.org", occurrence) == SignupStatus.CANCELLED
    assert status_of("ben@example.org", occurrence) == SignupStatus.CONFIRMED
    assert status_of("cara@example.org", occurrence) == SignupStatus.CONFIRMED
    assert status_of("dora@example.org", occurrence) == SignupStatus.WAITING
    ben = Signup.objects.get(occurrence=occurrence, email="ben@example.org")
    assert ben.promoted_at is not None

    promoted = mails_to("ben@example.org")[-1]
    assert promoted.subject.startswith("Sie sind nachgerückt")
    assert "Sie sind nachgerückt" in promoted.body
    vevent = ics_of(promoted).walk("VEVENT")[0]
    assert str(vevent["UID"]) == f"signup-{ben.pk}@bruchsal.localhost"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert len(mails_to("dora@example.org")) == 1  # still waiting: no new mail

    # the promotion mail brings a new link; the old one is no longer valid
    assert client.get(ben_old_path).status_code == 404
    ben_new_path, _token = cancel_link(promoted)
    client.post(ben_new_path)
    assert status_of("ben@example.org", occurrence) == SignupStatus.CANCELLED
    assert status_of("dora@example.org", occurrence) == SignupStatus.CONFIRMED
    section = soup(client.get(event_path(event))).select_one("section#anmeldung")
    assert "ausgebucht – Warteliste möglich" in section.get_text()


def test_larger_waiting_sign_up_keeps_its_turn_when_only_fewer_places_are_free():
    event = signup_event(capacity=3)
    occurrence = first_occurrence(event)
    service.sign_up(occurrence, name="A", email="a@example.org", places=2)
    b = service.sign_up(occurrence, name="B", email="b@example.org", places=1)
    c = service.sign_up(occurrence, name="C", email="c@example.org", places=2)
    d = service.sign_up(occurrence, name="D", email="d@example.org", places=1)
    assert (c.signup.status, c.position) == (SignupStatus.WAITING, 1)
    assert (d.signup.status, d.position) == (SignupStatus.WAITING, 2)
    _cancelled, promoted = service.cancel(b.token)
    assert [s.email for s in promoted] == ["d@example.org"]
    assert status_of("c@example.org", occurrence) == SignupStatus.WAITING
    assert service.waiting_position(Signup.objects.get(pk=c.signup.pk)) == 1


def test_waiting_person_cancelling_moves_nobody():
    event = signup_event(capacity=1)
    occurrence = first_occurrence(event)
    service.sign_up(occurrence, name="A", email="a@example.org")
    b = service.sign_up(occurrence, name="B", email="b@example.org")
    c = service.sign_up(occurrence, name="C", email="c@example.org")
    _cancelled, promoted = service.cancel(b.token)
    assert promoted == []
    assert status_of("a@example.org", occurrence) == SignupStatus.CONFIRMED
    assert status_of("c@example.org", occurrence) == SignupStatus.WAITING
    assert service.waiting_position(Signup.objects.get(pk=c.signup.pk)) == 1
    assert ics_of(mails_to("b@example.org")[-1]) is None
    with pytest.raises(service.SignupError, match="bereits abgemeldet"):
        service.cancel(b.token)


def test_without_waiting_list_a_full_date_is_refused(site_client):
    event = signup_event(capacity=1, waiting_list=False)
    occurrence = first_occurrence(event)
    client = site_client("bruchsal")
    post_signup(client, event, occurrence, email="anna@example.org")
    section = soup(client.get(event_path(event))).select_one("section#anmeldung")
    assert "ausgebucht" in section.get_text()
    assert "Warteliste möglich" not in section.get_text()
    assert section.select_one("form") is None
    refused = post_signup(client, event, occurrence, email="ben@example.org")
    assert "Leider ausgebucht." in text(refused)
    assert not Signup.objects.filter(occurrence=occurrence, email="ben@example.org").exists()
    assert mails_to("ben@example.org") == []


def test_unlimited_capacity_always_confirms():
    event = signup_event(capacity=None)
    occurrence = first_occurrence(event)
    for number in range(5):
        result = service.sign_up(
            occurrence, name=f"P{number}", email=f"p{number}@example.org", places=4
        )
        assert result.signup.status == SignupStatus.CONFIRMED


def test_dropped_date_mails_everyone_signed_up_once():
    event = signup_event(capacity=1, recurrence="FREQ=WEEKLY;COUNT=3")
    dates = occurrences_of(event)
    service.sign_up(dates[1], name="A", email="a@example.org")
    service.sign_up(dates[1], name="B", email="b@example.org")
    gone = service.sign_up(dates[1], name="C", email="c@example.org")
    service.cancel(gone.token)
    service.sign_up(dates[0], name="D", email="d@example.org")
    event.exceptions = [dates[1].start.astimezone(dates[1].start.tzinfo).date().isoformat()]
    event.save_revision().publish()
    dates[1].refresh_from_db()
    assert dates[1].cancelled
    a_mail = mails_to("a@example.org")[-1]
    assert a_mail.subject.startswith("Termin entfällt")
    assert "Termin entfällt" in a_mail.body
    assert str(ics_of(a_mail).walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    b_mail = mails_to("b@example.org")[-1]
    assert b_mail.subject.startswith("Termin entfällt")
    assert ics_of(b_mail) is None  # was only waiting
    assert not mails_to("c@example.org")[-1].subject.startswith("Termin entfällt")
    assert len(mails_to("d@example.org")) == 1
    event.save_revision().publish()
    assert len(mails_to("a@example.org")) == 2  # not told twice


def test_cancelled_event_mails_everyone_once():
    event = signup_event(capacity=5)
    occurrence = first_occurrence(event)
    service.sign_up(occurrence, name="A", email="a@example.org")
    event.status = "cancelled"
    event.status_note = "Der Referent ist erkrankt."
    event.save_revision().publish()
    assert service.notify_event_cancelled(event) in (0, 1)  # the lead's hook may have run
    mail = mails_to("a@example.org")[-1]
    assert mail.subject.startswith("Termin entfällt")
    assert "Der Referent ist erkrankt." in mail.body
    assert service.notify_event_cancelled(event) == 0
    assert len(mails_to("a@example.org")) == 2
