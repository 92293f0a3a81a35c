"""The approval path of an invoice (Rechnungslauf) – the only place that changes an invoice's
status after intake and before the export.

eingegangen → formal geprüft → sachlich richtig → rechnerisch richtig → angeordnet
(→ exportiert by :mod:`..export`); zurückgewiesen from any open status before the export.

Every function first checks permission, status and the four-eyes rules and raises
:class:`WorkflowError` (German reason, nothing changed) when the step is not allowed; then,
in one transaction with the invoice row locked, it checks again, changes the invoice and
writes exactly one step (:func:`..steps.record`).

:mod:`.checks` decides (every check returns ``""`` or the German reason – the admin page
shows the same reasons beside the actions); :mod:`.changes` changes.

Four-eyes decisions (documented here because they are policy):

- Who confirmed "sachlich richtig" may not give the Anordnung – neither the first nor the
  second one (the legal four-eyes rule of municipal payments: the factual check and the
  payment order by different people).
- The same person MAY confirm "sachlich richtig" and "rechnerisch richtig" (common practice;
  the legal separation is only factual check ≠ payment order).
- Amount limit (Anordnungsgrenze): the amount is the amount due (BT-115, its absolute value
  for credit notes). A person without an :class:`..models.ApprovalLimit` row in the town may
  not order at all – this holds for the first and the second signature. Up to their limit a
  person orders alone; above it their order is the first one (status stays "rechnerisch
  richtig", ``first_order_by``, step "first_order"), and a second, different person with the
  right to order (whose own limit does not matter) completes the Anordnung.
- After the Anordnung the invoice is filed into the E-Akte (:func:`..filing.file_invoice`)
  after the commit; a failure does not undo the Anordnung – it is recorded on the path
  (a comment step with ``data={"filing_failed": True}``) and shown on the invoice with an
  "Erneut ablegen" button.
"""

from __future__ import annotations

from .changes import (
    FILING_FAILED_PREFIX,
    OrderOutcome,
    assign,
    comment,
    confirm_arithmetic,
    confirm_factual,
    file_after_order,
    filing_problem,
    formal_check,
    is_open,
    order,
    reject,
    update_booking,
)
from .checks import (
    BEFORE_ORDER,
    CHECKS,
    WorkflowError,
    check_arithmetic,
    check_assign,
    check_booking,
    check_comment,
    check_factual,
    check_formal,
    check_order,
    check_reject,
    format_eur,
    limit_of,
    order_amount,
    order_note,
    refusals,
    status_label,
    will_complete,
)

__all__ = [
    "BEFORE_ORDER",
    "CHECKS",
    "FILING_FAILED_PREFIX",
    "OrderOutcome",
    "WorkflowError",
    "assign",
    "check_arithmetic",
    "check_assign",
    "check_booking",
    "check_comment",
    "check_factual",
    "check_formal",
    "check_order",
    "check_reject",
    "comment",
    "confirm_arithmetic",
    "confirm_factual",
    "file_after_order",
    "filing_problem",
    "format_eur",
    "formal_check",
    "is_open",
    "limit_of",
    "order",
    "order_amount",
    "order_note",
    "refusals",
    "reject",
    "status_label",
    "update_booking",
    "will_complete",
]
