"""Admin of the Sensorik: things, datastreams and devices of the user's towns
(another town's are absent: 404), region-wide sensor types and observed properties."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blocks.scoping import TownScopedPermissionPolicy
from blocks.wagtail_hooks import TownScopedViewSet

from .models import Datastream, Device, Location, ObservedProperty, Sensor, Thing

for _model in (Thing, Location, Datastream, Device):
    register_permission_policy(_model, TownScopedPermissionPolicy(_model))


class ThingViewSet(TownScopedViewSet):
    model = Thing
    icon = "site"
    menu_label = _("Messstellen")
    list_display = ["name", "site", "public"]
    list_filter = ["site", "public"]
    search_fields = ["name", "description"]


class LocationViewSet(TownScopedViewSet):
    model = Location
    icon = "site"
    menu_label = _("Standorte")
    list_display = ["name", "site", "latitude", "longitude"]
    list_filter = ["site"]


class DatastreamViewSet(TownScopedViewSet):
    model = Datastream
    icon = "view"
    menu_label = _("Datenströme")
    list_display = ["name", "thing", "unit_symbol", "last_value", "last_phenomenon_time"]
    search_fields = ["name"]


class DeviceViewSet(TownScopedViewSet):
    model = Device
    icon = "cogs"
    menu_label = _("Geräte")
    list_display = ["name", "thing", "dev_eui", "last_seen_at", "rejected_count", "last_error"]
    search_fields = ["name", "dev_eui"]


class SensorViewSet(SnippetViewSet):
    model = Sensor
    icon = "cog"
    menu_label = _("Sensortypen (regional)")


class ObservedPropertyViewSet(SnippetViewSet):
    model = ObservedProperty
    icon = "tag"
    menu_label = _("Messgrößen (regional)")


class SensorikGroup(SnippetViewSetGroup):
    items = (
        ThingViewSet,
        DatastreamViewSet,
        DeviceViewSet,
        LocationViewSet,
        SensorViewSet,
        ObservedPropertyViewSet,
    )
    menu_icon = "view"
    menu_label = _("Sensorik")
    menu_name = "sensorik"


register_snippet(SensorikGroup)
