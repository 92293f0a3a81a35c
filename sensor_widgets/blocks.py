"""Blocks for content pages: value tiles, a line chart, a sensor map, a table and the
threshold alert banner.

Every block shows only public datastreams of the page's town (on the regional site: of
every town) – an id of another town, a deleted or non-public datastream is left out
(the editor's preview says so). Everything is rendered on the server and readable
without JavaScript; ``live.js`` then keeps the values current over one WebSocket per
page (polling when the socket is unavailable). The composition root
(``portal.pages.streams``) adds the blocks to the page streams.
"""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from blocks.embeds import osm_links
from blocks.prefetch import PrefetchedSnippetChooserBlock

from . import display
from .models import Location, Status, Thing

DATASTREAM = "sensor_widgets.Datastream"


class DatastreamChooserBlock(PrefetchedSnippetChooserBlock):
    """Chooses a datastream; also takes a bare id (as the demo seed writes them)."""

    def __init__(self, **kwargs):
        super().__init__(DATASTREAM, **kwargs)

    def get_prep_value(self, value):
        if isinstance(value, int):
            return value
        return super().get_prep_value(value)

    def deconstruct(self):
        path, _args, kwargs = super().deconstruct()
        return path, (), kwargs


def _request(parent_context: dict | None):
    return (parent_context or {}).get("request")


def _scope(parent_context: dict | None) -> int | None:
    """The site whose datastreams the page may show; None on the regional site (all)."""
    page = (parent_context or {}).get("page")
    if page is None or not getattr(page, "path", None):
        return None
    site = page.get_site()
    if site is None:
        return None
    request = _request(parent_context)
    memo = getattr(request, "_sensor_scope", None) if request is not None else None
    if memo is not None and site.pk in memo:
        return memo[site.pk]
    from portal.core.models import TownSettings

    town = TownSettings.objects.filter(site=site).only("is_region").first()
    scope = None if town is not None and town.is_region else site.pk
    if request is not None:
        with contextlib.suppress(AttributeError):
            request._sensor_scope = {**(memo or {}), site.pk: scope}
    return scope


def _once(parent_context: dict | None, name: str) -> bool:
    """True the first time a page asks for ``name`` (scripts and styles go out once)."""
    request = _request(parent_context)
    if request is None:
        return True
    done = getattr(request, "_sensor_assets", None)
    if done is None:
        done = set()
        try:
            request._sensor_assets = done
        except AttributeError:
            return True
    if name in done:
        return False
    done.add(name)
    return True


def live_config() -> dict:
    """What ``live.js`` needs: addresses, the polling interval and the words it shows."""
    return {
        "socket": "/ws/sensorik/",
        "poll": reverse("sensor_widgets:values"),
        "chart": reverse("sensor_widgets:chart", args=[0]).replace("/0/", "/{id}/"),
        "alerts": reverse("sensor_widgets:alerts"),
        "pollSeconds": max(5, int(getattr(settings, "SENSOR_POLL_SECONDS", 30))),
        "status": {choice.value: str(choice.label) for choice in Status},
        "words": {
            "justNow": gettext("gerade eben"),
            "noValue": gettext("kein Wert"),
            "timeFormat": gettext("%(date)s, %(time)s Uhr"),
            "changed": gettext("%(name)s: %(status)s, %(value)s"),
            "noData": gettext("Für diesen Zeitraum liegen noch keine Werte vor."),
            "warning": str(Status.WARNING.label),
            "alarm": str(Status.ALARM.label),
            "mean": gettext("Mittelwert"),
            "range": gettext("Bereich"),
        },
    }


def _ids(items) -> list[int]:
    """The chosen datastreams' ids (a deleted one is None and skipped)."""
    ids = []
    for item in items or []:
        pk = getattr(item, "pk", item)
        if isinstance(pk, int) or (isinstance(pk, str) and pk.isdigit()):
            ids.append(int(pk))
    return ids


def _is_preview(parent_context: dict | None) -> bool:
    return bool(getattr(_request(parent_context), "is_preview", False))


# A page cache in front (the portal's, a reverse proxy) keeps a page with live values at
# most this long: the widget's script replaces them at once, but without script the
# values shown must stay fresh. Blocks tell it through ``request.page_cache_seconds``.
LIVE_PAGE_CACHE_SECONDS = 60


def keep_page_briefly(parent_context) -> None:
    request = (parent_context or {}).get("request")
    if request is None:
        return
    current = getattr(request, "page_cache_seconds", None)
    request.page_cache_seconds = min(current or LIVE_PAGE_CACHE_SECONDS, LIVE_PAGE_CACHE_SECONDS)


