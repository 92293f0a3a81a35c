"""Clubs: the directory page of a town (or the region), one page per club, and who may
edit a club (memberships, invitations) – plus citizens' registrations of new clubs.

Club pages live in the page tree under the town's directory page, so Wagtail's
revisions, workflows and search work for them; club people edit them through the club
dashboard (``vereinsportal.dashboard``) and never see the page tree.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.core.models import BasePage, postcode_validator

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3"]

register_number_validator = RegexValidator(
    r"^VR\s?\d{1,7}$",
    _("Bitte die Registernummer in der Form „VR 123456“ angeben."),
)


class ContactVisibility(models.TextChoices):
    FORM_ONLY = "form", _("Nur Kontaktformular (keine Kontaktdaten zeigen)")
    NAME = "name", _("Name und Kontaktformular")
    NAME_PHONE = "name_phone", _("Name, Telefon und Kontaktformular")
    ALL = "all", _("Name, Telefon und E-Mail-Adresse")


class ClubIndexPage(RoutablePageMixin, BasePage):
    """Vereine of a town – or, on the regional site, of every town: directory with
    filters, search and A–Z; citizens register new clubs here."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["vereinsportal.ClubPage"]
    max_count_per_parent = 1
    template = "vereinsportal/club_index_page.html"

    class Meta:
        verbose_name = _("Vereinsverzeichnis")
        verbose_name_plural = _("Vereinsverzeichnisse")

    @path("")
    def directory(self, request):
        from ..directory.views import directory

        return directory(request, self)

    @path("registrieren/")
    def register(self, request):
        from ..registration.views import register

        return register(request, self)


