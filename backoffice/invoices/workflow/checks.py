"""Whether a step of the approval path is allowed: permission, status, responsibility
(the invoice is visible to the user), four eyes and the amount limit. Every check returns
``""`` when the step is allowed, else the German reason – :mod:`.changes` raises it as
:class:`WorkflowError`, the invoice page shows it beside the action."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.utils.translation import gettext as _

from .. import access, steps
from ..formatting import eur as format_eur
from ..models import ApprovalLimit, Invoice, InvoiceStatus

MAX_TEXT_LENGTH = 5000
#: statuses in which the office may still change and booking data may still be edited
BEFORE_ORDER = (
    InvoiceStatus.RECEIVED,
    InvoiceStatus.FORMAL,
    InvoiceStatus.FACTUAL,
    InvoiceStatus.ARITHMETIC,
)


class WorkflowError(ValueError):
    """A step that is not allowed; ``str(error)`` is the German reason for the user."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# --- small helpers ----------------------------------------------------------------------------
def status_label(value: str) -> str:
    try:
        return str(InvoiceStatus(value).label)
    except ValueError:
        return value


def order_amount(invoice: Invoice) -> Decimal:
    """The amount the Anordnungsgrenze is compared with: the amount due (BT-115)."""
    amount = invoice.amount_due if invoice.amount_due is not None else invoice.gross_total
    return abs(amount) if amount is not None else Decimal("0")


def limit_of(user, invoice: Invoice) -> ApprovalLimit | None:
    if user is None or not user.is_authenticated:
        return None
    return ApprovalLimit.objects.filter(site_id=invoice.site_id, user=user).first()


def has_permission(user, codename: str) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and (
        user.is_superuser or user.has_perm(f"invoices.{codename}")
    )


def clean_text(text: str, *, required: str | None = None, field: str | None = None) -> str:
    text = (text or "").strip()
    if required and not text:
        raise WorkflowError(required, field)
    if len(text) > MAX_TEXT_LENGTH:
        raise WorkflowError(
            _("Der Text ist zu lang (höchstens %(max)d Zeichen).") % {"max": MAX_TEXT_LENGTH},
            field,
        )
    return text


# --- the checks: "" = allowed, else the German reason -----------------------------------------
def _common(invoice: Invoice, user) -> str:
    """Visible to the user and still open?"""
    if not access.may_use(user) or not access.invoices_for(user).filter(pk=invoice.pk).exists():
        return _("Sie sind für diese Rechnung nicht zuständig.")
    if invoice.status == InvoiceStatus.REJECTED:
        return _("Die Rechnung wurde zurückgewiesen und kann nicht mehr bearbeitet werden.")
    if invoice.status == InvoiceStatus.EXPORTED:
        return _("Die Rechnung ist bereits exportiert und kann nicht mehr bearbeitet werden.")
    return ""


def _wrong_status(invoice: Invoice, expected: str, step: str) -> str:
    return _(
        "Die Rechnung ist „%(status)s“ – „%(step)s“ ist nur bei Status „%(expected)s“ möglich."
    ) % {
        "status": status_label(invoice.status),
        "step": step,
        "expected": status_label(expected),
    }


def check_formal(invoice: Invoice, user) -> str:
    if reason := _common(invoice, user):
        return reason
    if not has_permission(user, "receive_invoice"):
        return _("Die formale Prüfung nimmt der Rechnungseingang vor.")
    if invoice.status != InvoiceStatus.RECEIVED:
        return _wrong_status(invoice, InvoiceStatus.RECEIVED, _("Formal prüfen"))
    return ""


def check_factual(invoice: Invoice, user) -> str:
    if reason := _common(invoice, user):
        return reason
    if not has_permission(user, "confirm_factual"):
        return _("Sie haben nicht das Recht, Rechnungen sachlich richtig zu zeichnen.")
    if invoice.status != InvoiceStatus.FORMAL:
        return _wrong_status(invoice, InvoiceStatus.FORMAL, _("Sachlich richtig"))
    if invoice.org_unit_id is None:
        return _("Der Rechnung ist keine Dienststelle zugeordnet.")
    return ""


def check_arithmetic(invoice: Invoice, user) -> str:
    if reason := _common(invoice, user):
        return reason
    if not has_permission(user, "confirm_arithmetic"):
        return _("Sie haben nicht das Recht, Rechnungen rechnerisch richtig zu zeichnen.")
    if invoice.status != InvoiceStatus.FACTUAL:
        return _wrong_status(invoice, InvoiceStatus.FACTUAL, _("Rechnerisch richtig"))
    return ""


