"""The WebSocket of the live widgets: ``/ws/sensorik/?ds=1,2,3``.

One socket per page. The ids must be 1 to 50 public datastreams that a page on the
address used may show (a town's address: its own; the regional address: every town's) –
otherwise the socket is closed (4400 bad parameter, 4404 unknown host or datastream).
On connect (and so on every reconnect) the latest values are sent from the database;
after that each value the intake stores arrives through the datastream's group
(``live.broadcast``).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import timezone

from . import display, live


class LiveValuesConsumer(AsyncJsonWebsocketConsumer):
    groups_joined: list[str]

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
        if message.get("type") == "sensor.value":
            await self.sensor_value(message)
            return
        await super().dispatch(message)

    async def receive_json(self, content, **kwargs) -> None:
        """The page has nothing to say; anything it sends is ignored."""

    async def sensor_value(self, event: dict) -> None:
        await self.send_json(event)

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
