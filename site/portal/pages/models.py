"""Page types of the portal: region and town home pages, content, index and legal pages."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from blocks.streams import text_stream
from portal.core.models import BasePage, SeoMixin, TownSettings

from .streams import page_stream

INDEX_PAGE_SIZE = 12


class RegionHomePage(BasePage):
    """Home of the regional site: introduces the alliance and links to every town."""

    intro = models.TextField(_("Einleitung"), blank=True)
    body = StreamField(page_stream(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/region_home_page.html"
    api_fields = [*SeoMixin.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("Startseite der Region")
        verbose_name_plural = _("Startseiten der Region")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["towns"] = (
            TownSettings.objects.filter(is_region=False)
            .select_related("site", "site__root_page")
            .order_by("name")
        )
        return context


class HomePage(BasePage):
    """Home page of one town."""

    intro = models.TextField(_("Begrüßung"), blank=True)
    body = StreamField(page_stream(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"
    api_fields = [*SeoMixin.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("Startseite einer Stadt")
        verbose_name_plural = _("Startseiten der Städte")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class IndexPage(BasePage):
    """A section: introduces a topic and lists its subpages, paginated."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    template = "pages/index_page.html"
    api_fields = [*SeoMixin.api_fields, APIField("intro")]

    class Meta:
        verbose_name = _("Übersichtsseite")
        verbose_name_plural = _("Übersichtsseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific().order_by("path")
        paginator = Paginator(children, INDEX_PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("seite", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context["children"] = page_obj
        context["paginator"] = paginator
        return context


class ContentPage(BasePage):
    """An ordinary page composed of blocks."""

    intro = models.TextField(
        _("Einleitung"), blank=True, help_text=_("Ein bis zwei Sätze; erscheint in Übersichten.")
    )
    body = StreamField(page_stream(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    template = "pages/content_page.html"
    api_fields = [*SeoMixin.api_fields, APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class LegalPage(BasePage):
    """Impressum, Datenschutzerklärung and the like: text blocks only."""

    body = StreamField(text_stream(), verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    subpage_types: list[str] = []
    template = "pages/legal_page.html"
    api_fields = [*SeoMixin.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("Rechtliche Seite")
        verbose_name_plural = _("Rechtliche Seiten")


class EasyLanguagePage(BasePage):
    """Information in Leichte Sprache: short sentences, large type."""

    body = StreamField(text_stream(), verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    subpage_types: list[str] = []
    template = "pages/easy_language_page.html"
    api_fields = [*SeoMixin.api_fields, APIField("body")]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")


class AccessibilityFeedbackField(AbstractFormField):
    page = ParentalKey(
        "AccessibilityStatementPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class AccessibilityStatementPage(SeoMixin, AbstractEmailForm):
    """Erklärung zur Barrierefreiheit with the legally required feedback form."""

    body = StreamField(text_stream(), verbose_name=_("Erklärung"))
    form_intro = RichTextField(_("Einleitung zum Formular"), blank=True, features=["bold", "link"])
    thank_you_text = RichTextField(_("Dankestext"), blank=True, features=["bold", "link"])

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("body"),
        FieldPanel("form_intro"),
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-Mail an die Stadt"),
        ),
    ]
    promote_panels = BasePage.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("body")]
    subpage_types: list[str] = []
    template = "pages/accessibility_statement_page.html"
    landing_page_template = "pages/accessibility_statement_page_landing.html"
    api_fields = [*SeoMixin.api_fields, APIField("body"), APIField("form_intro")]

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")
