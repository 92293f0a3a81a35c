"""Factories of the HTTP intake tests: a device with its token, and posting as it.

``device, token = token_device(stream.thing)``;
``post_json(client, "/sensorik/api/v1/observations", body, token)`` → response.
"""

from __future__ import annotations

import datetime as dt
import json

from django.test import Client
from django.utils import timezone

from sensor_widgets.models import Thing

from .factories import device

INTAKE_URL = "/sensorik/api/v1/observations"


def token_device(thing: Thing, **kwargs):
    """An HTTP device of ``thing`` and its token (issued once, as the admin does)."""
    new = device(thing, **kwargs)
    return new, new.issue_token()


def post_json(client: Client, url: str, body: object, token: str | None = None, **headers):
    """POST ``body`` (JSON-encoded unless bytes/str) with ``Authorization: Bearer``."""
    if token is not None:
        headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {token}")
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    content_type = headers.pop("content_type", "application/json")
    return client.post(url, data=data, content_type=content_type, **headers)


def recent(minutes: int = 0) -> dt.datetime:
    """A whole second some minutes ago (UTC)."""
    return (timezone.now() - dt.timedelta(minutes=minutes)).replace(microsecond=0)


def iso(time: dt.datetime) -> str:
    return time.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
