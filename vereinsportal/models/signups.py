"""Sign-ups for one occurrence of an event, with capacity and waiting list.

Capacity is counted in places (a family may sign up for three). Whoever holds a lock on
the occurrence row counts and inserts (``vereinsportal.signups.service``), so of two
people racing for the last place exactly one gets it on PostgreSQL; SQLite serialises
writers anyway. Only a hash of the cancel token is stored.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("angemeldet")
    WAITING = "waiting", _("auf der Warteliste")
    CANCELLED = "cancelled", _("abgemeldet")


class Signup(models.Model):
    occurrence = models.ForeignKey(
        "vereinsportal.EventOccurrence", on_delete=models.CASCADE, related_name="signups"
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail-Adresse"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    places = models.PositiveSmallIntegerField(_("Plätze"), default=1)
    note = models.CharField(_("Anmerkung"), max_length=500, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=SignupStatus.choices, default=SignupStatus.CONFIRMED
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("nachgerückt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    language = models.CharField(
        _("Sprache"), max_length=10, blank=True, help_text=_("Sprache der E-Mails.")
    )
    dropped_mailed_at = models.DateTimeField(
        _("über Ausfall informiert am"),
        null=True,
        blank=True,
        help_text=_("Wann die Person erfahren hat, dass der Termin entfällt (einmal)."),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "occurrence",
                models.functions.Lower("email"),
                condition=~Q(status="cancelled"),
                name="vereinsportal_one_active_signup_per_email",
            )
        ]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
