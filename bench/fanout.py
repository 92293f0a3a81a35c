"""WebSocket fan-out benchmark (issue #11): the fan-out channel layer against Channels'
pub/sub layer and a plain ASGI app, 1,000 sockets × 50 broadcasts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi .venv/bin/python bench/fanout.py

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_bench_fanout``, dropped and created, dropped at the end unless ``--keep``):
migrate, one town (Rastatt) with a public live datastream (``bench/sensors_setup.py``).
Redis: ``--redis-url`` (db 5 by default), a channel prefix of its own per variant.

Per variant ONE uvicorn process (the production command, ``portal.settings.production``)
serves the real ``portal.asgi:application`` with ``CHANNEL_LAYER`` = pubsub (the
reference), fanout, and optionally redis; ``--clients`` sockets (``bench/sensors_ws.py``
in ``--client-processes`` processes) open ``/ws/sensorik/?ds=<id>``; then a separate
process (``bench/fanout_send.py``) sends ``--broadcasts`` new values the way the intake
does – ``live.broadcast`` from synchronous code through the configured layer – one after
the other as fast as the layer accepts them (``--pace`` to space them). The limit: a
plain ASGI app without Django (``bench/fanout_plain.py``) on uvicorn, one Redis
subscription, the same clients, the sender PUBLISHing the same message directly.

Measured: delivered messages per second (first send → last arrival), latency send →
arrival of every delivery (p50/p99), delivered %. Prints a Markdown table, writes
``--json`` and exits 1 when fan-out < 1.5 × pub/sub or a message was not delivered.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import queue
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

from bench.search import recreate_database  # noqa: E402
from bench.sensors import Processes, drop_database  # noqa: E402
from bench.sensors_report import percentile  # noqa: E402
from portal.demo.server import free_port  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redi"
TARGET_RATIO = 1.5
VARIANTS = {  # name → (CHANNEL_LAYER or None for the plain app, uvicorn processes)
    "pubsub": ("pubsub", 1),
    "fanout": ("fanout", 1),
    "redis": ("redis", 1),
    "fanout-2": ("fanout", 2),
    "plain": (None, 1),
}
LABELS = {
    "pubsub": "Channels RedisPubSubChannelLayer",
    "fanout": "FanoutChannelLayer (portal.fanout)",
    "redis": "Channels RedisChannelLayer",
    "fanout-2": "FanoutChannelLayer, 2 uvicorn processes",
    "plain": "plain ASGI app without Django (the limit)",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_bench_fanout")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--variants", default="pubsub,fanout,plain", help=", ".join(VARIANTS))
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--broadcasts", type=int, default=50)
    parser.add_argument("--pace", type=float, default=0.0, help="seconds between broadcasts")
    parser.add_argument("--json", help="write the rows as JSON to this path")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument(
        "--reuse", action="store_true", help="use the database a --keep run left (no setup)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = [name for name in args.variants.split(",") if name]
    unknown = [name for name in names if name not in VARIANTS]
    if unknown:
        print(f"unknown variants: {unknown}", file=sys.stderr)
        return 2
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench/fanout.py needs DATABASE_URL=postgres://… (PostgreSQL).", file=sys.stderr)
        return 2
    started = dt.datetime.now(dt.UTC)
    if args.reuse:
        bench_url = urlunsplit(urlsplit(url)._replace(path=f"/{args.database}"))
    else:
        bench_url = recreate_database(url, args.database)
    processes = Processes()
    var = Path(tempfile.mkdtemp(prefix="redi-fanout-bench-"))
    try:
        env = environment(args, bench_url, var)
        datastream = prepare(env, reuse=args.reuse)
        results = {}
        for name in names:
            results[name] = run_variant(args, name, env, datastream, var, processes)
            print(f"{name}: {json.dumps(summary(results[name]))}", flush=True)
        return report(args, results, started)
    finally:
        processes.stop_all()
        if not (args.keep or args.reuse):
            from django.db import connections

            connections.close_all()
            drop_database(url, args.database)
        shutil.rmtree(var, ignore_errors=True)


def environment(args, bench_url: str, var: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
        "DATABASE_URL": bench_url,
        "REDIS_URL": args.redis_url,
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_HSTS_PRELOAD": "false",
        "CACHE_KEY_PREFIX": f"redi-bench-fanout-{os.getpid()}",
        "REDI_VAR_DIR": str(var),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": ":".join(
            [str(REPO / "site"), str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    for name in ("MQTT_URL", "ELASTICSEARCH_URL", "FRONTEND_CACHE_URL", "CHANNEL_LAYER"):
        env.pop(name, None)
    return env


def prepare(env: dict, reuse: bool = False) -> int:
    """Migrate, set up the town, give the live datastream a latest value (the snapshot
    each socket receives on connect); returns the datastream id."""
    os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from bench import sensors_setup
    from sensor_widgets.models import Datastream

    began = time.perf_counter()
    if reuse:
        datastream = Datastream.objects.get(name="Wasserstand Pegel Murg (live)").pk
    else:
        call_command("migrate", verbosity=0)
        datastream = sensors_setup.setup(0, 0).live["datastream"]
    Datastream.objects.filter(pk=datastream).update(
        last_value=600.0, last_phenomenon_time=timezone.now()
    )
    print(f"set up in {time.perf_counter() - began:.0f} s", flush=True)
    return datastream


def start_server(name: str, env: dict, var: Path, processes) -> int:
    layer, _count = VARIANTS[name]
    port = free_port()
    app = "portal.asgi:application" if layer else "bench.fanout_plain:app"
    command = [
        str(Path(sys.executable).parent / "uvicorn"),
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--ws",
        "websockets",
    ]
    log = open(var / f"uvicorn-{name}-{port}.log", "w")  # noqa: SIM115 – closed with the run
    processes.add(subprocess.Popen(command, cwd=var, env=env, stdout=log, stderr=subprocess.STDOUT))
    wait_for_port(port, 60)
    return port


class Lines:
    """The lines a process prints, read by one thread (two readers would split lines)."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream) -> None:
        for line in stream:
            self.queue.put(line.strip())

    def next(self, seconds: float) -> str:
        try:
            return self.queue.get(timeout=max(0.0, seconds))
        except queue.Empty:
            return ""


