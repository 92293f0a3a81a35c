"""Admin of the Sensorik: things, datastreams and devices of the user's towns
(another town's are absent: 404), region-wide sensor types and observed properties,
the towns' alerts and the rejected deliveries.

Who sees which town: :func:`sensor_widgets.roles.sensor_site_ids` – the towns whose pages
a user edits plus those whose sensor staff ("Sensorik <Stadt>") they are. Forms offer
only those towns, their things and locations; a posted id of another town's object is
refused like any invalid choice.
"""

from __future__ import annotations

from django import forms
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blocks.scoping import TownScopedPermissionPolicy
from blocks.wagtail_hooks import TownScopedViewSet, scoped_view

from . import roles
from .admin_views import (
    TOKEN_URL_NAME,
    AlertsViewSet,
    DeviceTokenView,
    ProblemsViewSet,
    decoder_choices,
)
from .models import (
    Datastream,
    Device,
    FeatureOfInterest,
    Location,
    Observation,
    ObservationAggregate,
    ObservedProperty,
    Sensor,
    Thing,
)


class SensorPermissionPolicy(TownScopedPermissionPolicy):
    """Model permissions, narrowed to the towns of :func:`roles.sensor_site_ids`."""

    def _in_scope(self, user, instance, actions) -> bool:
        return roles.in_scope(user, getattr(instance, "site_id", None))

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super(TownScopedPermissionPolicy, self).instances_user_has_any_permission_for(
            user, actions
        )
        return roles.scoped(queryset, user)


for _model in (Thing, Location, Datastream, Device):
    register_permission_policy(_model, SensorPermissionPolicy(_model))


# --- forms: only the user's towns, their things and locations --------------------------


class SensorForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "site" in self.fields:
            sites = roles.scoped_sites(user)
            self.fields["site"].queryset = sites
            if not self.instance.pk and sites.count() == 1:
                self.fields["site"].initial = sites.first().pk
        if "thing" in self.fields:
            self.fields["thing"].queryset = roles.scoped(Thing.objects.all(), user)


