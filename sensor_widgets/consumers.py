"""The WebSocket of the live widgets: ``/ws/sensorik/?ds=1,2,3``.

One socket per page. The ids must be 1 to 50 public datastreams that a page on the
address used may show (a town's address: its own; the regional address: every town's) –
otherwise the socket is closed (4400 bad parameter, 4404 unknown host or datastream).
On connect (and so on every reconnect) the latest values are sent from the database;
after that each value the intake stores arrives through the datastream's group
(``live.broadcast``).

Per pushed value the work per socket is kept small: the JSON text of a message is
encoded once per message object (``encoded``) – with the fan-out layer every socket of
the process receives the same object, so once per broadcast and process – and with a
layer that can hand over every waiting message at once (``receive_many``, the fan-out
layer) a socket that fell behind catches up in one wake-up.
"""

from __future__ import annotations

import contextlib
import json
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer
from channels.utils import await_many_dispatch
from django.utils import timezone

from . import display, live

_ENCODED: dict[int, tuple[dict, str]] = {}
_ENCODED_KEEP = 256


def encoded(message: dict) -> str:
    """``json.dumps(message)`` (what ``send_json`` sends), computed once per message
    object. The entry keeps the object, so its id is not reused while cached."""
    hit = _ENCODED.get(id(message))
    if hit is not None and hit[0] is message:
        return hit[1]
    text = json.dumps(message)
    if len(_ENCODED) >= _ENCODED_KEEP:
        del _ENCODED[next(iter(_ENCODED))]  # the oldest
    _ENCODED[id(message)] = (message, text)
    return text


BATCH = "fanout.batch"


class LiveValuesConsumer(AsyncJsonWebsocketConsumer):
    groups_joined: list[str]

    async def __call__(self, scope, receive, send) -> None:
        """Channels' ``AsyncConsumer.__call__``, but with a layer that offers
        ``receive_many`` every waiting message is taken at once (one message of type
        ``fanout.batch``) instead of one task and wake-up per message."""
        layer = get_channel_layer(self.channel_layer_alias)
        if getattr(layer, "receive_many", None) is None:
            await super().__call__(scope, receive, send)
            return
        self.scope = scope
        self.channel_layer = layer
        self.channel_name = await layer.new_channel()
        self.base_send = send
        with contextlib.suppress(StopConsumer):
            await await_many_dispatch([receive, self._receive_batch], self.dispatch)

    async def _receive_batch(self) -> dict:
        return {"type": BATCH, "messages": await self.channel_layer.receive_many(self.channel_name)}

    async def connect(self) -> None:
        self.groups_joined = []
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        ids = display.parse_ids((query.get("ds") or [""])[0])
        if ids is None:
            await self.close(code=4400)
            return
        host = dict(self.scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        snapshot = await self._latest(host, ids)
        if snapshot is None:
            await self.close(code=4404)
            return
        for datastream_id in ids:
            group = live.group_name(datastream_id)
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)
        await self.accept()
        for data in snapshot:
            await self.send_json(data)

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def dispatch(self, message: dict) -> None:
        """A pushed value touches no database: skip channels' ``close_old_connections``,
        which runs in the one database thread before every message to every socket and
        was the bottleneck of the fan-out to 1,000 sockets (bench/README.md)."""
        kind = message.get("type")
        if kind == "sensor.value":
            await self.sensor_value(message)
            return
        if kind == BATCH:
            for item in message["messages"]:
                await self.dispatch(item)
            return
        await super().dispatch(message)

    async def receive_json(self, content, **kwargs) -> None:
        """The page has nothing to say; anything it sends is ignored."""

    async def sensor_value(self, event: dict) -> None:
        await self.base_send({"type": "websocket.send", "text": encoded(event)})

    @database_sync_to_async
    def _latest(self, host: str, ids: list[int]) -> list[dict] | None:
        """The latest values of ``ids`` – None if the host or any datastream is not allowed."""
        known, site_id = display.site_scope_of_host(host)
        if not known:
            return None
        streams = display.pick(ids, site_id)
        if len(streams) != len(ids):
            return None
        now = timezone.now()
        return [display.as_json(stream, now) for stream in streams if stream.last_value is not None]
