"""Reading MQTT messages of ChirpStack v4 and The Things Stack v3."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from sensor_widgets.mqtt.messages import MessageError, parse

from .factories_mqtt import chirpstack, tts

EUI = "70B3D57ED005A1B2"
TIME = dt.datetime(2026, 12, 3, 10, 15, 0, 123456, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 3, 10, 16, tzinfo=dt.UTC)


def test_chirpstack_with_raw_bytes():
    topic, payload = chirpstack(EUI, payload=b"\x00\x8e\x5a", time=TIME, dedup_id="d-1", f_port=2)
    assert (
        topic == f"application/00000000-0000-0000-0000-000000000001/device/{EUI.lower()}/event/up"
    )
    uplink = parse(topic, payload)
    assert (uplink.dev_eui, uplink.key, uplink.time) == (EUI, "cs:d-1", TIME)
    assert (uplink.payload, uplink.values, uplink.f_port, uplink.source) == (
        b"\x00\x8e\x5a",
        {},
        2,
        "chirpstack",
    )


def test_chirpstack_object_decoded_by_the_network_server_wins():
    topic, payload = chirpstack(
        EUI, payload=b"\x01", values={"temperature_c": 7.5, "air": {"pm10": 12}}, time=TIME
    )
    uplink = parse(topic, payload)
    assert uplink.values == {"temperature_c": 7.5, "air_pm10": 12}


def test_things_stack_key_is_the_network_servers_receive_time():
    topic, payload = tts(EUI, payload=b"\x00\x10\x50", time=TIME, f_cnt=42)
    assert topic == f"v3/redi-sensorik@redi/devices/eui-{EUI.lower()}/up"
    uplink = parse(topic, payload)
    assert uplink.key == f"tts:{EUI}:2026-12-03T10:15:00.123456Z"
    assert (uplink.time, uplink.payload, uplink.source) == (TIME, b"\x00\x10\x50", "tts")
    # republished by the application server: new correlation ids and received_at, same key
    again = json.loads(payload)
    again["correlation_ids"] = ["as:up:OTHER"]
    again["received_at"] = "2026-12-03T10:20:00Z"
    assert parse(topic, json.dumps(again).encode()).key == uplink.key


def test_things_stack_fallbacks_for_the_key_and_decoded_payload():
    body = {
        "end_device_ids": {"dev_eui": EUI.lower()},
        "received_at": "2026-12-03T10:15:01Z",
        "uplink_message": {"f_cnt": 7, "decoded_payload": {"occupied": 1}},
    }
    uplink = parse("v3/a@t/devices/x/up", json.dumps(body).encode(), now=NOW)
    assert uplink.key == f"tts:{EUI}:7:2026-12-03T10:15:01Z"
    assert uplink.values == {"occupied": 1}
    assert uplink.time == dt.datetime(2026, 12, 3, 10, 15, 1, tzinfo=dt.UTC)
    del body["received_at"]
    body["correlation_ids"] = ["gs:uplink:1", "as:up:01HX"]
    assert parse("t", json.dumps(body).encode(), now=NOW).key == f"tts:{EUI}:as:up:01HX"


def test_chirpstack_without_time_takes_the_time_of_receipt():
    body = {"deduplicationId": "x", "deviceInfo": {"devEui": EUI}, "data": "AAE="}
    assert parse("t", json.dumps(body).encode(), now=NOW).time == NOW


def _cs(**changes) -> bytes:
    body = {
        "deduplicationId": "d-1",
        "time": "2026-12-03T10:15:00Z",
        "deviceInfo": {"devEui": EUI},
        "data": base64.b64encode(b"\x00\x01\x02").decode(),
    }
    for key, value in changes.items():
        if value is None:
            body.pop(key, None)
        else:
            body[key] = value
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    ("payload", "message", "dev_eui"),
    [
        (b"not json at all", "Nachricht ist kein gültiges JSON.", None),
        (b"\xff\xfe\x00", "Nachricht ist kein gültiges JSON.", None),
        (b"[1, 2, 3]", "Nachricht muss ein JSON-Objekt sein.", None),
        (b'{"hello": "world"}', "Unbekanntes Nachrichtenformat", None),
        (_cs(deviceInfo={"deviceName": "x"}), "DevEUI fehlt in der Nachricht.", None),
        (_cs(deviceInfo="x"), "DevEUI fehlt in der Nachricht.", None),
        (_cs(deviceInfo={"devEui": "12345"}), "DevEUI „12345“ ist keine 16-stellige", None),
        (_cs(deduplicationId=None), "deduplicationId fehlt", EUI),
        (_cs(data="%%% kein base64 %%%"), "Nutzdaten (data) sind kein gültiges Base64.", EUI),
        (_cs(data=17), "data muss Base64-Text sein.", EUI),
        (_cs(data=None), "Nachricht enthält keine Nutzdaten.", EUI),
        (_cs(time="gestern"), "Zeitangabe nicht lesbar: gestern", EUI),
        (_cs(time="2026-12-03T10:15:00"), "Zeitangabe ohne Zeitzone", EUI),
        (b"{" + b'"a": 1,' * 20000 + b'"b": 2}', "Nachricht zu groß", None),
        (
            json.dumps({"end_device_ids": {"dev_eui": EUI}}).encode(),
            "keine Uplink-Nachricht (uplink_message fehlt)",
            EUI,
        ),
        (
            json.dumps(
                {"end_device_ids": {"dev_eui": EUI}, "uplink_message": {"f_cnt": 1}}
            ).encode(),
            "received_at fehlt",
            EUI,
        ),
        (
            json.dumps(
                {
                    "end_device_ids": {"device_id": "x"},
                    "uplink_message": {"received_at": "2026-12-03T10:15:00Z"},
                }
            ).encode(),
            "DevEUI fehlt",
            None,
        ),
        (
            json.dumps(
                {
                    "end_device_ids": {"dev_eui": EUI},
                    "uplink_message": {"received_at": "2026-12-03T10:15:00Z", "frm_payload": "@@"},
                }
            ).encode(),
            "Nutzdaten (frm_payload) sind kein gültiges Base64.",
            EUI,
        ),
    ],
)
def test_unreadable_messages_say_why_in_german(payload, message, dev_eui):
    with pytest.raises(MessageError) as error:
        parse("application/1/device/x/event/up", payload, now=NOW)
    assert message in str(error.value)
    assert error.value.dev_eui == dev_eui
