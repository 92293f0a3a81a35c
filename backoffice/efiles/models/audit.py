"""The append-only audit trail (Protokoll) of the E-Akte.

Why not Wagtail's ``ModelLogEntry``: entries here must outlive the object (a destroyed
file leaves a tombstone), record reads (views, downloads) in volume, carry the town for
scoping and be impossible to change or delete through the application – the model refuses
updates and deletes, and on PostgreSQL a trigger refuses them in the database too.
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("Angesehen")
    DOWNLOAD = "download", _("Heruntergeladen")
    CREATE = "create", _("Angelegt")
    CHANGE = "change", _("Geändert")
    UPLOAD = "upload", _("Neue Version")
    LOCK = "lock", _("Ausgecheckt")
    UNLOCK = "unlock", _("Eingecheckt")
    CLOSE = "close", _("Geschlossen (zdA)")
    REOPEN = "reopen", _("Wieder geöffnet")
    ASSESS = "assess", _("Bewertet")
    EXPORT = "export", _("Exportiert (xdomea)")
    TRANSFER = "transfer", _("An das Archiv abgegeben")
    DESTROY = "destroy", _("Vernichtet")
    IMPORT = "import", _("Importiert")


class ObjectKind(models.TextChoices):
    PLAN = "plan", _("Aktenplan")
    AKTE = "akte", _("Akte")
    VORGANG = "vorgang", _("Vorgang")
    DOKUMENT = "dokument", _("Dokument")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Protokolleinträge können nicht geändert werden.")

    def delete(self):
        raise PermissionError("Protokolleinträge können nicht gelöscht werden.")

    def for_sites(self, site_ids) -> AuditEntryQuerySet:
        return self if site_ids is None else self.filter(site_id__in=site_ids)


class AuditEntry(models.Model):
    """Who did what to which object, when, with the values before and after."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    timestamp = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    username = models.CharField(_("Benutzername"), max_length=150, blank=True)
    action = models.CharField(_("Aktion"), max_length=10, choices=AuditAction.choices)
    object_kind = models.CharField(_("Objektart"), max_length=10, choices=ObjectKind.choices)
    object_id = models.PositiveBigIntegerField(_("Objekt-ID"))
    # kept as plain values: they stay readable after the file is destroyed
    akte_id = models.PositiveBigIntegerField(_("Akten-ID"), null=True, db_index=True)
    aktenzeichen = models.CharField(_("Aktenzeichen"), max_length=60, blank=True, db_index=True)
    label = models.CharField(_("Bezeichnung"), max_length=255, blank=True)
    message = models.CharField(_("Hinweis"), max_length=500, blank=True)
    before = models.JSONField(_("Vorher"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(_("Nachher"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-timestamp", "-pk"]
        indexes = [
            models.Index(fields=["object_kind", "object_id"], name="efiles_audit_object"),
            models.Index(fields=["site", "timestamp"], name="efiles_audit_site_time"),
        ]
        default_permissions = ("view",)

    def __str__(self) -> str:
        when = f"{self.timestamp:%d.%m.%Y %H:%M}"
        return f"{when} {self.username} {self.get_action_display()} {self.label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Protokolleinträge können nicht geändert werden.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Protokolleinträge können nicht gelöscht werden.")
