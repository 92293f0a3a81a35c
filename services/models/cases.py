"""Cases (Vorgänge): what a submitted application becomes, with files, history and the
private tracking token; drafts of applications saved to continue later."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import case_file_path, draft_file_path, private_storage


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh unguessable token and its hash (only the hash is stored)."""
    token = secrets.token_urlsafe(24)
    return token, hash_token(token)


class CaseStatus(models.TextChoices):
    RECEIVED = "eingegangen", _("Eingegangen")
    IN_PROGRESS = "in_bearbeitung", _("In Bearbeitung")
    QUERY = "rueckfrage", _("Rückfrage an Antragsteller")
    COMPLETED = "abgeschlossen", _("Abgeschlossen")
    REJECTED = "abgelehnt", _("Abgelehnt")


CLOSED_STATUSES = {CaseStatus.COMPLETED, CaseStatus.REJECTED}
TRANSITIONS: dict[str, list[str]] = {
    CaseStatus.RECEIVED: [
        CaseStatus.IN_PROGRESS,
        CaseStatus.QUERY,
        CaseStatus.COMPLETED,
        CaseStatus.REJECTED,
    ],
    CaseStatus.IN_PROGRESS: [CaseStatus.QUERY, CaseStatus.COMPLETED, CaseStatus.REJECTED],
    CaseStatus.QUERY: [CaseStatus.IN_PROGRESS, CaseStatus.COMPLETED, CaseStatus.REJECTED],
    CaseStatus.COMPLETED: [CaseStatus.IN_PROGRESS],
    CaseStatus.REJECTED: [CaseStatus.IN_PROGRESS],
}


class CaseSequence(models.Model):
    """The last case number given out per town and year (locked while counting)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "year"], name="unique_case_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.site_id}/{self.year}: {self.last_number}"


class CaseQuerySet(models.QuerySet):
    def for_sites(self, site_ids) -> CaseQuerySet:
        """``site_ids`` None means every town (see portal.core.permissions)."""
        return self if site_ids is None else self.filter(site_id__in=site_ids)

    def open(self) -> CaseQuerySet:
        return self.exclude(status__in=CLOSED_STATUSES)


class Case(models.Model):
    """A Vorgang: one submitted application in one town."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(_("Vorgangsnummer"), max_length=30)
    year = models.PositiveSmallIntegerField(_("Jahr"))
    number = models.PositiveIntegerField(_("Laufende Nummer"))
    service_page = models.ForeignKey(
        "services.ServicePage",
        verbose_name=_("Leistung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    service_name = models.CharField(_("Leistung"), max_length=255)
    form = models.ForeignKey(
        "services.ApplicationForm",
        verbose_name=_("Formular"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.RECEIVED,
        db_index=True,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Bearbeitet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    # [{"key", "label", "type", "value", "display"}] – labels kept as they were asked
    data = models.JSONField(_("Angaben"), default=list, blank=True)
    applicant_email = models.EmailField(_("E-Mail der antragstellenden Person"), blank=True)
    applicant_name = models.CharField(
        _("Name der antragstellenden Person"), max_length=200, blank=True
    )
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    tracking_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submitted_at = models.DateTimeField(_("Eingegangen am"), db_index=True)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)
    closed_at = models.DateTimeField(_("Abgeschlossen am"), null=True, blank=True)
    retention_days = models.PositiveSmallIntegerField(_("Aufbewahrung (Tage)"), default=90)
    retention_action = models.CharField(_("Nach Ablauf"), max_length=10, default="anonymise")
    delete_after = models.DateTimeField(_("Löschen nach"), null=True, blank=True, db_index=True)
    anonymised_at = models.DateTimeField(_("Anonymisiert am"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("Vorgang")
        verbose_name_plural = _("Vorgänge")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["site", "reference"], name="unique_case_reference"),
            models.UniqueConstraint(fields=["site", "year", "number"], name="unique_case_number"),
        ]
        permissions = [("export_case", _("Vorgänge exportieren"))]

    def __str__(self) -> str:
        return f"{self.reference} – {self.service_name}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    def allowed_transitions(self) -> list[str]:
        if self.is_anonymised:
            return []
        return TRANSITIONS.get(self.status, [])


class CaseFile(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    field_key = models.CharField(max_length=60)
    original_name = models.CharField(_("Dateiname"), max_length=255)
    file = models.FileField(storage=private_storage, upload_to=case_file_path, max_length=255)
    content_type = models.CharField(_("Dateityp"), max_length=100)
    size = models.PositiveIntegerField(_("Größe (Bytes)"))
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Datei eines Vorgangs")
        verbose_name_plural = _("Dateien eines Vorgangs")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class CaseEventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Antrag eingegangen")
    STATUS = "status", _("Status geändert")
    ASSIGNED = "assigned", _("Zuständigkeit geändert")
    NOTE = "note", _("Interne Notiz")
    MESSAGE = "message", _("Nachricht an Antragsteller")
    REPLY = "reply", _("Antwort der antragstellenden Person")
    EXPORTED = "exported", _("Exportiert")
    DOWNLOADED = "downloaded", _("Datei heruntergeladen")
    ANONYMISED = "anonymised", _("Personenbezogene Daten gelöscht")


class CaseEvent(models.Model):
    """One entry of a case's history: who did what, when. Append-only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Durch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("Art"), max_length=20, choices=CaseEventKind.choices)
    old_value = models.CharField(_("Vorher"), max_length=200, blank=True)
    new_value = models.CharField(_("Nachher"), max_length=200, blank=True)
    text = models.TextField(_("Text"), blank=True)
    visible_to_citizen = models.BooleanField(_("Für Antragsteller sichtbar"), default=False)

    class Meta:
        verbose_name = _("Eintrag im Verlauf")
        verbose_name_plural = _("Verlauf")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_kind_display()}"


class ApplicationDraft(models.Model):
    """An application in progress: the answers so far and uploaded files.

    Lives from the first completed step until it is sent or expires; the citizen
    continues it in the same browser session or, after "save and continue later",
    from the link mailed to them (token, stored as hash).
    """

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    service_page = models.ForeignKey(
        "services.ServicePage", on_delete=models.CASCADE, related_name="drafts"
    )
    form = models.ForeignKey(
        "services.ApplicationForm", on_delete=models.CASCADE, related_name="drafts"
    )
    data = models.JSONField(default=dict, blank=True)
    completed_steps = models.JSONField(default=list, blank=True)
    email = models.EmailField(blank=True)
    resume_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Antragsentwurf")
        verbose_name_plural = _("Antragsentwürfe")

    def __str__(self) -> str:
        return f"{self.form} ({self.created_at:%d.%m.%Y})"


class DraftFile(models.Model):
    draft = models.ForeignKey(ApplicationDraft, on_delete=models.CASCADE, related_name="files")
    field_key = models.CharField(max_length=60)
    original_name = models.CharField(max_length=255)
    file = models.FileField(storage=private_storage, upload_to=draft_file_path, max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
