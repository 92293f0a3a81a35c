"""HTTP intake: devices post observations as JSON, with their token.

``POST /sensorik/api/v1/observations`` (view :func:`observations`) takes

    {"observations": [{"datastream": "water_level_cm", "time": "2026-12-03T10:15:00Z",
                       "value": 142}, …]}                   # key or id of the datastream
    {"datastream": 7, "time": 1764756900, "value": 142}      # one observation
    {"time": "2026-12-03T10:15:00Z", "values": {"water_level_cm": 142, "temperature_c": 7.5}}

(items of the list may also have the ``values`` form). Only the datastreams of the
device's Thing can be written. Every value is checked on its own: the valid ones are
stored in one transaction, the others are listed in the answer –

    200 {"accepted": 998, "duplicates": 0, "rejected": [{"index": 3, "error": "…"}]}

– and when none was valid the same answer comes with status 422. A value already
stored (same datastream and time) counts as duplicate, so a device may simply send a
batch again after a timeout. 400 (unreadable JSON, wrong shape), 401 (token), 413 (too
big), 415 (not JSON), 429 (too many requests): nothing is stored.

The SensorThings write side (``sta_create_observation``, ``sta_create_observation_in``,
``sta_create_observations``) is routed by ``sensor_widgets.sta``; it answers in the
form of the standard and of FROST-Server's errors.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, JsonResponse, UnreadablePostError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..models import Datastream, Device, Observation
from .auth import Refused, authenticate, storable
from .readings import Reading, ReadingError, check
from .storage import StoreResult, store

logger = logging.getLogger(__name__)
MAX_BYTES = 16 * 1024 * 1024
STA_VERSION = "/v1.1/"


class BadRequest(Exception):
    """The whole request is refused: ``status`` and a German ``message``."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# --- reading a request ------------------------------------------------------------------


def max_bytes() -> int:
    return getattr(settings, "SENSOR_HTTP_MAX_BYTES", MAX_BYTES)


def batch_max() -> int:
    return settings.SENSOR_BATCH_MAX


