"""Editors' uploads in the Wagtail admin: SVG is not an image format here; with the
portal's form bases images are scanned and documents checked by content (extension must
match, archive limits, nothing nested) and scanned; documents are served with nosniff,
a CSP and – except PDFs – as attachments."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.clamav import EICAR
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db
Image = get_image_model()
Document = get_document_model()
HOST = "localhost:8000"


@pytest.fixture
def editor_client():
    user = UserFactory(is_superuser=True, is_staff=True)
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


@pytest.fixture
def checked_forms(settings):
    settings.WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.uploads.forms.CheckedImageForm"
    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.uploads.forms.CheckedDocumentForm"


def png() -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 10), (10, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def add_image(client, name: str, content: bytes):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/images/add/",
        {"title": "Bild", "file": SimpleUploadedFile(name, content), "collection": root.pk},
    )


def add_document(client, name: str, content: bytes):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/documents/add/",
        {"title": "Dokument", "file": SimpleUploadedFile(name, content), "collection": root.pk},
    )


def test_svg_is_not_an_image_format_for_editors(editor_client):
    before = Image.objects.count()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = add_image(editor_client, "logo.svg", svg)
    assert response.status_code == 200
    assert Image.objects.count() == before
    response = add_image(editor_client, "logo.png", svg)  # renamed: Pillow cannot read it
    assert response.status_code == 200
    assert Image.objects.count() == before


def test_an_image_carrying_eicar_is_refused(editor_client, checked_forms, clamav):
    before = Image.objects.count()
    response = add_image(editor_client, "foto.png", png() + EICAR)
    assert response.status_code == 200
    assert "enthält ein Schadprogramm" in response.content.decode()
    assert Image.objects.count() == before
    response = add_image(editor_client, "foto.png", png())
    assert response.status_code == 302
    assert Image.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("info.pdf", b"<!DOCTYPE html><html><script>x</script></html>", "ist eine HTML-Seite"),
        ("paket.zip", zipped({"bombe.txt": b"\x00" * (30 << 20)}), "Zip-Bombe"),
        ("paket.zip", zipped({"innen.zip": zipped({"a": b"a"})}), "Verschachtelte Archive"),
        ("paket.zip", zipped({"eicar.com": EICAR}), "enthält ein Schadprogramm"),
    ],
    ids=["html-named-pdf", "zip-bomb", "nested-zip", "eicar-in-zip"],
)
def test_documents_are_checked_by_content_and_scanned(
    editor_client, checked_forms, clamav, name, content, reason
):
    before = Document.objects.count()
    response = add_document(editor_client, name, content)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert Document.objects.count() == before


def test_a_clean_document_is_served_as_attachment_with_nosniff(
    editor_client, checked_forms, clamav, monkeypatch, tmp_path
):
    # on disk, as in production (the test settings' in-memory storage has no files to
    # send); only this field's storage – changing STORAGES would renew every storage
    from django.core.files.storage import FileSystemStorage

    monkeypatch.setattr(
        Document._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path)
    )
    response = add_document(editor_client, "formulare.zip", zipped({"antrag.pdf": b"%PDF-1.4"}))
    assert response.status_code == 302
    document = Document.objects.get(title="Dokument")
    served = Client(HTTP_HOST=HOST).get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
