"""Club downloads (statutes, forms) kept in django-filer, in a folder per club:
"Vereine/<Stadt>/<Verein>". They are published on the club's page, so they are public
files (``is_public=True``, served under MEDIA_URL, where nginx adds ``nosniff`` and a
sandbox CSP); only PDF, ODT and DOCX pass, checked by content and scanned."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from filer.models import File, Folder

from portal.core import uploads
from portal.core.models import TownSettings

MAX_MB = 10
MB = 1024 * 1024
ODT_MIME = b"application/vnd.oasis.opendocument.text"
MIME_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _kind(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix == ".pdf" and head.startswith(b"%PDF-"):
        return "pdf"
    if suffix in (".odt", ".docx") and head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if (
                    suffix == ".odt"
                    and "mimetype" in names
                    and archive.read("mimetype").strip() == ODT_MIME
                ):
                    return "odt"
                if suffix == ".docx" and "word/document.xml" in names:
                    return "docx"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        finally:
            upload.seek(0)
    return None


def validate_download(upload) -> None:
    if upload.size > MAX_MB * MB:
        raise ValidationError(
            _("Die Datei ist %(size)s MB groß; erlaubt sind höchstens %(limit)s MB.")
            % {"size": number_format(upload.size / MB, 1), "limit": MAX_MB},
            code="too_big",
        )
    kind = _kind(upload)
    if kind is None:
        raise ValidationError(
            _("Erlaubt sind nur PDF-, ODT- und DOCX-Dateien."),
            code="format",
        )
    # ODT and DOCX are ZIP archives: limits against zip bombs, nothing nested; a PDF's
    # embedded files likewise; then the virus scan (UploadRefused is a ValidationError)
    uploads.check_contents(upload, MIME_TYPES[kind])


def club_folder(club) -> Folder:
    site = club.get_site()
    town = TownSettings.for_site(site) if site else None
    parent = None
    for name in ("Vereine", (town.name if town else "") or _("Ohne Stadt"), club.title):
        parent, _created = Folder.objects.get_or_create(name=name[:255], parent=parent)
    return parent


def store_download(upload, *, club, user=None) -> File:
    upload.seek(0)
    return File.objects.create(
        file=upload,
        folder=club_folder(club),
        original_filename=upload.name,
        is_public=True,
        owner=user if user and user.is_authenticated else None,
    )


def discard(files) -> None:
    for stored in files:
        with contextlib.suppress(Exception):
            stored.file.delete(save=False)