def _too_big() -> BadRequest:
    return BadRequest(
        413,
        _("Die Anfrage ist zu groß (höchstens %(mb)s MB). Bitte in kleineren Teilen senden.")
        % {"mb": max_bytes() // (1024 * 1024)},
    )


def _too_many(count: int) -> BadRequest:
    return BadRequest(
        413,
        _("Zu viele Messwerte in einer Anfrage: %(count)s (höchstens %(max)s). Bitte aufteilen.")
        % {"count": count, "max": batch_max()},
    )


def read_json(request: HttpRequest, *, json_type_only: bool = True) -> object:
    """The request's JSON body – or :class:`BadRequest` (400, 413, 415)."""
    content_type = request.content_type or ""
    if json_type_only and not (
        content_type == "application/json" or content_type.endswith("+json")
    ):
        raise BadRequest(
            415, _("Bitte als JSON senden (Kopfzeile „Content-Type: application/json“).")
        )
    limit = max_bytes()
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        raise _too_big()
    try:  # not request.body: its limit (DATA_UPLOAD_MAX_MEMORY_SIZE) is made for forms
        body = request.read(limit + 1)
    except UnreadablePostError:
        raise BadRequest(400, _("Die Anfrage kam nicht vollständig an.")) from None
    if len(body) > limit:
        raise _too_big()
    if not body.strip():
        raise BadRequest(400, _("Die Anfrage enthält keine Daten."))
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, UnicodeDecodeError
        raise BadRequest(
            400, _("Kein gültiges JSON: %(error)s") % {"error": str(error)[:120]}
        ) from None


def _as_id(value: object) -> int | None:
    """A datastream id given as number or as digits; None if it is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def _short(value: object) -> str:
    return str(value)[:40]


class Streams:
    """The datastreams of a device's Thing, by key and by id."""

    def __init__(self, device: Device):
        self.thing = device.thing
        self.by_id: dict[int, Datastream] = {}
        self.by_key: dict[str, Datastream] = {}
        for stream in Datastream.objects.filter(thing_id=device.thing_id):
            self.by_id[stream.pk] = stream
            self.by_key[stream.key] = stream

    def _not_ours(self, value: object) -> ReadingError:
        return ReadingError(
            _("Datenstrom %(id)s gehört nicht zu diesem Gerät.") % {"id": _short(value)}
        )

    def by_reference(self, value: object) -> Datastream:
        """The stream of a key (``"water_level_cm"``) or id (``7``, ``"7"``)."""
        if value is None or value == "":
            raise ReadingError(
                _("Datenstrom fehlt („datastream“: Schlüssel oder Nummer des Datenstroms).")
            )
        number = _as_id(value)
        if number is not None:
            if number not in self.by_id:
                raise self._not_ours(value)
            return self.by_id[number]
        if isinstance(value, str):
            return self.by_name(value)
        raise ReadingError(_("Datenstrom nicht lesbar: %(value)s") % {"value": _short(value)})

    def by_name(self, key: str) -> Datastream:
        stream = self.by_key.get(key)
        if stream is None:
            raise ReadingError(
                _("Unbekannter Datenstrom „%(key)s“ an „%(thing)s“ (bekannt: %(keys)s).")
                % {
                    "key": _short(key),
                    "thing": self.thing.name,
                    "keys": ", ".join(sorted(self.by_key)[:20]) or "–",
                }
            )
        return stream


def checked(stream: Datastream, time: object, value: object, **kwargs) -> Reading:
    """:func:`check`, with numbers too big for a float refused as well."""
    try:
        return check(stream, time, value, **kwargs)
    except OverflowError:
        raise ReadingError(_("Messwert ist keine endliche Zahl.")) from None


def _store(readings: list[Reading], *, want_ids: bool = False) -> StoreResult:
    try:
        return store(readings, want_ids=want_ids)
    except DatabaseError:
        logger.exception("sensor intake: %s readings not stored", len(readings))
        raise BadRequest(
            503, _("Die Messwerte konnten gerade nicht gespeichert werden. Bitte erneut senden.")
        ) from None


def _count(device: Device, accepted: int | None, rejected: list[tuple[int, str]], total: int):
    if accepted is not None:
        device.count_accepted(accepted)
    if rejected:
        index, error = rejected[0]
        message = _(
            "%(count)s von %(total)s Messwerten abgewiesen. Erster Fehler (Eintrag %(index)s): "
            "%(error)s"
        ) % {"count": len(rejected), "total": total, "index": index, "error": error}
        device.count_rejected(storable(message), len(rejected))


# --- our own JSON endpoint ----------------------------------------------------------------


def _json(data: dict | list, status: int = 200) -> JsonResponse:
    # ASCII escapes: a lone surrogate that a client sent comes back readable, not as a 500
    return JsonResponse(data, status=status, safe=False)


def _error(status: int, message: str, retry_after: int | None = None) -> JsonResponse:
    response = _json({"error": message}, status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    if status == 405:
        response["Allow"] = "POST"
    return response


def _items(payload: object) -> list:
    if isinstance(payload, list):
        return payload
    if isinstance(payload, dict):
        if "observations" in payload:
            if not isinstance(payload["observations"], list):
                raise BadRequest(400, _("„observations“ muss eine Liste sein."))
            return payload["observations"]
        if "values" in payload or "datastream" in payload:
            return [payload]
    raise BadRequest(
        400,
        _(
            'Unerwartetes Format. Erwartet wird {"observations": [{"datastream": …, '
            '"time": …, "value": …}]} oder {"time": …, "values": {"<Schlüssel>": …}}.'
        ),
    )


def _size(item: object) -> int:
    if isinstance(item, dict) and isinstance(item.get("values"), dict):
        return max(1, len(item["values"]))
    return 1


def _readings_of(items: list, streams: Streams) -> tuple[list[Reading], list[dict]]:
    now = timezone.now()
    readings: list[Reading] = []
    rejected: list[dict] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            rejected.append({"index": index, "error": _("Eintrag ist kein JSON-Objekt.")})
            continue
        if "values" in item:
            values = item["values"]
            if not isinstance(values, dict) or not values:
                rejected.append(
                    {
                        "index": index,
                        "error": _("„values“ muss ein Objekt aus Schlüsseln und Messwerten sein."),
                    }
                )
                continue
            for key, value in values.items():
                try:
                    readings.append(checked(streams.by_name(key), item.get("time"), value, now=now))
                except ReadingError as error:
                    rejected.append({"index": index, "datastream": key, "error": str(error)})
            continue
        try:
            stream = streams.by_reference(item.get("datastream"))
            readings.append(checked(stream, item.get("time"), item.get("value"), now=now))
        except ReadingError as error:
            rejected.append({"index": index, "error": str(error)})
    return readings, rejected


@csrf_exempt  # nosemgrep: csrf-exempt – devices send a token, no cookies
def observations(request: HttpRequest) -> JsonResponse:
    """``POST /sensorik/api/v1/observations``: see the module's description."""
    if request.method != "POST":
        return _error(405, _("Bitte Messwerte mit POST senden."))
    try:
        device = authenticate(request)
    except Refused as refused:
        return _error(refused.status, refused.message, refused.retry_after)
    try:
        items = _items(read_json(request))
        total = sum(_size(item) for item in items)
        if not items:
            raise BadRequest(400, _("Die Anfrage enthält keine Messwerte."))
        if total > batch_max():
            raise _too_many(total)
        readings, rejected = _readings_of(items, Streams(device))
        result = _store(readings) if readings else StoreResult()
    except BadRequest as error:
        device.count_rejected(storable(error.message), 1)
        return _error(error.status, error.message)
    _count(
        device,
        len(result.stored) if readings else None,
        [(r["index"], r["error"]) for r in rejected],
        total,
    )
    answer = {"accepted": len(result.stored), "duplicates": result.duplicates, "rejected": rejected}
    if readings:
        return _json(answer)
    return _json({"error": rejected[0]["error"], **answer}, 422)


# --- SensorThings API: POST /Observations, /Datastreams(id)/Observations, /CreateObservations


def _sta_error(status: int, message: str, retry_after: int | None = None) -> JsonResponse:
    response = _json({"code": status, "type": "error", "message": message}, status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    if status == 405:
        response["Allow"] = "POST"
    return response


def sta_root(request: HttpRequest) -> str:
    """``http://host/sta/v1.1/`` – the service root the request was sent under."""
    path = request.path
    at = path.find(STA_VERSION)
    root = path[: at + len(STA_VERSION)] if at >= 0 else "/sta/v1.1/"
    return request.build_absolute_uri(root)


def _iso(time: dt.datetime | None) -> str | None:
    if time is None:
        return None
    return time.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def sta_self_link(request: HttpRequest, observation_id: int) -> str:
    return f"{sta_root(request)}Observations({observation_id})"


def _sta_entity(request: HttpRequest, observation: Observation) -> dict:
    link = sta_self_link(request, observation.pk)
    return {
        "@iot.id": observation.pk,
        "@iot.selfLink": link,
        "phenomenonTime": _iso(observation.phenomenon_time),
        "resultTime": _iso(observation.result_time),
        "result": observation.result,
        "Datastream@iot.navigationLink": f"{link}/Datastream",
    }


def _sta_datastream_ref(entity: dict) -> object:
    reference = entity.get("Datastream")
    if isinstance(reference, dict) and reference.get("@iot.id") not in (None, ""):
        return reference["@iot.id"]
    if "MultiDatastream" in entity:
        raise BadRequest(400, _("MultiDatastreams werden nicht unterstützt."))
    raise BadRequest(400, _('Datastream fehlt: bitte „Datastream“: {"@iot.id": <Nummer>} angeben.'))


def _sta_stream(streams: Streams, reference: object) -> Datastream:
    number = _as_id(reference)
    if number is None:
        raise BadRequest(
            400, _("Datastream-Nummer nicht lesbar: %(value)s") % {"value": _short(reference)}
        )
    try:
        return streams.by_reference(number)
    except ReadingError as error:
        raise BadRequest(400, str(error)) from None


def _sta_device(request: HttpRequest) -> Device | JsonResponse:
    if request.method != "POST":
        return _sta_error(405, _("Bitte Observations mit POST anlegen."))
    try:
        return authenticate(request)
    except Refused as refused:
        return _sta_error(refused.status, refused.message, refused.retry_after)


def _server_time() -> dt.datetime:
    now = timezone.now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def _sta_create(request: HttpRequest, datastream_id: object = None) -> JsonResponse:
    device = _sta_device(request)
    if isinstance(device, JsonResponse):
        return device
    try:
        entity = read_json(request, json_type_only=False)
        if not isinstance(entity, dict):
            raise BadRequest(400, _("Eine Observation ist ein JSON-Objekt."))
        reference = datastream_id if datastream_id is not None else _sta_datastream_ref(entity)
        stream = _sta_stream(Streams(device), reference)
        time = entity.get("phenomenonTime")
        try:  # without phenomenonTime the server's time counts (as the standard says)
            reading = checked(
                stream,
                _server_time() if time is None else time,
                entity.get("result"),
                result_time=entity.get("resultTime"),
            )
        except ReadingError as error:
            raise BadRequest(400, str(error)) from None
        result = _store([reading], want_ids=True)
    except BadRequest as error:
        device.count_rejected(storable(error.message), 1)
        return _sta_error(error.status, error.message)
    device.count_accepted(len(result.stored))
    observation_id = result.ids.get((stream.pk, reading.phenomenon_time))
    query = Observation.objects.filter(datastream=stream)
    observation = (
        query.filter(pk=observation_id)
        if observation_id
        else query.filter(phenomenon_time=reading.phenomenon_time)
    ).first()
    if observation is None:  # removed in between (retention): the client may send again
        return _sta_error(503, _("Die Observation wurde nicht gespeichert. Bitte erneut senden."))
    response = _json(_sta_entity(request, observation), 201)
    response["Location"] = sta_self_link(request, observation.pk)
    return response


@csrf_exempt  # nosemgrep: csrf-exempt – devices send a token, no cookies
def sta_create_observation(request: HttpRequest) -> JsonResponse:
    """SensorThings ``POST /Observations`` (``{"Datastream": {"@iot.id": 5}, …}``)."""
    return _sta_create(request)


@csrf_exempt  # nosemgrep: csrf-exempt – devices send a token, no cookies
def sta_create_observation_in(request: HttpRequest, datastream_id: int | str) -> JsonResponse:
    """SensorThings ``POST /Datastreams(<datastream_id>)/Observations``."""
    return _sta_create(request, datastream_id)


def _sta_data_arrays(payload: object) -> list[tuple[object, dict[str, int], list]]:
    """(datastream reference, component positions, rows) per group – or :class:`BadRequest`."""
    if not isinstance(payload, list) or not payload:
        raise BadRequest(
            400,
            _(
                "CreateObservations erwartet eine Liste von Datenblöcken "
                "(Datastream, components, dataArray)."
            ),
        )
    groups = []
    for group in payload:
        if not isinstance(group, dict):
            raise BadRequest(400, _("Jeder Datenblock ist ein JSON-Objekt."))
        reference = _sta_datastream_ref(group)
        components = group.get("components")
        if (
            not isinstance(components, list)
            or not all(isinstance(name, str) for name in components)
            or "phenomenonTime" not in components
            or "result" not in components
        ):
            raise BadRequest(400, _("„components“ muss „phenomenonTime“ und „result“ enthalten."))
        rows = group.get("dataArray")
        if not isinstance(rows, list):
            raise BadRequest(400, _("„dataArray“ muss eine Liste sein."))
        positions = {name: index for index, name in enumerate(components)}
        groups.append((reference, positions, rows))
    return groups


def _sta_row(stream: Datastream, positions: dict[str, int], row: object, now) -> Reading:
    if not isinstance(row, list) or len(row) != len(positions):
        raise ReadingError(
            _("Zeile passt nicht zu „components“ (%(count)s Werte erwartet).")
            % {"count": len(positions)}
        )
    result_time = row[positions["resultTime"]] if "resultTime" in positions else None
    return checked(
        stream,
        row[positions["phenomenonTime"]],
        row[positions["result"]],
        now=now,
        result_time=result_time,
    )


@csrf_exempt  # nosemgrep: csrf-exempt – devices send a token, no cookies
def sta_create_observations(request: HttpRequest) -> JsonResponse:
    """SensorThings ``POST /CreateObservations`` (dataArray extension): 201 with one
    ``…/Observations(<id>)`` or ``"error"`` per row, in the order sent."""
    device = _sta_device(request)
    if isinstance(device, JsonResponse):
        return device
    try:
        groups = _sta_data_arrays(read_json(request, json_type_only=False))
        total = sum(len(rows) for _ref, _pos, rows in groups)
        if total > batch_max():
            raise _too_many(total)
        streams = Streams(device)
        now = timezone.now()
        pending: list[tuple[int, Reading]] = []
        rejected: list[tuple[int, str]] = []
        position = 0
        for reference, positions, rows in groups:
            try:
                stream: Datastream | None = _sta_stream(streams, reference)
                problem = ""
            except BadRequest as error:
                stream, problem = None, error.message
            for row in rows:
                try:
                    if stream is None:
                        raise ReadingError(problem)
                    pending.append((position, _sta_row(stream, positions, row, now)))
                except ReadingError as error:
                    rejected.append((position, str(error)))
                position += 1
        readings = [reading for _position, reading in pending]
        result = _store(readings, want_ids=True) if readings else StoreResult()
    except BadRequest as error:
        device.count_rejected(storable(error.message), 1)
        return _sta_error(error.status, error.message)
    _count(device, len(result.stored) if readings else None, rejected, total)
    answer: list[str] = ["error"] * total
    for row_position, reading in pending:
        observation_id = result.ids.get((reading.datastream.pk, reading.phenomenon_time))
        if observation_id is not None:
            answer[row_position] = sta_self_link(request, observation_id)
    return _json(answer, 201)