def check_order(invoice: Invoice, user) -> str:
    if reason := _common(invoice, user):
        return reason
    if not has_permission(user, "order_payment"):
        return _("Sie haben nicht das Recht, Zahlungen anzuordnen.")
    if invoice.status != InvoiceStatus.ARITHMETIC:
        return _wrong_status(invoice, InvoiceStatus.ARITHMETIC, _("Anordnen"))
    if invoice.factual_by_id is not None and invoice.factual_by_id == user.pk:
        return _(
            "Sie haben diese Rechnung als sachlich richtig gezeichnet – die Anordnung muss "
            "eine andere Person geben."
        )
    if invoice.first_order_by_id is not None and invoice.first_order_by_id == user.pk:
        return _(
            "Sie haben die erste Anordnung gegeben – die zweite Unterschrift muss eine andere "
            "Person leisten."
        )
    if limit_of(user, invoice) is None:
        return _(
            "Für Sie ist keine Anordnungsgrenze hinterlegt – Sie dürfen keine Zahlungen "
            "anordnen. Bitte wenden Sie sich an die Rechnungslauf-Verwaltung."
        )
    return ""


def will_complete(invoice: Invoice, user) -> bool:
    """Would an order by ``user`` (who may order) complete the Anordnung?"""
    if invoice.first_order_by_id is not None:
        return True
    limit = limit_of(user, invoice)
    return limit is not None and order_amount(invoice) <= limit.max_amount


def order_note(invoice: Invoice, user) -> str:
    """What an order by ``user`` will do – shown beside the button."""
    if invoice.first_order_by_id is not None:
        return _(
            "%(name)s hat die erste Anordnung gegeben. Mit Ihrer Unterschrift ist die Zahlung "
            "angeordnet."
        ) % {"name": steps.display_name(invoice.first_order_by)}
    limit = limit_of(user, invoice)
    if limit is None:
        return ""
    if order_amount(invoice) <= limit.max_amount:
        return _("Der Zahlbetrag liegt innerhalb Ihrer Anordnungsgrenze (%(limit)s).") % {
            "limit": format_eur(limit.max_amount)
        }
    return _(
        "Der Zahlbetrag %(amount)s liegt über Ihrer Anordnungsgrenze (%(limit)s): Ihre "
        "Anordnung ist die erste, eine zweite Person mit Anordnungsbefugnis muss mitzeichnen."
    ) % {"amount": format_eur(order_amount(invoice)), "limit": format_eur(limit.max_amount)}


def check_reject(invoice: Invoice, user) -> str:
    """Rechnungseingang may reject in every open status; otherwise whoever must act next
    (the Kasse for ordered invoices)."""
    if reason := _common(invoice, user):
        return reason
    next_permission = {
        InvoiceStatus.RECEIVED: "receive_invoice",
        InvoiceStatus.FORMAL: "confirm_factual",
        InvoiceStatus.FACTUAL: "confirm_arithmetic",
        InvoiceStatus.ARITHMETIC: "order_payment",
        InvoiceStatus.ORDERED: "export_invoice",
    }.get(invoice.status)
    if has_permission(user, "receive_invoice") or (
        next_permission and has_permission(user, next_permission)
    ):
        return ""
    return _("Zurückweisen können der Rechnungseingang und wer den nächsten Schritt gehen muss.")


def check_assign(invoice: Invoice, user) -> str:
    if reason := _common(invoice, user):
        return reason
    if not (has_permission(user, "receive_invoice") or has_permission(user, "manage_routing")):
        return _("Die Dienststelle ordnet der Rechnungseingang zu.")
    if invoice.status not in BEFORE_ORDER:
        return _("Nach der Anordnung kann die Dienststelle nicht mehr geändert werden.")
    return ""


def check_booking(invoice: Invoice, user) -> str:
    if reason := _common(invoice, user):
        return reason
    if not any(
        has_permission(user, codename)
        for codename in ("receive_invoice", "confirm_factual", "confirm_arithmetic")
    ):
        return _(
            "Buchungsdaten ändern der Rechnungseingang, die sachliche und die rechnerische Prüfung."
        )
    if invoice.status not in BEFORE_ORDER:
        return _("Nach der Anordnung können die Buchungsdaten nicht mehr geändert werden.")
    return ""


def check_comment(invoice: Invoice, user) -> str:
    if not access.may_use(user) or not access.invoices_for(user).filter(pk=invoice.pk).exists():
        return _("Sie sind für diese Rechnung nicht zuständig.")
    return ""


CHECKS: dict[str, Callable[[Invoice, object], str]] = {
    "formal": check_formal,
    "factual": check_factual,
    "arithmetic": check_arithmetic,
    "order": check_order,
    "reject": check_reject,
    "assign": check_assign,
    "booking": check_booking,
    "comment": check_comment,
}


def refusals(invoice: Invoice, user) -> dict[str, str]:
    """For every action: ``""`` when ``user`` may do it now, else the reason why not."""
    return {name: check(invoice, user) for name, check in CHECKS.items()}
