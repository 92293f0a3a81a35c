"""The Sensorik demo: stations in every town, history, an active flood warning in
Rastatt, "Messwerte" pages, sensor staff logins – and seeding again changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.db.models import Count, Max, Min
from django.test import RequestFactory

from portal.core.models import TownSettings
from portal.demo.seed import SeedReport
from portal.demo.sensor_seed import seed_sensors
from sensor_widgets import roles
from sensor_widgets.decoders import get as decoder
from sensor_widgets.models import (
    Alert,
    Datastream,
    Device,
    HistoricalLocation,
    Observation,
    ObservationAggregate,
    Thing,
)
from sensor_widgets.simulation import value_at
from tests.conftest import TOWN_SLUGS

pytestmark = pytest.mark.django_db


def test_every_town_has_stations_with_location_device_and_profile():
    for slug in TOWN_SLUGS:
        things = Thing.objects.filter(site=TownSettings.objects.get(slug=slug).site)
        assert things.count() >= 2, slug
        for thing in things:
            assert thing.locations.exists()
            assert HistoricalLocation.objects.filter(thing=thing).exists()
            device = thing.devices.get()
            specs = thing.properties["simulation"]
            keys = set(thing.datastreams.values_list("key", flat=True))
            assert set(specs) == keys
            if device.dev_eui:  # LoRaWAN: the decoder can carry the simulated values
                values = {key: value_at(spec, thing.created_at) for key, spec in specs.items()}
                assert decoder(device.decoder).decode(decoder(device.decoder).encode(values))


def test_datastreams_have_units_ranges_and_german_alert_texts():
    murg = Datastream.objects.get(thing__name="Pegel Murg, Rastatt")
    assert (murg.unit_symbol, murg.physical_min, murg.warning_level) == ("cm", 0, 250)
    assert murg.alert_title == "Hochwasser-Warnung Murg"
    assert "Keller" in murg.alert_text
    assert murg.feature_of_interest.name == "Pegel Murg, Rastatt – Messort"
    for stream in Datastream.objects.all():
        assert stream.physical_min is not None and stream.physical_max is not None
        assert stream.physical_min <= stream.last_value <= stream.physical_max, stream


def test_the_murg_in_rastatt_is_above_its_warning_level_now():
    murg = Datastream.objects.get(thing__name="Pegel Murg, Rastatt")
    assert murg.status_of(murg.last_value) == "warning"
    alert = Alert.objects.get(datastream=murg, ended_at__isnull=True)
    assert alert.level == "warning" and alert.started_at < murg.last_phenomenon_time
    assert alert.peak_value >= murg.last_value


def test_featured_streams_have_a_year_of_aggregates_and_all_have_two_days_of_readings():
    rhein = Datastream.objects.get(thing__name="Pegel Rhein, Plittersdorf")
    days = ObservationAggregate.objects.filter(datastream=rhein, period="day")
    span = days.aggregate(first=Min("start"), last=Max("start"))
    assert (span["last"] - span["first"]).days >= 364
    hours = ObservationAggregate.objects.filter(datastream=rhein, period="hour")
    assert hours.count() >= 365 * 24
    assert all(h.minimum <= h.mean <= h.maximum for h in hours[:500])
    counts = Observation.objects.values("datastream").annotate(n=Count("pk"))
    assert {row["datastream"] for row in counts} == set(
        Datastream.objects.values_list("pk", flat=True)
    )
    assert all(row["n"] >= 2 * 96 for row in counts)


def test_aggregates_of_the_raw_days_match_the_readings():
    stream = Datastream.objects.get(thing__name="Parkhaus am Schloss")
    last = stream.last_phenomenon_time.replace(minute=0, second=0, microsecond=0)
    hour = ObservationAggregate.objects.get(datastream=stream, period="hour", start=last)
    values = list(
        Observation.objects.filter(datastream=stream, phenomenon_time__gte=last).values_list(
            "result", flat=True
        )
    )
    assert hour.count == len(values)
    assert hour.total == pytest.approx(sum(values))
    assert (hour.minimum, hour.maximum) == (min(values), max(values))


def test_sensor_staff_logins_work_and_belong_to_their_town():
    user = authenticate(
        RequestFactory().post("/admin/login/", REMOTE_ADDR="127.0.0.1"),
        username="sensorik.rastatt",
        password="demo-rastatt",
    )
    assert user is not None
    assert user.groups.filter(name="Sensorik Rastatt").exists()
    assert roles.sensor_site_ids(user) == {TownSettings.objects.get(slug="rastatt").site_id}


def test_seeding_again_changes_nothing():
    before = (
        Thing.objects.count(),
        Datastream.objects.count(),
        Device.objects.count(),
        Observation.objects.count(),
        ObservationAggregate.objects.count(),
        Alert.objects.count(),
    )
    report = SeedReport()
    seed_sensors(report)
    after = (
        Thing.objects.count(),
        Datastream.objects.count(),
        Device.objects.count(),
        Observation.objects.count(),
        ObservationAggregate.objects.count(),
        Alert.objects.count(),
    )
    assert after == before
    assert report.pages_created == 0
    assert ("Sensorik Stutensee", "sensorik.stutensee", "demo-stutensee") in report.logins


def test_every_town_has_a_messwerte_page_below_its_life_section(site_client):
    for slug in TOWN_SLUGS:
        response = site_client(slug).get("/leben/messwerte/")
        assert response.status_code == 200, slug
        html = response.content.decode()
        assert "Messwerte" in html
    html = site_client("rastatt").get("/leben/messwerte/").content.decode()
    assert "Wasserstand Murg" in html
    assert "Pegel Oos" not in html  # another town's stations are not shown


def test_the_home_page_of_rastatt_shows_the_flood_warning(site_client):
    html = site_client("rastatt").get("/").content.decode()
    assert "Hochwasser-Warnung Murg" in html
    assert "Hochwasser-Warnung" not in site_client("bretten").get("/").content.decode()
