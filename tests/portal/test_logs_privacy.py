"""No personal data in the logs: the citizen flows that take personal data (application,
appointment booking, event sign-up, volunteering interest, club contact message, club
registration, failed logins) and their failure paths (mail refused by the server,
submission failing) run with every logger at DEBUG; the name, e-mail address, phone
number, street address and birth date used appear in no log record – neither in its
message, nor its arguments, nor its exception text. Logs name ids and references."""

from __future__ import annotations

import logging
import smtplib
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import mail

from portal.core import outbox
from portal.core.models import OutboxMessage
from services.applications import submission
from services.models import Booking, BookingStatus, Case
from tests.services.booking_helpers import book_path, link_in, monday, path_of, selection
from tests.services.factories import ApplicationFormFactory, simple_steps
from tests.services.factories_applications import application_page, started, step_url, url
from tests.services.factories_appointments import office
from tests.vereinsportal.factories import club_page, volunteer_board
from tests.vereinsportal.factories_signups import first_occurrence, post_signup, signup_event
from tests.vereinsportal.factories_volunteering import board_url, opportunity
from vereinsportal.models import ContactVisibility, Signup, VolunteerInterest

pytestmark = pytest.mark.django_db

NAME = "Henrike Quast-Obermaier"
FIRST, LAST = NAME.split(" ")
EMAIL = "henrike.quast@privat.example"
PHONE = "0176 5550123"
STREET = "Lindenallee 17"
BIRTH_DATE = "1987-03-14"
SECRETS = (NAME, FIRST, LAST, EMAIL, PHONE, PHONE.replace(" ", ""), STREET, BIRTH_DATE)


@pytest.fixture
def all_logs(caplog):
    """Every record of every logger at DEBUG: loggers that settings quieten (``wagtail``,
    ``django_tasks``) or that do not propagate are opened up for the test."""
    caplog.set_level(logging.DEBUG)
    changed = []
    for logger in list(logging.root.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            changed.append((logger, logger.level, logger.propagate, logger.disabled))
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
            logger.disabled = False
    logging.getLogger("wagtail").debug("probe")
    assert any(record.name == "wagtail" for record in caplog.records)
    caplog.clear()
    yield caplog
    for logger, level, propagate, disabled in changed:
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled


def record_texts(records: list[logging.LogRecord]) -> list[str]:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    texts = []
    for record in records:
        texts.append(formatter.format(record))  # message with args, exception, stack
        texts.append(f"{record.msg!r} {record.args!r} {record.exc_text or ''}")
    return texts


def assert_no_personal_data(records: list[logging.LogRecord]) -> None:
    leaks = [
        (secret, text)
        for text in record_texts(records)
        for secret in SECRETS
        if secret.lower() in text.lower()
    ]
    assert leaks == [], "personal data in the logs:\n" + "\n".join(
        f"{secret!r} in {text[:500]!r}" for secret, text in leaks
    )


def person_steps() -> list[dict]:
    steps = simple_steps(with_file=False)
    steps[0]["value"]["fields"] += [
        {"type": "phone", "value": {"label": "Telefon", "key": "telefon", "required": True}},
        {
            "type": "date",
            "value": {
                "label": "Geburtsdatum",
                "key": "geburtsdatum",
                "required": True,
                "allowed": "past",
            },
        },
    ]
    return steps


def fill_application(client, page) -> None:
    first = client.post(
        step_url(page, 1),
        {
            "vorname": FIRST,
            "nachname": LAST,
            "email": EMAIL,
            "telefon": PHONE,
            "geburtsdatum": BIRTH_DATE,
            "anschrift_0": STREET,
            "anschrift_1": "76646",
            "anschrift_2": "Bruchsal",
            **started(),
        },
    )
    assert first.status_code == 302, first.content.decode()[:2000]
    second = client.post(
        step_url(page, 2), {"hundename": "Bello", "gelistet": "nein", "einwilligung": "on"}
    )
    assert second.status_code == 302, second.content.decode()[:2000]


def test_application_submit_logs_no_personal_data(
    site_client, all_logs, django_capture_on_commit_callbacks
):
    page = application_page(form=ApplicationFormFactory(steps=person_steps()))
    client = site_client("bruchsal")
    fill_application(client, page)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url(page, "pruefen/"), {})
    assert done.status_code == 302

    case = Case.objects.get(service_page=page)
    assert case.applicant_email == EMAIL  # stored where it belongs …
    assert any(EMAIL in message.to for message in mail.outbox)
    assert_no_personal_data(all_logs.records)  # … and nowhere in the logs


