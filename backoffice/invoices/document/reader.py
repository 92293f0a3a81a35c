"""Read an uploaded e-invoice – XRechnung XML (UBL or CII) or ZUGFeRD/Factur-X PDF.

``read_invoice(data, filename)`` is the one entry point: it either returns a
:class:`ReadResult` with the normalised :class:`~.model.InvoiceDocument` or raises
:class:`~.errors.InvoiceFormatError` (German message + rule id) for anything that is not a
readable invoice. Values inside a readable invoice that cannot be understood are recorded in
``document.unreadable``; they never raise.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from .cii import read_cii
from .errors import FORMAT_UNKNOWN, PDF_WITHOUT_XML, InvoiceFormatError
from .model import InvoiceDocument, Syntax
from .pdf import xml_from_pdf
from .ubl import read_ubl
from .xml import check_size, detect_syntax, parse_xml, strip_bom

logger = logging.getLogger(__name__)


@dataclass
class ReadResult:
    """What :func:`read_invoice` found."""

    document: InvoiceDocument
    syntax: Syntax
    xml: bytes  # the invoice XML (from the PDF if it came in one), without a BOM
    root: etree._Element  # its parsed root, for XSD / Schematron checks
    container: Literal["xml", "pdf"] = "xml"


def is_pdf(data: bytes) -> bool:
    """PDF by its header ``%PDF-`` (readers allow up to 1 KB of junk before it; XML is not)."""
    head = strip_bom(data[:1024]).lstrip()
    return head.startswith(b"%PDF-") or (not head.startswith(b"<") and b"%PDF-" in head)


def read_invoice(data: bytes, filename: str = "") -> ReadResult:
    """Read ``data`` (the uploaded file's bytes) into a :class:`ReadResult`."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("read_invoice expects bytes")
    data = bytes(data)
    check_size(data)
    container: Literal["xml", "pdf"] = "xml"
    if is_pdf(data):
        xml = xml_from_pdf(data)
        container = "pdf"
    elif filename.lower().endswith(".pdf") and data.lstrip()[:1] != b"<":
        raise InvoiceFormatError(
            f"Die Datei „{filename}“ ist keine lesbare PDF-Datei; eine eingebettete E-Rechnung "
            "wurde nicht gefunden.",
            PDF_WITHOUT_XML,
        )
    else:
        xml = data
    xml = strip_bom(xml)
    root = parse_xml(xml)
    syntax, _kind = detect_syntax(root)
    try:
        document = read_ubl(root) if syntax == "UBL" else read_cii(root)
    except Exception:  # a reader bug must not become a 500 for the sender
        logger.exception("Reading the %s invoice %r failed", syntax, filename)
        raise InvoiceFormatError(
            "Die Rechnung konnte nicht gelesen werden (interner Fehler beim Auslesen). "
            "Bitte wenden Sie sich an den Rechnungseingang.",
            FORMAT_UNKNOWN,
        ) from None
    return ReadResult(document=document, syntax=syntax, xml=xml, root=root, container=container)
