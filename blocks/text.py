"""Text blocks: heading, paragraph, notice, quote, table of contents."""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PARAGRAPH_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


def anchor_for(value) -> str:
    return slugify(value.get("anchor") or value.get("text") or "") or "abschnitt"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Zwischenüberschrift (H2)")), ("h3", _("Unterüberschrift (H3)"))],
        default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("Sprungmarke"),
        required=False,
        max_length=80,
        help_text=_("Optional. Wird sonst aus der Überschrift gebildet."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = anchor_for(value)
        return context

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["anchor"] = anchor_for(value)
        return data

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading.html"
        preview_value = {"text": "Öffnungszeiten des Bürgerbüros", "level": "h2"}
        description = _("Gliedert die Seite; erscheint im Inhaltsverzeichnis.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault("label", _("Text"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>Im Bürgerbüro erledigen Sie An- und Ummeldungen, beantragen Ausweise "
            "und erhalten Auskünfte aus dem Melderegister.</p>"
        )
        description = _("Fließtext mit Absätzen, Listen und Links.")


class NoticeBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Art"),
        choices=[("info", _("Hinweis")), ("warning", _("Warnung")), ("danger", _("Gefahr"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Hinweiskasten")
        template = "blocks/notice.html"
        preview_value = {
            "kind": "info",
            "title": "Bitte beachten",
            "text": "Am Rosenmontag ist das Rathaus ab 12 Uhr geschlossen.",
        }
        description = _("Hebt einen Hinweis, eine Warnung oder eine Gefahr hervor.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Quelle"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Gemeinsam digital – für alle Bürgerinnen und Bürger der Region.",
            "attribution": "Leitbild re@di",
        }
        description = _("Ein hervorgehobenes Zitat mit Quelle.")


class TableOfContentsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False, default=_("Inhalt"))
    include_h3 = blocks.BooleanBlock(
        label=_("Auch Unterüberschriften (H3)"), required=False, default=False
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        entries = []
        for field_value in _stream_values(page):
            for child in field_value:
                if child.block_type != "heading":
                    continue
                level = child.value.get("level")
                if level == "h2" or (level == "h3" and value.get("include_h3")):
                    entries.append(
                        {
                            "text": child.value["text"],
                            "anchor": anchor_for(child.value),
                            "level": level,
                        }
                    )
        context["entries"] = entries
        return context

    class Meta:
        icon = "list-ul"
        label = _("Inhaltsverzeichnis")
        template = "blocks/table_of_contents.html"
        preview_value = {"title": "Inhalt", "include_h3": False}
        description = _("Listet die Zwischenüberschriften der Seite als Sprungmarken.")


def _stream_values(page):
    if page is None:
        return []
    body = getattr(page, "body", None)
    return [body] if body is not None else []
