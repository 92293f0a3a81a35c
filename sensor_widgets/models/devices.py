"""Devices that report (a LoRaWAN end device or an HTTP client) and intake problems."""

from __future__ import annotations

import hashlib
import secrets

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .entities import Thing

TOKEN_PREFIX = "sen_"  # noqa: S105 – the visible prefix of every token, not a secret


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class DeviceQuerySet(models.QuerySet):
    def by_token(self, token: str) -> Device | None:
        """The enabled device of an HTTP token (only its hash is stored)."""
        if not token or len(token) > 200:
            return None
        return (
            self.filter(token_hash=hash_token(token), enabled=True).select_related("thing").first()
        )


class Device(models.Model):
    """Reports the values of one Thing: its payloads are decoded by ``decoder`` and each
    value goes to the Thing's datastream with the same ``key``."""

    thing = models.ForeignKey(
        Thing, verbose_name=_("Messstelle"), on_delete=models.CASCADE, related_name="devices"
    )
    name = models.CharField(_("Name"), max_length=200)
    dev_eui = models.CharField(
        _("DevEUI"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(r"^[0-9A-F]{16}$", _("16 Hexadezimalzeichen, z. B. 70B3D57ED005A1B2"))
        ],
        help_text=_("Kennung des LoRaWAN-Geräts (leer bei Geräten, die über HTTP melden)"),
    )
    decoder = models.CharField(
        _("Decoder"),
        max_length=64,
        default="json",
        help_text=_("Wandelt die Nutzdaten des Geräts in Messwerte um."),
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    token_hint = models.CharField(_("Token beginnt mit"), max_length=12, blank=True, editable=False)
    enabled = models.BooleanField(_("aktiv"), default=True)
    # kept by the intake
    last_seen_at = models.DateTimeField(
        _("zuletzt gemeldet"), null=True, blank=True, editable=False
    )
    accepted_count = models.PositiveBigIntegerField(_("angenommen"), default=0, editable=False)
    rejected_count = models.PositiveBigIntegerField(_("abgewiesen"), default=0, editable=False)
    last_error = models.TextField(_("letzter Fehler"), blank=True, editable=False)
    last_error_at = models.DateTimeField(_("Fehler am"), null=True, blank=True, editable=False)

    objects = DeviceQuerySet.as_manager()
    site_lookup = "thing__site_id"

    class Meta:
        verbose_name = _("Gerät")
        verbose_name_plural = _("Geräte")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.dev_eui:
            self.dev_eui = self.dev_eui.strip().upper().replace(":", "").replace("-", "")
        else:
            self.dev_eui = None
        super().save(*args, **kwargs)

    @property
    def site_id(self) -> int | None:
        """The town, through the Thing (for the town-scoped admin permissions)."""
        return self.thing.site_id if self.thing_id else None

    def issue_token(self) -> str:
        """A new HTTP token: returned once, only its hash is kept. Replaces the old one."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.token_hint = token[: len(TOKEN_PREFIX) + 4]
        self.save(update_fields=["token_hash", "token_hint"])
        return token

    def count_accepted(self, count: int) -> None:
        Device.objects.filter(pk=self.pk).update(
            accepted_count=F("accepted_count") + count, last_seen_at=timezone.now()
        )

    def count_rejected(self, message: str, count: int = 1) -> None:
        now = timezone.now()
        Device.objects.filter(pk=self.pk).update(
            rejected_count=F("rejected_count") + count,
            last_error=str(message)[:2000],
            last_error_at=now,
            last_seen_at=now,
        )


class IntakeProblem(models.Model):
    """Deliveries that could not be attributed to a device (unknown DevEUI, wrong token,
    unreadable message), counted per source and identifier."""

    class Source(models.TextChoices):
        HTTP = "http", _("HTTP")
        MQTT = "mqtt", _("MQTT")

    source = models.CharField(_("Weg"), max_length=8, choices=Source)
    identifier = models.CharField(_("Kennung"), max_length=200)
    count = models.PositiveBigIntegerField(_("Anzahl"), default=0)
    last_message = models.TextField(_("letzter Fehler"))
    first_seen_at = models.DateTimeField(_("zuerst"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("zuletzt"), auto_now=True)

    class Meta:
        verbose_name = _("Abgewiesene Lieferung")
        verbose_name_plural = _("Abgewiesene Lieferungen")
        ordering = ["-last_seen_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "identifier"], name="sensor_problem_once")
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.identifier}"

    @classmethod
    def record(cls, source: str, identifier: str, message: str, count: int = 1) -> None:
        identifier = (identifier or "?")[:200]
        updated = cls.objects.filter(source=source, identifier=identifier).update(
            count=F("count") + count, last_message=str(message)[:2000], last_seen_at=timezone.now()
        )
        if not updated:
            problem, created = cls.objects.get_or_create(
                source=source,
                identifier=identifier,
                defaults={"count": count, "last_message": str(message)[:2000]},
            )
            if not created:
                cls.objects.filter(pk=problem.pk).update(count=F("count") + count)
