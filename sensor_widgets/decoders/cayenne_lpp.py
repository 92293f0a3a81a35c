"""``cayenne_lpp``: Cayenne Low Power Payload (our implementation of the public format).

The payload is a sequence of records ``channel (1 byte) | type (1 byte) | data``; each
value becomes ``<name>_<channel>``, e.g. ``temperature_1``. Multi-byte data is big-endian.

====  ==============  =====  ============  =========================
type  name            bytes  signed        resolution
====  ==============  =====  ============  =========================
0     digital_in      1      no            1
1     digital_out     1      no            1
2     analog_in       2      yes           0.01
3     analog_out      2      yes           0.01
101   illuminance     2      no            1 lx
102   presence        1      no            1
103   temperature     2      yes           0.1 °C
104   humidity        1      no            0.5 %
115   barometer       2      no            0.1 hPa
116   voltage         2      no            0.01 V
120   percentage      1      no            1 %
125   concentration   2      no            1 ppm
130   distance        4      no            0.001 m
====  ==============  =====  ============  =========================

Other types (accelerometer, GPS, …) are rejected: their length is known but we have no
datastream for a vector yet.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, register

# type → (name, length, signed, resolution)
TYPES: dict[int, tuple[str, int, bool, float]] = {
    0: ("digital_in", 1, False, 1),
    1: ("digital_out", 1, False, 1),
    2: ("analog_in", 2, True, 0.01),
    3: ("analog_out", 2, True, 0.01),
    101: ("illuminance", 2, False, 1),
    102: ("presence", 1, False, 1),
    103: ("temperature", 2, True, 0.1),
    104: ("humidity", 1, False, 0.5),
    115: ("barometer", 2, False, 0.1),
    116: ("voltage", 2, False, 0.01),
    120: ("percentage", 1, False, 1),
    125: ("concentration", 2, False, 1),
    130: ("distance", 4, False, 0.001),
}
BY_NAME = {
    name: (type_, length, signed, step) for type_, (name, length, signed, step) in TYPES.items()
}
KEY = re.compile(r"^([a-z_]+)_(\d{1,3})$")


@register("cayenne_lpp", _("Cayenne LPP (z. B. temperature_1, humidity_2)"))
class CayenneLpp:
    def decode(self, payload: bytes) -> dict[str, float]:
        if not payload:
            raise DecodeError(gettext("Cayenne LPP: keine Nutzdaten."))
        values: dict[str, float] = {}
        position = 0
        while position < len(payload):
            if position + 2 > len(payload):
                raise DecodeError(gettext("Cayenne LPP: unvollständiger Datensatz am Ende."))
            channel, type_ = payload[position], payload[position + 1]
            if type_ not in TYPES:
                raise DecodeError(
                    gettext("Cayenne LPP: unbekannter Datentyp %(type)s auf Kanal %(channel)s.")
                    % {"type": type_, "channel": channel}
                )
            name, length, signed, step = TYPES[type_]
            data = payload[position + 2 : position + 2 + length]
            if len(data) != length:
                raise DecodeError(
                    gettext("Cayenne LPP: %(name)s auf Kanal %(channel)s braucht %(length)s Byte.")
                    % {"name": name, "channel": channel, "length": length}
                )
            raw = int.from_bytes(data, "big", signed=signed)
            values[f"{name}_{channel}"] = float(round(raw * step, 6))
            position += 2 + length
        return values

    def encode(self, values: dict[str, float]) -> bytes:
        out = bytearray()
        for key, value in values.items():
            match = KEY.match(key)
            if not match or match.group(1) not in BY_NAME or int(match.group(2)) > 255:
                raise DecodeError(
                    gettext("Cayenne LPP kennt den Wert „%(key)s“ nicht.") % {"key": key}
                )
            type_, length, signed, step = BY_NAME[match.group(1)]
            raw = round(value / step)
            try:
                data = raw.to_bytes(length, "big", signed=signed)
            except OverflowError:
                raise DecodeError(
                    gettext("Cayenne LPP: %(key)s = %(value)s passt nicht in %(length)s Byte.")
                    % {"key": key, "value": value, "length": length}
                ) from None
            out += bytes([int(match.group(2)), type_]) + data
        return bytes(out)
