"""Filing ordered invoices into the E-Akte (through :mod:`backoffice.efiles.records` only).

:func:`file_invoice` puts three documents into the Akte of the invoice's Leitweg-ID route
(:attr:`LeitwegRoute.akte <backoffice.invoices.models.LeitwegRoute.akte>`): the original file
as received, the human-readable invoice as PDF and the "Prüf- und Anordnungsvermerk" (who
checked and ordered when). Which route: the one :func:`routing.route_for` picks for the
Leitweg-ID; when that one names no Akte, the next shorter matching route of the same town
that does (e.g. the town-wide route "08216043" with the Akte "Rechnungen 2026").

Rules:

- Idempotent: an invoice that was filed already is not filed again (``filed_at`` is set).
- § 14b UStG: invoices are kept for ten years – an Akte with a shorter retention period is
  refused with a clear message.
- Filed by the system (no E-Akte rights needed by the person who ordered; the Akte was
  approved when the Leitweg-ID route was set up); the E-Akte comment names that person.
- It never raises for a failure the user can do something about: the result says what went
  wrong, and the invoice's path shows it (step "comment": "Ablage fehlgeschlagen: …"). Success
  sets ``filed_at``/``filed_in`` (the Aktenzeichen) and records the step "filed". The caller
  (the Anordnung, the "Erneut ablegen" button) records no further step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from backoffice.efiles import records

from . import routing, steps, visualisation
from .models import Invoice, InvoiceStatus, InvoiceStep, LeitwegRoute

#: § 14b Abs. 1 UStG: invoices are kept ten years
MIN_RETENTION_YEARS = 10
#: the E-Akte's document type for invoices (``DocumentType.INVOICE``)
DOCUMENT_TYPE = "rechnung"
FILEABLE_STATUSES = (InvoiceStatus.ORDERED, InvoiceStatus.EXPORTED)
logger = logging.getLogger(__name__)


@dataclass
class FilingResult:
    ok: bool
    message: str
    aktenzeichen: str = ""


# --- where ---------------------------------------------------------------------------------
def route_with_akte(invoice: Invoice) -> LeitwegRoute | None:
    """The route whose Akte takes ``invoice``: the matching route, else the longest shorter
    match of the invoice's town that names an Akte; ``None`` if there is none."""
    route = routing.route_for(invoice.leitweg_id)
    if route is not None and route.akte_id and route.site_id == invoice.site_id:
        return route
    options = routing.candidates(invoice.leitweg_id)
    routes = [
        candidate
        for candidate in LeitwegRoute.objects.filter(
            site_id=invoice.site_id, active=True, akte__isnull=False
        ).select_related("akte")
        if routing.normalise(candidate.leitweg_id) in options
    ]
    routes.sort(key=lambda candidate: len(routing.normalise(candidate.leitweg_id)), reverse=True)
    return routes[0] if routes else None


def retention_years(akte) -> int | None:
    """The Akte's retention period in years (``None``: unknown)."""
    through_api = getattr(records, "retention_years", None)
    if callable(through_api):
        return through_api(akte)
    return getattr(akte, "retention_years", None)


