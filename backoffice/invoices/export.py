"""The booking file for finance (Buchungsdatei): ordered invoices go to the town's finance
system exactly once.

:func:`exportable` lists what may be exported; :func:`export` writes one file for one town.
In ONE transaction it locks the invoice rows, checks again that each is "angeordnet" and in no
file yet (anything else: :class:`ExportError`, nothing changed), stores the file as an
:class:`~backoffice.invoices.models.ExportBatch` (it can be downloaded again byte for byte),
sets the invoices to "exportiert" and records one step "exported" per invoice.

Columns (one row per invoice; the same keys in CSV and JSON, see :data:`COLUMNS`):

==========================  ==================================================================
``rechnung_id``             interne Nummer der Rechnung im Rechnungslauf
``kreditor``                Zahlungsempfänger (BG-10, sonst Verkäufer BT-27)
``iban``                    IBAN des Zahlungsempfängers (BT-84)
``bic``                     BIC (BT-86), leer wenn nicht angegeben
``betrag``                  Zahlbetrag (BT-115); Gutschriften (Art 381) negativ
``waehrung``                Währung (BT-5), z. B. EUR
``faellig_am``              Fälligkeitsdatum (ISO 8601, JJJJ-MM-TT)
``skonto_betrag``           Skontoabzug, wenn die Skontofrist beim Export noch läuft, sonst leer
``skonto_bis``              letzter Tag der Skontofrist (ISO 8601), sonst leer
``zahlbetrag_bei_skonto``   Zahlbetrag abzüglich Skonto bei Zahlung bis ``skonto_bis``, sonst leer
``kostenstelle``            Kostenstelle (vorbelegt aus BT-19, in der Prüfung änderbar)
``buchungstext``            Buchungstext
``referenz``                Rechnungsnummer (BT-1) – Verwendungszweck der Überweisung
``leitweg_id``              Leitweg-ID (BT-10)
``rechnungsdatum``          Rechnungsdatum (BT-2, ISO 8601)
``ust_id_kreditor``         USt-IdNr. des Rechnungsstellers (BT-31)
==========================  ==================================================================

Formats:

- CSV as German finance systems import it: UTF-8 with byte order mark, ``;`` as separator,
  CRLF line ends, one header row with the column names above, amounts with a dot and two
  decimals (``1190.00``, ``-59.50``), dates ISO. Text that starts with ``=``, ``+``, ``-``,
  ``@`` gets a leading apostrophe (no formula injection in spreadsheets); line breaks in text
  become spaces.
- JSON: ``{"stadt", "erstellt_am", "anzahl", "summe", "buchungen": [...]}``; each booking has
  the keys above, amounts as strings in the same format as in the CSV (exact, no floating
  point), empty values as ``null``.

File name: ``buchungen-<stadt>-<JJJJMMTT-HHMMSS>.csv|json`` (local time).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from portal.core.models import TownSettings

from . import access, steps
from .models import ExportBatch, Invoice, InvoiceStatus, InvoiceStep

PERMISSION = "invoices.export_invoice"
CREDIT_NOTE_TYPES = frozenset({"381"})
CENT = Decimal("0.01")

#: (key, German description) of every column, in file order – the README shows this table.
COLUMNS: list[tuple[str, str]] = [
    ("rechnung_id", "Interne Nummer der Rechnung im Rechnungslauf"),
    ("kreditor", "Zahlungsempfänger (abweichender Zahlungsempfänger, sonst Verkäufer)"),
    ("iban", "IBAN des Zahlungsempfängers (BT-84)"),
    ("bic", "BIC (BT-86), leer wenn nicht angegeben"),
    ("betrag", "Zahlbetrag (BT-115) mit Punkt und zwei Nachkommastellen; Gutschrift negativ"),
    ("waehrung", "Währung (BT-5), z. B. EUR"),
    ("faellig_am", "Fälligkeitsdatum (JJJJ-MM-TT)"),
    ("skonto_betrag", "Skontoabzug, solange die Skontofrist beim Export noch läuft, sonst leer"),
    ("skonto_bis", "Letzter Tag der Skontofrist (JJJJ-MM-TT), sonst leer"),
    ("zahlbetrag_bei_skonto", "Zahlbetrag abzüglich Skonto bei Zahlung bis „skonto_bis“"),
    ("kostenstelle", "Kostenstelle (vorbelegt aus der Buchungsreferenz BT-19)"),
    ("buchungstext", "Buchungstext"),
    ("referenz", "Rechnungsnummer (BT-1), Verwendungszweck der Überweisung"),
    ("leitweg_id", "Leitweg-ID (BT-10)"),
    ("rechnungsdatum", "Rechnungsdatum (BT-2, JJJJ-MM-TT)"),
    ("ust_id_kreditor", "Umsatzsteuer-Identifikationsnummer des Rechnungsstellers (BT-31)"),
]
COLUMN_KEYS = [key for key, _description in COLUMNS]
TEXT_COLUMNS = frozenset({"kreditor", "kostenstelle", "buchungstext", "referenz"})
FORMATS = {"csv": ExportBatch.Format.CSV, "json": ExportBatch.Format.JSON}


class ExportError(Exception):
    """An export that cannot be done, with the reason in German; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- what may be exported ------------------------------------------------------------------
