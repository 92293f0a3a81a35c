"""Archives and nested files: a ZIP container (ZIP, DOCX, XLSX, ODT …) is really
decompressed – within limits – and looked into; a PDF's embedded files count as nested.
Against zip bombs (total size, compression ratio, number of members) and nested archives
(refused: the nesting depth is one)."""

from __future__ import annotations

import logging
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from .checks import (
    ARCHIVE_TYPES,
    CHUNK,
    EXECUTABLE_TYPES,
    HEAD_BYTES,
    MB,
    SVG,
    UploadRefused,
    binary,
    file_name,
    size_of,
    sniff,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArchiveLimits:
    """Limits for the contents of a ZIP container (also DOCX/XLSX/ODT) and a PDF's
    embedded files. Nested archives are always refused (nesting depth 1)."""

    max_members: int = 1000
    max_total_bytes: int = 100 * MB
    max_ratio: int = 100  # uncompressed : compressed, counted once more than 1 MB is out
    ratio_floor_bytes: int = 1 * MB
    max_pdf_attachments: int = 20

    @classmethod
    def from_settings(cls) -> ArchiveLimits:
        return cls(
            max_members=int(getattr(settings, "UPLOADS_ARCHIVE_MAX_MEMBERS", 1000)),
            max_total_bytes=int(getattr(settings, "UPLOADS_ARCHIVE_MAX_MB", 100)) * MB,
            max_ratio=int(getattr(settings, "UPLOADS_ARCHIVE_MAX_RATIO", 100)),
            max_pdf_attachments=int(getattr(settings, "UPLOADS_PDF_MAX_ATTACHMENTS", 20)),
        )


# --- archives -----------------------------------------------------------------------------
def _too_much(shown: str) -> UploadRefused:
    return UploadRefused(
        _(
            "Die Datei „%(name)s“ ist ein Archiv, das entpackt viel zu groß würde "
            "(Verdacht auf eine „Zip-Bombe“). Sie wurde nicht angenommen."
        )
        % {"name": shown},
        code="archive_bomb",
    )


def _nested(shown: str, member: str) -> UploadRefused:
    return UploadRefused(
        _(
            "Die Datei „%(name)s“ enthält mit „%(member)s“ ein weiteres Archiv oder ein "
            "Programm. Verschachtelte Archive werden nicht angenommen; bitte laden Sie die "
            "Dateien einzeln hoch."
        )
        % {"name": shown, "member": member[:80]},
        code="archive_nested",
    )


def check_archive(upload, limits: ArchiveLimits | None = None, *, name: str | None = None) -> None:
    """Refuse a ZIP container (ZIP, DOCX, XLSX, ODT …) with too many members, too much
    uncompressed content or a suspicious compression ratio, with an encrypted member, or
    with an archive or program inside. Members are really decompressed (the sizes in the
    directory may lie), but never more than the limits allow."""
    limits = limits or ArchiveLimits.from_settings()
    shown = file_name(upload, name)
    compressed = max(size_of(upload), 1)
    unreadable = UploadRefused(
        _("Die Datei „%(name)s“ ist ein beschädigtes Archiv und kann nicht geprüft werden.")
        % {"name": shown},
        code="archive_broken",
    )
    try:
        with zipfile.ZipFile(binary(upload)) as archive:
            members = archive.infolist()
            if len(members) > limits.max_members:
                raise UploadRefused(
                    _(
                        "Die Datei „%(name)s“ enthält %(count)s Dateien; erlaubt sind "
                        "höchstens %(limit)s."
                    )
                    % {"name": shown, "count": len(members), "limit": limits.max_members},
                    code="archive_members",
                )
            if sum(member.file_size for member in members) > limits.max_total_bytes:
                raise _too_much(shown)
            total = 0
            for member in members:
                if member.flag_bits & 0x1:
                    raise UploadRefused(
                        _(
                            "Die Datei „%(name)s“ enthält verschlüsselte Teile, die nicht "
                            "geprüft werden können. Bitte laden Sie sie unverschlüsselt hoch."
                        )
                        % {"name": shown},
                        code="archive_encrypted",
                    )
                if member.is_dir():
                    continue
                with archive.open(member) as content:
                    first = True
                    while chunk := content.read(CHUNK):
                        if first:
                            first = False
                            inner = sniff(chunk[:HEAD_BYTES])
                            if inner in ARCHIVE_TYPES or inner in EXECUTABLE_TYPES - {SVG}:
                                raise _nested(shown, member.filename)
                        total += len(chunk)
                        if total > limits.max_total_bytes or (
                            total > limits.ratio_floor_bytes
                            and total / compressed > limits.max_ratio
                        ):
                            raise _too_much(shown)
    except UploadRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError):
        raise unreadable from None
    except (EOFError, OSError, ValueError, zlib.error):
        raise unreadable from None


def check_pdf_attachments(
    upload, limits: ArchiveLimits | None = None, *, name: str | None = None
) -> list[tuple[str, bytes]]:
    """A PDF's embedded files count as nested: at most ``max_pdf_attachments``, together
    within ``max_total_bytes``, none an archive or program. Returns them (name, bytes) for
    the caller to scan. A PDF pypdf cannot read passes here (the virus scan reads it)."""
    limits = limits or ArchiveLimits.from_settings()
    shown = file_name(upload, name)
    try:
        from pypdf import PdfReader

        reader = PdfReader(binary(upload))
        if reader.is_encrypted and not reader.decrypt(""):
            return []
        embedded = [
            (str(key), bytes(content))
            for key, contents in reader.attachments.items()
            for content in contents
        ]
    except Exception as error:  # noqa: BLE001 – pypdf raises anything on broken input
        logger.info("embedded files of a PDF could not be read: %s", type(error).__name__)
        return []
    finally:
        if not isinstance(upload, bytes | bytearray | memoryview):
            upload.seek(0)
    if len(embedded) > limits.max_pdf_attachments:
        raise UploadRefused(
            _(
                "Die PDF-Datei „%(name)s“ enthält %(count)s eingebettete Dateien; erlaubt "
                "sind höchstens %(limit)s."
            )
            % {"name": shown, "count": len(embedded), "limit": limits.max_pdf_attachments},
            code="pdf_attachments",
        )
    if sum(len(content) for _key, content in embedded) > limits.max_total_bytes:
        raise _too_much(shown)
    for key, content in embedded:
        inner = sniff(content[:HEAD_BYTES])
        if inner in ARCHIVE_TYPES or inner in EXECUTABLE_TYPES:
            raise _nested(shown, key)
    return embedded
