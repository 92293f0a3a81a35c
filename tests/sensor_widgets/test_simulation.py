"""Value profiles: believable curves a simulated sensor reports."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sensor_widgets.simulation import PROFILES, ProfileError, series, value_at

BERLIN = ZoneInfo("Europe/Berlin")
WEEK = dt.datetime(2026, 11, 30, tzinfo=BERLIN)  # a Monday
TYPICAL_BASE = {"co2": 420, "humidity": 60}


def _week(spec, step=dt.timedelta(minutes=30)):
    return list(series(spec, WEEK, WEEK + dt.timedelta(days=7), step))


def _at(spec, day: int, hour: int, month: int = 12) -> float:
    return value_at(spec, dt.datetime(2026, month, day, hour, tzinfo=BERLIN))


@pytest.mark.parametrize("profile", PROFILES)
def test_the_same_spec_and_time_give_the_same_value_and_other_specs_differ(profile):
    spec = {"profile": profile, "base": TYPICAL_BASE.get(profile, 20), "amplitude": 100}
    time = dt.datetime(2026, 12, 3, 10, 15, 7, tzinfo=dt.UTC)
    assert value_at(spec, time) == value_at(dict(spec), time)
    values = [v for _t, v in _week(spec)]
    other = [v for _t, v in _week({**spec, "base": 21})]
    assert values != other
    assert len(set(values)) > 10  # it moves


@pytest.mark.parametrize("profile", PROFILES)
def test_curves_are_smooth(profile):
    spec = {"profile": profile, "base": 10, "amplitude": 100}
    values = [v for _t, v in _week(spec, step=dt.timedelta(minutes=5))]
    jumps = sorted(abs(b - a) for a, b in zip(values, values[1:], strict=False))
    # bins are emptied once a week; everything else changes gradually
    assert jumps[-2] < 25


def test_water_level_swells_over_days_around_its_base():
    spec = {"profile": "water_level", "base": 120, "amplitude": 60}
    values = [v for _t, v in _week(spec)]
    assert min(values) >= 60 and max(values) <= 180
    assert max(values) - min(values) > 15
    assert all(v >= 0 for v in values)


def test_temperature_has_a_daily_cycle_and_seasons():
    spec = {"profile": "temperature", "base": 11, "amplitude": 5}
    assert _at(spec, 3, 15) > _at(spec, 3, 4)  # afternoon warmer than night
    july = sum(_at(spec, day, 12, month=7) for day in range(1, 29)) / 28
    january = sum(_at(spec, day, 12, month=1) for day in range(1, 29)) / 28
    assert july - january > 12
    assert -15 < january < 10 and 15 < july < 35


def test_humidity_stays_a_percentage():
    values = [v for _t, v in _week({"profile": "humidity", "base": 90, "amplitude": 30})]
    assert all(5 <= v <= 100 for v in values)


def test_pm10_peaks_in_the_weekday_rush_hour():
    spec = {"profile": "pm10", "base": 12, "amplitude": 30}
    assert _at(spec, 1, 8) > _at(spec, 1, 3) + 10  # Tuesday
    assert min(v for _t, v in _week(spec)) >= 0


def test_co2_rises_while_a_room_is_used_on_workdays():
    spec = {"profile": "co2", "base": 420, "amplitude": 700}
    assert _at(spec, 2, 11) > 900
    assert _at(spec, 2, 22) < 450
    assert _at(spec, 6, 11) < 450  # Sunday


def test_parking_gives_whole_free_spaces_within_the_capacity():
    spec = {"profile": "parking", "base": 0, "amplitude": 320}
    values = [v for _t, v in _week(spec)]
    assert all(v == int(v) and 0 <= v <= 320 for v in values)
    assert _at(spec, 2, 11) < _at(spec, 2, 3) - 150  # full at late morning, empty at night
    assert _at(spec, 5, 13) < 100  # Saturday shopping


def test_bins_fill_up_and_are_emptied_on_their_weekday_morning():
    spec = {"profile": "bin_fill", "base": 5, "amplitude": 85, "weekday": 2}  # Wednesday
    before, after = _at(spec, 2, 6), _at(spec, 2, 8)
    assert before > 80 and after < 10
    assert _at(spec, 4, 12) > after  # rising again by Friday
    assert all(0 <= v <= 100 for _t, v in _week(spec))


def test_traffic_counts_follow_the_rush_hours():
    spec = {"profile": "traffic", "base": 8, "amplitude": 320}
    assert _at(spec, 1, 7) > 5 * _at(spec, 1, 3)
    assert _at(spec, 1, 17) > _at(spec, 6, 17)  # Tuesday evening busier than Sunday
    assert all(v == int(v) and v >= 0 for _t, v in _week(spec))


@pytest.mark.parametrize(
    "spec",
    [
        {"profile": "unbekannt", "base": 1, "amplitude": 1},
        {"profile": "temperature", "base": "warm", "amplitude": 1},
        {"profile": "temperature", "base": float("nan"), "amplitude": 1},
        ["temperature"],
    ],
)
def test_unusable_specs_are_refused_clearly(spec):
    with pytest.raises(ProfileError):
        value_at(spec, dt.datetime(2026, 12, 3, tzinfo=dt.UTC))
