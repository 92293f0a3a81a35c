"""The file plan (Aktenplan) of a town and its records settings (Aktenzeichen pattern)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..aktenzeichen import DEFAULT_PATTERN, validate_pattern

CODE_VALIDATOR = RegexValidator(
    r"^[0-9A-Za-z]+([.\-][0-9A-Za-z]+)*$",
    _(
        "Aktenplankennzeichen aus Ziffern und Buchstaben, gegliedert mit Punkt oder Bindestrich "
        "(z. B. „020.1“)."
    ),
)


class Disposal(models.TextChoices):
    """What happens to a file when its retention has ended (Aussonderungsart)."""

    ARCHIVE = "A", _("A – archivieren")
    ASSESS = "B", _("B – bewerten")
    DESTROY = "V", _("V – vernichten")


class PlanUnitQuerySet(models.QuerySet):
    def for_sites(self, site_ids) -> PlanUnitQuerySet:
        return self if site_ids is None else self.filter(site_id__in=site_ids)


class PlanUnit(models.Model):
    """One unit of a town's file plan: a code (``020.1``), a title and what files filed
    under it keep as retention period and disposal kind."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Übergeordnete Einheit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("Kennzeichen"), max_length=30, validators=[CODE_VALIDATOR])
    title = models.CharField(_("Bezeichnung"), max_length=255)
    description = models.TextField(_("Beschreibung"), blank=True)
    retention_years = models.PositiveSmallIntegerField(
        _("Aufbewahrungsfrist (Jahre)"),
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(200)],
        help_text=_("Läuft ab dem Ende des Jahres, in dem die Akte geschlossen wurde."),
    )
    disposal = models.CharField(
        _("Aussonderungsart"), max_length=1, choices=Disposal.choices, default=Disposal.ASSESS
    )
    active = models.BooleanField(
        _("Aktiv"),
        default=True,
        help_text=_("Unter inaktiven Einheiten entstehen keine neuen Akten."),
    )

    objects = PlanUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("Aktenplaneinheit")
        verbose_name_plural = _("Aktenplan")
        ordering = ["site", "code"]
        constraints = [
            models.UniqueConstraint(fields=["site", "code"], name="unique_plan_code_per_town")
        ]
        permissions = [("manage_fileplan", _("Kann den Aktenplan pflegen und importieren"))]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def depth(self) -> int:
        depth, unit = 0, self
        while unit.parent_id:
            depth += 1
            unit = unit.parent
        return depth


class RecordSettings(models.Model):
    """Per town: how Aktenzeichen are formed."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("Stadt"), on_delete=models.CASCADE, related_name="+"
    )
    aktenzeichen_pattern = models.CharField(
        _("Muster des Aktenzeichens"),
        max_length=100,
        default=DEFAULT_PATTERN,
        validators=[validate_pattern],
        help_text=_(
            "Platzhalter: {plan} Aktenplankennzeichen, {nummer} laufende Nummer (z. B. "
            "{nummer:04} für 0007), {jahr} Jahr, {jahr2} zweistelliges Jahr, {stadt} Kürzel "
            "der Stadt. {plan} und {nummer} sind Pflicht."
        ),
    )
    town_code = models.CharField(
        _("Kürzel der Stadt"), max_length=10, blank=True, help_text=_("z. B. „RA“ für Rastatt")
    )

    class Meta:
        verbose_name = _("Einstellungen der E-Akte")
        verbose_name_plural = _("Einstellungen der E-Akte")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class AktenzeichenCounter(models.Model):
    """The last serial number given out per plan unit and year (0: without year);
    locked while counting so parallel creations never share a number."""

    unit = models.ForeignKey(PlanUnit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_aktenzeichen_counter")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last_number}"
