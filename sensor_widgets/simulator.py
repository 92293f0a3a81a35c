"""The sensor simulator behind ``manage.py simulate_sensors`` (and ``redi demo``).

Every enabled :class:`~sensor_widgets.models.Device` whose Thing has a simulation
profile (``Thing.properties["simulation"] = {"<datastream key>": {"profile": …,
"base": …, "amplitude": …}}``, written by the demo seed) reports a reading every
``interval`` seconds (± 20 % jitter), its values from
:func:`sensor_widgets.simulation.value_at`:

- ``via="mqtt"``: as a LoRaWAN network server would publish it – ChirpStack v4 uplink
  events, or The Things Stack v3 uplinks (``shape``) – the bytes made by the device's
  decoder (``encode``); where the decoder cannot express the values, the network
  server's decoded ``object``/``decoded_payload`` is sent instead;
- ``via="http"``: ``POST {"time": …, "values": {…}}`` to the HTTP intake with the
  device's token. **The simulator issues every simulated device a new token when it
  starts** (``Device.issue_token()``) – right for the demo, wrong for real devices,
  whose old token stops working.

``burst=N`` sends N readings as fast as possible (one millisecond apart in time, so
each is a new observation) – for load tests.
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import json
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from . import decoders
from .models import Device

logger = logging.getLogger(__name__)
SHAPES = ("chirpstack", "tts", "mixed")


def _iso(time: dt.datetime) -> str:
    return time.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


# --- message shapes (also used by the tests) ------------------------------------------


def chirpstack_message(
    dev_eui: str,
    *,
    payload: bytes | None = None,
    values: dict | None = None,
    time: dt.datetime | None = None,
    dedup_id: str | None = None,
    f_cnt: int = 0,
    f_port: int = 2,
    application_id: str = "00000000-0000-0000-0000-000000000001",
    prefix: str = "",
) -> tuple[str, bytes]:
    """``(topic, JSON bytes)`` of a ChirpStack v4 uplink event."""
    time = time or timezone.now()
    body: dict = {
        "deduplicationId": dedup_id or str(uuid.uuid4()),
        "time": _iso(time),
        "deviceInfo": {
            "tenantId": "00000000-0000-0000-0000-000000000000",
            "tenantName": "re@di",
            "applicationId": application_id,
            "applicationName": "Sensorik",
            "deviceName": f"eui-{dev_eui.lower()}",
            "devEui": dev_eui.lower(),
        },
        "devAddr": dev_eui[-8:].lower(),
        "adr": True,
        "dr": 5,
        "fCnt": f_cnt,
        "fPort": f_port,
        "confirmed": False,
    }
    if payload is not None:
        body["data"] = base64.b64encode(payload).decode()
    if values is not None:
        body["object"] = values
    topic = f"{prefix}application/{application_id}/device/{dev_eui.lower()}/event/up"
    return topic, json.dumps(body).encode()


def tts_message(
    dev_eui: str,
    *,
    payload: bytes | None = None,
    values: dict | None = None,
    time: dt.datetime | None = None,
    f_cnt: int = 0,
    f_port: int = 2,
    application_id: str = "redi-sensorik",
    tenant: str = "redi",
    prefix: str = "",
) -> tuple[str, bytes]:
    """``(topic, JSON bytes)`` of a The Things Stack v3 uplink message."""
    time = time or timezone.now()
    device_id = f"eui-{dev_eui.lower()}"
    uplink: dict = {
        "f_port": f_port,
        "f_cnt": f_cnt,
        "received_at": _iso(time),
        "rx_metadata": [{"gateway_ids": {"gateway_id": "redi-gw-1"}, "rssi": -97, "snr": 7.5}],
        "settings": {"data_rate": {"lora": {"bandwidth": 125000, "spreading_factor": 7}}},
    }
    if payload is not None:
        uplink["frm_payload"] = base64.b64encode(payload).decode()
    if values is not None:
        uplink["decoded_payload"] = values
    body = {
        "end_device_ids": {
            "device_id": device_id,
            "application_ids": {"application_id": application_id},
            "dev_eui": dev_eui.upper(),
            "dev_addr": dev_eui[-8:].upper(),
        },
        "correlation_ids": [f"as:up:{uuid.uuid4().hex.upper()}"],
        "received_at": _iso(time + dt.timedelta(milliseconds=40)),
        "uplink_message": uplink,
    }
    topic = f"{prefix}v3/{application_id}@{tenant}/devices/{device_id}/up"
    return topic, json.dumps(body).encode()


# --- what is simulated ------------------------------------------------------------------


@dataclass
class Target:
    device: Device
    specs: dict[str, dict]
    shape: str = "chirpstack"
    f_cnt: int = 0
    warned: set = field(default_factory=set)

    def values(self, time: dt.datetime) -> dict[str, float]:
        from .simulation import value_at  # the value profiles of the demo

        return {key: float(value_at(spec, time)) for key, spec in self.specs.items()}


def targets(
    shape: str = "mixed", *, need_dev_eui: bool = False, devices: list[int] | None = None
) -> list[Target]:
    """The enabled devices (of ``devices``, ids) whose Thing has a simulation profile."""
    found = []
    queryset = Device.objects.filter(enabled=True).select_related("thing").order_by("pk")
    if devices is not None:
        queryset = queryset.filter(pk__in=devices)
    for device in queryset:
        specs = (device.thing.properties or {}).get("simulation")
        if not isinstance(specs, dict) or not specs:
            continue
        if need_dev_eui and not device.dev_eui:
            continue
        specs = {k: v for k, v in specs.items() if isinstance(v, dict)}
        chosen = shape if shape != "mixed" else ("tts" if device.pk % 2 else "chirpstack")
        found.append(Target(device, specs, chosen))
    return found


# --- senders ------------------------------------------------------------------------------


class MqttSender:
    """Publishes uplinks at QoS 1 like a network server."""

    def __init__(self, url: str, *, prefix: str = "", say: Callable[[str], None] = print):
        from .mqtt import connection as mqtt_connection

        self.prefix = prefix
        self.say = say
        self.broker = mqtt_connection.broker(url)
        self.client = mqtt_connection.client(
            self.broker,
            f"redi-simulator-{uuid.uuid4().hex[:8]}",
            protocol=mqtt_connection.mqtt.MQTTv311,
            clean_session=True,
        )
        self.client.max_inflight_messages_set(1000)
        self.client.max_queued_messages_set(0)
        self.client.on_publish = self._on_publish
        self.sent = 0
        self.acknowledged = 0
        self.client.connect_async(self.broker.host, self.broker.port, keepalive=30)
        self.client.loop_start()

    def _on_publish(self, client, userdata, mid, reason_code, properties) -> None:
        self.acknowledged += 1

    def send(self, target: Target, time: dt.datetime, values: dict[str, float]) -> None:
        device = target.device
        try:
            payload, decoded = decoders.get(device.decoder).encode(values), None
        except decoders.DecodeError as error:
            if "encode" not in target.warned:
                target.warned.add("encode")
                self.say(f"Simulator: {device} – {error}; sende dekodierte Werte.")
            payload, decoded = None, values
        target.f_cnt += 1
        build = tts_message if target.shape == "tts" else chirpstack_message
        topic, body = build(
            device.dev_eui,
            payload=payload,
            values=decoded,
            time=time,
            f_cnt=target.f_cnt,
            prefix=self.prefix,
        )
        self.client.publish(topic, body, qos=1)
        self.sent += 1

    def close(self, timeout: float = 30.0) -> None:
        """Wait (up to ``timeout`` s) until the broker acknowledged every message."""
        deadline = time.monotonic() + timeout
        while self.acknowledged < self.sent:
            if time.monotonic() > deadline:
                self.say(f"Simulator: {self.sent - self.acknowledged} Nachrichten nicht bestätigt.")
                break
            time.sleep(0.05)
        self.client.disconnect()
        self.client.loop_stop()


class HttpSender:
    """Posts readings to the HTTP intake, one keep-alive connection."""

    def __init__(self, url: str, *, say: Callable[[str], None] = print):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {url!r}")
        self.parts = parts
        self.path = parts.path or "/"
        self.say = say
        self.tokens: dict[int, str] = {}
        self.errors: set = set()
        self._connection: http.client.HTTPConnection | None = None

    def prepare(self, targets: list[Target]) -> None:
        for target in targets:
            self.tokens[target.device.pk] = target.device.issue_token()

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            factory = (
                http.client.HTTPSConnection
                if self.parts.scheme == "https"
                else http.client.HTTPConnection
            )
            self._connection = factory(self.parts.hostname, self.parts.port, timeout=30)
        return self._connection

    def send(self, target: Target, time: dt.datetime, values: dict[str, float]) -> None:
        body = json.dumps({"time": _iso(time), "values": values}).encode()
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Bearer {self.tokens[target.device.pk]}",
        }
        for attempt in range(2):
            try:
                connection = self._connect()
                connection.request("POST", self.path, body=body, headers=headers)
                response = connection.getresponse()
                answer = response.read()
                break
            except (OSError, http.client.HTTPException) as error:
                self.close()
                if attempt:
                    self._once(("down", type(error)), f"Simulator: {self.parts.netloc} – {error}")
                    return
        if response.status >= 300:
            self._once(
                (target.device.pk, response.status),
                f"Simulator: {target.device} – HTTP {response.status}: {answer[:200]!r}",
            )

    def _once(self, key, line: str) -> None:
        if key not in self.errors:
            self.errors.add(key)
            self.say(line)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


# --- the loop -------------------------------------------------------------------------------


def default_http_url() -> str:
    return f"http://127.0.0.1:{settings.REDI_DEMO_PORT}/sensorik/api/v1/observations"


def run(
    via: str = "mqtt",
    *,
    url: str | None = None,
    interval: float = 10.0,
    count: int | None = None,
    burst: int | None = None,
    shape: str = "mixed",
    prefix: str = "",
    devices: list[int] | None = None,
    stop: threading.Event | None = None,
    say: Callable[[str], None] = print,
) -> int:
    """Simulate until ``stop`` is set or ``count``/``burst`` readings were sent; returns
    the number of readings sent."""
    stop = stop or threading.Event()
    found = targets(shape, need_dev_eui=via == "mqtt", devices=devices)
    if not found:
        say("Simulator: keine Geräte mit Simulationsprofil gefunden.")
        return 0
    if via == "mqtt":
        sender: MqttSender | HttpSender = MqttSender(
            url or settings.MQTT_URL, prefix=prefix, say=say
        )
    elif via == "http":
        sender = HttpSender(url or default_http_url(), say=say)
        sender.prepare(found)
    else:
        raise ValueError(f"via must be mqtt or http, not {via!r}")
    sent = 0
    try:
        if burst:
            start = timezone.now() - dt.timedelta(milliseconds=burst)
            values = {target.device.pk: target.values(start) for target in found}
            for number in range(burst):
                if stop.is_set():
                    break
                target = found[number % len(found)]
                time_ = start + dt.timedelta(milliseconds=number)
                sender.send(target, time_, values[target.device.pk])
                sent += 1
            return sent
        while not stop.is_set():
            for target in found:
                now = timezone.now()
                try:
                    sender.send(target, now, target.values(now))
                except Exception as error:  # noqa: BLE001 – the demo must go on
                    logger.exception("simulator: %s failed", target.device)
                    if "send" not in target.warned:
                        target.warned.add("send")
                        say(f"Simulator: {target.device} – {error}")
                sent += 1
                if count is not None and sent >= count:
                    return sent
            if not connection.in_atomic_block:  # (a test runs the loop inside its transaction)
                close_old_connections()
            stop.wait(interval * random.uniform(0.8, 1.2))  # noqa: S311 – jitter, not crypto
        return sent
    finally:
        sender.close()