def wait_for_port(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"uvicorn did not listen on port {port} within {seconds} s")


def run_variant(args, name: str, base_env: dict, datastream: int, var: Path, processes) -> dict:
    from bench.sensors_setup import HOST

    layer, servers = VARIANTS[name]
    env = {**base_env, "CACHE_KEY_PREFIX": f"{base_env['CACHE_KEY_PREFIX']}-{name}"}
    if layer:
        env["CHANNEL_LAYER"] = layer
    else:
        env["FANOUT_TOPIC"] = f"{env['CACHE_KEY_PREFIX']}__group__sensor.ds.{datastream}"
    started = []
    phases = {"begin": time.monotonic()}
    try:
        ports = [start_server(name, env, var, processes) for _ in range(servers)]
        started = list(processes.running)
        phases["server"] = time.monotonic()
        per_process = [args.clients // args.client_processes] * args.client_processes
        per_process[0] += args.clients - sum(per_process)
        clients = []
        for number, count in enumerate(per_process):
            command = [
                sys.executable,
                str(REPO / "bench" / "fanout_clients.py"),
                "--host",
                f"{HOST}:{ports[number % len(ports)]}",
                "--path",
                f"/ws/sensorik/?ds={datastream}",
                "--count",
                str(count),
                "--expect",
                str(args.broadcasts),
                "--timeout",
                "240",
            ]
            clients.append(
                processes.add(
                    subprocess.Popen(
                        command,
                        cwd=var,
                        env=env,
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        text=True,
                    )
                )
            )
        sender = processes.add(
            subprocess.Popen(
                [
                    sys.executable,
                    str(REPO / "bench" / "fanout_send.py"),
                    "--mode",
                    "layer" if layer else "direct",
                    "--datastream",
                    str(datastream),
                    "--broadcasts",
                    str(args.broadcasts),
                    "--pace",
                    str(args.pace),
                ],
                cwd=var,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
        sender_lines = Lines(sender)
        began = time.monotonic()
        lines = [Lines(client) for client in clients]
        ready = [reader.next(200) for reader in lines]
        connect_s = time.monotonic() - began
        opened = sum(int(line.split()[1]) for line in ready if line.startswith("READY"))
        phases["connected"] = time.monotonic()
        time.sleep(1)
        sender.stdin.write("go\n")
        sender.stdin.flush()
        out = sender_lines.next(120)
        if not out.startswith("["):
            raise RuntimeError(f"sender failed: {out[:300]}")
        sent = json.loads(out)
        phases["sent"] = time.monotonic()
        answers = []
        deadline = time.monotonic() + 30 + args.broadcasts * args.pace
        for client, reader in zip(clients, lines, strict=True):
            line = reader.next(max(1.0, deadline - time.monotonic()))
            if not line:  # messages missing: stop waiting
                try:
                    client.stdin.write("stop\n")
                    client.stdin.flush()
                except OSError:
                    pass
                line = reader.next(30)
            try:
                answers.append(json.loads(line or "{}"))
            except ValueError:
                raise RuntimeError(f"client answered {line[:300]!r}") from None
        phases["answered"] = time.monotonic()
        for client in [*clients, sender]:
            processes.stop(client)
    finally:
        for process in started:
            processes.stop(process)
    phases["stopped"] = time.monotonic()
    result = measure(args, sent, answers, opened, connect_s, servers)
    marks = list(phases.items())
    result["phases_s"] = {
        b[0]: round(b[1] - a[1], 1) for a, b in zip(marks, marks[1:], strict=False)
    }
    return result


def measure(args, sent: list[dict], answers: list[dict], opened: int, connect_s, servers):
    """Deliveries per second from the first send to the last arrival; latency send →
    arrival of every single delivery."""
    sent_at = {str(float(update["value"])): update["sent"] for update in sent}
    latencies, last = [], 0.0
    for answer in answers:
        for value, times in answer.get("arrivals", {}).items():
            if value not in sent_at:
                continue
            latencies += [t - sent_at[value] for t in times]
            last = max(last, *times)
    expected = opened * len(sent)  # to the sockets that opened (those that did not: "open")
    first = min(sent_at.values()) if sent_at else 0.0
    seconds = last - first if latencies else 0.0
    return {
        "servers": servers,
        "open": opened,
        "connect_s": round(connect_s, 1),
        "broadcasts": len(sent),
        "send_s": round(max(u["ok"] for u in sent) - first, 3) if sent else None,
        "delivered": len(latencies),
        "expected": expected,
        "delivered_pct": round(100 * len(latencies) / expected, 2) if expected else 0.0,
        "seconds": round(seconds, 3),
        "per_s": round(len(latencies) / seconds) if seconds > 0 else 0,
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if latencies else None,
        "errors": [e for a in answers for e in a.get("errors", [])][:3],
    }


def summary(result: dict) -> dict:
    keys = ("open", "delivered_pct", "per_s", "p50_ms", "p99_ms", "send_s", "phases_s", "errors")
    return {key: result[key] for key in keys}


def report(args, results: dict, started: dt.datetime) -> int:
    from bench.fanout_report import rows, table

    made = rows(args, results)
    print()
    print(table(args, results, made))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(
            json.dumps(
                {"bench": "fanout", "started": started.isoformat(timespec="seconds"), "rows": made},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    judged = [row["ok"] for row in made if row["ok"] is not None]
    return 0 if judged and all(judged) else 1


if __name__ == "__main__":
    sys.exit(main())
