"""Receiving an e-invoice – the one entry point of the upload page, the batch command and the API.

:func:`receive` takes the bytes of one file and either stores an :class:`Invoice` with status
"eingegangen" (and the step "received") or rejects the file with findings (rule id + German
message) and stores nothing. The steps, in order:

1. size: an empty file ("DATEI-LEER") or one over ``settings.INVOICES_MAX_UPLOAD_MB`` (default
   20, "DATEI-ZU-GROSS") is refused;
2. the file by content (``portal.core.uploads``): XML or PDF only ("DATEITYP" – a ZIP of
   invoices, say), a PDF's embedded files within limits and no archive among them
   ("DATEI-INHALT"), the virus scan ("SCHADPROGRAMM"; clamd configured but not answering:
   "VIRENPRUEFUNG", the API answers 503); after reading, each document embedded in the
   XML (BG-24) is checked and scanned the same way;
3. reading (:func:`~backoffice.invoices.document.reader.read_invoice`): not a readable
   XRechnung / ZUGFeRD → the reader's rule id ("XML-WOHLGEFORMT", "PDF-OHNE-XML", …);
4. validation (EN 16931 + XRechnung): any error rejects, warnings are kept with the invoice;
5. routing by Leitweg-ID (:func:`~backoffice.invoices.routing.route_for`): a route gives town and
   office; without one the caller's town (the uploader's, the API key's) takes it with no
   office; without either → "LEITWEG-UNBEKANNT". A route of another town than the caller's is
   refused ("LEITWEG-ANDERE-STADT": a key of Bruchsal cannot deliver to Rastatt);
6. duplicates, within the town: the same file again ("DATEI-BEREITS-EINGEGANGEN") is always
   refused; the same seller (USt-IdNr., else Steuernummer, else name) with the same invoice
   number (rejected invoices aside) is refused ("DUBLETTE") unless ``accept_duplicate`` – then
   it is stored with ``duplicate_of`` and a "DUBLETTE" warning;
7. storing, in one transaction (the town's row locked, so two deliveries of the same invoice
   cannot both pass step 6): the original file in the private storage, the document as JSON
   (attachment contents left out – they stay in the original), the warnings, the values lists
   and the export need, and the step "received". If the database refuses, the stored file is
   deleted again.

Bad input never raises: every outcome is an :class:`IntakeResult`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail.models import Site

from portal.core import uploads

from . import steps
from .document.errors import FILE_TOO_LARGE, InvoiceFormatError
from .document.model import InvoiceDocument
from .document.reader import is_pdf, read_invoice
from .models import Invoice, InvoiceStatus, InvoiceStep, LeitwegRoute, Source
from .routing import route_for
from .validation import validate
from .validation.findings import Finding

logger = logging.getLogger(__name__)

# Rule ids of the intake itself (shown like business rules).
EMPTY_FILE = "DATEI-LEER"
LEITWEG_UNKNOWN = "LEITWEG-UNBEKANNT"
LEITWEG_OTHER_TOWN = "LEITWEG-ANDERE-STADT"
SAME_FILE = "DATEI-BEREITS-EINGEGANGEN"
DUPLICATE = "DUBLETTE"
NOT_STORED = "SPEICHERN-FEHLGESCHLAGEN"
CHECK_FAILED = "PRUEFUNG-FEHLGESCHLAGEN"
FILE_TYPE = "DATEITYP"
FILE_CONTENTS = "DATEI-INHALT"
MALWARE = "SCHADPROGRAMM"
SCAN_UNAVAILABLE = "VIRENPRUEFUNG"
# the content types an embedded document (BG-24) may have, by its bytes
ATTACHMENT_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/plain",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
}

DEFAULT_MAX_UPLOAD_MB = 20
DEFAULT_PAYMENT_DAYS = 30
CENT = Decimal("0.01")

Outcome = Literal["accepted", "rejected", "duplicate", "same_file"]


@dataclass
class IntakeResult:
    """What became of one file. ``accepted`` → ``invoice`` is stored; otherwise nothing is.

    ``outcome``: "accepted", "rejected" (unreadable, invalid, not routable, not stored),
    "duplicate" (may be taken with ``accept_duplicate=True``) or "same_file" (never taken).
    ``findings``: errors (when rejected) and warnings; ``duplicate_of``: the earlier invoice.
    """

    accepted: bool
    outcome: Outcome
    message: str
    invoice: Invoice | None = None
    findings: list[Finding] = field(default_factory=list)
    duplicate_of: Invoice | None = None

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "warning"]


# --- small helpers ------------------------------------------------------------------------------
def max_upload_bytes() -> int:
    megabytes = getattr(settings, "INVOICES_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB)
    return int(float(megabytes) * 1024 * 1024)


def format_amount(value: Decimal | None) -> str:
    """``Decimal("1190.5")`` → ``"1.190,50"`` (German notation); ``None`` → ``"–"``."""
    if value is None:
        return "–"
    text = f"{value:,.2f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def town_name(site: Site | None) -> str:
    if site is None:
        return ""
    from portal.core.models import TownSettings

    name = TownSettings.objects.filter(site=site).values_list("name", flat=True).first()
    return name or site.site_name or site.hostname


def seller_key(document: InvoiceDocument) -> str:
    """Who sent the invoice, for the duplicate check: USt-IdNr. (BT-31), else Steuernummer
    (BT-32), else the normalised name (BT-27)."""
    seller = document.seller
    vat_id = "".join(seller.vat_id.split()).upper()
    if vat_id:
        return vat_id[:255]
    tax_number = "".join(seller.tax_number.split())
    if tax_number:
        return tax_number[:255]
    name = re.sub(r"[\W_]+", " ", seller.name.casefold()).strip()
    return name[:255]


def _money(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    try:
        amount = value.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return None
    return amount if abs(amount) < Decimal(10) ** 17 else None


_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_UNTIL_DATE = re.compile(rf"(?:bis\s+(?:zum\s+|spätestens\s+)?|fällig\s+(?:am|zum|bis)\s+){_DATE}")
_WITHIN_DAYS = re.compile(r"(?:innerhalb|binnen)\s+(?:von\s+)?(\d{1,3})\s+Tag", re.IGNORECASE)
_NET_DAYS = re.compile(r"(\d{1,3})\s+Tage\s+netto", re.IGNORECASE)
_AT_ONCE = re.compile(r"\bsofort\b", re.IGNORECASE)


def due_date_from_terms(terms: str, issue_date: dt.date | None) -> dt.date | None:
    """A due date stated in the free text of the payment terms (BT-20): "bis zum 13.04.2018",
    "fällig zum …", "innerhalb (von) 14 Tagen", "30 Tage netto", "sofort". Skonto lines (and
    lines about Skonto) do not count – they give the discount period, not the due date."""
    for line in (terms or "").splitlines():
        if line.strip().startswith("#") or "skonto" in line.casefold():
            continue
        match = _UNTIL_DATE.search(line)
        if match:
            day, month, year = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        if issue_date is None:
            continue
        match = _WITHIN_DAYS.search(line) or _NET_DAYS.search(line)
        if match:
            return issue_date + dt.timedelta(days=int(match.group(1)))
        if _AT_ONCE.search(line):
            return issue_date
    return None


def due_date(document: InvoiceDocument) -> dt.date | None:
    """BT-9, else a date from the payment terms, else issue date + the default payment days."""
    if document.due_date:
        return document.due_date
    from_terms = due_date_from_terms(document.payment_terms, document.issue_date)
    if from_terms:
        return from_terms
    if document.issue_date is None:
        return None
    days = int(getattr(settings, "INVOICES_DEFAULT_PAYMENT_DAYS", DEFAULT_PAYMENT_DAYS))
    try:
        return document.issue_date + dt.timedelta(days=days)
    except OverflowError:
        return None


def _day(moment: dt.datetime) -> str:
    return f"{timezone.localtime(moment):%d.%m.%Y}"


def _first_transfer(document: InvoiceDocument):
    for means in document.payment_means:
        for transfer in means.transfers:
            if transfer.account_id:
                return transfer
    return None


def document_json(document: InvoiceDocument) -> dict:
    """The document as JSON without the attachments' contents (they stay in the original)."""
    data = document.to_dict()
    for attachment in data.get("attachments") or []:
        attachment["content"] = None
    return data


