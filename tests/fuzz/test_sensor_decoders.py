"""Fuzzing what sensors send: the payload decoders, MQTT uplink messages and the HTTP intake.

A decoder gives finite numbers or a German :class:`DecodeError`; a message gives an uplink or
a German :class:`MessageError`; the HTTP endpoints answer 2xx or a clean 4xx with a German
message in JSON – and store nothing when they refuse.
"""

from __future__ import annotations

import json
import math

import pytest
from django.test import Client
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sensor_widgets import decoders
from sensor_widgets.models import Observation
from sensor_widgets.mqtt.batch import DeviceCache, process
from sensor_widgets.mqtt.messages import MessageError, parse
from sensor_widgets.simulator import chirpstack_message, tts_message
from tests.fuzz.conftest import examples
from tests.sensor_widgets.factories import datastream, device
from tests.sensor_widgets.factories_http import INTAKE_URL, iso, post_json, recent, token_device
from tests.sensor_widgets.factories_mqtt import new_eui

STA = "/sta/v1.1/"
GERMAN = {
    "ist",
    "sind",
    "kein",
    "keine",
    "keinem",
    "nicht",
    "muss",
    "bitte",
    "fehlt",
    "fehlen",
    "zu",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "einer",
    "erwartet",
    "wert",
    "werte",
    "nutzdaten",
    "nachricht",
    "anfrage",
    "unbekannt",
    "unbekannter",
    "unbekanntes",
    "datenstrom",
    "zeitangabe",
    "messwert",
    "gehört",
    "unvollständiger",
    "braucht",
}

# JSON of any shape, with the numbers that hurt: huge, tiny, NaN-like, nested
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "1e400", "NaN", "-0", "2026-12-03T10:15:00Z", "1764756900"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
NESTED = [b"[" * 5000 + b"]" * 5000, b'{"a":' * 900 + b"1" + b"}" * 900]


def german(message: str) -> bool:
    """A sentence for people in German (not an exception's repr)."""
    words = {word.strip(".,:;()„“").casefold() for word in message.split()}
    return bool(words & GERMAN) and "Traceback" not in message


# --- decoders -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", decoders.names())
@given(payload=st.binary(max_size=64))
@example(payload=b"")
@example(payload=b"\xff" * 64)
@example(payload=b'{"a": 1e400}')
@example(payload=b'{"a": NaN}')
@example(payload=b'{"a": ' + b"9" * 5000 + b"}")
@example(payload=NESTED[0][:4000])
@example(payload=b'{"a":' * 680 + b"1" + b"}" * 680)
@settings(max_examples=examples(60))
def test_a_decoder_gives_finite_numbers_or_a_german_error(name, payload):
    try:
        values = decoders.decode(name, payload)
    except decoders.DecodeError as error:
        assert german(str(error)), str(error)
        return
    assert all(isinstance(key, str) for key in values)
    assert all(math.isfinite(value) for value in values.values())


@given(values=st.dictionaries(st.text(max_size=20), JSON, max_size=5))
@settings(max_examples=examples(40))
def test_the_json_decoder_on_any_json_object(values):
    payload = json.dumps(values).encode()
    try:
        decoded = decoders.decode("json", payload)
    except decoders.DecodeError as error:
        assert german(str(error)), str(error)
        return
    assert all(math.isfinite(value) for value in decoded.values())


# --- MQTT messages --------------------------------------------------------------------------
EUI = "A1B2C3D4E5F60718"


@st.composite
def uplinks(draw) -> bytes:
    """A ChirpStack or TTS message with random fields replaced by random JSON."""
    build = draw(st.sampled_from([chirpstack_message, tts_message]))
    _topic, body = build(EUI, payload=draw(st.binary(max_size=12)))
    data = json.loads(body)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        target = data
        while isinstance(target, dict) and target and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(target)))
            if not isinstance(target[key], dict):
                break
            target = target[key]
        if isinstance(target, dict) and target:
            target[draw(st.sampled_from(sorted(target)))] = draw(JSON)
    return json.dumps(data).encode()


@given(payload=uplinks() | st.binary(max_size=200) | JSON.map(lambda v: json.dumps(v).encode()))
@example(payload=NESTED[0])
@example(
    payload=b'{"deviceInfo": {"devEui": "' + EUI.encode() + b'"}, "deduplicationId": "x", '
    b'"object": ' + b'{"a":' * 900 + b"1" + b"}" * 901
)
@example(payload=b"\xed\xa0\x80")
@settings(max_examples=examples(60))
def test_an_mqtt_message_gives_an_uplink_or_a_german_error(payload):
    try:
        uplink = parse("application/1/device/x/event/up", payload)
    except MessageError as error:
        assert german(str(error)), str(error)
        return
    assert uplink.dev_eui == EUI
    assert uplink.payload is not None or uplink.values


