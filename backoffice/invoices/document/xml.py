"""Safe XML parsing of uploads, syntax detection, and the value readers both syntaxes share.

Uploads come from anyone, so the parser never resolves entities, never loads a DTD, never
touches the network and keeps libxml2's limits (``huge_tree=False``: no text node over 10 MB,
no nesting deeper than 256); nesting deeper than :data:`MAX_DEPTH` and elements with more than
:data:`MAX_ATTRIBUTES` attributes are refused as well (Saxon, which runs the official rules,
stops there). A document with a DOCTYPE is refused outright: e-invoices never
need one, and it is the carrier of entity bombs ("billion laughs") and XXE.

:class:`ValueReader` turns element text into ``str`` / :class:`~decimal.Decimal` /
:class:`datetime.date`; what it cannot understand it records as
:class:`~.model.Unreadable` instead of raising (see the model's docstring).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Literal

from lxml import etree

from .errors import (
    FILE_TOO_LARGE,
    FORMAT_UNKNOWN,
    XML_NOT_WELL_FORMED,
    XML_UNSAFE,
    InvoiceFormatError,
)
from .model import Syntax, Unreadable

UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"

ROOTS: dict[str, tuple[Syntax, Literal["Invoice", "CreditNote"]]] = {
    f"{{{UBL_INVOICE_NS}}}Invoice": ("UBL", "Invoice"),
    f"{{{UBL_CREDIT_NOTE_NS}}}CreditNote": ("UBL", "CreditNote"),
    f"{{{CII_NS}}}CrossIndustryInvoice": ("CII", "Invoice"),
}

ACCEPTED_FORMATS_DE = (
    "Angenommen werden XRechnung und ZUGFeRD/Factur-X: UBL 2.1 (Invoice oder CreditNote) oder "
    "UN/CEFACT CII (CrossIndustryInvoice), als XML-Datei oder als PDF mit eingebetteter "
    "XML-Rechnung."
)

DEFAULT_MAX_UPLOAD_MB = 20
#: business terms of an allowance/charge by (level, is charge): amount, base amount,
#: percentage, VAT rate (document level only) – the same in both syntaxes
ALLOWANCE_CHARGE_TERMS: dict[tuple[str, bool], tuple[str, str, str, str]] = {
    ("doc", False): ("BT-92", "BT-93", "BT-94", "BT-96"),
    ("doc", True): ("BT-99", "BT-100", "BT-101", "BT-103"),
    ("line", False): ("BT-136", "BT-137", "BT-138", ""),
    ("line", True): ("BT-141", "BT-142", "BT-143", ""),
}
#: deepest element nesting accepted: Saxon's (JAXP's) ``jdk.xml.maxElementDepth``; a real
#: e-invoice stays below 20
MAX_DEPTH = 100
_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")
#: most attributes on one element: Saxon's (JAXP's) ``jdk.xml.elementAttributeLimit``
MAX_ATTRIBUTES = 200
_TOO_MANY_ATTRIBUTES = etree.XPath(f"boolean(//*[count(@*) > {MAX_ATTRIBUTES}])")
_BOM = b"\xef\xbb\xbf"
_DOCTYPE_MARKERS = tuple(
    "<!DOCTYPE".encode(encoding) for encoding in ("ascii", "utf-16-le", "utf-16-be")
)


def _parser() -> etree.XMLParser:
    # A new parser per call: lxml parsers are not safe to share between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=False,
    )


def max_upload_bytes() -> int:
    """``settings.INVOICES_MAX_UPLOAD_MB`` (default 20) in bytes; usable without Django set up."""
    try:
        from django.conf import settings

        megabytes = getattr(settings, "INVOICES_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)
    except Exception:  # settings not configured (scripts, benchmarks)
        megabytes = DEFAULT_MAX_UPLOAD_MB
    return int(float(megabytes) * 1024 * 1024)


def check_size(data: bytes) -> None:
    """Refuse uploads over the size limit ("DATEI-ZU-GROSS")."""
    limit = max_upload_bytes()
    if len(data) > limit:
        raise InvoiceFormatError(
            f"Die Datei ist zu groß ({_megabytes(len(data))} MB). "
            f"Erlaubt sind höchstens {_megabytes(limit)} MB.",
            FILE_TOO_LARGE,
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def strip_bom(data: bytes) -> bytes:
    return data[len(_BOM) :] if data.startswith(_BOM) else data


def parse_xml(data: bytes) -> etree._Element:
    """Parse ``data`` safely and return the root element, or raise :class:`InvoiceFormatError`."""
    check_size(data)
    data = strip_bom(data)
    if not data.strip():
        raise InvoiceFormatError("Die Datei ist leer.", XML_NOT_WELL_FORMED)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(data, exc) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _unsafe()
    if _TOO_DEEP(root):
        raise _too_deep()
    if _TOO_MANY_ATTRIBUTES(root):
        raise InvoiceFormatError(
            f"Ein Element des XML-Dokuments hat mehr als {MAX_ATTRIBUTES} Attribute; das Dokument "
            "wird aus Sicherheitsgründen nicht angenommen.",
            XML_UNSAFE,
        )
    return root


def _unsafe() -> InvoiceFormatError:
    return InvoiceFormatError(
        "Das XML-Dokument enthält eine Dokumenttyp-Deklaration (DOCTYPE). Aus Sicherheitsgründen "
        "werden Rechnungen mit DOCTYPE, DTD oder Entitäten nicht angenommen; eine E-Rechnung "
        "braucht sie nicht.",
        XML_UNSAFE,
    )


def _too_deep() -> InvoiceFormatError:
    return InvoiceFormatError(
        "Das XML-Dokument ist zu tief verschachtelt und wird aus Sicherheitsgründen nicht "
        "angenommen.",
        XML_UNSAFE,
    )


def _syntax_error(data: bytes, exc: etree.XMLSyntaxError) -> InvoiceFormatError:
    detail = re.sub(r", line \d+, column \d+$", "", str(exc.msg or exc))
    if any(marker in data for marker in _DOCTYPE_MARKERS) or "amplification" in detail:
        return _unsafe()
    if "Text node too long" in detail or "huge text node" in detail.lower():
        return InvoiceFormatError(
            "Ein einzelner Wert im XML-Dokument (zum Beispiel ein eingebetteter Anhang) ist "
            "größer als 10 MB und wird nicht angenommen.",
            FILE_TOO_LARGE,
        )
    if "Excessive depth" in detail:
        return _too_deep()
    line, column = exc.position if exc.position else (exc.lineno or 0, 0)
    where = f"Zeile {line}, Spalte {column}" if column else f"Zeile {line}"
    return InvoiceFormatError(
        f"Die Datei ist kein wohlgeformtes XML-Dokument: Fehler in {where} "
        f"(technische Meldung: {detail}). Bitte prüfen Sie, ob die richtige Datei hochgeladen "
        "wurde.",
        XML_NOT_WELL_FORMED,
    )


def detect_syntax(root: etree._Element) -> tuple[Syntax, Literal["Invoice", "CreditNote"]]:
    """``("UBL", "Invoice")``, ``("UBL", "CreditNote")`` or ``("CII", "Invoice")`` by the root."""
    found = ROOTS.get(root.tag) if isinstance(root.tag, str) else None
    if found:
        return found
    qname = etree.QName(root) if isinstance(root.tag, str) else None
    name = qname.localname if qname else "?"
    hint = ""
    if name == "CrossIndustryDocument":
        hint = " ZUGFeRD 1.0 wird nicht mehr unterstützt."
    elif qname is not None and name in {"Invoice", "CreditNote", "CrossIndustryInvoice"}:
        hint = f" Der Namensraum „{qname.namespace or '(keiner)'}“ ist nicht der erwartete."
    raise InvoiceFormatError(
        f"Das Dokument ist keine E-Rechnung in einem unterstützten Format "
        f"(Wurzelelement „{name}“).{hint} {ACCEPTED_FORMATS_DE}",
        FORMAT_UNKNOWN,
    )


# --- paths ----------------------------------------------------------------------------------
def clark_path(path: str, namespaces: dict[str, str]) -> str:
    """``"cac:Party/cbc:Name"`` → ``"{urn…}Party/{urn…}Name"`` (the fastest form for ``find``)."""
    steps = []
    for step in path.split("/"):
        prefix, sep, local = step.partition(":")
        steps.append(f"{{{namespaces[prefix]}}}{local}" if sep else step)
    return "/".join(steps)


def compile_path(path: str, namespaces: dict[str, str]) -> tuple[str, ...]:
    """``"cac:Party/cbc:Name"`` → the Clark names of its steps, for :func:`first` and co."""
    return tuple(clark_path(path, namespaces).split("/"))


def first(element: etree._Element | None, steps: tuple[str, ...]) -> etree._Element | None:
    """The first element at the child path ``steps`` (like ``find``, about twice as fast)."""
    if element is None:
        return None
    if len(steps) == 1:
        return next(element.iterchildren(steps[0]), None)
    for child in element.iterchildren(steps[0]):
        found = first(child, steps[1:])
        if found is not None:
            return found
    return None


def every(element: etree._Element | None, steps: tuple[str, ...]) -> list[etree._Element]:
    """All elements at the child path ``steps``, in document order (like ``findall``)."""
    if element is None:
        return []
    current = [element]
    for tag in steps:
        current = [child for parent in current for child in parent.iterchildren(tag)]
    return current


def element_text(element: etree._Element | None) -> str:
    """The text of ``element`` (comments inside skipped), stripped; ``""`` for ``None``."""
    if element is None:
        return ""
    if len(element):
        return "".join(element.itertext()).strip()
    return (element.text or "").strip()


def raw_text(element: etree._Element | None) -> str:
    """Like :func:`element_text` but unstripped (BT-20 keeps its line breaks)."""
    if element is None:
        return ""
    if len(element):
        return "".join(element.itertext())
    return element.text or ""


# --- values ---------------------------------------------------------------------------------
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
#: most digits of a number: far beyond any amount or quantity, and still a finite double for
#: the official rules (Saxon converts to xs:double and fails on larger values)
MAX_DIGITS = 40
SHOWN_CHARS = 60
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?", re.ASCII)
_DATE_102 = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)


def _shown(raw: str) -> str:
    """A value as quoted in a message: at most :data:`SHOWN_CHARS` characters."""
    return raw if len(raw) <= SHOWN_CHARS else raw[:SHOWN_CHARS] + "…"


class ValueReader:
    """Reads decimals and dates; records what it cannot understand in :attr:`unreadable`."""

    def __init__(self) -> None:
        self.unreadable: list[Unreadable] = []

    def _fail(self, term: str, raw: str, message: str, where: str) -> None:
        prefix = f"{where}: " if where else ""
        self.unreadable.append(Unreadable(term=term, raw=_shown(raw), message=prefix + message))

    def decimal(self, element: etree._Element | None, term: str, where: str = "") -> Decimal | None:
        """The element's text as :class:`Decimal` exactly as written (``None`` when absent)."""
        if element is None:
            return None
        raw = element_text(element)
        if _DECIMAL.fullmatch(raw):
            if sum(char.isdigit() for char in raw) > MAX_DIGITS:
                self._fail(
                    term,
                    raw,
                    f"Der Wert „{_shown(raw)}“ hat mehr als {MAX_DIGITS} Ziffern und wird nicht "
                    "als Zahl angenommen.",
                    where,
                )
                return None
            try:
                return Decimal(raw)
            except InvalidOperation:  # pragma: no cover - the pattern rules this out
                pass
        if not raw:
            self._fail(term, raw, "Der Wert ist leer; erwartet wird eine Zahl.", where)
        else:
            self._fail(
                term,
                raw,
                f"Der Wert „{_shown(raw)}“ ist keine gültige Zahl (erwartet z. B. 1234.56 mit "
                "Punkt als Dezimaltrennzeichen).",
                where,
            )
        return None

    def iso_date(
        self, element: etree._Element | None, term: str, where: str = ""
    ) -> dt.date | None:
        """A UBL date ``YYYY-MM-DD`` (a time-zone suffix is tolerated)."""
        if element is None:
            return None
        raw = element_text(element)
        match = _ISO_DATE.fullmatch(raw)
        return self._date(match, raw, term, where, "JJJJ-MM-TT")

    def date_102(
        self, element: etree._Element | None, term: str, where: str = ""
    ) -> dt.date | None:
        """A CII date string element (``udt:DateTimeString format="102"`` = ``YYYYMMDD``)."""
        if element is None:
            return None
        raw = element_text(element)
        fmt = element.get("format", "102").strip()
        if fmt != "102":
            self._fail(
                term,
                raw,
                f"Das Datumsformat „{_shown(fmt)}“ wird nicht unterstützt; erwartet wird Format "
                "102 (JJJJMMTT).",
                where,
            )
            return None
        return self._date(_DATE_102.fullmatch(raw), raw, term, where, "JJJJMMTT")

    def _date(self, match, raw: str, term: str, where: str, pattern: str) -> dt.date | None:
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                pass
        if not raw:
            self._fail(term, raw, "Das Datum ist leer.", where)
        else:
            self._fail(
                term,
                raw,
                f"Das Datum „{_shown(raw)}“ ist kein gültiges Datum (erwartet {pattern}).",
                where,
            )
        return None

    def binary(self, element: etree._Element | None, term: str, where: str = "") -> bytes | None:
        """A base64 binary object (BT-125) decoded; whitespace inside the text is allowed."""
        if element is None:
            return None
        raw = raw_text(element)
        compact = b"".join(raw.encode("ascii", "replace").split())
        try:
            return base64.b64decode(compact, validate=True)
        except (binascii.Error, ValueError):
            self._fail(
                term,
                raw[:40] + ("…" if len(raw) > 40 else ""),
                "Der eingebettete Anhang ist nicht korrekt Base64-kodiert und kann nicht "
                "gelesen werden.",
                where,
            )
            return None
