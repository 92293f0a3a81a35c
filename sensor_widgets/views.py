"""Public JSON of the widgets, restricted like the pages: public datastreams of the town
whose address is used (on the regional address: of every town).

- ``GET /sensorik/werte/?ds=1,2,3`` – the latest values (the polling fallback of
  ``live.js``): a list of ``live.message(...)`` with status and texts;
- ``GET /sensorik/verlauf/<id>/?range=24h|7d|1y`` – a chart's series from the aggregates;
- ``GET /sensorik/warnungen/?ds=1,2`` – the alert banner's HTML (empty without alerts).

Bad parameters answer 400, datastreams the page may not show 404 – never 500.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from . import display
from .blocks import alert_items


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _streams(request: HttpRequest) -> list | JsonResponse:
    ids = display.parse_ids(request.GET.get("ds"))
    if ids is None:
        return _error(
            _(
                "Bitte im Parameter „ds“ 1 bis %(max)s Nummern von Datenströmen angeben, "
                "durch Kommas getrennt."
            )
            % {"max": display.MAX_LIVE_IDS},
            400,
        )
    known, site_id = display.site_scope_of_host(request.get_host())
    streams = display.pick(ids, site_id) if known else []
    if len(streams) != len(ids):
        return _error(_("Datenstrom nicht gefunden."), 404)
    return streams


@require_GET
@never_cache
def values(request: HttpRequest) -> JsonResponse:
    streams = _streams(request)
    if isinstance(streams, JsonResponse):
        return streams
    now = timezone.now()
    return JsonResponse([display.as_json(stream, now) for stream in streams], safe=False)


@require_GET
@cache_control(max_age=60)
def chart(request: HttpRequest, datastream_id: int) -> JsonResponse:
    key = request.GET.get("range", "24h")
    if key not in display.RANGES:
        return _error(_("Zeitraum „range“ muss 24h, 7d oder 1y sein."), 400)
    known, site_id = display.site_scope_of_host(request.get_host())
    streams = display.pick([datastream_id], site_id) if known and datastream_id < 2**53 else []
    if not streams:
        return _error(_("Datenstrom nicht gefunden."), 404)
    return JsonResponse(display.chart_json(streams[0], key))


@require_GET
@never_cache
def alerts(request: HttpRequest) -> HttpResponse:
    streams = _streams(request)
    if isinstance(streams, JsonResponse):
        return streams
    items = alert_items([stream for stream in streams if stream.has_thresholds])
    html = render_to_string(
        "sensor_widgets/blocks/_alert_list.html", {"alerts": items}, request=request
    )
    return HttpResponse(html, content_type="text/html; charset=utf-8")
