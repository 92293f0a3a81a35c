"""Booking files handed to finance: each approved invoice is in exactly one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportBatch(models.Model):
    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSON = "json", "JSON"

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("Erstellt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Erstellt von"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    format = models.CharField(_("Format"), max_length=4, choices=Format.choices)
    filename = models.CharField(_("Dateiname"), max_length=100)
    content = models.TextField(
        _("Inhalt"), help_text=_("Die Buchungsdatei, wie sie erzeugt wurde.")
    )
    count = models.PositiveIntegerField(_("Anzahl Rechnungen"))
    total = models.DecimalField(_("Summe Zahlbeträge"), max_digits=19, decimal_places=2)

    class Meta:
        verbose_name = _("Buchungsdatei")
        verbose_name_plural = _("Buchungsdateien")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename
