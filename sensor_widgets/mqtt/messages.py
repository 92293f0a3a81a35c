"""Reading one MQTT message of a LoRaWAN network server.

``parse(topic, payload)`` → :class:`Uplink` (DevEUI, deduplication key, time, and either
the values the network server decoded or the raw bytes for our decoder) – or
:class:`MessageError` with a German reason. The shape is recognised by the JSON, not by
the topic, so operators may mount the topics anywhere.

ChirpStack v4 (topic ``application/{id}/device/{devEui}/event/up``)::

    {"deduplicationId": "…", "time": "…", "deviceInfo": {"devEui": "…", …},
     "fPort": 2, "fCnt": 17, "data": "<base64>", "object": {…}}

The Things Stack v3 (topic ``v3/{app}@{tenant}/devices/{id}/up``)::

    {"end_device_ids": {"dev_eui": "…", …}, "correlation_ids": […], "received_at": "…",
     "uplink_message": {"f_port": 2, "f_cnt": 17, "frm_payload": "<base64>",
                        "decoded_payload": {…}, "received_at": "…"}}

Deduplication keys (``Uplink.key``, stored by the worker so a redelivered message is
skipped):

- ChirpStack: ``cs:<deduplicationId>`` – ChirpStack sets one id per uplink after merging
  the copies of all gateways; every republication of that uplink carries it.
- The Things Stack: ``tts:<dev_eui>:<uplink_message.received_at>``. TTS has no single
  uplink id: ``correlation_ids`` and the top-level ``received_at`` are made anew each
  time the application server handles or republishes the uplink, and ``f_cnt`` starts at
  0 again after a rejoin. ``uplink_message.received_at`` is stamped once by the network
  server when the uplink arrived, so it is stable across redeliveries and unique per
  device. Without it: ``f_cnt`` + top-level ``received_at``; last resort the ``as:up:``
  correlation id.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext

from ..intake import ReadingError, parse_time
from ..intake.auth import storable

MAX_BYTES = 64 * 1024
DEV_EUI = re.compile(r"^[0-9A-F]{16}$")


class MessageError(ValueError):
    """A message that cannot be taken in. ``dev_eui`` is set when the sender is known
    (the rejection is then counted on that device, otherwise as an intake problem)."""

    def __init__(self, message: str, dev_eui: str | None = None):
        super().__init__(message)
        self.dev_eui = dev_eui


@dataclass(frozen=True, slots=True)
class Uplink:
    dev_eui: str  # 16 upper-case hex digits, as Device.dev_eui
    key: str  # deduplication key, see the module docstring
    time: dt.datetime  # when the uplink was received by the network server (UTC)
    values: dict[str, object] = field(default_factory=dict)  # decoded by the network server
    payload: bytes | None = None  # raw application payload, for our decoder
    f_port: int | None = None
    source: str = "chirpstack"  # or "tts"


def parse(topic: str, payload: bytes, *, now: dt.datetime | None = None) -> Uplink:
    """The uplink in an MQTT message – or :class:`MessageError`."""
    if len(payload) > MAX_BYTES:
        raise MessageError(
            gettext("Nachricht zu groß (%(size)s Byte, höchstens 65536).") % {"size": len(payload)}
        )
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[…
        raise MessageError(gettext("Nachricht ist kein gültiges JSON.")) from None
    if not isinstance(data, dict):
        raise MessageError(gettext("Nachricht muss ein JSON-Objekt sein."))
    now = now or timezone.now()
    try:
        if "deviceInfo" in data:
            return _chirpstack(data, now)
        if "end_device_ids" in data:
            return _things_stack(data, now)
    except RecursionError:  # decoded values nested hundreds deep
        raise MessageError(gettext("Nachricht ist kein gültiges JSON.")) from None
    raise MessageError(
        gettext(
            "Unbekanntes Nachrichtenformat: weder ChirpStack v4 (deviceInfo) "
            "noch The Things Stack v3 (end_device_ids)."
        )
    )


def _dev_eui(value: object) -> str:
    text = value.strip().upper().replace(":", "").replace("-", "") if isinstance(value, str) else ""
    if not DEV_EUI.match(text):
        if value in (None, ""):
            raise MessageError(gettext("DevEUI fehlt in der Nachricht."))
        raise MessageError(
            gettext("DevEUI „%(value)s“ ist keine 16-stellige Hexadezimalzahl.")
            % {"value": str(value)[:40]}
        )
    return text


def _time(value: object, now: dt.datetime, dev_eui: str) -> dt.datetime:
    if value in (None, ""):
        return now
    try:
        return parse_time(value)
    except ReadingError as error:
        raise MessageError(str(error), dev_eui) from None


def _base64(value: object, name: str, dev_eui: str) -> bytes:
    if not isinstance(value, str):
        raise MessageError(gettext("%(name)s muss Base64-Text sein.") % {"name": name}, dev_eui)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise MessageError(
            gettext("Nutzdaten (%(name)s) sind kein gültiges Base64.") % {"name": name}, dev_eui
        ) from None


def _leaves(data: dict, prefix: str = "") -> dict[str, object]:
    """A decoded object, nested objects flattened with ``_``; values are checked later,
    by the datastream they belong to (text where a number is due is rejected there)."""
    values: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            values.update(_leaves(value, f"{prefix}{key}_"))
        else:
            values[f"{prefix}{key}"] = value
    return values


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _content(decoded: object, raw: object, raw_name: str, dev_eui: str) -> dict:
    if isinstance(decoded, dict) and decoded:
        return {"values": _leaves(decoded)}
    if raw not in (None, ""):
        return {"payload": _base64(raw, raw_name, dev_eui)}
    raise MessageError(gettext("Nachricht enthält keine Nutzdaten."), dev_eui)


def _chirpstack(data: dict, now: dt.datetime) -> Uplink:
    info = data.get("deviceInfo")
    dev_eui = _dev_eui(info.get("devEui") if isinstance(info, dict) else None)
    dedup = data.get("deduplicationId")
    if not isinstance(dedup, str) or not 0 < len(dedup.strip()) <= 100:
        raise MessageError(gettext("ChirpStack: deduplicationId fehlt."), dev_eui)
    return Uplink(
        dev_eui=dev_eui,
        key=storable(f"cs:{dedup.strip()}"),  # the database keeps no NUL
        time=_time(data.get("time"), now, dev_eui),
        f_port=_integer(data.get("fPort")),
        source="chirpstack",
        **_content(data.get("object"), data.get("data"), "data", dev_eui),
    )


def _things_stack(data: dict, now: dt.datetime) -> Uplink:
    ids = data.get("end_device_ids")
    dev_eui = _dev_eui(ids.get("dev_eui") if isinstance(ids, dict) else None)
    up = data.get("uplink_message")
    if not isinstance(up, dict):
        raise MessageError(
            gettext("The Things Stack: keine Uplink-Nachricht (uplink_message fehlt)."), dev_eui
        )
    up_received = up.get("received_at")
    received = data.get("received_at")
    f_cnt = _integer(up.get("f_cnt", 0))
    if isinstance(up_received, str) and 0 < len(up_received) <= 64:
        key = f"tts:{dev_eui}:{up_received}"
    elif isinstance(received, str) and 0 < len(received) <= 64 and f_cnt is not None:
        key = f"tts:{dev_eui}:{f_cnt}:{received}"
    else:
        given = data.get("correlation_ids")
        correlation = [
            c
            for c in (given if isinstance(given, list) else [])
            if isinstance(c, str) and c.startswith("as:up:") and len(c) <= 100
        ]
        if not correlation:
            raise MessageError(
                gettext("The Things Stack: received_at fehlt – Nachricht nicht eindeutig."),
                dev_eui,
            )
        key = f"tts:{dev_eui}:{correlation[0]}"
    return Uplink(
        dev_eui=dev_eui,
        key=storable(key),
        time=_time(up_received or received, now, dev_eui),
        f_port=_integer(up.get("f_port")),
        source="tts",
        **_content(up.get("decoded_payload"), up.get("frm_payload"), "frm_payload", dev_eui),
    )
