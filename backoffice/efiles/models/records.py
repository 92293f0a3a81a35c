"""Akte (file), Vorgang (process), Dokument (document) and its versions – the xdomea
Schriftgutobjekte."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from .plan import Disposal


class Confidentiality(models.IntegerChoices):
    """Schutzstufe. Staff see an object only up to the level they are cleared for."""

    OPEN = 0, _("Offen")
    VS_NFD = 1, _("VS – Nur für den Dienstgebrauch")
    CONFIDENTIAL = 2, _("Vertraulich")


class AkteStatus(models.TextChoices):
    OPEN = "offen", _("In Bearbeitung")
    CLOSED = "zda", _("Geschlossen (zdA)")
    TRANSFERRED = "abgegeben", _("An das Archiv abgegeben")


class AkteQuerySet(models.QuerySet):
    def for_sites(self, site_ids) -> AkteQuerySet:
        return self if site_ids is None else self.filter(site_id__in=site_ids)

    def open(self) -> AkteQuerySet:
        return self.filter(status=AkteStatus.OPEN)


class Akte(index.Indexed, models.Model):
    """A file under a plan unit, kept by an organisational unit."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.PROTECT, related_name="+"
    )
    plan_unit = models.ForeignKey(
        "efiles.PlanUnit",
        verbose_name=_("Aktenplaneinheit"),
        on_delete=models.PROTECT,
        related_name="akten",
    )
    org_unit = models.ForeignKey(
        "core.OrganisationalUnit",
        verbose_name=_("Federführende Stelle"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aktenzeichen = models.CharField(_("Aktenzeichen"), max_length=60, editable=False)
    number = models.PositiveIntegerField(_("Laufende Nummer"), editable=False)
    year = models.PositiveSmallIntegerField(_("Jahr"), editable=False)
    title = models.CharField(_("Betreff"), max_length=255)
    description = models.TextField(_("Beschreibung"), blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("Schutzstufe"), choices=Confidentiality.choices, default=Confidentiality.OPEN
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=AkteStatus.choices, default=AkteStatus.OPEN
    )
    opened_on = models.DateField(_("Angelegt am"), default=timezone.localdate)
    closed_on = models.DateField(_("Geschlossen am (zdA)"), null=True, blank=True)
    retention_years = models.PositiveSmallIntegerField(_("Aufbewahrungsfrist (Jahre)"))
    disposal = models.CharField(_("Aussonderungsart"), max_length=1, choices=Disposal.choices)
    disposal_decision = models.CharField(
        _("Bewertung"),
        max_length=1,
        choices=[
            (Disposal.ARCHIVE, Disposal.ARCHIVE.label),
            (Disposal.DESTROY, Disposal.DESTROY.label),
        ],
        blank=True,
        help_text=_("Entscheidung über eine „B“-Akte: archivieren oder vernichten."),
    )
    transferred_at = models.DateTimeField(_("Abgegeben am"), null=True, blank=True)
    folder = models.ForeignKey(
        "filer.Folder", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AkteQuerySet.as_manager()
    search_auto_update = False  # indexed after the commit: see backoffice/efiles/indexing.py

    search_fields = [
        index.SearchField("aktenzeichen", boost=5),
        index.AutocompleteField("aktenzeichen"),
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("site_id"),
        index.FilterField("org_unit_id"),
        index.FilterField("confidentiality"),
        index.FilterField("status"),
        index.FilterField("opened_on"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("Akte")
        verbose_name_plural = _("Akten")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "aktenzeichen"], name="unique_aktenzeichen")
        ]
        indexes = [
            models.Index(fields=["site", "org_unit", "status"], name="efiles_akte_scope"),
            models.Index(fields=["status", "closed_on"], name="efiles_akte_closed"),
        ]
        permissions = [
            ("dispose_akte", _("Kann Akten aussondern (Registratur)")),
            ("clearance_vs_nfd", _("Darf VS-NfD-Schriftgut sehen")),
            ("clearance_confidential", _("Darf vertrauliches Schriftgut sehen")),
        ]

    def __str__(self) -> str:
        return f"{self.aktenzeichen} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status == AkteStatus.OPEN

    @property
    def retention_ends(self) -> dt.date | None:
        """The last day of the retention period: it runs from the end of the closing year."""
        if self.closed_on is None:
            return None
        return dt.date(self.closed_on.year + self.retention_years, 12, 31)

    @property
    def effective_disposal(self) -> str:
        """A, V, or B while an assessed file has no decision yet."""
        if self.disposal == Disposal.ASSESS and self.disposal_decision:
            return self.disposal_decision
        return self.disposal


class Vorgang(models.Model):
    """A process within an Akte (e.g. one application, one procurement)."""

    akte = models.ForeignKey(
        Akte, verbose_name=_("Akte"), on_delete=models.CASCADE, related_name="vorgaenge"
    )
    number = models.PositiveIntegerField(_("Nummer"), editable=False)
    title = models.CharField(_("Betreff"), max_length=255)
    description = models.TextField(_("Beschreibung"), blank=True)
    opened_on = models.DateField(_("Begonnen am"), default=timezone.localdate)
    closed_on = models.DateField(_("Abgeschlossen am"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Vorgang")
        verbose_name_plural = _("Vorgänge")
        ordering = ["akte", "number"]
        constraints = [
            models.UniqueConstraint(fields=["akte", "number"], name="unique_vorgang_number")
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        """The Aktenzeichen with the process number, e.g. ``020.1/0007/2026-3``."""
        return f"{self.akte.aktenzeichen}-{self.number}"


class DocumentType(models.TextChoices):
    APPLICATION = "antrag", _("Antrag")
    DECISION = "bescheid", _("Bescheid")
    LETTER = "schreiben", _("Schreiben")
    EMAIL = "email", _("E-Mail")
    NOTE = "vermerk", _("Vermerk")
    INVOICE = "rechnung", _("Rechnung")
    CONTRACT = "vertrag", _("Vertrag")
    MINUTES = "protokoll", _("Protokoll")
    PLAN = "plan", _("Plan / Zeichnung")
    OTHER = "sonstiges", _("Sonstiges")


class TextStatus(models.TextChoices):
    PENDING = "wartet", _("Wird ausgelesen")
    DONE = "fertig", _("Volltext vorhanden")
    NONE = "keiner", _("Kein Text (Dateiformat)")
    FAILED = "fehler", _("Text nicht lesbar")


class DokumentQuerySet(models.QuerySet):
    def for_sites(self, site_ids) -> DokumentQuerySet:
        return self if site_ids is None else self.filter(vorgang__akte__site_id__in=site_ids)


class Dokument(index.Indexed, models.Model):
    """A document within a Vorgang; its content lives in versions."""

    vorgang = models.ForeignKey(
        Vorgang, verbose_name=_("Vorgang"), on_delete=models.CASCADE, related_name="dokumente"
    )
    # denormalised for scoping and search filters (kept equal to vorgang.akte)
    akte = models.ForeignKey(
        Akte, on_delete=models.CASCADE, related_name="dokumente", editable=False
    )
    title = models.CharField(_("Titel"), max_length=255)
    document_date = models.DateField(_("Datum des Schriftstücks"), default=timezone.localdate)
    document_type = models.CharField(
        _("Dokumenttyp"), max_length=20, choices=DocumentType.choices, default=DocumentType.OTHER
    )
    sender = models.CharField(_("Absender"), max_length=255, blank=True)
    recipient = models.CharField(_("Empfänger"), max_length=255, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("Schutzstufe"), choices=Confidentiality.choices, default=Confidentiality.OPEN
    )
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Ausgecheckt von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    locked_at = models.DateTimeField(_("Ausgecheckt am"), null=True, blank=True)
    text = models.TextField(_("Volltext"), blank=True, editable=False)
    text_status = models.CharField(
        _("Volltext"), max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField(
        _("Herkunft"),
        max_length=100,
        blank=True,
        help_text=_("Woher das Dokument kam, z. B. „Online-Antrag 2026-BR-00042“."),
    )

    objects = DokumentQuerySet.as_manager()
    search_auto_update = False  # indexed after the commit: see backoffice/efiles/indexing.py

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("sender"),
        index.SearchField("recipient"),
        index.SearchField("text"),
        index.RelatedFields(
            "akte", [index.SearchField("aktenzeichen"), index.SearchField("title")]
        ),
        index.FilterField("akte_id"),
        index.FilterField("confidentiality"),
        index.FilterField("document_type"),
        index.FilterField("document_date"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["vorgang", "document_date", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.vorgang_id and not self.akte_id:
            self.akte_id = self.vorgang.akte_id
        super().save(*args, **kwargs)

    @property
    def current_version(self) -> DokumentVersion | None:
        return self.versions.order_by("-number").first()


class DokumentVersion(models.Model):
    """One upload of a document. Versions are never changed; a new upload is a new one."""

    dokument = models.ForeignKey(
        Dokument, verbose_name=_("Dokument"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("Version"))
    file = models.ForeignKey(
        "filer.File", verbose_name=_("Datei"), on_delete=models.PROTECT, related_name="+"
    )
    filename = models.CharField(_("Dateiname"), max_length=255)
    content_type = models.CharField(_("Dateityp"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("Größe (Bytes)"))
    sha256 = models.CharField(_("Prüfsumme (SHA-256)"), max_length=64)
    comment = models.CharField(_("Kommentar"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("Hochgeladen am"), default=timezone.now)

    class Meta:
        verbose_name = _("Dokumentversion")
        verbose_name_plural = _("Dokumentversionen")
        ordering = ["dokument", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["dokument", "number"], name="unique_dokument_version")
        ]

    def __str__(self) -> str:
        return f"{self.dokument} – {self.number}"
