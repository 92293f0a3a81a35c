"""Where invoices go (Leitweg-ID → town and office), who may order how much, who may deliver."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LEITWEG_VALIDATOR = RegexValidator(
    r"^[0-9]{2,12}(-[0-9A-Za-z]{1,30})?(-[0-9]{2})?$",
    _("Leitweg-ID wie „08215000-12345-67“ oder ein Anfang davon („08215000“)."),
)


class LeitwegRoute(models.Model):
    """A Leitweg-ID (or the start of one) of a town: invoices to it go to this office and are
    filed into this Akte. The longest matching entry wins."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.CASCADE, related_name="+"
    )
    leitweg_id = models.CharField(
        _("Leitweg-ID"),
        max_length=46,
        unique=True,
        validators=[LEITWEG_VALIDATOR],
        help_text=_(
            "Vollständig („08215000-12345-67“) oder nur der Anfang („08215000“) für alle "
            "Leitweg-IDs der Stadt."
        ),
    )
    org_unit = models.ForeignKey(
        "core.OrganisationalUnit",
        verbose_name=_("Dienststelle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    akte = models.ForeignKey(
        "efiles.Akte",
        verbose_name=_("Akte für Rechnungen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hierhin werden angeordnete Rechnungen mit ihrem Prüfvermerk abgelegt."),
    )
    description = models.CharField(_("Beschreibung"), max_length=200, blank=True)
    active = models.BooleanField(_("Aktiv"), default=True)

    class Meta:
        verbose_name = _("Leitweg-ID")
        verbose_name_plural = _("Leitweg-IDs")
        ordering = ["site", "leitweg_id"]

    def __str__(self) -> str:
        return self.leitweg_id


class ApprovalLimit(models.Model):
    """Up to which amount a person may give the Anordnung alone (Anordnungsgrenze). Above it a
    second person with the right to order must co-sign."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="invoice_approval_limits",
    )
    max_amount = models.DecimalField(
        _("Anordnungsgrenze (EUR)"),
        max_digits=19,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Bis zu diesem Zahlbetrag allein; darüber zeichnet eine zweite Person mit."),
    )

    class Meta:
        verbose_name = _("Anordnungsgrenze")
        verbose_name_plural = _("Anordnungsgrenzen")
        constraints = [
            models.UniqueConstraint(fields=["site", "user"], name="invoices_one_limit_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} ≤ {self.max_amount} EUR"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class DeliveryToken(models.Model):
    """A key with which a machine (e.g. a town's e-invoice gateway) delivers invoices over
    the API."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("Bezeichnung"), max_length=100, help_text=_("z. B. „OZG-RE“"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_prefix = models.CharField(_("Schlüsselanfang"), max_length=8, editable=False)
    active = models.BooleanField(_("Aktiv"), default=True)
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Angelegt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("Zuletzt benutzt"), null=True, blank=True)

    class Meta:
        verbose_name = _("Zugang für Einlieferung")
        verbose_name_plural = _("Zugänge für Einlieferung")

    def __str__(self) -> str:
        return f"{self.name} ({self.token_prefix}…)"

    def set_new_token(self) -> str:
        """Give this entry a new secret; returns it (shown once, stored only as a hash)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.token_prefix = token[:8]
        return token
