"""Value profiles: believable, smooth curves for simulated sensors (demo, simulator).

``value_at(spec, time)`` gives the value a sensor of a kind would report at ``time``. The
curve is a smooth function of time (daily and weekly rhythm, season, slow "weather"
waves whose phases follow from a hash of the spec) plus a little noise seeded by the spec
and the second: the same spec and time always give the same value, two sensors with
different specs do not move in lockstep.

The demo seed writes the specs into ``Thing.properties["simulation"]``::

    {"<datastream key>": {"profile": "water_level", "base": 120, "amplitude": 60}}

Profiles and what ``base`` / ``amplitude`` mean:

=============  =======================================  ===================================
profile        base                                     amplitude
=============  =======================================  ===================================
water_level    mean level (cm)                          swing over days/season (cm)
temperature    annual mean (°C, Rheinebene ≈ 11)        half the daily range (°C)
humidity       mean relative humidity (%)               half the daily range (%)
pm10           background (µg/m³)                       rush-hour and heating peaks (µg/m³)
co2            outdoor level (ppm, ≈ 420)               rise when the room is in use (ppm)
parking        spaces always free (usually 0)           capacity (spaces): 0 … capacity
bin_fill       fill just after emptying (%)             fill reached after a week (%)
traffic        vehicles per 15 min at night             vehicles per 15 min at the peak
=============  =======================================  ===================================

Optional keys: ``weekday`` (bin_fill: day of emptying, 0 = Monday; default from the hash),
``noise`` (scale of the noise, default 1), ``decimals`` (rounding, default by profile),
``flood`` (water_level: ``{"start": ISO time, "height": cm, "days": n}``, a flood wave),
``indoor`` (temperature: a heated room). Any other key (e.g. ``"id"``) only changes the
hash, so that two stations with the same numbers do not report the same values.

For many values of one spec, prepare it once: ``curve = Profile(spec); curve(time)``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Callable
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
DAY = 86400.0
YEAR_DAYS = 365.2425
MASK = (1 << 64) - 1

PROFILES = (
    "water_level",
    "temperature",
    "humidity",
    "pm10",
    "co2",
    "parking",
    "bin_fill",
    "traffic",
)


class ProfileError(ValueError):
    """An unusable spec (unknown profile, base or amplitude not a number)."""


def _digest(spec: dict) -> int:
    text = json.dumps(spec, sort_keys=True, default=str)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def _phase(seed: int, number: int) -> float:
    """A fixed phase (0 … 2π) per spec and wave."""
    return ((seed >> (number * 7)) % 1000) / 1000 * 2 * math.pi


def _noise(seed: int, seconds: float) -> float:
    """Uniform noise in −1 … 1, the same for the same spec and second (splitmix64)."""
    x = (seed ^ int(seconds)) & MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK
    x ^= x >> 31
    return x / MASK * 2 - 1


def _wave(seconds: float, period_days: float, phase: float) -> float:
    return math.sin(2 * math.pi * seconds / (period_days * DAY) + phase)


def _season(local: dt.datetime) -> float:
    """−1 in mid-January … +1 in mid-July."""
    day = local.timetuple().tm_yday
    return -math.cos(2 * math.pi * (day - 15) / YEAR_DAYS)


def _hour(local: dt.datetime) -> float:
    return local.hour + local.minute / 60 + local.second / 3600


def _bump(hour: float, centre: float, width: float) -> float:
    """A smooth peak (1 at ``centre``) over the hours of a day."""
    distance = min(abs(hour - centre), 24 - abs(hour - centre))
    return math.exp(-((distance / width) ** 2))


def _water_level(spec, seed, seconds, local, noise) -> float:
    base, amplitude = spec["base"], spec["amplitude"]
    swell = (
        0.45 * _wave(seconds, 9.3, _phase(seed, 1))
        + 0.25 * _wave(seconds, 3.7, _phase(seed, 2))
        + 0.10 * _wave(seconds, 1.3, _phase(seed, 3))
        # snow melt and winter rain: rivers run higher from December to April
        + 0.20 * -_season(local)
    )
    return max(0.0, base + amplitude * swell + 0.4 * noise)


def _temperature(spec, seed, seconds, local, noise) -> float:
    base, amplitude = spec["base"], spec["amplitude"]
    if spec.get("indoor"):  # heated room: a small daily swing, no seasons
        daily = _bump(_hour(local), 14, 4) if local.weekday() < 5 else 0.0
        return base + amplitude * (daily - 0.5) + 0.3 * _wave(seconds, 3.1, _phase(seed, 1))
    season = 9.5 * _season(local)
    daily = -math.cos(2 * math.pi * (_hour(local) - 3) / 24)  # coldest ≈ 3–5, warmest ≈ 15
    daily_range = amplitude * (1 + 0.3 * _season(local))  # wider in summer
    weather = 2.5 * _wave(seconds, 5.3, _phase(seed, 1)) + 1.2 * _wave(
        seconds, 2.1, _phase(seed, 2)
    )
    return base + season + daily_range * daily + weather + 0.15 * noise


def _humidity(spec, seed, seconds, local, noise) -> float:
    base, amplitude = spec["base"], spec["amplitude"]
    daily = math.cos(2 * math.pi * (_hour(local) - 4) / 24)  # humid at dawn, dry afternoon
    value = (
        base
        + amplitude * daily
        + 6 * _wave(seconds, 4.1, _phase(seed, 1))
        - 5 * _season(local)  # drier summers
        + 0.8 * noise
    )
    return min(100.0, max(5.0, value))


def _pm10(spec, seed, seconds, local, noise) -> float:
    base, amplitude = spec["base"], spec["amplitude"]
    hour = _hour(local)
    workday = local.weekday() < 5
    rush = (
        (_bump(hour, 7.8, 1.4) + 0.8 * _bump(hour, 17.3, 1.8))
        if workday
        else 0.3 * _bump(hour, 14, 3)
    )
    heating = 0.5 * max(0.0, -_season(local)) * _bump(hour, 20, 3)  # winter evenings
    weather = 1 + 0.35 * _wave(seconds, 6.2, _phase(seed, 1))  # calm days accumulate
    return max(0.0, (base + amplitude * (0.8 * rush + heating)) * weather + 0.8 * noise)


def _co2(spec, seed, seconds, local, noise) -> float:
    base, amplitude = spec["base"], spec["amplitude"]
    hour = _hour(local)
    in_use = 0.0
    if local.weekday() < 5 and 7.5 <= hour <= 17:
        in_use = math.sin(math.pi * (hour - 7.5) / 9.5) ** 0.6  # builds up, aired at lunch
        in_use *= 1 - 0.35 * _bump(hour, 12.3, 0.5)
    value = base + amplitude * in_use * (1 + 0.1 * _wave(seconds, 3, _phase(seed, 1)))
    return max(300.0, value + 4 * noise)


def _parking(spec, seed, seconds, local, noise) -> float:
    reserved, capacity = spec["base"], spec["amplitude"]
    hour = _hour(local)
    weekday = local.weekday()
    if weekday < 5:
        occupied = 0.15 + 0.7 * _bump(hour, 11, 2.2) + 0.6 * _bump(hour, 16.5, 2)
    elif weekday == 5:  # Saturday shopping
        occupied = 0.15 + 0.85 * _bump(hour, 13, 2.8)
    else:
        occupied = 0.1 + 0.25 * _bump(hour, 15, 3)
    occupied = min(0.98, occupied * (1 + 0.06 * _wave(seconds, 2.3, _phase(seed, 1))))
    occupied += 0.02 * noise
    free = capacity * (1 - occupied)
    return float(min(capacity, max(reserved, round(free))))


def _bin_fill(spec, seed, seconds, local, noise) -> float:
    residue, weekly = spec["base"], spec["amplitude"]
    weekday = int(spec.get("weekday", seed % 5))  # emptied on a workday at 7:00
    emptied = local.replace(hour=7, minute=0, second=0, microsecond=0) - dt.timedelta(
        days=(local.weekday() - weekday) % 7
    )
    if emptied > local:
        emptied -= dt.timedelta(days=7)
    hours = (local - emptied).total_seconds() / 3600
    progress = hours / 168
    value = residue + weekly * progress**0.9 + 0.6 * noise * min(1.0, progress * 10)
    return min(100.0, max(0.0, value))


def _traffic(spec, seed, seconds, local, noise) -> float:
    night, peak = spec["base"], spec["amplitude"]
    hour = _hour(local)
    if local.weekday() < 5:
        shape = (
            0.95 * _bump(hour, 7.6, 1.2)
            + 1.0 * _bump(hour, 17, 1.8)
            + 0.55 * _bump(hour, 12.5, 3.5)
        )
    else:
        shape = 0.6 * _bump(hour, 13, 4)
    shape = min(1.0, shape) * (1 + 0.05 * _wave(seconds, 7, _phase(seed, 1)))
    expected = night + (peak - night) * shape
    return float(max(0, round(expected * (1 + 0.08 * noise))))


CURVES: dict[str, Callable[..., float]] = {
    "water_level": _water_level,
    "temperature": _temperature,
    "humidity": _humidity,
    "pm10": _pm10,
    "co2": _co2,
    "parking": _parking,
    "bin_fill": _bin_fill,
    "traffic": _traffic,
}
DECIMALS = {
    "water_level": 0,
    "temperature": 1,
    "humidity": 0,
    "pm10": 0,
    "co2": 0,
    "parking": 0,
    "bin_fill": 0,
    "traffic": 0,
}


class Profile:
    """A spec checked and prepared once; ``profile(time)`` is its value at ``time``."""

    def __init__(self, spec: dict):
        if not isinstance(spec, dict):
            raise ProfileError("spec must be a dict")
        name = spec.get("profile")
        self.curve = CURVES.get(name)
        if self.curve is None:
            raise ProfileError(f"unknown profile {name!r}; known: {', '.join(PROFILES)}")
        values = {"base": spec.get("base", 0), "amplitude": spec.get("amplitude", 0)}
        for key, number in values.items():
            if isinstance(number, bool) or not isinstance(number, int | float):
                raise ProfileError(f"{key} must be a number")
            if not math.isfinite(number):
                raise ProfileError(f"{key} must be finite")
        self.spec = {**spec, **values}
        self.seed = _digest(spec)
        self.noise = float(spec.get("noise", 1))
        self.decimals = int(spec.get("decimals", DECIMALS.get(name, 1)))
        self.flood = _flood(spec.get("flood"))

    def __call__(self, time: dt.datetime) -> float:
        if time.tzinfo is None:
            time = time.replace(tzinfo=dt.UTC)
        seconds = time.timestamp()
        noise = _noise(self.seed, seconds) * self.noise
        value = self.curve(self.spec, self.seed, seconds, time.astimezone(BERLIN), noise)
        if self.flood is not None:
            value += self.flood(seconds)
        return round(float(value), self.decimals)


def _flood(flood) -> Callable[[float], float] | None:
    """A flood wave added to a water level: ``{"start": ISO time, "height": cm, "days": n}``
    – rises within a day, stays high, and falls back over the rest of its days."""
    if not flood:
        return None
    try:
        start = dt.datetime.fromisoformat(str(flood["start"])).timestamp()
        height, days = float(flood["height"]), float(flood.get("days", 7))
    except (KeyError, TypeError, ValueError) as error:
        raise ProfileError(f"flood needs start, height (and days): {error}") from error
    rise, end = min(DAY, days * DAY / 4), start + days * DAY
    hold = start + days * DAY * 0.35

    def wave(seconds: float) -> float:
        if seconds <= start or seconds >= end:
            return 0.0
        if seconds < start + rise:
            return height * math.sin(math.pi / 2 * (seconds - start) / rise) ** 2
        if seconds < hold:
            return height
        return height * math.cos(math.pi / 2 * (seconds - hold) / (end - hold)) ** 2

    return wave


def value_at(spec: dict, time: dt.datetime) -> float:
    """The value a sensor with profile ``spec`` reports at ``time`` (aware datetime)."""
    return Profile(spec)(time)


def series(spec: dict, start: dt.datetime, end: dt.datetime, step: dt.timedelta):
    """``(time, value)`` pairs from ``start`` (inclusive) to ``end`` (exclusive)."""
    profile = Profile(spec)
    time = start
    while time < end:
        yield time, profile(time)
        time += step