def test_failed_submission_logs_the_draft_not_the_error_text(
    site_client, all_logs, django_capture_on_commit_callbacks
):
    """A database error names the values it choked on (PostgreSQL's ``DETAIL: Key
    (applicant_email)=(…)``): the log keeps the draft's id and the error's type."""
    page = application_page(form=ApplicationFormFactory(steps=person_steps()))
    client = site_client("bruchsal")
    fill_application(client, page)
    failure = RuntimeError(f"DETAIL: Key (applicant_email)=({EMAIL}) already exists.")
    with mock.patch.object(submission, "submit", side_effect=failure):
        response = client.post(url(page, "pruefen/"), {})

    assert response.status_code == 503
    assert not Case.objects.filter(service_page=page).exists()
    [record] = [r for r in all_logs.records if r.name == "services.applications.views"]
    assert record.levelno == logging.ERROR
    assert "could not be submitted" in record.getMessage()
    assert "RuntimeError at" in record.getMessage()  # type and place are kept
    assert_no_personal_data(all_logs.records)


def test_appointment_booking_logs_no_personal_data(
    site_client, all_logs, django_capture_on_commit_callbacks
):
    bookable = office(counters=1)
    client = site_client("bruchsal")
    path = book_path(bookable, s=selection(bookable), tag=monday().isoformat())
    person = {"name": NAME, "email": EMAIL, "phone": PHONE, "consent": "on", "url_homepage": ""}
    with django_capture_on_commit_callbacks(execute=True):
        requested = client.post(path, {**person, "zeit": "09:00"})
    assert requested.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(path_of(link_in(mail.outbox[0].body, "bestaetigen")))
    assert confirmed.status_code == 200

    booking = Booking.objects.get(office=bookable)
    assert (booking.status, booking.email, booking.phone) == (BookingStatus.CONFIRMED, EMAIL, PHONE)
    assert_no_personal_data(all_logs.records)


def test_event_signup_logs_no_personal_data(
    site_client, all_logs, django_capture_on_commit_callbacks
):
    event = signup_event(capacity=5)
    occurrence = first_occurrence(event)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signup(
            site_client("bruchsal"), event, occurrence, name=NAME, email=EMAIL, phone=PHONE
        )
    assert response.status_code == 302
    assert Signup.objects.get(occurrence=occurrence).email == EMAIL
    assert_no_personal_data(all_logs.records)


def test_volunteer_interest_and_club_contact_log_no_personal_data(
    site_client, all_logs, django_capture_on_commit_callbacks
):
    board = volunteer_board("bruchsal")
    club = club_page(
        "bruchsal",
        "TV Bruchsal",
        contact_email="vorstand@tv-bruchsal.example",
        contact_visibility=ContactVisibility.FORM_ONLY,
    )
    item = opportunity(club, "Trainer/in für die E-Jugend")
    client = site_client("bruchsal")
    message = f"Ich wohne in der {STREET} und bin unter {PHONE} erreichbar."
    with django_capture_on_commit_callbacks(execute=True):
        interest = client.post(
            board_url(board, item.pk),
            {"name": NAME, "email": EMAIL, "phone": PHONE, "message": message, "consent": "on"},
        )
        contact = client.post(
            urlsplit(club.full_url).path + "kontakt/",
            {
                "name": NAME,
                "email": EMAIL,
                "subject": "Probetraining",
                "message": message,
                "consent": "on",
            },
        )
    assert interest.status_code == 302 and contact.status_code == 302
    assert VolunteerInterest.objects.get(opportunity=item).email == EMAIL
    assert OutboxMessage.objects.filter(reply_to=EMAIL).count() == 2
    assert_no_personal_data(all_logs.records)


@pytest.mark.parametrize("path", ["/admin/login/", "/verein/anmelden/"])
def test_failed_login_logs_no_personal_data(site_client, all_logs, path):
    client = site_client("bruchsal")
    for _attempt in range(3):
        response = client.post(path, {"username": EMAIL, "password": f"{LAST}-{BIRTH_DATE}"})
        assert response.status_code in (200, 403, 429)
    assert not response.wsgi_request.user.is_authenticated
    assert_no_personal_data(all_logs.records)


def test_refused_mail_logs_the_message_id_not_the_address(all_logs):
    message = OutboxMessage.objects.create(to=[EMAIL], subject="Ihr Antrag", body=f"Hallo {NAME}")
    refused = smtplib.SMTPRecipientsRefused({EMAIL: (550, b"5.1.1 mailbox unavailable")})
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=refused):
        assert outbox.send(message) is False

    message.refresh_from_db()
    assert EMAIL in message.last_error  # the outbox (deleted with the mail) keeps the detail
    [record] = [r for r in all_logs.records if r.name == "portal.core.outbox"]
    assert str(message.pk) in record.getMessage()
    assert "SMTPRecipientsRefused" in record.getMessage()
    assert_no_personal_data(all_logs.records)
