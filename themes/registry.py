"""The town themes. Colours are chosen so white text on ``primary`` and ``primary`` text
on white both reach WCAG 2.1 AA (4.5:1); ``tests/themes`` checks every theme."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Theme:
    slug: str
    label: str
    primary: str  # header, links, buttons
    primary_dark: str  # hover/focus states, footer
    accent: str  # decorative lines; never carries meaning alone
    surface: str  # tinted background of teasers
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def logo_path(self) -> str:
        """Static path of the theme's logo (SVG)."""
        return f"themes/{self.slug}/logo.svg"

    @property
    def template_dir(self) -> str:
        """Templates under this folder override the shared ones for this theme."""
        return f"themes/{self.slug}"

    def tokens(self) -> dict[str, str]:
        return {
            "--color-primary": self.primary,
            "--color-primary-dark": self.primary_dark,
            "--color-accent": self.accent,
            "--color-surface": self.surface,
            **self.extra,
        }


_THEMES: dict[str, Theme] = {}


def register(theme: Theme) -> Theme:
    _THEMES[theme.slug] = theme
    return theme


def get(slug: str | None) -> Theme:
    """The theme of that slug, or the regional default theme."""
    return _THEMES.get(slug or "", _THEMES["region"])


def all_themes() -> list[Theme]:
    return list(_THEMES.values())


def choices() -> list[tuple[str, str]]:
    return [(theme.slug, theme.label) for theme in _THEMES.values()]


register(Theme("region", "re@di – regional.digital", "#24365c", "#15213a", "#d98e04", "#eef2f8"))
register(Theme("baden-baden", "Baden-Baden", "#7a1e2c", "#4f121c", "#b8913a", "#f7eff0"))
register(Theme("bretten", "Bretten", "#1d4f91", "#123260", "#d4a017", "#edf2fa"))
register(Theme("bruchsal", "Bruchsal", "#a01c2f", "#6b111f", "#c9a227", "#faeef0"))
register(Theme("buehl", "Bühl", "#5b2a6e", "#3b1a48", "#7ea33a", "#f3eef6"))
register(Theme("ettlingen", "Ettlingen", "#1f5c3a", "#123b25", "#c7a13c", "#edf5f0"))
register(Theme("gaggenau", "Gaggenau", "#24527a", "#163550", "#e07a1f", "#edf3f8"))
register(Theme("rastatt", "Rastatt", "#8a3d0c", "#5a2707", "#d9a441", "#f8f0ea"))
register(Theme("rheinstetten", "Rheinstetten", "#00606d", "#003f48", "#7fb7be", "#e8f4f5"))
register(Theme("stutensee", "Stutensee", "#3d5a14", "#263a0b", "#c2a336", "#f1f5ea"))