def may_export(user) -> bool:
    return access.may_use(user) and (user.is_superuser or user.has_perm(PERMISSION))


def exportable(user) -> QuerySet[Invoice]:
    """The ordered invoices of ``user``'s towns that are in no booking file yet."""
    if not may_export(user):
        return Invoice.objects.none()
    return (
        access.invoices_for(user)
        .filter(status=InvoiceStatus.ORDERED, export_batch__isnull=True)
        .select_related("site", "org_unit")
        .order_by("site_id", "due_date", "pk")
    )


# --- export -------------------------------------------------------------------------------
def export(user, invoices_or_ids: Iterable, fmt: str = "csv", site=None) -> ExportBatch:
    """Write the booking file of the given invoices (one town) and mark them exported."""
    if not may_export(user):
        raise ExportError("Sie dürfen keine Rechnungen an die Finanzbuchhaltung exportieren.")
    if fmt not in FORMATS:
        raise ExportError(f"Unbekanntes Format „{fmt}“ – möglich sind CSV und JSON.")
    ids = _ids(invoices_or_ids)
    if not ids:
        raise ExportError("Bitte mindestens eine Rechnung für die Buchungsdatei auswählen.")
    with transaction.atomic():
        locked = list(
            Invoice.objects.select_for_update(of=("self",))
            .select_related("site")
            .filter(pk__in=ids)
            .order_by("pk")
        )
        allowed = set(access.invoices_for(user).filter(pk__in=ids).values_list("pk", flat=True))
        visible = [invoice for invoice in locked if invoice.pk in allowed]
        if len(visible) != len(ids):
            raise ExportError(
                "Mindestens eine der gewählten Rechnungen gibt es nicht oder sie gehört nicht "
                "zu Ihrer Stadt. Es wurde nichts exportiert."
            )
        _check_exportable(visible)
        town_site = _one_town(visible, site)
        now = timezone.now()
        town = TownSettings.objects.filter(site=town_site).first()
        rows = [booking(invoice, today=timezone.localdate(now)) for invoice in visible]
        total = sum((signed_amount(invoice) for invoice in visible), Decimal("0.00"))
        content = render(fmt, rows, town_name=_town_name(town, town_site), created=now, total=total)
        batch = ExportBatch.objects.create(
            site=town_site,
            created_by=user if user.is_authenticated else None,
            format=FORMATS[fmt],
            filename=filename(town, town_site, now, fmt),
            content=content,
            count=len(visible),
            total=total,
        )
        # the time in the file name and content is the time of the batch
        ExportBatch.objects.filter(pk=batch.pk).update(created_at=now)
        batch.created_at = now
        for invoice in visible:
            invoice.status = InvoiceStatus.EXPORTED
            invoice.exported_at = now
            invoice.export_batch = batch
            invoice.save(update_fields=["status", "exported_at", "export_batch"])
            steps.record(
                invoice,
                InvoiceStep.Action.EXPORTED,
                user=user,
                from_status=InvoiceStatus.ORDERED,
                to_status=InvoiceStatus.EXPORTED,
                comment=f"Buchungsdatei {batch.filename}",
                data={"batch": batch.pk, "filename": batch.filename},
            )
    return batch


def _ids(invoices_or_ids: Iterable) -> list[int]:
    ids: list[int] = []
    for item in invoices_or_ids or []:
        value = item.pk if isinstance(item, Invoice) else item
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ExportError(f"„{value}“ ist keine gültige Rechnung.") from None
        if number not in ids:
            ids.append(number)
    return ids


