"""Exports: a case as PDF summary (umlauts print) and as JSON, the filtered list as CSV –
each only of the user's own town, each case export recorded in the history."""

from __future__ import annotations

import csv
import io
import json
import re
import zlib

import pytest

from services import exports, workflow
from services.models import CaseEventKind, CaseStatus
from tests.services.factories_inbox import PDF_BYTES, add_file, admin_client, case_in, caseworker

pytestmark = pytest.mark.django_db

ANSWERS = [
    {"key": "vorname", "label": "Vorname", "type": "text", "value": "Jürgen", "display": "Jürgen"},
    {
        "key": "nachname",
        "label": "Nachname",
        "type": "text",
        "value": "Müller",
        "display": "Müller",
    },
    {
        "key": "rassen",
        "label": "Rassen",
        "type": "multiple_choice",
        "value": ["Dackel", "Pudel"],
        "display": "Dackel, Pudel",
    },
]


# --- reading PDF text without a PDF library ---------------------------------------------


def _streams(data: bytes) -> list[bytes]:
    """Each stream's bytes, cut by its /Length: compressed data may itself hold a line
    break before "endstream", so the end marker alone cuts some streams short."""
    found = []
    for match in re.finditer(rb"\bobj\b((?:(?!endobj).)*?)\bstream\r?\n", data, re.S):
        header = match.group(1)
        length = int(re.search(rb"/Length\s+(\d+)", header).group(1))
        body = data[match.end() : match.end() + length]
        found.append(zlib.decompress(body) if b"FlateDecode" in header else body)
    return found


def _unescape(literal: bytes) -> bytes:
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def replace(match: re.Match) -> bytes:
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return simple.get(escaped, escaped)

    return re.sub(rb"\\([0-7]{1,3}|.)", replace, literal, flags=re.S)


def _cmaps(streams: list[bytes]) -> list[dict[int, str]]:
    maps = []
    for stream in streams:
        if b"begincmap" not in stream:
            continue
        mapping = {}
        for src, dst in re.findall(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", stream):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
        maps.append(mapping)
    return maps


def pdf_text(data: bytes) -> str:
    """Every text string of the PDF, decoded through the fonts' ToUnicode maps (TrueType)
    or as Windows-1252 (core fonts) – all readings, joined."""
    streams = _streams(data)
    maps = _cmaps(streams)
    readings = []
    for stream in streams:
        if b" Tj" not in stream:
            continue
        for literal in re.findall(rb"\(((?:[^\\()]|\\.)*)\)\s*Tj", stream, re.S):
            raw = _unescape(literal)
            readings.append(raw.decode("cp1252", "replace"))
            if len(raw) % 2 == 0:
                cids = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw), 2)]
                for mapping in maps:
                    if all(cid in mapping for cid in cids):
                        readings.append("".join(mapping[cid] for cid in cids))
    return "\n".join(readings)


# --- PDF ----------------------------------------------------------------------------------


@pytest.fixture
def staff():
    return caseworker("bruchsal", first_name="Paula", last_name="Prüfer")


@pytest.fixture
def case(staff):
    case = case_in(data=ANSWERS, applicant_name="Jürgen Müller", status=CaseStatus.IN_PROGRESS)
    add_file(case, name="Nachweis Hundehaftpflicht.pdf")
    workflow.add_note(case, "Rückfrage beim Veterinäramt.", staff)
    return case


@pytest.mark.skipif(exports.find_font() is None, reason="no Unicode TrueType font here")
def test_pdf_with_unicode_font_contains_reference_and_umlauts(case, staff):
    data = exports.case_pdf(case, by=staff)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for expected in (case.reference, "Jürgen Müller", "Hundehaftpflicht"):
        assert expected in text
    assert "Rückfrage beim Veterinäramt." in text
    assert "Interne Notiz" in text  # (long cells wrap into several lines)


def test_pdf_with_core_font_contains_reference_and_umlauts(case, staff):
    text = pdf_text(exports.case_pdf(case, by=staff, font_path=None))
    assert case.reference in text
    assert "Jürgen Müller" in text
    assert "Dackel, Pudel" in text


def test_pdf_with_core_font_survives_characters_outside_latin1(staff):
    case = case_in(applicant_name="Şükrü Дмитро 李")
    text = pdf_text(exports.case_pdf(case, by=staff, font_path=None))
    assert "?ükrü" in text


