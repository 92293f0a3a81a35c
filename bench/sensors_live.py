"""WebSocket fan-out part of the Sensorik benchmark (``bench/sensors.py``): starts the
client processes of ``bench/sensors_ws.py``, posts single observations through the
intake and times them from the commit (the group message seen on Redis), from sending
the POST and from its HTTP 200 to the last socket that has the value."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def host(port: int) -> str:
    from bench.sensors_setup import HOST

    return f"{HOST}:{port}"


def post_one(port: int, token: str, key: str, when: dt.datetime, value: float) -> int:
    import requests

    body = {"datastream": key, "time": when.isoformat().replace("+00:00", "Z"), "value": value}
    response = requests.post(
        f"http://127.0.0.1:{port}/sensorik/api/v1/observations",
        json=body,
        headers={"Host": host(port), "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    return response.status_code


def part_ws(args, made, ports: list[int], env: dict, processes) -> dict:
    from django.utils import timezone

    live = made.live
    post_one(ports[0], live["token"], live["key"], timezone.now(), 600.0)  # a latest value
    clients = []
    per_process = [args.ws_clients // args.ws_processes] * args.ws_processes
    per_process[0] += args.ws_clients - sum(per_process)
    began = time.monotonic()
    for number, count in enumerate(per_process):
        port = ports[number % len(ports)]
        clients.append(
            processes.add(
                subprocess.Popen(
                    [
                        sys.executable,
                        str(REPO / "bench" / "sensors_ws.py"),
                        "--host",
                        host(port),
                        "--path",
                        f"/ws/sensorik/?ds={live['datastream']}",
                        "--count",
                        str(count),
                        "--expect",
                        str(args.updates),
                        "--timeout",
                        str(120 + args.updates * 3),
                    ],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    env=env,
                )
            )
        )
    ready = [read_line(client, 240) for client in clients]
    connect_s = time.monotonic() - began
    opened = sum(int(line.split()[1]) for line in ready if line.startswith("READY"))
    redis_seen: dict[float, float] = {}
    stop_listening = threading.Event()
    listener = threading.Thread(
        target=listen_redis,
        args=(env, live["datastream"], redis_seen, stop_listening),
        daemon=True,
    )
    listener.start()
    time.sleep(2)
    sent = []
    for number in range(args.updates):
        value = 700.0 + number
        tick = time.time()
        status = post_one(
            ports[number % len(ports)], live["token"], live["key"], timezone.now(), value
        )
        sent.append({"value": value, "sent": tick, "ok": time.time(), "status": status})
        time.sleep(max(0.0, 1.0 - (time.time() - tick)))
    time.sleep(3)
    stop_listening.set()
    listener.join(5)
    for update in sent:
        update["published"] = redis_seen.get(update["value"])
    answers = []
    for client in clients:
        try:
            client.stdin.write("stop\n")
            client.stdin.flush()
        except OSError:
            pass
        answers.append(json.loads(read_line(client, 60) or "{}"))
        processes.stop(client)
    from bench.sensors_report import fan_out

    return {
        "clients": args.ws_clients,
        "client_processes": args.ws_processes,
        "server_processes": len(ports),
        "open": opened,
        "connect_s": round(connect_s, 1),
        **fan_out(sent, answers, args.ws_clients),
    }


def listen_redis(env: dict, datastream_id: int, seen: dict, stop: threading.Event) -> None:
    """When each update reached Redis: the channel layer publishes a group message at the
    store's commit (``live.broadcast`` in ``transaction.on_commit``)."""
    import msgpack
    import redis

    from sensor_widgets.live import group_name

    channel = f"{env['CACHE_KEY_PREFIX']}__group__{group_name(datastream_id)}"
    client = redis.Redis.from_url(env["REDIS_URL"])
    pubsub = client.pubsub()
    pubsub.subscribe(channel)
    try:
        while not stop.is_set():
            message = pubsub.get_message(ignore_subscribe_messages=True, timeout=0.2)
            if message is None:
                continue
            at = time.time()
            try:
                value = msgpack.unpackb(message["data"]).get("value")
            except Exception:  # noqa: BLE001, S112 – an envelope we do not know: time unknown
                continue
            if isinstance(value, int | float):
                seen.setdefault(float(value), at)
    finally:
        pubsub.close()
        client.close()


def read_line(process: subprocess.Popen, seconds: float) -> str:
    """The next line the process prints, or "" after ``seconds``."""
    box: list[str] = []
    reader = threading.Thread(target=lambda: box.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(seconds)
    return box[0].strip() if box else ""
