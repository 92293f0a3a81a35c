"""``dragino_ldds75``: Dragino LDDS75 ultrasonic distance sensor (LoRaWAN, fPort 2).

8 bytes, big-endian::

    0-1  battery in mV (the upper 2 bits are flags and ignored)  → battery_v
    2-3  distance in mm (0 = no valid echo: rejected)            → distance_mm
    4    interrupt flag (ignored)
    5-6  temperature of the optional DS18B20 probe (ignored)
    7    sensor flag (ignored)
"""

from __future__ import annotations

import struct

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, battery, need_length, need_value, register

LAYOUT = struct.Struct(">HHBhB")


@register("dragino_ldds75", _("Dragino LDDS75 (Abstand in mm, Batterie)"))
class DraginoLdds75:
    optional = frozenset({"battery_v"})

    def decode(self, payload: bytes) -> dict[str, float]:
        need_length(payload, LAYOUT.size, "Dragino LDDS75")
        bat, distance, _interrupt, _temperature, _flag = LAYOUT.unpack(payload)
        if distance == 0:
            raise DecodeError(gettext("Dragino LDDS75: Sensor meldet kein gültiges Echo."))
        return {"distance_mm": float(distance), "battery_v": (bat & 0x3FFF) / 1000}

    def encode(self, values: dict[str, float]) -> bytes:
        distance = need_value(values, "distance_mm", 1, 65535)
        volts = battery(values, "battery_v", 3.6, 0, 16.383)
        return LAYOUT.pack(round(volts * 1000), round(distance), 0, 0, 0)
