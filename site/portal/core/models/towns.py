"""The town (a Wagtail Site with its settings) and the base page mixin."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import DateTimeField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

postcode_validator = RegexValidator(r"^\d{5}$", _("Bitte eine fünfstellige Postleitzahl angeben."))


@register_setting(icon="site")
class TownSettings(BaseSiteSetting):
    """Who a site belongs to: the town (or the region), its address, look and legal pages."""

    slug = models.SlugField(
        _("Kürzel"),
        unique=True,
        max_length=40,
        help_text=_("Kurzname in Adressen und Dateinamen, z. B. „bruchsal“."),
    )
    code = models.CharField(
        _("Kennung"),
        max_length=5,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Z]{2,5}$", _("Zwei bis fünf Großbuchstaben, z. B. „BRU“."))
        ],
        help_text=_("Kurzkennung in Vorgangsnummern und Aktenzeichen, z. B. „BRU“."),
    )
    is_region = models.BooleanField(
        _("Regionale Seite"),
        default=False,
        help_text=_("Die gemeinsame Seite des Verbunds, nicht die einer Stadt."),
    )
    name = models.CharField(_("Name"), max_length=100, help_text=_("z. B. „Bruchsal“"))
    legal_name = models.CharField(
        _("Offizieller Name"), max_length=200, help_text=_("z. B. „Große Kreisstadt Bruchsal“")
    )
    tagline = models.CharField(_("Leitspruch"), max_length=200, blank=True)
    theme = models.ForeignKey(
        "themes.Theme",
        verbose_name=_("Design"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Farben, Logo und Favicon; unter Einstellungen → Designs bearbeiten."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leer lassen, um das Logo des Designs zu verwenden."),
    )

    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(
        _("Postleitzahl"), max_length=5, blank=True, validators=[postcode_validator]
    )
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    opening_hours = models.TextField(
        _("Öffnungszeiten"), blank=True, help_text=_("Eine Zeile je Zeitraum.")
    )

    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("Mediensammlung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bilder und Dokumente dieser Stadt."),
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("Redaktionsgruppe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("legal_name"),
                FieldPanel("slug"),
                FieldPanel("code"),
                FieldPanel("tagline"),
                FieldPanel("is_region"),
            ],
            heading=_("Stadt"),
        ),
        MultiFieldPanel([FieldPanel("theme"), FieldPanel("logo")], heading=_("Aussehen")),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("easy_language_page"),
            ],
            heading=_("Pflichtseiten"),
        ),
        MultiFieldPanel(
            [FieldPanel("collection"), FieldPanel("editors_group")],
            heading=_("Redaktion"),
        ),
    ]

    class Meta:
        verbose_name = _("Stadt")
        verbose_name_plural = _("Städte")

    def __str__(self) -> str:
        return self.name or self.slug

    @property
    def legal_pages(self) -> list[Page]:
        """The legally required pages in footer order (only those that are live)."""
        pages = [self.imprint_page, self.privacy_page, self.accessibility_page]
        return [page for page in pages if page is not None and page.live]

    @property
    def root_url(self) -> str:
        return self.site.root_url

    @property
    def reference_code(self) -> str:
        """The prefix of case numbers and file references ("BRU")."""
        return self.code or self.slug.replace("-", "")[:3].upper()


class SeoMixin(models.Model):
    """Search description is Wagtail's own; this adds the social image and its panel."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Vorschaubild für soziale Medien"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird angezeigt, wenn die Seite geteilt wird (mindestens 1200 × 630)."),
    )

    seo_panels = [
        MultiFieldPanel(
            [FieldPanel("seo_title"), FieldPanel("search_description"), FieldPanel("social_image")],
            heading=_("Suchmaschinen und Teilen"),
        )
    ]
    # the headless API (portal.api); seo_title and search_description are Wagtail's own
    api_fields = [
        APIField("social_image"),
        APIField("last_updated", serializer=DateTimeField(read_only=True)),
    ]

    class Meta:
        abstract = True

    @property
    def last_updated(self):
        """When the content last changed, as shown to citizens."""
        return self.last_published_at or self.latest_revision_created_at or self.first_published_at

    def breadcrumbs(self) -> list[Page]:
        """Ancestors from the site's home page down to (excluding) this page."""
        return list(self.get_ancestors().filter(depth__gt=1))


class BasePage(SeoMixin, Page):
    """Base of every citizen-facing page type in the portal and the domain apps."""

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("show_in_menus")], heading=_("Adresse und Menü")
        ),
        *SeoMixin.seo_panels,
    ]

    class Meta:
        abstract = True
