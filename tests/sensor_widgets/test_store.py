"""The intake's core: readings stored once, aggregates, latest value, alerts."""

from __future__ import annotations

import datetime as dt

import pytest

from sensor_widgets.intake import ReadingError, check, store
from sensor_widgets.models import Alert, Observation, ObservationAggregate
from sensor_widgets.signals import observations_stored

from .factories import datastream, observe

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def test_same_readings_twice_are_stored_once(django_capture_on_commit_callbacks):
    stream = datastream()
    start = dt.datetime.now(UTC).replace(microsecond=0) - dt.timedelta(hours=2)
    first = observe(stream, [120, 121, 122], start=start)
    second = observe(stream, [120, 121, 122, 123], start=start)
    assert len(first.stored) == 3 and first.duplicates == 0
    assert len(second.stored) == 1 and second.duplicates == 3
    assert Observation.objects.filter(datastream=stream).count() == 4
    hour_counts = ObservationAggregate.objects.filter(datastream=stream, period="hour")
    assert sum(a.count for a in hour_counts) == 4  # the duplicates were not counted again


def test_twice_in_one_batch_is_one_observation():
    stream = datastream()
    time = dt.datetime.now(UTC) - dt.timedelta(minutes=5)
    result = store([check(stream, time, 5), check(stream, time, 6)])
    assert len(result.stored) == 1 and result.duplicates == 1
    assert list(Observation.objects.filter(datastream=stream).values_list("result", flat=True)) == [
        5
    ]


def test_aggregates_hold_count_mean_min_max_per_hour_and_berlin_day():
    stream = datastream()
    # 22:30 UTC on 1 Dec is 23:30 in Berlin, 23:00 UTC is midnight: the local day counts
    start = dt.datetime(2026, 12, 1, 22, 30, tzinfo=UTC)
    now = dt.datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
    store(
        [
            check(stream, start + dt.timedelta(minutes=15 * i), v, now=now)
            for i, v in enumerate([10, 20, 30, 40])
        ]
    )
    hour = ObservationAggregate.objects.get(
        datastream=stream, period="hour", start=dt.datetime(2026, 12, 1, 23, 0, tzinfo=UTC)
    )
    assert (hour.count, hour.mean, hour.minimum, hour.maximum) == (2, 35, 30, 40)
    days = ObservationAggregate.objects.filter(datastream=stream, period="day").order_by("start")
    assert [(d.start, d.count) for d in days] == [
        (dt.datetime(2026, 11, 30, 23, 0, tzinfo=UTC), 2),  # 1 Dec Berlin
        (dt.datetime(2026, 12, 1, 23, 0, tzinfo=UTC), 2),  # 2 Dec Berlin
    ]
    store([check(stream, hour.start + dt.timedelta(minutes=5), 5, now=now)])
    hour.refresh_from_db()
    assert (hour.count, hour.minimum, hour.maximum) == (3, 5, 40)


def test_latest_value_moves_forward_only():
    stream = datastream()
    now = dt.datetime.now(UTC).replace(microsecond=0)
    observe(stream, [100], start=now - dt.timedelta(minutes=10))
    observe(stream, [50], start=now - dt.timedelta(hours=3))  # late, older reading
    stream.refresh_from_db()
    assert stream.last_value == 100
    assert stream.last_phenomenon_time == now - dt.timedelta(minutes=10)
    assert stream.first_phenomenon_time == now - dt.timedelta(hours=3)


@pytest.mark.parametrize(
    ("time", "value", "message"),
    [
        ("2026-12-03T10:00:00", 1, "ohne Zeitzone"),
        ("gestern", 1, "nicht lesbar"),
        ("2099-01-01T00:00:00Z", 1, "Zukunft"),
        ("2001-01-01T00:00:00Z", 1, "älter als"),
        (None, 1, "fehlt"),
        ("2026-12-03T10:00:00Z", "12", "keine Zahl"),
        ("2026-12-03T10:00:00Z", True, "keine Zahl"),
        ("2026-12-03T10:00:00Z", float("nan"), "endliche"),
        ("2026-12-03T10:00:00Z", 5000, "größten möglichen Wert 1000"),
        ("2026-12-03T10:00:00Z", -1, "kleinsten möglichen Wert 0"),
    ],
)
def test_bad_readings_are_refused_with_a_reason(time, value, message):
    stream = datastream()
    now = dt.datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    with pytest.raises(ReadingError, match=message):
        check(stream, time, value, now=now)


def test_alert_opens_rises_and_closes_by_threshold():
    stream = datastream(warning_level=300, alarm_level=400, alert_title="Hochwasser-Warnung")
    now = dt.datetime.now(UTC).replace(microsecond=0)
    observe(stream, [250, 310, 330], start=now - dt.timedelta(hours=1))
    alert = Alert.objects.get(datastream=stream)
    assert (alert.level, alert.peak_value, alert.ended_at) == ("warning", 330, None)
    observe(stream, [420], start=now - dt.timedelta(minutes=10))
    warning, alarm = Alert.objects.filter(datastream=stream).order_by("started_at")
    assert warning.ended_at is not None and alarm.level == "alarm" and alarm.ended_at is None
    observe(stream, [200], start=now - dt.timedelta(minutes=5))
    assert not Alert.objects.filter(datastream=stream, ended_at__isnull=True).exists()


def test_stored_observations_are_announced_after_commit(django_capture_on_commit_callbacks):
    stream = datastream()
    heard = []

    def listen(sender, readings, latest, **kwargs):
        heard.append({k: v.result for k, v in latest.items()})

    observations_stored.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            observe(stream, [1, 2, 3])
        with django_capture_on_commit_callbacks(execute=True):
            observe(stream, [1, 2, 3], start=None)  # new times: announced again
    finally:
        observations_stored.disconnect(listen)
    assert heard[0] == {stream.pk: 3}


def test_failed_batch_changes_nothing(monkeypatch):
    stream = datastream(warning_level=300)
    observe(stream, [100], start=dt.datetime.now(UTC) - dt.timedelta(hours=1))

    def broken(latest):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr("sensor_widgets.intake.storage._update_alerts", broken)
    with pytest.raises(RuntimeError):
        observe(stream, [310, 320])
    assert list(Observation.objects.filter(datastream=stream).values_list("result", flat=True)) == [
        100
    ]
    assert (
        sum(
            ObservationAggregate.objects.filter(datastream=stream, period="day").values_list(
                "count", flat=True
            )
        )
        == 1
    )
    stream.refresh_from_db()
    assert stream.last_value == 100
