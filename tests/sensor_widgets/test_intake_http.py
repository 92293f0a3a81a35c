"""HTTP intake of devices: POST /sensorik/api/v1/observations with a device token."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from django.test import Client

from sensor_widgets.models import Device, IntakeProblem, Observation

from .factories import datastream
from .factories_http import INTAKE_URL, iso, post_json, recent, token_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def stream():
    return datastream(key="water_level_cm", physical_min=0, physical_max=1000)


@pytest.fixture
def sender(stream):
    """(client, token, device) of a device of ``stream``'s Thing."""
    device, token = token_device(stream.thing)
    return Client(), token, device


def values_of(stream) -> list[float]:
    return list(
        Observation.objects.filter(datastream=stream)
        .order_by("phenomenon_time")
        .values_list("result", flat=True)
    )


def test_one_observation_by_key_is_stored(sender, stream):
    client, token, device = sender
    time = recent(5)
    response = post_json(
        client,
        INTAKE_URL,
        {"datastream": "water_level_cm", "time": iso(time), "value": 142},
        token,
    )
    assert response.status_code == 200
    assert response.json() == {"accepted": 1, "duplicates": 0, "rejected": []}
    observation = Observation.objects.get(datastream=stream)
    assert (observation.phenomenon_time, observation.result) == (time, 142)
    stream.refresh_from_db()
    assert stream.last_value == 142
    device.refresh_from_db()
    assert device.accepted_count == 1 and device.last_seen_at is not None


def test_list_with_ids_keys_and_epoch_times(sender, stream):
    client, token, _device = sender
    first, second = recent(30), recent(15)
    response = post_json(
        client,
        INTAKE_URL,
        {
            "observations": [
                {"datastream": stream.pk, "time": iso(first), "value": 100},
                {"datastream": str(stream.pk), "time": second.timestamp(), "value": 101.5},
                {"datastream": "water_level_cm", "time": "2026-01-01T00:00:00", "value": 1},
            ]
        },
        token,
    )
    body = response.json()
    assert response.status_code == 200
    assert (body["accepted"], body["duplicates"]) == (2, 0)
    assert [r["index"] for r in body["rejected"]] == [2]
    assert "ohne Zeitzone" in body["rejected"][0]["error"]
    assert values_of(stream) == [100, 101.5]


def test_values_form_goes_to_the_streams_of_the_thing(sender, stream):
    client, token, _device = sender
    temperature = datastream(
        thing=stream.thing, key="temperature_c", physical_min=-40, physical_max=60
    )
    time = recent(10)
    response = post_json(
        client,
        INTAKE_URL,
        {
            "time": iso(time),
            "values": {"water_level_cm": 142, "temperature_c": 7.5, "humidity": 80},
        },
        token,
    )
    body = response.json()
    assert response.status_code == 200
    assert body["accepted"] == 2
    assert body["rejected"][0]["datastream"] == "humidity"
    assert "Unbekannter Datenstrom „humidity“" in body["rejected"][0]["error"]
    assert "temperature_c, water_level_cm" in body["rejected"][0]["error"]
    assert values_of(stream) == [142] and values_of(temperature) == [7.5]


def test_another_things_datastream_is_rejected(sender, stream):
    client, token, _device = sender
    foreign = datastream(town="bruchsal", key="water_level_cm")
    time = iso(recent(5))
    response = post_json(
        client,
        INTAKE_URL,
        {
            "observations": [
                {"datastream": foreign.pk, "time": time, "value": 5},
                {"datastream": stream.pk, "time": time, "value": 6},
            ]
        },
        token,
    )
    assert response.status_code == 200
    assert response.json()["rejected"] == [
        {"index": 0, "error": f"Datenstrom {foreign.pk} gehört nicht zu diesem Gerät."}
    ]
    assert values_of(foreign) == [] and values_of(stream) == [6]


