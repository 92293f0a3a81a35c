"""The presentation of an invoice: the stored document (EN 16931 terms, ``Invoice.document``)
as labelled, formatted German values in the order of the KoSIT visualisation – shared by the
admin template ``invoices/admin/_invoice.html`` and the PDF, so the two never disagree."""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from ..document.model import Address, InvoiceDocument, Line, Party
from ..formatting import amount
from ..models import Invoice
from .codes import PAYMENT_MEANS, TYPE_CODES, UNITS, VAT_CATEGORIES

logger = logging.getLogger(__name__)


# --- formatting ------------------------------------------------------------------------------
def number(value: Decimal | None) -> str:
    """A quantity or rate without trailing zeros, German: ``1234.5000`` → ``"1.234,5"``."""
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    whole, _sep, fraction = format(abs(value), "f").partition(".")
    fraction = fraction.rstrip("0")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def percent(value: Decimal | None) -> str:
    return f"{number(value)} %" if value is not None else ""


def date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def labelled(code: str, labels: dict[str, str]) -> str:
    """``"58"`` → ``"SEPA-Überweisung (58)"``; unknown codes as they are."""
    if not code:
        return ""
    label = labels.get(code.strip()) or labels.get(code.strip().upper())
    return f"{label} ({code})" if label else code


def unit_label(code: str) -> str:
    return UNITS.get((code or "").strip(), code or "")


def document_of(invoice: Invoice) -> InvoiceDocument | None:
    """The stored document, or ``None`` when it cannot be turned back (never raises)."""
    if not invoice.document:
        return None
    try:
        return InvoiceDocument.from_dict(invoice.document)
    except Exception:  # an old or damaged JSON must not break the page
        logger.warning("Invoice %s: document JSON unreadable", invoice.pk, exc_info=True)
        return None


