"""Daily reminders: who must act next on an invoice whose Skonto or due date is near gets one
mail listing all such invoices (plain text + HTML, a link to each), through the outbox.

Who must act next, by status:

- eingegangen → Rechnungseingang of the town (formal check);
- formal geprüft → Sachliche Prüfung members of the invoice's office;
- sachlich richtig → Rechnerische Prüfung members of the office;
- rechnerisch richtig → Anordnung members of the office – never the person who confirmed
  "sachlich richtig" nor the one who gave the first order.

When nobody in the office has the role (or no office is assigned) the Rechnungseingang of the
town is reminded instead: they see every invoice of the town and can reassign it.

An invoice is reminded about at most once a day (``Invoice.last_reminder_on``); each reminder
is a step "reminded" naming the recipients. The window is ``INVOICES_REMINDER_DAYS`` (default
3): Skonto lost within that many days, or due within them or overdue.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.models import TownSettings
from portal.core.outbox import queue_mail

from . import roles, steps
from .deadlines import critical_filter, row_for
from .models import Invoice, InvoiceStatus, InvoiceStep
from .workflow import format_eur

ROLE_BY_STATUS = {
    InvoiceStatus.RECEIVED: "Rechnungseingang",
    InvoiceStatus.FORMAL: "Sachliche Prüfung",
    InvoiceStatus.FACTUAL: "Rechnerische Prüfung",
    InvoiceStatus.ARITHMETIC: "Anordnung",
}
TOWN_ROLE = "Rechnungseingang"


def reminder_days() -> int:
    return int(getattr(settings, "INVOICES_REMINDER_DAYS", 3))


def invoice_url(invoice: Invoice) -> str:
    """Absolute link to the invoice in the admin."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("invoices:detail", args=[invoice.pk])


def _town_name(site_id: int, cache: dict[int, str]) -> str:
    if site_id not in cache:
        town = TownSettings.objects.filter(site_id=site_id).first()
        cache[site_id] = town.name if town else ""
    return cache[site_id]


def _people(role: str, town_name: str):
    return (
        get_user_model()
        .objects.filter(groups__name=roles.group_name(role, town_name), is_active=True)
        .exclude(email="")
    )


def recipients(invoice: Invoice, towns: dict[int, str] | None = None) -> list:
    """The people who must act next on ``invoice`` (see module docstring)."""
    towns = {} if towns is None else towns
    role = ROLE_BY_STATUS.get(invoice.status)
    town_name = _town_name(invoice.site_id, towns)
    if role is None or not town_name:
        return []
    people = []
    if role != TOWN_ROLE and invoice.org_unit_id is not None:
        office = _people(role, town_name).filter(organisational_units=invoice.org_unit_id)
        if invoice.status == InvoiceStatus.ARITHMETIC:
            excluded = [pk for pk in (invoice.factual_by_id, invoice.first_order_by_id) if pk]
            office = office.exclude(pk__in=excluded)
        people = list(office.distinct().order_by("pk"))
    if not people:
        town = _people(TOWN_ROLE, town_name).filter(organisational_units__site=invoice.site_id)
        people = list(town.distinct().order_by("pk"))
    return people


def _entry(invoice: Invoice, today: dt.date, days: int) -> dict:
    row = row_for(invoice, today, days)
    return {
        "invoice": invoice,
        "number": invoice.number,
        "seller": invoice.seller_name,
        "amount": format_eur(invoice.amount_due),
        "status": invoice.get_status_display(),
        "office": invoice.org_unit.name if invoice.org_unit else "",
        "note": row.text if row else "",
        "deadline": row.deadline if row else None,
        "url": invoice_url(invoice),
    }


def _mail(user, entries: list[dict]) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "name": steps.display_name(user),
            "entries": entries,
            "count": len(entries),
            "overview_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("invoices:deadlines"),
        }
        subject = ngettext(
            "Rechnungslauf: %(count)d Rechnung mit naher Frist wartet auf Sie",
            "Rechnungslauf: %(count)d Rechnungen mit naher Frist warten auf Sie",
            len(entries),
        ) % {"count": len(entries)}
        body = render_to_string("invoices/mail/reminder.txt", context).strip() + "\n"
        html = render_to_string("invoices/mail/reminder.html", context)
    queue_mail([user.email], subject, body, html=html)


def send_reminders(today: dt.date | None = None) -> str:
    """Remind everyone due today; returns a short German report."""
    today = today or timezone.localdate()
    days = reminder_days()
    towns: dict[int, str] = {}
    by_person: dict[int, tuple[object, list[dict]]] = {}
    reminded = 0
    without = 0
    with transaction.atomic():
        candidates = (
            Invoice.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("site", "org_unit")
            .filter(status__in=list(ROLE_BY_STATUS))
            .filter(critical_filter(today, days))
            .exclude(last_reminder_on__gte=today)
            .order_by("pk")
        )
        for invoice in candidates:
            if row_for(invoice, today, days) is None:
                continue
            people = recipients(invoice, towns)
            if not people:
                without += 1
                continue
            entry = _entry(invoice, today, days)
            for person in people:
                by_person.setdefault(person.pk, (person, []))[1].append(entry)
            invoice.last_reminder_on = today
            invoice.save(update_fields=["last_reminder_on"])
            steps.record(
                invoice,
                InvoiceStep.Action.REMINDED,
                from_status=invoice.status,
                to_status=invoice.status,
                comment=_("Erinnerung an %(names)s: %(note)s")
                % {
                    "names": ", ".join(steps.display_name(p) for p in people),
                    "note": entry["note"],
                },
                data={"recipients": [p.pk for p in people], "note": entry["note"]},
            )
            reminded += 1
        for person, entries in by_person.values():
            entries.sort(key=lambda e: (e["deadline"] or today, e["invoice"].pk))
            _mail(person, entries)
    report = _("%(invoices)d Rechnung(en) erinnert, %(mails)d E-Mail(s)") % {
        "invoices": reminded,
        "mails": len(by_person),
    }
    if without:
        report += _(", %(count)d ohne zuständige Person") % {"count": without}
    return report
