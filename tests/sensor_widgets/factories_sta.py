"""Factories of the SensorThings tests: a small public measuring network and hidden parts.

``network()`` → a :class:`Network` of two public stations in Rastatt and Bühl (water
level with observations, air temperature), plus a hidden station and a hidden datastream
of a public station – the API must never show those two.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sensor_widgets.models import Datastream, Thing

from .factories import datastream, observe, observed_property

START = dt.datetime.now(dt.UTC).replace(microsecond=0, second=0) - dt.timedelta(days=1)
STEP = dt.timedelta(minutes=15)


@dataclass
class Network:
    gauge: Datastream  # Rastatt, water level, 6 observations 100..105
    temperature: Datastream  # Rastatt, same Thing as gauge, 3 observations
    other: Datastream  # Bühl, water level, 2 observations
    hidden_thing: Thing
    hidden_stream: Datastream  # not public, of the gauge's Thing


def network() -> Network:
    gauge = datastream("rastatt", name="Wasserstand Murg", key="water_level_cm")
    thing = gauge.thing
    thing.name = "Testpegel Murg"
    thing.properties = {"river": "Murg"}
    thing.save()
    temperature = datastream(
        thing=thing,
        name="Lufttemperatur Murg",
        key="air_temperature",
        unit_name="Grad Celsius",
        unit_symbol="°C",
        observed_property=observed_property("Lufttemperatur"),
        physical_min=-40,
        physical_max=60,
    )
    other = datastream("buehl", name="Wasserstand Bühlot")
    other.thing.name = "Testpegel Bühlot"
    other.thing.save()
    hidden = datastream("rastatt", name="Geheimer Pegel")
    hidden.thing.public = False
    hidden.thing.name = "Geheime Messstelle"
    hidden.thing.save()
    hidden_stream = datastream(thing=thing, name="Interner Strom", key="internal", public=False)
    observe(gauge, [100, 101, 102, 103, 104, 105], start=START, step=STEP)
    observe(temperature, [4.5, 5.0, -1.5], start=START, step=STEP)
    observe(other, [50, 51], start=START, step=STEP)
    observe(hidden, [7, 8], start=START, step=STEP)
    observe(hidden_stream, [9], start=START, step=STEP)
    for stream in (gauge, temperature, other, hidden, hidden_stream):
        stream.refresh_from_db()
    return Network(gauge, temperature, other, hidden.thing, hidden_stream)