# --- results ------------------------------------------------------------------------------------
def _refused(findings: list[Finding], message: str, outcome: Outcome = "rejected", **kwargs):
    return IntakeResult(
        accepted=False, outcome=outcome, message=message, findings=findings, **kwargs
    )


def _error(rule_id: str, message: str, term: str = "") -> Finding:
    return Finding(rule_id=rule_id, severity="error", message=message, term=term)


def _rejected(rule_id: str, message: str, term: str = "") -> IntakeResult:
    return _refused([_error(rule_id, message, term)], f"Abgelehnt: {message}")


def _invalid_message(errors: list[Finding]) -> str:
    first = errors[0]
    more = len(errors) - 1
    text = f"Abgelehnt: {first.rule_id} – {first.message}"
    if more == 1:
        text += " (und 1 weiterer Fehler)"
    elif more > 1:
        text += f" (und {more} weitere Fehler)"
    return text


# --- the steps ----------------------------------------------------------------------------------
def _upload_refused(refusal: uploads.UploadRefused) -> IntakeResult:
    if isinstance(refusal, uploads.VirusFound):
        rule_id = MALWARE
    elif isinstance(refusal, uploads.ScanUnavailable):
        rule_id = SCAN_UNAVAILABLE
    else:
        rule_id = FILE_CONTENTS
    return _rejected(rule_id, refusal.message)


