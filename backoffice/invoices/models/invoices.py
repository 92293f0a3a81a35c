"""A received e-invoice and every step taken on it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import invoice_storage, invoice_upload_to


class InvoiceStatus(models.TextChoices):
    """The approval path of an invoice (Rechnungslauf)."""

    RECEIVED = "eingegangen", _("Eingegangen")
    FORMAL = "formal_geprueft", _("Formal geprüft")
    FACTUAL = "sachlich_richtig", _("Sachlich richtig")
    ARITHMETIC = "rechnerisch_richtig", _("Rechnerisch richtig")
    ORDERED = "angeordnet", _("Angeordnet")
    EXPORTED = "exportiert", _("Exportiert")
    REJECTED = "zurueckgewiesen", _("Zurückgewiesen")


OPEN_STATUSES = (
    InvoiceStatus.RECEIVED,
    InvoiceStatus.FORMAL,
    InvoiceStatus.FACTUAL,
    InvoiceStatus.ARITHMETIC,
    InvoiceStatus.ORDERED,
)


class Source(models.TextChoices):
    UPLOAD = "upload", _("Hochgeladen")
    COMMAND = "command", _("Stapelimport")
    API = "api", _("Schnittstelle")


class InvoiceQuerySet(models.QuerySet):
    def open(self) -> InvoiceQuerySet:
        """Not yet paid out: neither exported nor rejected."""
        return self.filter(status__in=OPEN_STATUSES)

    def for_sites(self, site_ids) -> InvoiceQuerySet:
        return self if site_ids is None else self.filter(site_id__in=site_ids)


class Invoice(models.Model):
    """One e-invoice as received: the original file, the normalised document (JSON, by
    EN 16931 business terms), the findings of the validation and the values the approval
    path works with (denormalised from the document so lists and exports need no JSON)."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.PROTECT, related_name="+"
    )
    org_unit = models.ForeignKey(
        "core.OrganisationalUnit",
        verbose_name=_("Dienststelle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Aus der Leitweg-ID; leer, wenn keine Dienststelle zugeordnet ist."),
    )
    status = models.CharField(
        _("Status"),
        max_length=24,
        choices=InvoiceStatus.choices,
        default=InvoiceStatus.RECEIVED,
        db_index=True,
    )
    source = models.CharField(_("Eingangsweg"), max_length=10, choices=Source.choices)
    received_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True, db_index=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingestellt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # --- the file as received ---------------------------------------------------------------
    original = models.FileField(
        _("Originaldatei"), storage=invoice_storage, upload_to=invoice_upload_to, max_length=255
    )
    original_name = models.CharField(_("Dateiname"), max_length=255)
    original_sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    container = models.CharField(
        _("Dateiart"), max_length=4, choices=[("xml", "XML"), ("pdf", "PDF (ZUGFeRD/Factur-X)")]
    )
    syntax = models.CharField(
        _("Syntax"), max_length=3, choices=[("UBL", "UBL 2.1"), ("CII", "UN/CEFACT CII")]
    )
    specification_id = models.CharField(_("Spezifikation (BT-24)"), max_length=255, blank=True)
    document = models.JSONField(
        _("Rechnungsinhalt"),
        default=dict,
        help_text=_("Die Rechnung nach EN 16931 (ohne Inhalte der Anhänge)."),
    )
    findings = models.JSONField(_("Prüfhinweise"), default=list, blank=True)

    # --- what lists, deadlines and the export need -----------------------------------------
    number = models.CharField(_("Rechnungsnummer"), max_length=200, db_index=True)
    issue_date = models.DateField(_("Rechnungsdatum"), null=True, blank=True)
    type_code = models.CharField(_("Rechnungsart (BT-3)"), max_length=3, blank=True)
    currency = models.CharField(_("Währung"), max_length=3, default="EUR")
    leitweg_id = models.CharField(_("Leitweg-ID"), max_length=100, blank=True, db_index=True)
    seller_name = models.CharField(_("Rechnungssteller"), max_length=255)
    seller_vat_id = models.CharField(
        _("USt-IdNr. des Rechnungsstellers"), max_length=50, blank=True
    )
    seller_key = models.CharField(
        _("Kennung des Rechnungsstellers"),
        max_length=255,
        db_index=True,
        help_text=_("USt-IdNr., sonst Steuernummer, sonst Name – für die Dublettenprüfung."),
    )
    buyer_name = models.CharField(_("Rechnungsempfänger"), max_length=255, blank=True)
    order_ref = models.CharField(_("Bestellnummer"), max_length=200, blank=True)
    contract_ref = models.CharField(_("Vertragsnummer"), max_length=200, blank=True)
    net_total = models.DecimalField(_("Nettobetrag"), max_digits=19, decimal_places=2, null=True)
    vat_total = models.DecimalField(_("Umsatzsteuer"), max_digits=19, decimal_places=2, null=True)
    gross_total = models.DecimalField(_("Bruttobetrag"), max_digits=19, decimal_places=2, null=True)
    amount_due = models.DecimalField(
        _("Zahlbetrag"), max_digits=19, decimal_places=2, null=True, db_index=True
    )
    due_date = models.DateField(_("Fällig am"), null=True, blank=True, db_index=True)
    skonto_until = models.DateField(_("Skonto bis"), null=True, blank=True, db_index=True)
    skonto_percent = models.DecimalField(
        _("Skonto (%)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    skonto_amount = models.DecimalField(
        _("Skontobetrag"), max_digits=19, decimal_places=2, null=True, blank=True
    )
    creditor_name = models.CharField(_("Zahlungsempfänger"), max_length=255, blank=True)
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    cost_centre = models.CharField(
        _("Kostenstelle"),
        max_length=100,
        blank=True,
        help_text=_("Vorbelegt aus der Buchungsreferenz des Käufers (BT-19)."),
    )
    booking_text = models.CharField(_("Buchungstext"), max_length=140, blank=True)

    # --- the path ---------------------------------------------------------------------------
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("Mögliche Dublette von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    factual_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Sachlich richtig gezeichnet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    arithmetic_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Rechnerisch richtig gezeichnet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    first_order_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Erste Anordnung von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bei Beträgen über der Anordnungsgrenze: wer zuerst angeordnet hat."),
    )
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Angeordnet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("Grund der Zurückweisung"), blank=True)
    rejection_notice = models.TextField(_("Mitteilung an den Rechnungssteller"), blank=True)
    export_batch = models.ForeignKey(
        "invoices.ExportBatch",
        verbose_name=_("Exportdatei"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="invoices",
    )
    exported_at = models.DateTimeField(_("Exportiert am"), null=True, blank=True)
    filed_at = models.DateTimeField(_("Abgelegt am"), null=True, blank=True)
    filed_in = models.CharField(_("Abgelegt in Akte"), max_length=100, blank=True)
    last_reminder_on = models.DateField(_("Zuletzt erinnert am"), null=True, blank=True)

    objects = InvoiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("Rechnung")
        verbose_name_plural = _("Rechnungen")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["site", "seller_key", "number"], name="invoice_dup_idx")]
        permissions = [
            ("receive_invoice", _("Rechnungen entgegennehmen und formal prüfen")),
            ("confirm_factual", _("Sachlich richtig zeichnen")),
            ("confirm_arithmetic", _("Rechnerisch richtig zeichnen")),
            ("order_payment", _("Zahlungen anordnen")),
            ("export_invoice", _("An die Finanzbuchhaltung exportieren")),
            ("manage_routing", _("Leitweg-IDs, Zugänge und Anordnungsgrenzen verwalten")),
        ]

    def __str__(self) -> str:
        # the id first: it tells apart duplicates (same number and seller), also where the
        # E-Akte names the source of a filed document (cut at 100 characters)
        return f"#{self.pk} {self.number} – {self.seller_name}"


