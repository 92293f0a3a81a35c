"""Exports of cases for staff: one case as PDF summary or JSON, a list of cases as CSV.

The PDF uses a Unicode TrueType font when one is found (setting ``SERVICES_PDF_FONT``,
else DejaVu Sans from the usual system folders) so that every name prints as written;
without one it falls back to the PDF core font Helvetica (Windows-1252: German umlauts,
ß, € and „“ print, other characters become "?").
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from portal.core.models import TownSettings

from .inbox.history import entries
from .models import Case, CaseFile
from .workflow import display_name

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
]
CORE_ENCODING = "windows-1252"
logging.getLogger("fontTools").setLevel(logging.WARNING)  # font subsetting is chatty
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
INDENT = 4
MAX_FACT_LENGTH = 300


def format_datetime(value: datetime | None) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _town_name(case: Case) -> str:
    town = TownSettings.objects.filter(site_id=case.site_id).first()
    return town.legal_name or town.name if town else case.site.site_name


def file_sha256(case_file: CaseFile) -> str:
    """The stored checksum, or computed from the file when it was not stored."""
    if case_file.sha256:
        return case_file.sha256
    digest = hashlib.sha256()
    try:
        with case_file.file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(65536), b""):
                digest.update(chunk)
    except (FileNotFoundError, OSError, ValueError):
        return ""
    return digest.hexdigest()


def answers(case: Case) -> list[tuple[str, str]]:
    """(label, displayed answer) pairs as the citizen gave them."""
    result = []
    for item in case.data or []:
        if not isinstance(item, dict):
            continue
        display = item.get("display")
        if display in (None, ""):
            display = item.get("value", "")
        if isinstance(display, list):
            display = ", ".join(str(part) for part in display)
        result.append((str(item.get("label") or item.get("key") or ""), str(display)))
    return result


# --- JSON --------------------------------------------------------------------------------


def case_json(case: Case) -> dict:
    """Everything staff know about the case, for handing over to another system."""
    return {
        "reference": case.reference,
        "town": _town_name(case),
        "service": case.service_name,
        "status": {"value": case.status, "label": str(case.get_status_display())},
        "submitted_at": iso(case.submitted_at),
        "updated_at": iso(case.updated_at),
        "closed_at": iso(case.closed_at),
        "delete_after": iso(case.delete_after),
        "retention": {"days": case.retention_days, "action": case.retention_action},
        "anonymised_at": iso(case.anonymised_at),
        "assignee": display_name(case.assignee) if case.assignee_id else None,
        "applicant": {"name": case.applicant_name, "email": case.applicant_email},
        "language": case.language,
        "answers": [
            {
                "key": item.get("key", ""),
                "label": item.get("label", ""),
                "type": item.get("type", ""),
                "value": item.get("value"),
                "display": item.get("display", ""),
            }
            for item in case.data or []
            if isinstance(item, dict)
        ],
        "files": [
            {
                "name": case_file.original_name,
                "field": case_file.field_key,
                "content_type": case_file.content_type,
                "size": case_file.size,
                "sha256": file_sha256(case_file),
                "uploaded_at": iso(case_file.uploaded_at),
            }
            for case_file in case.files.all()
        ],
        "history": [
            {
                "at": iso(entry.at),
                "kind": entry.kind,
                "kind_label": entry.kind_label,
                "actor": entry.actor,
                "old": entry.old,
                "new": entry.new,
                "text": entry.text,
                "visible_to_citizen": entry.visible_to_citizen,
            }
            for entry in entries(case)
        ],
        "exported_at": iso(timezone.now()),
    }


# --- CSV ---------------------------------------------------------------------------------


def list_headings() -> list[str]:
    return [
        _("Vorgangsnummer"),
        _("Stadt"),
        _("Leistung"),
        _("Eingegangen am"),
        _("Status"),
        _("Bearbeitet von"),
        _("Abgeschlossen am"),
        _("Name der antragstellenden Person"),
    ]


def case_row(case: Case) -> list[str]:
    """One line of the list export, in the order of :func:`list_headings`."""
    return [
        case.reference,
        case.site.site_name,
        case.service_name,
        format_datetime(case.submitted_at),
        str(case.get_status_display()),
        display_name(case.assignee) if case.assignee_id else "",
        format_datetime(case.closed_at),
        case.applicant_name,
    ]


def _safe_cell(value: str) -> str:
    """Keep spreadsheet programs from running a citizen's input as a formula."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class _Line:
    def write(self, value: str) -> str:
        return value


def cases_csv(cases: Iterable[Case]) -> Iterator[str]:
    """The list as CSV for German spreadsheet programs: UTF-8 with BOM, ";" separated."""
    writer = csv.writer(_Line(), delimiter=";")
    yield "\ufeff" + writer.writerow(list_headings())
    for case in cases:
        yield writer.writerow([_safe_cell(value) for value in case_row(case)])


# --- PDF ---------------------------------------------------------------------------------


def find_font() -> str | None:
    """Path of a Unicode TrueType font for PDFs, or None for the core font."""
    configured = getattr(settings, "SERVICES_PDF_FONT", None)
    for candidate in [configured, *FONT_CANDIDATES]:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


