"""Events: the calendar page of a town (or the region), one page per event under its
club, and the event's occurrences materialised for fast calendar queries.

An event is single or recurring (an RFC 5545 RRULE with exception dates) and stored in
local time of Europe/Berlin (``start``/``end`` are aware datetimes; for all-day events
only their dates count). ``EventOccurrence`` holds one row per date the event takes
place – rebuilt from the rule when the event page is published
(``vereinsportal.occurrences``) – so calendars, filters and pagination are plain
indexed queries and never expand rules per request.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.core.models import BasePage, postcode_validator

from .clubs import TEXT_FEATURES


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("geplant")
    CANCELLED = "cancelled", _("abgesagt")
    POSTPONED = "postponed", _("verschoben")


class LocationKind(models.TextChoices):
    CLUB = "club", _("Treffpunkt des Vereins")
    ADDRESS = "address", _("eigene Adresse")
    ONLINE = "online", _("online")


class EventCalendarPage(RoutablePageMixin, BasePage):
    """Veranstaltungen of a town – on the regional site of every town: list by day,
    month grid, filters, archive, iCalendar feeds."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "vereinsportal/event_calendar_page.html"

    class Meta:
        verbose_name = _("Veranstaltungskalender")
        verbose_name_plural = _("Veranstaltungskalender")

    @path("")
    def upcoming(self, request):
        from ..calendar.views import calendar_list

        return calendar_list(request, self)

    @path("monat/<int:year>/<int:month>/")
    def month(self, request, year: int, month: int):
        from ..calendar.views import calendar_month

        return calendar_month(request, self, year, month)

    @path("archiv/")
    def archive(self, request):
        from ..calendar.views import calendar_archive

        return calendar_archive(request, self)

    @re_path(r"^kalender\.ics$")
    def feed(self, request):
        from ..calendar.feeds import town_feed

        return town_feed(request, self)

    @re_path(r"^kategorie/(?P<slug>[-\w]+)\.ics$")
    def category_feed(self, request, slug: str):
        from ..calendar.feeds import category_feed

        return category_feed(request, self, slug)