class InvoiceStep(models.Model):
    """One step on an invoice's path: who did what, when, with which comment. Append-only."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Eingegangen")
        FORMAL = "formal", _("Formal geprüft")
        FACTUAL = "factual", _("Sachlich richtig")
        ARITHMETIC = "arithmetic", _("Rechnerisch richtig")
        FIRST_ORDER = "first_order", _("Erste Anordnung")
        ORDERED = "ordered", _("Angeordnet")
        EXPORTED = "exported", _("Exportiert")
        FILED = "filed", _("In E-Akte abgelegt")
        REJECTED = "rejected", _("Zurückgewiesen")
        ASSIGNED = "assigned", _("Dienststelle zugeordnet")
        EDITED = "edited", _("Buchungsdaten geändert")
        COMMENT = "comment", _("Kommentar")
        REMINDED = "reminded", _("Erinnerung versandt")

    invoice = models.ForeignKey(
        Invoice, verbose_name=_("Rechnung"), on_delete=models.CASCADE, related_name="steps"
    )
    action = models.CharField(_("Schritt"), max_length=16, choices=Action.choices)
    from_status = models.CharField(
        _("Vorher"), max_length=24, choices=InvoiceStatus.choices, blank=True
    )
    to_status = models.CharField(_("Nachher"), max_length=24, choices=InvoiceStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Wer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user_name = models.CharField(
        _("Name"),
        max_length=255,
        blank=True,
        help_text=_("Bleibt, auch wenn das Konto gelöscht wird."),
    )
    at = models.DateTimeField(_("Wann"), auto_now_add=True, db_index=True)
    comment = models.TextField(_("Kommentar"), blank=True)
    data = models.JSONField(_("Angaben"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Bearbeitungsschritt")
        verbose_name_plural = _("Bearbeitungsschritte")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {self.at:%d.%m.%Y %H:%M}"
