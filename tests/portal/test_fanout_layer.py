"""The fan-out channel layer (``portal.fanout``) against the real Redis of ``REDIS_URL``:
two layer instances stand for two processes. Locally skipped without REDIS_URL; with
``CI`` set it fails instead. Every test uses a channel prefix of its own (Redis pub/sub
ignores the database number)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import socket
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from asgiref.sync import async_to_sync as asgiref_async_to_sync
from asgiref.sync import sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.test import override_settings
from django.utils import timezone

from portal.fanout.layer import FanoutChannelLayer
from tests.sensor_widgets.test_live import towns  # noqa: F401 – the fixture
from tests.utils import need

WAIT = 5  # seconds a message may take (never reached when it works)


def async_to_sync(function):
    """asgiref's ``async_to_sync``, called in a thread of its own: once the browser tests
    ran, Playwright's event loop counts as running in the main thread, where asgiref
    refuses to block. Each call still gets a new event loop, as sync code does."""

    def call(*args, **kwargs):
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asgiref_async_to_sync(function), *args, **kwargs).result()

    return call


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    need(bool(url), "REDIS_URL is not set (a real Redis is needed)")
    return url


@pytest.fixture
def prefix() -> str:
    return f"redi-test-fanout-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def layers(redis_url, prefix):
    """Two instances = two processes (each its own hub and Redis connections)."""
    return (
        FanoutChannelLayer(hosts=[redis_url], prefix=prefix),
        FanoutChannelLayer(hosts=[redis_url], prefix=prefix),
    )


def subscribed(url: str, prefix: str) -> set[str]:
    client = redis.Redis.from_url(url)
    try:
        return {name.decode() for name in client.pubsub_channels(f"{prefix}*")}
    finally:
        client.close()


async def eventually(condition, seconds: float = WAIT) -> bool:
    """Redis handles an UNSUBSCRIBE or a closed connection a moment later: poll."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await sync_to_async(condition)():
            return True
        await asyncio.sleep(0.05)
    return False


async def nothing_for(layer, channel: str, seconds: float = 0.2) -> bool:
    try:
        await asyncio.wait_for(layer.receive(channel), seconds)
    except TimeoutError:
        return True
    return False


def test_group_send_reaches_every_member_of_both_processes_exactly_once(layers):
    async def run():
        a, b = layers
        members = [(a, await a.new_channel()), (a, await a.new_channel())]
        members.append((b, await b.new_channel()))
        for layer, channel in members:
            await layer.group_add("sensor.ds.1", channel)
        await b.group_send("sensor.ds.1", {"type": "sensor.value", "value": 7})
        for layer, channel in members:
            message = await asyncio.wait_for(layer.receive(channel), WAIT)
            assert message == {"type": "sensor.value", "value": 7}
        for layer, channel in members:
            assert await nothing_for(layer, channel)
        await a.flush()
        await b.flush()

    async_to_sync(run)()


def test_a_group_with_members_in_one_process_only(layers, redis_url, prefix):
    async def run():
        a, b = layers
        local = await a.new_channel()
        elsewhere = await b.new_channel()
        await a.group_add("calls.4", local)
        await b.group_add("calls.5", elsewhere)
        assert f"{prefix}__group__calls.4" in subscribed(redis_url, prefix)
        await b.group_send("calls.4", {"type": "board.update", "n": 1})
        assert (await asyncio.wait_for(a.receive(local), WAIT))["n"] == 1
        assert await nothing_for(b, elsewhere)
        await a.flush()
        await b.flush()

    async_to_sync(run)()


def test_discard_stops_delivery_and_the_last_member_unsubscribes(layers, redis_url, prefix):
    async def run():
        a, b = layers
        first, second = await a.new_channel(), await a.new_channel()
        await a.group_add("sensor.ds.2", first)
        await a.group_add("sensor.ds.2", second)
        topic = f"{prefix}__group__sensor.ds.2"
        assert topic in subscribed(redis_url, prefix)

        await a.group_discard("sensor.ds.2", first)
        await b.group_send("sensor.ds.2", {"type": "x", "n": 1})
        assert (await asyncio.wait_for(a.receive(second), WAIT))["n"] == 1
        assert await nothing_for(a, first)
        assert topic in subscribed(redis_url, prefix)  # one member is left

        await a.group_discard("sensor.ds.2", second)
        assert await eventually(lambda: topic not in subscribed(redis_url, prefix))
        await b.group_send("sensor.ds.2", {"type": "x", "n": 2})
        assert await nothing_for(a, second)
        await a.flush()
        await b.flush()

    async_to_sync(run)()


def test_send_to_a_channel_of_the_other_process(layers):
    async def run():
        a, b = layers
        channel = await a.new_channel()
        await b.send(channel, {"type": "hello", "text": "Grüß Gott"})
        assert await asyncio.wait_for(a.receive(channel), WAIT) == {
            "type": "hello",
            "text": "Grüß Gott",
        }
        await a.send(channel, {"type": "local"})  # the own process: no Redis round trip
        assert (await asyncio.wait_for(a.receive(channel), WAIT))["type"] == "local"
        await a.flush()
        await b.flush()

    async_to_sync(run)()