def _check_file(data: bytes, filename: str) -> IntakeResult | None:
    """Before reading: the type by content (XML or PDF, nothing else – no ZIP), a PDF's
    embedded files (limits, nothing nested), the virus scan. A refusal, or None."""
    name = os.path.basename(filename or "") or "rechnung"
    mime = uploads.detect(data)
    pdf = is_pdf(data)
    if (
        not pdf
        and mime is not None
        and not mime.startswith("text/")
        and mime
        not in (
            "application/xml",
            "image/svg+xml",
        )
    ):
        message = (
            f"Die Datei „{name}“ ist {uploads.describe(mime)}. Erlaubt sind XRechnung (XML) "
            "und ZUGFeRD/Factur-X (PDF), jede Rechnung als eigene Datei."
        )
        return _rejected(FILE_TYPE, message)
    try:
        uploads.check_contents(data, "application/pdf" if pdf else mime, name=name)
    except uploads.UploadRefused as refusal:
        return _upload_refused(refusal)
    return None


def _check_attachments(document: InvoiceDocument, filename: str) -> IntakeResult | None:
    """The documents embedded in the XML (BG-24, base64): each by its type, within the
    archive limits (XLSX/ODS), and scanned – the scanner does not decode them itself."""
    for attachment in document.attachments:
        if not attachment.content:
            continue
        name = attachment.filename or attachment.id or "Anhang"
        mime = uploads.detect(attachment.content)
        if mime not in ATTACHMENT_TYPES:
            message = (
                f"Der Anhang „{name}“ der Rechnung ist {uploads.describe(mime)}; erlaubt sind "
                "PDF, PNG, JPEG, CSV, XLSX und ODS."
            )
            return _rejected(FILE_CONTENTS, message, "BG-24")
        try:
            uploads.check_contents(attachment.content, mime, name=name)
        except uploads.UploadRefused as refusal:
            return _upload_refused(refusal)
    return None


def _read_and_validate(data: bytes, filename: str):
    """``(read result, findings, refusal)`` – refusal is an IntakeResult when the file fails."""
    try:
        result = read_invoice(data, filename)
    except InvoiceFormatError as error:
        return None, [], _rejected(error.rule_id, error.message)
    except Exception:  # noqa: BLE001 – a reader bug must not turn an upload into a 500
        logger.exception("invoice %r could not be read", filename)
        return (
            None,
            [],
            _rejected(
                CHECK_FAILED,
                "Die Datei konnte nicht gelesen werden. Bitte prüfen Sie, ob es eine XRechnung "
                "oder eine ZUGFeRD-Rechnung ist.",
            ),
        )
    try:
        report = validate(result)
    except Exception:  # noqa: BLE001
        logger.exception("invoice %r could not be validated", filename)
        return (
            None,
            [],
            _rejected(
                CHECK_FAILED,
                "Die Rechnung konnte nicht geprüft werden. Bitte versuchen Sie es später erneut.",
            ),
        )
    findings = list(report.errors) + list(report.warnings)
    if report.errors:
        return None, findings, _refused(findings, _invalid_message(report.errors))
    return result, findings, None