def _check_exportable(invoices: list[Invoice]) -> None:
    for invoice in invoices:
        if invoice.export_batch_id is not None or invoice.status == InvoiceStatus.EXPORTED:
            raise ExportError(
                f"Die Rechnung {invoice.number} ({invoice.seller_name}) wurde bereits "
                f"exportiert. Es wurde nichts exportiert."
            )
        if invoice.status != InvoiceStatus.ORDERED:
            raise ExportError(
                f"Die Rechnung {invoice.number} ({invoice.seller_name}) ist nicht angeordnet "
                f"(Status: {invoice.get_status_display()}). Es wurde nichts exportiert."
            )
        if invoice.amount_due is None:
            raise ExportError(
                f"Die Rechnung {invoice.number} hat keinen Zahlbetrag. Es wurde nichts exportiert."
            )


def _one_town(invoices: list[Invoice], site):
    sites = {invoice.site_id for invoice in invoices}
    if site is not None and sites != {site.pk}:
        raise ExportError(
            "Mindestens eine der gewählten Rechnungen gehört zu einer anderen Stadt. "
            "Es wurde nichts exportiert."
        )
    if len(sites) != 1:
        raise ExportError(
            "Eine Buchungsdatei enthält die Rechnungen einer Stadt – bitte je Stadt "
            "getrennt exportieren."
        )
    return invoices[0].site


# --- one booking --------------------------------------------------------------------------
def is_credit_note(invoice: Invoice) -> bool:
    return invoice.type_code in CREDIT_NOTE_TYPES


def signed_amount(invoice: Invoice) -> Decimal:
    amount = _cents(invoice.amount_due or Decimal("0"))
    return -amount if is_credit_note(invoice) else amount


def _cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _amount(value: Decimal | None) -> str:
    return "" if value is None else f"{_cents(value):f}"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def booking(invoice: Invoice, *, today: dt.date) -> dict[str, str]:
    """The row of ``invoice`` (all values as text; "" for empty)."""
    sign = -1 if is_credit_note(invoice) else 1
    amount = signed_amount(invoice)
    skonto_open = bool(
        invoice.skonto_until and invoice.skonto_amount and invoice.skonto_until >= today
    )
    discount = sign * _cents(invoice.skonto_amount) if skonto_open else None
    return {
        "rechnung_id": str(invoice.pk),
        "kreditor": invoice.creditor_name or invoice.seller_name,
        "iban": invoice.iban.replace(" ", "").upper(),
        "bic": invoice.bic.replace(" ", "").upper(),
        "betrag": _amount(amount),
        "waehrung": invoice.currency or "EUR",
        "faellig_am": _date(invoice.due_date),
        "skonto_betrag": _amount(discount),
        "skonto_bis": _date(invoice.skonto_until) if skonto_open else "",
        "zahlbetrag_bei_skonto": _amount(amount - discount) if discount is not None else "",
        "kostenstelle": invoice.cost_centre,
        "buchungstext": invoice.booking_text,
        "referenz": invoice.number,
        "leitweg_id": invoice.leitweg_id,
        "rechnungsdatum": _date(invoice.issue_date),
        "ust_id_kreditor": invoice.seller_vat_id,
    }


# --- the file -----------------------------------------------------------------------------
def render(
    fmt: str, rows: list[dict[str, str]], *, town_name: str, created: dt.datetime, total: Decimal
) -> str:
    """The file content (CSV with BOM, or JSON)."""
    if fmt == "json":
        data = {
            "stadt": town_name,
            "erstellt_am": timezone.localtime(created).isoformat(timespec="seconds"),
            "anzahl": len(rows),
            "summe": _amount(total),
            "buchungen": [{key: (row[key] or None) for key in COLUMN_KEYS} for row in rows],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMN_KEYS)
    for row in rows:
        writer.writerow([_csv_cell(key, row[key]) for key in COLUMN_KEYS])
    return "\ufeff" + buffer.getvalue()


def _csv_cell(key: str, value: str) -> str:
    value = " ".join(value.split()) if key in TEXT_COLUMNS else value
    if key in TEXT_COLUMNS and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _town_name(town: TownSettings | None, site) -> str:
    return town.name if town is not None else site.site_name


def filename(town: TownSettings | None, site, created: dt.datetime, fmt: str) -> str:
    slug = town.slug if town is not None else f"stadt-{site.pk}"
    return f"buchungen-{slug}-{timezone.localtime(created):%Y%m%d-%H%M%S}.{fmt}"


def content_bytes(batch: ExportBatch) -> bytes:
    """The stored file as it is downloaded (UTF-8; the CSV keeps its byte order mark)."""
    return batch.content.encode("utf-8")


def content_type(batch: ExportBatch) -> str:
    if batch.format == ExportBatch.Format.JSON:
        return "application/json; charset=utf-8"
    return "text/csv; charset=utf-8"
