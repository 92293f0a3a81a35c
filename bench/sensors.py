"""Sensorik benchmark (issue #8): HTTP batch ingest, MQTT ingest, WebSocket fan-out and
chart render on PostgreSQL + Redis + Mosquitto.

    make bench-sensors      # = DATABASE_URL=postgres://postgres@127.0.0.1:5432/redi \\
                            #   python bench/sensors.py

Uses the PostgreSQL server of ``DATABASE_URL`` but a database of its own
(``redi_bench_sensors`` unless ``--database``), which it drops and creates – and drops
again at the end (``--keep`` keeps it). Redis: ``REDIS_URL`` or redis://127.0.0.1:6379/10,
with a channel prefix of its own. Mosquitto: a private broker on a spare loopback port
from ``bench/mosquitto-bench.conf`` – the machine's broker is not touched.

1. chart: a datastream with a year of hourly and daily aggregates (bulk-inserted); the
   ``sensor_chart`` block rendered in-process (range 1y and 24h), ``--renders`` times.
2. HTTP: ``--processes`` Daphne processes (the production shape: one per core) with
   the Redis channel layer; ``--http-clients`` devices post batches of ``--batch``
   readings to ``POST /sensorik/api/v1/observations`` for ``--seconds``. Afterwards the
   rows in PostgreSQL are counted: they must equal the readings sent.
3. WebSocket: ``--ws-clients`` sockets (in ``--ws-processes`` client processes, spread
   over the Daphne processes) subscribe to one datastream; ``--updates`` single
   observations are posted one second apart; per update the time from sending the POST
   (and from its HTTP 200) until the last socket has the value.
4. MQTT: the worker ``redi mqtt_intake`` as a subprocess, a publisher process sending
   ChirpStack v4 uplinks at QoS 1 (``--mqtt-rate`` per second, 0 = as fast as it can)
   for ``--seconds``, ``--duplicates`` of them delivered twice; the stored rows counted
   while they come in and at the end (0 lost, 0 duplicated).

Prints a table (figure, target, measured, ratio), writes ``bench/results/sensors.json``
and ``sensors.md`` and exits 1 when a target is missed. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "site"))
sys.path.insert(0, str(REPO))

from bench.search import recreate_database  # noqa: E402
from portal.demo.server import free_port  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/redi"
DEFAULT_REDIS = "redis://127.0.0.1:6379/10"
RESULTS = REPO / "bench" / "results"
TARGETS = {
    "http_per_s": 5000,
    "mqtt_per_s": 2000,
    "ws_p99_ms": 250,
    "chart_ms": 50,
}
# FIELD-NOTES (2026-11, this kind of machine): 1,000 sockets × 50 broadcasts through
# RedisPubSubChannelLayer on uvicorn, p99 260–380 ms; Mosquitto → paho end to end
# (no database) 7,300 msg/s.
REFERENCE = {"ws_p99_ms": 260, "mqtt_plain_per_s": 7300}
PARTS = ("chart", "http", "ws", "mqtt")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="redi_bench_sensors")
    parser.add_argument("--parts", default=",".join(PARTS), help="comma-separated subset")
    parser.add_argument("--seconds", type=float, default=60, help="HTTP and MQTT load time")
    parser.add_argument("--processes", type=int, default=2, help="Daphne processes")
    parser.add_argument("--http-clients", type=int, default=4)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--mqtt-devices", type=int, default=100)
    parser.add_argument("--mqtt-rate", type=int, default=2500, help="uplinks/s; 0 = no limit")
    parser.add_argument(
        "--drain", type=float, default=240, help="seconds to wait for the worker afterwards"
    )
    parser.add_argument("--duplicates", type=float, default=0.01)
    parser.add_argument("--ws-clients", type=int, default=1000)
    parser.add_argument("--ws-processes", type=int, default=2)
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="cProfile of HTTP batches")
    parser.add_argument(
        "--asgi",
        default="portal.asgi:application",
        help="ASGI application Daphne serves (to compare a variant; PYTHONPATH applies)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--output", default=str(RESULTS))
    parser.add_argument("--json", help="also write the figures as JSON rows (bench/all.py)")
    return parser.parse_args(argv)


class Processes:
    """Every process the benchmark starts, ended by their own handles at the end."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def add(self, process: subprocess.Popen) -> subprocess.Popen:
        self.running.append(process)
        return process

    def stop(self, process: subprocess.Popen, wait: float = 20) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in list(reversed(self.running)):
            self.stop(process, wait=10)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench/sensors.py needs DATABASE_URL=postgres://… (PostgreSQL).", file=sys.stderr)
        return 2
    parts = [p for p in args.parts.split(",") if p]
    if "mqtt" in parts and not shutil.which("mosquitto"):
        print("mosquitto is not installed (apt-get install mosquitto).", file=sys.stderr)
        return 2
    bench_url = recreate_database(url, args.database)
    processes = Processes()
    var = Path(tempfile.mkdtemp(prefix="redi-sensors-bench-"))
    try:
        return run(args, parts, bench_url, var, processes)
    finally:
        processes.stop_all()
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(url, args.database)
        shutil.rmtree(var, ignore_errors=True)


