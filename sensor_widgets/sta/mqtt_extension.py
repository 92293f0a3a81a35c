"""SensorThings MQTT extension: every new observation of a public datastream is published
as its STA entity JSON to ``v1.1/Datastreams(<id>)/Observations`` and
``v1.1/Observations`` on the broker at ``MQTT_URL`` (when ``SENSOR_STA_MQTT`` is on).

One paho client per process, created on first use, with its own network thread
(``loop_start``); QoS 0. Nothing here blocks or raises into the intake: while the
broker is unreachable up to ``BUFFER`` messages wait for the connection, the rest are
dropped and logged once. Live push is best effort – the API itself is the truth.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import threading
import time
from collections import deque
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.dispatch import receiver

from ..models import Datastream
from ..signals import observations_stored
from .entities import iso

logger = logging.getLogger(__name__)

BUFFER = 10_000  # messages kept while (re)connecting
PUBLIC_CACHE_SECONDS = 30
TOPIC_PREFIX = "v1.1/"

_lock = threading.Lock()
_state: dict = {"client": None, "url": None, "warned": False}
_pending: deque[tuple[str, bytes]] = deque()
_public: dict[int, tuple[bool, float]] = {}


def enabled() -> bool:
    return bool(getattr(settings, "MQTT_URL", None)) and bool(
        getattr(settings, "SENSOR_STA_MQTT", False)
    )


def base_url() -> str:
    """The service root in ``@iot.selfLink`` (no request here to take the host from)."""
    configured = getattr(settings, "SENSOR_STA_BASE_URL", "")
    if configured:
        return configured if configured.endswith("/") else configured + "/"
    admin = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return f"{admin.rstrip('/')}/sta/v1.1/"


def entity(observation_id: int, phenomenon_time, result: float, root: str) -> dict:
    link = f"{root}Observations({observation_id})"
    return {
        "@iot.id": observation_id,
        "@iot.selfLink": link,
        "phenomenonTime": iso(phenomenon_time),
        "resultTime": None,
        "result": result,
        "Datastream@iot.navigationLink": f"{link}/Datastream",
        "FeatureOfInterest@iot.navigationLink": f"{link}/FeatureOfInterest",
    }


def _warn_once(message: str, *args) -> None:
    if not _state["warned"]:
        _state["warned"] = True
        logger.warning(message, *args)


def _on_connect(client, userdata, flags, reason_code, properties=None) -> None:
    if getattr(reason_code, "is_failure", False):
        _warn_once("STA MQTT: broker refused the connection: %s", reason_code)
        return
    _state["warned"] = False
    with _lock:
        waiting = list(_pending)
        _pending.clear()
    for topic, payload in waiting:
        client.publish(topic, payload, qos=0)


def _client():
    """The process's publishing client for the current ``MQTT_URL`` (created lazily)."""
    url = settings.MQTT_URL
    if _state["client"] is not None and _state["url"] == url:
        return _state["client"]
    import paho.mqtt.client as mqtt

    close()
    parts = urlsplit(url)
    client = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2,
        client_id=f"redi-sta-{os.getpid()}-{secrets.token_hex(3)}",
        clean_session=True,
    )
    if parts.username:
        client.username_pw_set(unquote(parts.username), unquote(parts.password or "") or None)
    if parts.scheme == "mqtts":
        client.tls_set()
    client.on_connect = _on_connect
    client.reconnect_delay_set(min_delay=1, max_delay=30)
    default_port = 8883 if parts.scheme == "mqtts" else 1883
    client.connect_async(parts.hostname or "127.0.0.1", parts.port or default_port, keepalive=60)
    client.loop_start()
    _state["client"], _state["url"] = client, url
    return client


def close() -> None:
    """Stop this process's client (tests; a changed ``MQTT_URL``)."""
    client = _state["client"]
    _state["client"] = _state["url"] = None
    _pending.clear()
    _public.clear()
    if client is not None:
        try:
            client.disconnect()
            client.loop_stop()
        except Exception:  # noqa: BLE001, S110 – closing is best effort
            pass


def _public_ids(ids: set[int]) -> set[int]:
    now = time.monotonic()
    unknown = {i for i in ids if i not in _public or _public[i][1] < now}
    if unknown:
        found = set(
            Datastream.objects.filter(pk__in=unknown, public=True, thing__public=True).values_list(
                "pk", flat=True
            )
        )
        for datastream_id in unknown:
            _public[datastream_id] = (datastream_id in found, now + PUBLIC_CACHE_SECONDS)
    return {i for i in ids if _public[i][0]}


def publish(messages: list[tuple[str, bytes]]) -> None:
    client = _client()
    with _lock:
        connected = client.is_connected()
        if not connected:
            room = BUFFER - len(_pending)
            _pending.extend(messages[: max(room, 0)])
            if len(messages) > room:
                _warn_once("STA MQTT: broker not reachable, dropping observations")
            return
    for topic, payload in messages:
        client.publish(topic, payload, qos=0)


@receiver(observations_stored, dispatch_uid="sensor_widgets.sta.mqtt")
def publish_observations(sender, readings, latest, **kwargs) -> None:
    if not enabled() or not readings:
        return
    try:
        public = _public_ids({row.datastream_id for row in readings})
        root = base_url()
        messages = []
        for row in readings:
            if row.datastream_id not in public:
                continue
            payload = json.dumps(
                entity(row.id, row.phenomenon_time, row.result, root), ensure_ascii=False
            ).encode()
            messages.append(
                (f"{TOPIC_PREFIX}Datastreams({row.datastream_id})/Observations", payload)
            )
            messages.append((f"{TOPIC_PREFIX}Observations", payload))
        if messages:
            publish(messages)
    except Exception as error:  # noqa: BLE001 – never into the intake
        _warn_once("STA MQTT: observations not published: %s", error)
