"""``json``: the payload is a UTF-8 JSON object of numbers, e.g. ``{"temperature_c": 7.5}``.

Nested objects are flattened with ``_`` (``{"air": {"pm10": 12}}`` → ``air_pm10``);
anything that is not a number (text, lists, ``null``, booleans) is rejected.
"""

from __future__ import annotations

import json
import math

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, register

MAX_BYTES = 4096


def flatten(data: dict, prefix: str = "") -> dict[str, float]:
    """``{"a": {"b": 1}}`` → ``{"a_b": 1.0}``; numbers only (German :class:`DecodeError`)."""
    values: dict[str, float] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            values.update(flatten(value, f"{name}_"))
        elif isinstance(value, bool) or not isinstance(value, int | float):
            raise DecodeError(
                gettext("Wert „%(key)s“ ist keine Zahl: %(value)s")
                % {"key": name[:64], "value": str(value)[:40]}
            )
        elif not math.isfinite(value):
            raise DecodeError(gettext("Wert „%(key)s“ ist keine endliche Zahl.") % {"key": name})
        else:
            values[name] = float(value)
    return values


@register("json", _("JSON-Objekt mit Zahlen"))
class JsonObject:
    def decode(self, payload: bytes) -> dict[str, float]:
        if len(payload) > MAX_BYTES:
            raise DecodeError(gettext("JSON-Nutzdaten zu lang (höchstens 4096 Byte)."))
        try:
            data = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[…
            raise DecodeError(gettext("Nutzdaten sind kein gültiges JSON.")) from None
        if not isinstance(data, dict):
            raise DecodeError(gettext("JSON-Nutzdaten müssen ein Objekt {…} sein."))
        try:
            return flatten(data)
        except RecursionError:
            raise DecodeError(gettext("Nutzdaten sind kein gültiges JSON.")) from None

    def encode(self, values: dict[str, float]) -> bytes:
        return json.dumps(values, separators=(",", ":")).encode()
