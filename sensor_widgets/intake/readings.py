"""Checking what a device sends before anything is stored: time, number, physical range.

Every check raises :class:`ReadingError` with a German message that the HTTP answer,
the device's "last error" in the admin and the MQTT worker's log show as is.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from ..models import Datastream

FUTURE_TOLERANCE = dt.timedelta(minutes=10)


class ReadingError(ValueError):
    """A reading that cannot be stored; ``str(error)`` is the German reason."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A checked value, ready to store."""

    datastream: Datastream
    phenomenon_time: dt.datetime  # aware
    result: float
    result_time: dt.datetime | None = None


def parse_time(value: object) -> dt.datetime:
    """An ISO 8601 time with time zone (``2026-12-03T10:15:00Z``) or seconds since 1970."""
    if isinstance(value, bool):
        raise ReadingError(_("Zeitangabe nicht lesbar: %(value)s") % {"value": value})
    if isinstance(value, int | float):
        if not math.isfinite(value) or not 0 <= value < 32503680000:
            raise ReadingError(_("Zeitangabe nicht lesbar: %(value)s") % {"value": value})
        return dt.datetime.fromtimestamp(value, tz=dt.UTC)
    if not isinstance(value, str) or not value.strip():
        raise ReadingError(_("Zeitangabe fehlt."))
    text = value.strip()
    if "/" in text:  # an interval "start/end": SensorThings allows it; we keep the start
        text = text.split("/", 1)[0]
    try:
        parsed = parse_datetime(text.replace("z", "Z"))
    except ValueError:
        parsed = None
    if parsed is None:
        raise ReadingError(
            _("Zeitangabe nicht lesbar: %(value)s (erwartet ISO 8601, z. B. 2026-12-03T10:15:00Z)")
            % {"value": text[:40]}
        )
    if timezone.is_naive(parsed):
        raise ReadingError(
            _("Zeitangabe ohne Zeitzone: %(value)s (z. B. mit „Z“ für UTC enden lassen)")
            % {"value": text[:40]}
        )
    return parsed.astimezone(dt.UTC)


def parse_result(value: object) -> float:
    """A finite number (``true``/``false`` and numbers in quotes are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ReadingError(_("Messwert ist keine Zahl: %(value)s") % {"value": str(value)[:40]})
    try:
        number = float(value)
    except OverflowError:  # an integer with hundreds of digits
        raise ReadingError(_("Messwert ist keine endliche Zahl.")) from None
    if not math.isfinite(number):
        raise ReadingError(_("Messwert ist keine endliche Zahl."))
    return number


def check(
    datastream: Datastream,
    time: object,
    value: object,
    *,
    now: dt.datetime | None = None,
    result_time: object = None,
) -> Reading:
    """A :class:`Reading` of ``datastream`` – or :class:`ReadingError` with the reason."""
    phenomenon_time = time if isinstance(time, dt.datetime) else parse_time(time)
    result = parse_result(value)
    now = now or timezone.now()
    if phenomenon_time > now + FUTURE_TOLERANCE:
        raise ReadingError(
            _("Messzeitpunkt %(time)s liegt in der Zukunft.")
            % {"time": phenomenon_time.isoformat()}
        )
    oldest = now - dt.timedelta(days=settings.SENSOR_RAW_KEEP_DAYS)
    if phenomenon_time < oldest:
        raise ReadingError(
            _("Messzeitpunkt %(time)s ist älter als %(days)s Tage.")
            % {"time": phenomenon_time.isoformat(), "days": settings.SENSOR_RAW_KEEP_DAYS}
        )
    error = datastream.range_error(result)
    if error:
        raise ReadingError(f"{datastream.name}: {error}")
    parsed_result_time = None
    if result_time not in (None, ""):
        parsed_result_time = (
            result_time if isinstance(result_time, dt.datetime) else parse_time(result_time)
        )
    return Reading(datastream, phenomenon_time, result, parsed_result_time)
