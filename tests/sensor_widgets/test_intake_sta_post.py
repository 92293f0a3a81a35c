"""SensorThings write side: POST /Observations, /Datastreams(id)/Observations and
/CreateObservations (dataArray), with a device token.

The STA API (area C) routes these paths to the views of ``sensor_widgets.intake.http``;
this module routes them itself, so that the views are tested on their own.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

import frost_sta_client as frost
import pytest
import requests
from django.test import Client
from django.urls import re_path
from frost_sta_client.model.ext.data_array_document import DataArrayDocument
from frost_sta_client.model.ext.data_array_value import DataArrayValue

from sensor_widgets.intake import http
from sensor_widgets.models import IntakeProblem, Observation

from .factories import datastream
from .factories_http import iso, post_json, recent, token_device

urlpatterns = [
    re_path(r"^sta/v1\.1/Observations$", http.sta_create_observation),
    re_path(
        r"^sta/v1\.1/Datastreams\((?P<datastream_id>[^)]*)\)/Observations$",
        http.sta_create_observation_in,
    ),
    re_path(r"^sta/v1\.1/CreateObservations$", http.sta_create_observations),
]
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ROOT = "http://testserver/sta/v1.1/"
OBSERVATIONS = "/sta/v1.1/Observations"
CREATE = "/sta/v1.1/CreateObservations"


@pytest.fixture
def stream():
    return datastream(key="water_level_cm", physical_min=0, physical_max=1000)


@pytest.fixture
def sender(stream):
    device, token = token_device(stream.thing)
    return Client(), token, device


def test_post_observation_answers_201_with_location_and_entity(sender, stream):
    client, token, device = sender
    time = recent(5)
    response = post_json(
        client,
        OBSERVATIONS,
        {"phenomenonTime": iso(time), "result": 12.3, "Datastream": {"@iot.id": stream.pk}},
        token,
    )
    assert response.status_code == 201
    observation = Observation.objects.get(datastream=stream)
    assert (observation.phenomenon_time, observation.result) == (time, 12.3)
    assert response["Location"] == f"{ROOT}Observations({observation.pk})"
    assert response.json() == {
        "@iot.id": observation.pk,
        "@iot.selfLink": f"{ROOT}Observations({observation.pk})",
        "phenomenonTime": time.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "resultTime": None,
        "result": 12.3,
        "Datastream@iot.navigationLink": f"{ROOT}Observations({observation.pk})/Datastream",
    }
    device.refresh_from_db()
    assert device.accepted_count == 1


def test_id_as_string_result_time_and_extra_fields(sender, stream):
    client, token, _device = sender
    time = recent(5)
    response = post_json(
        client,
        OBSERVATIONS,
        {
            "phenomenonTime": iso(time),
            "resultTime": iso(time + dt.timedelta(seconds=30)),
            "result": 7,
            "parameters": {"battery": 3.1},
            "FeatureOfInterest": {"@iot.id": 1},
            "Datastream": {"@iot.id": str(stream.pk)},
        },
        token,
    )
    assert response.status_code == 201
    later = time + dt.timedelta(seconds=30)
    assert response.json()["resultTime"] == later.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert Observation.objects.get(datastream=stream).result_time == time + dt.timedelta(seconds=30)


def test_without_phenomenon_time_the_server_time_counts(sender, stream):
    client, token, _device = sender
    before = recent()
    response = post_json(
        client, OBSERVATIONS, {"result": 5, "Datastream": {"@iot.id": stream.pk}}, token
    )
    assert response.status_code == 201
    assert Observation.objects.get(datastream=stream).phenomenon_time >= before


def test_post_to_a_datastreams_observations(sender, stream):
    client, token, _device = sender
    time = recent(5)
    url = f"/sta/v1.1/Datastreams({stream.pk})/Observations"
    response = post_json(client, url, {"phenomenonTime": iso(time), "result": 99}, token)
    assert response.status_code == 201
    observation = Observation.objects.get(datastream=stream)
    assert response["Location"] == f"{ROOT}Observations({observation.pk})"


def test_the_same_observation_twice_answers_the_existing_one(sender, stream):
    client, token, _device = sender
    body = {"phenomenonTime": iso(recent(5)), "result": 12, "Datastream": {"@iot.id": stream.pk}}
    first = post_json(client, OBSERVATIONS, body, token)
    second = post_json(client, OBSERVATIONS, {**body, "result": 13}, token)
    assert first.status_code == second.status_code == 201
    assert first["Location"] == second["Location"]
    assert second.json()["result"] == 12  # what is stored
    assert Observation.objects.filter(datastream=stream).count() == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"phenomenonTime": "2026-12-03T10:00:00Z", "result": 1}, "Datastream fehlt"),
        ({"result": 1, "Datastream": {"@iot.id": None}}, "Datastream fehlt"),
        ({"result": 1, "Datastream": {"@iot.id": "abc"}}, "nicht lesbar"),
        ({"result": 1, "Datastream": {"@iot.id": 10**40}}, "gehört nicht zu diesem Gerät"),
        ({"result": 1, "MultiDatastream": {"@iot.id": 1}}, "MultiDatastreams"),
        ({"result": "12.3", "Datastream": "SELF"}, "Datastream fehlt"),
        ([1, 2], "JSON-Objekt"),
    ],
)
def test_bad_observations_answer_frost_errors(sender, stream, body, message):
    client, token, _device = sender
    response = post_json(client, OBSERVATIONS, body, token)
    assert response.status_code == 400
    answer = response.json()
    assert (answer["code"], answer["type"]) == (400, "error")
    assert message in answer["message"]
    assert not Observation.objects.filter(datastream=stream).exists()


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        ({"result": "12.3"}, "keine Zahl"),
        ({"result": None}, "keine Zahl"),
        ({"result": 5000}, "über dem größten möglichen Wert"),
        ({"result": 1, "phenomenonTime": "morgen"}, "Zeitangabe nicht lesbar"),
        ({"result": 1, "phenomenonTime": "2026-12-03T10:00:00"}, "ohne Zeitzone"),
        ({"result": 1, "resultTime": "bald"}, "Zeitangabe nicht lesbar"),
    ],
)
def test_bad_values_answer_400_and_show_in_the_device(sender, stream, entity, message):
    client, token, device = sender
    body = {"phenomenonTime": iso(recent(5)), "Datastream": {"@iot.id": stream.pk}, **entity}
    response = post_json(client, OBSERVATIONS, body, token)
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert not Observation.objects.filter(datastream=stream).exists()
    device.refresh_from_db()
    assert message in device.last_error and device.rejected_count == 1


def test_another_things_datastream_is_refused(sender):
    client, token, _device = sender
    foreign = datastream(town="ettlingen")
    body = {"phenomenonTime": iso(recent()), "result": 1}
    for url, data in [
        (OBSERVATIONS, {**body, "Datastream": {"@iot.id": foreign.pk}}),
        (f"/sta/v1.1/Datastreams({foreign.pk})/Observations", body),
        ("/sta/v1.1/Datastreams('x')/Observations", body),
    ]:
        response = post_json(client, url, data, token)
        assert response.status_code == 400
        assert response.json()["code"] == 400
    assert not Observation.objects.filter(datastream=foreign).exists()


def test_token_is_required(stream):
    body = {"phenomenonTime": iso(recent()), "result": 1, "Datastream": {"@iot.id": stream.pk}}
    response = post_json(Client(), OBSERVATIONS, body, "sen_falsch")
    assert response.status_code == 401
    assert response.json() == {
        "code": 401,
        "type": "error",
        "message": "Unbekanntes oder ungültiges Geräte-Token.",
    }
    assert IntakeProblem.objects.filter(source="http", identifier="Token sen_fals…").exists()
    assert post_json(Client(), CREATE, [], None).status_code == 401
    assert not Observation.objects.filter(datastream=stream).exists()


def test_get_is_405(sender):
    client, token, _device = sender
    response = client.get(CREATE, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 405 and response.json()["code"] == 405


# --- CreateObservations (dataArray) ------------------------------------------------------


def test_create_observations_answers_a_link_or_error_per_row(sender, stream):
    client, token, device = sender
    other = datastream(thing=stream.thing, key="temperature_c", physical_min=-40, physical_max=60)
    start = recent(60)
    times = [iso(start + dt.timedelta(minutes=i)) for i in range(4)]
    body = [
        {
            "Datastream": {"@iot.id": stream.pk},
            "components": ["phenomenonTime", "result", "FeatureOfInterest/id"],
            "dataArray@iot.count": 4,
            "dataArray": [
                [times[0], 20.1, 1],
                [times[1], 5000, 1],  # out of range
                [times[2], 20.3, None],
                ["kaputt"],  # wrong length
            ],
        },
        {
            "Datastream": {"@iot.id": str(other.pk)},
            "components": ["result", "phenomenonTime", "resultTime"],
            "dataArray": [[7.5, times[0], times[1]]],
        },
    ]
    response = post_json(client, CREATE, body, token)
    assert response.status_code == 201
    links = response.json()
    ids = dict(
        Observation.objects.filter(datastream__thing=stream.thing).values_list("result", "pk")
    )
    assert links == [
        f"{ROOT}Observations({ids[20.1]})",
        "error",
        f"{ROOT}Observations({ids[20.3]})",
        "error",
        f"{ROOT}Observations({ids[7.5]})",
    ]
    assert Observation.objects.get(pk=ids[7.5]).result_time == start + dt.timedelta(minutes=1)
    device.refresh_from_db()
    assert device.accepted_count == 3 and device.rejected_count == 2
    assert "über dem größten möglichen Wert" in device.last_error

    again = post_json(client, CREATE, body, token)
    assert again.json() == links  # idempotent: the same links, nothing stored twice
    assert Observation.objects.filter(datastream__thing=stream.thing).count() == 3


def test_create_observations_of_a_foreign_datastream_are_errors(sender, stream):
    client, token, _device = sender
    foreign = datastream(town="buehl")
    time = iso(recent(5))
    body = [
        {
            "Datastream": {"@iot.id": foreign.pk},
            "components": ["phenomenonTime", "result"],
            "dataArray": [[time, 1]],
        },
        {
            "Datastream": {"@iot.id": stream.pk},
            "components": ["phenomenonTime", "result"],
            "dataArray": [[time, 2]],
        },
    ]
    response = post_json(client, CREATE, body, token)
    assert response.status_code == 201
    assert response.json()[0] == "error" and response.json()[1].startswith(ROOT)
    assert not Observation.objects.filter(datastream=foreign).exists()


def test_thousand_rows_once(sender, stream):
    client, token, _device = sender
    start = recent(60 * 24)
    rows = [[iso(start + dt.timedelta(seconds=i)), i % 500] for i in range(1000)]
    body = [
        {
            "Datastream": {"@iot.id": stream.pk},
            "components": ["phenomenonTime", "result"],
            "dataArray": rows,
        }
    ]
    response = post_json(client, CREATE, body, token)
    assert response.status_code == 201
    assert "error" not in response.json() and len(set(response.json())) == 1000
    assert Observation.objects.filter(datastream=stream).count() == 1000


BROKEN_ARRAYS = {
    "object": {"dataArray": []},
    "empty": [],
    "list-of-strings": ["a"],
    "no-datastream": [{"components": ["phenomenonTime", "result"], "dataArray": []}],
    "no-components": [{"Datastream": {"@iot.id": 1}, "dataArray": []}],
    "components-without-result": [
        {"Datastream": {"@iot.id": 1}, "components": ["phenomenonTime"], "dataArray": []}
    ],
    "components-not-strings": [
        {"Datastream": {"@iot.id": 1}, "components": [None, {}], "dataArray": []}
    ],
    "dataArray-null": [
        {
            "Datastream": {"@iot.id": 1},
            "components": ["phenomenonTime", "result"],
            "dataArray": None,
        }
    ],
}


@pytest.mark.parametrize("body", BROKEN_ARRAYS.values(), ids=BROKEN_ARRAYS.keys())
def test_broken_data_arrays_are_400(sender, body):
    client, token, _device = sender
    response = post_json(client, CREATE, body, token)
    assert response.status_code == 400
    assert response.json()["type"] == "error" and response.json()["message"]


@pytest.mark.parametrize(
    "body",
    [b"", b"{", b"[" * 50_000, b"\xff\xfe\x00", b"null", b'"x"', b"1e309"],
    ids=["empty", "cut-off", "deep", "garbage", "null", "string", "inf"],
)
@pytest.mark.parametrize("url", [OBSERVATIONS, CREATE])
def test_unreadable_bodies_are_400(sender, url, body):
    client, token, _device = sender
    stored_before = Observation.objects.count()  # the demo's history
    response = post_json(client, url, body, token)
    assert response.status_code == 400
    assert response.json()["code"] == 400
    assert Observation.objects.count() == stored_before


def test_rows_bad_in_every_way_are_errors_not_500(sender, stream):
    client, token, _device = sender
    rows = [
        None,
        [],
        [None, None],
        [{}, []],
        ["2026-12-03T10:00:00Z", 10**400],
        ["2026-12-03T10:00:00Z", float("inf")],
        [10**400, 1],
        ["\ud800", 1],
        [True, False],
    ]
    body = [
        {
            "Datastream": {"@iot.id": stream.pk},
            "components": ["phenomenonTime", "result"],
            "dataArray": rows,
        }
    ]
    response = post_json(client, CREATE, json.dumps(body).encode(), token)
    assert response.status_code == 201
    assert response.json() == ["error"] * len(rows)
    assert not Observation.objects.filter(datastream=stream).exists()


def test_too_many_rows_is_413(sender, stream, settings):
    settings.SENSOR_BATCH_MAX = 3
    client, token, _device = sender
    rows = [[iso(recent(i)), i] for i in range(4)]
    body = [
        {
            "Datastream": {"@iot.id": stream.pk},
            "components": ["phenomenonTime", "result"],
            "dataArray": rows,
        }
    ]
    response = post_json(client, CREATE, body, token)
    assert response.status_code == 413 and response.json()["code"] == 413
    assert not Observation.objects.filter(datastream=stream).exists()


# --- a real SensorThings client ------------------------------------------------------------


class _ThroughTestClient:
    """``requests.request`` for frost-sta-client, answered by Django's test client."""

    def __init__(self, client: Client):
        self.client = client

    def __call__(self, method, url, proxies=None, auth=None, json=None, **kwargs):
        url = str(url)
        prepared = requests.Request(method.upper(), url, auth=auth, json=json).prepare()
        headers = {
            f"HTTP_{name.upper().replace('-', '_')}": value
            for name, value in prepared.headers.items()
            if name.lower() not in ("content-type", "content-length")
        }
        answer = self.client.generic(
            method.upper(),
            urlsplit(url).path,
            data=prepared.body or b"",
            content_type=prepared.headers.get("Content-Type", ""),
            **headers,
        )
        response = requests.Response()
        response.status_code = answer.status_code
        response._content = answer.content
        response.headers.update(dict(answer.items()))
        response.url = url
        return response


