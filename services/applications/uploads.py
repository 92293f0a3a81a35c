"""Uploads of an application: checked by content, limited in size and number, scanned
for malware (``portal.core.uploads``), stored as ``DraftFile`` in private storage (never
under MEDIA_URL).

The type is taken from the file's first bytes (``filetype``), not from its name or the
browser's content type: a PDF renamed to ``.jpg`` counts as PDF, a program renamed to
``.pdf`` is refused with the reason.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Sum
from django.utils.translation import gettext as _

from portal.core import uploads as checks

from ..models import ApplicationDraft, DraftFile
from .specs import FieldSpec

MB = 1024 * 1024
MAX_NAME_LENGTH = 120
# what each block "kind" allows: content type → file name extension
KIND_TYPES = {
    "pdf": {"application/pdf": "pdf"},
    "image": {"image/jpeg": "jpg", "image/png": "png"},
}
EXTENSION_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def max_total_bytes() -> int:
    return int(getattr(settings, "SERVICES_MAX_UPLOAD_TOTAL_MB", 30)) * MB


def type_name(mime: str | None, extension: str | None = None) -> str:
    """A file type with its article, for messages ("ein PDF-Dokument"); a type the portal
    has no name for is called by its extension ("eine Datei vom Typ „DOCX“")."""
    named = checks.describe(mime)
    if extension and (not mime or named.endswith(f"„{mime}“")):
        return _("eine Datei vom Typ „%(type)s“") % {"type": extension.upper()}
    return named


def expected_name(mime: str) -> str:
    """What a file name promises, negated in messages ("kein PDF-Dokument")."""
    return {
        "application/pdf": _("kein PDF-Dokument"),
        "image/jpeg": _("kein JPEG-Bild"),
        "image/png": _("kein PNG-Bild"),
    }[mime]


def allowed_types(kinds) -> dict[str, str]:
    allowed: dict[str, str] = {}
    for kind in kinds or ["pdf", "image"]:
        allowed.update(KIND_TYPES.get(kind, {}))
    return allowed


def allowed_description(kinds) -> str:
    labels = {"pdf": _("PDF-Dokumente"), "image": _("Fotos und Scans (JPEG, PNG)")}
    return ", ".join(labels[kind] for kind in kinds or ["pdf", "image"] if kind in labels)


def sanitise_filename(name: str, fallback: str = "datei") -> str:
    """A file name safe to show and to offer as download: no directories, no control
    characters, Unicode in NFC, at most ``MAX_NAME_LENGTH`` characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/")
    name = posixpath.basename(name)
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = UNSAFE_CHARACTERS.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip().lstrip(".").strip()
    if not name:
        name = fallback
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[: MAX_NAME_LENGTH - len(extension) - 1].rstrip() + "." + extension
        else:
            name = name[:MAX_NAME_LENGTH].rstrip()
    return name


def with_extension(name: str, extension: str) -> str:
    """``name`` ending in the extension that fits its content ("scan.jpg" holding a
    PDF becomes "scan.pdf")."""
    stem, dot, current = name.rpartition(".")
    if dot and EXTENSION_TYPES.get(current.lower()) == EXTENSION_TYPES.get(extension):
        return name
    base = stem if dot and stem else name
    return f"{base[: MAX_NAME_LENGTH - len(extension) - 1]}.{extension}"


def format_mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


@dataclass
class Checked:
    name: str
    mime: str
    extension: str


def check_content(upload: UploadedFile, kinds) -> Checked | str:
    """The file's type from its content, or the German reason it is refused."""
    name = sanitise_filename(upload.name)
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head) if head else None
    mime = kind.mime if kind else None
    allowed = allowed_types(kinds)
    if mime in allowed:
        return Checked(name=with_extension(name, allowed[mime]), mime=mime, extension=allowed[mime])
    detected = type_name(mime, kind.extension if kind else None)
    claimed = EXTENSION_TYPES.get(name.rpartition(".")[2].lower()) if "." in name else None
    if claimed and claimed != mime:  # named as one type, is another
        reason = _("Die Datei „%(name)s“ ist %(expected)s, sondern %(detected)s.") % {
            "name": name,
            "expected": expected_name(claimed),
            "detected": detected,
        }
    else:
        reason = _("Die Datei „%(name)s“ ist %(detected)s.") % {
            "name": name,
            "detected": detected,
        }
    return f"{reason} " + _("Erlaubt sind: %(allowed)s.") % {"allowed": allowed_description(kinds)}


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store_uploads(draft: ApplicationDraft, spec: FieldSpec, uploads: list) -> list[str]:
    """Check and store new uploads of one file field; return the German reasons for
    each file that was refused. Files already stored count towards the limits."""
    errors: list[str] = []
    max_files = int(spec.options.get("max_files") or 1)
    max_bytes = int(spec.options.get("max_size_mb") or 10) * MB
    kinds = spec.options.get("kinds") or ["pdf", "image"]
    count = draft.files.filter(field_key=spec.key).count()
    total = draft.files.aggregate(total=Sum("size"))["total"] or 0
    limit_total = max_total_bytes()
    for upload in uploads:
        name = sanitise_filename(upload.name)
        if count >= max_files:
            errors.append(
                _(
                    "Sie können hier höchstens %(count)s Datei(en) hochladen; "
                    "„%(name)s“ wurde nicht übernommen."
                )
                % {"count": max_files, "name": name}
            )
            continue
        if not upload.size:
            errors.append(_("Die Datei „%(name)s“ ist leer.") % {"name": name})
            continue
        if upload.size > max_bytes:
            errors.append(
                _(
                    "Die Datei „%(name)s“ ist %(size)s MB groß; erlaubt sind höchstens "
                    "%(limit)s MB je Datei."
                )
                % {"name": name, "size": format_mb(upload.size), "limit": max_bytes // MB}
            )
            continue
        if total + upload.size > limit_total:
            errors.append(
                _(
                    "Mit „%(name)s“ würden alle Dateien des Antrags zusammen mehr als "
                    "%(limit)s MB groß. Bitte verkleinern Sie die Dateien."
                )
                % {"name": name, "limit": limit_total // MB}
            )
            continue
        checked = check_content(upload, kinds)
        if isinstance(checked, str):
            errors.append(checked)
            continue
        try:
            # a PDF's embedded files, then the virus scan – before anything is stored
            checks.check_contents(upload, checked.mime, name=checked.name)
        except checks.UploadRefused as refusal:
            errors.append(refusal.message)
            continue
        stored = DraftFile(
            draft=draft,
            field_key=spec.key,
            original_name=checked.name,
            content_type=checked.mime,
            size=upload.size,
            sha256=sha256_of(upload),
        )
        stored.file.save(checked.name, upload, save=False)
        try:
            stored.save()
        except Exception:  # the database went away: no file without its row
            stored.file.storage.delete(stored.file.name)
            raise
        count += 1
        total += upload.size
    return errors


def remove_file(draft: ApplicationDraft, file_id) -> bool:
    """Delete one of the draft's files (and its content); False if it is not theirs."""
    try:
        stored = draft.files.get(pk=int(file_id))
    except (DraftFile.DoesNotExist, TypeError, ValueError):
        return False
    delete_stored(stored)
    return True


def delete_stored(stored) -> None:
    """Delete a DraftFile/CaseFile row and its content in storage."""
    name = stored.file.name
    storage = stored.file.storage
    stored.delete()
    if name:
        storage.delete(name)