def drop_database(url: str, name: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(bench_url: str, var: Path) -> dict:
    redis = os.environ.get("REDIS_URL") or DEFAULT_REDIS
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": bench_url,
        "REDIS_URL": redis,
        "CACHE_KEY_PREFIX": f"redi-bench-sensors-{os.getpid()}",
        "REDI_VAR_DIR": str(var),
        "TASK_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
        "SENSOR_HTTP_RATE": "1000000/m",
        "SENSOR_MQTT_CLIENT_ID": f"redi-bench-intake-{os.getpid()}",
        "PYTHONPATH": ":".join(
            [str(REPO / "site"), str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    env.pop("MQTT_URL", None)  # the worker gets the private broker by --url
    env.pop("ELASTICSEARCH_URL", None)
    return env


def run(args, parts: list[str], bench_url: str, var: Path, processes: Processes) -> int:
    from bench.all import now, write_json

    began = now()
    env = environment(bench_url, var)
    os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})
    import django

    django.setup()
    from django.core.management import call_command

    from bench import sensors_setup

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    made = sensors_setup.setup(args.http_clients, args.mqtt_devices)
    results: dict = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "setup_s": round(time.perf_counter() - started, 1),
        "settings": {k: v for k, v in vars(args).items() if k not in ("output",)},
        "server": f"daphne × {args.processes}",
        "channel_layer": "channels_redis.pubsub.RedisPubSubChannelLayer",
    }
    if "chart" in parts:
        results["chart"] = part_chart(args, made)
        print_progress("chart", results["chart"])
    if "http" in parts or "ws" in parts:
        ports = [free_port() for _ in range(args.processes)]
        servers = [
            processes.add(
                start_daphne(port, env, var, profile=args.profile and n == 0, asgi=args.asgi)
            )
            for n, port in enumerate(ports)
        ]
        try:
            wait_healthy(ports)
            if "http" in parts:
                results["http"] = part_http(args, made, ports)
                print_progress("http", results["http"])
            if "ws" in parts:
                from bench.sensors_live import part_ws

                results["ws"] = part_ws(args, made, ports, env, processes)
                print_progress("ws", results["ws"])
        finally:
            for server in servers:
                processes.stop(server)
        if args.profile:
            results["daphne_profile"] = read_profile(var / f"daphne-{ports[0]}.prof")
    if "mqtt" in parts:
        from bench import sensors_mqtt

        results["mqtt"] = sensors_mqtt.part_mqtt(args, made, env, var, processes)
        print_progress("mqtt", results["mqtt"])
    from bench import sensors_report

    if "mqtt" in parts or "http" in parts:
        results["broadcast"] = sensors_report.broadcast_cost()
        print_progress("broadcast", results["broadcast"])
    if args.profile:
        results["profile"] = {
            "daphne event loop, by own time": results.pop("daphne_profile", ""),
            "http": sensors_report.profile_http(made, args.batch),
            "mqtt": sensors_report.profile_mqtt(made),
        }

    ok = sensors_report.report(results, TARGETS, REFERENCE, Path(args.output))
    from bench.sensors_json import json_rows

    write_json(args.json, "sensors", began, json_rows(results, TARGETS, REFERENCE))
    return 0 if ok else 1


