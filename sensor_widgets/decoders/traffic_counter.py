"""``traffic_counter``: a roadside counter (radar or induction loop) per interval.

4 bytes, big-endian::

    0-1  vehicles in direction 1 (e.g. into town), unsigned   → vehicles_in
    2-3  vehicles in direction 2 (out of town), unsigned       → vehicles_out

Also ``vehicles``: both directions together (for a town that shows only the total).
When encoding only ``vehicles``, it is split half and half.
"""

from __future__ import annotations

import struct

from django.utils.translation import gettext_lazy as _

from . import need_length, need_value, register

LAYOUT = struct.Struct(">HH")


@register("traffic_counter", _("Verkehrszähler (Fahrzeuge je Richtung)"))
class TrafficCounter:
    optional = frozenset({"vehicles", "vehicles_in", "vehicles_out"})

    def decode(self, payload: bytes) -> dict[str, float]:
        need_length(payload, LAYOUT.size, "Verkehrszähler")
        inbound, outbound = LAYOUT.unpack(payload)
        return {
            "vehicles": float(inbound + outbound),
            "vehicles_in": float(inbound),
            "vehicles_out": float(outbound),
        }

    def encode(self, values: dict[str, float]) -> bytes:
        if "vehicles_in" not in values and "vehicles" in values:
            total = round(need_value(values, "vehicles", 0, 2 * 65535))
            return LAYOUT.pack(total - total // 2, total // 2)
        inbound = need_value(values, "vehicles_in", 0, 65535)
        outbound = need_value(values, "vehicles_out", 0, 65535)
        return LAYOUT.pack(round(inbound), round(outbound))
