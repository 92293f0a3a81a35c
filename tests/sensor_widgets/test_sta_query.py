"""SensorThings query options: $top $skip $orderby $filter $expand $select $count, paging."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import datastream, observe
from .factories_sta import START, STEP, network

pytestmark = pytest.mark.django_db
ROOT = "/sta/v1.1/"


@pytest.fixture
def net():
    return network()


def get(client, path: str, status: int = 200, **params):
    response = client.get(ROOT + path, params)
    assert response.status_code == status, response.content[:500]
    return response.json()


def follow(client, link: str):
    """GET an absolute @iot.nextLink through the test client."""
    parts = urlsplit(link)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def results(data: dict) -> list:
    return [entity["result"] for entity in data["value"]]


def iso(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_top_skip_count_and_next_links_keep_the_other_options(client, net):
    path = f"Datastreams({net.gauge.pk})/Observations"
    first = get(client, path, **{"$top": "2", "$count": "true", "$filter": "result gt 100"})
    assert first["@iot.count"] == 5
    assert results(first) == [105, 104]
    link = first["@iot.nextLink"]
    assert link.startswith(f"http://testserver{ROOT}{path}?")
    second = follow(client, link)
    assert results(second) == [103, 102] and second["@iot.count"] == 5
    third = follow(client, second["@iot.nextLink"])
    assert results(third) == [101] and "@iot.nextLink" not in third
    skipped = get(client, path, **{"$skip": "4"})
    assert results(skipped) == [101, 100]
    assert get(client, path, **{"$top": "0", "$count": "true"}) == {"@iot.count": 6, "value": []}


def test_page_size_and_maximum_top(client, net, settings):
    settings.SENSOR_STA_PAGE_SIZE = 4
    settings.SENSOR_STA_MAX_TOP = 5
    path = f"Datastreams({net.gauge.pk})/Observations"
    assert len(get(client, path)["value"]) == 4
    capped = get(client, path, **{"$top": "1000"})
    assert len(capped["value"]) == 5 and "$top=5" in capped["@iot.nextLink"]


def test_orderby_several_properties(client, net):
    data = get(
        client,
        "Observations",
        **{"$orderby": "result asc", "$top": "3", "$filter": f"Datastream/id eq {net.gauge.pk}"},
    )
    assert results(data) == [100, 101, 102]
    streams = get(
        client,
        f"Things({net.gauge.thing.pk})/Datastreams",
        **{"$orderby": "unitOfMeasurement/symbol asc, name asc"},
    )
    assert [s["name"] for s in streams["value"]] == ["Wasserstand Murg", "Lufttemperatur Murg"]
    by_thing = get(
        client,
        "Datastreams",
        **{
            "$orderby": "Thing/name asc,@iot.id desc",
            "$filter": "startswith(Thing/name, 'Testpegel')",
        },
    )
    names = [s["name"] for s in by_thing["value"]]
    assert names.index("Wasserstand Bühlot") < names.index("Wasserstand Murg")


def test_filter_by_datastream_id_on_observations(client, net):
    """The bug seen in django-ogc-sensorthings: this must find the datastream's values."""
    for text in (f"Datastream/id eq {net.gauge.pk}", f"Datastream/@iot.id eq {net.gauge.pk}"):
        data = get(client, "Observations", **{"$filter": text})
        assert sorted(results(data)) == [100, 101, 102, 103, 104, 105]


