"""Media blocks: image with caption, alt text and credit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen. Leer = dekorativ."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        return {
            "image": image.pk if image else None,
            "alt_text": value.get("alt_text", ""),
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
        }

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image.html"
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Bildnachweis.")
