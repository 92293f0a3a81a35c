"""Club uploads (logo/photos, downloads) against a real clamd: malware refused with the
reason and nothing saved, clean files taken, clamd down → refused; SVG refused; DOCX/ODT
(ZIP archives) within limits – no zip bomb, nothing nested."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import File as FilerFile
from wagtail.images import get_image_model

from tests.clamav import EICAR
from tests.vereinsportal.factories_dashboard import docx_upload, image_upload, pdf_upload
from tests.vereinsportal.test_dashboard_profile import client, club, form_data, url  # noqa: F401

pytestmark = pytest.mark.django_db
Image = get_image_model()


def docx_with(members: dict[str, bytes], name: str = "satzung.docx") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        for member, content in members.items():
            archive.writestr(member, content)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def post(client, club, **uploads):  # noqa: F811
    data = form_data(club, **{"profil-new_download_title": "Satzung", **uploads})
    return client.post(url(club), data)


def nothing_saved(images_before: int) -> bool:
    return (
        Image.objects.count() == images_before
        and not FilerFile.objects.filter(folder__name="Musikverein Harmonie").exists()
    )


def test_an_image_carrying_eicar_is_refused_and_nothing_saved(client, club, clamav):  # noqa: F811
    images = Image.objects.count()
    infected = image_upload("logo.png")
    infected = SimpleUploadedFile("logo.png", infected.read() + EICAR, content_type="image/png")
    response = post(client, club, **{"profil-logo_upload": infected})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Die Datei „logo.png“ enthält ein Schadprogramm und wurde nicht angenommen." in page
    assert nothing_saved(images)


def test_a_docx_carrying_eicar_is_refused(client, club, clamav):  # noqa: F811
    images = Image.objects.count()
    response = post(
        client, club, **{"profil-new_download": docx_with({"word/media/makro.bin": EICAR})}
    )
    assert response.status_code == 400
    assert "enthält ein Schadprogramm" in response.content.decode()
    assert nothing_saved(images)


def test_clean_uploads_are_scanned_and_saved(client, club, clamav):  # noqa: F811
    response = post(
        client,
        club,
        **{"profil-logo_upload": image_upload("logo.png"), "profil-new_download": pdf_upload()},
    )
    assert response.status_code == 302
    assert FilerFile.objects.filter(folder__name="Musikverein Harmonie").count() == 1


def test_clamd_down_refuses_with_the_reason(client, club, clamav_stopped):  # noqa: F811
    images = Image.objects.count()
    response = post(client, club, **{"profil-new_download": docx_upload()})
    assert response.status_code == 400
    assert "Die Virenprüfung ist gerade nicht erreichbar." in response.content.decode()
    assert nothing_saved(images)


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        (
            "profil-logo_upload",
            SimpleUploadedFile(
                "logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
            ),
            "kein lesbares Bild",
        ),
        (
            "profil-new_download",
            docx_with({"word/media/bild.bin": b"\x00" * (20 * 1024 * 1024)}),
            "Zip-Bombe",
        ),
        (
            "profil-new_download",
            docx_with({"word/embeddings/paket.zip": docx_upload().read()}),
            "Verschachtelte Archive werden nicht angenommen",
        ),
        ("profil-new_download", SimpleUploadedFile("satzung.zip", b"PK\x03\x04" * 20), "nur PDF"),
    ],
    ids=["svg-logo", "zip-bomb-docx", "nested-docx", "zip"],
)
def test_svg_bombs_nested_archives_and_zips_are_refused(  # noqa: F811
    client,  # noqa: F811
    club,  # noqa: F811
    settings,
    field,
    upload,
    message,
):
    settings.CLAMAV_URL = ""
    images = Image.objects.count()
    response = post(client, club, **{field: upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_saved(images)
