"""The Sensorik benchmark's figures as rows for ``bench/all.py`` (``--json``): the same
judgements as the table of ``sensors_report``, the references named with their date."""

from __future__ import annotations

from bench.all import json_row
from bench.sensors_report import _http_complete, _http_ok, _mqtt_complete, _mqtt_ok, _ws_ok, _ws_p99


def json_rows(results: dict, targets: dict, reference: dict) -> list[dict]:
    """Figures for bench/all.py (the same judgements as the table)."""

    old = "(FIELD-NOTES 2026-11, not this run)"
    rows = []
    http = results.get("http")
    if http:
        rows += [
            json_row(
                f"HTTP batch ingest, {http['clients']} devices × {http['batch']:,} readings, "
                f"{http['seconds']:.0f} s, {results['server']}",
                http["per_s"],
                "obs/s",
                target=f"≥ {targets['http_per_s']:,} obs/s sustained (lowest 10-s window)",
                ok=_http_ok(http, targets),
                reference="FROST-Server ~5,000 inserts/s, published (not this run)",
                note=f"lowest 10-s window {http['lowest_window_per_s']:,} obs/s; "
                f"request p50 {http['request_p50_ms']} ms; {http['errors']} errors",
            ),
            json_row(
                "HTTP ingest: rows in PostgreSQL = readings sent",
                http["rows_in_db"],
                "rows",
                target=f"= {http['sent']:,} sent, 0 duplicated",
                ok=_http_complete(http),
            ),
        ]
    mqtt = results.get("mqtt")
    if mqtt:
        rows += [
            json_row(
                f"MQTT ingest (worker, QoS 1, offered {mqtt['offered_per_s']:,}/s for "
                f"{mqtt['seconds_publishing']:.0f} s)",
                mqtt["per_s"],
                "uplinks/s",
                target=f"≥ {targets['mqtt_per_s']:,} uplinks/s",
                ok=_mqtt_ok(mqtt, targets),
                reference=f"Mosquitto → paho, no database, "
                f"{reference['mqtt_plain_per_s']:,} msg/s {old}",
                note=f"lowest 10-s window {mqtt['lowest_window_per_s']}/s; drained "
                f"{mqtt['drain_s_after_publisher']} s after the publisher",
            ),
            json_row(
                f"MQTT: uplinks stored once ({mqtt['redelivered']} delivered twice)",
                mqtt["stored"],
                "uplinks",
                target=f"= {mqtt['published']:,} published: 0 lost, 0 duplicated",
                ok=_mqtt_complete(mqtt),
                note=f"{mqtt['lost']} lost, {mqtt['duplicated']} duplicated, "
                f"{mqtt['unfinished']} unfinished",
            ),
        ]
    ws = results.get("ws")
    if ws:
        rows.append(
            json_row(
                f"WebSocket fan-out to {ws['clients']:,} sockets ({ws['server_processes']} "
                f"server processes), store commit → last socket, p99",
                _ws_p99(ws),
                "ms",
                target=f"p99 ≤ {targets['ws_p99_ms']} ms, 100 % delivered",
                ok=_ws_ok(ws, targets),
                reference=f"Channels pubsub layer, 1,000 sockets: p99 "
                f"{reference['ws_p99_ms']}–380 ms {old}",
                note=f"p50 {ws['last_client_from_commit_p50_ms']} ms; "
                f"{ws['deliveries']:,}/{ws['deliveries_expected']:,} delivered, "
                f"{ws['open']:,}/{ws['clients']:,} sockets open",
            )
        )
    chart = results.get("chart")
    for key in ("1y", "24h"):
        figures = (chart or {}).get(f"range_{key}")
        if figures:
            rows.append(
                json_row(
                    f"chart block render, range {key} ({chart['aggregates']:,} aggregates), p95",
                    figures["p95_ms"],
                    "ms",
                    target=f"≤ {targets['chart_ms']} ms",
                    ok=figures["p95_ms"] <= targets["chart_ms"],
                    note=f"median {figures['median_ms']} ms, {figures['queries']} queries",
                )
            )
    cost = results.get("broadcast")
    if cost:
        rows.append(
            json_row(
                f"`live.broadcast` of {cost['datastreams']} values from synchronous code",
                cost["live_broadcast_ms"],
                "ms",
                reference="the same group messages from one event loop, same run",
                reference_value=cost["one_event_loop_ms"] or None,
                note="ratio = time / one event loop's time: lower is better",
            )
        )
    return rows