def _route(document: InvoiceDocument, site: Site | None):
    """``(site, route, refusal)`` for the document's Leitweg-ID and the caller's town."""
    leitweg_id = document.leitweg_id
    route: LeitwegRoute | None = route_for(leitweg_id) if leitweg_id else None
    if route is not None:
        if site is not None and route.site_id != site.pk:
            message = (
                f"Die Leitweg-ID „{leitweg_id}“ gehört zu {town_name(route.site)}, nicht zu "
                f"{town_name(site)}. Diese Rechnung kann hier nicht eingeliefert werden."
            )
            return None, None, _rejected(LEITWEG_OTHER_TOWN, message, "BT-10")
        return route.site, route, None
    if site is not None:
        return site, None, None
    shown = leitweg_id or "(keine)"
    message = f"Die Leitweg-ID „{shown}“ ist keiner Stadt zugeordnet."
    return None, None, _rejected(LEITWEG_UNKNOWN, message, "BT-10")


def _duplicate_check(site: Site, sha256: str, key: str, number: str, accept_duplicate: bool):
    """``(earlier duplicate or None, refusal or None)`` within ``site`` (call inside the lock)."""
    same_file = Invoice.objects.filter(site=site, original_sha256=sha256).order_by("pk").first()
    if same_file is not None:
        message = (
            f"Diese Datei ist bereits eingegangen (Rechnung #{same_file.pk}, "
            f"Nr. {same_file.number}, am {_day(same_file.received_at)})."
        )
        return same_file, _refused(
            [_error(SAME_FILE, message)],
            f"Abgelehnt: {message}",
            "same_file",
            duplicate_of=same_file,
        )
    earlier = (
        Invoice.objects.filter(site=site, seller_key=key, number=number)
        .exclude(status=InvoiceStatus.REJECTED)
        .order_by("pk")
        .first()
    )
    if earlier is None or accept_duplicate:
        return earlier, None
    message = (
        f"Eine Rechnung Nr. {number} von {earlier.seller_name} ist bereits eingegangen "
        f"(Rechnung #{earlier.pk} vom {_day(earlier.received_at)}). Wenn es wirklich eine "
        "weitere Rechnung ist, kann sie ausdrücklich als Dublette übernommen werden."
    )
    return earlier, _refused(
        [_error(DUPLICATE, message, "BT-1")],
        f"Mögliche Dublette: {message}",
        "duplicate",
        duplicate_of=earlier,
    )


def _duplicate_warning(earlier: Invoice) -> Finding:
    return Finding(
        rule_id=DUPLICATE,
        severity="warning",
        message=(
            f"Als Dublette übernommen: Rechnung #{earlier.pk} hat dieselbe Nummer "
            f"{earlier.number} vom selben Rechnungssteller."
        ),
        term="BT-1",
    )


def _build(document: InvoiceDocument, read, *, site, route, source, user, filename, sha256):
    skonto = document.skonto_terms()
    transfer = _first_transfer(document)
    totals = document.totals
    seller = document.seller.name
    return Invoice(
        site=site,
        org_unit=route.org_unit if route is not None else None,
        status=InvoiceStatus.RECEIVED,
        source=source,
        received_by=user if user is not None and user.is_authenticated else None,
        original_name=os.path.basename(filename or "")[:255] or "rechnung",
        original_sha256=sha256,
        container=read.container,
        syntax=read.syntax,
        specification_id=document.specification_id[:255],
        document=document_json(document),
        number=document.number[:200],
        issue_date=document.issue_date,
        type_code=document.type_code[:3],
        currency=(document.currency or "EUR")[:3],
        leitweg_id=document.leitweg_id[:100],
        seller_name=seller[:255],
        seller_vat_id=document.seller.vat_id[:50],
        seller_key=seller_key(document),
        buyer_name=document.buyer.name[:255],
        order_ref=document.order_ref[:200],
        contract_ref=document.contract_ref[:200],
        net_total=_money(totals.without_vat),
        vat_total=_money(totals.vat_total),
        gross_total=_money(totals.with_vat),
        amount_due=_money(totals.due),
        due_date=due_date(document),
        skonto_until=skonto[0][0] if skonto else None,
        skonto_percent=skonto[0][1] if skonto else None,
        skonto_amount=_money(skonto[0][2]) if skonto else None,
        creditor_name=document.creditor_name[:255],
        iban=document.iban[:34],
        bic=(transfer.bic.replace(" ", "").upper()[:11] if transfer else ""),
        cost_centre=document.buyer_accounting_ref[:100],
        booking_text=f"{seller} {document.number}".strip()[:140],
    )


