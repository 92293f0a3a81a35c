"""Blocks that lead somewhere: teaser cards, call to action, downloads."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from .prefetch import PrefetchedDocumentChooserBlock as DocumentChooserBlock
from .prefetch import PrefetchedImageChooserBlock as ImageChooserBlock
from .prefetch import PrefetchedPageChooserBlock as PageChooserBlock


class LinkTargetMixin:
    """A page or an external address – exactly one of the two."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Bitte entweder eine Seite wählen oder eine Adresse angeben.")
            raise StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(message)])}
            )
        return value


def link_url(value, context=None) -> str:
    page = value.get("page")
    if page:
        request = (context or {}).get("request")
        return page.get_url(request) or ""
    return value.get("url") or ""


class TeaserCardBlock(LinkTargetMixin, blocks.StructBlock):
    page = PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.URLBlock(label=_("oder externe Adresse"), required=False)
    title = blocks.CharBlock(
        label=_("Titel"), required=False, max_length=120, help_text=_("Leer = Seitentitel")
    )
    text = blocks.TextBlock(label=_("Kurztext"), required=False, max_length=300)
    image = ImageChooserBlock(label=_("Bild"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        context["href"] = link_url(value, parent_context)
        context["card_title"] = (
            value.get("title") or (page.title if page else value.get("url")) or ""
        )
        context["external"] = not page
        return context

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "page": page.pk if page else None,
            "url": value.get("url") or (page.url if page else ""),
            "title": value.get("title") or (page.title if page else ""),
            "text": value.get("text", ""),
            "image": value["image"].pk if value.get("image") else None,
        }

    class Meta:
        icon = "doc-full"
        label = _("Kachel")
        template = "blocks/teaser_card.html"


def teaser_preview():
    from wagtail.models import Page

    page = Page.objects.filter(depth=3).live().order_by("path").first()
    card = {"page": page, "url": "", "title": "", "text": "Alles zu Ihrem Anliegen."}
    external = {
        "page": None,
        "url": "https://www.service-bw.de/",
        "title": "service-bw",
        "text": "Das Serviceportal des Landes Baden-Württemberg.",
    }
    return {"title": "Häufig gesucht", "cards": [card, external] if page else [external]}


class TeaserCardsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    cards = blocks.ListBlock(TeaserCardBlock(), label=_("Kacheln"), min_num=1, max_num=12)

    def get_api_representation(self, value, context=None):
        card_block = self.child_blocks["cards"].child_block
        return {
            "title": value.get("title", ""),
            "cards": [card_block.get_api_representation(c, context) for c in value["cards"]],
        }

    class Meta:
        icon = "table"
        label = _("Kacheln")
        template = "blocks/teaser_cards.html"
        preview_value = staticmethod(teaser_preview)
        description = _("Verweise auf Seiten oder externe Angebote als Kacheln.")


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    button_label = blocks.CharBlock(label=_("Beschriftung der Schaltfläche"), max_length=60)
    page = PageChooserBlock(label=_("Ziel: Seite"), required=False)
    url = blocks.URLBlock(label=_("oder externe Adresse"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["href"] = link_url(value, parent_context)
        context["external"] = not value.get("page")
        return context

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "title": value.get("title", ""),
            "text": value.get("text", ""),
            "button_label": value.get("button_label", ""),
            "page": page.pk if page else None,
            "url": value.get("url") or "",
        }

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "blocks/call_to_action.html"
        preview_value = {
            "title": "Termin im Bürgerbüro",
            "text": "Buchen Sie Ihren Termin online – ohne Wartezeit.",
            "button_label": "Termin buchen",
            "url": "https://www.service-bw.de/",
        }
        description = _("Eine auffällige Schaltfläche, die zu einer Handlung auffordert.")


class DownloadItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Titel"), required=False, max_length=200, help_text=_("Leer = Dokumenttitel")
    )

    class Meta:
        icon = "doc-full"
        label = _("Datei")


def document_facts(document) -> dict:
    extension = (document.file_extension or "").upper()
    try:
        size = document.get_file_size()
    except (OSError, ValueError):
        size = None
    return {"type": extension, "size": filesizeformat(size) if size else ""}


def downloads_preview():
    from wagtail.documents import get_document_model

    document = get_document_model().objects.order_by("pk").first()
    return {"title": "Formulare", "items": [{"document": document, "title": ""}]}


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=120)
    items = blocks.ListBlock(DownloadItemBlock(), label=_("Dateien"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["downloads"] = [
            {
                "title": item.get("title") or item["document"].title,
                "url": item["document"].url,
                **document_facts(item["document"]),
            }
            for item in value["items"]
            if item.get("document")
        ]
        return context

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title", ""),
            "items": [
                {
                    "document": item["document"].pk,
                    "title": item.get("title") or item["document"].title,
                    "url": item["document"].url,
                    **document_facts(item["document"]),
                }
                for item in value["items"]
                if item.get("document")
            ],
        }

    class Meta:
        icon = "download"
        label = _("Downloads")
        template = "blocks/downloads.html"
        preview_value = staticmethod(downloads_preview)
        description = _("Eine Liste von Dokumenten mit Dateityp und Größe.")
