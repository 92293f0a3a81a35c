"""SensorThings API v1.1: resource paths, entities, public data only, errors as JSON."""

from __future__ import annotations

import pytest
from django.test import Client

from sensor_widgets.models import Location, Observation

from .factories_sta import network

pytestmark = pytest.mark.django_db
ROOT = "/sta/v1.1/"
BASE = "http://testserver/sta/v1.1/"


@pytest.fixture
def net():
    return network()


def get(client: Client, path: str, status: int = 200, **params):
    response = client.get(ROOT + path, params)
    assert response.status_code == status, response.content[:500]
    return response.json() if response["Content-Type"].startswith("application/json") else response


def ids(data: dict) -> list[int]:
    return [entity["@iot.id"] for entity in data["value"]]


def test_root_lists_the_eight_entity_sets_and_conformance(client, settings):
    settings.MQTT_URL = None
    data = get(client, "")
    names = [entry["name"] for entry in data["value"]]
    assert sorted(names) == sorted(
        [
            "Things",
            "Locations",
            "HistoricalLocations",
            "Datastreams",
            "Sensors",
            "ObservedProperties",
            "Observations",
            "FeaturesOfInterest",
        ]
    )
    assert {"name": "Things", "url": BASE + "Things"} in data["value"]
    conformance = data["serverSettings"]["conformance"]
    assert "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel" in conformance
    assert not any("mqtt" in c for c in conformance)


def test_root_names_the_mqtt_endpoint_without_credentials(client, settings):
    settings.MQTT_URL = "mqtt://worker:geheim@broker.example:1884"
    settings.SENSOR_STA_MQTT = True
    data = get(client, "")
    mqtt = (
        "http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates"
    )
    assert mqtt in data["serverSettings"]["conformance"]
    assert data["serverSettings"][mqtt] == {"endpoints": ["mqtt://broker.example:1884"]}
    assert "geheim" not in str(data)


def test_thing_with_links_town_and_navigation(client, net):
    thing = net.gauge.thing
    data = get(client, f"Things({thing.pk})")
    assert data["@iot.id"] == thing.pk
    assert data["@iot.selfLink"] == f"{BASE}Things({thing.pk})"
    assert data["name"] == "Testpegel Murg"
    assert data["properties"]["river"] == "Murg"
    assert data["properties"]["town"] == "rastatt"
    assert data["properties"]["townName"] == "Rastatt"
    for nav in ("Locations", "HistoricalLocations", "Datastreams"):
        assert data[f"{nav}@iot.navigationLink"] == f"{BASE}Things({thing.pk})/{nav}"


def test_datastream_unit_interval_area_and_links(client, net):
    data = get(client, f"Datastreams({net.gauge.pk})")
    assert data["unitOfMeasurement"] == {
        "name": "Zentimeter",
        "symbol": "cm",
        "definition": "http://qudt.org/vocab/unit/CentiM",
    }
    assert data["observationType"].endswith("OM_Measurement")
    start, end = data["phenomenonTime"].split("/")
    assert start < end and end.endswith("Z")
    location = net.gauge.thing.locations.first()
    assert data["observedArea"] == {
        "type": "Point",
        "coordinates": [location.longitude, location.latitude],
    }
    assert data["Thing@iot.navigationLink"].endswith(f"Datastreams({net.gauge.pk})/Thing")


def test_navigation_paths(client, net):
    thing = net.gauge.thing
    streams = get(client, f"Things({thing.pk})/Datastreams")
    assert sorted(ids(streams)) == sorted([net.gauge.pk, net.temperature.pk])  # not the hidden
    observations = get(client, f"Datastreams({net.gauge.pk})/Observations")
    assert [o["result"] for o in observations["value"]] == [105, 104, 103, 102, 101, 100]
    assert get(client, f"Datastreams({net.gauge.pk})/Thing")["@iot.id"] == thing.pk
    first = observations["value"][0]["@iot.id"]
    assert get(client, f"Observations({first})/Datastream")["@iot.id"] == net.gauge.pk
    feature = get(client, f"Observations({first})/FeatureOfInterest")
    assert feature["@iot.id"] == net.gauge.feature_of_interest_id
    assert feature["feature"]["type"] == "Point"
    locations = get(client, f"Things({thing.pk})/Locations")
    assert ids(locations) == list(thing.locations.values_list("pk", flat=True))
    location = locations["value"][0]
    assert location["encodingType"] == "application/geo+json"
    assert location["location"]["type"] == "Point"
    assert get(client, f"Locations({location['@iot.id']})/Things")["value"][0]["name"] == (
        "Testpegel Murg"
    )
    history = get(client, f"Things({thing.pk})/HistoricalLocations")
    assert history["value"], "a Thing created with a location has a history entry"
    entry = history["value"][0]["@iot.id"]
    assert get(client, f"HistoricalLocations({entry})/Thing")["@iot.id"] == thing.pk
    assert get(client, f"Things({thing.pk})/Datastreams({net.gauge.pk})")["name"] == (
        "Wasserstand Murg"
    )
    sensor = get(client, f"Datastreams({net.gauge.pk})/Sensor")
    assert net.gauge.pk in ids(get(client, f"Sensors({sensor['@iot.id']})/Datastreams"))
    prop = get(client, f"Datastreams({net.gauge.pk})/ObservedProperty")
    assert prop["name"] == "Wasserstand"