def test_thousand_items_stored_once_and_again_all_duplicates(sender, stream):
    client, token, device = sender
    start = recent(60 * 24)
    batch = {
        "observations": [
            {
                "datastream": "water_level_cm",
                "time": iso(start + dt.timedelta(seconds=i)),
                "value": i % 900,
            }
            for i in range(1000)
        ]
    }
    first = post_json(client, INTAKE_URL, batch, token)
    assert first.status_code == 200
    assert first.json() == {"accepted": 1000, "duplicates": 0, "rejected": []}
    again = post_json(client, INTAKE_URL, batch, token)
    assert again.status_code == 200
    assert again.json() == {"accepted": 0, "duplicates": 1000, "rejected": []}
    assert Observation.objects.filter(datastream=stream).count() == 1000
    device.refresh_from_db()
    assert device.accepted_count == 1000 and device.rejected_count == 0


def test_out_of_range_value_is_rejected_the_rest_accepted(sender, stream):
    client, token, device = sender
    start = recent(120)
    items = [
        {"datastream": "water_level_cm", "time": iso(start + dt.timedelta(minutes=i)), "value": v}
        for i, v in enumerate([120, 5000, 121, 122])
    ]
    response = post_json(client, INTAKE_URL, {"observations": items}, token)
    body = response.json()
    assert response.status_code == 200
    assert body["accepted"] == 3
    assert body["rejected"][0]["index"] == 1
    assert "über dem größten möglichen Wert 1000" in body["rejected"][0]["error"]
    assert values_of(stream) == [120, 121, 122]
    device.refresh_from_db()
    assert device.rejected_count == 1 and device.accepted_count == 3
    assert "1 von 4 Messwerten abgewiesen" in device.last_error
    assert "über dem größten möglichen Wert" in device.last_error
    assert device.last_error_at is not None


def test_nothing_valid_answers_422_with_the_reasons(sender, stream):
    client, token, device = sender
    response = post_json(
        client,
        INTAKE_URL,
        {"datastream": "water_level_cm", "time": iso(recent()), "value": -3},
        token,
    )
    assert response.status_code == 422
    body = response.json()
    assert body["accepted"] == 0 and "unter dem kleinsten möglichen Wert" in body["error"]
    device.refresh_from_db()
    assert "unter dem kleinsten möglichen Wert" in device.last_error
    assert values_of(stream) == []


# --- tokens -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        lambda token: {"HTTP_AUTHORIZATION": f"Token {token}"},
        lambda token: {"HTTP_AUTHORIZATION": f"bearer   {token}"},
        lambda token: {"HTTP_X_DEVICE_TOKEN": token},
        lambda token: {
            "HTTP_AUTHORIZATION": "Basic " + base64.b64encode(f"pegel:{token}".encode()).decode()
        },
    ],
    ids=["token", "bearer-lowercase", "x-device-token", "basic"],
)
def test_token_header_forms(sender, stream, headers):
    client, token, _device = sender
    body = {"datastream": "water_level_cm", "time": iso(recent()), "value": 1}
    response = post_json(client, INTAKE_URL, body, **headers(token))
    assert response.status_code == 200 and response.json()["accepted"] == 1


def test_missing_token_is_refused_and_recorded_by_ip(stream):
    body = {"datastream": "water_level_cm", "time": iso(recent()), "value": 1}
    response = post_json(Client(), INTAKE_URL, body)
    assert response.status_code == 401
    assert "Kein Geräte-Token" in response.json()["error"]
    problem = IntakeProblem.objects.get(source="http", identifier="IP 127.0.0.1")
    assert problem.count == 1 and "Kein Geräte-Token" in problem.last_message
    assert values_of(stream) == []


def test_wrong_token_is_refused_and_recorded_by_its_start(sender, stream):
    client, token, _device = sender
    wrong = token[:-3] + "xyz"
    body = {"datastream": "water_level_cm", "time": iso(recent()), "value": 1}
    for _ in range(2):
        response = post_json(client, INTAKE_URL, body, wrong)
        assert response.status_code == 401
        assert response.json() == {"error": "Unbekanntes oder ungültiges Geräte-Token."}
    problem = IntakeProblem.objects.get(source="http", identifier=f"Token {wrong[:8]}…")
    assert problem.count == 2
    assert values_of(stream) == []


