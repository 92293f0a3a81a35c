"""A town's look, edited in the admin. A colour pair that fails WCAG 2.1 AA cannot be
saved: the editor sees the measured ratio and a colour that would pass."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from . import contrast
from .defaults import SPECS

WHITE = "#ffffff"
TEXT = "#1b1b1b"
colour_validator = RegexValidator(
    contrast.HEX_COLOUR, _("Bitte eine Farbe im Format #RRGGBB angeben, z. B. #1d4f91.")
)


def colour_field(label: str, help_text: str) -> models.CharField:
    return models.CharField(label, max_length=7, validators=[colour_validator], help_text=help_text)


class Theme(models.Model):
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kürzel"), unique=True, max_length=40)
    primary = colour_field(
        _("Hauptfarbe"), _("Navigationsleiste, Links und Schaltflächen; weiße Schrift darauf.")
    )
    secondary = colour_field(_("Zweitfarbe"), _("Fußbereich; weiße Schrift darauf."))
    accent = colour_field(
        _("Akzentfarbe"), _("Linien und Markierungen; mindestens 3:1 gegen Weiß.")
    )
    surface = colour_field(
        _("Flächenfarbe"), _("Heller Hintergrund von Kacheln; Text und Links darauf.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("SVG oder PNG; leer lassen für das mitgelieferte Logo."),
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Favicon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Quadratisch, mindestens 180 × 180 Pixel."),
    )
    header_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Kopfbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; erscheint auf der Startseite."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("primary"), FieldPanel("secondary")]),
                FieldRowPanel([FieldPanel("accent"), FieldPanel("surface")]),
            ],
            heading=_("Farben"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("favicon"), FieldPanel("header_image")],
            heading=_("Bilder"),
        ),
    ]

    class Meta:
        verbose_name = _("Design")
        verbose_name_plural = _("Designs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    # contrast rules: (field, partner colour, partner description, minimum)
    RULES = [
        ("primary", WHITE, _("weißer Schrift"), contrast.TEXT_MINIMUM),
        ("secondary", WHITE, _("weißer Schrift"), contrast.TEXT_MINIMUM),
        ("accent", WHITE, _("weißem Hintergrund"), contrast.LARGE_MINIMUM),
    ]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        colours = {name: getattr(self, name) for name in ("primary", "secondary", "accent")}
        colours["surface"] = self.surface
        if not all(contrast.HEX_COLOUR.match(value or "") for value in colours.values()):
            return  # the field validators report the format
        for name, partner, partner_label, minimum in self.RULES:
            measured = contrast.ratio(colours[name], partner)
            if measured < minimum:
                errors.setdefault(name, []).append(
                    self._message(
                        partner_label,
                        measured,
                        minimum,
                        contrast.adjust(colours[name], partner, minimum),
                    )
                )
        for partner, label in ((TEXT, _("Fließtext")), (colours["primary"], _("Links"))):
            measured = contrast.ratio(partner, self.surface)
            if measured < contrast.TEXT_MINIMUM:
                suggestion = contrast.adjust(self.surface, partner, contrast.TEXT_MINIMUM)
                errors.setdefault("surface", []).append(
                    self._message(label, measured, contrast.TEXT_MINIMUM, suggestion)
                )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _message(partner_label, measured: float, minimum: float, suggestion: str) -> str:
        return _(
            "Zu wenig Kontrast zu %(partner)s: %(measured)s : 1 gemessen, mindestens "
            "%(minimum)s : 1 nötig (WCAG 2.1 AA). Vorschlag: %(suggestion)s."
        ) % {
            "partner": partner_label,
            "measured": f"{measured:.2f}".replace(".", ","),
            "minimum": f"{minimum:.1f}".replace(".", ","),
            "suggestion": suggestion,
        }

    @property
    def primary_dark(self) -> str:
        return contrast.darker(self.primary, 0.08)

    @property
    def static_logo_path(self) -> str:
        """The shipped logo for the demo themes, else the regional one."""
        slug = self.slug if self.slug in SPECS else "region"
        return f"themes/{slug}/logo.svg"

    def tokens(self) -> dict[str, str]:
        return {
            "--color-primary": self.primary,
            "--color-primary-dark": self.primary_dark,
            "--color-secondary": self.secondary,
            "--color-accent": self.accent,
            "--color-surface": self.surface,
        }

    @property
    def version(self) -> str:
        return self.updated_at.strftime("%Y%m%d%H%M%S") if self.updated_at else "0"