def print_progress(name: str, result: dict) -> None:
    short = {k: v for k, v in result.items() if not isinstance(v, list | dict)}
    stamp = time.strftime("%H:%M:%S", time.gmtime())
    print(f"[{stamp} UTC] {name}: {json.dumps(short, ensure_ascii=False)}")
    sys.stdout.flush()


# --- servers -------------------------------------------------------------------------------


def start_daphne(
    port: int, env: dict, var: Path, profile: bool = False, asgi: str = "portal.asgi:application"
) -> subprocess.Popen:
    """One Daphne process; ``profile``: under cProfile (its event loop: the WebSocket
    fan-out; the views run in other threads), written to ``var/daphne-<port>.prof``."""
    profiler = [sys.executable, "-m", "cProfile", "-o", str(var / f"daphne-{port}.prof")]
    return subprocess.Popen(
        [
            *(profiler if profile else []),
            str(Path(sys.executable).parent / "daphne"),
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            asgi,
        ],
        env=env,
        stdout=open(var / f"daphne-{port}.log", "w"),  # noqa: SIM115 – the server's lifetime
        stderr=subprocess.STDOUT,
        cwd=REPO,
    )


def read_profile(path: Path) -> str:
    import io
    import pstats

    if not path.exists():
        return "(no profile written)"
    out = io.StringIO()
    stats = pstats.Stats(str(path), stream=out)
    stats.sort_stats("tottime").print_stats(20)
    stats.sort_stats("cumulative").print_stats(
        "channels|daphne|autobahn|consumers|sensor_widgets", 30
    )
    return out.getvalue()[-9000:]


def wait_healthy(ports: list[int], seconds: float = 90) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    for port in ports:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Daphne on port {port} did not start") from None
                time.sleep(0.3)


def host(port: int) -> str:
    from bench.sensors_setup import HOST

    return f"{HOST}:{port}"


# --- parts ---------------------------------------------------------------------------------


def part_chart(args, made) -> dict:
    from django.db import connection
    from django.utils import timezone

    from bench import sensors_chart, sensors_setup

    rows = sensors_setup.year_of_aggregates(made.chart, timezone.now())
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE sensor_widgets_observationaggregate")
    ranges = sensors_chart.measure(
        made.chart, made.home_page_id, sensors_setup.HOST, ["1y", "24h"], args.renders
    )
    return {"aggregates": rows, **{f"range_{k}": v for k, v in ranges.items()}}


def part_http(args, made, ports: list[int]) -> dict:
    from bench import sensors_http
    from sensor_widgets.models import Observation

    bases = [f"http://127.0.0.1:{port}" for port in ports]
    totals, elapsed = sensors_http.run(
        bases, host(ports[0]).split(":")[0], made.http, args.seconds, args.batch
    )
    ids = [stream["datastream"] for stream in made.http]
    rows = Observation.objects.filter(datastream_id__in=ids).count()
    measured = sum(n for _t, n in totals.done)
    windows = (
        sensors_http.window_rates(totals.done, elapsed)
        if elapsed >= sensors_http.WINDOW_S
        else [measured / elapsed]
    )
    latencies = sorted(totals.latencies)
    return {
        "seconds": round(elapsed, 1),
        "clients": len(made.http),
        "batch": args.batch,
        "requests": totals.requests,
        "sent": totals.sent,
        "accepted": totals.accepted,
        "duplicates": totals.duplicates,
        "rejected": totals.rejected,
        "errors": len(totals.errors),
        "error_samples": totals.errors[:5],
        "rows_in_db": rows,
        "per_s": round(measured / elapsed),
        "lowest_window_per_s": round(min(windows)),
        "window_rates": [round(w) for w in windows],
        "request_p50_ms": round(latencies[len(latencies) // 2] * 1000) if latencies else None,
        "request_p99_ms": (
            round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000)
            if latencies
            else None
        ),
    }


if __name__ == "__main__":
    sys.exit(main())