def test_filter_time_ranges_and_comparisons(client, net):
    path = f"Datastreams({net.gauge.pk})/Observations"
    since, until = START + STEP, START + 3 * STEP
    text = f"phenomenonTime ge {iso(since)} and phenomenonTime lt {iso(until)}"
    assert sorted(results(get(client, path, **{"$filter": text}))) == [101, 102]
    berlin = (START + 4 * STEP).astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert results(get(client, path, **{"$filter": f"phenomenonTime gt {berlin.isoformat()}"})) == [
        105
    ]
    assert results(get(client, path, **{"$filter": "not (result le 103) or result eq 100"})) == [
        105,
        104,
        100,
    ]
    assert results(get(client, path, **{"$filter": "result ne 100 and 102 ge result"})) == [
        102,
        101,
    ]
    assert results(get(client, path, **{"$filter": "result add 10 eq 115"})) == [105]
    assert (
        results(get(client, path, **{"$filter": "result mod 2 eq 1 and result div 0 eq 1"})) == []
    )
    assert results(get(client, path, **{"$filter": "result in (100, 104)"})) == [104, 100]
    assert results(get(client, path, **{"$filter": "resultTime eq null and result gt 104"})) == [
        105
    ]
    temperature = f"Datastreams({net.temperature.pk})/Observations"
    assert results(get(client, temperature, **{"$filter": "result lt -1"})) == [-1.5]


def test_filter_strings_and_navigation(client, net):
    def names(params):
        return sorted(t["name"] for t in get(client, "Things", **params)["value"])

    assert "Testpegel Murg" in names({"$filter": "substringof('Murg', name)"})
    assert names({"$filter": "contains(name, 'Murg') and startswith(name, 'Testpegel')"}) == [
        "Testpegel Murg"
    ]
    assert names({"$filter": "endswith(name, 'Bühlot')"}) == ["Testpegel Bühlot"]
    assert names({"$filter": "tolower(name) eq 'testpegel murg'"}) == ["Testpegel Murg"]
    assert names({"$filter": "properties/river eq 'Murg'"}) == ["Testpegel Murg"]
    buehl = names({"$filter": "properties/town eq 'buehl' and startswith(name, 'Testpegel')"})
    assert buehl == ["Testpegel Bühlot"]
    through = names(
        {
            "$filter": "Datastreams/unitOfMeasurement/symbol eq '°C' "
            "and startswith(name, 'Testpegel')"
        }
    )
    assert through == ["Testpegel Murg"]
    streams = get(client, "Datastreams", **{"$filter": "Thing/name eq 'Testpegel Bühlot'"})
    assert [s["name"] for s in streams["value"]] == ["Wasserstand Bühlot"]
    observations = get(
        client, "Observations", **{"$filter": "Datastream/Thing/name eq 'Testpegel Bühlot'"}
    )
    assert sorted(results(observations)) == [50, 51]


def test_expand_nested_with_options(client, net):
    thing = net.gauge.thing
    expand = (
        "Datastreams($filter=name eq 'Wasserstand Murg';$select=name;"
        "$expand=Observations($top=3;$orderby=phenomenonTime desc;$count=true;$select=result))"
    )
    data = get(client, f"Things({thing.pk})", **{"$expand": expand})
    [stream] = data["Datastreams"]
    assert stream == {
        "name": "Wasserstand Murg",
        "Observations@iot.count": 6,
        "Observations": [{"result": 105}, {"result": 104}, {"result": 103}],
        "Observations@iot.nextLink": stream["Observations@iot.nextLink"],
    }
    rest = follow(client, stream["Observations@iot.nextLink"])
    assert results(rest) == [102, 101, 100]


def test_expand_paths_and_top_per_parent(client, net):
    data = get(
        client,
        "Things",
        **{
            "$filter": "startswith(name, 'Testpegel')",
            "$orderby": "name",
            "$expand": "Datastreams($orderby=name;$expand=Observations($top=1)),"
            "Datastreams/ObservedProperty,Locations",
        },
    )
    murg = next(t for t in data["value"] if t["name"] == "Testpegel Murg")
    assert [s["name"] for s in murg["Datastreams"]] == ["Lufttemperatur Murg", "Wasserstand Murg"]
    assert [len(s["Observations"]) for s in murg["Datastreams"]] == [1, 1]
    assert murg["Datastreams"][1]["Observations"][0]["result"] == 105  # newest by default
    assert murg["Datastreams"][0]["ObservedProperty"]["name"] == "Lufttemperatur"
    assert murg["Locations"][0]["location"]["type"] == "Point"
    buehlot = next(t for t in data["value"] if t["name"] == "Testpegel Bühlot")
    assert buehlot["Datastreams"][0]["Observations"][0]["result"] == 51
    observation = get(
        client,
        f"Datastreams({net.gauge.pk})/Observations",
        **{"$top": "1", "$expand": "Datastream($select=name),FeatureOfInterest"},
    )["value"][0]
    assert observation["Datastream"] == {"name": "Wasserstand Murg"}
    assert observation["FeatureOfInterest"]["@iot.id"] == net.gauge.feature_of_interest_id


