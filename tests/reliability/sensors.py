"""The demo's river gauge in Bruchsal, as the fault tests send to it."""

from __future__ import annotations

import datetime as dt

from .services import rows

GAUGE = r"""
from sensor_widgets.models import Datastream
stream = Datastream.objects.select_related("thing").get(
    thing__site__hostname="bruchsal.localhost", key="water_level_cm")
device = stream.thing.devices.get(decoder="water_level")
print(stream.pk, device.dev_eui, device.issue_token())
"""


def gauge(processes) -> tuple[int, str, str]:
    """(datastream id, device EUI, bearer token) of Bruchsal's water level gauge."""
    stream_id, eui, token = processes.shell(GAUGE).split()
    return int(stream_id), eui, token


def times(start: dt.datetime, count: int) -> list[dt.datetime]:
    """``count`` reading times a second apart from ``start`` – at half seconds, where the
    demo's own readings (whole minutes) never are."""
    start = start.replace(microsecond=500_000)
    return [start + dt.timedelta(seconds=n) for n in range(count)]


def stored(processes, stream_id: int, at: list[dt.datetime]) -> list[tuple]:
    """(phenomenon time, value) of the stream's stored readings at the times ``at``."""
    return rows(
        processes.database,
        "SELECT phenomenon_time, result FROM sensor_widgets_observation "
        "WHERE datastream_id = %s AND phenomenon_time = ANY(%s)",
        stream_id,
        at,
    )
