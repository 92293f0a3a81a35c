"""Admin views of the Sensorik beyond the snippets: a device's new HTTP token (shown
once), the towns' alert history and the rejected deliveries of unknown senders.

Who sees the rejected deliveries: a delivery from an unknown DevEUI or with a wrong token
belongs to no town – most often it is a sensor a town has just mounted and not yet
entered. So every user with the Sensorik staff permission (change devices) of any town
sees the list, as do superusers; it holds DevEUIs, token beginnings and, for requests
without a token, the sender's IP address, no measured values.
"""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.log_actions import log

from . import roles
from .models import Alert, Datastream, Device, IntakeProblem

TOKEN_URL_NAME = "wagtailsnippets_sensor_widgets_device:token"  # noqa: S105 – a URL name
INTAKE_PATH = "/sensorik/api/v1/observations"
PER_PAGE = 50

#: until ``sensor_widgets.decoders`` exists (area B): the decoders it will provide
FALLBACK_DECODERS = [
    ("json", _("JSON (Werte mit Namen)")),
    ("cayenne_lpp", _("Cayenne LPP")),
    ("dragino_ldds75", _("Dragino LDDS75 (Ultraschall-Abstand)")),
    ("water_level", _("Pegel (Wasserstand in cm)")),
    ("elsys_ers", _("Elsys ERS (Raumklima)")),
    ("parking", _("Parkplatzsensor (belegt/frei)")),
    ("bin_fill", _("Füllstand Abfallbehälter")),
    ("traffic_counter", _("Verkehrszähler")),
]


def decoder_choices() -> list[tuple[str, str]]:
    """The decoders the intake knows (from the registry once it exists)."""
    try:
        from . import decoders
    except ImportError:
        return list(FALLBACK_DECODERS)
    choices = getattr(decoders, "choices", None)
    return list(choices()) if callable(choices) else list(FALLBACK_DECODERS)


class SensorAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "view"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


# --- a new token for a device -----------------------------------------------------------


class DeviceTokenView(SensorAdminView):
    """GET: what a new token means, and a button; POST: issue it and show it once."""

    template_name = "sensor_widgets/admin/device_token.html"
    page_title = _("Neues Token erzeugen")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.device = get_object_or_404(Device.objects.select_related("thing"), pk=kwargs["pk"])
        roles.in_scope(request.user, self.device.thing.site_id)  # another town's: 404
        if not roles.may_manage(request.user, self.device):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.device)

    def post(self, request, *args, **kwargs):
        token = self.device.issue_token()
        log(instance=self.device, action="sensor_widgets.new_token", user=request.user)
        response = self.render_to_response(self.get_context_data(token=token))
        response["Cache-Control"] = "no-store"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keys = list(self.device.thing.datastreams.values_list("key", flat=True)[:3])
        body = {
            "time": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "values": dict.fromkeys(keys or ["wert"], 0),
        }
        context.update(
            device=self.device,
            edit_url=reverse("wagtailsnippets_sensor_widgets_device:edit", args=[self.device.pk]),
            intake_url=self.request.build_absolute_uri(INTAKE_PATH),
            example_body=json.dumps(body, ensure_ascii=False),
        )
        return context


# --- reports ------------------------------------------------------------------------------


class ReportMenuItem(MenuItem):
    allowed = staticmethod(lambda user: False)

    def is_shown(self, request):
        return self.allowed(request.user)


def may_see_alerts(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("sensor_widgets.view_datastream"))


class AlertsView(SensorAdminView):
    """Warnings and alarms of the user's towns, newest first; filter by town and open."""

    template_name = "sensor_widgets/admin/alerts.html"
    page_title = _("Warnungen")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_alerts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def sites(self):
        return list(
            roles.scoped_sites(self.request.user).filter(sensor_things__isnull=False).distinct()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        alerts = Alert.objects.select_related("datastream__thing__site").filter(
            datastream__in=roles.scoped(Datastream.objects.all(), self.request.user)
        )
        chosen = self.request.GET.get("stadt", "")
        if chosen.isdigit() and any(site.pk == int(chosen) for site in self.sites):
            alerts = alerts.filter(datastream__thing__site_id=int(chosen))
        only_open = self.request.GET.get("offen") == "1"
        if only_open:
            alerts = alerts.filter(ended_at__isnull=True)
        page = Paginator(alerts.order_by("-started_at", "-pk"), PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        context.update(page=page, sites=self.sites, chosen=chosen, only_open=only_open)
        return context


class ProblemsView(SensorAdminView):
    """Deliveries the intake could not attribute to a device (read-only)."""

    template_name = "sensor_widgets/admin/problems.html"
    page_title = _("Abgewiesene Lieferungen")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not roles.sees_all_problems(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        problems = IntakeProblem.objects.all()
        source = self.request.GET.get("weg", "")
        if source in IntakeProblem.Source.values:
            problems = problems.filter(source=source)
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            problems = problems.filter(
                Q(identifier__icontains=query) | Q(last_message__icontains=query)
            )
        page = Paginator(problems.order_by("-last_seen_at", "-pk"), PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        devices = roles.scoped(Device.objects.exclude(last_error=""), self.request.user)
        context.update(
            page=page,
            source=source,
            query=query,
            sources=IntakeProblem.Source.choices,
            devices_with_errors=devices.count(),
            devices_url=reverse("wagtailsnippets_sensor_widgets_device:list"),
        )
        return context


class ReportViewSet(ViewSet):
    view_class = None
    allowed = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]

    @cached_property
    def menu_item_class(self):
        return type(
            f"{type(self).__name__}MenuItem",
            (ReportMenuItem,),
            {"allowed": staticmethod(self.allowed)},
        )


class AlertsViewSet(ReportViewSet):
    name = "sensorik-warnungen"
    icon = "warning"
    menu_icon = "warning"
    menu_label = _("Warnungen")
    view_class = AlertsView
    allowed = staticmethod(may_see_alerts)


class ProblemsViewSet(ReportViewSet):
    name = "sensorik-lieferungen"
    icon = "warning"
    menu_icon = "warning"
    menu_label = _("Abgewiesene Lieferungen")
    view_class = ProblemsView
    allowed = staticmethod(roles.sees_all_problems)
