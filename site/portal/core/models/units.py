"""Organisational units (Organisationseinheiten) of a town: offices citizens visit and
staff belong to. Service pages name the responsible unit; back-office apps use the
membership to decide who works on what."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from blocks.structured import OpeningHoursBlock

from .towns import postcode_validator


class OrganisationalUnitQuerySet(models.QuerySet):
    def for_site(self, site) -> OrganisationalUnitQuerySet:
        return self.filter(site=site)


class OrganisationalUnit(index.Indexed, models.Model):
    """An office of a town: Bürgerbüro, Standesamt, Ordnungsamt …"""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        on_delete=models.CASCADE,
        related_name="organisational_units",
    )
    name = models.CharField(_("Name"), max_length=200, help_text=_("z. B. „Bürgerbüro“"))
    parent_name = models.CharField(
        _("Übergeordnete Stelle"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Amt für Bürgerdienste“"),
    )
    description = models.TextField(_("Kurzbeschreibung"), blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(
        _("Postleitzahl"), max_length=5, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    building = models.CharField(
        _("Gebäude und Zimmer"), max_length=200, blank=True, help_text=_("z. B. „Rathaus, EG“")
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())],
        verbose_name=_("Öffnungszeiten"),
        blank=True,
        max_num=1,
        help_text=_("Regelmäßige Zeiten, Ausnahmen und Feiertage."),
    )
    step_free_access = models.BooleanField(_("Stufenloser Zugang"), default=False)
    accessible_toilet = models.BooleanField(_("Barrierefreies WC"), default=False)
    hearing_loop = models.BooleanField(_("Induktive Höranlage"), default=False)
    disabled_parking = models.BooleanField(_("Behindertenparkplatz"), default=False)
    accessibility_note = models.TextField(
        _("Hinweise zur Barrierefreiheit"),
        blank=True,
        help_text=_("z. B. Aufzug im Hof, Klingel am Seiteneingang"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mitarbeitende"),
        blank=True,
        related_name="organisational_units",
        help_text=_("Wer in dieser Stelle arbeitet (z. B. Vorgänge bearbeitet)."),
    )

    objects = OrganisationalUnitQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("parent_name")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("building"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Anschrift und Kontakt"),
        ),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("step_free_access"), FieldPanel("accessible_toilet")]),
                FieldRowPanel([FieldPanel("hearing_loop"), FieldPanel("disabled_parking")]),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Barrierefreiheit des Gebäudes"),
        ),
        # who works where is managed by the user administration, not by town editors
        FieldPanel("members", permission="auth.change_user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Organisationseinheit")
        verbose_name_plural = _("Organisationseinheiten")
        ordering = ["site", "name"]
        constraints = [
            models.UniqueConstraint(fields=["site", "name"], name="unique_unit_name_per_town")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.site.site_name})"

    @property
    def hours(self):
        """The structured opening hours (a StructValue) or None."""
        for block in self.opening_hours:
            return block.value
        return None

    @property
    def accessibility_features(self) -> list[str]:
        features = [
            (self.step_free_access, _("Stufenloser Zugang")),
            (self.accessible_toilet, _("Barrierefreies WC")),
            (self.hearing_loop, _("Induktive Höranlage")),
            (self.disabled_parking, _("Behindertenparkplatz")),
        ]
        return [str(label) for present, label in features if present]