def accepted_message(invoice: Invoice) -> str:
    office = invoice.org_unit.name if invoice.org_unit else "noch keiner Dienststelle zugeordnet"
    text = (
        f"Angenommen: Rechnung {invoice.number} von {invoice.seller_name} über "
        f"{format_amount(invoice.amount_due)} {invoice.currency} "
        f"({town_name(invoice.site)}, {office})."
    )
    if invoice.duplicate_of_id:
        text += f" Als Dublette von Rechnung #{invoice.duplicate_of_id} übernommen."
    return text


# --- the entry point ----------------------------------------------------------------------------
def receive(
    data: bytes,
    filename: str,
    *,
    source: Source | str,
    user=None,
    site: Site | None = None,
    accept_duplicate: bool = False,
) -> IntakeResult:
    """Receive one file (see the module docstring). Never raises for bad input."""
    data = bytes(data or b"")
    if not data:
        return _rejected(EMPTY_FILE, "Die Datei ist leer.")
    limit = max_upload_bytes()
    if len(data) > limit:
        return _rejected(
            FILE_TOO_LARGE,
            f"Die Datei ist zu groß ({format_amount(Decimal(len(data)) / 1048576)} MB). "
            f"Erlaubt sind höchstens {format_amount(Decimal(limit) / 1048576)} MB.",
        )
    refusal = _check_file(data, filename)
    if refusal is not None:
        return refusal
    read, findings, refusal = _read_and_validate(data, filename)
    if refusal is not None:
        return refusal
    document: InvoiceDocument = read.document
    refusal = _check_attachments(document, filename)
    if refusal is not None:
        return refusal
    warnings = [finding for finding in findings if finding.severity == "warning"]

    town, route, refusal = _route(document, site)
    if refusal is not None:
        refusal.findings = refusal.findings + warnings
        return refusal

    sha256 = hashlib.sha256(data).hexdigest()
    key = seller_key(document)
    stored_name = ""
    storage = Invoice._meta.get_field("original").storage
    try:
        with transaction.atomic():
            # one intake per town at a time: the duplicate check and the insert belong together
            Site.objects.select_for_update().filter(pk=town.pk).first()
            earlier, refusal = _duplicate_check(
                town, sha256, key, document.number[:200], accept_duplicate
            )
            if refusal is not None:
                refusal.findings = refusal.findings + warnings
                return refusal
            if earlier is not None:
                warnings = [_duplicate_warning(earlier), *warnings]
            invoice = _build(
                document,
                read,
                site=town,
                route=route,
                source=source,
                user=user,
                filename=filename,
                sha256=sha256,
            )
            invoice.duplicate_of = earlier
            invoice.findings = [finding.to_dict() for finding in warnings]
            invoice.original.save("original", ContentFile(data), save=False)
            stored_name = invoice.original.name
            invoice.save()
            steps.record(
                invoice,
                InvoiceStep.Action.RECEIVED,
                user=user,
                to_status=InvoiceStatus.RECEIVED,
                data={
                    "source": str(source),
                    "filename": invoice.original_name,
                    "container": invoice.container,
                    "syntax": invoice.syntax,
                    "warnings": len(warnings),
                    "route": route.leitweg_id if route is not None else "",
                    "duplicate_of": earlier.pk if earlier is not None else None,
                },
            )
    except (DatabaseError, OSError, ValueError):
        logger.exception("invoice %r could not be stored", filename)
        if stored_name:
            try:
                storage.delete(stored_name)
            except OSError:
                logger.exception("stored file %s could not be removed", stored_name)
        return _rejected(
            NOT_STORED,
            "Die Rechnung konnte nicht gespeichert werden. Bitte versuchen Sie es später erneut.",
        )
    return IntakeResult(
        accepted=True,
        outcome="accepted",
        message=accepted_message(invoice),
        invoice=invoice,
        findings=warnings,
        duplicate_of=earlier,
    )
