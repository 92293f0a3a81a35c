"""Reusable snippets placed by blocks: contacts and shared content.

A snippet with a site belongs to that town; one without a site is region-wide.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from .streams import reusable_stream


class TownScopedSnippet(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leer lassen für Inhalte, die in der ganzen Region gelten."),
    )

    class Meta:
        abstract = True

    @property
    def scope_label(self) -> str:
        return self.site.site_name if self.site_id else str(_("Region"))


class Contact(TownScopedSnippet, index.Indexed):
    """A person or office to contact – edited once, shown on many pages."""

    name = models.CharField(_("Name"), max_length=200, help_text=_("Person oder Stelle"))
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    organisation = models.CharField(_("Organisation/Amt"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    room = models.CharField(_("Zimmer"), max_length=50, blank=True)
    note = models.TextField(_("Hinweis"), blank=True, help_text=_("z. B. Sprechzeiten"))

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("room"),
            ],
            heading=_("Anschrift"),
        ),
        FieldPanel("note"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organisation")]

    class Meta:
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.scope_label})"


class ReusableContent(TownScopedSnippet, DraftStateMixin, RevisionMixin, index.Indexed):
    """Shared content (e.g. a notice about the Bürgerbüro) placed on many pages."""

    title = models.CharField(_("Titel"), max_length=200, help_text=_("Nur für die Redaktion"))
    body = StreamField(reusable_stream(), verbose_name=_("Inhalt"))

    panels = [FieldPanel("title"), FieldPanel("site"), FieldPanel("body")]
    search_fields = [index.SearchField("title")]

    class Meta:
        verbose_name = _("Wiederverwendbarer Inhalt")
        verbose_name_plural = _("Wiederverwendbare Inhalte")
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.scope_label})"