class SensorBlock(blocks.StructBlock):
    """Common context: the visible datastreams with their current values."""

    town_wide = False  # an empty selection means "all datastreams of the town"

    def streams(self, value, parent_context) -> tuple[list, int]:
        """(visible datastreams, how many chosen ones are left out)."""
        site_id = _scope(parent_context)
        chosen = _ids(value.get("datastreams"))
        if not chosen and self.town_wide:
            return list(self.town_streams(site_id)[: display.TOWN_LIMIT]), 0
        raw_count = len(value.get("datastreams") or [])
        streams = display.pick(chosen, site_id)
        return streams, max(0, raw_count - len(streams))

    def town_streams(self, site_id):
        return display.visible(site_id).order_by("thing__name", "name")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        keep_page_briefly(parent_context)
        streams, hidden = self.streams(value, parent_context)
        now = timezone.now()
        context.update(
            {
                "items": [display.current(stream, now) for stream in streams],
                "hidden_count": hidden if _is_preview(parent_context) else 0,
                "live_ids": ",".join(str(s.pk) for s in streams[: display.MAX_LIVE_IDS]),
                "with_live_script": _once(parent_context, "live"),
                "live_config": live_config(),
                "regional": _scope(parent_context) is None,
            }
        )
        return context


def _datastreams(help_text=None, required=True) -> blocks.ListBlock:
    return blocks.ListBlock(
        DatastreamChooserBlock(label=_("Datenstrom")),
        label=_("Datenströme"),
        min_num=1 if required else 0,
        max_num=display.MAX_LIVE_IDS,
        help_text=help_text,
        default=[],
    )


def _sample_ids(count: int) -> list[int]:
    """Datastreams with values for the block previews in the editor's block chooser."""
    streams = display.visible(None).filter(last_value__isnull=False).order_by("pk")
    return list(streams.values_list("pk", flat=True)[:count])


class SensorValuesBlock(SensorBlock):
    title = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, required=False, default=_("Aktuelle Messwerte")
    )
    datastreams = _datastreams()

    class Meta:
        icon = "view"
        label = _("Messwerte (Kacheln)")
        template = "sensor_widgets/blocks/values.html"
        description = _(
            "Der aktuelle Wert von Datenströmen mit Einheit, Zeitpunkt und Status – "
            "wird live aktualisiert."
        )
        preview_value = {"title": _("Aktuelle Messwerte"), "datastreams": []}

    def get_preview_value(self):
        return self.to_python({"title": _("Aktuelle Messwerte"), "datastreams": _sample_ids(3)})


class SensorTableBlock(SensorBlock):
    town_wide = True
    title = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, required=False, default=_("Messwerte")
    )
    datastreams = _datastreams(
        help_text=_("Leer lassen, um alle öffentlichen Datenströme der Stadt zu zeigen."),
        required=False,
    )

    class Meta:
        icon = "table"
        label = _("Messwerte (Tabelle)")
        template = "sensor_widgets/blocks/table.html"
        description = _("Eine Tabelle mit Wert, Einheit, Status und Zeitpunkt je Datenstrom.")
        preview_value = {"title": _("Messwerte"), "datastreams": []}