def test_frost_client_creates_observations(sender, stream, monkeypatch):
    client, token, _device = sender
    monkeypatch.setattr(
        "frost_sta_client.service.sensorthingsservice.requests.request",
        _ThroughTestClient(client),
    )
    service = frost.SensorThingsService(
        ROOT, auth_handler=frost.AuthHandler(username="pegel", password=token)
    )
    time = recent(5)
    observation = frost.Observation(
        result=142.0, phenomenon_time=iso(time), datastream=frost.Datastream(id=stream.pk)
    )
    service.create(observation)
    stored = Observation.objects.get(datastream=stream)
    assert observation.id == stored.pk and stored.result == 142.0

    Property = DataArrayValue.Property
    array = DataArrayValue()
    array.datastream = frost.Datastream(id=stream.pk)
    array.components = {Property.PHENOMENON_TIME, Property.RESULT}
    for minute in (1, 2):
        array.add_observation(
            frost.Observation(
                result=140.0 + minute,
                phenomenon_time=time + dt.timedelta(minutes=minute),
                datastream=frost.Datastream(id=stream.pk),
            )
        )
    created = service.observations().create(DataArrayDocument(value=[array]))
    assert len(created) == 2 and all(o.self_link.startswith(ROOT) for o in created)
    assert Observation.objects.filter(datastream=stream).count() == 3
