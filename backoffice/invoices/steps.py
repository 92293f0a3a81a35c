"""Recording the steps of an invoice's path (append-only). Every change of an invoice writes
exactly one step in the same transaction – callers use :func:`record`."""

from __future__ import annotations

from .models import Invoice, InvoiceStep


def display_name(user) -> str:
    if user is None:
        return "System"
    return (user.get_full_name() or user.get_username()).strip()


def record(
    invoice: Invoice,
    action: str,
    *,
    user=None,
    from_status: str = "",
    to_status: str | None = None,
    comment: str = "",
    data: dict | None = None,
) -> InvoiceStep:
    """Write one step. ``to_status`` defaults to the invoice's current status."""
    return InvoiceStep.objects.create(
        invoice=invoice,
        action=action,
        from_status=from_status,
        to_status=to_status or invoice.status,
        user=user if user is not None and user.is_authenticated else None,
        user_name=display_name(user),
        comment=comment,
        data=data or {},
    )