# --- filing --------------------------------------------------------------------------------
def file_invoice(invoice: Invoice, user) -> FilingResult:
    """File ``invoice`` into the E-Akte (see the module docstring)."""
    invoice.refresh_from_db()
    if invoice.filed_at is not None:
        return FilingResult(
            ok=True,
            message=f"Die Rechnung ist bereits in der Akte {invoice.filed_in} abgelegt.",
            aktenzeichen=invoice.filed_in,
        )
    if invoice.status not in FILEABLE_STATUSES:
        return FilingResult(
            ok=False,
            message="Nur angeordnete Rechnungen werden in der E-Akte abgelegt.",
        )
    route = route_with_akte(invoice)
    if route is None:
        return _failed(
            invoice,
            user,
            f"Für die Leitweg-ID {invoice.leitweg_id or '(keine)'} ist keine Akte für "
            f"Rechnungen hinterlegt.",
        )
    akte = route.akte
    years = retention_years(akte)
    if years is not None and years < MIN_RETENTION_YEARS:
        return _failed(
            invoice,
            user,
            f"Die Akte {akte.aktenzeichen} wird nur {years} Jahre aufbewahrt; Rechnungen müssen "
            f"nach § 14b UStG {MIN_RETENTION_YEARS} Jahre aufbewahrt werden. Bitte eine andere "
            f"Akte für die Leitweg-ID {route.leitweg_id} hinterlegen.",
        )
    try:
        files = _files(invoice)
    except _NotReadable as error:
        return _failed(invoice, user, str(error))
    try:
        with transaction.atomic():
            locked = Invoice.objects.select_for_update(of=("self",)).get(pk=invoice.pk)
            if locked.filed_at is not None:  # filed in parallel meanwhile
                _copy_filed(invoice, locked)
                return FilingResult(
                    ok=True,
                    message=f"Die Rechnung ist bereits in der Akte {locked.filed_in} abgelegt.",
                    aktenzeichen=locked.filed_in,
                )
            filed = records.file_into(
                locked,
                akte,
                f"Rechnung {locked.number} – {locked.seller_name}",
                files,
                # filed by the system: the Akte was chosen for the Leitweg-ID by the town's
                # Rechnungslauf-Verwaltung; the orderer needs no rights in the E-Akte
                user=None,
                document_type=DOCUMENT_TYPE,
                sender=locked.seller_name,
                comment=f"Rechnungslauf, Anordnung: {steps.display_name(user)}",
            )
            aktenzeichen = filed[0].aktenzeichen if filed else akte.aktenzeichen
            locked.filed_at = timezone.now()
            locked.filed_in = aktenzeichen[:100]
            locked.save(update_fields=["filed_at", "filed_in"])
            steps.record(
                locked,
                InvoiceStep.Action.FILED,
                user=user,
                from_status=locked.status,
                comment=f"In der Akte {aktenzeichen} abgelegt ({len(filed)} Dokumente).",
                data={
                    "akte": filed[0].akte_id if filed else akte.pk,
                    "aktenzeichen": aktenzeichen,
                    "dokumente": [document.dokument_id for document in filed],
                },
            )
    except records.RecordError as error:
        return _failed(invoice, user, error.message)
    _copy_filed(invoice, locked)
    return FilingResult(
        ok=True,
        message=f"Die Rechnung wurde in der Akte {aktenzeichen} abgelegt.",
        aktenzeichen=aktenzeichen,
    )


class _NotReadable(Exception):
    pass


def _files(invoice: Invoice) -> list[tuple[str, bytes]]:
    """(name, bytes) of the original, the invoice PDF and the approval record."""
    try:
        with invoice.original.open("rb") as handle:
            original = handle.read()
    except (OSError, ValueError) as error:
        logger.warning("Original of invoice %s not readable: %s", invoice.pk, error)
        raise _NotReadable("Die Originaldatei der Rechnung konnte nicht gelesen werden.") from None
    safe_number = _safe(invoice.number)
    try:
        invoice_pdf = visualisation.render_pdf(invoice)
        record_pdf = visualisation.render_approval_record(invoice)
    except Exception:  # a renderer error must not undo the Anordnung
        logger.exception("Rendering invoice %s for the E-Akte failed", invoice.pk)
        raise _NotReadable(
            "Die Rechnung konnte nicht als PDF aufbereitet werden (Sichtfassung oder "
            "Prüf- und Anordnungsvermerk)."
        ) from None
    return [
        (invoice.original_name or f"Rechnung-{safe_number}.xml", original),
        (f"Rechnung-{safe_number}.pdf", invoice_pdf),
        (f"Pruef-und-Anordnungsvermerk-{safe_number}.pdf", record_pdf),
    ]


def _safe(number: str) -> str:
    """The invoice number as part of a file name (no path separators or control chars)."""
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in number).strip(".-")
    return cleaned[:80] or "ohne-Nummer"


def _copy_filed(target: Invoice, source: Invoice) -> None:
    target.filed_at, target.filed_in = source.filed_at, source.filed_in


def _failed(invoice: Invoice, user, reason: str) -> FilingResult:
    """Record the failure on the invoice's path and say why."""
    steps.record(
        invoice,
        InvoiceStep.Action.COMMENT,
        user=user,
        from_status=invoice.status,
        comment=f"Ablage fehlgeschlagen: {reason}",
        data={"filing_failed": True, "ok": False, "reason": reason},
    )
    return FilingResult(ok=False, message=reason)
