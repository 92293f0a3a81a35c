"""Images uploaded by clubs (logo, photos, event image): checked with Pillow (JPEG, PNG,
WebP only – SVG and anything else is refused), scanned for malware, stored as Wagtail
images in the town's collection."""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.core import uploads
from portal.core.models import TownSettings

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 8000
MB = 1024 * 1024


def _megabytes(size: int) -> str:
    return number_format(size / MB, 1)


def validate_image(upload) -> None:
    """Raise ValidationError (German) unless ``upload`` is a JPEG/PNG/WebP image within
    the size and dimension limits."""
    limit = settings.VEREINE_MAX_IMAGE_MB
    if upload.size > limit * MB:
        raise ValidationError(
            _("Das Bild ist %(size)s MB groß; erlaubt sind höchstens %(limit)s MB.")
            % {"size": _megabytes(upload.size), "limit": limit},
            code="too_big",
        )
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:
            kind = image.format
            width, height = image.size
            image.verify()
    except PILImage.DecompressionBombError:
        raise ValidationError(
            _("Das Bild ist zu groß; erlaubt sind höchstens %(max)s × %(max)s Pixel.")
            % {"max": MAX_PIXELS},
            code="too_many_pixels",
        ) from None
    except Exception:
        raise ValidationError(
            _("Die Datei ist kein lesbares Bild. Erlaubt sind JPEG, PNG und WebP."),
            code="invalid",
        ) from None
    finally:
        upload.seek(0)
    if kind not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Dieses Bildformat wird nicht angenommen. Erlaubt sind JPEG, PNG und WebP."),
            code="format",
        )
    if width > MAX_PIXELS or height > MAX_PIXELS:
        raise ValidationError(
            _(
                "Das Bild ist %(width)s × %(height)s Pixel groß; erlaubt sind höchstens "
                "%(max)s Pixel in jeder Richtung."
            )
            % {"width": width, "height": height, "max": MAX_PIXELS},
            code="too_many_pixels",
        )
    # last, the virus scan (an UploadRefused is a ValidationError with the German reason)
    uploads.scan(upload)


def collection_for(site) -> Collection:
    town = TownSettings.for_site(site) if site else None
    if town and town.collection_id:
        return town.collection
    return Collection.get_first_root_node()


def create_image(upload, *, title: str, site, user=None):
    """A Wagtail image from a validated upload, in the town's collection."""
    Image = get_image_model()
    upload.seek(0)
    image = Image(
        title=title[:255],
        file=ImageFile(upload, name=upload.name),
        collection=collection_for(site),
        uploaded_by_user=user if user and user.is_authenticated else None,
    )
    image.save()
    return image


def discard(images) -> None:
    """Delete images (and their files) created for a submit that failed afterwards."""
    for image in images:
        # storage trouble must not hide the original error
        with contextlib.suppress(Exception):
            image.file.delete(save=False)
