"""Periodic jobs and the mail outbox: a mail stored with its cause survives until sent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.db.models import QuerySet

from portal.core import outbox, scheduled
from portal.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_mail_is_sent_after_commit_and_marked(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.queue_mail(
            ["erika@example.org"],
            "Ihr Antrag",
            "Guten Tag",
            attachments=[("termin.ics", b"BEGIN:VCALENDAR", "text/calendar")],
        )
    assert [m.subject for m in mail.outbox] == ["Ihr Antrag"]
    assert mail.outbox[0].attachments[0][0] == "termin.ics"
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1


def test_mail_not_sent_when_the_transaction_fails():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.queue_mail(["erika@example.org"], "Nie", "x")
        raise RuntimeError
    assert not OutboxMessage.objects.filter(subject="Nie").exists()
    assert mail.outbox == []


def test_waiting_mail_is_sent_by_the_scheduled_flush():
    # as after a crash between commit and delivery: stored, never enqueued
    OutboxMessage.objects.create(to=["a@example.org"], subject="Liegengeblieben", body="x")
    results = scheduled.run_all()
    assert results["core.flush_outbox"] == "1 E-Mail(s) versendet"
    assert [m.subject for m in mail.outbox] == ["Liegengeblieben"]
    scheduled.run_all()  # other jobs may queue mails (reminders …); this one goes once
    assert [m.subject for m in mail.outbox].count("Liegengeblieben") == 1


def test_failed_delivery_is_kept_for_the_next_run(settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 1},
        }
    }
    message = OutboxMessage.objects.create(to=["a@example.org"], subject="Später", body="x")
    assert outbox.send(message) is False
    message.refresh_from_db()
    assert message.sent_at is None and message.attempts == 1 and message.last_error


def test_database_away_after_the_mail_server_took_the_mail_sends_it_once(monkeypatch):
    """The mail server answered 250, then the database went away before ``sent_at`` was
    committed (a PostgreSQL restart): the worker records it once the database answers
    again – the next flush must not send the mail a second time."""
    message = OutboxMessage.objects.create(to=["a@example.org"], subject="Einmal", body="x")
    original_save, original_update = OutboxMessage.save, QuerySet.update
    attempts = []

    def save(self, *args, **kwargs):
        if "sent_at" in (kwargs.get("update_fields") or ()):
            raise OperationalError("server closed the connection unexpectedly")
        return original_save(self, *args, **kwargs)

    def update(self, **values):
        attempts.append(values)
        if len(attempts) == 1:  # still restarting at the first try
            raise OperationalError("connection refused")
        return original_update(self, **values)

    monkeypatch.setattr(OutboxMessage, "save", save)
    monkeypatch.setattr(QuerySet, "update", update)
    monkeypatch.setattr(outbox.time, "sleep", lambda seconds: None)
    assert outbox.send(message) is True
    monkeypatch.undo()

    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1 and not message.last_error
    assert len(attempts) == 2
    assert outbox.flush() == 0
    assert [m.subject for m in mail.outbox] == ["Einmal"]


def test_database_away_before_the_mail_went_out_keeps_it_waiting(monkeypatch):
    message = OutboxMessage.objects.create(to=["a@example.org"], subject="Wartet", body="x")

    def select_for_update(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(QuerySet, "select_for_update", select_for_update)
    with pytest.raises(OperationalError):
        outbox.send(message)
    monkeypatch.undo()
    assert mail.outbox == []
    assert outbox.flush() == 1
    assert [m.subject for m in mail.outbox] == ["Wartet"]


def test_run_scheduled_command_reports_every_job():
    OutboxMessage.objects.create(to=["a@example.org"], subject="Befehl", body="x")
    output = StringIO()
    call_command("run_scheduled", stdout=output)
    assert "core.flush_outbox: 1 E-Mail(s) versendet" in output.getvalue().splitlines()


def test_sent_mails_are_purged_after_the_keeping_period(settings):
    import datetime as dt

    from django.utils import timezone

    settings.OUTBOX_KEEP_DAYS = 30
    now = timezone.now()
    old = OutboxMessage.objects.create(to=["a@example.org"], subject="Alt", body="x")
    recent = OutboxMessage.objects.create(to=["a@example.org"], subject="Neu", body="x")
    waiting = OutboxMessage.objects.create(to=["a@example.org"], subject="Wartet", body="x")
    OutboxMessage.objects.filter(pk=old.pk).update(sent_at=now - dt.timedelta(days=31))
    OutboxMessage.objects.filter(pk=recent.pk).update(sent_at=now - dt.timedelta(days=29))
    OutboxMessage.objects.filter(pk=waiting.pk).update(created_at=now - dt.timedelta(days=40))
    assert scheduled.purge_outbox() == "1 alte E-Mail(s) gelöscht"
    assert set(OutboxMessage.objects.values_list("subject", flat=True)) == {"Neu", "Wartet"}
