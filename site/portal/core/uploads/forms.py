"""Wagtail's image and document forms with the portal's upload checks – for the editors'
uploads in the admin (also the multiple-upload page). Switched on in the settings:

    WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.uploads.forms.CheckedImageForm"
    WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.uploads.forms.CheckedDocumentForm"

Images: Wagtail already takes only the formats of ``WAGTAILIMAGES_EXTENSIONS`` (not set
here: avif, gif, jpg, png, webp – no SVG) and checks them with Pillow; this adds the
virus scan. Documents: the content must be what the extension says (a ``.pdf`` holding
HTML is refused), ZIP containers (ZIP, DOCX, XLSX, ODT …) within the archive limits with
nothing nested, a PDF's embedded files likewise, then the virus scan.
"""

from __future__ import annotations

from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from . import checks
from .scan import scan

# what the content of a document with this extension may be
DOCUMENT_TYPES = {
    "pdf": {"application/pdf"},
    "csv": {"text/plain"},
    "txt": {"text/plain"},
    "rtf": {"application/rtf"},
    "zip": {"application/zip"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
}


def _new_upload(value):
    """The file just uploaded in ``form`` (None when the existing file is kept)."""
    return value if isinstance(value, UploadedFile) else None


class CheckedImageForm(BaseImageForm):
    def clean_file(self):
        value = self.cleaned_data.get("file")
        upload = _new_upload(value)
        if upload is not None:
            scan(upload)
        return value


class CheckedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        value = self.cleaned_data.get("file")
        upload = _new_upload(value)
        if upload is None:
            return value
        extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
        allowed = DOCUMENT_TYPES.get(extension)
        if allowed is None:  # an extension added to WAGTAILDOCS_EXTENSIONS without a rule here
            checks.check_contents(upload, checks.detect(upload))
            return value
        mime = checks.check_type(upload, allowed, label=extension.upper())
        checks.check_contents(upload, mime)
        return value
