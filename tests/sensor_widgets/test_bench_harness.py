"""The Sensorik benchmark's own arithmetic and message shapes (no servers, no database):
what ``make bench-sensors`` publishes is what the worker reads, and its figures add up."""

from __future__ import annotations

import datetime as dt
import json

from bench.sensors_http import window_rates
from bench.sensors_mqtt import uplink
from bench.sensors_report import fan_out
from bench.sensors_ws import values_in
from sensor_widgets.mqtt.messages import parse


def test_published_uplink_is_a_chirpstack_uplink_the_worker_reads():
    when = dt.datetime(2026, 11, 20, 8, 0, 5, tzinfo=dt.UTC)
    topic, payload = uplink("BE0C000000000007", 41, when, 123.5)
    read = parse(topic, payload, now=when + dt.timedelta(days=1))
    assert read.dev_eui == "BE0C000000000007"
    assert read.values == {"water_level_cm": 123.5}
    assert read.time == when
    again = parse(topic, payload, now=when + dt.timedelta(days=2))
    assert again.key == read.key  # a redelivery has the same deduplication key


def test_values_are_found_in_any_envelope():
    assert values_in(json.dumps({"datastream": 3, "value": 701.0})) == [701.0]
    assert sorted(values_in(json.dumps([{"value": 1}, {"value": 2.5}]))) == [1.0, 2.5]
    assert values_in(json.dumps({"values": [{"datastream": 3, "value": 9}]})) == [9.0]
    assert values_in("not json") == []
    assert values_in(json.dumps({"value": "x"})) == []


def test_fan_out_takes_the_last_socket_of_each_update():
    sent = [
        {"value": 700.0, "sent": 10.0, "ok": 10.05, "published": 10.02, "status": 200},
        {"value": 701.0, "sent": 11.0, "ok": 11.05, "published": 11.02, "status": 200},
    ]
    answers = [
        {"open": 2, "arrivals": {"700.0": [10.10, 10.12], "701.0": [11.10, 11.30]}},
        {"open": 1, "failed": 1, "arrivals": {"700.0": [10.22]}},
    ]
    figures = fan_out(sent, answers, clients=3)
    assert figures["deliveries"] == 5 and figures["deliveries_expected"] == 6
    assert figures["updates_every_client_got"] == 1
    assert figures["failed_sockets"] == 1
    assert figures["last_client_from_commit_p50_ms"] == 200.0
    assert figures["last_client_from_commit_p99_ms"] == 280.0
    assert figures["last_client_max_ms"] == 300.0


def test_window_rates_count_full_ten_second_windows():
    done = [(1.0, 1000), (9.5, 1000), (12.0, 3000), (25.0, 500)]
    assert window_rates(done, elapsed=25.0) == [200.0, 300.0]
