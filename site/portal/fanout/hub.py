"""One event loop's share of the fan-out layer: its channels (inboxes), its group
members, ONE subscribing Redis connection and a publishing client.

The server's loop has one hub for the life of the process. Synchronous code
(``async_to_sync``: the intake's request threads, the MQTT worker) gets a hub per call,
which only publishes and is closed with its loop (``layer.FanoutChannelLayer``).

Delivery: a group message is published once; every process whose hub has a local
member of the group is subscribed to the group's Redis channel, decodes the message
once and puts that same object into each local member's inbox. ``send`` to a channel of
another process goes to that process's own Redis channel.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid

from .inbox import Inbox
from .resp import RespError, SubscriberConnection

logger = logging.getLogger("portal.fanout")

CONFIRM_SECONDS = 2.0  # longest wait for Redis to confirm a SUBSCRIBE
MAX_BACKOFF = 5.0


class Subscriber:
    """The hub's one subscribing connection: subscribes what the hub wants, hands every
    message to ``deliver(topic, data)``, reconnects with backoff and subscribes again."""

    def __init__(self, url: str, deliver, name: str = "") -> None:
        self.url = url
        self.name = name
        self.deliver = deliver
        self.wanted: set[bytes] = set()
        self.confirmed: dict[bytes, asyncio.Future] = {}
        self.connection: SubscriberConnection | None = None
        self.task: asyncio.Task | None = None
        self.down = False  # set after a failure until the next successful connect
        self._last: SubscriberConnection | None = None

    async def subscribe(self, topic: bytes) -> None:
        """Returns once Redis confirmed the subscription (at most CONFIRM_SECONDS; at once
        while Redis is known to be down – the reconnect subscribes it)."""
        waiter = self.confirmed.get(topic)
        if waiter is None:
            waiter = self.confirmed[topic] = asyncio.get_running_loop().create_future()
            self.wanted.add(topic)
            if self.task is None:
                self.task = asyncio.get_running_loop().create_task(self._run())
            elif self.connection is not None:
                self._write("SUBSCRIBE", topic)
        if waiter.done() or self.down:
            return
        try:
            await asyncio.wait_for(asyncio.shield(waiter), CONFIRM_SECONDS)
        except TimeoutError:
            logger.warning("Redis did not confirm the subscription to %r in time", topic)

    async def unsubscribe(self, topic: bytes) -> None:
        self.wanted.discard(topic)
        waiter = self.confirmed.pop(topic, None)
        if waiter is not None and not waiter.done():
            waiter.cancel()
        if self.connection is not None:
            self._write("UNSUBSCRIBE", topic)

    def _write(self, *parts) -> None:
        try:
            self.connection.write(*parts)
        except (OSError, RuntimeError) as error:  # the reader notices and reconnects
            logger.debug("write to Redis failed: %s", error)

    async def _run(self) -> None:
        delay = 0.1
        while True:
            connection = None
            try:
                connection = self._last = await SubscriberConnection.open(self.url, self.name)
                if self.wanted:
                    connection.write("SUBSCRIBE", *sorted(self.wanted))
                self.connection = connection
                if self.down:
                    logger.warning("live updates: Redis reachable again, subscriptions renewed")
                self.down = False
                delay = 0.1
                while True:
                    self._handle(await connection.read())
            except asyncio.CancelledError:
                raise
            except (OSError, EOFError, RespError, TimeoutError, ValueError) as error:
                if not self.down:
                    logger.warning(
                        "live updates: Redis connection lost (%s: %s) – messages are lost "
                        "until it is back; reconnecting",
                        type(error).__name__,
                        error,
                    )
                self.down = True
                for waiter in self.confirmed.values():  # nobody waits for a dead link
                    if not waiter.done():
                        waiter.set_result(None)
            finally:
                self.connection = None
                if connection is not None:
                    connection.close()
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF)

    def _handle(self, push) -> None:
        if isinstance(push, RespError):
            raise push
        if not isinstance(push, list) or len(push) < 3:
            return
        kind, topic = push[0], push[1]
        if kind == b"message":
            try:
                self.deliver(topic, push[2])
            except Exception:  # noqa: BLE001 – one bad message must not stop the others
                logger.exception("live updates: message on %r not delivered", topic)
        elif kind == b"subscribe":
            waiter = self.confirmed.get(topic)
            if waiter is not None and not waiter.done():
                waiter.set_result(None)

    async def aclose(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._last is not None:
            await self._last.aclose()  # the socket closed before the loop may close
            self._last = None
        self.wanted.clear()
        self.confirmed.clear()


class Hub:
    """Channels and groups of one event loop, and its Redis connections."""

    def __init__(self, layer) -> None:
        self.layer = layer
        self.id = uuid.uuid4().hex[:12]
        self.own_topic = layer.hub_topic(self.id)
        self.inboxes: dict[str, Inbox] = {}
        self.groups: dict[str, set[str]] = {}  # group → local member channels
        self.member_of: dict[str, set[str]] = {}  # channel → its groups
        self.group_of_topic: dict[bytes, str] = {}
        self.channel_of_topic: dict[bytes, str] = {}  # general (not process) channels
        self.subscriber = Subscriber(layer.url, self.deliver, f"redi-fanout-{self.id}")
        self.publisher = None
        self._warned_at = 0.0

    # --- receiving ---------------------------------------------------------------
    def deliver(self, topic: bytes, data: bytes) -> None:
        group = self.group_of_topic.get(topic)
        if group is not None:
            members = self.groups.get(group)
            if members:
                message = self.layer.deserialize(data)  # once, shared by every member
                inboxes = self.inboxes
                for channel in members:
                    inbox = inboxes.get(channel)
                    if inbox is not None and not inbox.put(message):
                        self._full(channel)
            return
        if topic == self.own_topic:
            channel, message = self.layer.deserialize(data)
        elif topic in self.channel_of_topic:
            channel, message = self.channel_of_topic[topic], self.layer.deserialize(data)
        else:
            return
        inbox = self.inboxes.get(channel)
        if inbox is not None and not inbox.put(message):
            self._full(channel)

    def _full(self, channel: str) -> None:
        now = time.monotonic()
        if now - self._warned_at > 10:
            self._warned_at = now
            logger.warning("live updates: inbox of %s full, message dropped", channel)

    # --- sending -----------------------------------------------------------------
    async def publish(self, topic: bytes, data: bytes) -> None:
        """PUBLISH; while Redis is unreachable the message is lost (logged, not raised)."""
        from redis.asyncio import Redis
        from redis.backoff import NoBackoff
        from redis.exceptions import RedisError
        from redis.retry import Retry

        if self.publisher is None:
            self.publisher = Redis.from_url(
                self.layer.url,
                socket_connect_timeout=2,
                socket_timeout=5,
                retry=Retry(NoBackoff(), 1),  # one new connection after a Redis restart
            )
        try:
            await self.publisher.publish(topic, data)
        except (RedisError, OSError) as error:
            now = time.monotonic()
            if now - self._warned_at > 10:
                self._warned_at = now
                logger.warning("live updates: not published (%s: %s)", type(error).__name__, error)

    # --- life --------------------------------------------------------------------
    async def aclose(self) -> None:
        """Closes the connections and forgets every channel and group."""
        await self.subscriber.aclose()
        publisher, self.publisher = self.publisher, None
        if publisher is not None:
            with contextlib.suppress(Exception):
                await publisher.aclose()
        self.inboxes.clear()
        self.groups.clear()
        self.member_of.clear()
        self.group_of_topic.clear()
        self.channel_of_topic.clear()