def test_pdf_download_is_recorded(case, staff):
    response = admin_client(staff).get(f"/admin/vorgaenge/{case.pk}/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{case.reference}.pdf"'
    assert response.content.startswith(b"%PDF-")
    event = case.events.get(kind=CaseEventKind.EXPORTED)
    assert (event.actor, event.new_value) == (staff, "pdf")


# --- JSON ---------------------------------------------------------------------------------


def test_json_export(case, staff):
    response = admin_client(staff).get(f"/admin/vorgaenge/{case.pk}/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{case.reference}.json"'
    data = json.loads(response.content)
    assert data["reference"] == case.reference
    assert data["status"] == {"value": "in_bearbeitung", "label": "In Bearbeitung"}
    assert data["applicant"] == {"name": "Jürgen Müller", "email": "erika@example.org"}
    assert data["answers"] == ANSWERS
    assert data["files"] == [
        {
            "name": "Nachweis Hundehaftpflicht.pdf",
            "field": "nachweis",
            "content_type": "application/pdf",
            "size": len(PDF_BYTES),
            "sha256": __import__("hashlib").sha256(PDF_BYTES).hexdigest(),
            "uploaded_at": data["files"][0]["uploaded_at"],
        }
    ]
    kinds = [entry["kind"] for entry in data["history"]]
    assert kinds == ["note", "exported"]
    note = data["history"][0]
    assert (note["actor"], note["text"], note["visible_to_citizen"]) == (
        "Paula Prüfer",
        "Rückfrage beim Veterinäramt.",
        False,
    )
    assert case.events.filter(kind=CaseEventKind.EXPORTED, new_value="json").count() == 1


def test_json_computes_a_missing_checksum(case):
    case_file = case.files.get()
    case_file.sha256 = ""
    case_file.save()
    assert exports.case_json(case)["files"][0]["sha256"] == (
        __import__("hashlib").sha256(PDF_BYTES).hexdigest()
    )


# --- CSV of the filtered list -------------------------------------------------------------


def csv_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="vorgaenge-')
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_csv_has_only_own_town_and_matching_filters(staff):
    mine = case_in(service_name="CSV-Test", assignee=staff, applicant_name="Jürgen Müller")
    unassigned = case_in(service_name="CSV-Test")
    closed = case_in(service_name="CSV-Test", status=CaseStatus.COMPLETED)
    case_in("rastatt", service_name="CSV-Test")
    client = admin_client(staff)

    rows = csv_rows(client.get("/admin/vorgaenge/", {"service": "CSV-Test", "export": "csv"}))
    assert {row["Vorgangsnummer"] for row in rows} == {
        mine.reference,
        unassigned.reference,
        closed.reference,
    }
    assert {row["Stadt"] for row in rows} == {"Bruchsal"}

    rows = csv_rows(
        client.get("/admin/vorgaenge/", {"service": "CSV-Test", "assignee": "mir", "export": "csv"})
    )
    assert rows == [
        {
            "Vorgangsnummer": mine.reference,
            "Stadt": "Bruchsal",
            "Leistung": "CSV-Test",
            "Eingegangen am": exports.format_datetime(mine.submitted_at),
            "Status": "Eingegangen",
            "Bearbeitet von": "Paula Prüfer",
            "Abgeschlossen am": "",
            "Name der antragstellenden Person": "Jürgen Müller",
        }
    ]
    rows = csv_rows(
        client.get("/admin/vorgaenge/", {"service": "CSV-Test", "status": "offen", "export": "csv"})
    )
    assert {row["Vorgangsnummer"] for row in rows} == {mine.reference, unassigned.reference}


def test_csv_is_not_paginated_and_keeps_formulas_inert(staff):
    for _ in range(30):
        case_in(service_name="Viele")
    case_in(service_name="Viele", applicant_name='=HYPERLINK("http://böse.example")')
    rows = csv_rows(
        admin_client(staff).get("/admin/vorgaenge/", {"service": "Viele", "export": "csv"})
    )
    assert len(rows) == 31
    names = {row["Name der antragstellenden Person"] for row in rows}
    assert '\'=HYPERLINK("http://böse.example")' in names


def test_csv_button_on_the_list(staff):
    html = admin_client(staff).get("/admin/vorgaenge/").content.decode()
    assert "Liste als CSV herunterladen" in html
    assert "export=xlsx" not in html


def test_other_formats_are_not_offered(staff):
    response = admin_client(staff).get("/admin/vorgaenge/", {"export": "xlsx"})
    assert response.status_code == 404


@pytest.mark.parametrize("font", ["auto", None])
def test_pdf_with_very_long_and_odd_text(staff, font):
    """Answers and messages up to 5,000 characters flow over pages; control characters,
    emoji and right-to-left text do not break the export."""
    odd = "x" * 3000 + "\t\x07\x1b 😀 \u202e العربية \r\n" + "Ä" * 500
    case = case_in(
        applicant_name="Ölmüller",
        data=[{"label": odd, "display": odd}, {"label": "", "value": None}, "kaputt"],
    )
    add_file(case, name=odd[:255])
    workflow.send_message(case, ("Sehr lange Nachricht. " * 230)[:5000], staff)
    data = exports.case_pdf(case, by=staff, font_path=font)
    assert data.startswith(b"%PDF-")
    assert "Ölmüller" in pdf_text(data)
