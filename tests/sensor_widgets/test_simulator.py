"""The simulator: value profiles published as ChirpStack/TTS uplinks or posted over HTTP,
and taken in by the worker / the HTTP intake like real devices."""

from __future__ import annotations

import http.server
import json
import threading

import pytest
from django.test import Client

from sensor_widgets import simulator
from sensor_widgets.models import Device, Observation

from .factories import datastream, device
from .factories_mqtt import broker_url, new_eui, prefix, reachable, serve, started

pytestmark = pytest.mark.django_db
needs_broker = pytest.mark.skipif(
    not reachable(broker_url()), reason=f"no MQTT broker at {broker_url()}"
)
GAUGE = {"water_level_cm": {"profile": "water_level", "base": 150, "amplitude": 40}}
AIR = {
    "temperature_c": {"profile": "temperature", "base": 11, "amplitude": 5},
    "co2_ppm": {"profile": "co2", "base": 420, "amplitude": 300},
}


def simulated(specs: dict, decoder: str, **stream):
    """A Thing with a simulation profile, its datastreams (one per key) and a device."""
    first, *others = specs
    stream_kwargs = {"physical_min": -50, "physical_max": 5000, "decimals": 1, **stream}
    streams = [datastream(key=first, **stream_kwargs)]
    thing = streams[0].thing
    for key in others:
        streams.append(datastream(thing=thing, key=key, **stream_kwargs))
    thing.properties = {"simulation": specs}
    thing.save()
    return device(thing, dev_eui=new_eui(), decoder=decoder), streams


@needs_broker
def test_simulated_devices_report_over_mqtt_in_both_shapes_and_in_bursts():
    p = prefix()
    gauge, (water,) = simulated(GAUGE, "water_level")
    box, (temperature, co2) = simulated(AIR, "elsys_ers")
    mine = [gauge.pk, box.pk]
    worker = started(broker_url(), p)
    try:
        lines = []
        sent = simulator.run(
            "mqtt",
            url=broker_url(),
            count=4,
            interval=0.01,
            prefix=p,
            devices=mine,
            say=lines.append,
        )
        assert sent == 4
        serve(worker, lambda stats: stats.handled >= 4)
        assert worker.stats.rejected == 0
        assert Observation.objects.filter(datastream=water).count() == 2
        assert Observation.objects.filter(datastream__in=[temperature, co2]).count() == 4
        values = Observation.objects.filter(datastream=water).values_list("result", flat=True)
        assert all(60 <= value <= 260 for value in values)  # 150 ± a believable swing
        # one device as ChirpStack, the other as The Things Stack
        keys = set(Device.objects.get(pk=gauge.pk).uplinks.values_list("key", flat=True)) | set(
            Device.objects.get(pk=box.pk).uplinks.values_list("key", flat=True)
        )
        assert {key.split(":")[0] for key in keys} == {"cs", "tts"}

        sent = simulator.run(
            "mqtt",
            url=broker_url(),
            burst=60,
            prefix=p,
            devices=[gauge.pk],
            shape="chirpstack",
            say=lines.append,
        )
        assert sent == 60
        serve(worker, lambda stats: stats.handled >= 64)
    finally:
        worker.close()
    assert Observation.objects.filter(datastream=water).count() == 62  # every reading is new
    assert lines == []  # nothing to complain about


@needs_broker
def test_values_a_decoder_cannot_express_go_as_decoded_objects():
    p = prefix()
    # a Thing whose keys the water_level layout has no place for
    sensor, (pm10,) = simulated(
        {"pm10_ugm3": {"profile": "pm10", "base": 15, "amplitude": 30}}, "water_level"
    )
    worker = started(broker_url(), p)
    lines = []
    try:
        simulator.run(
            "mqtt", url=broker_url(), count=1, prefix=p, devices=[sensor.pk], say=lines.append
        )
        serve(worker, lambda stats: stats.handled >= 1)
    finally:
        worker.close()
    assert Observation.objects.filter(datastream=pm10).count() == 1
    assert lines == [
        f"Simulator: {sensor} – Wert „water_level_cm“ fehlt oder ist keine Zahl.; "
        "sende dekodierte Werte."
    ]


class Recorder(http.server.BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 – the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.received.append((self.path, dict(self.headers), body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_over_http_each_device_gets_a_token_and_the_intake_accepts_what_it_posts():
    gauge, (water,) = simulated(GAUGE, "water_level")
    box, (temperature, co2) = simulated(AIR, "elsys_ers")
    Recorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sensorik/api/v1/observations"
    try:
        sent = simulator.run("http", url=url, count=4, interval=0.01, devices=[gauge.pk, box.pk])
    finally:
        server.shutdown()
    assert sent == 4 and len(Recorder.received) == 4
    # replay what the simulator sent against the real HTTP intake
    client = Client()
    for path, headers, body in Recorder.received:
        assert path == "/sensorik/api/v1/observations"
        assert json.loads(body).keys() == {"time", "values"}
        response = client.post(
            path,
            body,
            content_type="application/json",
            headers={"Authorization": headers["Authorization"]},
        )
        assert response.status_code == 200, response.content
    assert Observation.objects.filter(datastream=water).count() == 2
    assert Observation.objects.filter(datastream__in=[temperature, co2]).count() == 4
    gauge.refresh_from_db()
    assert gauge.token_hint.startswith("sen_") and gauge.accepted_count == 2


def test_nothing_to_simulate_is_said_plainly():
    lines = []
    assert simulator.run("http", url="http://127.0.0.1:9/x", devices=[], say=lines.append) == 0
    assert lines == ["Simulator: keine Geräte mit Simulationsprofil gefunden."]
