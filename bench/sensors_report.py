"""Figures of the Sensorik benchmark: the WebSocket fan-out latencies, the table printed
and written to ``bench/results/sensors.md`` and ``sensors.json``, and an optional
in-process profile of HTTP batches (what limits the HTTP ingest)."""

from __future__ import annotations

import json
from pathlib import Path


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 1)


def fan_out(sent: list[dict], answers: list[dict], clients: int) -> dict:
    """Per update: from sending the POST (and from its HTTP 200) to the last socket that
    received the value; p50/p99 over the updates; and over every single delivery."""
    arrivals: dict[str, list[float]] = {}
    for answer in answers:
        for value, times in answer.get("arrivals", {}).items():
            arrivals.setdefault(value, []).extend(times)
    last_from_send, last_from_ok, last_from_commit = [], [], []
    every_delivery, complete = [], 0
    for update in sent:
        times = arrivals.get(str(float(update["value"])), [])
        if not times:
            continue
        if len(times) >= clients:
            complete += 1
        last_from_send.append(max(times) - update["sent"])
        last_from_ok.append(max(times) - update["ok"])
        if update.get("published"):
            last_from_commit.append(max(times) - update["published"])
        every_delivery += [t - update["sent"] for t in times]
    return {
        "updates": len(sent),
        "update_statuses": sorted({u["status"] for u in sent}),
        "updates_every_client_got": complete,
        "deliveries": len(every_delivery),
        "deliveries_expected": len(sent) * clients,
        "failed_sockets": sum(a.get("failed", 0) for a in answers),
        "dropped_sockets": sum(a.get("dropped", 0) for a in answers),
        "socket_errors": [e for a in answers for e in a.get("errors", [])][:5],
        "last_client_p50_ms": _ms(percentile(last_from_send, 0.5)),
        "last_client_p99_ms": _ms(percentile(last_from_send, 0.99)),
        "last_client_max_ms": _ms(max(last_from_send) if last_from_send else None),
        "last_client_from_http_200_p50_ms": _ms(percentile(last_from_ok, 0.5)),
        "last_client_from_http_200_p99_ms": _ms(percentile(last_from_ok, 0.99)),
        "last_client_from_commit_p50_ms": _ms(percentile(last_from_commit, 0.5)),
        "last_client_from_commit_p99_ms": _ms(percentile(last_from_commit, 0.99)),
        "commits_seen_in_redis": len(last_from_commit),
        "post_p50_ms": _ms(percentile([u["ok"] - u["sent"] for u in sent], 0.5)),
        "any_delivery_p50_ms": _ms(percentile(every_delivery, 0.5)),
        "any_delivery_p99_ms": _ms(percentile(every_delivery, 0.99)),
    }


def _http_ok(http: dict, targets: dict) -> bool:
    # sustained: every full 10-second window at or above the target
    return (
        http["lowest_window_per_s"] >= targets["http_per_s"]
        and http["rows_in_db"] == http["sent"]
        and not http["errors"]
    )


def _http_complete(http: dict) -> bool:
    return http["rows_in_db"] == http["sent"] and not http["duplicates"]


def _mqtt_ok(mqtt: dict, targets: dict) -> bool:
    return mqtt["per_s"] >= targets["mqtt_per_s"]


def _mqtt_complete(mqtt: dict) -> bool:
    return mqtt["lost"] == 0 and mqtt["duplicated"] == 0 and not mqtt["unfinished"]


def _ws_p99(ws: dict) -> float | None:
    # judged: from the commit (the group message seen in Redis) to the last socket;
    # without it, from the HTTP 200
    return ws["last_client_from_commit_p99_ms"] or ws["last_client_from_http_200_p99_ms"]


def _ws_ok(ws: dict, targets: dict) -> bool:
    p99 = _ws_p99(ws)
    return (
        p99 is not None
        and p99 <= targets["ws_p99_ms"]
        and ws["open"] == ws["clients"]
        and ws["deliveries"] == ws["deliveries_expected"]
    )