class ThingForm(SensorForm):
    new_location_name = forms.CharField(
        label=_("Neuer Standort: Name"),
        required=False,
        max_length=200,
        help_text=_("Nur ausfüllen, wenn der Standort oben noch nicht zur Wahl steht."),
    )
    new_location_latitude = forms.FloatField(
        label=_("Breitengrad"), required=False, min_value=-90, max_value=90
    )
    new_location_longitude = forms.FloatField(
        label=_("Längengrad"), required=False, min_value=-180, max_value=180
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locations" in self.fields:
            self.fields["locations"].queryset = roles.scoped(
                Location.objects.select_related("site"), self.for_user
            )
            self.fields["locations"].widget = forms.CheckboxSelectMultiple()
            self.fields["locations"].help_text = _(
                "Nur Standorte der Stadt der Messstelle. Ein Wechsel wird im Standortverlauf "
                "festgehalten."
            )

    def clean(self):
        data = super().clean()
        site = data.get("site")
        foreign = [loc for loc in data.get("locations") or [] if site and loc.site_id != site.pk]
        if foreign:
            self.add_error(
                "locations",
                _("Diese Standorte gehören zu einer anderen Stadt: %(names)s")
                % {"names": ", ".join(str(loc) for loc in foreign)},
            )
        name = data.get("new_location_name")
        latitude, longitude = data.get("new_location_latitude"), data.get("new_location_longitude")
        if name and (latitude is None or longitude is None):
            self.add_error(
                "new_location_latitude",
                _("Für einen neuen Standort bitte Breiten- und Längengrad angeben."),
            )
        elif not name and (latitude is not None or longitude is not None):
            self.add_error("new_location_name", _("Bitte den neuen Standort benennen."))
        return data

    def save(self, commit=True):
        thing = super().save(commit=commit)
        name = self.cleaned_data.get("new_location_name")
        if name and commit:
            location = Location.objects.create(
                site=thing.site,
                name=name,
                latitude=self.cleaned_data["new_location_latitude"],
                longitude=self.cleaned_data["new_location_longitude"],
            )
            thing.locations.add(location)
        return thing


class DatastreamForm(SensorForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "feature_of_interest" in self.fields:
            # region-wide objects without a town: offer those of the user's streams
            streams = roles.scoped(Datastream.objects.all(), self.for_user)
            self.fields["feature_of_interest"].queryset = FeatureOfInterest.objects.filter(
                pk__in=streams.values("feature_of_interest")
            )
            self.fields["feature_of_interest"].help_text = _(
                "Leer lassen: wird aus dem ersten Standort der Messstelle gebildet."
            )


class DeviceForm(SensorForm):
    decoder = forms.ChoiceField(label=_("Decoder"), choices=decoder_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decoder"].help_text = _(
            "Wandelt die Nutzdaten des Geräts in Messwerte um (für LoRaWAN-Geräte, deren "
            "Netzwerkserver nicht selbst dekodiert)."
        )

    def clean_dev_eui(self):
        """``70:b3:d5:7e:d0:05:a1:b2`` as the network server shows it → ``70B3D57ED005A1B2``."""
        value = self.cleaned_data.get("dev_eui") or ""
        return "".join(c for c in value.upper() if c not in ": -") or None


# --- chooser and viewsets -------------------------------------------------------------


class SensorChooseMixin:
    def get_object_list(self):
        return roles.scoped(super().get_object_list(), self.request.user)


class SensorChooseView(SensorChooseMixin, ChooseView):
    pass


class SensorChooseResultsView(SensorChooseMixin, ChooseResultsView):
    pass


class SensorChooserViewSet(SnippetChooserViewSet):
    choose_view_class = SensorChooseView
    choose_results_view_class = SensorChooseResultsView


class SensorScopedViewSet(TownScopedViewSet):
    """The shared town-scoped viewset, with the sensor staff's towns
    (:func:`roles.sensor_site_ids`) in list and chooser."""

    chooser_viewset_class = SensorChooserViewSet
    town = "site"

    def get_queryset(self, request):
        return roles.scoped(self.model._default_manager.select_related(self.town), request.user)


def _when(value) -> str:
    return date_format(value, "SHORT_DATETIME_FORMAT") if value else "–"


class ThingViewSet(SensorScopedViewSet):
    model = Thing
    icon = "site"
    menu_label = _("Messstellen")
    list_display = ["name", "site", "public"]
    list_filter = ["site", "public"]
    search_fields = ["name", "description"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("site"), FieldPanel("name"), FieldPanel("description")],
                heading=_("Messstelle"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("locations"),
                    FieldPanel("new_location_name"),
                    FieldRowPanel(
                        [FieldPanel("new_location_latitude"), FieldPanel("new_location_longitude")]
                    ),
                ],
                heading=_("Standort"),
            ),
            FieldPanel("public"),
            FieldPanel("properties"),
        ],
        base_form_class=ThingForm,
    )


class LocationViewSet(SensorScopedViewSet):
    model = Location
    icon = "site"
    menu_label = _("Standorte")
    list_display = ["name", "site", "latitude", "longitude"]
    list_filter = ["site"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("name"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldPanel("properties"),
        ],
        base_form_class=SensorForm,
    )


class DatastreamDeleteView(scoped_view(snippet_views.DeleteView)):
    """Deleting a datastream deletes its stored values: the confirmation says how many."""

    @property
    def confirmation_message(self):
        count = Observation.objects.filter(datastream=self.object).count()
        days = ObservationAggregate.objects.filter(datastream=self.object, period="day").count()
        if not count and not days:
            return _("Diesen Datenstrom löschen? Es sind keine Messwerte gespeichert.")
        return ngettext(
            "Mit dem Datenstrom „%(name)s“ werden %(count)s gespeicherter Messwert und der "
            "Verlauf über %(days)s Tage endgültig gelöscht. Seiten, die ihn zeigen, lassen "
            "ihn dann aus. Wirklich löschen?",
            "Mit dem Datenstrom „%(name)s“ werden %(count)s gespeicherte Messwerte und der "
            "Verlauf über %(days)s Tage endgültig gelöscht. Seiten, die ihn zeigen, lassen "
            "ihn dann aus. Wirklich löschen?",
            count,
        ) % {"name": self.object.name, "count": f"{count:n}", "days": days}


