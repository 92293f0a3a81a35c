"""Invoice intake against a real clamd: malware in the file, in a ZUGFeRD PDF's embedded
files or in a document embedded in the XML (BG-24) is refused with the reason and nothing
is stored; clamd down → refused (the API answers 503); ZIPs refused by type, archives
nested in a PDF refused; the stored original is served only as a sandboxed attachment."""

from __future__ import annotations

import base64
import io
import re
import zipfile

import pytest
from django.test import Client

from backoffice.invoices.intake import receive
from backoffice.invoices.models import Invoice, Source
from tests.clamav import EICAR
from tests.invoices import conftest as suite
from tests.invoices.test_api import URL, key_of
from tests.invoices.test_intake import (
    nothing_stored,  # noqa: F401 – fixture
    rastatt,  # noqa: F401 – fixture
    rules,
    stored_files,
    zugferd_pdf,
)

pytestmark = pytest.mark.django_db

UBL = "01.01a-INVOICE_ubl.xml"
CII = "01.01a-INVOICE_uncefact.xml"
WITH_ATTACHMENT = "01.15a-INVOICE_ubl.xml"


def suite_bytes(name: str) -> bytes:
    return suite.testsuite_file(name).read_bytes()


def with_embedded(pdf: bytes, attachments: dict[str, bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for name, content in attachments.items():
        writer.add_attachment(name, content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_bg24(content: bytes, mime: str = "application/pdf") -> bytes:
    """The suite invoice with an attachment, its first embedded document replaced."""
    text = suite_bytes(WITH_ATTACHMENT).decode()
    encoded = base64.b64encode(content).decode()
    text, count = re.subn(
        r'(<cbc:EmbeddedDocumentBinaryObject mimeCode=")[^"]*("[^>]*>)[^<]*(<)',
        lambda match: f"{match.group(1)}{mime}{match.group(2)}{encoded}{match.group(3)}",
        text,
        count=1,
    )
    assert count == 1
    return text.encode()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zugferd_pdf_carrying_eicar_is_refused(rastatt, clamav, nothing_stored):  # noqa: F811
    pdf = with_embedded(zugferd_pdf(suite_bytes(CII)), {"lieferschein.com": EICAR})
    result = receive(pdf, "rechnung.pdf", source=Source.UPLOAD, site=rastatt)
    assert not result.accepted
    assert rules(result) == {"SCHADPROGRAMM"}
    assert result.message == (
        "Abgelehnt: Die Datei „rechnung.pdf“ enthält ein Schadprogramm und wurde nicht angenommen."
    )


def test_eicar_in_a_document_embedded_in_the_xml_is_refused(rastatt, clamav, nothing_stored):  # noqa: F811
    result = receive(with_bg24(EICAR, "text/csv"), "r.xml", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"SCHADPROGRAMM"}
    assert "enthält ein Schadprogramm" in result.message


def test_a_clean_invoice_with_an_attachment_is_scanned_and_stored(rastatt, clamav):  # noqa: F811
    data = suite_bytes(WITH_ATTACHMENT)
    result = receive(data, "r.xml", source=Source.UPLOAD, site=rastatt)
    assert result.accepted, result.message
    assert Invoice.objects.get(pk=result.invoice.pk).original.read() == data


def test_clamd_down_refuses_and_the_api_says_try_later(rastatt, clamav_stopped, nothing_stored):  # noqa: F811
    result = receive(suite_bytes(UBL), "r.xml", source=Source.UPLOAD, site=rastatt)
    assert rules(result) == {"VIRENPRUEFUNG"}
    assert "Die Virenprüfung ist gerade nicht erreichbar." in result.message
    _token, secret = key_of("rastatt")
    response = Client().post(
        URL,
        data=suite_bytes(UBL),
        content_type="application/xml",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "60"


@pytest.mark.parametrize(
    ("name", "build", "rule", "text"),
    [
        (
            "rechnungen.zip",
            lambda: zipped({"a.xml": suite_bytes(UBL), "b.xml": suite_bytes(CII)}),
            "DATEITYP",
            "Die Datei „rechnungen.zip“ ist ein ZIP-Archiv.",
        ),
        (
            "rechnung.xml",
            lambda: b"\x1f\x8b\x08\x00" + b"\x00" * 40,
            "DATEITYP",
            "ist ein GZIP-Archiv",
        ),
        (
            "rechnung.pdf",
            lambda: with_embedded(
                zugferd_pdf(suite_bytes(CII)), {"anlagen.zip": zipped({"a": b"a"})}
            ),
            "DATEI-INHALT",
            "Verschachtelte Archive werden nicht angenommen",
        ),
        (
            "rechnung.xml",
            # declared as CSV (application/zip is refused by BR-CL-24 already)
            lambda: with_bg24(zipped({"a.txt": b"a"}), "text/csv"),
            "DATEI-INHALT",
            "ist ein ZIP-Archiv; erlaubt sind PDF, PNG, JPEG, CSV, XLSX und ODS",
        ),
        (
            "rechnung.xml",
            lambda: with_bg24(b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/png"),
            "DATEI-INHALT",
            "ist eine SVG-Grafik",
        ),
    ],
    ids=["zip-of-invoices", "gzip", "pdf-with-zip", "bg24-zip", "bg24-svg"],
)
def test_archives_and_active_content_are_refused(
    rastatt,  # noqa: F811
    settings,
    nothing_stored,  # noqa: F811
    name,
    build,
    rule,
    text,
):
    settings.CLAMAV_URL = ""
    result = receive(build(), name, source=Source.UPLOAD, site=rastatt)
    assert not result.accepted
    assert rules(result) == {rule}
    assert text in result.message


def test_the_original_is_served_as_a_sandboxed_attachment(rastatt, settings):  # noqa: F811
    from tests.invoices.factories import staff, unit_in

    settings.CLAMAV_URL = ""
    result = receive(suite_bytes(UBL), "r.xml", source=Source.UPLOAD, site=rastatt)
    assert result.accepted
    assert stored_files()  # in the private storage, never under MEDIA_ROOT
    clerk = staff(unit_in("rastatt"), "Rechnungseingang")
    client = Client(HTTP_HOST="rastatt.localhost:8000")
    client.force_login(clerk)
    response = client.get(f"/admin/rechnungen/{result.invoice.pk}/original/")
    assert response.status_code == 200, response.status_code
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
