"""E-Akte uploads (new document, new version, filing by another app) against a real
clamd: malware refused with the reason and nothing stored, clamd down → refused; the type
by content (archives, programs, HTML and SVG refused); office files within the archive
limits; downloads as sandboxed attachments with nosniff."""

from __future__ import annotations

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from filer.models import File as FilerFile

from backoffice.efiles import actions, records
from backoffice.efiles.models import Dokument, DokumentVersion
from services.models import Case
from tests.clamav import EICAR
from tests.efiles.factories import ADMIN_HOST, akte, clerk, dokument, pdf_bytes, unit_in
from tests.portal.test_uploads_checks import pdf_with
from tests.services.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return unit_in("bruchsal", name="Bauamt Bruchsal")


@pytest.fixture
def user(unit):
    return clerk(unit)


@pytest.fixture
def record(unit, user):
    return akte(unit, user=user)


@pytest.fixture
def vorgang(record, user):
    return actions.create_vorgang(user, record, title="Eingänge")


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def add_via_form(user, vorgang, upload):
    return client_for(user).post(
        reverse("efiles:dokument_add", args=[vorgang.pk]),
        {
            "title": "Eingang",
            "document_type": "sonstiges",
            "document_date": "2026-02-03",
            "confidentiality": "0",
            "file": upload,
        },
    )


def stored_count() -> tuple[int, int]:
    return Dokument.objects.count(), FilerFile.objects.count()


def test_eicar_in_a_new_document_is_refused_and_nothing_stored(user, vorgang, clamav):
    before = stored_count()
    infected = SimpleUploadedFile("Antrag.pdf", pdf_with({"anlage.com": EICAR}))
    response = add_via_form(user, vorgang, infected)
    assert response.status_code == 200
    assert (
        "Die Datei „Antrag.pdf“ enthält ein Schadprogramm und wurde nicht angenommen."
        in text_of(response)
    )
    assert stored_count() == before


def test_eicar_as_a_new_version_is_refused(user, record, clamav):
    doc = dokument(record, user=user, content=pdf_bytes("eins"))
    client = client_for(user)
    response = client.post(
        reverse("efiles:dokument_upload", args=[doc.pk]),
        {"version-file": SimpleUploadedFile("Antrag-v2.docx", docx_with({"word/x.bin": EICAR}))},
    )
    assert (
        "Die Datei „Antrag-v2.docx“ enthält ein Schadprogramm und wurde nicht angenommen."
        in text_of(response)
    )
    assert DokumentVersion.objects.filter(dokument=doc).count() == 1


def test_filing_from_another_app_is_scanned(user, record, clamav):
    case: Case = CaseFactory(site=record.site)
    before = stored_count()
    with pytest.raises(records.RecordError, match="enthält ein Schadprogramm"):
        records.file_into(
            case,
            record,
            "Antrag",
            [("antrag.pdf", pdf_bytes("sauber")), ("foto.png", b"\x89PNG\r\n\x1a\n" + EICAR)],
            user=user,
        )
    assert stored_count() == before


def test_a_clean_document_is_scanned_and_stored(user, vorgang, clamav):
    response = add_via_form(user, vorgang, SimpleUploadedFile("Antrag.pdf", pdf_bytes("x")))
    assert response.status_code == 302, text_of(response)[-600:]
    version = DokumentVersion.objects.get(dokument__title="Eingang")
    assert version.content_type == "application/pdf"


def test_clamd_down_refuses_with_the_reason(user, vorgang, clamav_stopped):
    before = stored_count()
    response = add_via_form(user, vorgang, SimpleUploadedFile("Antrag.pdf", pdf_bytes("x")))
    assert "Die Virenprüfung ist gerade nicht erreichbar." in text_of(response)
    assert stored_count() == before


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_with(members: dict[str, bytes]) -> bytes:
    return zipped({"[Content_Types].xml": b"<T/>", "word/document.xml": b"<d/>", **members})


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("Unterlagen.zip", zipped({"a.pdf": b"%PDF-1.4"}), "ist ein ZIP-Archiv"),
        ("Scan.pdf", zipped({"a.xml": b"<a/>"}), "ist ein ZIP-Archiv"),
        ("Unterlagen.tar.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 40, "ist ein GZIP-Archiv"),
        ("setup.pdf", b"MZ" + b"\x90\x00" * 40, r"ist ein Programm \(EXE\)"),
        ("Plan.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG-Dateien werden nicht"),
        ("Seite.txt", b"<!DOCTYPE html><html><script>x</script></html>", "eine HTML-Seite"),
        (
            "Bericht.docx",
            zipped({"[Content_Types].xml": b"<T/>", "word/document.xml": b" " * (30 << 20)}),
            "Zip-Bombe",
        ),
        (
            "Bericht.docx",
            zipped(
                {
                    "[Content_Types].xml": b"<T/>",
                    "word/document.xml": b"<d/>",
                    "word/embeddings/x.zip": zipped({"a": b"a"}),
                }
            ),
            "Verschachtelte Archive",
        ),
    ],
    ids=["zip", "zip-named-pdf", "gzip", "exe", "svg", "html", "zip-bomb-docx", "nested-docx"],
)
def test_types_and_archives_a_record_does_not_take(user, vorgang, settings, name, content, reason):
    settings.CLAMAV_URL = ""
    before = stored_count()
    with pytest.raises(actions.RecordError, match=reason):
        actions.add_dokument(user, vorgang, title="X", upload=SimpleUploadedFile(name, content))
    assert stored_count() == before


def test_office_and_text_files_are_taken_with_the_type_of_their_content(user, vorgang, settings):
    settings.CLAMAV_URL = ""
    docx = zipped({"[Content_Types].xml": b"<T/>", "word/document.xml": b"<d/>"})
    for name, content, mime in [
        ("Bericht.docx", docx, "application/vnd.openxmlformats-officedocument."),
        ("Liste.csv", "Name;Ort\nMüller;Bruchsal\n".encode(), "text/csv"),
        ("Rechnung.xml", b'<?xml version="1.0"?><Invoice/>', "application/xml"),
        ("Scan.jpg", pdf_bytes("eigentlich PDF"), "application/pdf"),
    ]:
        doc = actions.add_dokument(
            user, vorgang, title=name, upload=SimpleUploadedFile(name, content)
        )
        assert doc.current_version.content_type.startswith(mime), name


def test_downloads_are_sandboxed_attachments_with_nosniff(user, record):
    doc = dokument(record, user=user, content=pdf_bytes("eins"))
    response = client_for(user).get(reverse("efiles:download", args=[doc.pk, 1]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert doc.current_version.file.is_public is False
