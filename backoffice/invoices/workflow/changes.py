"""The changes of the approval path: each checks (:mod:`.checks`), locks the invoice row,
checks again, changes it and records exactly one step – all in one transaction. After the
complete Anordnung the invoice is filed into the E-Akte (after the commit)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from .. import filing, steps
from ..models import Invoice, InvoiceStatus, InvoiceStep
from ..models.invoices import OPEN_STATUSES
from .checks import (
    WorkflowError,
    check_arithmetic,
    check_assign,
    check_booking,
    check_comment,
    check_factual,
    check_formal,
    check_order,
    check_reject,
    clean_text,
    limit_of,
    order_amount,
)

logger = logging.getLogger(__name__)
Action = InvoiceStep.Action
#: how :mod:`..filing` starts the comment of a failed filing
FILING_FAILED_PREFIX = "Ablage fehlgeschlagen:"


@dataclass
class OrderOutcome:
    """What :func:`order` did: the first of two signatures or the complete Anordnung, and
    whether the invoice was filed into the E-Akte."""

    completed: bool
    filing: filing.FilingResult | None = None


# --- the changes --------------------------------------------------------------------------------
def _change(
    invoice: Invoice,
    user,
    check: Callable[[Invoice, object], str],
    change: Callable[[Invoice], tuple[str, list[str], str, dict]],
) -> Invoice:
    """Check, lock, check again, change, record one step; returns the locked, changed row
    and copies the changes onto ``invoice``.

    ``change(locked)`` sets fields and returns ``(action, changed fields, comment, data)``.
    """
    if reason := check(invoice, user):
        raise WorkflowError(reason)
    with transaction.atomic():
        locked = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("site", "org_unit")
            .get(pk=invoice.pk)
        )
        if reason := check(locked, user):
            raise WorkflowError(reason)
        before = locked.status
        action, fields, comment, data = change(locked)
        if fields:
            locked.save(update_fields=fields)
        steps.record(
            locked,
            action,
            user=user,
            from_status=before,
            to_status=locked.status,
            comment=comment,
            data=data,
        )
    for field in {"status", *(fields or [])}:
        setattr(invoice, field, getattr(locked, field))
    return locked


def _unit_in_town(invoice: Invoice, org_unit) -> None:
    if org_unit is not None and org_unit.site_id != invoice.site_id:
        raise WorkflowError(
            _("Die Dienststelle gehört nicht zur Stadt dieser Rechnung."), "org_unit"
        )


def formal_check(invoice: Invoice, user, comment: str = "", org_unit=None) -> Invoice:
    """Rechnungseingang: ordered by us and addressed to the right office; assigns the office
    when the Leitweg-ID did not (or corrects it)."""
    comment = clean_text(comment, field="comment")
    _unit_in_town(invoice, org_unit)
    if org_unit is None and invoice.org_unit_id is None:
        raise WorkflowError(_("Bitte ordnen Sie der Rechnung eine Dienststelle zu."), "org_unit")

    def change(locked: Invoice):
        fields, data = ["status"], {}
        if org_unit is not None and org_unit.pk != locked.org_unit_id:
            data = {"org_unit": org_unit.pk, "org_unit_name": org_unit.name}
            locked.org_unit = org_unit
            fields.append("org_unit")
        locked.status = InvoiceStatus.FORMAL
        return Action.FORMAL, fields, comment, data

    return _change(invoice, user, check_formal, change)


def confirm_factual(invoice: Invoice, user, comment: str = "") -> Invoice:
    """Sachlich richtig: goods or services received as invoiced."""
    comment = clean_text(comment, field="comment")

    def change(locked: Invoice):
        locked.status = InvoiceStatus.FACTUAL
        locked.factual_by = user
        return Action.FACTUAL, ["status", "factual_by"], comment, {}

    return _change(invoice, user, check_factual, change)


def confirm_arithmetic(invoice: Invoice, user, comment: str = "") -> Invoice:
    """Rechnerisch richtig: amounts, prices and discounts checked."""
    comment = clean_text(comment, field="comment")

    def change(locked: Invoice):
        locked.status = InvoiceStatus.ARITHMETIC
        locked.arithmetic_by = user
        return Action.ARITHMETIC, ["status", "arithmetic_by"], comment, {}

    return _change(invoice, user, check_arithmetic, change)


def order(invoice: Invoice, user, comment: str = "") -> OrderOutcome:
    """Anordnung – alone up to the person's limit, else first and second signature. The
    complete Anordnung files the invoice into the E-Akte (after the commit)."""
    comment = clean_text(comment, field="comment")

    def change(locked: Invoice):
        limit = limit_of(user, locked)
        amount = order_amount(locked)
        data = {"amount": str(amount), "limit": str(limit.max_amount) if limit else None}
        if locked.first_order_by_id is None and (limit is None or amount > limit.max_amount):
            locked.first_order_by = user
            return Action.FIRST_ORDER, ["first_order_by"], comment, data
        if locked.first_order_by_id is not None:
            data["first_order_by"] = locked.first_order_by_id
        locked.status = InvoiceStatus.ORDERED
        locked.ordered_by = user
        return Action.ORDERED, ["status", "ordered_by"], comment, data

    locked = _change(invoice, user, check_order, change)
    for field in ("first_order_by", "ordered_by"):
        setattr(invoice, f"{field}_id", getattr(locked, f"{field}_id"))
    if locked.status != InvoiceStatus.ORDERED:
        return OrderOutcome(completed=False)
    return OrderOutcome(completed=True, filing=file_after_order(invoice, user))


def file_after_order(invoice: Invoice, user) -> filing.FilingResult:
    """File the ordered invoice into the E-Akte; a failure is recorded, never raised.

    :func:`.filing.file_invoice` records its own outcome (step "filed", or a comment step
    with ``data={"filing_failed": True}``); only when it raises unexpectedly is the failure
    recorded here, in the same shape."""
    try:
        return filing.file_invoice(invoice, user)
    except Exception as error:  # the Anordnung stands; the reason goes into the path
        logger.exception("Filing invoice %s failed", invoice.pk)
        reason = _("Unerwarteter Fehler bei der Ablage (%(error)s).") % {
            "error": error.__class__.__name__
        }
        steps.record(
            invoice,
            Action.COMMENT,
            user=user,
            from_status=invoice.status,
            to_status=invoice.status,
            comment=f"{FILING_FAILED_PREFIX} {reason}",
            data={"filing_failed": True, "reason": reason},
        )
        return filing.FilingResult(ok=False, message=reason)


def filing_problem(invoice: Invoice) -> str:
    """Why the ordered invoice is not (yet) in the E-Akte, or ``""``."""
    if invoice.status not in (InvoiceStatus.ORDERED, InvoiceStatus.EXPORTED) or invoice.filed_at:
        return ""
    failed = invoice.steps.filter(data__filing_failed=True).order_by("-at", "-pk").first()
    if failed is None:
        return _("Die Rechnung ist noch nicht in der E-Akte abgelegt.")
    reason = failed.data.get("reason") or failed.comment
    return reason.removeprefix(FILING_FAILED_PREFIX).strip()


def reject(invoice: Invoice, user, reason: str, notice: str) -> Invoice:
    """Zurückweisen: the reason (internal) and the notice for the seller are required."""
    reason = clean_text(reason, required=_("Bitte geben Sie den Grund an."), field="reason")
    notice = clean_text(
        notice,
        required=_("Bitte formulieren Sie die Mitteilung an den Rechnungssteller."),
        field="notice",
    )

    def change(locked: Invoice):
        locked.status = InvoiceStatus.REJECTED
        locked.rejection_reason = reason
        locked.rejection_notice = notice
        return (
            Action.REJECTED,
            ["status", "rejection_reason", "rejection_notice"],
            reason,
            {"notice": notice},
        )

    return _change(invoice, user, check_reject, change)


def assign(invoice: Invoice, user, org_unit) -> Invoice:
    """Give the invoice to another office (Dienststelle) of its town."""
    if org_unit is None:
        raise WorkflowError(_("Bitte wählen Sie eine Dienststelle."), "org_unit")
    _unit_in_town(invoice, org_unit)
    if org_unit.pk == invoice.org_unit_id:
        raise WorkflowError(
            _("Die Rechnung ist dieser Dienststelle bereits zugeordnet."), "org_unit"
        )

    def change(locked: Invoice):
        data = {
            "from_org_unit": locked.org_unit_id,
            "from_org_unit_name": locked.org_unit.name if locked.org_unit else "",
            "org_unit": org_unit.pk,
            "org_unit_name": org_unit.name,
        }
        locked.org_unit = org_unit
        comment = _("Zugeordnet: %(unit)s") % {"unit": org_unit.name}
        return Action.ASSIGNED, ["org_unit"], comment, data

    return _change(invoice, user, check_assign, change)


def update_booking(invoice: Invoice, user, cost_centre: str, booking_text: str) -> Invoice:
    """Kostenstelle and Buchungstext for the booking file."""
    cost_centre = (cost_centre or "").strip()
    booking_text = (booking_text or "").strip()
    if len(cost_centre) > 100:
        raise WorkflowError(
            _("Die Kostenstelle ist zu lang (höchstens 100 Zeichen)."), "cost_centre"
        )
    if len(booking_text) > 140:
        raise WorkflowError(
            _("Der Buchungstext ist zu lang (höchstens 140 Zeichen)."), "booking_text"
        )
    if cost_centre == invoice.cost_centre and booking_text == invoice.booking_text:
        raise WorkflowError(_("Die Buchungsdaten sind unverändert."))

    def change(locked: Invoice):
        data = {
            "cost_centre": [locked.cost_centre, cost_centre],
            "booking_text": [locked.booking_text, booking_text],
        }
        locked.cost_centre = cost_centre
        locked.booking_text = booking_text
        comment = _("Kostenstelle: %(cost_centre)s; Buchungstext: %(text)s") % {
            "cost_centre": cost_centre or "–",
            "text": booking_text or "–",
        }
        return Action.EDITED, ["cost_centre", "booking_text"], comment, data

    return _change(invoice, user, check_booking, change)


def comment(invoice: Invoice, user, text: str) -> Invoice:
    """A note on the invoice's path (also after export or rejection)."""
    text = clean_text(text, required=_("Bitte geben Sie einen Kommentar ein."), field="text")
    return _change(invoice, user, check_comment, lambda locked: (Action.COMMENT, [], text, {}))


def is_open(invoice: Invoice) -> bool:
    return invoice.status in OPEN_STATUSES
