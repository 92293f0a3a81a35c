"""``parking``: an in-ground parking space sensor.

2 bytes::

    0  occupied: 0 = free, 1 = occupied (anything else is rejected)  → occupied
    1  battery in % (0 … 100)                                         → battery_percent
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import DecodeError, battery, need_length, need_value, register


@register("parking", _("Parkplatzsensor (belegt 0/1, Batterie)"))
class Parking:
    optional = frozenset({"battery_percent"})

    def decode(self, payload: bytes) -> dict[str, float]:
        need_length(payload, 2, "Parkplatzsensor")
        occupied, percent = payload
        if occupied not in (0, 1):
            raise DecodeError(
                gettext("Parkplatzsensor: Belegt-Kennung %(value)s ist weder 0 noch 1.")
                % {"value": occupied}
            )
        if percent > 100:
            raise DecodeError(
                gettext("Parkplatzsensor: Batteriestand %(value)s %% ist unmöglich.")
                % {"value": percent}
            )
        return {"occupied": float(occupied), "battery_percent": float(percent)}

    def encode(self, values: dict[str, float]) -> bytes:
        occupied = need_value(values, "occupied", 0, 1)
        percent = battery(values, "battery_percent", 90, 0, 100)
        return bytes([1 if occupied >= 0.5 else 0, round(percent)])