def test_property_value_and_ref(client, net):
    thing = net.gauge.thing
    assert get(client, f"Things({thing.pk})/name") == {"name": "Testpegel Murg"}
    raw = get(client, f"Things({thing.pk})/name/$value")
    assert raw.content.decode() == "Testpegel Murg"
    assert raw["Content-Type"].startswith("text/plain")
    refs = get(client, f"Things({thing.pk})/Datastreams/$ref")
    assert {"@iot.selfLink": f"{BASE}Datastreams({net.gauge.pk})"} in refs["value"]
    assert all(list(ref) == ["@iot.selfLink"] for ref in refs["value"])


def test_only_public_data(client, net):
    hidden_thing, hidden_stream = net.hidden_thing, net.hidden_stream
    for path in (
        f"Things({hidden_thing.pk})",
        f"Things({hidden_thing.pk})/Datastreams",
        f"Datastreams({hidden_stream.pk})",
        f"Datastreams({hidden_stream.pk})/Observations",
        f"Things({net.gauge.thing.pk})/Datastreams({hidden_stream.pk})",
        f"Observations({hidden_stream.observations.first().pk})",
        "Things(999999999)",
    ):
        data = get(client, path, 404)
        assert data["code"] == 404 and data["type"] == "error" and data["message"]
    things = ids(get(client, "Things", **{"$top": "1000"}))
    assert net.gauge.thing.pk in things and hidden_thing.pk not in things
    streams = ids(get(client, "Datastreams", **{"$top": "1000"}))
    assert hidden_stream.pk not in streams
    hidden_values = set(
        Observation.objects.filter(
            datastream__in=[hidden_stream, *net.hidden_thing.datastreams.all()]
        ).values_list("pk", flat=True)
    )
    assert len(hidden_values) == 3
    shown = ids(
        get(client, "Observations", **{"$filter": "result ge 7 and result le 9", "$top": "10000"})
    )
    assert not hidden_values & set(shown)
    locations = ids(get(client, "Locations", **{"$top": "1000"}))
    hidden_location = hidden_thing.locations.first().pk
    assert hidden_location not in locations
    assert Location.objects.filter(pk=hidden_location).exists()
    # a filter through a navigation only sees public rows either
    leaked = get(client, "Things", **{"$filter": "Datastreams/name eq 'Interner Strom'"})
    assert leaked["value"] == []


def test_errors_are_json_and_writes_are_refused(client, net):
    assert get(client, "Gadgets", 404)["code"] == 404
    assert get(client, "Things(abc)", 400)["code"] == 400
    assert get(client, f"Things({net.gauge.thing.pk})/Gadgets", 404)["code"] == 404
    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(ROOT + f"Things({net.gauge.thing.pk})")
        assert response.status_code == 405
        assert response.json()["type"] == "error"
    response = client.post(ROOT + "Things", {"name": "x"}, content_type="application/json")
    assert response.status_code == 405


def test_observation_posts_reach_the_intake(client, net):
    """Creating observations needs a device token: the intake answers, not a 405."""
    body = {"phenomenonTime": "2026-12-03T10:00:00Z", "result": 1, "Datastream": {"@iot.id": 1}}
    for path in ("Observations", f"Datastreams({net.gauge.pk})/Observations"):
        response = client.post(ROOT + path, body, content_type="application/json")
        assert response.status_code in (401, 403), response.content
        assert response.json()["type"] == "error"
    response = client.post(ROOT + "CreateObservations", [], content_type="application/json")
    assert response.status_code in (400, 401, 403)


def test_cors_open_for_reading(client, net):
    response = client.get(ROOT + "Things")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(ROOT + "Things")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
