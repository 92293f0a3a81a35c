"""Personal data of sign-ups is deleted VEREINE_SIGNUP_KEEP_DAYS after the date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from vereinsportal import scheduled
from vereinsportal.models import EventOccurrence, Signup
from vereinsportal.signups import service
from vereinsportal.signups.jobs import delete_old_signups

from .factories_signups import first_occurrence, in_days, signup_event

pytestmark = pytest.mark.django_db


def test_old_sign_ups_are_deleted_after_the_keep_period(settings):
    settings.VEREINE_SIGNUP_KEEP_DAYS = 30
    event = signup_event(capacity=1, start=in_days(5))
    occurrence = first_occurrence(event)
    kept = service.sign_up(occurrence, name="A", email="a@example.org")
    waiting = service.sign_up(occurrence, name="B", email="b@example.org")
    upcoming = signup_event(capacity=5, start=in_days(6))
    fresh = service.sign_up(first_occurrence(upcoming), name="C", email="c@example.org")

    # the first date ended 29 days ago: still kept
    ended = timezone.now() - dt.timedelta(days=29)
    EventOccurrence.objects.filter(pk=occurrence.pk).update(
        start=ended - dt.timedelta(hours=2), end=ended
    )
    assert "0 Anmeldungen gelöscht" in delete_old_signups()
    assert Signup.objects.filter(pk=kept.signup.pk).exists()

    # 31 days ago: both the confirmed and the waiting sign-up go, the upcoming one stays
    ended = timezone.now() - dt.timedelta(days=31)
    EventOccurrence.objects.filter(pk=occurrence.pk).update(
        start=ended - dt.timedelta(hours=2), end=ended
    )
    before = Signup.objects.count()
    summary = delete_old_signups()
    assert Signup.objects.count() == before - 2
    assert not Signup.objects.filter(pk__in=[kept.signup.pk, waiting.signup.pk]).exists()
    assert Signup.objects.filter(pk=fresh.signup.pk).exists()
    assert "Anmeldungen gelöscht" in summary and "30 Tagen" in summary
    assert EventOccurrence.objects.filter(pk=occurrence.pk).exists()  # the date stays


def test_keep_period_is_a_setting_and_said_on_the_form(settings, site_client):
    settings.VEREINE_SIGNUP_KEEP_DAYS = 7
    event = signup_event(capacity=2)
    response = site_client("bruchsal").get(event.get_url_parts()[2])
    assert "7 Tage nach dem Termin gelöscht" in response.content.decode()
    occurrence = first_occurrence(event)
    service.sign_up(occurrence, name="A", email="a@example.org")
    ended = timezone.now() - dt.timedelta(days=8)
    EventOccurrence.objects.filter(pk=occurrence.pk).update(
        start=ended - dt.timedelta(hours=1), end=ended
    )
    assert "1 Anmeldung gelöscht" in delete_old_signups()
    assert not Signup.objects.filter(occurrence=occurrence).exists()


def test_job_is_registered():
    assert delete_old_signups in scheduled.JOBS
