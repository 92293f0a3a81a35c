"""The delivery API: machines (a town's e-invoice gateway, e.g. OZG-RE / ZRE, or a mail
gateway) hand in XRechnung and ZUGFeRD files.

Authentication
    ``Authorization: Bearer <Schlüssel>`` – a delivery key (Zugang) of one town, created under
    Rechnungen → Zugänge (the secret is shown once; only its hash is stored). Missing, unknown
    or revoked keys get ``401`` with ``WWW-Authenticate: Bearer``. Each key may send
    ``INVOICES_API_RATE`` requests (django-ratelimit syntax, default ``"120/m"``); wrong keys
    are limited per client address; over the limit: ``429`` with ``Retry-After``.

``POST /rechnungen/api/rechnungen/`` – deliver one invoice
    Body: the file itself with ``Content-Type: application/xml`` (or ``text/xml``) for an
    XRechnung (UBL or CII) or ``application/pdf`` for ZUGFeRD / Factur-X; the file name may be
    given in ``Content-Disposition: attachment; filename="…"``. Or ``multipart/form-data`` with
    the file in the field ``file``. At most ``INVOICES_MAX_UPLOAD_MB`` (default 20) MB.

    The invoice is read, validated (EN 16931 + XRechnung 3.0) and routed by its Leitweg-ID
    (BT-10) – it must belong to the key's town (a Leitweg-ID no route knows goes to the key's
    town without an office).

    ==== ===================================================================================
    201  stored (status "eingegangen"); ``Location`` is its status URL::

             {"id": 42, "status": "eingegangen", "number": "RE-2026-001",
              "warnings": [{"rule": "BR-DE-…", "message": "…", "term": "BT-…"}]}
    409  possible duplicate (same seller and invoice number) or the same file again::

             {"duplicate_of": 17, "message": "…"}
    413  file too large        415  other content type        400  multipart without "file"
    422  rejected – not an invoice, invalid, Leitweg-ID unknown or of another town; nothing
         is stored::

             {"errors": [{"rule": "BR-CO-10", "message": "…", "term": "BT-106"}],
              "warnings": [...]}
    401  key missing or wrong  405  other methods  429  too many requests
    503  could not be stored (try again later)
    ==== ===================================================================================

``GET /rechnungen/api/rechnungen/<id>/`` – the state of a delivered invoice
    Only invoices of the key's town (anything else: ``404``)::

        {"id": 42, "status": "angeordnet", "status_label": "Angeordnet", "number": "…",
         "received_at": "2026-11-30T10:12:00+01:00", "amount_due": "1190.00",
         "currency": "EUR", "due_date": "2026-12-30", "rejection_notice": "",
         "duplicate_of": null}

    ``rejection_notice`` is the text for the seller when the town rejected the invoice.

Every answer is JSON with German messages.
"""

from __future__ import annotations

import logging
import re

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import get_usage

from .document.errors import FILE_TOO_LARGE
from .intake import (
    NOT_STORED,
    SCAN_UNAVAILABLE,
    IntakeResult,
    format_amount,
    max_upload_bytes,
    receive,
)
from .models import DeliveryToken, Invoice, InvoiceStatus, Source
from .models.routing import hash_token

logger = logging.getLogger(__name__)

RATE_GROUP = "invoices.api.token"
FAILED_GROUP = "invoices.api.failed"
DEFAULT_RATE = "120/m"
DEFAULT_FAILED_RATE = "30/m"
RAW_TYPES = {
    "application/xml": "rechnung.xml",
    "text/xml": "rechnung.xml",
    "application/pdf": "rechnung.pdf",
}
MULTIPART = "multipart/form-data"
_FILENAME = re.compile(r"""filename\*?=(?:UTF-8'')?"?([^";]+)"?""", re.IGNORECASE)


