"""``FanoutChannelLayer``: a Channels layer for live push to many sockets per process.

Why not channels-redis: ``RedisChannelLayer`` polls a Redis list per consumer (and runs
out of pool connections above ~100 sockets per process); ``RedisPubSubChannelLayer``
subscribes per consumer channel and decodes every group message once per socket. Here
channels and group membership live in the process; one Redis connection per process
(per event loop) subscribes to the groups that have local members – from the first
member on, until the last one left – and to the process's own channel; ``group_send``
is one PUBLISH. The subscriber decodes a group message once and puts that one object
into the bounded inbox of every local member (treat received messages as read-only).

Live push is best effort, the database is the truth: while Redis is unreachable
messages are lost, a warning is logged, nothing is raised into a consumer, and the
subscriber reconnects with backoff and subscribes again.

Works from the server's loop and from synchronous code through ``async_to_sync`` (a
new loop per call): each loop gets its own hub (``hub.Hub``), closed with its loop.

Configuration (``CHANNEL_LAYERS``): ``hosts`` (one Redis URL, or channels-redis style
``{"address": url}``), ``prefix`` (Redis channel names; Redis pub/sub ignores the
database number, so processes of different installations need different prefixes),
``capacity`` (messages an inbox holds, default 100), ``channel_capacity``, ``expiry``.
The Redis channel of a group, ``<prefix>__group__<group>`` with a msgpack body, is the
one of channels-redis's pub/sub layer.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import re
import types
import uuid

import msgpack
from channels.exceptions import ChannelFull
from channels.layers import BaseChannelLayer

from .hub import Hub
from .resp import address_of


class FanoutChannelLayer(BaseChannelLayer):
    extensions = ["groups", "flush"]

    def __init__(
        self,
        hosts=None,
        prefix: str = "asgi",
        expiry: int = 60,
        capacity: int = 100,
        channel_capacity=None,
        **_ignored,
    ) -> None:
        super().__init__(expiry=expiry, capacity=capacity, channel_capacity=channel_capacity)
        self.channel_capacity = self.compile_capacities(self.channel_capacity)
        hosts = hosts or ["redis://127.0.0.1:6379"]
        if isinstance(hosts, str | bytes):
            raise ValueError("hosts must be a list of Redis URLs")
        self.url = address_of(hosts[0])  # pub/sub needs no sharding: one Redis
        self.prefix = prefix
        self._name_prefix = re.sub(r"[^\w.\-]", "-", prefix)[:40]
        self._hubs: dict[asyncio.AbstractEventLoop, Hub] = {}

    # --- names and bodies -----------------------------------------------------------
    def group_topic(self, group: str) -> bytes:
        return f"{self.prefix}__group__{group}".encode()

    def hub_topic(self, hub_id: str) -> bytes:
        return f"{self.prefix}__hub__{hub_id}".encode()

    def channel_topic(self, channel: str) -> bytes:
        return f"{self.prefix}__channel__{channel}".encode()

    @staticmethod
    def serialize(message) -> bytes:
        return msgpack.packb(message, use_bin_type=True)

    @staticmethod
    def deserialize(data: bytes):
        return msgpack.unpackb(data, raw=False)

    # --- the hub of the running loop ----------------------------------------------
    def _hub(self) -> Hub:
        loop = asyncio.get_running_loop()
        hub = self._hubs.get(loop)
        if hub is None:
            for old in [old for old in self._hubs if old.is_closed()]:
                del self._hubs[old]
            hub = self._hubs[loop] = Hub(self)
            self._close_with(loop)
        return hub

    def _close_with(self, loop: asyncio.AbstractEventLoop) -> None:
        """Close the loop's hub (its sockets) just before the loop closes – what
        ``async_to_sync`` does after every call."""
        original = loop.close
        layer = self

        def close(this, *args, **kwargs):
            hub = layer._hubs.pop(this, None)
            if hub is not None and not this.is_running() and not this.is_closed():
                with contextlib.suppress(Exception):  # closing anyway
                    this.run_until_complete(hub.aclose())
            return original(*args, **kwargs)

        loop.close = types.MethodType(close, loop)

    # --- channels -------------------------------------------------------------------
    async def new_channel(self, prefix: str = "specific.") -> str:
        hub = self._hub()
        name = f"{prefix}{self._name_prefix}.{hub.id}!{uuid.uuid4().hex}"
        hub.inboxes[name] = self._inbox(name)
        await hub.subscriber.subscribe(hub.own_topic)
        return name

    def _inbox(self, channel: str):
        from .inbox import Inbox

        return Inbox(self.get_capacity(channel))

    async def send(self, channel: str, message: dict) -> None:
        if not isinstance(message, dict):
            raise TypeError("message is not a dict")
        self.require_valid_channel_name(channel)
        hub = self._hub()
        if "!" not in channel:  # a general channel: whoever receives on it
            await hub.publish(self.channel_topic(channel), self.serialize(message))
            return
        hub_id = channel.partition("!")[0].rpartition(".")[2]
        if hub_id == hub.id:
            inbox = hub.inboxes.get(channel)
            if inbox is not None and not inbox.put(copy.deepcopy(message)):
                raise ChannelFull(channel)
            return
        await hub.publish(self.hub_topic(hub_id), self.serialize([channel, message]))

    async def receive(self, channel: str) -> dict:
        self.require_valid_channel_name(channel)
        hub = self._hub()
        inbox = await self._inbox_for_receive(hub, channel)
        try:
            return await inbox.get()
        except asyncio.CancelledError:
            self._forget_if_unused(hub, channel, inbox)
            raise

    async def receive_many(self, channel: str) -> list[dict]:
        """Every message waiting for ``channel`` (at least one; waits for it): a consumer
        that falls behind catches up with one wake-up instead of one per message."""
        hub = self._hub()
        inbox = await self._inbox_for_receive(hub, channel)
        try:
            if not inbox.items:
                first = await inbox.get()
                return [first, *inbox.take_all()]
            return inbox.take_all()
        except asyncio.CancelledError:
            self._forget_if_unused(hub, channel, inbox)
            raise

    async def _inbox_for_receive(self, hub: Hub, channel: str):
        inbox = hub.inboxes.get(channel)
        if inbox is None:
            inbox = hub.inboxes[channel] = self._inbox(channel)
            if "!" in channel:
                await hub.subscriber.subscribe(hub.own_topic)
            else:
                topic = self.channel_topic(channel)
                hub.channel_of_topic[topic] = channel
                await hub.subscriber.subscribe(topic)
        return inbox

    @staticmethod
    def _forget_if_unused(hub: Hub, channel: str, inbox) -> None:
        """A cancelled receive is how a consumer ends (Channels has no "delete channel"):
        drop the inbox unless the channel is still in a group or holds messages."""
        if not hub.member_of.get(channel) and not inbox.items:
            hub.inboxes.pop(channel, None)

    # --- groups ---------------------------------------------------------------------
    async def group_add(self, group: str, channel: str) -> None:
        self.require_valid_group_name(group)
        self.require_valid_channel_name(channel)
        hub = self._hub()
        topic = self.group_topic(group)
        members = hub.groups.get(group)
        if members is None:
            members = hub.groups[group] = set()
            hub.group_of_topic[topic] = group
        members.add(channel)
        hub.member_of.setdefault(channel, set()).add(group)
        await hub.subscriber.subscribe(topic)  # the first member subscribes

    async def group_discard(self, group: str, channel: str) -> None:
        self.require_valid_group_name(group)
        self.require_valid_channel_name(channel)
        hub = self._hub()
        groups = hub.member_of.get(channel)
        if groups is not None:
            groups.discard(group)
            if not groups:
                del hub.member_of[channel]
        members = hub.groups.get(group)
        if members is None:
            return
        members.discard(channel)
        if not members:  # the last member left
            del hub.groups[group]
            topic = self.group_topic(group)
            hub.group_of_topic.pop(topic, None)
            await hub.subscriber.unsubscribe(topic)

    async def group_send(self, group: str, message: dict) -> None:
        if not isinstance(message, dict):
            raise TypeError("message is not a dict")
        self.require_valid_group_name(group)
        await self._hub().publish(self.group_topic(group), self.serialize(message))

    # --- flush extension, closing ---------------------------------------------------
    async def flush(self) -> None:
        """Forget every channel and group of this loop and close its connections (they
        open again on the next use)."""
        await self.close()

    async def close(self) -> None:
        hub = self._hubs.pop(asyncio.get_running_loop(), None)
        if hub is not None:
            await hub.aclose()
