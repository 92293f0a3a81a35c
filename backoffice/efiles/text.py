"""Full text of uploaded documents for the search: PDF (pypdf), plain text, ODT and DOCX."""

from __future__ import annotations

import logging
import re
import zipfile

from lxml import etree

logger = logging.getLogger(__name__)
MAX_CHARS = 200_000  # enough for search; keeps the index row small
# the XML inside an office file: no entities, no network, no giant trees; a member that
# unpacks to more than this is not read (a zip bomb costs nothing)
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
MAX_XML_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".csv", ".md", ".xml", ".json", ".html", ".eml")


class Unreadable(Exception):
    """The file claims a readable format but its text could not be read."""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1", errors="replace")


def _pdf(handle) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(handle)
        if reader.is_encrypted:
            raise Unreadable("verschlüsselt")
        parts, length = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length > MAX_CHARS:
                break
        return "\n".join(parts)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise Unreadable(str(error)) from error


def _zipped_xml(handle, member: str) -> str:
    try:
        with zipfile.ZipFile(handle) as archive:
            if archive.getinfo(member).file_size > MAX_XML_BYTES:
                raise Unreadable(f"{member} unpacks to more than {MAX_XML_BYTES} bytes")
            root = etree.fromstring(archive.read(member), parser=XML_PARSER)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError) as error:
        raise Unreadable(str(error)) from error
    return " ".join(
        text.strip() for text in root.itertext() if isinstance(text, str) and text.strip()
    )


def extract(handle, filename: str) -> str | None:
    """The text of the file (None: a format without text, e.g. an image)."""
    name = filename.lower()
    if name.endswith(".pdf"):
        text = _pdf(handle)
    elif name.endswith(TEXT_SUFFIXES):
        text = _decode(handle.read(MAX_CHARS * 4))
    elif name.endswith(".odt"):
        text = _zipped_xml(handle, "content.xml")
    elif name.endswith(".docx"):
        text = _zipped_xml(handle, "word/document.xml")
    else:
        return None
    text = re.sub(r"[ \t\r\f\v]+", " ", text.replace("\x00", ""))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()[:MAX_CHARS]
