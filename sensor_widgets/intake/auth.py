"""Which device sends a request: its token, and how often it may send.

A device shows its token in one of these headers (the first one found counts):

    Authorization: Bearer sen_…        Authorization: Token sen_…
    X-Device-Token: sen_…              Authorization: Basic base64(<any name>:sen_…)

(Basic is what SensorThings clients such as Fraunhofer's ``frost-sta-client`` send.)
Deliveries without a valid token are recorded as :class:`IntakeProblem` (per token
start or client IP); each device may send ``SENSOR_HTTP_RATE`` requests (key: its token
hash), and a client sending wrong tokens is held to the same rate per IP address.
"""

from __future__ import annotations

import base64
import binascii
import logging
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from ..models import Device, IntakeProblem
from ..models.devices import hash_token

logger = logging.getLogger(__name__)
RATE_GROUP = "sensor_widgets.intake.device"
FAILED_GROUP = "sensor_widgets.intake.failed"
HINT_LENGTH = 8  # "sen_" and four characters, as Device.token_hint


class Refused(Exception):
    """The request is not let in: ``status`` (401 or 429) and a German ``message``."""

    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class _Usage:
    limited: bool
    retry_after: int


def storable(text: str) -> str:
    """``text`` without what a database cannot keep (NUL, lone surrogates from JSON)."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def token_of(request: HttpRequest) -> str:
    """The token the request shows, or ``""``."""
    header = request.META.get("HTTP_AUTHORIZATION", "").strip()
    scheme, _space, credentials = header.partition(" ")
    scheme, credentials = scheme.lower(), credentials.strip()
    if scheme in ("bearer", "token") and credentials:
        return credentials
    if scheme == "basic" and credentials:
        try:
            decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return ""
        return decoded.partition(":")[2].strip() if ":" in decoded else decoded.strip()
    return request.META.get("HTTP_X_DEVICE_TOKEN", "").strip()


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "?"


def _usage(request: HttpRequest, group: str, key) -> _Usage:
    try:
        usage = get_usage(
            request, group=group, key=key, rate=settings.SENSOR_HTTP_RATE, increment=True
        )
    except Exception as error:  # noqa: BLE001 – a cache outage must not stop the intake
        logger.warning("rate limit of the sensor intake not checked: %s", error)
        return _Usage(False, 0)
    if usage is None:  # no rate configured
        return _Usage(False, 0)
    return _Usage(bool(usage["should_limit"]), max(1, int(usage["time_left"])))


def _too_many(usage: _Usage) -> Refused:
    return Refused(
        429,
        _(
            "Zu viele Anfragen von diesem Gerät. Bitte Messwerte sammeln und seltener senden "
            "(erneut in %(seconds)s Sekunden)."
        )
        % {"seconds": usage.retry_after},
        retry_after=usage.retry_after,
    )


def _refuse_unknown(request: HttpRequest, token: str, message: str) -> Refused:
    """Count the failure (per IP, so guessing tokens is slow) and record it for staff."""
    usage = _usage(request, FAILED_GROUP, "ip")
    if usage.limited:  # not recorded again: a flood must not fill the table
        return _too_many(usage)
    identifier = f"Token {token[:HINT_LENGTH]}…" if token else f"IP {client_ip(request)}"
    IntakeProblem.record("http", storable(identifier), message)
    return Refused(401, message)


def authenticate(request: HttpRequest) -> Device:
    """The enabled device of the request's token – or :class:`Refused` (401, 429)."""
    token = token_of(request)
    if not token:
        raise _refuse_unknown(
            request,
            token,
            _("Kein Geräte-Token angegeben. Bitte im Kopf „Authorization: Bearer <Token>“ senden."),
        )
    device = Device.objects.by_token(token)
    if device is None:
        disabled = Device.objects.filter(token_hash=hash_token(token), enabled=False).first()
        if disabled is not None:  # staff see that it still sends
            disabled.count_rejected(_("Gerät ist deaktiviert, Daten wurden abgewiesen."), 0)
            raise Refused(401, _("Das Gerät ist deaktiviert. Bitte an die Stadt wenden."))
        raise _refuse_unknown(request, token, _("Unbekanntes oder ungültiges Geräte-Token."))
    usage = _usage(request, RATE_GROUP, lambda group, request: device.token_hash)
    if usage.limited:
        refused = _too_many(usage)
        device.count_rejected(refused.message, 0)
        raise refused
    return device
