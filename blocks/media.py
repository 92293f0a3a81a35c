"""Media blocks: image with caption, alt text and credit; gallery."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from .prefetch import PrefetchedImageChooserBlock as ImageChooserBlock


def first_image():
    """Preview helper: any image of the library (previews need a real one)."""
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("pk").first()


def image_preview():
    return {
        "image": first_image(),
        "alt_text": "Blick auf das Rathaus am Marktplatz",
        "caption": "Das Rathaus am Marktplatz",
        "credit": "Stadtverwaltung",
    }


def gallery_preview():
    image = first_image()
    item = {"image": image, "alt_text": "Marktplatz mit Brunnen", "caption": "Marktplatz"}
    return {"title": "Impressionen", "images": [item, item, item]}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Nur Schmuck (kein Alternativtext nötig)"),
        required=False,
        help_text=_("Nur ankreuzen, wenn das Bild keine Information trägt."),
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                _(
                                    "Bitte einen Alternativtext angeben oder das Bild "
                                    "als Schmuck kennzeichnen."
                                )
                            )
                        ]
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        return {
            "image": image.pk if image else None,
            "alt_text": "" if value.get("decorative") else value.get("alt_text", ""),
            "decorative": bool(value.get("decorative")),
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
        }

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image.html"
        preview_value = staticmethod(image_preview)
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Bildnachweis.")


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(label=_("Alternativtext"), max_length=250)
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Bild")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=200)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Bilder"), min_num=2, max_num=24)

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title", ""),
            "images": [
                {
                    "image": item["image"].pk if item.get("image") else None,
                    "alt_text": item.get("alt_text", ""),
                    "caption": item.get("caption", ""),
                }
                for item in value.get("images", [])
            ],
        }

    class Meta:
        icon = "image"
        label = _("Bildergalerie")
        template = "blocks/gallery.html"
        preview_value = staticmethod(gallery_preview)
        description = _("Mehrere Bilder als Raster; ein Klick öffnet das Bild groß.")
