"""Whatever a client sends to the SensorThings API: a JSON answer, never a 500."""

from __future__ import annotations

import random

import pytest

from .factories_sta import network

pytestmark = pytest.mark.django_db
ROOT = "/sta/v1.1/"

BAD_OPTIONS = [
    {"$top": "-1"},
    {"$top": "abc"},
    {"$top": "1e3"},
    {"$top": "99999999999999999999"},
    {"$skip": "-5"},
    {"$count": "yes"},
    {"$orderby": "gadget desc"},
    {"$orderby": "name sideways"},
    {"$orderby": "name asc desc"},
    {"$orderby": "Datastreams/name"},
    {"$orderby": "length(name)"},
    {"$orderby": ","},
    {"$select": "name,gadget"},
    {"$expand": "Gadgets"},
    {"$expand": "Datastreams($top=x)"},
    {"$expand": "Datastreams($gadget=1)"},
    {"$expand": "Datastreams($top=1;$top=2)"},
    {"$expand": "Datastreams(($top=1)"},
    {"$expand": "Datastreams/Gadget"},
    {"$expand": "Datastreams,"},
    {"$expand": "/".join(["Datastreams/Thing"] * 10)},
    {"$filter": "name eq"},
    {"$filter": "gadget eq 1"},
    {"$filter": "name eq 1"},
    {"$filter": "result eq 'abc'"},
    {"$filter": "phenomenonTime gt 'gestern'"},
    {"$filter": "phenomenonTime gt 2026-13-45T99:00:00Z"},
    {"$filter": "id eq 99999999999999999999999"},
    {"$filter": "result gt 1e999"},
    {"$filter": "name"},
    {"$filter": "1 eq 1 and"},
    {"$filter": "(((((name eq 'x')"},
    {"$filter": "Datastreams/any(d:d/name eq 'x')"},
    {"$filter": "geo.intersects(location, geography'POINT(1 2)')"},
    {"$filter": "gadget(name)"},
    {"$filter": "contains(name, 5)"},
    {"$filter": "name add 1 eq 2"},
    {"$filter": "Datastreams eq null"},
    {"$filter": "Datastreams/name eq Locations/name"},
    {"$filter": "properties/a-b eq 1"},
    {"$filter": "null eq null"},
    {"$filter": "name lt null"},
    {"$filter": "duration'P1D' eq name"},
    {"$filter": "'x" * 3000},
    {"$gadget": "1"},
    {"%24top": "1"},
]
BAD_PATHS = [
    "Things(1",
    "Things()",
    "Things(-1)",
    "Things(1.5)",
    "Things('x')",
    "Things(99999999999999999999999)",
    "Things/Datastreams",
    "Things(1)/name/$value/more",
    "Things/$value",
    "$metadata",
    "Things(1)/Datastreams/$ref/more",
    "Things(1)(2)",
    "Things(1)/../../admin",
    "Observations/$ref?$expand=Datastream",
]
WORDS = [
    "name",
    "result",
    "phenomenonTime",
    "Datastream/id",
    "id",
    "@iot.id",
    "properties/x",
    "eq",
    "ne",
    "gt",
    "and",
    "or",
    "not",
    "(",
    ")",
    "'a'",
    "1",
    "-2.5",
    "null",
    "true",
    "2026-12-03T10:00:00Z",
    "add",
    "div",
    "mod",
    "contains(name,'x')",
    ",",
    "/",
    "$",
    "Thing/name",
    "unitOfMeasurement/symbol",
    "in",
    "(1,2)",
    "now()",
    "year(phenomenonTime)",
]


def assert_clean(response) -> None:
    assert response.status_code in (200, 400, 404), (response.status_code, response.content[:300])
    data = response.json()
    if response.status_code != 200:
        assert data["type"] == "error" and data["message"]


def test_bad_options_answer_400(client):
    net = network()
    for params in BAD_OPTIONS:
        for path in ("Things", f"Things({net.gauge.thing.pk})", "Observations"):
            response = client.get(ROOT + path, params)
            assert_clean(response)
            if path == "Things":
                assert response.status_code == 400, params


def test_deep_nesting_is_answered(client):
    network()
    for text in (
        "not " * 400 + "name eq 'x'",
        "not (" * 600 + "name eq 'x'" + ")" * 600,
        "(" * 1900 + "name eq 'x'" + ")" * 1900,
        " or ".join(["name eq 'x'"] * 300),
        "result add " * 500 + "1 eq 2",
    ):
        assert_clean(client.get(ROOT + "Things", {"$filter": text}))
        assert_clean(client.get(ROOT + "Observations", {"$filter": text}))


def test_bad_paths_answer_400_or_404(client):
    network()
    for path in BAD_PATHS:
        response = client.get(ROOT + path)
        assert response.status_code in (400, 404), path
        assert response.json()["type"] == "error"


def test_random_filters_and_options_never_fail(client):
    net = network()
    rng = random.Random(8)
    paths = [
        "Things",
        "Datastreams",
        "Observations",
        f"Datastreams({net.gauge.pk})/Observations",
        "Locations",
        "FeaturesOfInterest",
        "Sensors",
        "ObservedProperties",
        "HistoricalLocations",
    ]
    for _ in range(250):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 9)))
        option = rng.choice(["$filter", "$filter", "$filter", "$orderby", "$select", "$expand"])
        assert_clean(client.get(ROOT + rng.choice(paths), {option: text}))
