"""Payment deadlines of open invoices: the Skonto date (money lost when missed) and the due
date. Used by the deadline dashboard, the list filter "nur fristkritische", the admin
dashboard panel and the reminders.

An invoice is critical when its Skonto date lies within the next ``days`` days (a Skonto date
in the past is gone – only the due date counts then) or its due date lies within the next
``days`` days or has passed. Without a stored due date the default payment period
(``INVOICES_DEFAULT_PAYMENT_DAYS``, 30 days after the invoice date) applies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Invoice
from .workflow import format_eur

DEFAULT_DAYS = 7


def default_payment_days() -> int:
    return int(getattr(settings, "INVOICES_DEFAULT_PAYMENT_DAYS", 30))


def due_date_of(invoice: Invoice) -> dt.date | None:
    """The stored due date, else invoice date + the default payment period."""
    if invoice.due_date:
        return invoice.due_date
    if invoice.issue_date:
        return invoice.issue_date + dt.timedelta(days=default_payment_days())
    return None


@dataclass
class DeadlineRow:
    """One critical invoice: its earliest relevant deadline and what is at stake."""

    invoice: Invoice
    deadline: dt.date
    notes: list[str] = field(default_factory=list)
    skonto_until: dt.date | None = None
    skonto_amount: Decimal | None = None
    due_date: dt.date | None = None
    overdue: bool = False
    loses_skonto: bool = False

    @property
    def text(self) -> str:
        return "; ".join(self.notes)


def skonto_note(days: int, amount: Decimal | None) -> str:
    money = f" ({format_eur(amount)})" if amount is not None else ""
    if days == 0:
        return _("verliert heute Skonto%(money)s") % {"money": money}
    return ngettext(
        "verliert Skonto in %(days)d Tag%(money)s",
        "verliert Skonto in %(days)d Tagen%(money)s",
        days,
    ) % {"days": days, "money": money}


def due_note(days: int) -> str:
    if days == 0:
        return _("heute fällig")
    if days > 0:
        return ngettext("fällig in %(days)d Tag", "fällig in %(days)d Tagen", days) % {"days": days}
    return ngettext("überfällig seit %(days)d Tag", "überfällig seit %(days)d Tagen", -days) % {
        "days": -days
    }


def critical_filter(today: dt.date, days: int) -> Q:
    """The database condition of :func:`row_for` – the same decision, for querysets."""
    limit = today + dt.timedelta(days=days)
    no_due = Q(due_date__isnull=True, issue_date__lte=limit - dt.timedelta(default_payment_days()))
    return Q(skonto_until__gte=today, skonto_until__lte=limit) | Q(due_date__lte=limit) | no_due


def row_for(invoice: Invoice, today: dt.date, days: int = DEFAULT_DAYS) -> DeadlineRow | None:
    """The invoice's row if one of its deadlines is critical, else ``None``."""
    limit = today + dt.timedelta(days=days)
    candidates: list[dt.date] = []
    notes: list[str] = []
    row_kwargs: dict = {}
    skonto = invoice.skonto_until
    if skonto and today <= skonto <= limit:
        candidates.append(skonto)
        notes.append(skonto_note((skonto - today).days, invoice.skonto_amount))
        row_kwargs.update(
            skonto_until=skonto, skonto_amount=invoice.skonto_amount, loses_skonto=True
        )
    due = due_date_of(invoice)
    if due and due <= limit:
        candidates.append(due)
        notes.append(due_note((due - today).days))
        row_kwargs.update(due_date=due, overdue=due < today)
    if not candidates:
        return None
    return DeadlineRow(invoice=invoice, deadline=min(candidates), notes=notes, **row_kwargs)


def deadline_rows(
    qs: QuerySet[Invoice], today: dt.date, days: int = DEFAULT_DAYS
) -> list[DeadlineRow]:
    """Open invoices of ``qs`` with a critical deadline, the earliest deadline first."""
    invoices = qs.open().filter(critical_filter(today, days)).select_related("org_unit", "site")
    rows = [row for invoice in invoices if (row := row_for(invoice, today, days))]
    rows.sort(key=lambda row: (row.deadline, row.invoice.pk))
    return rows