def test_disabled_device_is_refused_and_staff_see_it(sender, stream):
    client, token, device = sender
    Device.objects.filter(pk=device.pk).update(enabled=False)
    body = {"datastream": "water_level_cm", "time": iso(recent()), "value": 1}
    response = post_json(client, INTAKE_URL, body, token)
    assert response.status_code == 401
    assert "deaktiviert" in response.json()["error"]
    device.refresh_from_db()
    assert "deaktiviert" in device.last_error
    assert values_of(stream) == []


def test_rate_limit_per_device(sender, stream, settings):
    settings.SENSOR_HTTP_RATE = "2/h"
    client, token, device = sender
    other_device, other_token = token_device(stream.thing)
    start = recent(30)

    def send(minute, as_token=token):
        body = {
            "datastream": "water_level_cm",
            "time": iso(start + dt.timedelta(minutes=minute)),
            "value": minute,
        }
        return post_json(client, INTAKE_URL, body, as_token)

    assert [send(0).status_code, send(1).status_code] == [200, 200]
    third = send(2)
    assert third.status_code == 429
    assert "Zu viele Anfragen" in third.json()["error"]
    assert int(third["Retry-After"]) > 0
    assert send(3, other_token).status_code == 200  # the limit is per device
    assert values_of(stream) == [0, 1, 3]
    device.refresh_from_db()
    assert "Zu viele Anfragen" in device.last_error


def test_wrong_tokens_are_slowed_down_per_ip_and_not_recorded_for_ever(stream, settings):
    settings.SENSOR_HTTP_RATE = "3/h"
    client = Client()
    statuses = [
        post_json(client, INTAKE_URL, {}, f"sen_guess{n:04d}").status_code for n in range(5)
    ]
    assert statuses == [401, 401, 401, 429, 429]
    assert sum(IntakeProblem.objects.values_list("count", flat=True)) == 3


# --- limits and broken requests: a clear German error, nothing stored, never a 500 ---------


def test_too_many_items_is_413_and_nothing_stored(sender, stream, settings):
    settings.SENSOR_BATCH_MAX = 5
    client, token, device = sender
    start = recent(60)
    items = [
        {"datastream": "water_level_cm", "time": iso(start + dt.timedelta(minutes=i)), "value": i}
        for i in range(6)
    ]
    response = post_json(client, INTAKE_URL, {"observations": items}, token)
    assert response.status_code == 413
    assert "höchstens 5" in response.json()["error"]
    compact = {"time": iso(start), "values": {f"k{i}": i for i in range(6)}}
    assert post_json(client, INTAKE_URL, compact, token).status_code == 413
    assert post_json(client, INTAKE_URL, {"observations": items[:5]}, token).status_code == 200
    assert len(values_of(stream)) == 5
    device.refresh_from_db()
    assert "Zu viele Messwerte" in device.last_error


def test_too_big_body_is_413(sender, stream, settings):
    settings.SENSOR_HTTP_MAX_BYTES = 2000
    client, token, _device = sender
    items = [
        {"datastream": "water_level_cm", "time": iso(recent(i)), "value": i} for i in range(40)
    ]
    response = post_json(client, INTAKE_URL, {"observations": items}, token)
    assert response.status_code == 413
    assert "zu groß" in response.json()["error"]
    assert values_of(stream) == []


def test_more_than_djangos_form_limit_is_fine(sender, stream, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000  # made for forms, not for the intake
    client, token, _device = sender
    items = [
        {"datastream": "water_level_cm", "time": iso(recent(i)), "value": i} for i in range(40)
    ]
    response = post_json(client, INTAKE_URL, {"observations": items}, token)
    assert response.status_code == 200 and response.json()["accepted"] == 40


@pytest.mark.parametrize("method", ["get", "put", "delete", "head"])
def test_other_methods_are_405(sender, method):
    client, token, _device = sender
    response = getattr(client, method)(INTAKE_URL, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""],
)
def test_not_json_is_415(sender, stream, content_type):
    client, token, _device = sender
    body = json.dumps({"datastream": "water_level_cm", "time": iso(recent()), "value": 1})
    response = post_json(client, INTAKE_URL, body, token, content_type=content_type)
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]
    assert values_of(stream) == []