def _rows(results: dict, targets: dict, reference: dict) -> list[tuple]:
    """(figure, target, measured, ratio, ok) per line of the table."""
    rows = []
    http = results.get("http")
    if http:
        ok = _http_ok(http, targets)
        rows.append(
            (
                f"HTTP batch ingest, {http['clients']} devices × batches of {http['batch']}, "
                f"{http['seconds']:.0f} s, {results['server']}",
                f"≥ {targets['http_per_s']:,} obs/s",
                f"{http['per_s']:,} obs/s (lowest 10-s window {http['lowest_window_per_s']:,}); "
                f"request p50 {http['request_p50_ms']} ms",
                f"{http['per_s'] / targets['http_per_s']:.2f}× target",
                ok,
            )
        )
        rows.append(
            (
                "HTTP: rows in PostgreSQL = readings sent",
                "0 lost, 0 duplicated",
                f"{http['rows_in_db']:,} rows / {http['sent']:,} sent; "
                f"{http['duplicates']} dup., {http['rejected']} rejected, {http['errors']} errors",
                "",
                _http_complete(http),
            )
        )
    mqtt = results.get("mqtt")
    if mqtt:
        rows.append(
            (
                f"MQTT ingest (worker, QoS 1, offered {mqtt['offered_per_s']:,}/s for "
                f"{mqtt['seconds_publishing']:.0f} s)",
                f"≥ {targets['mqtt_per_s']:,} uplinks/s",
                f"{mqtt['per_s']:,} uplinks/s (lowest 10-s window "
                f"{mqtt['lowest_window_per_s']}); drained "
                f"{mqtt['drain_s_after_publisher']} s after the publisher",
                f"{mqtt['per_s'] / targets['mqtt_per_s']:.2f}× target; "
                f"{mqtt['per_s'] / reference['mqtt_plain_per_s']:.2f}× plain broker→paho",
                _mqtt_ok(mqtt, targets),
            )
        )
        rows.append(
            (
                f"MQTT: in and out ({mqtt['redelivered']} uplinks delivered twice)",
                "0 lost, 0 duplicated",
                f"{mqtt['published']:,} published, {mqtt['acknowledged_by_broker']:,} acked, "
                f"{mqtt['stored']:,} stored, {mqtt['uplink_rows']:,} uplink rows: "
                f"{mqtt['lost']} lost, {mqtt['duplicated']} duplicated"
                + (
                    f", {mqtt['unfinished']:,} still coming in after the --drain wait"
                    if mqtt["unfinished"]
                    else ""
                ),
                "",
                _mqtt_complete(mqtt),
            )
        )
    ws = results.get("ws")
    if ws:
        p99 = _ws_p99(ws)
        rows.append(
            (
                f"WebSocket fan-out: {ws['open']:,} of {ws['clients']:,} sockets "
                f"({ws['client_processes']} client, {ws['server_processes']} server processes), "
                f"{ws['updates']} updates, store commit → last socket",
                f"p99 ≤ {targets['ws_p99_ms']} ms",
                f"p50 {ws['last_client_from_commit_p50_ms']} ms, p99 {p99} ms; "
                f"from sending the POST (incl. the intake): p50 {ws['last_client_p50_ms']} ms, "
                f"p99 {ws['last_client_p99_ms']} ms; "
                f"{ws['deliveries']:,}/{ws['deliveries_expected']:,} delivered",
                (
                    f"{p99 / targets['ws_p99_ms']:.2f}× target; "
                    f"{p99 / reference['ws_p99_ms']:.2f}× FIELD-NOTES p99"
                    if p99 is not None
                    else ""
                ),
                _ws_ok(ws, targets),
            )
        )
    chart = results.get("chart")
    if chart:
        for key in ("1y", "24h"):
            figures = chart.get(f"range_{key}")
            if not figures:
                continue
            rows.append(
                (
                    f"chart block render, range {key} ({chart['aggregates']:,} aggregates, "
                    f"{figures['queries']} queries, {figures['kb']} KB)",
                    f"≤ {targets['chart_ms']} ms",
                    f"median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms "
                    f"({figures['renders']} renders)",
                    f"{figures['p95_ms'] / targets['chart_ms']:.2f}× target (p95)",
                    figures["p95_ms"] <= targets["chart_ms"],
                )
            )
    return rows


