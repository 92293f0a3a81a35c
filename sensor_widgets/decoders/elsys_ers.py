"""``elsys_ers``: Elsys ERS room/outdoor sensors – a subset of the Elsys TLV format.

A sequence of ``type (1 byte) | value`` records, big-endian:

====  ===========  =====  ===========================  ===================
type  meaning      bytes  encoding                     key
====  ===========  =====  ===========================  ===================
0x01  temperature  2      signed, 0.1 °C               temperature_c
0x02  humidity     1      unsigned, %                  humidity_percent
0x04  light        2      unsigned, lux                light_lux
0x05  motion       1      unsigned, count (PIR)        motion_count
0x06  CO2          2      unsigned, ppm                co2_ppm
0x07  battery      2      unsigned, mV                 battery_v (volts)
====  ===========  =====  ===========================  ===================

Any other type is rejected (its length would be unknown, the rest unreadable).
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, register

# type → (key, length, signed, factor)
TYPES: dict[int, tuple[str, int, bool, float]] = {
    0x01: ("temperature_c", 2, True, 0.1),
    0x02: ("humidity_percent", 1, False, 1),
    0x04: ("light_lux", 2, False, 1),
    0x05: ("motion_count", 1, False, 1),
    0x06: ("co2_ppm", 2, False, 1),
    0x07: ("battery_v", 2, False, 0.001),
}
BY_KEY = {
    key: (type_, length, signed, factor) for type_, (key, length, signed, factor) in TYPES.items()
}


@register("elsys_ers", _("Elsys ERS (Temperatur, Feuchte, Licht, Bewegung, CO₂, Batterie)"))
class ElsysErs:
    optional = frozenset({"battery_v"})

    def decode(self, payload: bytes) -> dict[str, float]:
        if not payload:
            raise DecodeError(gettext("Elsys: keine Nutzdaten."))
        values: dict[str, float] = {}
        position = 0
        while position < len(payload):
            type_ = payload[position]
            if type_ not in TYPES:
                raise DecodeError(
                    gettext("Elsys: unbekannter Datentyp 0x%(type)02X an Byte %(position)s.")
                    % {"type": type_, "position": position}
                )
            key, length, signed, factor = TYPES[type_]
            data = payload[position + 1 : position + 1 + length]
            if len(data) != length:
                raise DecodeError(
                    gettext("Elsys: %(key)s braucht %(length)s Byte, die Nutzdaten enden vorher.")
                    % {"key": key, "length": length}
                )
            values[key] = float(round(int.from_bytes(data, "big", signed=signed) * factor, 6))
            position += 1 + length
        return values

    def encode(self, values: dict[str, float]) -> bytes:
        out = bytearray()
        for key, value in values.items():
            if key not in BY_KEY:
                raise DecodeError(gettext("Elsys kennt den Wert „%(key)s“ nicht.") % {"key": key})
            type_, length, signed, factor = BY_KEY[key]
            try:
                out += bytes([type_]) + round(value / factor).to_bytes(length, "big", signed=signed)
            except OverflowError:
                raise DecodeError(
                    gettext("Elsys: %(key)s = %(value)s passt nicht in %(length)s Byte.")
                    % {"key": key, "value": value, "length": length}
                ) from None
        return bytes(out)
