"""The OGC SensorThings API v1.1 entities as our own models.

Thing (belongs to a town), Location, HistoricalLocation, Sensor (a device type),
ObservedProperty, Datastream (with unit, physical range and thresholds) and
FeatureOfInterest. Observations live in ``observations``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

GEOJSON = "application/geo+json"
OM_MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement"


class Thing(index.Indexed, models.Model):
    """A measuring station: a gauge, an air-quality box, a parking space sensor …"""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        on_delete=models.CASCADE,
        related_name="sensor_things",
    )
    name = models.CharField(_("Name"), max_length=200, help_text=_("z. B. „Pegel Murg, Rastatt“"))
    description = models.TextField(_("Beschreibung"), blank=True)
    properties = models.JSONField(_("Weitere Eigenschaften"), default=dict, blank=True)
    locations = models.ManyToManyField(
        "Location", verbose_name=_("Standorte"), related_name="things", blank=True
    )
    public = models.BooleanField(
        _("öffentlich"),
        default=True,
        help_text=_("Öffentliche Messstellen erscheinen in der SensorThings-API."),
    )
    created_at = models.DateTimeField(_("angelegt"), auto_now_add=True)

    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        verbose_name = _("Messstelle")
        verbose_name_plural = _("Messstellen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """Where a Thing stands, as a GeoJSON point (WGS 84)."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        on_delete=models.CASCADE,
        related_name="sensor_locations",
    )
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    latitude = models.FloatField(_("Breitengrad"))
    longitude = models.FloatField(_("Längengrad"))
    properties = models.JSONField(_("Weitere Eigenschaften"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Der Breitengrad liegt zwischen -90 und 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Der Längengrad liegt zwischen -180 und 180.")
        if errors:
            raise ValidationError(errors)

    @property
    def geojson(self) -> dict:
        return {"type": "Point", "coordinates": [self.longitude, self.latitude]}


class HistoricalLocation(models.Model):
    """When a Thing was placed at its locations (kept automatically on every change)."""

    thing = models.ForeignKey(Thing, on_delete=models.CASCADE, related_name="historical_locations")
    time = models.DateTimeField(_("Zeitpunkt"), db_index=True)
    locations = models.ManyToManyField(Location, related_name="historical_locations")

    class Meta:
        verbose_name = _("Standortverlauf")
        verbose_name_plural = _("Standortverläufe")
        ordering = ["-time"]

    def __str__(self) -> str:
        return f"{self.thing} @ {self.time:%Y-%m-%d %H:%M}"


class Sensor(models.Model):
    """A kind of measuring instrument (region-wide), e.g. an ultrasonic level sensor."""

    class Encoding(models.TextChoices):
        PDF = "application/pdf", _("PDF-Datenblatt")
        SENSORML = "http://www.opengis.net/doc/IS/SensorML/2.0", _("SensorML 2.0")
        HTML = "text/html", _("Webseite")

    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    encoding_type = models.CharField(
        _("Art der Beschreibung"), max_length=100, choices=Encoding, default=Encoding.HTML
    )
    metadata = models.CharField(
        _("Datenblatt"), max_length=500, blank=True, help_text=_("Adresse des Datenblatts")
    )
    properties = models.JSONField(_("Weitere Eigenschaften"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Sensortyp")
        verbose_name_plural = _("Sensortypen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ObservedProperty(models.Model):
    """What is measured (region-wide): Wasserstand, Feinstaub PM10, Lufttemperatur …"""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    definition = models.CharField(
        _("Definition"), max_length=500, blank=True, help_text=_("Adresse der Begriffsdefinition")
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    properties = models.JSONField(_("Weitere Eigenschaften"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Messgröße")
        verbose_name_plural = _("Messgrößen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FeatureOfInterest(models.Model):
    """What the observations are about (the river at the gauge, the street at the box)."""

    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    latitude = models.FloatField(_("Breitengrad"))
    longitude = models.FloatField(_("Längengrad"))
    properties = models.JSONField(_("Weitere Eigenschaften"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Beobachtungsgegenstand")
        verbose_name_plural = _("Beobachtungsgegenstände")

    def __str__(self) -> str:
        return self.name

    @property
    def geojson(self) -> dict:
        return {"type": "Point", "coordinates": [self.longitude, self.latitude]}


class Direction(models.TextChoices):
    ABOVE = "above", _("Warnung, wenn der Wert darüber liegt")
    BELOW = "below", _("Warnung, wenn der Wert darunter liegt")


class Status(models.TextChoices):
    """What a value means for citizens – always shown as a word, never as colour alone."""

    UNKNOWN = "unknown", _("keine aktuellen Daten")
    NORMAL = "normal", _("normal")
    WARNING = "warning", _("Warnstufe")
    ALARM = "alarm", _("Alarmstufe")


key_validator = RegexValidator(
    r"^[a-z][a-z0-9_]{0,63}$",
    _("Kleinbuchstaben, Ziffern und Unterstriche, beginnend mit einem Buchstaben."),
)


class Datastream(models.Model):
    """One measured quantity of a Thing, in one unit, from one sensor."""

    thing = models.ForeignKey(
        Thing, verbose_name=_("Messstelle"), on_delete=models.CASCADE, related_name="datastreams"
    )
    sensor = models.ForeignKey(
        Sensor, verbose_name=_("Sensortyp"), on_delete=models.PROTECT, related_name="datastreams"
    )
    observed_property = models.ForeignKey(
        ObservedProperty,
        verbose_name=_("Messgröße"),
        on_delete=models.PROTECT,
        related_name="datastreams",
    )
    feature_of_interest = models.ForeignKey(
        FeatureOfInterest,
        verbose_name=_("Beobachtungsgegenstand"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="datastreams",
    )
    name = models.CharField(_("Name"), max_length=200, help_text=_("z. B. „Wasserstand Murg“"))
    description = models.TextField(_("Beschreibung"), blank=True)
    key = models.CharField(
        _("Schlüssel im Datenpaket"),
        max_length=64,
        validators=[key_validator],
        help_text=_("Name des Werts, den das Gerät meldet, z. B. „water_level_cm“"),
    )
    unit_name = models.CharField(_("Einheit"), max_length=100, help_text=_("z. B. „Zentimeter“"))
    unit_symbol = models.CharField(_("Einheitenzeichen"), max_length=20, help_text=_("z. B. „cm“"))
    unit_definition = models.CharField(_("Definition der Einheit"), max_length=500, blank=True)
    decimals = models.PositiveSmallIntegerField(_("Nachkommastellen"), default=1)
    physical_min = models.FloatField(
        _("kleinster möglicher Wert"),
        null=True,
        blank=True,
        help_text=_("Werte darunter sind Messfehler und werden abgewiesen."),
    )
    physical_max = models.FloatField(
        _("größter möglicher Wert"),
        null=True,
        blank=True,
        help_text=_("Werte darüber sind Messfehler und werden abgewiesen."),
    )
    direction = models.CharField(
        _("Schwellenwerte gelten"), max_length=10, choices=Direction, default=Direction.ABOVE
    )
    warning_level = models.FloatField(_("Warnstufe ab"), null=True, blank=True)
    alarm_level = models.FloatField(_("Alarmstufe ab"), null=True, blank=True)
    alert_title = models.CharField(
        _("Überschrift der Warnung"),
        max_length=120,
        blank=True,
        help_text=_("z. B. „Hochwasser-Warnung“"),
    )
    alert_text = models.TextField(
        _("Text der Warnung"),
        blank=True,
        help_text=_("Was Bürgerinnen und Bürger tun sollen, z. B. Keller räumen, Ufer meiden."),
    )
    stale_after_minutes = models.PositiveIntegerField(
        _("veraltet nach (Minuten)"),
        default=120,
        help_text=_("Ohne neuen Wert in dieser Zeit gilt die Anzeige als veraltet."),
    )
    public = models.BooleanField(_("öffentlich"), default=True)
    properties = models.JSONField(_("Weitere Eigenschaften"), default=dict, blank=True)
    # kept up to date by the intake (never edited by hand)
    first_phenomenon_time = models.DateTimeField(null=True, blank=True, editable=False)
    last_phenomenon_time = models.DateTimeField(null=True, blank=True, editable=False)
    last_value = models.FloatField(null=True, blank=True, editable=False)

    site_lookup = "thing__site_id"

    class Meta:
        verbose_name = _("Datenstrom")
        verbose_name_plural = _("Datenströme")
        ordering = ["thing__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["thing", "key"], name="sensor_datastream_key_per_thing")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_symbol})"

    @property
    def site_id(self) -> int | None:
        """The town, through the Thing (for the town-scoped admin permissions)."""
        return self.thing.site_id if self.thing_id else None

    def clean(self) -> None:
        errors = {}
        if (
            self.physical_min is not None
            and self.physical_max is not None
            and self.physical_min >= self.physical_max
        ):
            errors["physical_max"] = _("Der größte Wert muss über dem kleinsten liegen.")
        if self.warning_level is not None and self.alarm_level is not None:
            wrong_order = (
                self.alarm_level < self.warning_level
                if self.direction == Direction.ABOVE
                else self.alarm_level > self.warning_level
            )
            if wrong_order:
                errors["alarm_level"] = _("Die Alarmstufe muss jenseits der Warnstufe liegen.")
        if errors:
            raise ValidationError(errors)

    def range_error(self, value: float) -> str | None:
        """A German message if ``value`` cannot be a real measurement of this stream."""
        if self.physical_min is not None and value < self.physical_min:
            return _("Wert %(value)s unter dem kleinsten möglichen Wert %(limit)s %(unit)s") % {
                "value": value,
                "limit": self.physical_min,
                "unit": self.unit_symbol,
            }
        if self.physical_max is not None and value > self.physical_max:
            return _("Wert %(value)s über dem größten möglichen Wert %(limit)s %(unit)s") % {
                "value": value,
                "limit": self.physical_max,
                "unit": self.unit_symbol,
            }
        return None

    def status_of(self, value: float | None) -> str:
        """Status of a value by the thresholds (not considering its age)."""
        if value is None:
            return Status.UNKNOWN
        above = self.direction == Direction.ABOVE

        def passes(level: float | None) -> bool:
            return level is not None and (value >= level if above else value <= level)

        if passes(self.alarm_level):
            return Status.ALARM
        if passes(self.warning_level):
            return Status.WARNING
        return Status.NORMAL

    @property
    def has_thresholds(self) -> bool:
        return self.warning_level is not None or self.alarm_level is not None

    @property
    def unit_of_measurement(self) -> dict:
        return {
            "name": self.unit_name,
            "symbol": self.unit_symbol,
            "definition": self.unit_definition,
        }
