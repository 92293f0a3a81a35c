"""A paho-mqtt 2.x client from ``MQTT_URL`` (``mqtt://user:password@host:1883``,
``mqtts://`` for TLS with the system's certificate authorities)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import paho.mqtt.client as mqtt


@dataclass(frozen=True)
class Broker:
    host: str
    port: int
    username: str | None = None
    password: str | None = None
    tls: bool = False

    def __str__(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"


def broker(url: str) -> Broker:
    """The broker of an ``mqtt://`` or ``mqtts://`` URL (``ValueError`` for anything else)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        raise ValueError(f"not an mqtt:// or mqtts:// URL: {url!r}")
    tls = parts.scheme == "mqtts"
    return Broker(
        host=parts.hostname,
        port=parts.port or (8883 if tls else 1883),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        tls=tls,
    )


def client(
    target: Broker,
    client_id: str,
    *,
    protocol: int = mqtt.MQTTv5,
    manual_ack: bool = False,
    clean_session: bool | None = None,
) -> mqtt.Client:
    """A paho client (callback API 2) with credentials, TLS and reconnect backoff set."""
    kwargs = {}
    if protocol != mqtt.MQTTv5 and clean_session is not None:
        kwargs["clean_session"] = clean_session
    result = mqtt.Client(
        mqtt.CallbackAPIVersion.VERSION2,
        client_id=client_id,
        protocol=protocol,
        manual_ack=manual_ack,
        **kwargs,
    )
    if target.username:
        result.username_pw_set(target.username, target.password)
    if target.tls:
        result.tls_set()
    result.reconnect_delay_set(min_delay=1, max_delay=30)
    return result
