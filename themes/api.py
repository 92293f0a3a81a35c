"""Public surface of the themes app: look a theme up, create the shipped ones."""

from __future__ import annotations

from .defaults import DEFAULT_THEMES, FALLBACK, get_spec
from .models import Theme


def ensure_default_themes() -> dict[str, Theme]:
    """Create the shipped themes that do not exist yet (never overwrite edits)."""
    themes = {}
    for spec in DEFAULT_THEMES:
        theme, _created = Theme.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "primary": spec.primary,
                "secondary": spec.secondary,
                "accent": spec.accent,
                "surface": spec.surface,
            },
        )
        themes[spec.slug] = theme
    return themes


def fallback_theme() -> Theme:
    """An unsaved theme with the regional colours, for sites without one."""
    spec = get_spec(FALLBACK.slug)
    return Theme(
        name=spec.name,
        slug=spec.slug,
        primary=spec.primary,
        secondary=spec.secondary,
        accent=spec.accent,
        surface=spec.surface,
    )
