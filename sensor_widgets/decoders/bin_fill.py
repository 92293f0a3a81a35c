"""``bin_fill``: a waste-bin or container fill-level sensor (ultrasonic, under the lid).

5 bytes, big-endian::

    0-1  distance from the sensor to the contents in mm
    2-3  depth of the empty container in mm (configured on the device, > 0)
    4    battery in % (0 … 100)                                  → battery_percent

The fill level is ``(depth − distance) / depth`` in %, clamped to 0 … 100
→ ``fill_level_percent``. A distance above the depth reads as empty.
"""

from __future__ import annotations

import struct

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, battery, need_length, need_value, register

LAYOUT = struct.Struct(">HHB")
DEFAULT_DEPTH_MM = 1200


@register("bin_fill", _("Füllstandsensor Abfallbehälter (Füllstand in %, Batterie)"))
class BinFill:
    optional = frozenset({"battery_percent"})

    def decode(self, payload: bytes) -> dict[str, float]:
        need_length(payload, LAYOUT.size, "Füllstandsensor")
        distance, depth, percent = LAYOUT.unpack(payload)
        if depth == 0:
            raise DecodeError(gettext("Füllstandsensor: Behältertiefe 0 mm ist nicht eingestellt."))
        if percent > 100:
            raise DecodeError(
                gettext("Füllstandsensor: Batteriestand %(value)s %% ist unmöglich.")
                % {"value": percent}
            )
        fill = max(0.0, min(100.0, (depth - distance) / depth * 100))
        return {"fill_level_percent": round(fill, 1), "battery_percent": float(percent)}

    def encode(self, values: dict[str, float]) -> bytes:
        fill = need_value(values, "fill_level_percent", 0, 100)
        percent = battery(values, "battery_percent", 90, 0, 100)
        distance = round(DEFAULT_DEPTH_MM * (1 - fill / 100))
        return LAYOUT.pack(distance, DEFAULT_DEPTH_MM, round(percent))
