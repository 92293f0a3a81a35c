"""The eight SensorThings entity types mapped onto our models.

Each :class:`EntityType` knows its model, which rows are public, the columns read for a
row (rows are plain dicts from ``QuerySet.values``), the STA properties that ``$filter``
and ``$orderby`` may name (with the ORM path and a kind for type checks), its navigation
properties and how to turn a row into the entity's JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ..models import (
    Datastream,
    FeatureOfInterest,
    HistoricalLocation,
    Location,
    Observation,
    ObservedProperty,
    Sensor,
    Thing,
)
from ..models.entities import GEOJSON, OM_MEASUREMENT

# kinds of properties (for type checks in $filter)
NUMBER, STRING, DATETIME, JSON = "number", "string", "datetime", "json"


def iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def point(longitude: float, latitude: float) -> dict:
    return {"type": "Point", "coordinates": [longitude, latitude]}


@dataclass(frozen=True)
class Prop:
    """A property for $filter/$orderby: ORM path and kind."""

    path: str
    kind: str


@dataclass(frozen=True)
class Nav:
    """A navigation property.

    ``lookup``: from the target model back to this one (``Datastream`` → ``thing`` for
    Thing/Datastreams); ``path``: from this model to the target (only for to-one, used in
    $filter and $orderby); ``fk``: this row's column holding the target id, if any.
    """

    name: str
    target: str
    many: bool
    lookup: str
    path: str = ""
    fk: str = ""


@dataclass
class EntityType:
    name: str
    plural: str
    model: type
    public: Callable[[], QuerySet]
    columns: tuple[str, ...]
    props: dict[str, Prop]
    navs: dict[str, Nav]
    render: Callable[[dict, object], dict]
    default_order: tuple[tuple[str, bool], ...] = (("id", False),)  # (STA property, desc)
    json_props: frozenset[str] = field(default_factory=frozenset)  # free sub-paths allowed

    def base(self) -> QuerySet:
        return self.public()

    def output_names(self) -> tuple[str, ...]:
        return OUTPUT_NAMES[self.name]


def _public_datastreams() -> QuerySet:
    return Datastream.objects.filter(public=True, thing__public=True)


def _public_things() -> QuerySet:
    return Thing.objects.filter(public=True)


def _public_locations() -> QuerySet:
    linked = Thing.locations.through.objects.filter(thing__public=True).values("location_id")
    return Location.objects.filter(pk__in=linked)


def _public_observations() -> QuerySet:
    return Observation.objects.filter(datastream_id__in=_public_datastreams().values("pk"))


def _public_features() -> QuerySet:
    used = _public_datastreams().filter(feature_of_interest__isnull=False)
    return FeatureOfInterest.objects.filter(pk__in=used.values("feature_of_interest_id"))


ID = Prop("id", NUMBER)


def _common(*names: str) -> dict[str, Prop]:
    props = {"id": ID}
    for name in names:
        props[name] = Prop(name, STRING)
    return props


# --- rendering ---------------------------------------------------------------------------


def _thing(row: dict, ctx) -> dict:
    town = ctx.town(row["site_id"])
    return {
        "name": row["name"],
        "description": row["description"],
        "properties": {**(row["properties"] or {}), **town},
    }


def _location(row: dict, ctx) -> dict:
    return {
        "name": row["name"],
        "description": row["description"],
        "encodingType": GEOJSON,
        "location": point(row["longitude"], row["latitude"]),
        "properties": row["properties"] or {},
    }


def _historical_location(row: dict, ctx) -> dict:
    return {"time": iso(row["time"])}


def _sensor(row: dict, ctx) -> dict:
    return {
        "name": row["name"],
        "description": row["description"],
        "encodingType": row["encoding_type"],
        "metadata": row["metadata"],
        "properties": row["properties"] or {},
    }


def _observed_property(row: dict, ctx) -> dict:
    return {
        "name": row["name"],
        "definition": row["definition"],
        "description": row["description"],
        "properties": row["properties"] or {},
    }


def _datastream(row: dict, ctx) -> dict:
    first, last = row["first_phenomenon_time"], row["last_phenomenon_time"]
    interval = f"{iso(first)}/{iso(last)}" if first and last else None
    where = ctx.thing_point(row["thing_id"])
    return {
        "name": row["name"],
        "description": row["description"],
        "unitOfMeasurement": {
            "name": row["unit_name"],
            "symbol": row["unit_symbol"],
            "definition": row["unit_definition"],
        },
        "observationType": OM_MEASUREMENT,
        "observedArea": where,
        "phenomenonTime": interval,
        "resultTime": interval,
        "properties": row["properties"] or {},
    }


def _observation(row: dict, ctx) -> dict:
    return {
        "phenomenonTime": iso(row["phenomenon_time"]),
        "resultTime": iso(row["result_time"]),
        "result": row["result"],
    }


def _feature(row: dict, ctx) -> dict:
    return {
        "name": row["name"],
        "description": row["description"],
        "encodingType": GEOJSON,
        "feature": point(row["longitude"], row["latitude"]),
        "properties": row["properties"] or {},
    }


OUTPUT_NAMES = {
    "Thing": ("name", "description", "properties"),
    "Location": ("name", "description", "encodingType", "location", "properties"),
    "HistoricalLocation": ("time",),
    "Sensor": ("name", "description", "encodingType", "metadata", "properties"),
    "ObservedProperty": ("name", "definition", "description", "properties"),
    "Datastream": (
        "name",
        "description",
        "unitOfMeasurement",
        "observationType",
        "observedArea",
        "phenomenonTime",
        "resultTime",
        "properties",
    ),
    "Observation": ("phenomenonTime", "resultTime", "result"),
    "FeatureOfInterest": ("name", "description", "encodingType", "feature", "properties"),
}

# --- the entity types --------------------------------------------------------------------

TYPES: dict[str, EntityType] = {}


def _register(entity: EntityType) -> None:
    TYPES[entity.name] = entity


_register(
    EntityType(
        name="Thing",
        plural="Things",
        model=Thing,
        public=_public_things,
        columns=("id", "name", "description", "properties", "site_id"),
        props={
            **_common("name", "description"),
            "properties/town": Prop("site__townsettings__slug", STRING),
            "properties/townName": Prop("site__townsettings__name", STRING),
        },
        json_props=frozenset({"properties"}),
        navs={
            "Locations": Nav("Locations", "Location", True, "things"),
            "HistoricalLocations": Nav("HistoricalLocations", "HistoricalLocation", True, "thing"),
            "Datastreams": Nav("Datastreams", "Datastream", True, "thing"),
        },
        render=_thing,
    )
)
_register(
    EntityType(
        name="Location",
        plural="Locations",
        model=Location,
        public=_public_locations,
        columns=("id", "name", "description", "latitude", "longitude", "properties"),
        props=_common("name", "description"),
        json_props=frozenset({"properties"}),
        navs={
            "Things": Nav("Things", "Thing", True, "locations"),
            "HistoricalLocations": Nav(
                "HistoricalLocations", "HistoricalLocation", True, "locations"
            ),
        },
        render=_location,
    )
)
_register(
    EntityType(
        name="HistoricalLocation",
        plural="HistoricalLocations",
        model=HistoricalLocation,
        public=lambda: HistoricalLocation.objects.filter(thing__public=True),
        columns=("id", "time", "thing_id"),
        props={"id": ID, "time": Prop("time", DATETIME)},
        navs={
            "Thing": Nav("Thing", "Thing", False, "historical_locations", "thing", "thing_id"),
            "Locations": Nav("Locations", "Location", True, "historical_locations"),
        },
        render=_historical_location,
    )
)
_register(
    EntityType(
        name="Sensor",
        plural="Sensors",
        model=Sensor,
        public=lambda: Sensor.objects.all(),
        columns=("id", "name", "description", "encoding_type", "metadata", "properties"),
        props={
            **_common("name", "description", "metadata"),
            "encodingType": Prop("encoding_type", STRING),
        },
        json_props=frozenset({"properties"}),
        navs={"Datastreams": Nav("Datastreams", "Datastream", True, "sensor")},
        render=_sensor,
    )
)
_register(
    EntityType(
        name="ObservedProperty",
        plural="ObservedProperties",
        model=ObservedProperty,
        public=lambda: ObservedProperty.objects.all(),
        columns=("id", "name", "definition", "description", "properties"),
        props=_common("name", "definition", "description"),
        json_props=frozenset({"properties"}),
        navs={"Datastreams": Nav("Datastreams", "Datastream", True, "observed_property")},
        render=_observed_property,
    )
)
_register(
    EntityType(
        name="Datastream",
        plural="Datastreams",
        model=Datastream,
        public=_public_datastreams,
        columns=(
            "id",
            "name",
            "description",
            "unit_name",
            "unit_symbol",
            "unit_definition",
            "properties",
            "first_phenomenon_time",
            "last_phenomenon_time",
            "thing_id",
            "sensor_id",
            "observed_property_id",
        ),
        props={
            **_common("name", "description"),
            "unitOfMeasurement/name": Prop("unit_name", STRING),
            "unitOfMeasurement/symbol": Prop("unit_symbol", STRING),
            "unitOfMeasurement/definition": Prop("unit_definition", STRING),
            # an interval in the JSON; $filter and $orderby use its end (the newest value)
            "phenomenonTime": Prop("last_phenomenon_time", DATETIME),
            "resultTime": Prop("last_phenomenon_time", DATETIME),
        },
        json_props=frozenset({"properties"}),
        navs={
            "Thing": Nav("Thing", "Thing", False, "datastreams", "thing", "thing_id"),
            "Sensor": Nav("Sensor", "Sensor", False, "datastreams", "sensor", "sensor_id"),
            "ObservedProperty": Nav(
                "ObservedProperty",
                "ObservedProperty",
                False,
                "datastreams",
                "observed_property",
                "observed_property_id",
            ),
            "Observations": Nav("Observations", "Observation", True, "datastream"),
        },
        render=_datastream,
    )
)
_register(
    EntityType(
        name="Observation",
        plural="Observations",
        model=Observation,
        public=_public_observations,
        columns=("id", "phenomenon_time", "result", "result_time", "datastream_id"),
        props={
            "id": ID,
            "phenomenonTime": Prop("phenomenon_time", DATETIME),
            "resultTime": Prop("result_time", DATETIME),
            "result": Prop("result", NUMBER),
        },
        navs={
            "Datastream": Nav(
                "Datastream", "Datastream", False, "observations", "datastream", "datastream_id"
            ),
            "FeatureOfInterest": Nav(
                "FeatureOfInterest",
                "FeatureOfInterest",
                False,
                "datastreams__observations",
                "datastream__feature_of_interest",
            ),
        },
        render=_observation,
        # newest first: what clients of a measuring station want, and index-backed
        default_order=(("phenomenonTime", True),),
    )
)
_register(
    EntityType(
        name="FeatureOfInterest",
        plural="FeaturesOfInterest",
        model=FeatureOfInterest,
        public=_public_features,
        columns=("id", "name", "description", "latitude", "longitude", "properties"),
        props=_common("name", "description"),
        json_props=frozenset({"properties"}),
        navs={
            "Observations": Nav(
                "Observations", "Observation", True, "datastream__feature_of_interest"
            )
        },
        render=_feature,
    )
)

BY_PLURAL: dict[str, EntityType] = {entity.plural: entity for entity in TYPES.values()}