def _raw(value: str) -> bytes:
    time = iso(recent(3))
    return f'{{"datastream": "water_level_cm", "time": "{time}", "value": {value}}}'.encode()


BROKEN = {
    "empty": b"",
    "blank": b"   \n",
    "cut-off": b'{"observations": [{"datastream": "water_level_cm"',
    "null": b"null",
    "number": b"42",
    "string": b'"142"',
    "empty-list": b"[]",
    "empty-object": b"{}",
    "observations-null": b'{"observations": null}',
    "observations-object": b'{"observations": {"a": 1}}',
    "observations-empty": b'{"observations": []}',
    "list-of-strings": b'{"observations": ["a", "b", "c"]}',
    "list-of-nulls": b'{"observations": [null, [null], {"datastream": null}]}',
    "nested-nulls": b'{"datastream": null, "time": null, "value": null}',
    "wrong-types": b'{"datastream": [], "time": {}, "value": []}',
    "float-id": b'{"datastream": 1.5, "time": 1764756900, "value": 1}',
    "huge-id": b'{"datastream": 1000000000000000000000000000000, "time": 1, "value": 1}',
    "digits-id": ('{"datastream": "' + "9" * 5000 + '", "time": 1, "value": 1}').encode(),
    "bool-value": _raw("true"),
    "string-value": _raw('"142"'),
    "object-value": _raw('{"v": null}'),
    "1e309": _raw("1e309"),
    "-1e309": _raw("-1e309"),
    "NaN": _raw("NaN"),
    "Infinity": _raw("Infinity"),
    "huge-int": _raw("1" + "0" * 400),
    "too-many-digits": _raw("1" + "0" * 5000),
    "time-huge": b'{"datastream": "water_level_cm", "time": 1e308, "value": 1}',
    "time-negative": b'{"datastream": "water_level_cm", "time": -1, "value": 1}',
    "time-invalid-date": b'{"datastream": "water_level_cm", '
    b'"time": "2026-02-30T00:00:00Z", "value": 1}',
    "time-future": b'{"datastream": "water_level_cm", "time": "9999-12-31T23:59:59Z", "value": 1}',
    "time-ancient": b'{"datastream": "water_level_cm", "time": "1970-01-01T00:00:00Z", "value": 1}',
    "time-garbage": '{"datastream": "water_level_cm", "time": "gestern 🌧", "value": 1}'.encode(),
    "unicode-key": '{"datastream": "wässerstand_ß_🌊", "time": 1, "value": 1}'.encode(),
    "lone-surrogate": b'{"datastream": "\\ud800", "time": "\\udfff", "value": 1}',
    "invalid-utf8": b'{"datastream": "\xff\xfe", "time": 1, "value": 1}',
    "utf16-bom": '{"observations": []}'.encode("utf-16"),
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "values-list": b'{"time": 1, "values": [1, 2]}',
    "values-empty": b'{"time": 1, "values": {}}',
    "values-nested": b'{"time": 1, "values": {"water_level_cm": {"x": [null]}}}',
    "long-key": ('{"time": 1, "values": {"' + "k" * 100_000 + '": 1}}').encode(),
    "nul-bytes": b'{"datastream": "water\\u0000level", "time": 1, "value": 1}',
}


@pytest.mark.parametrize("body", BROKEN.values(), ids=BROKEN.keys())
def test_broken_bodies_get_a_german_error_and_store_nothing(sender, stream, body):
    client, token, device = sender
    response = post_json(client, INTAKE_URL, body, token)
    assert response.status_code in (400, 413, 415, 422), response.content[:300]
    answer = response.json()
    assert isinstance(answer["error"], str) and answer["error"]
    assert values_of(stream) == []
    device.refresh_from_db()
    assert device.accepted_count == 0 and device.last_error


def test_broken_body_without_token_is_401_not_parsed(stream):
    response = post_json(Client(), INTAKE_URL, b"[" * 10_000)
    assert response.status_code == 401
