"""Retention: raw values and uplinks go after ``SENSOR_RAW_KEEP_DAYS``, aggregates stay,
ended alerts go after two years."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from portal.core import scheduled
from sensor_widgets import retention
from sensor_widgets.models import Alert, Observation, ObservationAggregate, Uplink

from .factories import datastream, device, observe

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def old_observations(stream, count: int, age: dt.timedelta) -> None:
    """Raw values from before the keep period (the intake refuses to take such)."""
    start = timezone.now() - age
    Observation.objects.bulk_create(
        Observation(
            datastream=stream,
            phenomenon_time=start - index * dt.timedelta(hours=1),
            result=100 + index,
        )
        for index in range(count)
    )


def aggregates_of(stream) -> list[tuple]:
    return list(
        ObservationAggregate.objects.filter(datastream=stream)
        .order_by("period", "start")
        .values_list("period", "start", "count", "total", "minimum", "maximum")
    )


def test_old_raw_values_go_recent_stay_aggregates_untouched(settings):
    settings.SENSOR_RAW_KEEP_DAYS = 30
    stream = datastream()
    observe(stream, [120, 121, 122, 123])  # the last hour: kept
    old_observations(stream, 25, age=31 * DAY)
    ObservationAggregate.objects.create(
        datastream=stream,
        period="day",
        start=timezone.now() - 400 * DAY,
        count=96,
        total=9600,
        minimum=90,
        maximum=110,
    )
    aggregates = aggregates_of(stream)

    report = retention.delete_old_sensor_data()

    assert Observation.objects.filter(datastream=stream).count() == 4
    assert sorted(
        Observation.objects.values_list("result", flat=True).filter(datastream=stream)
    ) == [120, 121, 122, 123]
    assert aggregates_of(stream) == aggregates
    assert "25 Rohmesswerte" in report
    assert "älter als 30 Tage" in report
    assert "Stunden- und Tageswerte bleiben erhalten" in report


def test_deletes_in_chunks_until_all_old_rows_are_gone(settings):
    settings.SENSOR_RAW_KEEP_DAYS = 10
    stream = datastream()
    old_observations(stream, 23, age=11 * DAY)
    observe(stream, [5.0])
    counts = retention.purge(chunk=5)
    assert counts["observations"] == 23
    assert Observation.objects.filter(datastream=stream).count() == 1


def test_a_run_out_of_time_leaves_the_rest_for_the_next(settings):
    settings.SENSOR_RAW_KEEP_DAYS = 10
    stream = datastream()
    old_observations(stream, 12, age=11 * DAY)
    first = retention.purge(chunk=5, budget=0)
    assert first["observations"] == 5  # one chunk, then the budget was spent
    assert Observation.objects.filter(datastream=stream).count() == 7
    retention.purge(chunk=5)
    assert Observation.objects.filter(datastream=stream).count() == 0


def test_old_uplinks_go_with_the_raw_values(settings):
    settings.SENSOR_RAW_KEEP_DAYS = 30
    stream = datastream()
    sender = device(stream.thing, dev_eui="70B3D57ED0000E01")
    now = timezone.now()
    Uplink.objects.create(key="cs:old", device=sender, received_at=now - 31 * DAY)
    Uplink.objects.create(key="cs:new", device=sender, received_at=now - 29 * DAY)
    counts = retention.purge()
    assert counts["uplinks"] == 1
    assert list(Uplink.objects.filter(device=sender).values_list("key", flat=True)) == ["cs:new"]


def test_ended_alerts_go_after_two_years_open_ones_stay():
    stream = datastream(warning_level=300, alarm_level=400)
    now = timezone.now()
    ended_long_ago = Alert.objects.create(
        datastream=stream,
        level="warning",
        started_at=now - 800 * DAY,
        ended_at=now - 790 * DAY,
        peak_value=320,
    )
    ended_last_year = Alert.objects.create(
        datastream=stream,
        level="alarm",
        started_at=now - 400 * DAY,
        ended_at=now - 399 * DAY,
        peak_value=420,
    )
    open_for_ever = Alert.objects.create(
        datastream=stream, level="warning", started_at=now - 900 * DAY, peak_value=310
    )
    counts = retention.purge()
    assert counts["alerts"] == 1
    remaining = set(Alert.objects.filter(datastream=stream).values_list("pk", flat=True))
    assert remaining == {ended_last_year.pk, open_for_ever.pk}
    assert ended_long_ago.pk not in remaining


def test_the_job_is_found_by_run_scheduled(settings):
    settings.SENSOR_RAW_KEEP_DAYS = 30
    stream = datastream()
    old_observations(stream, 3, age=40 * DAY)
    names = [name for name, _job in scheduled.jobs()]
    assert "sensor_widgets.delete_old_sensor_data" in names
    results = scheduled.run_all()
    assert results["sensor_widgets.delete_old_sensor_data"].startswith("Sensorik: 3 Rohmesswerte")
    assert not Observation.objects.filter(datastream=stream).exists()
