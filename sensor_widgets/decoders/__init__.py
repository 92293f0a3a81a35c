"""Payload decoders: the bytes a LoRaWAN device sends → ``{key: number}``.

Each decoder is a small module that registers itself here::

    @register("water_level", _("Pegel (2 Byte cm + Batterie)"))
    class WaterLevel:
        def decode(self, payload: bytes) -> dict[str, float]: ...
        def encode(self, values: dict[str, float]) -> bytes: ...   # simulator, tests

The keys of the decoded dict are matched with the ``key`` of the Thing's datastreams.
``decode`` raises :class:`DecodeError` with a German message for bytes it cannot read;
``encode`` raises :class:`DecodeError` when a needed value is missing or out of range.
``optional`` names decoded keys a Thing may well have no datastream for (battery,
the other direction of a counter): the worker ignores them without a hint to staff.

Payloads the network server already decoded (ChirpStack ``object``, The Things Stack
``decoded_payload``) do not pass through a decoder: they are used as they are.
"""

from __future__ import annotations

import importlib
import math
import struct
from collections.abc import Callable
from typing import Protocol

from django.utils.translation import gettext


class DecodeError(ValueError):
    """Bytes (or values) a decoder cannot handle; ``str(error)`` is the German reason."""


class Decoder(Protocol):
    name: str
    label: str
    optional: frozenset[str]

    def decode(self, payload: bytes) -> dict[str, float]: ...

    def encode(self, values: dict[str, float]) -> bytes: ...


_registry: dict[str, Decoder] = {}
MODULES = (
    "json_object",
    "cayenne_lpp",
    "dragino_ldds75",
    "water_level",
    "elsys_ers",
    "parking",
    "bin_fill",
    "traffic_counter",
)


def register(name: str, label) -> Callable[[type], type]:
    """Class decorator: make a decoder available under ``name`` (stored in Device.decoder)."""

    def wrap(cls: type) -> type:
        instance = cls()
        instance.optional = getattr(cls, "optional", frozenset())
        instance.name = name
        instance.label = label
        _registry[name] = instance
        return cls

    return wrap


def _load() -> None:
    if len(_registry) < len(MODULES):
        for module in MODULES:
            importlib.import_module(f"{__name__}.{module}")


def get(name: str) -> Decoder:
    """The decoder called ``name`` – or :class:`DecodeError`."""
    _load()
    try:
        return _registry[name]
    except KeyError:
        raise DecodeError(
            gettext("Unbekannter Decoder „%(name)s“.") % {"name": str(name)[:64]}
        ) from None


def names() -> list[str]:
    _load()
    return sorted(_registry)


def choices() -> list[tuple[str, str]]:
    """``(name, German label)`` for the Device form, in registry order."""
    _load()
    return [(name, decoder.label) for name, decoder in _registry.items()]


def decode(name: str, payload: bytes) -> dict[str, float]:
    """Decode with the decoder ``name``; any failure is a :class:`DecodeError` (a decoder
    bug on odd bytes must not stop the intake)."""
    decoder = get(name)
    try:
        values = decoder.decode(bytes(payload))
    except DecodeError:
        raise
    except (struct.error, IndexError, ValueError, TypeError, OverflowError) as error:
        raise DecodeError(
            gettext("Nutzdaten nicht lesbar (%(decoder)s): %(error)s")
            % {"decoder": name, "error": error}
        ) from None
    for key, value in values.items():
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise DecodeError(gettext("Wert „%(key)s“ ist keine Zahl.") % {"key": key})
        if not math.isfinite(value):
            raise DecodeError(gettext("Wert „%(key)s“ ist keine endliche Zahl.") % {"key": key})
    return values


# --- helpers for the decoder modules ---------------------------------------------------


def need_length(payload: bytes, length: int, label: str) -> None:
    """Reject a payload of the wrong length with a clear message."""
    if len(payload) != length:
        raise DecodeError(
            gettext("%(decoder)s erwartet %(expected)s Byte Nutzdaten, erhalten: %(actual)s Byte.")
            % {"decoder": label, "expected": length, "actual": len(payload)}
        )


def need_value(values: dict[str, float], key: str, low: float, high: float) -> float:
    """A value for ``encode``: present, a finite number within [low, high]."""
    value = values.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DecodeError(gettext("Wert „%(key)s“ fehlt oder ist keine Zahl.") % {"key": key})
    if not low <= value <= high:
        raise DecodeError(
            gettext("Wert „%(key)s“ = %(value)s liegt nicht zwischen %(low)s und %(high)s.")
            % {"key": key, "value": value, "low": low, "high": high}
        )
    return value


def battery(values: dict[str, float], key: str, default: float, low: float, high: float) -> float:
    """Battery values are optional when encoding (the simulator rarely models them)."""
    if key not in values:
        return default
    return need_value(values, key, low, high)


__all__ = [
    "DecodeError",
    "Decoder",
    "choices",
    "decode",
    "get",
    "names",
    "register",
]