class ClubPage(RoutablePageMixin, BasePage):
    """One club: profile, meeting place, contact, membership, downloads, chronicle;
    its events are its child pages."""

    town_site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Stadt (Site), zu der der Verein gehört; beim Speichern gesetzt."),
    )
    short_description = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze für das Vereinsverzeichnis."),
    )
    description = RichTextField(_("Über uns"), blank=True, features=TEXT_FEATURES)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    categories = ParentalManyToManyField(
        "vereinsportal.Category", verbose_name=_("Kategorien"), related_name="clubs"
    )
    target_groups = ParentalManyToManyField(
        "vereinsportal.TargetGroup",
        verbose_name=_("Zielgruppen"),
        blank=True,
        related_name="clubs",
    )
    # meeting place
    place_name = models.CharField(
        _("Treffpunkt"), max_length=200, blank=True, help_text=_("z. B. „Vereinsheim am Sportpark“")
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=5, blank=True, validators=[postcode_validator])
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    latitude = models.FloatField(
        _("Breitengrad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("Längengrad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    wheelchair_accessible = models.BooleanField(
        _("Treffpunkt barrierefrei zugänglich"), default=False
    )
    accessibility_notes = models.TextField(_("Hinweise zur Barrierefreiheit"), blank=True)
    # contact
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("E-Mail-Adresse für Anfragen"),
        help_text=_("Hierhin gehen Nachrichten aus dem Kontaktformular."),
    )
    contact_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    contact_visibility = models.CharField(
        _("Was öffentlich zu sehen ist"),
        max_length=20,
        choices=ContactVisibility.choices,
        default=ContactVisibility.NAME,
    )
    website = models.URLField(_("Website"), blank=True)
    # membership
    membership_info = RichTextField(_("Mitglied werden"), blank=True, features=TEXT_FEATURES)
    fees = models.CharField(
        _("Mitgliedsbeiträge"),
        max_length=300,
        blank=True,
        help_text=_("z. B. „Erwachsene 60 € im Jahr, Kinder 30 €“"),
    )
    founded = models.PositiveSmallIntegerField(
        _("Gründungsjahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(800), MaxValueValidator(2100)],
    )
    register_court = models.CharField(
        _("Registergericht"),
        max_length=100,
        blank=True,
        help_text=_("z. B. „Amtsgericht Mannheim“"),
    )
    register_number = models.CharField(
        _("Vereinsregisternummer"),
        max_length=12,
        blank=True,
        validators=[register_number_validator],
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("logo"),
        InlinePanel("photos", label=_("Fotos"), max_num=12),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("wheelchair_accessible"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Treffpunkt"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_visibility"),
                FieldPanel("website"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("membership_info"),
                FieldPanel("fees"),
                FieldPanel("founded"),
                FieldRowPanel([FieldPanel("register_court"), FieldPanel("register_number")]),
            ],
            heading=_("Mitgliedschaft und Verein"),
        ),
        InlinePanel("downloads", label=_("Downloads")),
        InlinePanel("chronicle", label=_("Chronik")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("town_site"),
    ]
    parent_page_types = ["vereinsportal.ClubIndexPage"]
    subpage_types = ["vereinsportal.EventPage"]
    template = "vereinsportal/club_page.html"

    class Meta:
        verbose_name = _("Verein")
        verbose_name_plural = _("Vereine")

    def save(self, *args, **kwargs):
        if self.path and self.town_site_id is None:
            # from the parent: a new page's own url_path is set only inside Page.save()
            parent = self.get_parent()
            site = parent.get_site() if parent else None
            self.town_site_id = site.pk if site else None
        return super().save(*args, **kwargs)

    @property
    def has_address(self) -> bool:
        return bool(self.street and self.city)

    @path("")
    def profile(self, request):
        from ..directory.views import club_profile

        return club_profile(request, self)

    @path("kontakt/")
    def contact(self, request):
        from ..directory.views import club_contact

        return club_contact(request, self)

    @path("veranstaltungen/")
    def events(self, request):
        from ..calendar.views import club_events

        return club_events(request, self)

    @re_path(r"^kalender\.ics$")
    def feed(self, request):
        from ..calendar.feeds import club_feed

        return club_feed(request, self)


class ClubPhoto(Orderable):
    club = ParentalKey(ClubPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("Foto"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("Bildunterschrift"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ClubDownload(Orderable):
    """A file the club offers: statutes, membership form – kept in django-filer, in a
    folder of the club's own."""

    club = ParentalKey(ClubPage, on_delete=models.CASCADE, related_name="downloads")
    title = models.CharField(_("Titel"), max_length=200, help_text=_("z. B. „Satzung (PDF)“"))
    file = models.ForeignKey(
        "filer.File", verbose_name=_("Datei"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("title"), FieldPanel("file")]


class ClubChronicleEntry(Orderable):
    club = ParentalKey(ClubPage, on_delete=models.CASCADE, related_name="chronicle")
    year = models.PositiveSmallIntegerField(
        _("Jahr"), validators=[MinValueValidator(800), MaxValueValidator(2100)]
    )
    text = models.TextField(_("Ereignis"))

    panels = [FieldPanel("year"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("Chronik-Eintrag")
        verbose_name_plural = _("Chronik")


class ClubRole(models.TextChoices):
    MANAGER = "manager", _("Vereinsverwaltung (darf weitere Personen einladen)")
    EDITOR = "editor", _("Redaktion (Profil und Veranstaltungen)")


class ClubMembership(models.Model):
    """Who may edit a club through the club dashboard."""

    club = models.ForeignKey(ClubPage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="club_memberships"
    )
    role = models.CharField(
        _("Rolle"), max_length=20, choices=ClubRole.choices, default=ClubRole.EDITOR
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["club", "user"], name="vereinsportal_one_membership")
        ]
        verbose_name = _("Vereinszugang")
        verbose_name_plural = _("Vereinszugänge")

    def __str__(self) -> str:
        return f"{self.user} – {self.club}"


class ClubInvitation(models.Model):
    """An invitation by e-mail to edit a club; accepting it creates the account (or
    adds the club to an existing one). Only a hash of the token is stored."""

    club = models.ForeignKey(ClubPage, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("E-Mail-Adresse"))
    role = models.CharField(
        _("Rolle"), max_length=20, choices=ClubRole.choices, default=ClubRole.EDITOR
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")

    def __str__(self) -> str:
        return f"{self.email} – {self.club}"


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Prüfung")
    APPROVED = "approved", _("freigegeben")
    REJECTED = "rejected", _("abgelehnt")


class ClubRegistration(models.Model):
    """A citizen's request to list a new club. Town staff approve it; the club page and
    the manager's account are created then."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    index_page = models.ForeignKey(
        ClubIndexPage, on_delete=models.CASCADE, related_name="registrations"
    )
    club_name = models.CharField(_("Name des Vereins"), max_length=200)
    short_description = models.CharField(_("Kurzbeschreibung"), max_length=300)
    categories = models.ManyToManyField("vereinsportal.Category", verbose_name=_("Kategorien"))
    register_court = models.CharField(_("Registergericht"), max_length=100, blank=True)
    register_number = models.CharField(
        _("Vereinsregisternummer"),
        max_length=12,
        blank=True,
        validators=[register_number_validator],
    )
    contact_name = models.CharField(_("Ihr Name"), max_length=200)
    contact_email = models.EmailField(_("Ihre E-Mail-Adresse"))
    contact_phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    role_in_club = models.CharField(
        _("Ihre Funktion im Verein"), max_length=100, help_text=_("z. B. „1. Vorsitzende“")
    )
    message = models.TextField(_("Nachricht an die Stadt"), blank=True)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    created_at = models.DateTimeField(_("eingegangen"), auto_now_add=True)
    decided_at = models.DateTimeField(_("entschieden"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("Begründung / Notiz"), blank=True)
    club = models.ForeignKey(
        ClubPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Vereinsanmeldung")
        verbose_name_plural = _("Vereinsanmeldungen")
        permissions = [("review_clubregistration", _("Kann Vereinsanmeldungen prüfen"))]

    def __str__(self) -> str:
        return self.club_name
