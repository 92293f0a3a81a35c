"""Observations (raw, kept ``SENSOR_RAW_KEEP_DAYS``), their hourly and daily aggregates
(kept for ever; charts read these), received uplinks (for idempotency) and alerts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .entities import Datastream


class Observation(models.Model):
    """One measured value. ``(datastream, phenomenon_time)`` is unique: the same reading
    delivered twice is stored once."""

    id = models.BigAutoField(primary_key=True)
    datastream = models.ForeignKey(
        Datastream, on_delete=models.CASCADE, related_name="observations"
    )
    phenomenon_time = models.DateTimeField(_("Messzeitpunkt"))
    result = models.FloatField(_("Messwert"))
    result_time = models.DateTimeField(_("Ergebniszeitpunkt"), null=True, blank=True)

    class Meta:
        verbose_name = _("Messwert")
        verbose_name_plural = _("Messwerte")
        constraints = [
            models.UniqueConstraint(
                fields=["datastream", "phenomenon_time"], name="sensor_observation_once"
            )
        ]
        indexes = [models.Index(fields=["phenomenon_time"], name="sensor_observation_time")]

    def __str__(self) -> str:
        return f"{self.result} @ {self.phenomenon_time:%Y-%m-%d %H:%M:%S}"


class Period(models.TextChoices):
    HOUR = "hour", _("Stunde")
    DAY = "day", _("Tag")


class ObservationAggregate(models.Model):
    """Count, sum, minimum and maximum of a datastream's values in one hour (UTC) or one
    day (Europe/Berlin), updated with every stored batch."""

    id = models.BigAutoField(primary_key=True)
    datastream = models.ForeignKey(Datastream, on_delete=models.CASCADE, related_name="aggregates")
    period = models.CharField(max_length=4, choices=Period)
    start = models.DateTimeField()
    count = models.PositiveIntegerField()
    total = models.FloatField()
    minimum = models.FloatField()
    maximum = models.FloatField()

    class Meta:
        verbose_name = _("Zusammenfassung")
        verbose_name_plural = _("Zusammenfassungen")
        constraints = [
            models.UniqueConstraint(
                fields=["datastream", "period", "start"], name="sensor_aggregate_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.datastream_id} {self.period} {self.start:%Y-%m-%d %H:%M}"

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0


class Uplink(models.Model):
    """An MQTT uplink taken in, by its deduplication key (ChirpStack ``deduplicationId``,
    The Things Stack ``correlation_ids``/counter): redelivered, it is skipped."""

    id = models.BigAutoField(primary_key=True)
    key = models.CharField(max_length=200, unique=True)
    device = models.ForeignKey("Device", on_delete=models.CASCADE, related_name="uplinks")
    received_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Empfangene Nachricht")
        verbose_name_plural = _("Empfangene Nachrichten")

    def __str__(self) -> str:
        return self.key


class AlertLevel(models.TextChoices):
    WARNING = "warning", _("Warnstufe")
    ALARM = "alarm", _("Alarmstufe")


class Alert(models.Model):
    """A time during which a datastream stood at or beyond a threshold."""

    datastream = models.ForeignKey(Datastream, on_delete=models.CASCADE, related_name="alerts")
    level = models.CharField(_("Stufe"), max_length=10, choices=AlertLevel)
    started_at = models.DateTimeField(_("seit"))
    ended_at = models.DateTimeField(_("bis"), null=True, blank=True)
    peak_value = models.FloatField(_("Höchster Stand"))

    class Meta:
        verbose_name = _("Warnung")
        verbose_name_plural = _("Warnungen")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["ended_at"], name="sensor_alert_open")]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.datastream}"