class _CasePDF(FPDF):
    def __init__(self, font_path: str | None, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        if font_path:
            self.add_font("Portal", "", font_path)
            bold = Path(font_path).with_name(Path(font_path).stem + "-Bold.ttf")
            self.add_font("Portal", "B", str(bold) if bold.is_file() else font_path)
            self.base_family = "Portal"
            self.is_unicode = True
        else:
            self.core_fonts_encoding = CORE_ENCODING
            self.base_family = "helvetica"
            self.is_unicode = False
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)

    def text_(self, value: object) -> str:
        """Text the chosen font can print (no control characters)."""
        value = "" if value is None else str(value)
        value = CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\t", " "))
        if self.is_unicode:
            return value
        value = value.replace("→", "->")
        return value.encode(CORE_ENCODING, "replace").decode(CORE_ENCODING)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.base_family, "", 8)
        self.cell(0, 6, self.text_(f"{self.footer_text} – {self.page_no()}/{{nb}}"), align="C")

    def heading(self, text: str, size: int = 13) -> None:
        self.ln(3)
        self.set_font(self.base_family, "B", size)
        self.multi_cell(0, 8, self.text_(text), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_font(self.base_family, "", 10)

    def paragraph(self, text: str) -> None:
        self.set_font(self.base_family, "", 10)
        self.multi_cell(0, 5.5, self.text_(text), new_x="LMARGIN", new_y="NEXT", align="L")

    def item(self, title: str, *lines: str) -> None:
        """A bold title with indented text below; long text flows on to the next page."""
        self.set_font(self.base_family, "B", 10)
        self.multi_cell(0, 5.5, self.text_(title), new_x="LMARGIN", new_y="NEXT", align="L")
        self.set_font(self.base_family, "", 10)
        for line in lines:
            if line:
                self.set_x(self.l_margin + INDENT)
                self.multi_cell(
                    self.epw - INDENT, 5.5, self.text_(line), new_x="LMARGIN", new_y="NEXT"
                )
        self.ln(1.5)

    def facts(self, rows: list[list[str]]) -> None:
        """A two-column table of short values (each bounded by its model field)."""
        self.set_font(self.base_family, "", 9)
        with self.table(
            col_widths=(45, 129),
            first_row_as_headings=False,
            line_height=5,
            text_align="LEFT",
            padding=1.5,
        ) as table:
            for label, value in rows:
                row = table.row()
                row.cell(self.text_(label), style=FontFace(emphasis="BOLD"))
                row.cell(self.text_(value)[:MAX_FACT_LENGTH])
        self.ln(2)


def case_pdf(case: Case, *, by=None, font_path: str | None = "auto") -> bytes:
    """A printable summary: facts, answers, files and the full history."""
    if font_path == "auto":
        font_path = find_font()
    now = timezone.now()
    footer = _("Vorgang %(reference)s, erstellt am %(date)s") % {
        "reference": case.reference,
        "date": format_datetime(now),
    }
    pdf = _CasePDF(font_path, footer)
    pdf.set_title(f"{_('Vorgang')} {case.reference}")
    pdf.set_author(_town_name(case))
    pdf.set_lang("de")
    pdf.add_page()

    pdf.heading(f"{_('Vorgang')} {case.reference}", size=16)
    pdf.paragraph(f"{case.service_name} – {_town_name(case)}")

    facts = [
        [_("Status"), str(case.get_status_display())],
        [_("Eingegangen am"), format_datetime(case.submitted_at)],
        [_("Zuletzt geändert"), format_datetime(case.updated_at)],
        [_("Bearbeitet von"), display_name(case.assignee) if case.assignee_id else "–"],
        [_("Antragstellende Person"), case.applicant_name or "–"],
        [_("E-Mail"), case.applicant_email or "–"],
    ]
    if case.closed_at:
        facts.append([_("Abgeschlossen am"), format_datetime(case.closed_at)])
    if case.delete_after:
        facts.append([_("Personenbezogene Daten löschen nach"), format_datetime(case.delete_after)])
    if case.anonymised_at:
        facts.append([_("Anonymisiert am"), format_datetime(case.anonymised_at)])
    pdf.facts(facts)

    pdf.heading(_("Angaben"))
    given = answers(case)
    for label, value in given:
        pdf.item(label or "–", value or "–")
    if not given:
        pdf.paragraph(_("Keine Angaben gespeichert."))

    pdf.heading(_("Dateien"))
    files = list(case.files.all())
    for case_file in files:
        size = f"{case_file.size:,}".replace(",", ".")
        pdf.item(
            case_file.original_name,
            f"{case_file.content_type}, {size} Bytes",
            f"SHA-256: {file_sha256(case_file)}",
        )
    if not files:
        pdf.paragraph(_("Keine Dateien."))

    pdf.heading(_("Verlauf"))
    for entry in entries(case):
        title = f"{format_datetime(entry.at)} – {entry.actor}: {entry.kind_label}"
        pdf.item(title + (f" ({entry.hint})" if entry.hint else ""), entry.change, entry.text)
    if by is not None:
        pdf.paragraph(_("Exportiert von %(name)s.") % {"name": display_name(by)})
    return bytes(pdf.output())