def report(results: dict, targets: dict, reference: dict, directory: Path) -> bool:
    rows = _rows(results, targets, reference)
    lines = [
        "## Sensorik (issue #8) on PostgreSQL + Redis + Mosquitto",
        "",
        f"{results['date']}; server: {results['server']}, channel layer "
        f"{results['channel_layer']}; setup {results['setup_s']} s.",
        "",
        "| figure | target | measured | ratio | |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {figure} | {target} | {measured} | {ratio} | {'ok' if ok else '**missed**'} |"
        for figure, target, measured, ratio, ok in rows
    ]
    if "broadcast" in results:
        cost = results["broadcast"]
        lines += [
            "",
            f"Live push from synchronous code: `live.broadcast` of {cost['datastreams']} new "
            f"values took {cost['live_broadcast_ms']} ms; the same group messages sent from "
            f"one event loop {cost['one_event_loop_ms']} ms.",
        ]
    for name, text in results.get("profile", {}).items():
        lines += ["", f"Profile ({name}, in-process, cumulative):", "", "```", text, "```"]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    ok = all(row[4] for row in rows)
    results["ok"] = ok
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "sensors.md").write_text(text)
    (directory / "sensors.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n"
    )
    return ok


def profile_http(made, batch: int, requests: int = 20) -> str:
    """cProfile of ``requests`` batches posted in-process (Django test client) to the
    intake: where the server's time goes."""
    import cProfile
    import datetime as dt
    import io
    import pstats
    import random

    from django.test import Client

    from .sensors_http import PATH, batch_body
    from .sensors_setup import HOST

    stream = made.http[0]
    client = Client(HTTP_HOST=HOST)
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=60)
    rng = random.Random(1)
    bodies = [batch_body(stream["key"], start, n * batch, batch, rng) for n in range(requests)]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {stream['token']}"}
    client.post(PATH, data=bodies[0], content_type="application/json", **headers)
    profiler = cProfile.Profile()
    profiler.enable()
    for body in bodies[1:]:
        client.post(PATH, data=body, content_type="application/json", **headers)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()[-6000:]


def profile_mqtt(made, batches: int = 5, size: int = 500) -> str:
    """cProfile of the worker's batch step (``sensor_widgets.mqtt.batch.process``) on
    ``batches`` × ``size`` ChirpStack uplinks, in-process: where the worker's time goes."""
    import cProfile
    import datetime as dt
    import io
    import pstats

    from sensor_widgets.mqtt.batch import DeviceCache, process

    from .sensors_mqtt import uplink

    devices = [item["dev_eui"] for item in made.mqtt]
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=20)
    messages = [
        uplink(devices[n % len(devices)], n, start + dt.timedelta(seconds=n), 100.0 + n % 50)
        for n in range(batches * size)
    ]
    cache = DeviceCache()
    process(messages[:size], cache)  # devices cached, as in a running worker
    profiler = cProfile.Profile()
    profiler.enable()
    for offset in range(size, len(messages), size):
        process(messages[offset : offset + size], cache)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return out.getvalue()[-6000:]


def broadcast_cost(datastreams: int = 100) -> dict:
    """``live.broadcast`` of ``datastreams`` new values from synchronous code (the MQTT
    worker, a management command) against one event loop sending them all."""
    import datetime as dt
    import time
    from types import SimpleNamespace

    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    from sensor_widgets import live

    now = dt.datetime.now(dt.UTC)
    latest = {
        10_000_000 + n: SimpleNamespace(phenomenon_time=now, result=1.0) for n in range(datastreams)
    }
    started = time.perf_counter()
    live.broadcast(latest)
    broadcast_ms = (time.perf_counter() - started) * 1000
    layer = get_channel_layer()

    async def one_loop() -> None:
        for datastream_id, row in latest.items():
            await layer.group_send(
                live.group_name(datastream_id),
                {"type": "sensor.value", **live.message(datastream_id, row.phenomenon_time, 1.0)},
            )

    started = time.perf_counter()
    async_to_sync(one_loop)()
    one_loop_ms = (time.perf_counter() - started) * 1000
    return {
        "datastreams": datastreams,
        "live_broadcast_ms": round(broadcast_ms, 1),
        "one_event_loop_ms": round(one_loop_ms, 1),
    }
