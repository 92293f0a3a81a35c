"""Terminvereinbarung: bookable offices, their counters and services, bookings with
double opt-in, blocked times and walk-in tickets.

A confirmed booking *claims* every slot unit (``SLOT_MINUTES``) it occupies on its
counter; a unique constraint on (counter, start of unit) makes two overlapping
bookings impossible on any database – of two citizens racing for the last place
exactly one confirmation succeeds.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

#: the grid of the calendar: bookings start and claim in units of this many minutes
SLOT_MINUTES = 5


class BookableOffice(ClusterableModel):
    """An office (organisational unit) that takes appointments."""

    unit = models.OneToOneField(
        "core.OrganisationalUnit",
        verbose_name=_("Stelle"),
        on_delete=models.CASCADE,
        related_name="appointments",
    )
    enabled = models.BooleanField(_("Online-Termine möglich"), default=True)
    horizon_days = models.PositiveSmallIntegerField(
        _("Buchbar für die nächsten … Tage"),
        default=56,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    lead_minutes = models.PositiveIntegerField(
        _("Vorlauf in Minuten"),
        default=120,
        help_text=_("So lange vorher muss ein Termin mindestens gebucht werden."),
    )
    interval_minutes = models.PositiveSmallIntegerField(
        _("Termine beginnen alle … Minuten"),
        default=15,
        validators=[MinValueValidator(SLOT_MINUTES), MaxValueValidator(120)],
    )
    retention_days = models.PositiveSmallIntegerField(
        _("Personendaten löschen … Tage nach dem Termin"), default=30
    )
    max_bookings_per_email = models.PositiveSmallIntegerField(
        _("Höchstens … offene Termine je E-Mail-Adresse"), default=3
    )
    notes = models.TextField(
        _("Hinweise für die Terminbestätigung"),
        blank=True,
        help_text=_("z. B. Eingang, Wartebereich, Parken"),
    )

    panels = [
        FieldPanel("unit"),
        FieldPanel("enabled"),
        MultiFieldPanel(
            [
                FieldPanel("horizon_days"),
                FieldPanel("lead_minutes"),
                FieldPanel("interval_minutes"),
                FieldPanel("max_bookings_per_email"),
                FieldPanel("retention_days"),
            ],
            heading=_("Buchungsregeln"),
        ),
        FieldPanel("notes"),
        InlinePanel("counters", heading=_("Schalter"), label=_("Schalter"), min_num=1),
        InlinePanel("services", heading=_("Leistungen und Dauer"), label=_("Leistung"), min_num=1),
    ]

    class Meta:
        verbose_name = _("Terminstelle")
        verbose_name_plural = _("Terminstellen")

    def __str__(self) -> str:
        return str(self.unit)

    #: how the admin finds the town of an office (portal.core.middleware)
    site_lookup = "unit__site_id"


class Counter(models.Model):
    office = ParentalKey(BookableOffice, on_delete=models.CASCADE, related_name="counters")
    name = models.CharField(_("Bezeichnung"), max_length=60, help_text=_("z. B. „Schalter 3“"))
    active = models.BooleanField(_("In Betrieb"), default=True)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [FieldPanel("name"), FieldPanel("active")]

    class Meta:
        verbose_name = _("Schalter")
        verbose_name_plural = _("Schalter")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="unique_counter_name")
        ]

    def __str__(self) -> str:
        return self.name


class AppointmentService(models.Model):
    """A service bookable at an office, with its duration."""

    office = ParentalKey(BookableOffice, on_delete=models.CASCADE, related_name="services")
    leistung = models.ForeignKey(
        "services.Leistung",
        verbose_name=_("Leistung"),
        on_delete=models.CASCADE,
        related_name="appointment_services",
    )
    minutes_first_person = models.PositiveSmallIntegerField(
        _("Minuten für die erste Person"),
        default=15,
        validators=[MinValueValidator(SLOT_MINUTES), MaxValueValidator(240)],
    )
    minutes_per_additional_person = models.PositiveSmallIntegerField(
        _("Minuten je weitere Person"),
        default=10,
        validators=[MaxValueValidator(240)],
    )
    max_persons = models.PositiveSmallIntegerField(
        _("Höchstens Personen"), default=4, validators=[MinValueValidator(1)]
    )
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    panels = [
        FieldPanel("leistung"),
        FieldPanel("minutes_first_person"),
        FieldPanel("minutes_per_additional_person"),
        FieldPanel("max_persons"),
    ]

    class Meta:
        verbose_name = _("Leistung mit Termin")
        verbose_name_plural = _("Leistungen mit Termin")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "leistung"], name="unique_appointment_service"
            )
        ]

    def __str__(self) -> str:
        return self.leistung.name

    def minutes_for(self, persons: int) -> int:
        return self.minutes_first_person + max(0, persons - 1) * self.minutes_per_additional_person


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("Noch nicht bestätigt")
    CONFIRMED = "confirmed", _("Bestätigt")
    CANCELLED = "cancelled", _("Abgesagt")
    EXPIRED = "expired", _("Nicht bestätigt (verfallen)")
    ARRIVED = "arrived", _("Erschienen")
    NO_SHOW = "no_show", _("Nicht erschienen")
    DONE = "done", _("Erledigt")


#: bookings that occupy their time
ACTIVE_BOOKING_STATUSES = {BookingStatus.CONFIRMED, BookingStatus.ARRIVED, BookingStatus.DONE}


class Booking(models.Model):
    office = models.ForeignKey(
        BookableOffice,
        verbose_name=_("Terminstelle"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("Schalter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    start = models.DateTimeField(_("Beginn"), db_index=True)
    end = models.DateTimeField(_("Ende"))
    # [{"service": <AppointmentService pk>, "name": "Personalausweis beantragen", "persons": 2}]
    services = models.JSONField(_("Leistungen"), default=list)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=BookingStatus.choices,
        default=BookingStatus.PENDING,
        db_index=True,
    )
    source = models.CharField(
        _("Gebucht über"),
        max_length=10,
        choices=[("online", _("online")), ("phone", _("Telefon/Schalter"))],
        default="online",
    )
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True, db_index=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    manage_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    confirm_by = models.DateTimeField(_("Bestätigen bis"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("Abgesagt am"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("Erinnerung versandt"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Personendaten gelöscht"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Angelegt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.office}: {self.start:%d.%m.%Y %H:%M}"

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


class SlotClaim(models.Model):
    """One ``SLOT_MINUTES`` unit of a counter taken by a confirmed booking."""

    counter = models.ForeignKey(Counter, on_delete=models.CASCADE, related_name="claims")
    start = models.DateTimeField()
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="claims")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["counter", "start"], name="one_claim_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.counter} {self.start:%Y-%m-%d %H:%M}"


class BlockedTime(models.Model):
    """Time an office or one counter takes no appointments (illness, training …)."""

    office = models.ForeignKey(
        BookableOffice, on_delete=models.CASCADE, related_name="blocked_times"
    )
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("Schalter"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="blocked_times",
        help_text=_("Leer: alle Schalter"),
    )
    start = models.DateTimeField(_("Von"))
    end = models.DateTimeField(_("Bis"))
    reason = models.CharField(_("Grund"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Gesperrte Zeit")
        verbose_name_plural = _("Gesperrte Zeiten")
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.office}: {self.start:%d.%m.%Y %H:%M}–{self.end:%H:%M}"


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("Wartet")
    CALLED = "called", _("Aufgerufen")
    DONE = "done", _("Erledigt")
    NO_SHOW = "no_show", _("Nicht erschienen")


class Ticket(models.Model):
    """A walk-in's numbered ticket for the day."""

    office = models.ForeignKey(BookableOffice, on_delete=models.CASCADE, related_name="tickets")
    day = models.DateField(_("Tag"))
    number = models.PositiveSmallIntegerField(_("Nummer"))
    service_name = models.CharField(_("Anliegen"), max_length=200, blank=True)
    status = models.CharField(
        _("Status"), max_length=10, choices=TicketStatus.choices, default=TicketStatus.WAITING
    )
    counter = models.ForeignKey(
        Counter, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets"
    )
    created_at = models.DateTimeField(_("Ausgegeben"), auto_now_add=True)
    called_at = models.DateTimeField(_("Aufgerufen"), null=True, blank=True)
    done_at = models.DateTimeField(_("Erledigt"), null=True, blank=True)

    class Meta:
        verbose_name = _("Wartenummer")
        verbose_name_plural = _("Wartenummern")
        ordering = ["day", "number"]
        constraints = [
            models.UniqueConstraint(fields=["office", "day", "number"], name="unique_ticket")
        ]

    def __str__(self) -> str:
        return f"{self.number} ({self.day:%d.%m.%Y})"
