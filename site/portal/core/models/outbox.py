"""Mail outbox: a mail is stored in the same transaction as what caused it and sent by
the task worker afterwards, so a crash after the save loses no confirmation mail."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    to = models.JSONField(_("Empfänger"), default=list)
    subject = models.CharField(_("Betreff"), max_length=255)
    body = models.TextField(_("Text"))
    html = models.TextField(_("HTML"), blank=True)
    reply_to = models.CharField(_("Antwort an"), max_length=254, blank=True)
    # [{"filename": "termin.ics", "mimetype": "text/calendar", "content": "<base64>"}]
    attachments = models.JSONField(_("Anhänge"), default=list, blank=True)
    created_at = models.DateTimeField(_("Erstellt"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("Versendet"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.TextField(_("Letzter Fehler"), blank=True)

    class Meta:
        verbose_name = _("Ausgehende E-Mail")
        verbose_name_plural = _("Ausgehende E-Mails")
        ordering = ["created_at"]
        # not about mails: the core's one model with personal data carries the right to
        # answer requests under Art. 15/17 GDPR for every town (personal_data_admin.py)
        permissions = [
            (
                "handle_personal_data_requests",
                _("Kann Auskunft und Löschung personenbezogener Daten bearbeiten (alle Städte)"),
            )
        ]

    def __str__(self) -> str:
        return self.subject