# --- the presentation (shared by HTML and PDF) ------------------------------------------------
def facts_of(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    return [(label, value) for label, value in pairs if value]


def address_lines(address: Address | None) -> list[str]:
    if address is None:
        return []
    city = " ".join(part for part in (address.postcode, address.city) if part)
    lines = [address.line1, address.line2, address.line3, city, address.subdivision]
    if address.country and address.country.upper() != "DE":
        lines.append(address.country)
    return [line for line in lines if line]


def _party(heading: str, party: Party, *, seller: bool = False) -> dict[str, Any]:
    contact = party.contact
    identifiers = ", ".join(
        f"{i.value} ({i.scheme})" if i.scheme else i.value for i in party.identifiers if i.value
    )
    electronic = party.electronic_address
    return {
        "heading": heading,
        "name": party.name,
        "lines": [party.trading_name, *address_lines(party.address)],
        "facts": facts_of(
            (_("USt-IdNr."), party.vat_id),
            (_("Steuernummer"), party.tax_number if seller else ""),
            (_("Registernummer"), party.legal_id.value if party.legal_id else ""),
            (_("Kennung"), identifiers),
            (
                _("Elektronische Adresse"),
                f"{electronic.value} ({electronic.scheme})"
                if electronic and electronic.value
                else "",
            ),
            (_("Kontakt"), contact.name if contact else ""),
            (_("Telefon"), contact.phone if contact else ""),
            (_("E-Mail"), contact.email if contact else ""),
            (_("Weitere rechtliche Informationen"), party.legal_info if seller else ""),
        ),
    }


def _lines(lines: list[Line], currency: str, depth: int = 0) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for line in lines:
        details = facts_of(
            (_("Beschreibung"), line.description),
            (_("Hinweis"), line.note),
            (_("Artikelnummer"), line.seller_item_id),
            (_("Artikelnummer des Käufers"), line.buyer_item_id),
            (_("Bestellposition"), line.order_line_ref),
            (_("Buchungsreferenz"), line.accounting_ref),
            (
                _("Zeitraum"),
                f"{date(line.period.start)} – {date(line.period.end)}" if line.period else "",
            ),
        )
        details += [(attribute.name, attribute.value) for attribute in line.attributes]
        for ac in line.allowances_charges:
            label = _("Zuschlag") if ac.is_charge else _("Nachlass")
            details.append((label, f"{amount(ac.amount, currency)} {ac.reason}".strip()))
        rows.append(
            {
                "depth": depth,
                "id": line.id,
                "name": line.name,
                "details": details,
                "quantity": number(line.quantity),
                "unit": unit_label(line.unit),
                "price": amount(line.price) if line.price is not None else "",
                "vat": f"{line.vat_category} {percent(line.vat_rate)}".strip(),
                "net": amount(line.net_amount),
            }
        )
        rows += _lines(line.sub_lines, currency, depth + 1)
    return rows


def _totals(doc: InvoiceDocument) -> list[dict[str, Any]]:
    t, c = doc.totals, doc.currency
    rows = [
        ("BT-106", _("Summe der Positionen (netto)"), t.line_total, False),
        ("BT-107", _("Summe der Nachlässe"), t.allowance_total, False),
        ("BT-108", _("Summe der Zuschläge"), t.charge_total, False),
        ("BT-109", _("Gesamtbetrag ohne Umsatzsteuer"), t.without_vat, False),
        ("BT-110", _("Umsatzsteuer"), t.vat_total, False),
        ("BT-111", _("Umsatzsteuer in Abrechnungswährung"), t.vat_total_tax_currency, False),
        ("BT-112", _("Gesamtbetrag mit Umsatzsteuer"), t.with_vat, True),
        ("BT-113", _("Vorauszahlung"), t.prepaid, False),
        ("BT-114", _("Rundungsbetrag"), t.rounding, False),
        ("BT-115", _("Fälliger Betrag"), t.due, True),
    ]
    return [
        {
            "term": term,
            "label": label,
            "value": amount(value, doc.tax_currency if term == "BT-111" else c),
            "strong": strong,
        }
        for term, label, value, strong in rows
        if value is not None
    ]


def _payment(doc: InvoiceDocument) -> dict[str, Any]:
    means = []
    for m in doc.payment_means:
        facts = facts_of((_("Verwendungszweck"), m.remittance), (_("Hinweis"), m.text))
        for transfer in m.transfers:
            facts += facts_of(
                (_("IBAN / Konto"), transfer.account_id),
                (_("Kontoinhaber"), transfer.account_name),
                (_("BIC"), transfer.bic),
            )
        if m.card:
            facts += facts_of(
                (_("Kartennummer (Ende)"), m.card.account_number),
                (_("Karteninhaber"), m.card.holder),
            )
        if m.direct_debit:
            facts += facts_of(
                (_("Mandatsreferenz"), m.direct_debit.mandate_id),
                (_("Gläubiger-ID"), m.direct_debit.creditor_id),
                (_("Belastetes Konto"), m.direct_debit.debited_account),
            )
        means.append({"label": labelled(m.code, PAYMENT_MEANS), "facts": facts})
    skonto = []
    try:
        terms = doc.skonto_terms()
    except Exception:  # a damaged Skonto line must not break the page
        terms = []
    for until, rate, discount in terms:
        skonto.append(
            _("%(percent)s Skonto bis %(date)s: %(amount)s")
            % {
                "percent": percent(rate),
                "date": date(until),
                "amount": amount(discount, doc.currency),
            }
        )
    prose = "\n".join(
        line for line in (doc.payment_terms or "").splitlines() if not line.strip().startswith("#")
    ).strip()
    return {
        "means": means,
        "terms": prose,
        "skonto": skonto,
        "due_date": date(doc.due_date),
    }


def presentation(doc: InvoiceDocument) -> dict[str, Any]:
    """Everything the human-readable invoice shows, labelled and formatted (German)."""
    c = doc.currency
    period = (
        f"{date(doc.period.start)} – {date(doc.period.end)}"
        if doc.period and (doc.period.start or doc.period.end)
        else ""
    )
    info = facts_of(
        (_("Rechnungsnummer"), doc.number),
        (_("Rechnungsdatum"), date(doc.issue_date)),
        (_("Rechnungsart"), labelled(doc.type_code, TYPE_CODES)),
        (_("Währung"), c),
        (_("Fälligkeitsdatum"), date(doc.due_date)),
        (_("Leistungsdatum"), date(doc.delivery.date) if doc.delivery else ""),
        (_("Abrechnungszeitraum"), period),
        (_("Steuerdatum"), date(doc.tax_point_date)),
        (_("Leitweg-ID / Käuferreferenz"), doc.buyer_reference),
        (_("Bestellnummer"), doc.order_ref),
        (_("Vertragsnummer"), doc.contract_ref),
        (_("Projektnummer"), doc.project_ref),
        (_("Auftragsnummer des Verkäufers"), doc.sales_order_ref),
        (_("Wareneingangsmeldung"), doc.receiving_advice_ref),
        (_("Lieferschein"), doc.despatch_advice_ref),
        (_("Vergabenummer"), doc.tender_ref),
        (_("Objektkennung"), doc.object_id.value if doc.object_id else ""),
        (_("Buchungsreferenz des Käufers"), doc.buyer_accounting_ref),
        (
            _("Vorausgegangene Rechnungen"),
            ", ".join(
                f"{p.reference} ({date(p.issue_date)})" if p.issue_date else p.reference
                for p in doc.preceding_invoices
            ),
        ),
        (_("Spezifikation"), doc.specification_id),
        (_("Prozess"), doc.process_id),
    )
    parties = [_party(_("Verkäufer"), doc.seller, seller=True), _party(_("Käufer"), doc.buyer)]
    if doc.payee and doc.payee.name:
        parties.append(
            {
                "heading": _("Zahlungsempfänger"),
                "name": doc.payee.name,
                "lines": [],
                "facts": facts_of(
                    (_("Kennung"), doc.payee.identifier.value if doc.payee.identifier else ""),
                    (_("Registernummer"), doc.payee.legal_id.value if doc.payee.legal_id else ""),
                ),
            }
        )
    if doc.tax_representative and doc.tax_representative.name:
        rep = doc.tax_representative
        parties.append(
            {
                "heading": _("Steuerbevollmächtigter"),
                "name": rep.name,
                "lines": address_lines(rep.address),
                "facts": facts_of((_("USt-IdNr."), rep.vat_id)),
            }
        )
    if doc.delivery and (doc.delivery.name or doc.delivery.address):
        parties.append(
            {
                "heading": _("Lieferung an"),
                "name": doc.delivery.name,
                "lines": address_lines(doc.delivery.address),
                "facts": facts_of(
                    (
                        _("Ort-Kennung"),
                        doc.delivery.location_id.value if doc.delivery.location_id else "",
                    ),
                ),
            }
        )
    return {
        "title": TYPE_CODES.get(doc.type_code, _("Rechnung")),
        "syntax": doc.syntax,
        "number": doc.number,
        "currency": c,
        "info": info,
        "parties": parties,
        "lines": _lines(doc.lines, c),
        "allowances_charges": [
            {
                "kind": _("Zuschlag") if ac.is_charge else _("Nachlass"),
                "reason": " ".join(
                    p for p in (ac.reason, f"({ac.reason_code})" if ac.reason_code else "") if p
                ),
                "base": amount(ac.base_amount),
                "percent": percent(ac.percentage),
                "vat": f"{ac.vat_category} {percent(ac.vat_rate)}".strip(),
                "amount": amount(ac.amount, c),
            }
            for ac in doc.allowances_charges
        ],
        "vat": [
            {
                "category": labelled(v.category, VAT_CATEGORIES),
                "rate": percent(v.rate),
                "taxable": amount(v.taxable_amount, c),
                "tax": amount(v.tax_amount, c),
                "exemption": " ".join(
                    p for p in (v.exemption_reason, v.exemption_reason_code) if p
                ),
            }
            for v in doc.vat_breakdown
        ],
        "totals": _totals(doc),
        "payment": _payment(doc),
        "notes": [
            {"subject": note.subject_code, "text": note.text} for note in doc.notes if note.text
        ],
        "third_party_payments": [
            {"type": p.type_id, "description": p.description, "amount": amount(p.amount, c)}
            for p in doc.third_party_payments
        ],
        "attachments": [
            {
                "index": index,
                "id": a.id,
                "description": a.description,
                "filename": a.filename,
                "mime": a.mime_code,
                "uri": a.uri,
                "embedded": bool(a.filename or a.mime_code),
            }
            for index, a in enumerate(doc.attachments)
        ],
    }


def view_of(invoice: Invoice) -> dict[str, Any] | None:
    """:func:`presentation` of the stored document, or ``None`` when it cannot be shown."""
    doc = document_of(invoice)
    if doc is None:
        return None
    try:
        return presentation(doc)
    except Exception:  # a damaged JSON must not break the page or the PDF
        logger.warning("Invoice %s: document cannot be presented", invoice.pk, exc_info=True)
        return None
