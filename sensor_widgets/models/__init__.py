"""Models of the Sensorik.

- ``entities``: the SensorThings entities (Thing, Location, HistoricalLocation, Sensor,
  ObservedProperty, FeatureOfInterest, Datastream)
- ``observations``: raw observations, hourly/daily aggregates, uplinks, alerts
- ``devices``: reporting devices with their tokens and counters, intake problems
"""

from .devices import Device, IntakeProblem, hash_token
from .entities import (
    Datastream,
    Direction,
    FeatureOfInterest,
    HistoricalLocation,
    Location,
    ObservedProperty,
    Sensor,
    Status,
    Thing,
)
from .observations import Alert, AlertLevel, Observation, ObservationAggregate, Period, Uplink

__all__ = [
    "Alert",
    "AlertLevel",
    "Datastream",
    "Device",
    "Direction",
    "FeatureOfInterest",
    "HistoricalLocation",
    "IntakeProblem",
    "Location",
    "Observation",
    "ObservationAggregate",
    "ObservedProperty",
    "Period",
    "Sensor",
    "Status",
    "Thing",
    "Uplink",
    "hash_token",
]
