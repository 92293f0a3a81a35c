"""The themes the portal ships: one per demo town and one for the region.

Colours here pass the same contrast guard as themes edited in the admin.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeSpec:
    slug: str
    name: str
    primary: str  # header bar, links, buttons (white text on it)
    secondary: str  # footer (white text on it)
    accent: str  # decorative lines, focus ring partner (3:1 against white)
    surface: str  # tinted background of teasers (text and links on it)


DEFAULT_THEMES = [
    ThemeSpec("region", "re@di – regional.digital", "#24365c", "#15213a", "#b27503", "#eef2f8"),
    ThemeSpec("baden-baden", "Baden-Baden", "#7a1e2c", "#4f121c", "#9c7a2e", "#f7eff0"),
    ThemeSpec("bretten", "Bretten", "#1d4f91", "#123260", "#a67c0c", "#edf2fa"),
    ThemeSpec("bruchsal", "Bruchsal", "#a01c2f", "#6b111f", "#98791a", "#faeef0"),
    ThemeSpec("buehl", "Bühl", "#5b2a6e", "#3b1a48", "#5f7d28", "#f3eef6"),
    ThemeSpec("ettlingen", "Ettlingen", "#1f5c3a", "#123b25", "#947628", "#edf5f0"),
    ThemeSpec("gaggenau", "Gaggenau", "#24527a", "#163550", "#b35c0f", "#edf3f8"),
    ThemeSpec("rastatt", "Rastatt", "#8a3d0c", "#5a2707", "#94701f", "#f8f0ea"),
    ThemeSpec("rheinstetten", "Rheinstetten", "#00606d", "#003f48", "#2f7d86", "#e8f4f5"),
    ThemeSpec("stutensee", "Stutensee", "#3d5a14", "#263a0b", "#8a7420", "#f1f5ea"),
]
FALLBACK = DEFAULT_THEMES[0]
SPECS = {spec.slug: spec for spec in DEFAULT_THEMES}


def get_spec(slug: str | None) -> ThemeSpec:
    return SPECS.get(slug or "", FALLBACK)