def test_select(client, net):
    data = get(client, f"Things({net.gauge.thing.pk})", **{"$select": "@iot.id,name,Datastreams"})
    assert data == {
        "@iot.id": net.gauge.thing.pk,
        "name": "Testpegel Murg",
        "Datastreams@iot.navigationLink": data["Datastreams@iot.navigationLink"],
    }
    only = get(client, f"Datastreams({net.gauge.pk})/Observations", **{"$select": "id,result"})
    assert set(only["value"][0]) == {"@iot.id", "result"}


def test_observations_of_a_datastream_take_few_queries(client):
    stream = datastream()
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=20)
    observe(stream, [float(i % 500) for i in range(1200)], start=start)
    with CaptureQueriesContext(connection) as queries:
        data = get(client, f"Datastreams({stream.pk})/Observations", **{"$top": "1000"})
    assert len(data["value"]) == 1000 and "@iot.nextLink" in data
    assert len(queries) <= 4, [q["sql"] for q in queries]
    with CaptureQueriesContext(connection) as queries:
        get(
            client,
            "Things",
            **{"$top": "50", "$expand": "Datastreams($expand=Observations($top=2),Thing)"},
        )
    # savepoint, things, datastreams, observations, things of datastreams, towns (2),
    # locations of things, release: one query per level, not per row
    assert len(queries) <= 10, [q["sql"] for q in queries]


def test_observations_as_data_array(client, net):
    data = get(
        client,
        "Observations",
        **{
            "$resultFormat": "dataArray",
            "$select": "result,phenomenonTime",
            "$filter": f"Datastream/id eq {net.gauge.pk} or Datastream/id eq {net.other.pk}",
            "$orderby": "result desc",
            "$count": "true",
        },
    )
    assert data["@iot.count"] == 8
    groups = {group["Datastream@iot.navigationLink"]: group for group in data["value"]}
    gauge = groups[f"http://testserver/sta/v1.1/Datastreams({net.gauge.pk})"]
    assert gauge["components"] == ["phenomenonTime", "result"]
    assert gauge["dataArray@iot.count"] == 6
    assert [row[1] for row in gauge["dataArray"]] == [105, 104, 103, 102, 101, 100]
    assert gauge["dataArray"][0][0].endswith("Z")
    other = groups[f"http://testserver/sta/v1.1/Datastreams({net.other.pk})"]
    assert [row[1] for row in other["dataArray"]] == [51, 50]
    assert get(client, "Things", 400, **{"$resultFormat": "dataArray"})["code"] == 400


def test_expansions_over_many_parents_get_shorter_pages(client, net, settings):
    settings.SENSOR_STA_MAX_TOP = 6  # three datastreams below: two observations each
    data = get(
        client,
        "Datastreams",
        **{
            "$filter": "startswith(Thing/name, 'Testpegel')",
            "$expand": "Observations($top=5;$select=result)",
        },
    )
    gauge = next(s for s in data["value"] if s["name"] == "Wasserstand Murg")
    assert [o["result"] for o in gauge["Observations"]] == [105, 104]
    rest = follow(client, gauge["Observations@iot.nextLink"])
    assert [o["result"] for o in rest["value"]] == [103, 102, 101, 100]
