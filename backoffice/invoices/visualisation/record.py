"""The "Prüf- und Anordnungsvermerk": the invoice's facts, every step of its path (who, when,
what, comment) and the four-eyes statement – filed with the invoice into the E-Akte."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from ..formatting import eur
from ..models import Invoice, InvoiceStatus
from ..steps import display_name
from .pdf import PDF
from .presentation import date, facts_of, percent


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


def four_eyes_statement(invoice: Invoice) -> str:
    """The sentence on the approval record saying whether the four-eyes rule was kept."""
    if invoice.status not in (InvoiceStatus.ORDERED, InvoiceStatus.EXPORTED):
        return _("Die Zahlung ist noch nicht angeordnet.")
    names = {
        "factual": display_name(invoice.factual_by) if invoice.factual_by_id else "–",
        "ordered": display_name(invoice.ordered_by) if invoice.ordered_by_id else "–",
    }
    if invoice.factual_by_id and invoice.factual_by_id in (
        invoice.ordered_by_id,
        invoice.first_order_by_id,
    ):
        return _(
            "Achtung: Sachliche Richtigkeit und Anordnung wurden von derselben Person gegeben "
            "– das Vier-Augen-Prinzip ist nicht gewahrt."
        )
    text = (
        _(
            "Vier-Augen-Prinzip gewahrt: Die sachliche Richtigkeit hat %(factual)s festgestellt, "
            "die Anordnung hat eine andere Person gegeben (%(ordered)s)."
        )
        % names
    )
    if invoice.first_order_by_id:
        text += " " + _(
            "Der Zahlbetrag lag über der Anordnungsgrenze; erste Anordnung: %(first)s, "
            "zweite Anordnung: %(ordered)s."
        ) % {"first": display_name(invoice.first_order_by), "ordered": names["ordered"]}
    return text


def render_approval_record(invoice: Invoice, *, font_path: str | None = "auto") -> bytes:
    """The "Prüf- und Anordnungsvermerk": the invoice's facts, every step (who, when, what,
    comment) and the four-eyes statement."""
    title = _("Prüf- und Anordnungsvermerk")
    pdf = PDF(
        _("%(title)s zur Rechnung %(number)s, erstellt am %(date)s")
        % {"title": title, "number": invoice.number, "date": _when(timezone.now())},
        font_path,
    )
    pdf.set_title(f"{title} – {invoice.number}")
    pdf.add_page()
    pdf.heading(title, 15)
    pdf.paragraph(f"{invoice.number} – {invoice.seller_name}")
    pdf.heading(_("Rechnung"))
    pdf.facts(
        facts_of(
            (_("Rechnungsnummer"), invoice.number),
            (_("Rechnungsdatum"), date(invoice.issue_date)),
            (_("Rechnungssteller"), invoice.seller_name),
            (_("USt-IdNr."), invoice.seller_vat_id),
            (_("Zahlungsempfänger"), invoice.creditor_name),
            (_("Zahlbetrag"), eur(invoice.amount_due)),
            (_("IBAN"), invoice.iban),
            (_("BIC"), invoice.bic),
            (_("Fällig am"), date(invoice.due_date)),
            (
                _("Skonto"),
                f"{percent(invoice.skonto_percent)} bis {date(invoice.skonto_until)}: "
                f"{eur(invoice.skonto_amount)}"
                if invoice.skonto_until
                else "",
            ),
            (_("Leitweg-ID"), invoice.leitweg_id),
            (_("Dienststelle"), invoice.org_unit.name if invoice.org_unit_id else ""),
            (_("Kostenstelle"), invoice.cost_centre),
            (_("Buchungstext"), invoice.booking_text),
            (_("Eingegangen am"), _when(invoice.received_at)),
            (_("Originaldatei"), f"{invoice.original_name} (SHA-256 {invoice.original_sha256})"),
            (_("Status"), str(invoice.get_status_display())),
        )
    )
    pdf.heading(_("Bearbeitungsschritte"))
    pdf.grid(
        [_("Wann"), _("Wer"), _("Schritt"), _("Status"), _("Kommentar")],
        [
            [
                _when(step.at),
                step.user_name,
                str(step.get_action_display()),
                str(step.get_to_status_display()),
                step.comment,
            ]
            for step in invoice.steps.all()
        ],
        (26, 32, 30, 30, 60),
        ("LEFT", "LEFT", "LEFT", "LEFT", "LEFT"),
    )
    pdf.heading(_("Vier-Augen-Prinzip"))
    pdf.paragraph(four_eyes_statement(invoice))
    return bytes(pdf.output())
