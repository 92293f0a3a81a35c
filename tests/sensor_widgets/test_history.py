"""Location history and features of interest are kept without anyone's doing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from sensor_widgets.models import Datastream, FeatureOfInterest, HistoricalLocation

from .factories import (
    LocationFactory,
    SensorFactory,
    ThingFactory,
    observed_property,
    site_of,
)

pytestmark = pytest.mark.django_db


def _history(thing) -> list[set[str]]:
    return [
        {location.name for location in entry.locations.all()}
        for entry in HistoricalLocation.objects.filter(thing=thing).order_by("time", "pk")
    ]


def test_a_thing_placed_at_a_location_gets_its_first_history_entry():
    thing = ThingFactory(name="Pegel Murg")
    assert _history(thing) == [{"Standort Pegel Murg"}]


def test_a_thing_without_location_has_no_history():
    thing = ThingFactory(with_location=False)
    assert _history(thing) == []


def _at(monkeypatch, *args):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(*args, tzinfo=dt.UTC))


def test_moving_a_thing_keeps_where_it_was(monkeypatch):
    thing = ThingFactory(with_location=False)
    first = LocationFactory(site=thing.site, name="Alte Brücke")
    second = LocationFactory(site=thing.site, name="Neue Brücke")
    _at(monkeypatch, 2026, 3, 1, 8)
    thing.locations.add(first)
    _at(monkeypatch, 2026, 6, 1, 8)
    thing.locations.set([second])  # as the admin form does: one removal, one addition
    _at(monkeypatch, 2026, 6, 2, 8)
    second.things.add(thing)  # already there: nothing changes
    assert _history(thing) == [{"Alte Brücke"}, {"Neue Brücke"}]
    latest = HistoricalLocation.objects.filter(thing=thing).order_by("-time").first()
    assert latest.time == dt.datetime(2026, 6, 1, 8, tzinfo=dt.UTC)


def test_adding_a_thing_from_the_locations_side_counts_too():
    thing = ThingFactory(with_location=False)
    location = LocationFactory(site=thing.site, name="Schleuse")
    location.things.add(thing)
    assert _history(thing) == [{"Schleuse"}]


def _stream(thing) -> Datastream:
    return Datastream.objects.create(
        thing=thing,
        sensor=SensorFactory(),
        observed_property=observed_property(),
        name="Wasserstand",
        key="water_level_cm",
        unit_name="Zentimeter",
        unit_symbol="cm",
    )


def test_a_datastream_without_feature_of_interest_gets_the_things_location():
    thing = ThingFactory(name="Pegel Oos", site=site_of("baden-baden"), with_location=False)
    thing.locations.add(
        LocationFactory(site=thing.site, name="Oos", latitude=48.7606, longitude=8.2398)
    )
    stream = _stream(thing)
    feature = stream.feature_of_interest
    assert feature.name == "Pegel Oos – Messort"
    assert (feature.latitude, feature.longitude) == (48.7606, 8.2398)
    # a second stream of the same thing reuses it
    other = Datastream.objects.create(
        thing=thing,
        sensor=stream.sensor,
        observed_property=observed_property("Wassertemperatur"),
        name="Wassertemperatur",
        key="water_temperature_c",
        unit_name="Grad Celsius",
        unit_symbol="°C",
    )
    assert other.feature_of_interest == feature
    assert FeatureOfInterest.objects.filter(name="Pegel Oos – Messort").count() == 1


def test_a_things_first_location_gives_its_datastreams_their_feature_of_interest():
    thing = ThingFactory(name="Luftmessung Markt", with_location=False)
    stream = _stream(thing)
    assert stream.feature_of_interest is None
    thing.locations.add(LocationFactory(site=thing.site, name="Marktplatz"))
    stream.refresh_from_db()
    assert stream.feature_of_interest.name == "Luftmessung Markt – Messort"
