"""MQTT ingest load: a private Mosquitto (``bench/mosquitto-bench.conf``), the intake
worker (``redi mqtt_intake``) as a subprocess, and a publisher of ChirpStack v4 uplinks.

The publisher runs as a process of its own (``python bench/sensors_mqtt.py publish …``)
so that it does not share the interpreter with anything it measures: QoS 1, paho-mqtt,
``--rate`` uplinks per second (0: as fast as it can) for ``--seconds``, spread over the
devices, each uplink one second after the device's previous one. ``--duplicates`` of
them are sent a second time with the same ``deduplicationId`` (a redelivery, which must
be stored once). It prints one JSON line: published, acknowledged by the broker, seconds.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import random
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "bench" / "mosquitto-bench.conf"
APPLICATION = "6f4c2a9e-bench-4a7e-9b1d-re0ad1000001"


def start_broker(directory: Path, port: int) -> subprocess.Popen:
    config = directory / "mosquitto.conf"
    config.write_text(CONFIG.read_text() + f"\nlistener {port} 127.0.0.1\n")
    broker = subprocess.Popen(
        ["mosquitto", "-c", str(config)],
        stdout=open(directory / "mosquitto.log", "w"),  # noqa: SIM115 – broker's lifetime
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port)
    return broker


def wait_for_port(port: int, seconds: float = 20) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing listens on port {port}") from None
            time.sleep(0.1)


def uplink(dev_eui: str, sequence: int, time_: dt.datetime, value: float) -> tuple[str, bytes]:
    """Topic and JSON of a ChirpStack v4 ``event/up`` (with ``object`` as a codec made it,
    and the raw ``data`` the json decoder would read)."""
    values = {"water_level_cm": value}
    event = {
        "deduplicationId": str(uuid.uuid4()),
        "time": time_.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z",
        "deviceInfo": {
            "tenantId": "52f14cd4-c6f1-4fbd-8f87-4025e1d49242",
            "tenantName": "re@di",
            "applicationId": APPLICATION,
            "applicationName": "Pegel",
            "deviceProfileId": "0e0a2d2b-6f4e-4b8b-9c57-2b7c0a3c1c11",
            "deviceProfileName": "Ultraschall-Pegel",
            "deviceName": f"pegel-{dev_eui[-4:].lower()}",
            "devEui": dev_eui.lower(),
            "tags": {},
        },
        "devAddr": f"{sequence & 0xFFFFFFFF:08x}",
        "adr": True,
        "dr": 5,
        "fCnt": sequence,
        "fPort": 2,
        "confirmed": False,
        "data": base64.b64encode(json.dumps(values).encode()).decode(),
        "object": values,
        "rxInfo": [
            {
                "gatewayId": "0016c001f1500001",
                "uplinkId": sequence & 0xFFFF,
                "rssi": -97,
                "snr": 8.5,
                "context": "AAAAAA==",
            }
        ],
        "txInfo": {"frequency": 868100000, "modulation": {"lora": {"bandwidth": 125000}}},
    }
    topic = f"application/{APPLICATION}/device/{dev_eui.lower()}/event/up"
    return topic, json.dumps(event).encode()


def publish(args: argparse.Namespace) -> dict:
    import paho.mqtt.client as mqtt

    devices = args.devices.split(",")
    start = dt.datetime.fromisoformat(args.start)
    acked = [0]
    lock = threading.Lock()

    def on_publish(client, userdata, mid, reason_code, properties) -> None:
        with lock:
            acked[0] += 1

    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2,
        client_id=f"redi-bench-publisher-{uuid.uuid4().hex[:8]}",
        protocol=mqtt.MQTTv311,
    )
    client.max_inflight_messages_set(1000)
    client.max_queued_messages_set(0)
    client.on_publish = on_publish
    client.connect("127.0.0.1", args.port)
    client.loop_start()
    rng = random.Random(5)
    sequences = [0] * len(devices)
    published = duplicates = 0
    began_at = time.time()
    began = time.monotonic()
    deadline = began + args.seconds
    slice_s = 0.01
    while time.monotonic() < deadline:
        tick = time.monotonic()
        quota = int(args.rate * slice_s) if args.rate else 200
        for _ in range(max(1, quota)):
            number = published % len(devices)
            sequence = sequences[number]
            sequences[number] += 1
            moment = start + dt.timedelta(seconds=sequence)
            topic, payload = uplink(devices[number], sequence, moment, rng.uniform(50, 800))
            client.publish(topic, payload, qos=1)
            published += 1
            if args.duplicates and rng.random() < args.duplicates:
                client.publish(topic, payload, qos=1)  # redelivered: same deduplicationId
                duplicates += 1
        with lock:
            backlog = published + duplicates - acked[0]
        if args.rate:
            pause = slice_s - (time.monotonic() - tick)
            if pause > 0:
                time.sleep(pause)
        elif backlog > 5000:
            time.sleep(0.005)
    sent_s = time.monotonic() - began
    wait_until = time.monotonic() + 60
    while acked[0] < published + duplicates and time.monotonic() < wait_until:
        time.sleep(0.05)
    client.loop_stop()
    client.disconnect()
    return {
        "began_at": began_at,
        "published": published,
        "duplicates": duplicates,
        "acknowledged": acked[0],
        "seconds": round(sent_s, 3),
        "per_device": max(sequences),
    }


def start_worker(port: int, env: dict, log: Path) -> subprocess.Popen:
    redi = Path(sys.executable).parent / "redi"
    command = [str(redi)] if redi.exists() else [sys.executable, str(REPO / "manage.py")]
    return subprocess.Popen(
        [*command, "mqtt_intake", "--url", f"mqtt://127.0.0.1:{port}", "--verbosity", "2"],
        env=env,
        stdout=open(log, "w"),  # noqa: SIM115 – the worker's lifetime
        stderr=subprocess.STDOUT,
    )


def run_publisher(
    port: int, devices: list[str], start: dt.datetime, seconds: float, rate: int, duplicates: float
) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__)),
            "publish",
            "--port",
            str(port),
            "--devices",
            ",".join(devices),
            "--start",
            start.isoformat(),
            "--seconds",
            str(seconds),
            "--rate",
            str(rate),
            "--duplicates",
            str(duplicates),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


def _count(stream_ids: list[int], since: dt.datetime) -> int:
    from sensor_widgets.models import Observation

    return Observation.objects.filter(
        datastream_id__in=stream_ids, phenomenon_time__gte=since
    ).count()


def _probe(port: int, dev_eui: str, stream_id: int, before: dt.datetime, seconds: float) -> int:
    """Publish a probe uplink every half second until one is stored: the worker is
    subscribed and working. Returns the number of probes published."""
    import paho.mqtt.client as mqtt

    from sensor_widgets.models import Observation

    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="redi-bench-probe")
    client.connect("127.0.0.1", port)
    client.loop_start()
    deadline = time.monotonic() + seconds
    sent = 0
    try:
        while time.monotonic() < deadline:
            topic, payload = uplink(dev_eui, 900000 + sent, before - dt.timedelta(seconds=sent), 1)
            client.publish(topic, payload, qos=1).wait_for_publish(5)
            sent += 1
            time.sleep(0.5)
            if Observation.objects.filter(
                datastream_id=stream_id, phenomenon_time__lt=before
            ).exists():
                return sent
    finally:
        client.loop_stop()
        client.disconnect()
    raise RuntimeError("the MQTT worker stored no probe uplink (see its log)")


def part_mqtt(args, made, env: dict, var: Path, processes) -> dict:
    """Broker, worker, publisher; the rows counted while they come in."""
    from portal.demo.server import free_port
    from sensor_widgets.models import Device, Observation, Uplink

    port = free_port()
    broker = processes.add(start_broker(var, port))
    worker = processes.add(start_worker(port, env, var / "worker.log"))
    stream_ids = [item["datastream"] for item in made.mqtt]
    dev_euis = [item["dev_eui"] for item in made.mqtt]
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=10)
    try:
        _probe(port, dev_euis[0], stream_ids[0], start, 90)
        publisher = processes.add(
            run_publisher(port, dev_euis, start, args.seconds, args.mqtt_rate, args.duplicates)
        )
        samples = [(time.time(), 0)]
        idle_since = None
        limit = time.monotonic() + args.seconds + args.drain
        published = None
        while time.monotonic() < limit:
            time.sleep(0.5)
            count = _count(stream_ids, start)
            samples.append((time.time(), count))
            if published is None and publisher.poll() is not None:
                published = json.loads(publisher.stdout.readline() or "{}")
            if published is not None:
                if count >= published.get("published", 0):
                    break
                if count == samples[-2][1]:
                    idle_since = idle_since or time.monotonic()
                    if time.monotonic() - idle_since > 30:
                        break  # nothing more comes: the rest is lost
                else:
                    idle_since = None
        processes.stop(worker, wait=30)
        if published is None:
            processes.stop(publisher)
            published = {}
    finally:
        processes.stop(worker, wait=30)
        processes.stop(broker)
    out = _count(stream_ids, start)
    probes = Observation.objects.filter(  # the probes the worker took in
        datastream_id=stream_ids[0], phenomenon_time__lt=start
    ).count()
    uplinks = Uplink.objects.filter(device__dev_eui__in=dev_euis).count() - probes
    accepted = sum(
        Device.objects.filter(dev_eui__in=dev_euis).values_list("accepted_count", flat=True)
    )
    began = published.get("began_at", samples[0][0])
    first_full = next((t for t, n in samples if n >= out), samples[-1][0])
    elapsed = max(first_full - began, 1e-6)
    windows = _window_rates(samples, began)
    sent = published.get("published", 0)
    return {
        "seconds_publishing": published.get("seconds"),
        "offered_per_s": round(sent / published["seconds"]) if published.get("seconds") else None,
        "published": sent,
        "redelivered": published.get("duplicates", 0),
        "acknowledged_by_broker": published.get("acknowledged"),
        "stored": out,
        "uplink_rows": uplinks,
        "accepted_counted": accepted - probes,
        # still coming in when the wait ended (``--drain``): not lost, not measured either
        "unfinished": sent - out if idle_since is None else 0,
        "lost": sent - out if idle_since is not None else 0,
        "duplicated": max(0, uplinks - sent),
        "per_s": round(out / elapsed),
        "lowest_window_per_s": round(min(windows)) if windows else None,
        "window_rates": [round(w) for w in windows],
        "drain_s_after_publisher": round(first_full - began - (published.get("seconds") or 0), 1),
        "worker_log_tail": (var / "worker.log").read_text(errors="replace")[-1500:],
    }


def _window_rates(samples: list[tuple[float, int]], began: float, window: float = 10.0):
    """Rows stored per second in each full 10-second window after the publisher began."""
    rates = []
    edge = began + window
    previous = next((n for t, n in samples if t >= began), 0)
    for at, count in samples:
        if at >= edge:
            rates.append((count - previous) / window)
            previous = count
            edge += window
    return rates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["publish"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--devices", required=True, help="DevEUIs, comma-separated")
    parser.add_argument("--start", required=True, help="time of each device's first uplink")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rate", type=int, default=0)
    parser.add_argument("--duplicates", type=float, default=0.0)
    args = parser.parse_args(argv)
    print(json.dumps(publish(args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
