"""Public JSON of the widgets: latest values (polling), chart data, the alert banner."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from .factories import datastream, observe
from .factories_widgets import aggregates, days_back, hours_back

pytestmark = pytest.mark.django_db
UTC = dt.UTC


def test_latest_values_as_live_messages_with_status(site_client):
    stream = datastream(warning_level=300)
    quiet = datastream(name="Ohne Wert")
    time = timezone.now().replace(microsecond=0) - dt.timedelta(minutes=4)
    observe(stream, [312], start=time)
    response = site_client("rastatt").get(f"/sensorik/werte/?ds={stream.pk},{quiet.pk}")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    first, second = response.json()
    assert first | {"ago_text": "", "time_text": ""} == {
        "type": "sensor.value",
        "datastream": stream.pk,
        "time": time.isoformat().replace("+00:00", "Z"),
        "value": 312.0,
        "status": "warning",
        "status_label": "Warnstufe",
        "text": "312\u00a0cm",
        "time_text": "",
        "ago_text": "",
    }
    assert first["ago_text"] == "vor 4 Minuten"
    assert second["value"] is None and second["status"] == "unknown"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?ds=",
        "?ds=abc",
        "?ds=1;2",
        "?ds=-1",
        "?ds=" + ",".join(["1"] * 51),
        "?ds=99999999999999999",
    ],
)
def test_bad_ids_are_a_400_in_german(site_client, query):
    response = site_client("rastatt").get("/sensorik/werte/" + query)
    assert response.status_code == 400
    assert "Nummern von Datenströmen" in response.json()["error"]


def test_datastreams_the_address_may_not_show_are_404(site_client):
    own = datastream("rastatt")
    foreign = datastream("gaggenau")
    hidden = datastream("rastatt", public=False)
    client = site_client("rastatt")
    assert client.get(f"/sensorik/werte/?ds={own.pk}").status_code == 200
    for ids in (f"{own.pk},{foreign.pk}", str(hidden.pk), "987654"):
        response = client.get(f"/sensorik/werte/?ds={ids}")
        assert response.status_code == 404
        assert response.json() == {"error": "Datenstrom nicht gefunden."}
    # the regional address shows every town's
    assert (
        site_client("region").get(f"/sensorik/werte/?ds={own.pk},{foreign.pk}").status_code == 200
    )
    # an address that is no site of ours
    assert (
        site_client().get(f"/sensorik/werte/?ds={own.pk}", HTTP_HOST="localhost:8000").status_code
        == 200
    )


def test_chart_data_from_hourly_aggregates_for_24h_and_7d(site_client):
    stream = datastream(decimals=1, warning_level=300)
    now = timezone.now()
    starts = hours_back(24 * 8, now)  # 8 days of hours: the ranges cut them
    aggregates(stream, "hour", starts, [float(i) for i in range(len(starts))])
    day = site_client("rastatt").get(f"/sensorik/verlauf/{stream.pk}/?range=24h").json()
    assert day["period"] == "hour" and day["warning"] == 300 and day["unit"] == "cm"
    assert len(day["points"]) == 24
    last = day["points"][-1]
    assert last == [
        int(starts[-1].timestamp()),
        float(len(starts) - 1),
        len(starts) - 2,
        len(starts),
    ]
    week = site_client("rastatt").get(f"/sensorik/verlauf/{stream.pk}/?range=7d").json()
    assert len(week["points"]) == 24 * 7
    assert week["points"][0][0] == int(starts[-24 * 7].timestamp())
    default = site_client("rastatt").get(f"/sensorik/verlauf/{stream.pk}/").json()
    assert default["range"] == "24h"


def test_chart_data_of_a_year_from_daily_aggregates(site_client):
    stream = datastream()
    now = timezone.now()
    aggregates(stream, "day", days_back(400, now), [5.0] * 400)
    aggregates(stream, "hour", hours_back(3, now), [99.0] * 3)  # not in the yearly series
    year = site_client("rastatt").get(f"/sensorik/verlauf/{stream.pk}/?range=1y").json()
    assert year["period"] == "day"
    assert 364 <= len(year["points"]) <= 366
    assert {p[1] for p in year["points"]} == {5.0}
    assert "je Tag im letzten Jahr" in year["caption"]


def test_chart_errors(site_client):
    stream = datastream()
    foreign = datastream("bretten")
    client = site_client("rastatt")
    assert client.get(f"/sensorik/verlauf/{stream.pk}/?range=2w").status_code == 400
    assert (
        "24h, 7d oder 1y" in client.get(f"/sensorik/verlauf/{stream.pk}/?range=x").json()["error"]
    )
    assert client.get(f"/sensorik/verlauf/{foreign.pk}/").status_code == 404
    assert client.get("/sensorik/verlauf/99999999999999999999999/").status_code == 404
    hidden = datastream(public=False)
    assert client.get(f"/sensorik/verlauf/{hidden.pk}/").status_code == 404
    assert client.post(f"/sensorik/verlauf/{stream.pk}/").status_code == 405


def test_alert_banner_fragment(site_client):
    stream = datastream(
        warning_level=300, alert_title="Hochwasser-Warnung", alert_text="Ufer meiden."
    )
    observe(stream, [280], start=timezone.now() - dt.timedelta(minutes=20))
    client = site_client("rastatt")
    assert client.get(f"/sensorik/warnungen/?ds={stream.pk}").content.strip() == b""
    observe(stream, [305], start=timezone.now() - dt.timedelta(minutes=1))
    html = client.get(f"/sensorik/warnungen/?ds={stream.pk}").content.decode()
    assert "Hochwasser-Warnung" in html and "Warnstufe" in html and "Ufer meiden." in html
    assert client.get("/sensorik/warnungen/?ds=x").status_code == 400
