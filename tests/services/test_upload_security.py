"""Uploads of a citizen's application against a real clamd: malware refused with the
reason, a clean file kept, clamd down → refused (fail closed); archives and SVG refused
by type; nothing stored of a refused file. Case files are served only as attachments
with nosniff and a sandbox CSP."""

from __future__ import annotations

import io
import zipfile

import pytest
from bs4 import BeautifulSoup

from services.models import DraftFile
from tests.clamav import EICAR
from tests.portal.test_uploads_checks import pdf_with
from tests.services.factories_applications import (
    application_page,
    draft_of,
    fill_first_step,
    fill_second_step,
    upload,
)
from tests.services.factories_inbox import add_file, admin_client, case_in, superuser

pytestmark = pytest.mark.django_db


def errors_of(response) -> list[str]:
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [li.get_text(strip=True) for li in html.select("#id_nachweis_error li")]


def on_second_step(site_client):
    page = application_page()
    client = site_client("bruchsal")
    assert fill_first_step(client, page).status_code == 302
    return page, client


def nothing_stored(page) -> bool:
    return not DraftFile.objects.filter(draft__service_page=page).exists()


def test_a_pdf_carrying_eicar_is_refused_and_not_stored(site_client, clamav):
    page, client = on_second_step(site_client)
    infected = upload("Nachweis.pdf", pdf_with({"rechnung.com": EICAR}), "application/pdf")
    response = fill_second_step(client, page, files=[infected])
    assert response.status_code == 200
    assert errors_of(response) == [
        "Fehler:Die Datei „Nachweis.pdf“ enthält ein Schadprogramm und wurde nicht angenommen."
    ]
    assert nothing_stored(page)


def test_a_clean_pdf_is_scanned_and_kept(site_client, clamav):
    page, client = on_second_step(site_client)
    response = fill_second_step(client, page, files=[upload("Nachweis.pdf", pdf_with({}))])
    assert response.status_code == 302
    assert [f.original_name for f in draft_of(client, page).files.all()] == ["Nachweis.pdf"]


def test_clamd_down_refuses_the_upload_with_the_reason(site_client, clamav_stopped):
    page, client = on_second_step(site_client)
    response = fill_second_step(client, page, files=[upload("Nachweis.pdf", pdf_with({}))])
    assert response.status_code == 200
    assert errors_of(response) == [
        "Fehler:Die Virenprüfung ist gerade nicht erreichbar. Die Datei „Nachweis.pdf“ wurde "
        "deshalb nicht angenommen; bitte versuchen Sie es später noch einmal."
    ]
    assert nothing_stored(page)


def test_a_pdf_with_an_embedded_archive_is_refused(site_client, settings):
    settings.CLAMAV_URL = ""
    page, client = on_second_step(site_client)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "a")
    response = fill_second_step(
        client, page, files=[upload("Nachweis.pdf", pdf_with({"daten.zip": buffer.getvalue()}))]
    )
    assert "Verschachtelte Archive werden nicht angenommen" in errors_of(response)[0]
    assert nothing_stored(page)


@pytest.mark.parametrize(
    ("name", "content", "detected"),
    [
        ("nachweise.zip", b"PK\x03\x04" + b"\x00" * 60, "ein ZIP-Archiv"),
        ("nachweise.pdf", b"\x1f\x8b\x08\x00" + b"\x00" * 60, "ein GZIP-Archiv"),
        (
            "logo.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
            "kein PNG-Bild, sondern eine Datei unbekannten Typs",
        ),
    ],
    ids=["zip", "gzip-named-pdf", "svg-named-png"],
)
def test_archives_and_svg_are_refused_by_type(site_client, settings, name, content, detected):
    settings.CLAMAV_URL = ""
    page, client = on_second_step(site_client)
    response = fill_second_step(client, page, files=[upload(name, content)])
    assert response.status_code == 200
    (error,) = errors_of(response)
    assert error.startswith(f"Fehler:Die Datei „{name}“ ist")
    assert detected in error
    assert error.endswith("Erlaubt sind: PDF-Dokumente, Fotos und Scans (JPEG, PNG).")
    assert nothing_stored(page)


def test_case_files_are_served_as_sandboxed_attachments():
    case = case_in()
    case_file = add_file(case, content=b"%PDF-1.4 x", name="Nachweis.pdf")
    response = admin_client(superuser()).get(f"/admin/vorgaenge/{case.pk}/dateien/{case_file.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
