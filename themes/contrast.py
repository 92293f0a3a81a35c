"""WCAG 2.1 contrast ratio of two colours (success criteria 1.4.3 and 1.4.11)."""

from __future__ import annotations

import colorsys
import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
TEXT_MINIMUM = 4.5  # normal text
LARGE_MINIMUM = 3.0  # large text and user-interface components


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(hex_colour: str) -> float:
    r, g, b = _rgb(hex_colour)
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _with_lightness(hex_colour: str, lightness: float) -> str:
    r, g, b = (c / 255 for c in _rgb(hex_colour))
    hue, _lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lightness)), saturation)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def adjust(colour: str, against: str, minimum: float = TEXT_MINIMUM) -> str:
    """The closest colour of the same hue that reaches ``minimum`` against ``against``.

    Darkens ``colour`` on a light partner and lightens it on a dark one.
    """
    if ratio(colour, against) >= minimum:
        return colour
    r, g, b = (c / 255 for c in _rgb(colour))
    lightness = colorsys.rgb_to_hls(r, g, b)[1]
    step = -0.01 if luminance(against) > 0.18 else 0.01
    candidate = colour
    while 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = _with_lightness(colour, lightness)
        if ratio(candidate, against) >= minimum:
            return candidate
    return "#000000" if step < 0 else "#ffffff"


def darker(colour: str, amount: float = 0.1) -> str:
    r, g, b = (c / 255 for c in _rgb(colour))
    return _with_lightness(colour, colorsys.rgb_to_hls(r, g, b)[1] - amount)
