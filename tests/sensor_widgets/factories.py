"""Factories of the Sensorik: things of a demo town, their datastreams and devices.

``datastream(town="rastatt", key="water_level_cm", physical_max=1000)`` → a public
datastream of a new Thing with location; ``device(thing, dev_eui="70B3D57ED005A1B2")``;
``observe(stream, values, start=…)`` stores readings through the real intake.
"""

from __future__ import annotations

import datetime as dt
import itertools

import factory
from django.utils import timezone
from wagtail.models import Site

from sensor_widgets.intake import check, store
from sensor_widgets.models import (
    Datastream,
    Device,
    FeatureOfInterest,
    Location,
    ObservedProperty,
    Sensor,
    Thing,
)

_numbers = itertools.count(1)


def site_of(town: str | None) -> Site:
    hostname = "localhost" if town in (None, "region") else f"{town}.localhost"
    return Site.objects.get(hostname=hostname)


class LocationFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: site_of("rastatt"))
    name = factory.Sequence(lambda n: f"Standort {n}")
    latitude = 48.8584
    longitude = 8.2035

    class Meta:
        model = Location


class ThingFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: site_of("rastatt"))
    name = factory.Sequence(lambda n: f"Messstelle {n}")
    description = "Messstelle für Tests"

    class Meta:
        model = Thing
        skip_postgeneration_save = True

    @factory.post_generation
    def with_location(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.locations.add(LocationFactory(site=self.site, name=f"Standort {self.name}"))


class SensorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ultraschall-Pegelsensor {n}")
    description = "Misst den Abstand zur Wasseroberfläche"
    metadata = "https://example.org/datenblatt.pdf"

    class Meta:
        model = Sensor


def observed_property(name: str = "Wasserstand") -> ObservedProperty:
    return ObservedProperty.objects.get_or_create(
        name=name, defaults={"definition": f"https://example.org/begriffe/{name.lower()}"}
    )[0]


class DatastreamFactory(factory.django.DjangoModelFactory):
    thing = factory.SubFactory(ThingFactory)
    sensor = factory.SubFactory(SensorFactory)
    observed_property = factory.LazyFunction(observed_property)
    feature_of_interest = factory.LazyAttribute(
        lambda ds: FeatureOfInterest.objects.create(
            name=f"Gewässer an {ds.thing.name}", latitude=48.8584, longitude=8.2035
        )
    )
    name = factory.Sequence(lambda n: f"Wasserstand {n}")
    key = "water_level_cm"
    unit_name = "Zentimeter"
    unit_symbol = "cm"
    unit_definition = "http://qudt.org/vocab/unit/CentiM"
    decimals = 0
    physical_min = 0
    physical_max = 1000

    class Meta:
        model = Datastream


def datastream(town: str = "rastatt", **kwargs) -> Datastream:
    if "thing" not in kwargs:
        kwargs["thing"] = ThingFactory(site=site_of(town))
    return DatastreamFactory(**kwargs)


class DeviceFactory(factory.django.DjangoModelFactory):
    thing = factory.SubFactory(ThingFactory)
    name = factory.Sequence(lambda n: f"Gerät {n}")
    decoder = "json"

    class Meta:
        model = Device


def device(thing: Thing, **kwargs) -> Device:
    return DeviceFactory(thing=thing, **kwargs)


def observe(
    stream: Datastream,
    values: list[float],
    *,
    start: dt.datetime | None = None,
    step: dt.timedelta = dt.timedelta(minutes=15),
):
    """Store ``values`` at ``start``, ``start + step`` … through the intake."""
    start = start or timezone.now() - step * len(values)
    return store([check(stream, start + step * index, value) for index, value in enumerate(values)])