class Refused(Exception):
    def __init__(self, status: int, message: str, **headers: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


def _json(data: dict, status: int = 200, **headers: str) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def _error(refused: Refused) -> JsonResponse:
    return _json({"message": refused.message}, refused.status, **refused.headers)


def _finding(finding) -> dict:
    return {"rule": finding.rule_id, "message": finding.message, "term": finding.term}


# --- authentication and rate limit -----------------------------------------------------------
def _limited(request: HttpRequest, group: str, key, rate: str) -> int:
    """Seconds to wait when over the limit, else 0 (a cache outage lets requests pass)."""
    try:
        usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    except Exception as error:  # noqa: BLE001
        logger.warning("rate limit of the invoice API not checked: %s", error)
        return 0
    if not usage or not usage["should_limit"]:
        return 0
    return max(1, int(usage["time_left"]))


def _too_many(seconds: int) -> Refused:
    return Refused(
        429,
        f"Zu viele Anfragen. Bitte in {seconds} Sekunden erneut versuchen.",
        Retry_After=str(seconds),
    )


def _bearer(request: HttpRequest) -> str:
    scheme, _space, credentials = request.META.get("HTTP_AUTHORIZATION", "").strip().partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


def authenticate(request: HttpRequest) -> DeliveryToken:
    """The active delivery key of the request – or :class:`Refused` (401, 429)."""
    secret = _bearer(request)
    token = (
        DeliveryToken.objects.select_related("site")
        .filter(token_hash=hash_token(secret), active=True)
        .first()
        if secret
        else None
    )
    if token is None:
        failed_rate = getattr(settings, "INVOICES_API_FAILED_RATE", DEFAULT_FAILED_RATE)
        wait = _limited(request, FAILED_GROUP, "ip", failed_rate)
        if wait:
            raise _too_many(wait)
        message = (
            "Schlüssel ungültig oder widerrufen."
            if secret
            else "Kein Schlüssel angegeben. Bitte „Authorization: Bearer <Schlüssel>“ senden."
        )
        raise Refused(401, message, WWW_Authenticate='Bearer realm="rechnungen"')
    rate = getattr(settings, "INVOICES_API_RATE", DEFAULT_RATE)
    wait = _limited(request, RATE_GROUP, lambda group, request: token.token_hash, rate)
    if wait:
        raise _too_many(wait)
    DeliveryToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


# --- the file of the request -----------------------------------------------------------------
def _too_large(limit: int) -> Refused:
    return Refused(
        413, f"Die Datei ist zu groß. Erlaubt sind höchstens {format_amount(limit / 1048576)} MB."
    )


def _filename(request: HttpRequest, default: str) -> str:
    match = _FILENAME.search(request.META.get("HTTP_CONTENT_DISPOSITION", ""))
    name = match.group(1).strip() if match else ""
    return name.replace("\\", "/").rsplit("/", 1)[-1][:255] or default


def file_of(request: HttpRequest) -> tuple[bytes, str]:
    """``(bytes, file name)`` of the request – or :class:`Refused` (400, 413, 415)."""
    content_type = request.content_type or ""
    limit = max_upload_bytes()
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if content_type in RAW_TYPES:
        if length > limit:
            raise _too_large(limit)
        data = request.read(limit + 1)  # not request.body: that stops at 2.5 MB
        if len(data) > limit:
            raise _too_large(limit)
        return data, _filename(request, RAW_TYPES[content_type])
    if content_type == MULTIPART:
        if length > limit + 1024 * 1024:
            raise _too_large(limit)
        try:
            upload = request.FILES.get("file")
        except (MultiPartParserError, OSError) as error:
            raise Refused(400, f"Die Anfrage konnte nicht gelesen werden ({error}).") from None
        if upload is None:
            raise Refused(400, "Bitte die Rechnung im Feld „file“ senden.")
        if upload.size > limit:
            raise _too_large(limit)
        return upload.read(), (upload.name or "rechnung")[:255]
    raise Refused(
        415,
        "Bitte die Rechnung als application/xml, text/xml, application/pdf oder "
        "multipart/form-data (Feld „file“) senden.",
    )


# --- the answers -----------------------------------------------------------------------------
def answer(result: IntakeResult) -> JsonResponse:
    warnings = [_finding(finding) for finding in result.warnings]
    if result.accepted:
        invoice = result.invoice
        return _json(
            {
                "id": invoice.pk,
                "status": invoice.status,
                "number": invoice.number,
                "warnings": warnings,
            },
            201,
            Location=reverse("invoices_api_status", args=[invoice.pk]),
        )
    if result.outcome in ("duplicate", "same_file"):
        earlier = result.duplicate_of
        return _json(
            {"duplicate_of": earlier.pk if earlier else None, "message": result.message}, 409
        )
    rules = {finding.rule_id for finding in result.errors}
    if FILE_TOO_LARGE in rules:
        return _json({"message": result.message}, 413)
    if NOT_STORED in rules or SCAN_UNAVAILABLE in rules:
        return _json({"message": result.message}, 503, Retry_After="60")
    return _json(
        {"errors": [_finding(finding) for finding in result.errors], "warnings": warnings}, 422
    )


@csrf_exempt  # nosemgrep: csrf-exempt – a machine client with an API key, no cookies
def receive_view(request: HttpRequest) -> JsonResponse:
    """``POST /rechnungen/api/rechnungen/`` (see the module docstring)."""
    if request.method != "POST":
        return _error(Refused(405, "Bitte Rechnungen mit POST senden.", Allow="POST"))
    try:
        token = authenticate(request)
        data, filename = file_of(request)
    except Refused as refused:
        return _error(refused)
    result = receive(data, filename, source=Source.API, site=token.site)
    return answer(result)


@csrf_exempt  # nosemgrep: csrf-exempt – a machine client with an API key, no cookies
def status_view(request: HttpRequest, pk: int) -> JsonResponse:
    """``GET /rechnungen/api/rechnungen/<id>/``: the state of an invoice of the key's town."""
    if request.method not in ("GET", "HEAD"):
        return _error(Refused(405, "Bitte mit GET abfragen.", Allow="GET, HEAD"))
    try:
        token = authenticate(request)
    except Refused as refused:
        return _error(refused)
    invoice = Invoice.objects.filter(site=token.site, pk=pk).first()
    if invoice is None:
        return _json({"message": "Keine Rechnung mit dieser Nummer."}, 404)
    return _json(
        {
            "id": invoice.pk,
            "status": invoice.status,
            "status_label": str(InvoiceStatus(invoice.status).label),
            "number": invoice.number,
            "received_at": invoice.received_at.isoformat(),
            "amount_due": str(invoice.amount_due) if invoice.amount_due is not None else None,
            "currency": invoice.currency,
            "due_date": invoice.due_date.isoformat() if invoice.due_date else None,
            "rejection_notice": invoice.rejection_notice
            if invoice.status == InvoiceStatus.REJECTED
            else "",
            "duplicate_of": invoice.duplicate_of_id,
        }
    )


urlpatterns = [
    path("rechnungen/", receive_view, name="invoices_api_receive"),
    path("rechnungen/<int:pk>/", status_view, name="invoices_api_status"),
]