class SensorMapBlock(SensorBlock):
    town_wide = True
    title = blocks.CharBlock(
        label=_("Überschrift"), max_length=120, required=False, default=_("Messstellen")
    )
    datastreams = _datastreams(
        help_text=_("Leer lassen, um alle öffentlichen Datenströme der Stadt zu zeigen."),
        required=False,
    )
    description = blocks.TextBlock(
        label=_("Beschreibung"),
        required=False,
        help_text=_("Wo die Messstellen liegen – für alle, die die Karte nicht nutzen können."),
    )

    class Meta:
        icon = "site"
        label = _("Messstellen (Karte)")
        template = "sensor_widgets/blocks/map.html"
        description = _(
            "Liste der Messstellen mit aktuellen Werten; die OpenStreetMap-Karte lädt erst "
            "nach Zustimmung."
        )
        preview_value = {"title": _("Messstellen"), "datastreams": [], "description": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        items = context["items"]
        thing_ids = {item.stream.thing_id for item in items}
        places: dict[int, Location] = {}
        links = Thing.locations.through.objects.filter(thing_id__in=thing_ids)
        for link in links.select_related("location").order_by("location__name"):
            places.setdefault(link.thing_id, link.location)
        points = []
        for item in items:
            place = places.get(item.stream.thing_id)
            item.extra["place"] = place
            if place is not None:
                item.extra.update(osm_links(place.latitude, place.longitude, 17))
                points.append((place.latitude, place.longitude))
        context["embed_url"] = self.embed_url(points)
        return context

    @staticmethod
    def embed_url(points: list[tuple[float, float]]) -> str:
        """OpenStreetMap's embed of the box around ``points`` (loaded only after consent)."""
        if not points:
            return ""
        if len(points) == 1:
            return osm_links(points[0][0], points[0][1], 15)["embed_url"]
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        pad_lat = max((max(lats) - min(lats)) * 0.15, 0.003)
        pad_lon = max((max(lons) - min(lons)) * 0.15, 0.005)
        bbox = (
            f"{min(lons) - pad_lon:.5f},{min(lats) - pad_lat:.5f},"
            f"{max(lons) + pad_lon:.5f},{max(lats) + pad_lat:.5f}"
        )
        return f"https://www.openstreetmap.org/export/embed.html?bbox={bbox}&layer=mapnik"


class SensorAlertsBlock(SensorBlock):
    """Nothing at all while no threshold is passed – so it can stay on a home page."""

    town_wide = True
    datastreams = _datastreams(
        help_text=_(
            "Leer lassen, um alle Datenströme der Stadt mit Schwellenwerten zu beobachten."
        ),
        required=False,
    )

    class Meta:
        icon = "warning"
        label = _("Warnung bei Schwellenwert")
        template = "sensor_widgets/blocks/alerts.html"
        description = _(
            "Ein deutlich markierter Warnhinweis (z. B. Hochwasser-Warnung), sobald ein "
            "Messwert die Warn- oder Alarmstufe erreicht; sonst unsichtbar."
        )
        preview_value = {"datastreams": []}

    def town_streams(self, site_id):
        return (
            super()
            .town_streams(site_id)
            .exclude(warning_level__isnull=True, alarm_level__isnull=True)
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        streams = [item.stream for item in context["items"] if item.stream.has_thresholds]
        context["alerts"] = alert_items(streams)
        context["live_ids"] = ",".join(str(s.pk) for s in streams[: display.MAX_LIVE_IDS])
        return context


def alert_items(streams: list) -> list[dict]:
    """The open alerts of ``streams`` with what the banner says."""
    now = timezone.now()
    result = []
    for alert in display.open_alerts(streams):
        stream = alert.datastream
        result.append(
            {
                "alert": alert,
                "stream": stream,
                "title": stream.alert_title or _("Warnung: %(name)s") % {"name": stream.name},
                "level": alert.level,
                "level_label": alert.get_level_display(),
                "current": display.current(stream, now),
                "since": display.exact_time(alert.started_at),
                "since_iso": alert.started_at.isoformat(),
            }
        )
    return result


class SensorChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120, required=False)
    datastream = DatastreamChooserBlock(label=_("Datenstrom"))
    range = blocks.ChoiceBlock(
        label=_("Zeitraum"),
        choices=[("24h", _("24 Stunden")), ("7d", _("7 Tage")), ("1y", _("1 Jahr"))],
        default="24h",
    )

    class Meta:
        icon = "history"
        label = _("Messwerte (Verlauf)")
        template = "sensor_widgets/blocks/chart.html"
        description = _(
            "Linien-Diagramm eines Datenstroms über 24 Stunden, 7 Tage oder 1 Jahr, "
            "mit Tabelle der Werte."
        )
        preview_value = {"title": _("Verlauf"), "range": "24h"}

    def get_preview_value(self):
        ids = _sample_ids(1)
        return self.to_python(
            {"title": _("Verlauf"), "datastream": ids[0] if ids else None, "range": "24h"}
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        keep_page_briefly(parent_context)
        site_id = _scope(parent_context)
        chosen = _ids([value.get("datastream")])
        streams = display.pick(chosen, site_id)
        stream = streams[0] if streams else None
        key = value.get("range") if value.get("range") in display.RANGES else "24h"
        request = _request(parent_context)
        asked = request.GET.get("sensor_range") if request is not None else None
        if asked in display.RANGES:
            key = asked
        context.update(
            {
                "stream": stream,
                "hidden_count": 1 if stream is None and _is_preview(parent_context) else 0,
                "with_live_script": _once(parent_context, "live"),
                "live_config": live_config(),
                "with_chart_script": _once(parent_context, "chart"),
            }
        )
        if stream is None:
            return context
        anchor = f"sensorverlauf-{stream.pk}"
        if request is not None and not _once(parent_context, anchor):
            anchor = f"{anchor}-{id(value) % 100000}"
        points = display.series(stream, key)
        context.update(
            {
                "anchor": anchor,
                "range": key,
                "range_label": display.range_label(key),
                "ranges": [(k, display.range_label(k)) for k in display.RANGES],
                "current": display.current(stream),
                "chart": display.chart_json(stream, key, points),
                "rows_html": display.table_html(display.table_rows(stream, key, points)),
                "hourly": display.RANGES[key].period == "hour",
                "thresholds": display.threshold_text(stream),
            }
        )
        return context
