"""Regional taxonomies shared by clubs, events and volunteering: written once for the
region, the same in every town (so the regional directory can filter across towns)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Term(models.Model):
    """A regional term: name, address slug and position in lists."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(_("Kürzel in Adressen"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Category(Term):
    """Sport, Musik, Kultur, … – a club's field of activity and an event's topic."""

    class Meta(Term.Meta):
        verbose_name = _("Vereinskategorie")
        verbose_name_plural = _("Vereinskategorien")


class TargetGroup(Term):
    """Kinder, Jugendliche, Familien, Senioren, … – who an offer is meant for."""

    class Meta(Term.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
