"""The town's service pages: an index (A–Z, Lebenslagen, search) and one page per service
that shows the regional description with the town's own parts and overrides."""

from __future__ import annotations

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.core.models import BasePage

from .. import catalogue
from ..applications.routes import ApplicationRoutesMixin
from ..panels import OverrideSummaryPanel, RegionalTextPanel
from ..sections import SECTIONS
from .catalogue import SECTION_FEATURES, Lebenslage

RETENTION_CHOICES = [
    (7, _("7 Tage")),
    (30, _("30 Tage")),
    (90, _("90 Tage")),
    (180, _("6 Monate")),
    (365, _("1 Jahr")),
    (730, _("2 Jahre")),
]
RETENTION_ACTIONS = [
    ("anonymise", _("anonymisieren (Vorgangsnummer und Statistik bleiben)")),
    ("delete", _("vollständig löschen")),
]


def override_field(key: str) -> RichTextField:
    label = next(section.label for section in SECTIONS if section.key == key)
    return RichTextField(
        _("%(section)s (eigener Text der Stadt)") % {"section": label},
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Leer lassen, um den regionalen Text zu zeigen."),
    )


class ServiceIndexPage(RoutablePageMixin, BasePage):
    """Leistungen A–Z of a town, with Lebenslagen and a search by synonyms."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["services.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Leistungen A–Z")
        verbose_name_plural = _("Leistungen A–Z")

    def services(self):
        return (
            ServicePage.objects.child_of(self)
            .live()
            .public()
            .select_related("leistung")
            .order_by("title")
        )

    def lebenslagen(self) -> list[Lebenslage]:
        """The life situations that have at least one service in this town."""
        return list(Lebenslage.objects.filter(leistungen__pages__in=self.services()).distinct())

    @path("")
    def a_to_z(self, request):
        raw_query = request.GET.get("q", "")
        query = catalogue.clean_query(raw_query)
        services = self.services()
        results = catalogue.search(services, query) if query else None
        groups = catalogue.a_to_z(services) if results is None else []
        present = {group.letter for group in groups}
        return self.render(
            request,
            context_overrides={
                "query": raw_query.strip()[:200] if isinstance(raw_query, str) else "",
                "results": results,
                "groups": groups,
                "letters": [
                    {"letter": letter, "group": next(g for g in groups if g.letter == letter)}
                    if letter in present
                    else {"letter": letter, "group": None}
                    for letter in catalogue.LETTERS
                ],
                "lebenslagen": self.lebenslagen(),
            },
        )

    @path("lebenslagen/")
    def lebenslagen_index(self, request):
        return TemplateResponse(
            request,
            "services/lebenslagen.html",
            {**self.get_context(request), "lebenslagen": self.lebenslagen()},
        )

    @path("lebenslagen/<slug:slug>/")
    def lebenslage(self, request, slug: str):
        situation = get_object_or_404(Lebenslage, slug=slug)
        services = list(self.services().filter(leistung__lebenslagen=situation))
        if not services:
            raise Http404
        return TemplateResponse(
            request,
            "services/lebenslage.html",
            {**self.get_context(request), "lebenslage": situation, "services": services},
        )


class ServicePage(ApplicationRoutesMixin, BasePage):
    """A service in one town: the regional description plus the town's own parts."""

    leistung = models.ForeignKey(
        "services.Leistung",
        verbose_name=_("Regionale Leistungsbeschreibung"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    responsible_unit = models.ForeignKey(
        "core.OrganisationalUnit",
        verbose_name=_("Zuständige Stelle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_pages",
    )
    town_notes = RichTextField(
        _("Ergänzende Hinweise der Stadt"),
        blank=True,
        features=SECTION_FEATURES,
        help_text=_("Erscheinen zusätzlich zum regionalen Text, z. B. örtliche Gebühren."),
    )
    application_form = models.ForeignKey(
        "services.ApplicationForm",
        verbose_name=_("Online-Antrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_pages",
        help_text=_("Formular, mit dem die Leistung hier online beantragt wird."),
    )
    external_application_url = models.URLField(
        _("Online-Antrag an anderer Stelle"),
        blank=True,
        help_text=_("z. B. service-bw.de, wenn kein eigenes Formular verwendet wird."),
    )
    appointment_url = models.URLField(
        _("Terminvereinbarung"), blank=True, help_text=_("Adresse der Terminbuchung.")
    )
    retention_days = models.PositiveSmallIntegerField(
        _("Aufbewahrung abgeschlossener Anträge"),
        choices=RETENTION_CHOICES,
        default=90,
        help_text=_(
            "So lange nach dem Abschluss bleiben die Angaben der Antragstellenden "
            "gespeichert. Muss zur Datenschutzerklärung passen."
        ),
    )
    retention_action = models.CharField(
        _("Danach"), max_length=10, choices=RETENTION_ACTIONS, default="anonymise"
    )

    # the town's overrides of the regional sections (sections.SECTIONS)
    volltext_override = override_field("volltext")
    voraussetzungen_override = override_field("voraussetzungen")
    unterlagen_override = override_field("unterlagen")
    kosten_override = override_field("kosten")
    fristen_override = override_field("fristen")
    bearbeitungsdauer_override = override_field("bearbeitungsdauer")
    verfahrensablauf_override = override_field("verfahrensablauf")
    rechtsgrundlage_override = override_field("rechtsgrundlage")
    hinweise_override = override_field("hinweise")
    formulare_override = override_field("formulare")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("leistung"),
        FieldPanel("responsible_unit"),
        FieldPanel("town_notes"),
        MultiFieldPanel(
            [
                FieldPanel("application_form"),
                FieldPanel("external_application_url"),
                FieldPanel("appointment_url"),
            ],
            heading=_("Online beantragen und Termine"),
        ),
    ]
    override_panels = [
        OverrideSummaryPanel(heading=_("Übersicht")),
        *(
            MultiFieldPanel(
                [RegionalTextPanel(section.key), FieldPanel(section.override_field)],
                heading=section.label,
            )
            for section in SECTIONS
        ),
    ]
    privacy_panels = [
        MultiFieldPanel(
            [FieldPanel("retention_days"), FieldPanel("retention_action")],
            heading=_("Löschfrist für Online-Anträge"),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Inhalt")),
            ObjectList(override_panels, heading=_("Texte der Stadt")),
            ObjectList(privacy_panels, heading=_("Datenschutz")),
            ObjectList(BasePage.promote_panels, heading=_("Veröffentlichung")),
        ]
    )

    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types: list[str] = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("search_synonyms", boost=3),
        index.SearchField("search_text"),
        index.FilterField("leistung"),
    ]

    class Meta:
        verbose_name = _("Leistung")
        verbose_name_plural = _("Leistungen")

    # --- what the page shows ------------------------------------------------------
    def sections(self) -> list[dict]:
        """Each section with text: the town's own text where set, else the region's."""
        shown = []
        for section in SECTIONS:
            own = getattr(self, section.override_field)
            text = own or getattr(self.leistung, section.key)
            if text:
                shown.append(
                    {"key": section.key, "label": section.label, "text": text, "own": bool(own)}
                )
        return shown

    def overridden_sections(self) -> list:
        return [s for s in SECTIONS if getattr(self, s.override_field)]

    @property
    def intro(self) -> str:
        """The one-line summary in lists and search results."""
        return self.leistung.teaser

    def appointment_link(self) -> str:
        """The editor's appointment address, else the booking of the responsible office
        if it offers this service."""
        if self.appointment_url:
            return self.appointment_url
        unit = self.responsible_unit
        office = getattr(unit, "appointments", None) if unit is not None else None
        if office is None or not office.enabled:
            return ""
        if not office.services.filter(leistung_id=self.leistung_id).exists():
            return ""
        from django.urls import reverse

        url = reverse("appointments:book", kwargs={"office_id": office.pk})
        return f"{url}?leistung={self.leistung_id}"

    def search_synonyms(self) -> str:
        return f"{self.leistung.name}\n{self.leistung.synonyms}"

    def search_text(self) -> str:
        return " ".join([self.leistung.teaser, *(str(s["text"]) for s in self.sections())])