class DatastreamViewSet(SensorScopedViewSet):
    model = Datastream
    icon = "view"
    menu_label = _("Datenströme")
    town = "thing__site"
    delete_view_class = DatastreamDeleteView
    list_display = [
        "name",
        "thing",
        Column("latest", label=_("letzter Wert"), accessor=lambda ds: _latest(ds)),
        Column("time", label=_("gemessen"), accessor=lambda ds: _when(ds.last_phenomenon_time)),
    ]
    list_filter = ["thing__site", "public"]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("thing"),
                    FieldPanel("name"),
                    FieldPanel("description"),
                    FieldPanel("sensor"),
                    FieldPanel("observed_property"),
                    FieldPanel("feature_of_interest"),
                    FieldPanel("key"),
                    FieldRowPanel([FieldPanel("unit_name"), FieldPanel("unit_symbol")]),
                    FieldPanel("unit_definition"),
                ],
                heading=_("Messung"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("physical_min"), FieldPanel("physical_max")]),
                    FieldRowPanel([FieldPanel("decimals"), FieldPanel("stale_after_minutes")]),
                ],
                heading=_("Gültiger Bereich"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("direction"),
                    FieldRowPanel([FieldPanel("warning_level"), FieldPanel("alarm_level")]),
                    FieldPanel("alert_title"),
                    FieldPanel("alert_text"),
                ],
                heading=_("Warnung"),
            ),
            FieldPanel("public"),
            HelpPanel(
                heading=_("Zuletzt empfangen"),
                template="sensor_widgets/admin/intake_state_panel.html",
            ),
        ],
        base_form_class=DatastreamForm,
    )


def _latest(stream: Datastream) -> str:
    if stream.last_value is None:
        return "–"
    return f"{stream.last_value:.{stream.decimals}f} {stream.unit_symbol}".replace(".", ",")


class DeviceViewSet(SensorScopedViewSet):
    model = Device
    icon = "cogs"
    menu_label = _("Geräte")
    town = "thing__site"
    list_display = [
        "name",
        "thing",
        "dev_eui",
        Column("seen", label=_("zuletzt gemeldet"), accessor=lambda d: _when(d.last_seen_at)),
        Column("accepted", label=_("angenommen"), accessor=lambda d: f"{d.accepted_count:n}"),
        Column("rejected", label=_("abgewiesen"), accessor=lambda d: f"{d.rejected_count:n}"),
        Column("error", label=_("letzter Fehler"), accessor=lambda d: _error(d)),
    ]
    list_filter = ["thing__site", "enabled", "decoder"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("token/<int:pk>/", DeviceTokenView.as_view(), name="token"),
        ]

    search_fields = ["name", "dev_eui"]
    edit_handler = ObjectList(
        [
            FieldPanel("thing"),
            FieldPanel("name"),
            FieldPanel("dev_eui"),
            FieldPanel("decoder"),
            FieldPanel("enabled"),
            HelpPanel(
                heading=_("Zugang und Zähler"),
                template="sensor_widgets/admin/device_state_panel.html",
            ),
        ],
        base_form_class=DeviceForm,
    )


def _error(device: Device) -> str:
    if not device.last_error:
        return "–"
    text = device.last_error if len(device.last_error) <= 80 else device.last_error[:79] + "…"
    return f"{text} ({_when(device.last_error_at)})"


@hooks.register("register_snippet_listing_buttons")
def token_button(snippet, user, next_url=None):
    if isinstance(snippet, Device) and roles.may_manage(user, snippet):
        yield ListingButton(
            _("Neues Token erzeugen"),
            reverse(TOKEN_URL_NAME, args=[snippet.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_token_log_action(actions):
    actions.register_action(
        "sensor_widgets.new_token", _("Neues Token erzeugt"), _("Neues Token erzeugt")
    )


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
        AlertsViewSet,
        ProblemsViewSet,
        SensorViewSet,
        ObservedPropertyViewSet,
    )
    menu_icon = "view"
    menu_label = _("Sensorik")
    menu_name = "sensorik"


register_snippet(SensorikGroup)
