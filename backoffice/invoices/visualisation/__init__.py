"""The human-readable invoice – in the admin (``invoices/admin/_invoice.html``) and as PDF –
and the "Prüf- und Anordnungsvermerk" (the approval record filed with the invoice).

- :mod:`.presentation`: the stored document as labelled, formatted German values in the order
  of the KoSIT visualisation (invoice data, parties, lines with sub lines indented,
  allowances and charges, VAT breakdown, totals BT-106 … BT-115, payment, notes,
  attachments) – shown by the HTML template and by :func:`render_pdf` alike;
- :mod:`.pdf`: :func:`render_pdf` (fpdf2, DejaVu Sans or the core font as fallback);
- :mod:`.record`: :func:`render_approval_record` and :func:`four_eyes_statement`;
- :mod:`.codes`: German names of the code lists.
"""

from __future__ import annotations

from .codes import PAYMENT_MEANS, TYPE_CODES, UNITS, VAT_CATEGORIES
from .pdf import find_font, render_pdf
from .presentation import (
    address_lines,
    amount,
    date,
    document_of,
    labelled,
    number,
    percent,
    presentation,
    unit_label,
    view_of,
)
from .record import four_eyes_statement, render_approval_record

__all__ = [
    "PAYMENT_MEANS",
    "TYPE_CODES",
    "UNITS",
    "VAT_CATEGORIES",
    "address_lines",
    "amount",
    "date",
    "document_of",
    "find_font",
    "four_eyes_statement",
    "labelled",
    "number",
    "percent",
    "presentation",
    "render_approval_record",
    "render_pdf",
    "unit_label",
    "view_of",
]
