"""The invoice XML embedded in a ZUGFeRD / Factur-X (or XRechnung-in-PDF) file.

First asks ``facturx.get_xml_from_pdf`` (it looks at every ``*.xml`` attachment and takes the
first whose root is a CII/UBL invoice, e.g. ``factur-x.xml``, ``zugferd-invoice.xml``,
``xrechnung.xml``). If that finds nothing – an attachment it cannot parse or classify, a
Factur-X file name carrying UBL, an attachment name not ending in ``.xml`` – pypdf's list of
embedded files is searched by the known names, then for any XML-looking attachment.

The bytes returned are not trusted: :func:`.xml.parse_xml` checks them like an upload.
Everything a broken, encrypted or plain PDF raises ends as ``InvoiceFormatError`` with rule
"PDF-OHNE-XML".
"""

from __future__ import annotations

import io
import logging

from .errors import PDF_WITHOUT_XML, InvoiceFormatError

logger = logging.getLogger(__name__)

KNOWN_NAMES = ("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "zugferd_invoice.xml")

NO_XML_DE = (
    "Die PDF-Datei enthält keine eingebettete E-Rechnung (XML). Bitte senden Sie eine "
    "ZUGFeRD-/Factur-X-PDF mit eingebetteter Rechnung oder die XRechnung als XML-Datei."
)
BROKEN_DE = (
    "Die PDF-Datei ist beschädigt oder unvollständig und konnte nicht gelesen werden; eine "
    "eingebettete E-Rechnung wurde nicht gefunden."
)
ENCRYPTED_DE = (
    "Die PDF-Datei ist verschlüsselt; die eingebettete E-Rechnung kann nicht gelesen werden. "
    "Bitte senden Sie die Rechnung unverschlüsselt."
)


def xml_from_pdf(data: bytes) -> bytes:
    """The embedded invoice XML of a PDF, or :class:`InvoiceFormatError` ("PDF-OHNE-XML")."""
    xml = _from_facturx(data)
    if xml:
        return xml
    return _from_embedded_files(data)


def _from_facturx(data: bytes) -> bytes | None:
    try:
        import facturx

        _filename, xml = facturx.get_xml_from_pdf(data, check_xsd=False)
    except Exception as exc:  # facturx/pypdf raise anything on broken input
        logger.info("facturx could not read the PDF: %s", exc)
        return None
    return xml if isinstance(xml, bytes) and xml else None


def _from_embedded_files(data: bytes) -> bytes:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _decrypt(reader):
            raise InvoiceFormatError(ENCRYPTED_DE, PDF_WITHOUT_XML)
        attachments = {name: contents for name, contents in reader.attachments.items() if contents}
    except InvoiceFormatError:
        raise
    except Exception as exc:
        logger.info("pypdf could not read the PDF: %s", exc)
        raise InvoiceFormatError(BROKEN_DE, PDF_WITHOUT_XML) from None
    xml = _pick(attachments)
    if xml is None:
        raise InvoiceFormatError(NO_XML_DE, PDF_WITHOUT_XML)
    return xml


def _decrypt(reader) -> bool:
    """Open PDFs that are encrypted with an empty user password (permissions only)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def _pick(attachments: dict[str, list[bytes]]) -> bytes | None:
    by_lower = {name.lower(): contents for name, contents in attachments.items()}
    for name in KNOWN_NAMES:
        if name in by_lower:
            return by_lower[name][0]
    for name, contents in by_lower.items():
        if name.endswith(".xml"):
            return contents[0]
    for contents in by_lower.values():
        if _looks_like_xml(contents[0]):
            return contents[0]
    return None


def _looks_like_xml(content: bytes) -> bool:
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")
