"""MQTT helpers for the Sensorik tests: uplinks in both shapes, devices that receive
them, a publisher and a private Mosquitto.

``chirpstack(eui, payload=…)``/``tts(eui, values=…)`` → ``(topic, bytes)``;
``gauge()`` → a device with the ``water_level`` decoder and its datastream;
``publish(url, messages)`` sends at QoS 1 and waits for the broker's acknowledgements;
``PrivateBroker()`` runs ``mosquitto -c tests/sensor_widgets/mosquitto-test.conf``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings

from sensor_widgets.mqtt import connection
from sensor_widgets.mqtt.worker import Worker
from sensor_widgets.simulator import chirpstack_message, tts_message

from .factories import datastream, device

CONFIG = Path(__file__).with_name("mosquitto-test.conf")
MACHINE_BROKER = "mqtt://127.0.0.1:1883"


def broker_url() -> str:
    return settings.MQTT_URL or os.environ.get("MQTT_URL") or MACHINE_BROKER


def reachable(url: str) -> bool:
    target = connection.broker(url)
    try:
        with socket.create_connection((target.host, target.port), timeout=1):
            return True
    except OSError:
        return False


def new_eui() -> str:
    return secrets.token_hex(8).upper()


def prefix() -> str:
    """A topic prefix of its own: tests on the shared broker never see each other."""
    return f"redi-test-{uuid.uuid4().hex[:12]}/"


def topics(prefix: str) -> list[str]:
    return [f"{prefix}application/+/device/+/event/up", f"{prefix}v3/+/devices/+/up"]


def chirpstack(eui: str, **kwargs) -> tuple[str, bytes]:
    return chirpstack_message(eui, **kwargs)


def tts(eui: str, **kwargs) -> tuple[str, bytes]:
    return tts_message(eui, **kwargs)


def gauge(town: str = "rastatt", *, decoder: str = "water_level", **stream):
    """A river gauge: its datastream ``water_level_cm`` (0 … 1000 cm) and its device."""
    stream = datastream(town, **stream)
    return device(stream.thing, dev_eui=new_eui(), decoder=decoder), stream


def publish(url: str, messages: list[tuple[str, bytes]], *, timeout: float = 30) -> None:
    """Publish at QoS 1 and wait until the broker acknowledged every message."""
    target = connection.broker(url)
    client = connection.client(target, f"redi-test-pub-{uuid.uuid4().hex[:8]}")
    client.max_inflight_messages_set(200)
    client.connect(target.host, target.port)
    client.loop_start()
    try:
        infos = [client.publish(topic, payload, qos=1) for topic, payload in messages]
        for info in infos:
            info.wait_for_publish(timeout)
            assert info.is_published()
    finally:
        client.disconnect()
        client.loop_stop()


def forget_session(url: str, client_id: str) -> None:
    """End a persistent session on the broker (tests must not leave queues behind)."""
    from paho.mqtt.packettypes import PacketTypes
    from paho.mqtt.properties import Properties

    target = connection.broker(url)
    client = connection.client(target, client_id)
    properties = Properties(PacketTypes.CONNECT)
    properties.SessionExpiryInterval = 0
    client.connect(target.host, target.port, clean_start=True, properties=properties)
    client.loop_start()
    time.sleep(0.2)
    client.disconnect()
    client.loop_stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateBroker:
    """``mosquitto -c mosquitto-test.conf -p <port>`` with its persistence in a temporary
    folder (the config names a relative ``persistence_location``; mosquitto runs there).
    The folder is world-writable: started as root, mosquitto drops to its own user."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="redi-mosquitto-"))
        self.directory.chmod(0o777)  # noqa: S103 – a throwaway folder for the test broker
        self.port = free_port()
        self.url = f"mqtt://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("mosquitto") is not None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["mosquitto", "-c", str(CONFIG), "-p", str(self.port)],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
            stderr=open(self.directory / "mosquitto.log", "ab"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 10
        while not reachable(self.url):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"mosquitto did not start: {self.log()}")
            time.sleep(0.05)

    def stop(self) -> None:
        """SIGTERM: mosquitto writes its persistence file and exits."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)

    def log(self) -> str:
        path = self.directory / "mosquitto.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def started(url: str, topic_prefix: str, **options) -> Worker:
    worker = Worker(
        url,
        topics=topics(topic_prefix),
        client_id=f"redi-test-{uuid.uuid4().hex[:10]}",
        session_expiry=60,
        **options,
    )
    worker.start()
    assert worker.connected.wait(10), "worker did not connect and subscribe"
    return worker


def serve(worker: Worker, until, timeout: float = 60) -> None:
    """Take in batches in this thread until ``until(stats)``; give up after ``timeout``."""
    timer = threading.Timer(timeout, worker.stop)
    timer.start()
    try:
        worker.serve(until)
    finally:
        timer.cancel()
