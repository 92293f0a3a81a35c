"""The SensorThings API v1.1 views: one entry point for every path below ``/sta/v1.1/``.

Read-only for the public (GET, with open CORS); POST of observations goes to the intake's
SensorThings views (device token required); every other method is a 405. Errors are JSON
``{"code": …, "type": "error", "message": …}`` – never a 500 for anything a client sends.
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import paths, query
from .entities import BY_PLURAL
from .errors import StaError
from .options import KNOWN, parse
from .render import collection_json, data_array_json, entity_json, self_link

logger = logging.getLogger(__name__)

CONFORMANCE = [
    "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
    "http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array",
]
MQTT_CONFORMANCE = (
    "http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates"
)
_DATASTREAM_OBSERVATIONS = re.compile(r"^Datastreams\((?:'?)(\d{1,18})(?:'?)\)/Observations/?$")
READ_METHODS = "GET, HEAD, OPTIONS"


def _json(data: object, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        json_dumps_params={"ensure_ascii": False},
        content_type="application/json; charset=utf-8",
    )


def _error(error: StaError) -> JsonResponse:
    response = _json(error.as_json(), error.status)
    if error.status == 405:
        response["Allow"] = READ_METHODS
    return response


def mqtt_endpoint() -> str | None:
    """The broker address clients may subscribe at (never with the worker's password)."""
    configured = getattr(settings, "SENSOR_STA_MQTT_ENDPOINT", None)
    if configured:
        return configured
    url = getattr(settings, "MQTT_URL", None)
    if not url or not getattr(settings, "SENSOR_STA_MQTT", False):
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, "", "", ""))


def root_document(base_url: str) -> dict:
    conformance = list(CONFORMANCE)
    settings_doc: dict = {"conformance": conformance}
    endpoint = mqtt_endpoint()
    if endpoint:
        conformance.append(MQTT_CONFORMANCE)
        settings_doc[MQTT_CONFORMANCE] = {"endpoints": [endpoint]}
    return {
        "value": [
            {"name": entity.plural, "url": f"{base_url}{entity.plural}"}
            for entity in BY_PLURAL.values()
        ],
        "serverSettings": settings_doc,
    }


def _base_url(request: HttpRequest, path: str) -> str:
    root = request.path[: len(request.path) - len(path)] if path else request.path
    if not root.endswith("/"):
        root += "/"
    return request.build_absolute_uri(root)


def _params(request: HttpRequest) -> dict[str, str]:
    params = {}
    for key in request.GET:
        if key.startswith("$"):
            params[key] = request.GET.get(key, "")
        elif key.startswith("%24"):
            raise StaError(400, _("Abfrageoption doppelt kodiert: %(key)s") % {"key": key[:40]})
    return params


def read(request: HttpRequest, path: str) -> HttpResponse:
    base_url = _base_url(request, path)
    if not path.strip("/"):
        return _json(root_document(base_url))
    resource = paths.resolve(path)
    ctx = query.Context(base_url)
    entity = resource.entity
    if resource.kind == paths.PROPERTY:
        _no_options(request)
        value = entity.render(resource.row, ctx)[resource.property]
        return _json({resource.property: value})
    if resource.kind == paths.VALUE:
        _no_options(request)
        value = entity.render(resource.row, ctx)[resource.property]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return HttpResponse("" if value is None else text, content_type="text/plain; charset=utf-8")
    params = _params(request)
    if resource.kind == paths.REF:
        for name in params:
            if name in ("$expand", "$select"):
                raise StaError(400, _("$ref erlaubt kein %(name)s.") % {"name": name})
    options = parse(entity, params)
    if resource.kind == paths.ENTITY:
        row = resource.row
        ctx.seen(entity, [row])
        query.expand(entity, [row], options, ctx)
        return _json(entity_json(entity, row, options, ctx))
    page = query.collection(resource.queryset, options, ctx)
    if resource.kind == paths.REF:
        refs = [{"@iot.selfLink": self_link(entity, row["id"], ctx)} for row in page.rows]
        data: dict = {"value": refs}
        if page.count is not None:
            data = {"@iot.count": page.count, **data}
        if page.more:
            following = options.query_string(skip=options.skip + options.top)
            data["@iot.nextLink"] = f"{base_url}{resource.url}/$ref?{following}"
        return _json(data)
    if options.data_array:
        return _json(data_array_json(page, options, ctx, f"{base_url}{resource.url}"))
    return _json(collection_json(page, options, ctx, f"{base_url}{resource.url}"))


def _no_options(request: HttpRequest) -> None:
    for key in request.GET:
        if key in KNOWN:
            raise StaError(400, _("Eine einzelne Eigenschaft kennt keine Abfrageoptionen."))


def write(request: HttpRequest, path: str) -> HttpResponse:
    """POST of observations (the intake's SensorThings views); all else is read-only."""
    from ..intake import http as intake_http

    clean = path.rstrip("/")
    if clean == "Observations":
        return intake_http.sta_create_observation(request)
    if clean == "CreateObservations":
        return intake_http.sta_create_observations(request)
    match = _DATASTREAM_OBSERVATIONS.match(path)
    if match:
        return intake_http.sta_create_observation_in(request, int(match.group(1)))
    raise StaError(405, _("Die SensorThings-API ist hier nur lesbar (außer neuen Messwerten)."))


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "Location"
    return response


@csrf_exempt  # nosemgrep: csrf-exempt – SensorThings clients send a token, no cookies
def endpoint(request: HttpRequest, path: str = "") -> HttpResponse:
    try:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = f"{READ_METHODS}, POST"
            response["Access-Control-Allow-Methods"] = READ_METHODS
            response["Access-Control-Allow-Headers"] = "Content-Type, Accept"
            response["Access-Control-Max-Age"] = "86400"
            return _cors(response)
        if request.method == "POST":
            return write(request, path)
        if request.method not in ("GET", "HEAD"):
            raise StaError(405, _("Die SensorThings-API ist hier nur lesbar."))
        try:
            with transaction.atomic():  # a statement the database rejects rolls back alone
                response = read(request, path)
        except (DatabaseError, RecursionError) as error:
            logger.warning("STA query not executable (%s): %s", request.path, error)
            raise StaError(400, _("Diese Abfrage lässt sich nicht ausführen.")) from None
        return _cors(response)
    except StaError as error:
        response = _error(error)
        return _cors(response) if request.method != "POST" else response
