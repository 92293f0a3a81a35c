"""Ehrenamtsbörse: clubs post volunteer opportunities, citizens express interest.

The interest (with the citizen's contact details) goes only to that club – by mail and
in the club dashboard – and is deleted ``VEREINE_INTEREST_KEEP_DAYS`` after it arrived.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.core.models import BasePage


class VolunteerBoardPage(RoutablePageMixin, BasePage):
    """Ehrenamt of a town (regional site: of every town): opportunities with filters."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "vereinsportal/volunteer_board_page.html"

    class Meta:
        verbose_name = _("Ehrenamtsbörse")
        verbose_name_plural = _("Ehrenamtsbörsen")

    @path("")
    def board(self, request):
        from ..volunteering.views import board

        return board(request, self)

    @path("<int:pk>/")
    def opportunity(self, request, pk: int):
        from ..volunteering.views import opportunity

        return opportunity(request, self, pk)


class TimeCommitment(models.TextChoices):
    ONCE = "once", _("einmalig")
    OCCASIONAL = "occasional", _("gelegentlich")
    WEEKLY = "weekly", _("wöchentlich")
    MONTHLY = "monthly", _("monatlich")
    FLEXIBLE = "flexible", _("nach Absprache")


class VolunteerOpportunity(models.Model):
    club = models.ForeignKey(
        "vereinsportal.ClubPage", on_delete=models.CASCADE, related_name="opportunities"
    )
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        _("Aufgabe"), max_length=200, help_text=_("z. B. „Trainer/in für die E-Jugend“")
    )
    description = models.TextField(_("Was Sie erwartet"))
    time_commitment = models.CharField(
        _("Zeitaufwand"),
        max_length=20,
        choices=TimeCommitment.choices,
        default=TimeCommitment.WEEKLY,
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("Stunden im Monat (ungefähr)"), null=True, blank=True
    )
    skills = models.TextField(_("Was Sie mitbringen sollten"), blank=True)
    place = models.CharField(_("Ort"), max_length=200, blank=True)
    starts_on = models.DateField(_("Beginn ab"), null=True, blank=True)
    categories = models.ManyToManyField(
        "vereinsportal.Category",
        verbose_name=_("Kategorien"),
        blank=True,
        related_name="opportunities",
    )
    target_groups = models.ManyToManyField(
        "vereinsportal.TargetGroup",
        verbose_name=_("Geeignet für"),
        blank=True,
        related_name="opportunities",
    )
    active = models.BooleanField(_("sichtbar"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["site", "active"], name="vereinsportal_opp_site")]
        verbose_name = _("Ehrenamtsangebot")
        verbose_name_plural = _("Ehrenamtsangebote")

    def __str__(self) -> str:
        return self.title


class VolunteerInterest(models.Model):
    """A citizen's message to the club about an opportunity (personal data, deleted
    after the retention period)."""

    opportunity = models.ForeignKey(
        VolunteerOpportunity, on_delete=models.CASCADE, related_name="interests"
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail-Adresse"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    message = models.TextField(_("Nachricht an den Verein"))
    created_at = models.DateTimeField(_("eingegangen"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelesen"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Interesse am Ehrenamt")
        verbose_name_plural = _("Interessen am Ehrenamt")

    def __str__(self) -> str:
        return f"{self.name} – {self.opportunity}"
