"""The WebSocket of the call display: joins the office's group, sends every update."""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from ..models import BookableOffice
from . import calls


class CallDisplayConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.office_id = int(self.scope["url_route"]["kwargs"]["office_id"])
        host = dict(self.scope.get("headers", [])).get(b"host", b"").decode()
        if not await self._office_of_host(host):
            await self.close(code=4404)
            return
        self.group = calls.group_name(self.office_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(await database_sync_to_async(calls.board)(self.office_id))

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def board_update(self, event: dict) -> None:
        await self.send_json(event["board"])

    @database_sync_to_async
    def _office_of_host(self, host: str) -> bool:
        """The office exists and belongs to the town whose address was used."""
        from wagtail.models import Site

        hostname, _, port = host.partition(":")
        site = Site.objects.filter(hostname=hostname, port=int(port or 80)).first()
        site = site or Site.objects.filter(hostname=hostname).first()
        return (
            site is not None
            and BookableOffice.objects.filter(pk=self.office_id, unit__site=site).exists()
        )