class EventPage(RoutablePageMixin, BasePage):
    """One event of a club; single or recurring."""

    town_site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    club = models.ForeignKey(
        "vereinsportal.ClubPage",
        verbose_name=_("Veranstalter"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Der Verein, unter dem die Veranstaltung steht; beim Speichern gesetzt."),
    )
    teaser = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = RichTextField(_("Beschreibung"), blank=True, features=TEXT_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # when (aware datetimes, entered and shown in Europe/Berlin)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    all_day = models.BooleanField(_("ganztägig"), default=False)
    recurrence = models.TextField(
        _("Wiederholung (RRULE)"),
        blank=True,
        help_text=_("Regel nach RFC 5545, z. B. FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231T230000Z"),
    )
    exceptions = models.JSONField(
        _("Ausnahmen"),
        default=list,
        blank=True,
        help_text=_("Tage (JJJJ-MM-TT), an denen eine wiederkehrende Veranstaltung entfällt."),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("Hinweis zum Status"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Neuer Termin folgt.“"),
    )
    # where
    location_kind = models.CharField(
        _("Ort"), max_length=20, choices=LocationKind.choices, default=LocationKind.CLUB
    )
    location_name = models.CharField(_("Name des Orts"), max_length=200, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True, validators=[postcode_validator])
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    online_url = models.URLField(_("Online-Adresse"), blank=True)
    # for whom, what it costs
    categories = ParentalManyToManyField(
        "vereinsportal.Category", verbose_name=_("Kategorien"), blank=True, related_name="events"
    )
    target_groups = ParentalManyToManyField(
        "vereinsportal.TargetGroup",
        verbose_name=_("Zielgruppen"),
        blank=True,
        related_name="events",
    )
    is_free = models.BooleanField(_("Eintritt frei"), default=True)
    price = models.CharField(
        _("Preis"), max_length=200, blank=True, help_text=_("z. B. „8 €, ermäßigt 5 €“")
    )
    price_amount = models.DecimalField(
        _("Preis in Euro (für Suchmaschinen)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
    )
    wheelchair_accessible = models.BooleanField(_("barrierefrei zugänglich"), default=False)
    accessibility_notes = models.TextField(_("Hinweise zur Barrierefreiheit"), blank=True)
    # sign-up
    signup_enabled = models.BooleanField(_("Anmeldung über das Portal"), default=False)
    capacity = models.PositiveIntegerField(
        _("Plätze je Termin"), null=True, blank=True, help_text=_("Leer: unbegrenzt.")
    )
    waiting_list = models.BooleanField(_("Warteliste, wenn ausgebucht"), default=True)
    max_places_per_signup = models.PositiveSmallIntegerField(
        _("Höchstens … Plätze je Anmeldung"), default=4
    )
    signup_closes_hours = models.PositiveSmallIntegerField(
        _("Anmeldeschluss … Stunden vor Beginn"), default=0
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("teaser"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("recurrence"),
                FieldPanel("exceptions"),
                FieldPanel("status"),
                FieldPanel("status_note"),
            ],
            heading=_("Zeit und Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location_kind"),
                FieldPanel("location_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("online_url"),
            ],
            heading=_("Ort"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("is_free"), FieldPanel("price"), FieldPanel("price_amount")]
                ),
                FieldPanel("wheelchair_accessible"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Für wen und zu welchem Preis"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signup_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_places_per_signup")]),
                FieldPanel("waiting_list"),
                FieldPanel("signup_closes_hours"),
            ],
            heading=_("Anmeldung"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("teaser"),
        index.SearchField("description"),
        index.FilterField("town_site"),
    ]
    parent_page_types = ["vereinsportal.ClubPage"]
    subpage_types: list[str] = []
    template = "vereinsportal/event_page.html"

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        from ..recurrence import validate_event

        validate_event(self)

    def save(self, *args, **kwargs):
        if self.path and (self.town_site_id is None or self.club_id is None):
            # from the parent club: a new page's own url_path is set only in Page.save()
            parent = self.get_parent()
            if self.town_site_id is None:
                site = parent.get_site() if parent else None
                self.town_site_id = site.pk if site else None
            if self.club_id is None:
                self.club_id = parent.pk if parent else None
        return super().save(*args, **kwargs)

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence)

    @path("")
    def detail(self, request):
        from ..calendar.views import event_detail

        return event_detail(request, self)

    @path("anmelden/<int:occurrence_id>/")
    def signup(self, request, occurrence_id: int):
        from ..signups.views import signup

        return signup(request, self, occurrence_id)

    @re_path(r"^termin\.ics$")
    def ics(self, request):
        from ..calendar.feeds import event_feed

        return event_feed(request, self)


class EventOccurrence(models.Model):
    """One date of an event, denormalised for the calendar (rebuilt on publish).

    Rows of dates that drop out of the rule are deleted – unless people signed up for
    them: then the row stays, marked cancelled, so they can be told.
    """

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.CASCADE, related_name="+"
    )
    club = models.ForeignKey(
        "vereinsportal.ClubPage", null=True, on_delete=models.CASCADE, related_name="+"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    cancelled = models.BooleanField(
        _("abgesagt"), default=False, help_text=_("Nur dieser Termin fällt aus.")
    )
    # copies of the event's filter fields, so the calendar filters without joins
    is_free = models.BooleanField(default=True)
    wheelchair_accessible = models.BooleanField(default=False)

    class Meta:
        ordering = ["start", "event_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "start"], name="vereinsportal_one_occurrence_per_start"
            )
        ]
        indexes = [
            models.Index(fields=["site", "start"], name="vereinsportal_occ_site_start"),
            models.Index(fields=["club", "start"], name="vereinsportal_occ_club_start"),
            models.Index(fields=["start"], name="vereinsportal_occ_start"),
        ]
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.start:%Y-%m-%d %H:%M}"
