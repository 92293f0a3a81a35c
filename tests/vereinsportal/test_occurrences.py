"""Occurrence rows follow publishing: built, updated, dropped (kept cancelled when people
signed up), cleared on unpublish – with a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from vereinsportal import occurrences
from vereinsportal.calendar.jobs import JOBS, extend_horizons
from vereinsportal.models import EventOccurrence, SignupStatus
from vereinsportal.scheduled import JOBS as ALL_JOBS

from .factories import berlin, club_page, event_page
from .factories_events import BERLIN, local_days, republish, signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def club():
    return club_page("bruchsal", "TV Termine")


def test_publishing_builds_one_row_per_date(club):
    event = event_page(
        club,
        start=berlin(2027, 3, 16, 19),
        recurrence="FREQ=WEEKLY;COUNT=4",
        exceptions=["2027-03-23"],
        is_free=False,
        wheelchair_accessible=True,
    )
    rows = list(event.occurrences.order_by("start"))
    assert local_days(rows) == [dt.date(2027, 3, 16), dt.date(2027, 3, 30), dt.date(2027, 4, 6)]
    assert {row.site_id for row in rows} == {club.town_site_id}
    assert {row.club_id for row in rows} == {club.pk}
    assert not any(row.is_free for row in rows) and all(row.wheelchair_accessible for row in rows)


def test_rebuild_is_idempotent_and_updates_copied_fields(club):
    event = event_page(club, start=berlin(2027, 3, 16, 19), recurrence="FREQ=WEEKLY;COUNT=3")
    ids = set(event.occurrences.values_list("pk", flat=True))
    occurrences.rebuild(event)
    assert set(event.occurrences.values_list("pk", flat=True)) == ids
    event = republish(event, is_free=False, end=berlin(2027, 3, 16, 22))
    rows = list(event.occurrences.order_by("start"))
    assert {row.pk for row in rows} == ids
    assert not any(row.is_free for row in rows)
    assert [row.end.astimezone(BERLIN).hour for row in rows] == [22, 22, 22]


def test_dropped_dates_are_deleted_unless_people_signed_up(club):
    event = event_page(club, start=berlin(2027, 3, 16, 19), recurrence="FREQ=WEEKLY;COUNT=4")
    rows = list(event.occurrences.order_by("start"))
    signup(rows[1])  # 23 March: someone is coming
    signup(rows[2], status=SignupStatus.CANCELLED)  # 30 March: only a cancelled sign-up
    told = []
    occurrences.on_occurrences_dropped.append(lambda event, dropped: told.append(dropped))
    try:
        republish(event, exceptions=["2027-03-23", "2027-03-30"])
    finally:
        occurrences.on_occurrences_dropped.pop()
    remaining = {row.start.date(): row.cancelled for row in event.occurrences.all()}
    assert remaining == {
        dt.date(2027, 3, 16): False,
        dt.date(2027, 3, 23): True,  # kept, marked cancelled
        dt.date(2027, 4, 6): False,
    }
    assert [[row.pk for row in dropped] for dropped in told] == [[rows[1].pk]]
    # publishing again changes nothing and tells nobody twice
    assert occurrences.rebuild(event) == []


def test_unpublishing_clears_the_dates(club):
    event = event_page(club, start=berlin(2027, 3, 16, 19), recurrence="FREQ=WEEKLY;COUNT=3")
    kept = event.occurrences.order_by("start").first()
    signup(kept)
    event.unpublish()
    rows = list(EventOccurrence.objects.filter(event=event))
    assert [(row.pk, row.cancelled) for row in rows] == [(kept.pk, True)]


def test_deleting_the_event_removes_its_rows(club):
    event = event_page(club, recurrence="FREQ=WEEKLY;COUNT=3")
    pk = event.pk
    event.delete()
    assert not EventOccurrence.objects.filter(event_id=pk).exists()


def test_draft_event_has_no_dates(club):
    event = event_page(club, live=False)
    assert not event.occurrences.exists()


def test_rebuild_needs_the_same_queries_for_5_and_200_dates(club):
    small = event_page(club, start=berlin(2027, 1, 4, 19), recurrence="FREQ=WEEKLY;COUNT=5")
    large = event_page(club, start=berlin(2027, 1, 4, 19), recurrence="FREQ=DAILY;COUNT=200")
    for event in (small, large):
        event.occurrences.all().delete()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for event in (small, large):
        with CaptureQueriesContext(connection) as first:
            occurrences.rebuild(event)  # inserts every date
        republished = type(event).objects.get(pk=event.pk)
        republished.is_free = False
        with CaptureQueriesContext(connection) as second:
            occurrences.rebuild(republished)  # updates every date
        counts.append((len(first), len(second)))
    assert counts[0] == counts[1]
    assert max(counts[1]) <= 8
    assert EventOccurrence.objects.filter(event=large).count() == 200


def test_nightly_job_moves_the_horizon_of_open_ended_events(club, settings):
    settings.VEREINE_OCCURRENCE_HORIZON_DAYS = 14
    today = dt.datetime.now(BERLIN).replace(hour=10, minute=0, second=0, microsecond=0)
    event = event_page(club, start=today, recurrence="FREQ=DAILY")
    finite = event_page(club, start=today, recurrence="FREQ=DAILY;COUNT=3")
    assert 14 <= event.occurrences.count() <= 16
    settings.VEREINE_OCCURRENCE_HORIZON_DAYS = 30
    assert "rebuilt" in extend_horizons()
    assert 30 <= event.occurrences.count() <= 32
    assert finite.occurrences.count() == 3
    assert extend_horizons in JOBS and extend_horizons in ALL_JOBS
