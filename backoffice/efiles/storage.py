"""Document files in django-filer: one private folder per Akte, "E-Akte/<Stadt>/<Aktenzeichen>".

Files are stored with ``is_public=False`` (filer's private storage, never under a public
URL; ``FILER_STORAGES`` puts it below ``PRIVATE_MEDIA_ROOT``) and served only by the
E-Akte's permission-checked download view.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from filer.models import File, Folder

from portal.core import uploads
from portal.core.models import TownSettings

MB = 1024 * 1024
# what a record may hold, by content: documents, scans and photos, office files, text
# (letters, CSV, e-mails, XRechnung XML). No archives, programs, HTML or SVG.
ALLOWED_TYPES = uploads.OFFICE_CONTAINERS | {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/tiff",
    "image/gif",
    "image/webp",
    "text/plain",
    "application/xml",
    "application/rtf",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
}
ALLOWED_LABEL = "PDF, Bilder (JPEG, PNG, TIFF, GIF, WebP), Office-Dokumente, Text, CSV und XML"


def max_upload_bytes() -> int:
    return int(getattr(settings, "EFILES_MAX_UPLOAD_MB", 50)) * MB


def validate_upload(upload) -> None:
    """A clear German error for an empty, nameless or too large file, a type a record
    does not take (by content), an archive beyond its limits, or malware."""
    if upload is None or not getattr(upload, "name", ""):
        raise ValidationError(_("Bitte eine Datei auswählen."), code="missing")
    if upload.size == 0:
        raise ValidationError(
            _("Die Datei „%(name)s“ ist leer.") % {"name": upload.name}, code="empty"
        )
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("Die Datei ist %(size)s MB groß; erlaubt sind höchstens %(limit)s MB.")
            % {
                "size": number_format(upload.size / MB, 1),
                "limit": max_upload_bytes() // MB,
            },
            code="too_big",
        )
    # by content: the type, a ZIP container's or a PDF's contents, the virus scan
    mime = uploads.check_type(
        upload, ALLOWED_TYPES, name=clean_filename(upload.name), label=ALLOWED_LABEL
    )
    uploads.check_contents(upload, mime, name=clean_filename(upload.name))


def clean_filename(name: str) -> str:
    stem = PurePath(name.replace("\\", "/")).name.replace("\x00", "")
    return stem[:200] or "datei"


def akte_folder(akte) -> Folder:
    if akte.folder_id:
        return akte.folder
    town = TownSettings.objects.filter(site_id=akte.site_id).first()
    parent = None
    for name in ("E-Akte", (town.name if town else akte.site.site_name), akte.aktenzeichen):
        parent, _created = Folder.objects.get_or_create(name=name[:255], parent=parent)
    akte.folder = parent
    type(akte).objects.filter(pk=akte.pk).update(folder=parent)
    return parent


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(MB), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store(upload, *, akte, user=None) -> File:
    """Save ``upload`` privately in the Akte's filer folder."""
    upload.seek(0)
    name = clean_filename(upload.name)
    upload.name = name
    return File.objects.create(
        file=upload,
        folder=akte_folder(akte),
        original_filename=name,
        name=name,
        is_public=False,
        owner=user if user is not None and user.is_authenticated else None,
    )


def content_type_of(upload) -> str:
    """The type by content; for text the name tells CSV from plain text."""
    sniffed = uploads.detect(upload) or ""
    guessed = mimetypes.guess_type(upload.name)[0] or ""
    if sniffed == "text/plain" and guessed.startswith("text/") and guessed != "text/html":
        return guessed[:100]
    return (sniffed or "application/octet-stream")[:100]


def remove_files(files: list[File]) -> None:
    """Delete filer files and – once the transaction has committed – their stored bytes."""
    names = [(file.file.storage, file.file.name) for file in files if file.file]
    folders = {file.folder_id for file in files if file.folder_id}
    for file in files:
        # the model only; filer's own delete() would remove the bytes before the commit
        super(File, file).delete()

    def _remove():
        for storage, name in names:
            if storage.exists(name):
                storage.delete(name)

    transaction.on_commit(_remove)
    for folder in Folder.objects.filter(pk__in=folders):
        if not folder.all_files.exists() and not folder.children.exists():
            folder.delete()
