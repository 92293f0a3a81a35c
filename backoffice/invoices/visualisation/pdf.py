"""The readable invoice as PDF (fpdf2) and the page helpers the approval record shares.

DejaVu Sans (Debian's fonts-dejavu-core; setting ``INVOICES_PDF_FONT`` for another TrueType
font) prints every name as written; without it the core font Helvetica is used
(Windows-1252: umlauts, ß, €, „“ print, other characters become "?")."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from ..models import Invoice
from .presentation import facts_of, view_of

logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
]
CORE_ENCODING = "windows-1252"
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_CELL = 2000


# --- PDF ----------------------------------------------------------------------------------------
def find_font() -> str | None:
    configured = getattr(settings, "INVOICES_PDF_FONT", None)
    for candidate in [configured, *FONT_CANDIDATES]:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


class PDF(FPDF):
    """A4 with a footer, Unicode font if available; helpers for headings, facts, tables."""

    def __init__(self, footer_text: str, font_path: str | None = "auto") -> None:
        super().__init__(format="A4")
        if font_path == "auto":
            font_path = find_font()
        self.footer_text = footer_text
        if font_path:
            self.add_font("Invoice", "", font_path)
            bold = Path(font_path).with_name(Path(font_path).stem + "-Bold.ttf")
            self.add_font("Invoice", "B", str(bold) if bold.is_file() else font_path)
            self.family_, self.is_unicode = "Invoice", True
        else:
            self.core_fonts_encoding = CORE_ENCODING
            self.family_, self.is_unicode = "helvetica", False
        self.set_auto_page_break(auto=True, margin=16)
        self.set_margins(16, 16, 16)
        self.set_lang("de")
        self.alias_nb_pages()

    def t(self, value: object) -> str:
        value = "" if value is None else str(value)
        value = CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\t", " "))[
            :MAX_CELL
        ]
        if self.is_unicode:
            return value
        return value.encode(CORE_ENCODING, "replace").decode(CORE_ENCODING)

    def footer(self) -> None:
        self.set_y(-11)
        self.set_font(self.family_, "", 7.5)
        self.cell(0, 5, self.t(f"{self.footer_text} – {self.page_no()}/{{nb}}"), align="C")

    def heading(self, text: str, size: float = 11.5) -> None:
        self.ln(2.5)
        self.set_font(self.family_, "B", size)
        self.multi_cell(0, 6.5, self.t(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family_, "", 9)

    def paragraph(self, text: str, size: float = 9) -> None:
        self.set_font(self.family_, "", size)
        self.multi_cell(0, 4.8, self.t(text), new_x="LMARGIN", new_y="NEXT")

    def facts(self, rows: list[tuple[str, str]], widths=(55, 123), align=("LEFT", "LEFT")) -> None:
        if not rows:
            return
        self.set_font(self.family_, "", 8.5)
        with self.table(
            col_widths=widths,
            first_row_as_headings=False,
            line_height=4.4,
            text_align=align,
            padding=1.2,
            borders_layout="HORIZONTAL_LINES",
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(self.t(label), style=FontFace(emphasis="BOLD"))
                row.cell(self.t(value))
        self.ln(1.5)

    def grid(self, headings: list[str], rows: list[list[str]], widths, align) -> None:
        if not rows:
            return
        self.set_font(self.family_, "", 8)
        with self.table(
            col_widths=widths,
            line_height=4.2,
            text_align=align,
            padding=1.1,
            headings_style=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)),
            borders_layout="HORIZONTAL_LINES",
        ) as table:
            heading = table.row()
            for text in headings:
                heading.cell(self.t(text))
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(self.t(value))
        self.ln(1.5)


def _party_text(party: dict[str, Any]) -> list[tuple[str, str]]:
    lines = [line for line in [party["name"], *party["lines"]] if line]
    return [(party["heading"], "\n".join(lines) or "–"), *party["facts"]]


def render_pdf(invoice: Invoice, *, font_path: str | None = "auto") -> bytes:
    """The invoice as a readable PDF (like the KoSIT visualisation)."""
    view = view_of(invoice)
    footer = _("Rechnung %(number)s – %(seller)s") % {
        "number": invoice.number,
        "seller": invoice.seller_name,
    }
    pdf = PDF(footer, font_path)
    pdf.set_title(footer)
    pdf.add_page()
    if view is None:
        pdf.heading(footer, 14)
        pdf.paragraph(_("Der Inhalt der Rechnung ist nicht verfügbar."))
        return bytes(pdf.output())
    pdf.heading(f"{view['title']} {view['number']}", 15)
    pdf.paragraph(
        _("Lesbare Darstellung der elektronischen Rechnung (%(syntax)s)")
        % {"syntax": view["syntax"]},
        8,
    )
    pdf.heading(_("Rechnungsdaten"))
    pdf.facts(view["info"])
    for party in view["parties"]:
        pdf.facts(_party_text(party))

    pdf.heading(_("Positionen"))
    rows = []
    for line in view["lines"]:
        indent = "    " * line["depth"] + ("- " if line["depth"] else "")
        text = "\n".join(
            [f"{indent}{line['name']}"]
            + [f"{indent}{label}: {value}" for label, value in line["details"]]
        )
        rows.append(
            [
                line["id"],
                text,
                f"{line['quantity']} {line['unit']}".strip(),
                line["price"],
                line["vat"],
                line["net"],
            ]
        )
    pdf.grid(
        [_("Pos."), _("Bezeichnung"), _("Menge"), _("Einzelpreis"), _("USt"), _("Netto")],
        rows,
        (12, 76, 24, 24, 18, 24),
        ("LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT", "RIGHT"),
    )
    if view["allowances_charges"]:
        pdf.heading(_("Nachlässe und Zuschläge"))
        pdf.grid(
            [_("Art"), _("Grund"), _("Basis"), _("Prozent"), _("USt"), _("Betrag")],
            [
                [a["kind"], a["reason"], a["base"], a["percent"], a["vat"], a["amount"]]
                for a in view["allowances_charges"]
            ],
            (22, 64, 24, 18, 24, 26),
            ("LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT", "RIGHT"),
        )
    pdf.heading(_("Umsatzsteuer"))
    pdf.grid(
        [_("Kategorie"), _("Satz"), _("Bemessungsgrundlage"), _("Steuerbetrag")],
        [
            [
                v["category"] + (f"\n{v['exemption']}" if v["exemption"] else ""),
                v["rate"],
                v["taxable"],
                v["tax"],
            ]
            for v in view["vat"]
        ],
        (80, 20, 40, 38),
        ("LEFT", "RIGHT", "RIGHT", "RIGHT"),
    )
    pdf.heading(_("Summen"))
    pdf.facts(
        [(f"{row['label']} ({row['term']})", row["value"]) for row in view["totals"]],
        widths=(118, 60),
        align=("LEFT", "RIGHT"),
    )

    pdf.heading(_("Zahlung"))
    payment = view["payment"]
    for means in payment["means"]:
        pdf.facts([(_("Zahlungsart"), means["label"]), *means["facts"]])
    pdf.facts(
        facts_of(
            (_("Fällig am"), payment["due_date"]),
            (_("Zahlungsbedingungen"), payment["terms"]),
            (_("Skonto"), "\n".join(payment["skonto"])),
        )
    )
    if view["third_party_payments"]:
        pdf.facts(
            [
                (f"{_('Zahlung Dritter')} {p['type']}", f"{p['amount']} {p['description']}")
                for p in view["third_party_payments"]
            ]
        )
    if view["notes"]:
        pdf.heading(_("Bemerkungen"))
        for note in view["notes"]:
            pdf.paragraph((f"[{note['subject']}] " if note["subject"] else "") + note["text"])
    if view["attachments"]:
        pdf.heading(_("Anlagen"))
        pdf.grid(
            [_("Kennung"), _("Beschreibung"), _("Datei / Verweis")],
            [[a["id"], a["description"], a["filename"] or a["uri"]] for a in view["attachments"]],
            (40, 78, 60),
            ("LEFT", "LEFT", "LEFT"),
        )
    return bytes(pdf.output())
