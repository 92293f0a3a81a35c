"""Live values over WebSocket: one Channels group per datastream.

The intake announces stored observations (``signals.observations_stored``); this module
sends each datastream's new latest value to its group. Best effort: a page that
reconnects reads the latest value from the database again.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


def group_name(datastream_id: int) -> str:
    return f"sensor.ds.{int(datastream_id)}"


def message(datastream_id: int, phenomenon_time, result: float) -> dict:
    """What a subscribed page receives (also the JSON of the polling fallback)."""
    return {
        "datastream": int(datastream_id),
        "time": phenomenon_time.isoformat().replace("+00:00", "Z"),
        "value": result,
    }


def broadcast(latest: dict) -> None:
    """Send ``{datastream_id: Stored}`` to the datastreams' groups – all from one event
    loop: a loop (and Redis connection) per datastream cost the MQTT worker ~1 s per
    batch of 100 datastreams."""
    layer = get_channel_layer()
    if layer is None or not latest:
        return
    try:
        async_to_sync(_send_all)(layer, latest)
    except Exception as error:  # noqa: BLE001 – live push is best effort
        logger.warning("live updates not sent: %s", error)


async def _send_all(layer, latest: dict) -> None:
    for datastream_id, row in latest.items():
        try:
            await layer.group_send(
                group_name(datastream_id),
                {"type": "sensor.value", **message(datastream_id, row.phenomenon_time, row.result)},
            )
        except Exception as error:  # noqa: BLE001 – one failed group does not stop the rest
            logger.warning("live update of datastream %s not sent: %s", datastream_id, error)
