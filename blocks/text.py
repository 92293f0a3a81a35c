"""Text blocks: heading, paragraph, notice, quote."""

from __future__ import annotations

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PARAGRAPH_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


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
        help_text=_("Optional. Wird automatisch aus der Überschrift gebildet."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value.get("anchor") or value.get("text") or "")
        return context

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["anchor"] = slugify(value.get("anchor") or value.get("text") or "")
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
