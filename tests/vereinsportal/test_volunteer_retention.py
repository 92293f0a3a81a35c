"""Retention of citizens' messages: older than VEREINE_INTEREST_KEEP_DAYS → deleted
(read or not), younger ones stay; the job is registered with the scheduler."""

from __future__ import annotations

import pytest

from tests.vereinsportal.factories import club_page
from tests.vereinsportal.factories_volunteering import interest, opportunity
from vereinsportal import scheduled
from vereinsportal.models import VolunteerInterest
from vereinsportal.volunteering.jobs import delete_old_interests

pytestmark = pytest.mark.django_db


def test_old_messages_are_deleted_young_ones_stay(settings):
    settings.VEREINE_INTEREST_KEEP_DAYS = 90
    item = opportunity(club_page("bruchsal"))
    old = interest(item, created_days_ago=91)
    old_read = interest(item, created_days_ago=120)
    young = interest(item, created_days_ago=89)
    fresh = interest(item)

    summary = delete_old_interests()

    assert summary == "Ehrenamt: 2 Nachrichten älter als 90 Tage gelöscht"
    remaining = set(VolunteerInterest.objects.values_list("pk", flat=True))
    assert remaining == {young.pk, fresh.pk}
    assert old.pk not in remaining and old_read.pk not in remaining
    assert delete_old_interests() == "Ehrenamt: 0 Nachrichten älter als 90 Tage gelöscht"


def test_period_follows_the_setting(settings):
    settings.VEREINE_INTEREST_KEEP_DAYS = 30
    item = opportunity(club_page("bruchsal"))
    interest(item, created_days_ago=31)
    kept = interest(item, created_days_ago=29)
    assert delete_old_interests() == "Ehrenamt: 1 Nachricht älter als 30 Tage gelöscht"
    assert list(VolunteerInterest.objects.all()) == [kept]


def test_job_is_registered():
    assert delete_old_interests in scheduled.JOBS
