"""``water_level``: a river gauge reporting its level (e.g. a radar or pressure probe).

3 bytes, big-endian::

    0-1  water level in cm, unsigned (0 … 65534; 65535 = probe fault: rejected)
                                                            → water_level_cm
    2    battery in % (0 … 100)                             → battery_percent
"""

from __future__ import annotations

import struct

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, battery, need_length, need_value, register

LAYOUT = struct.Struct(">HB")
FAULT = 0xFFFF


@register("water_level", _("Pegelsonde (Wasserstand in cm, Batterie)"))
class WaterLevel:
    optional = frozenset({"battery_percent"})

    def decode(self, payload: bytes) -> dict[str, float]:
        need_length(payload, LAYOUT.size, "Pegelsonde")
        level, percent = LAYOUT.unpack(payload)
        if level == FAULT:
            raise DecodeError(gettext("Pegelsonde meldet einen Sondenfehler."))
        if percent > 100:
            raise DecodeError(
                gettext("Pegelsonde: Batteriestand %(value)s %% ist unmöglich.")
                % {"value": percent}
            )
        return {"water_level_cm": float(level), "battery_percent": float(percent)}

    def encode(self, values: dict[str, float]) -> bytes:
        level = need_value(values, "water_level_cm", 0, FAULT - 1)
        percent = battery(values, "battery_percent", 90, 0, 100)
        return LAYOUT.pack(round(level), round(percent))
