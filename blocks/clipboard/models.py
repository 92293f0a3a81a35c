"""One copied block per row; each editor has a clipboard of their own."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_ITEMS_PER_USER = 20


class ClipboardItem(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer"),
        on_delete=models.CASCADE,
        related_name="block_clipboard_items",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Herkunftsseite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField(_("Titel der Herkunftsseite"), max_length=255, blank=True)
    field_name = models.CharField(_("Feld"), max_length=255)
    block_type = models.CharField(_("Blocktyp"), max_length=255)
    block_label = models.CharField(_("Blockbezeichnung"), max_length=255, blank=True)
    summary = models.CharField(_("Zusammenfassung"), max_length=255, blank=True)
    value = models.JSONField(_("Inhalt"), help_text=_("Der Block als JSON: Typ und Wert."))
    created_at = models.DateTimeField(_("Kopiert am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Block in der Zwischenablage")
        verbose_name_plural = _("Blöcke in der Zwischenablage")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return self.block_label or self.block_type

    @property
    def raw_value(self):
        """The block's value as stored in a StreamField (without type and id)."""
        return self.value.get("value") if isinstance(self.value, dict) else None

    @property
    def source_title(self) -> str:
        return self.page.title if self.page is not None else self.page_title

    @classmethod
    def trim_for(cls, user) -> int:
        """Keep only the newest MAX_ITEMS_PER_USER items of ``user``; return how many went."""
        keep = cls.objects.filter(user=user).values_list("pk", flat=True)[:MAX_ITEMS_PER_USER]
        deleted, _details = cls.objects.filter(user=user).exclude(pk__in=list(keep)).delete()
        return deleted
