"""What a file is (by its first bytes, never by its name or the browser's word), whether
its size and – for ZIP containers and PDFs – its contents stay within limits.

An *upload* here is anything file-like with ``read``/``seek`` (a Django ``UploadedFile``
or ``File``) or plain ``bytes``. Every refusal is an :class:`UploadRefused` with a German
message naming the file.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

import filetype
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .archives import ArchiveLimits

logger = logging.getLogger(__name__)

MB = 1024 * 1024
HEAD_BYTES = 64 * 1024  # enough to find an <svg> behind a long XML prolog
CHUNK = 256 * 1024

# office documents that are ZIP containers (OOXML, ODF)
OFFICE_CONTAINERS = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    }
)
ZIP_CONTAINERS = OFFICE_CONTAINERS | {
    "application/zip",
    "application/epub+zip",
    "application/x-google-chrome-extension",
}
# every type that holds other files; one inside another is a nested archive
ARCHIVE_TYPES = ZIP_CONTAINERS | {
    "application/gzip",
    "application/x-tar",
    "application/x-bzip2",
    "application/x-xz",
    "application/x-7z-compressed",
    "application/x-rar-compressed",
    "application/zstd",
    "application/x-lzip",
    "application/x-lz4",
    "application/x-lzop",
    "application/x-brotli",
    "application/x-compress",
    "application/vnd.ms-cab-compressed",
    "application/x-unix-archive",
    "application/x-deb",
    "application/x-rpm",
}
EXECUTABLE_TYPES = frozenset(
    {
        "application/x-msdownload",
        "application/x-executable",
        "application/x-shockwave-flash",
        "application/wasm",
        "text/html",
        "image/svg+xml",
    }
)
SVG = "image/svg+xml"
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|script|iframe|object|embed)[\s>/]")
_BOM = b"\xef\xbb\xbf"


class UploadRefused(ValidationError):
    """A file that is not taken; ``message`` is the German reason for the user."""

    def __init__(self, message: str, code: str):
        super().__init__(message, code=code)


# --- reading ------------------------------------------------------------------------------
def file_name(upload, name: str | None = None) -> str:
    return (
        str(name or getattr(upload, "name", "") or _("ohne Namen"))
        .replace("\\", "/")
        .rsplit("/", 1)[-1]
    )


def size_of(upload) -> int:
    if isinstance(upload, bytes | bytearray | memoryview):
        return len(upload)
    size = getattr(upload, "size", None)
    if size is None:
        position = upload.tell()
        size = upload.seek(0, io.SEEK_END)
        upload.seek(position)
    return int(size)


def head_of(upload, length: int = HEAD_BYTES) -> bytes:
    if isinstance(upload, bytes | bytearray | memoryview):
        return bytes(upload[:length])
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head or b""


def read_all(upload) -> bytes:
    if isinstance(upload, bytes | bytearray | memoryview):
        return bytes(upload)
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def chunks_of(upload, size: int = CHUNK) -> Iterable[bytes]:
    if isinstance(upload, bytes | bytearray | memoryview):
        data = memoryview(upload)
        for start in range(0, len(data), size):
            yield bytes(data[start : start + size])
        return
    upload.seek(0)
    while chunk := upload.read(size):
        yield chunk
    upload.seek(0)


def binary(upload):
    if isinstance(upload, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(upload))
    upload.seek(0)
    return upload


# --- what it is ---------------------------------------------------------------------------
def sniff(head: bytes) -> str | None:
    """The content type of a file by its first bytes; ``None`` for binary data of no known
    type. Text is told apart as SVG, HTML, XML or plain text (CSV, e-mail, JSON …)."""
    if not head:
        return None
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if b"\x00" in head:
        return None
    text = head[3:] if head.startswith(_BOM) else head
    lowered = text.lstrip().lower()
    if lowered.startswith(b"<"):
        if b"<svg" in lowered or b":svg" in lowered or b"http://www.w3.org/2000/svg" in lowered:
            return SVG
        if _HTML.search(lowered[:4096]):
            return "text/html"
        return "application/xml"
    if _HTML.search(lowered[:1024]):
        return "text/html"
    try:
        text.decode("utf-8")
    except UnicodeDecodeError as error:
        # a character cut off at the end of the head is fine; anything else is cp1252 or binary
        if error.start < len(text) - 4 and _control_characters(text):
            return None
    return "text/plain"


OOXML_FOLDERS = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def detect(upload) -> str | None:
    """Like :func:`sniff`, but a ZIP is looked into: an office file whose members are
    not in the order the first bytes show (``mimetype`` not first, …) is still one."""
    mime = sniff(head_of(upload))
    if mime != "application/zip":
        return mime
    try:
        with zipfile.ZipFile(binary(upload)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].strip().decode("ascii", "replace")
                if declared in ZIP_CONTAINERS:
                    return declared
            if "[Content_Types].xml" in names:
                for folder, office in OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return office
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        pass
    finally:
        if not isinstance(upload, bytes | bytearray | memoryview):
            upload.seek(0)
    return mime


def _control_characters(data: bytes) -> bool:
    return any(byte < 9 or 13 < byte < 32 for byte in data[:4096] if byte != 27)


def describe(mime: str | None) -> str:
    """A file type with its article, for messages ("ein ZIP-Archiv")."""
    names = {
        "application/pdf": _("ein PDF-Dokument"),
        "image/jpeg": _("ein JPEG-Bild"),
        "image/png": _("ein PNG-Bild"),
        "image/webp": _("ein WebP-Bild"),
        "image/gif": _("ein GIF-Bild"),
        "image/tiff": _("ein TIFF-Bild"),
        SVG: _("eine SVG-Grafik"),
        "text/html": _("eine HTML-Seite"),
        "application/xml": _("eine XML-Datei"),
        "text/plain": _("eine Textdatei"),
        "application/zip": _("ein ZIP-Archiv"),
        "application/gzip": _("ein GZIP-Archiv"),
        "application/x-tar": _("ein TAR-Archiv"),
        "application/x-7z-compressed": _("ein 7-Zip-Archiv"),
        "application/x-rar-compressed": _("ein RAR-Archiv"),
        "application/x-msdownload": _("ein Programm (EXE)"),
        "application/x-executable": _("ein Programm"),
    }
    if mime in names:
        return names[mime]
    if mime:
        return _("eine Datei vom Typ „%(type)s“") % {"type": mime}
    return _("eine Datei unbekannten Typs")


def check_type(upload, allowed: Iterable[str], *, name: str | None = None, label: str = "") -> str:
    """The file's content type if it is one of ``allowed``; else :class:`UploadRefused`.
    ``label`` lists the allowed types for the message ("PDF, JPEG, PNG")."""
    shown = file_name(upload, name)
    mime = detect(upload)
    allowed = set(allowed)
    if mime in allowed:
        return mime
    if mime == SVG:
        message = _(
            "Die Datei „%(name)s“ ist eine SVG-Grafik. SVG-Dateien werden nicht angenommen, "
            "weil sie Skripte enthalten können."
        ) % {"name": shown}
    else:
        message = _("Die Datei „%(name)s“ ist %(detected)s.") % {
            "name": shown,
            "detected": describe(mime),
        }
    if label:
        message += " " + _("Erlaubt sind: %(allowed)s.") % {"allowed": label}
    raise UploadRefused(message, code="svg" if mime == SVG else "type")


def check_size(upload, max_bytes: int, *, name: str | None = None) -> int:
    shown = file_name(upload, name)
    size = size_of(upload)
    if not size:
        raise UploadRefused(_("Die Datei „%(name)s“ ist leer.") % {"name": shown}, code="empty")
    if size > max_bytes:
        raise UploadRefused(
            _("Die Datei „%(name)s“ ist %(size)s MB groß; erlaubt sind höchstens %(limit)s MB.")
            % {
                "name": shown,
                "size": number_format(size / MB, 1),
                "limit": number_format(max_bytes / MB, 0 if max_bytes % MB == 0 else 1),
            },
            code="too_big",
        )
    return size


# --- all together -------------------------------------------------------------------------
def check_contents(
    upload, mime: str | None, *, name: str | None = None, limits: ArchiveLimits | None = None
) -> None:
    """For a file whose type is known: the limits of a ZIP container or a PDF's embedded
    files, then the virus scan (of the file and of each embedded file)."""
    from .archives import check_archive, check_pdf_attachments
    from .scan import scan

    embedded: list[tuple[str, bytes]] = []
    if mime in ZIP_CONTAINERS:
        check_archive(upload, limits, name=name)
    elif mime == "application/pdf":
        embedded = check_pdf_attachments(upload, limits, name=name)
    scan(upload, name=name)
    for _key, content in embedded:
        scan(content, name=file_name(upload, name))


def check_upload(
    upload,
    *,
    allowed: Iterable[str],
    max_bytes: int,
    name: str | None = None,
    label: str = "",
    limits: ArchiveLimits | None = None,
) -> str:
    """Size, type by content, archive and PDF contents, virus scan – in that order, the
    cheap ones first. Returns the content type; raises :class:`UploadRefused`."""
    check_size(upload, max_bytes, name=name)
    mime = check_type(upload, allowed, name=name, label=label)
    check_contents(upload, mime, name=name, limits=limits)
    return mime
