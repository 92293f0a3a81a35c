"""The regional service catalogue: service descriptions (Leistungen) written once for all
towns, grouped by life situations (Lebenslagen)."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from ..leika import formatted, normalise, validate_leika
from ..sections import SECTIONS

SECTION_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class Lebenslage(index.Indexed, models.Model):
    """A life situation such as Umzug, Geburt, Hochzeit: groups services for citizens."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kürzel in der Adresse"), max_length=100, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("Lebenslage")
        verbose_name_plural = _("Lebenslagen")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


def section_field(key: str) -> RichTextField:
    label = next(section.label for section in SECTIONS if section.key == key)
    return RichTextField(label, blank=True, features=SECTION_FEATURES)


class Leistung(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """A service description maintained once by the regional team for every town."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    leika_key = models.CharField(
        _("LeiKa-Schlüssel"),
        max_length=20,
        blank=True,
        validators=[validate_leika],
        help_text=_("Leistungsschlüssel aus dem Leistungskatalog (LeiKa), 14 Ziffern."),
    )
    teaser = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_("Ein Satz für Übersichten und Suchergebnisse."),
    )
    synonyms = models.TextField(
        _("Suchbegriffe"),
        blank=True,
        help_text=_("Weitere Wörter, unter denen Menschen die Leistung suchen, je Zeile eines."),
    )
    lebenslagen = models.ManyToManyField(
        Lebenslage, verbose_name=_("Lebenslagen"), blank=True, related_name="leistungen"
    )
    # the FIM sections (sections.SECTIONS)
    volltext = section_field("volltext")
    voraussetzungen = section_field("voraussetzungen")
    unterlagen = section_field("unterlagen")
    kosten = section_field("kosten")
    fristen = section_field("fristen")
    bearbeitungsdauer = section_field("bearbeitungsdauer")
    verfahrensablauf = section_field("verfahrensablauf")
    rechtsgrundlage = section_field("rechtsgrundlage")
    hinweise = section_field("hinweise")
    formulare = section_field("formulare")

    panels = [
        FieldPanel("name"),
        FieldPanel("leika_key"),
        FieldPanel("teaser"),
        FieldPanel("synonyms"),
        FieldPanel("lebenslagen", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel(section.key) for section in SECTIONS], heading=_("Leistungsbeschreibung")
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("synonyms", boost=3),
        index.SearchField("teaser"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("Leistung (regional)")
        verbose_name_plural = _("Leistungen (regional)")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.leika_key = normalise(self.leika_key)

    @property
    def leika_formatted(self) -> str:
        return formatted(self.leika_key)

    @property
    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]