def test_from_synchronous_code_twice_in_a_row(redis_url, prefix):
    """``async_to_sync`` makes a new event loop per call: each gets its own connections,
    closed with the loop – no "attached to a different loop", nothing left subscribed."""
    layer = FanoutChannelLayer(hosts=[redis_url], prefix=prefix)

    async def round_trip(number: int) -> dict:
        channel = await layer.new_channel()
        await layer.group_add("sensor.ds.3", channel)
        await layer.group_send("sensor.ds.3", {"type": "x", "n": number})
        return await asyncio.wait_for(layer.receive(channel), WAIT)

    assert async_to_sync(round_trip)(1)["n"] == 1
    assert async_to_sync(round_trip)(2)["n"] == 2
    async_to_sync(layer.group_send)("sensor.ds.3", {"type": "x"})  # publishing only
    assert layer._hubs == {}  # every loop's hub closed with its loop
    assert async_to_sync(eventually)(lambda: not subscribed(redis_url, prefix))


def test_a_lost_connection_is_made_again(layers, redis_url):
    """Stands in for a Redis restart: the subscriber's connection is killed (only this
    test's, found by its client name); the hub reconnects and subscribes again."""

    async def run():
        a, b = layers
        channel = await a.new_channel()
        await a.group_add("sensor.ds.4", channel)
        hub = a._hub()
        client = redis.Redis.from_url(redis_url)
        try:
            killed = client.client_kill_filter(
                _id=next(
                    c["id"] for c in client.client_list() if c["name"] == f"redi-fanout-{hub.id}"
                )
            )
        finally:
            client.close()
        assert killed == 1
        delivered = None
        deadline = time.monotonic() + 10
        while delivered is None and time.monotonic() < deadline:
            # messages published while the link is down are lost (best effort)
            await b.group_send("sensor.ds.4", {"type": "x", "n": 1})
            try:
                delivered = await asyncio.wait_for(a.receive(channel), 0.3)
            except TimeoutError:
                continue
        assert delivered == {"type": "x", "n": 1}
        await a.flush()
        await b.flush()

    async_to_sync(run)()


def test_redis_unreachable_raises_nothing_into_the_consumer(caplog):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    layer = FanoutChannelLayer(hosts=[f"redis://127.0.0.1:{port}/0"], prefix="redi-test-down")

    async def run():
        channel = await layer.new_channel()
        await layer.group_add("sensor.ds.5", channel)
        await layer.group_send("sensor.ds.5", {"type": "x"})
        await layer.group_discard("sensor.ds.5", channel)
        await layer.flush()

    async_to_sync(run)()
    assert "live updates" in caplog.text


# --- the live widgets' consumer on this layer ----------------------------------------


@pytest.fixture
def fanout_settings(redis_url, prefix):
    config = {
        "default": {
            "BACKEND": "portal.fanout.layer.FanoutChannelLayer",
            "CONFIG": {"hosts": [redis_url], "prefix": prefix},
        }
    }
    with override_settings(CHANNEL_LAYERS=config):
        channel_layers.backends.clear()
        yield config
    channel_layers.backends.clear()


@pytest.mark.django_db(transaction=True)
def test_live_values_consumer_on_the_fanout_layer(fanout_settings, redis_url, prefix, towns):  # noqa: F811
    from channels.routing import URLRouter

    from sensor_widgets import live
    from sensor_widgets.intake.storage import Stored
    from sensor_widgets.routing import websocket_urlpatterns
    from tests.sensor_widgets.factories import datastream, observe

    stream = datastream("rastatt", name="Pegel Murg", warning_level=300)
    observe(stream, [280], start=timezone.now() - dt.timedelta(minutes=5))
    application = URLRouter(websocket_urlpatterns)
    other_process = FanoutChannelLayer(**fanout_settings["default"]["CONFIG"])

    async def run():
        sockets = [
            WebsocketCommunicator(
                application,
                f"/ws/sensorik/?ds={stream.pk}",
                headers=[(b"host", b"rastatt.localhost:8000")],
            )
            for _ in range(3)
        ]
        for page in sockets:
            assert (await page.connect())[0]
            assert (await page.receive_json_from(timeout=WAIT))["value"] == 280
        time = timezone.now().replace(microsecond=0)
        await sync_to_async(live.broadcast)({stream.pk: Stored(1, stream.pk, time, 12.5)})
        expected = {"type": "sensor.value", **live.message(stream.pk, time, 12.5)}
        for page in sockets:
            assert await page.receive_json_from(timeout=WAIT) == expected
            assert await page.receive_nothing(timeout=0.1)
        # a value stored by another process (the MQTT worker) reaches the pages too
        await other_process.group_send(live.group_name(stream.pk), {**expected, "value": 13})
        for page in sockets:
            assert (await page.receive_json_from(timeout=WAIT))["value"] == 13
        for page in sockets:
            await page.disconnect()
        topic = f"{prefix}__group__{live.group_name(stream.pk)}"
        assert await eventually(lambda: topic not in subscribed(redis_url, prefix))
        await other_process.flush()

    async_to_sync(run)()
