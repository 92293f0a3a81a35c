"""The proof the issue asks for: Fraunhofer's ``frost-sta-client`` reads our API over HTTP
(pytest-django's ``live_server``) with its own parsing."""

from __future__ import annotations

import datetime as dt

import frost_sta_client as fsc
import pytest

from .factories_sta import START, STEP, network

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:furl"),
]


def test_frost_client_lists_things_datastreams_and_reads_observations(live_server, demo_seeded):
    net = network()
    service = fsc.SensorThingsService(f"{live_server.url}/sta/v1.1/")

    ours = "startswith(name, 'Testpegel') or name eq 'Geheime Messstelle'"
    listed = service.things().query().filter(ours).top(1).list()  # one per page: nextLink
    things = {thing.name: thing for thing in listed}
    assert set(things) == {"Testpegel Murg", "Testpegel Bühlot"}  # not the hidden one
    murg = things["Testpegel Murg"]
    assert murg.id == net.gauge.thing.pk
    assert murg.properties["town"] == "rastatt"

    streams = list(service.datastreams().query().filter("Thing/name eq 'Testpegel Murg'").list())
    assert sorted(s.name for s in streams) == ["Lufttemperatur Murg", "Wasserstand Murg"]
    gauge = service.datastreams().find(net.gauge.pk)
    assert gauge.name == "Wasserstand Murg"
    assert gauge.unit_of_measurement.symbol == "cm"

    since = (START + STEP).isoformat().replace("+00:00", "Z")
    observations = (
        gauge.get_observations()
        .query()
        .filter(f"phenomenonTime ge {since}")
        .orderby("phenomenonTime", "ASC")
        .list()
    )
    assert [o.result for o in observations] == [101, 102, 103, 104, 105]
    assert dt.datetime.fromisoformat(observations.get(0).phenomenon_time) == START + STEP

    # paging: two per page, the client follows @iot.nextLink while iterating
    paged = service.observations().query().filter(f"Datastream/id eq {net.gauge.pk}").top(2)
    page = paged.orderby("result", "DESC").list()
    assert len(page.entities) == 2 and page.next_link
    assert [o.result for o in page] == [105, 104, 103, 102, 101, 100]

    expanded = (
        service.things()
        .query()
        .filter("name eq 'Testpegel Murg'")
        .expand("Datastreams($orderby=name;$expand=Observations($top=2))")
        .list()
    )
    [thing] = list(expanded)
    assert [d.name for d in thing.datastreams] == ["Lufttemperatur Murg", "Wasserstand Murg"]