@pytest.mark.django_db
@pytest.mark.parametrize("decoder", ["json", "water_level", "cayenne_lpp"])
@given(
    payload=st.binary(max_size=16),
    values=st.none() | st.dictionaries(st.text(max_size=8), JSON, max_size=3),
)
@example(payload=b"\x00", values={"\x00wert": 1, "water_level_cm": "\x00"})
@settings(max_examples=examples(15))
def test_an_mqtt_batch_stores_only_what_is_valid(decoder, payload, values):
    stream = _stream()
    gauge = device(stream.thing, dev_eui=new_eui(), decoder=decoder)
    topic, body = chirpstack_message(gauge.dev_eui, payload=payload, values=values or None)

    outcome = process([(topic, body), (topic, NESTED[0]), (topic, payload)], DeviceCache(ttl=0))

    stored = Observation.objects.filter(datastream=stream).count()
    assert outcome.stored == stored <= 1
    assert outcome.rejected + outcome.stored >= 2


def _stream():
    return datastream(key="water_level_cm", physical_min=0, physical_max=1000)


# --- HTTP intake ----------------------------------------------------------------------------
@pytest.fixture
def sender(db):
    """A fresh device (its own rate limit) of a water gauge: ``(client, token, stream)``."""

    def make():
        stream = _stream()
        _device, token = token_device(stream.thing)
        return Client(), token, stream

    return make


def bodies(stream_id_hint: str = "water_level_cm"):
    good_time = iso(recent(5))
    item = st.fixed_dictionaries(
        {},
        optional={
            "datastream": st.sampled_from([stream_id_hint, "", 0, -1, 10**30, "1" * 30]) | JSON,
            "time": st.sampled_from([good_time, "2026-13-45T99:00:00Z", 1e400, -1]) | JSON,
            "value": st.sampled_from([12, 1e308, -0.0, 10**400]) | JSON,
            "values": st.dictionaries(st.sampled_from([stream_id_hint, "x"]), JSON, max_size=2)
            | JSON,
        },
    )
    return (
        st.lists(item, max_size=4)
        | st.fixed_dictionaries({"observations": st.lists(item, max_size=4) | JSON})
        | item
        | JSON
    ).map(lambda body: json.dumps(body).encode())


def assert_clean(response, stored_before: int, stream) -> None:
    assert response.status_code < 500, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    answer = json.loads(response.content)
    if response.status_code >= 400:
        message = answer.get("error") or answer.get("message") if isinstance(answer, dict) else ""
        assert german(str(message)), answer
        assert Observation.objects.filter(datastream=stream).count() == stored_before


@pytest.mark.django_db
@given(body=bodies() | st.binary(max_size=300) | st.sampled_from(NESTED))
@example(body=b'{"observations": [{"datastream": "water_level_cm", "time": 1e400, "value": 1}]}')
@example(body=b'{"datastream": "water_level_cm", "time": "2026-12-03T10:15:00Z", "value": 1e400}')
@example(body=b"\xff\xfe{\x00}\x00")
@settings(max_examples=examples(50))
def test_the_intake_answers_a_clean_4xx_for_anything(sender, body):
    client, token, stream = sender()

    response = post_json(client, INTAKE_URL, body, token)

    assert_clean(response, 0, stream)


@pytest.mark.django_db
@given(
    content_type=st.sampled_from(
        [
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=latin-1",
            "",
        ]
    ),
    token=st.sampled_from([None, "", "x" * 5000, "Bearer", "\u00e4\u00f6\u00fc"]),
)
@settings(max_examples=examples(15))
def test_bad_headers_are_answered_with_4xx(sender, content_type, token):
    client, good, stream = sender()
    body = json.dumps({"datastream": "water_level_cm", "time": iso(recent(5)), "value": 5})
    response = post_json(client, INTAKE_URL, body, token, content_type=content_type)
    assert_clean(response, 0, stream)
    assert response.status_code == 401

    response = post_json(client, INTAKE_URL, body, good, content_type=content_type)
    assert_clean(response, 0, stream)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["Observations", "CreateObservations", "Datastreams({id})/Observations"]
)
@given(
    body=bodies()
    | st.binary(max_size=200)
    | st.sampled_from(NESTED)
    | JSON.map(
        lambda v: json.dumps(
            [
                {
                    "Datastream": {"@iot.id": 1},
                    "components": ["phenomenonTime", "result"],
                    "dataArray": [v],
                }
            ]
        ).encode()
    )
)
@settings(max_examples=examples(20))
def test_the_sensorthings_write_side_answers_a_clean_4xx(sender, path, body):
    client, token, stream = sender()

    response = post_json(client, STA + path.format(id=stream.pk), body, token)

    assert_clean(response, 0, stream)
