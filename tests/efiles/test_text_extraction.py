"""The full text of uploads, read after the upload has committed: PDF, plain text (UTF-8 and
Windows-1252), DOCX and ODT; a broken PDF leaves the document stored with "Text nicht
lesbar", an image with "Kein Text"."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.efiles import actions, search
from backoffice.efiles.models import Dokument, TextStatus
from tests.efiles.factories import akte, clerk, pdf_bytes, read, unit_in

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def zipped(member: str, xml: str, first: tuple[str, str] = ("[Content_Types].xml", "<Types/>")):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(*first)
        archive.writestr(member, xml)
    return buffer.getvalue()


ODT_MIMETYPE = ("mimetype", "application/vnd.oasis.opendocument.text")


def docx(text: str) -> bytes:
    return zipped(
        "word/document.xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>",
    )


def odt(text: str) -> bytes:
    return zipped(
        "content.xml",
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        f"<office:text><text:p>{text}</text:p></office:text></office:body>"
        "</office:document-content>",
        first=ODT_MIMETYPE,
    )


@pytest.fixture
def setting():
    unit = unit_in("bruchsal")
    user = clerk(unit)
    record = akte(unit, user=user)
    vorgang = actions.create_vorgang(user, record, title="Eingänge")
    return user, vorgang


def upload_and_read(setting, capture, name: str, content: bytes) -> Dokument:
    user, vorgang = setting
    upload = SimpleUploadedFile(name, content)
    with capture(execute=True):
        doc = actions.add_dokument(user, vorgang, title=name, upload=upload)
    return Dokument.objects.get(pk=doc.pk)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("Bescheid.pdf", pdf_bytes("Bescheid über die Sondernutzung Marktplatz"), "Sondernutzung"),
        ("Vermerk.txt", "Rücksprache mit Frau Müller: Gebühr 25 €".encode(), "Müller"),
        ("Vermerk-alt.txt", "Rücksprache mit Frau Müller: Gebühr 25 €".encode("cp1252"), "25 €"),
        ("Schreiben.docx", docx("Anhörung zur Baumfällung Kirchweg"), "Baumfällung Kirchweg"),
        ("Protokoll.odt", odt("Ortschaftsrat Büchenau beschließt"), "Ortschaftsrat Büchenau"),
    ],
)
def test_text_of_readable_formats(
    setting, django_capture_on_commit_callbacks, name, content, expected
):
    doc = upload_and_read(setting, django_capture_on_commit_callbacks, name, content)

    assert doc.text_status == TextStatus.DONE
    assert expected in doc.text
    user, _vorgang = setting
    word = expected.split()[0].rstrip(":")
    assert doc in [hit.obj for hit in search.search(user, word, kind="dokumente")]


def test_text_is_pending_until_the_upload_has_committed(setting):
    user, vorgang = setting
    doc = actions.add_dokument(
        user, vorgang, title="Bescheid", upload=SimpleUploadedFile("b.pdf", pdf_bytes("Text"))
    )
    assert Dokument.objects.get(pk=doc.pk).text_status == TextStatus.PENDING


@pytest.mark.parametrize(
    "content", [b"%PDF-1.4\n kaputt \x00\x01\x02", b"kein PDF"]
)  # (a ZIP named .pdf is refused by its type: tests/efiles/test_upload_security.py)
def test_broken_pdf_is_stored_without_text(setting, django_capture_on_commit_callbacks, content):
    doc = upload_and_read(setting, django_capture_on_commit_callbacks, "Scan.pdf", content)

    assert doc.text_status == TextStatus.FAILED
    assert doc.text == ""
    version = doc.current_version
    assert read(version) == content
    assert version.size == len(content)


@pytest.mark.parametrize(
    ("name", "content"),
    [("Schreiben.docx", b"kein zip"), ("Protokoll.odt", zipped("a.xml", "x", first=ODT_MIMETYPE))],
)
def test_broken_office_files_are_stored_without_text(
    setting, django_capture_on_commit_callbacks, name, content
):
    doc = upload_and_read(setting, django_capture_on_commit_callbacks, name, content)

    assert doc.text_status == TextStatus.FAILED
    assert read(doc.current_version) == content


def test_image_has_no_text(setting, django_capture_on_commit_callbacks):
    doc = upload_and_read(setting, django_capture_on_commit_callbacks, "Foto.png", PNG)

    assert doc.text_status == TextStatus.NONE
    assert doc.text == ""
    assert read(doc.current_version) == PNG


def test_new_version_replaces_the_text(setting, django_capture_on_commit_callbacks):
    user, _vorgang = setting
    doc = upload_and_read(
        setting, django_capture_on_commit_callbacks, "Plan.pdf", pdf_bytes("Erster Entwurf")
    )
    with django_capture_on_commit_callbacks(execute=True):
        actions.add_version(
            user, doc, SimpleUploadedFile("Plan.pdf", pdf_bytes("Endfassung Bebauungsplan"))
        )

    doc.refresh_from_db()
    assert "Endfassung" in doc.text
    assert "Entwurf" not in doc.text
    assert [hit.obj for hit in search.search(user, "Endfassung")] == [doc]
    assert search.search(user, "Entwurf") == []
