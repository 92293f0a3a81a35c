"""SensorThings MQTT extension against the machine's Mosquitto: a stored observation of a
public datastream arrives as STA JSON under v1.1/Datastreams(<id>)/Observations."""

from __future__ import annotations

import json
import os
import queue
import random
import socket
import threading
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
import pytest

from sensor_widgets.sta import mqtt_extension

from .factories import datastream, observe

pytestmark = pytest.mark.django_db
BROKER = os.environ.get("MQTT_URL") or "mqtt://127.0.0.1:1883"
WAIT = 15  # seconds at most; the message usually arrives within milliseconds


def _reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or 1883), timeout=2).close()
        return True
    except OSError:
        return False


@pytest.fixture
def extension(settings):
    if not _reachable(BROKER):
        pytest.skip(f"no MQTT broker at {BROKER}")
    settings.MQTT_URL = BROKER
    settings.SENSOR_STA_MQTT = True
    settings.SENSOR_STA_BASE_URL = "https://sensorik.example/sta/v1.1/"
    mqtt_extension.close()
    yield
    mqtt_extension.close()


@pytest.fixture
def subscriber():
    """``subscribe(topic)`` → a queue of (topic, JSON payload)."""
    clients = []

    def subscribe(*topics: str) -> queue.Queue:
        received: queue.Queue = queue.Queue()
        subscribed = threading.Event()
        parts = urlsplit(BROKER)
        client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2, client_id=f"sta-test-{random.getrandbits(32):x}"
        )
        if parts.username:
            client.username_pw_set(parts.username, parts.password)
        client.on_message = lambda c, u, message: received.put(
            (message.topic, json.loads(message.payload))
        )
        client.on_subscribe = lambda *args: subscribed.set()
        client.on_connect = lambda c, *args: c.subscribe([(topic, 0) for topic in topics])
        client.connect(parts.hostname, parts.port or 1883)
        client.loop_start()
        clients.append(client)
        assert subscribed.wait(WAIT), "subscription not confirmed"
        return received

    yield subscribe
    for client in clients:
        client.disconnect()
        client.loop_stop()


def _matching(received: queue.Queue, result: float, count: int) -> list[tuple[str, dict]]:
    found = []
    while len(found) < count:
        topic, payload = received.get(timeout=WAIT)
        if payload.get("result") == result:
            found.append((topic, payload))
    return found


def test_stored_observation_is_published_as_sta_json(
    extension, subscriber, django_capture_on_commit_callbacks
):
    stream = datastream()
    topic = f"v1.1/Datastreams({stream.pk})/Observations"
    received = subscriber(topic, "v1.1/Observations")
    value = float(random.randint(1, 999))
    with django_capture_on_commit_callbacks(execute=True):
        stored = observe(stream, [value]).stored[0]
    messages = _matching(received, value, 2)
    assert sorted(t for t, _p in messages) == sorted([topic, "v1.1/Observations"])
    payload = messages[0][1]
    assert payload["@iot.id"] == stored.id
    assert (
        payload["@iot.selfLink"] == f"https://sensorik.example/sta/v1.1/Observations({stored.id})"
    )
    assert payload["phenomenonTime"] == stored.phenomenon_time.isoformat().replace("+00:00", "Z")
    assert payload["Datastream@iot.navigationLink"].endswith(
        f"Observations({stored.id})/Datastream"
    )


def test_hidden_datastreams_are_not_published(
    extension, subscriber, django_capture_on_commit_callbacks
):
    hidden = datastream(public=False)
    public = datastream()
    received = subscriber("v1.1/Observations")
    secret, marker = 1000.0 - random.randint(1, 99), float(random.randint(1, 99))
    with django_capture_on_commit_callbacks(execute=True):
        observe(hidden, [secret])
        observe(public, [marker])
    seen = []
    while True:  # the public marker comes after the hidden value would have
        _topic, payload = received.get(timeout=WAIT)
        seen.append(payload["result"])
        if payload["result"] == marker:
            break
    assert secret not in seen


def test_broker_down_never_disturbs_the_intake(settings, django_capture_on_commit_callbacks):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.MQTT_URL = f"mqtt://127.0.0.1:{port}"
    settings.SENSOR_STA_MQTT = True
    mqtt_extension.close()
    try:
        stream = datastream()
        with django_capture_on_commit_callbacks(execute=True):
            result = observe(stream, [1.0, 2.0, 3.0])
        assert len(result.stored) == 3
        stream.refresh_from_db()
        assert stream.last_value == 3.0
    finally:
        mqtt_extension.close()


def test_nothing_is_published_without_broker(settings, django_capture_on_commit_callbacks):
    settings.MQTT_URL = None
    mqtt_extension.close()
    with django_capture_on_commit_callbacks(execute=True):
        observe(datastream(), [5.0])
    assert mqtt_extension._state["client"] is None
