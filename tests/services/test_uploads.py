"""Uploads in an application: checked by content, limited, sanitised, kept in private
storage, surviving failed validation, removable."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import storages

from services.applications.uploads import sanitise_filename
from services.models import DraftFile
from tests.services.factories import ApplicationFormFactory, simple_steps
from tests.services.factories_applications import (
    EXE,
    JPEG,
    PDF,
    PNG,
    application_page,
    draft_of,
    fill_first_step,
    fill_second_step,
    step_url,
    upload,
)

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def errors_of(response) -> list[str]:
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [li.get_text(strip=True) for li in html.select("#id_nachweis_error li")]


def on_second_step(site_client, form=None):
    page = application_page(form=form)
    client = site_client("bruchsal")
    assert fill_first_step(client, page).status_code == 302
    return page, client


def images_only_form():
    steps = simple_steps()
    steps[1]["value"]["fields"][-1]["value"]["kinds"] = ["image"]
    return ApplicationFormFactory(steps=steps)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\erika\\Scan Ausweis.png", "Scan Ausweis.png"),
        ("rech\x00nung\x1b.pdf", "rechnung.pdf"),
        ("Mu\u0308ller.pdf", "Müller.pdf"),
        ('a<b>:"c|?*.pdf', "a_b___c___.pdf"),
        (".htaccess", "htaccess"),
        ("   ", "datei"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_file_names_are_sanitised(name, expected):
    assert sanitise_filename(name) == expected


def test_program_renamed_to_pdf_is_refused_with_the_reason(site_client):
    page, client = on_second_step(site_client)
    response = fill_second_step(
        client, page, files=[upload("nachweis.pdf", EXE, "application/pdf")]
    )
    assert response.status_code == 200
    assert errors_of(response) == [
        "Fehler:Die Datei „nachweis.pdf“ ist kein PDF-Dokument, sondern ein Programm (EXE). "
        "Erlaubt sind: PDF-Dokumente, Fotos und Scans (JPEG, PNG)."
    ]
    assert not DraftFile.objects.filter(draft__service_page=page).exists()


def test_type_comes_from_the_content_not_from_name_or_browser(site_client):
    page, client = on_second_step(site_client)
    files = [
        upload("scan.jpg", PDF, "image/jpeg"),  # a PDF named .jpg: accepted as PDF
        upload("foto.pdf", PNG, "application/pdf"),  # a PNG named .pdf: accepted as PNG
    ]
    response = fill_second_step(client, page, files=files)
    assert response.status_code == 302
    stored = {f.original_name: f.content_type for f in draft_of(client, page).files.all()}
    assert stored == {"scan.pdf": "application/pdf", "foto.png": "image/png"}


def test_pdf_renamed_to_jpg_is_refused_where_only_images_are_allowed(site_client):
    page, client = on_second_step(site_client, images_only_form())
    response = fill_second_step(client, page, files=[upload("scan.jpg", PDF, "image/jpeg")])
    assert errors_of(response) == [
        "Fehler:Die Datei „scan.jpg“ ist kein JPEG-Bild, sondern ein PDF-Dokument. "
        "Erlaubt sind: Fotos und Scans (JPEG, PNG)."
    ]
    response = fill_second_step(client, page, files=[upload("foto.jpg", JPEG)])
    assert response.status_code == 302


def test_real_pdf_where_only_images_are_allowed_is_named_for_what_it_is(site_client):
    page, client = on_second_step(site_client, images_only_form())
    response = fill_second_step(client, page, files=[upload("nachweis.pdf", PDF)])
    assert errors_of(response) == [
        "Fehler:Die Datei „nachweis.pdf“ ist ein PDF-Dokument. "
        "Erlaubt sind: Fotos und Scans (JPEG, PNG)."
    ]
    assert not DraftFile.objects.filter(draft__service_page=page).exists()


def test_unknown_content_is_refused(site_client):
    page, client = on_second_step(site_client)
    response = fill_second_step(client, page, files=[upload("brief.txt", b"Hallo Amt" * 10)])
    assert errors_of(response)[0].startswith(
        "Fehler:Die Datei „brief.txt“ ist eine Datei unbekannten Typs."
    )


def test_oversized_file_is_refused(site_client):
    page, client = on_second_step(site_client)
    big = PDF + b"0" * int(2.5 * MB)
    response = fill_second_step(client, page, files=[upload("gross.pdf", big)])
    assert errors_of(response) == [
        "Fehler:Die Datei „gross.pdf“ ist 2,5 MB groß; erlaubt sind höchstens 2 MB je Datei."
    ]
    assert not DraftFile.objects.filter(draft__service_page=page).exists()


def test_too_many_files_are_refused_counting_those_already_stored(site_client):
    page, client = on_second_step(site_client)
    response = fill_second_step(
        client, page, files=[upload("a.pdf", PDF), upload("b.pdf", PDF), upload("c.pdf", PDF)]
    )
    assert errors_of(response) == [
        "Fehler:Sie können hier höchstens 2 Datei(en) hochladen; „c.pdf“ wurde nicht übernommen."
    ]
    assert sorted(f.original_name for f in draft_of(client, page).files.all()) == [
        "a.pdf",
        "b.pdf",
    ]
    response = fill_second_step(client, page, files=[upload("d.pdf", PDF)])
    assert "„d.pdf“ wurde nicht übernommen" in errors_of(response)[0]


def test_total_size_of_an_application_is_limited(site_client, settings):
    settings.SERVICES_MAX_UPLOAD_TOTAL_MB = 1
    page, client = on_second_step(site_client)
    part = PDF + b"0" * int(0.6 * MB)
    response = fill_second_step(client, page, files=[upload("a.pdf", part), upload("b.pdf", part)])
    assert errors_of(response) == [
        "Fehler:Mit „b.pdf“ würden alle Dateien des Antrags zusammen mehr als 1 MB groß. "
        "Bitte verkleinern Sie die Dateien."
    ]
    assert [f.original_name for f in draft_of(client, page).files.all()] == ["a.pdf"]


def test_required_upload_is_missing(site_client):
    page, client = on_second_step(site_client)
    response = fill_second_step(client, page, files=[])
    assert errors_of(response) == [
        "Fehler:Bitte laden Sie bei „Nachweis Haftpflicht“ mindestens eine Datei hoch."
    ]


def test_uploads_survive_failed_validation_and_are_kept_private(site_client):
    page, client = on_second_step(site_client)
    response = fill_second_step(client, page, hundename="")  # invalid, but with a good file
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one(".file-list__name").get_text() == "haftpflicht.pdf"
    stored = draft_of(client, page).files.get()
    assert stored.file.storage is storages["private"]
    assert stored.file.name.startswith("services/drafts/")
    assert "haftpflicht" not in stored.file.name
    assert stored.file.name not in response.content.decode()
    # sent again without the file: the stored one counts
    response = fill_second_step(client, page, files=[])
    assert response.status_code == 302


def test_remove_an_uploaded_file(site_client):
    page, client = on_second_step(site_client)
    fill_second_step(client, page, hundename="")
    stored = draft_of(client, page).files.get()
    storage, name = stored.file.storage, stored.file.name
    response = client.post(
        step_url(page, 2), {"hundename": "Bello", "gelistet": "nein", "remove_file": stored.pk}
    )
    assert response.status_code == 200
    assert "Die Datei wurde entfernt." in response.content.decode()
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.find("input", {"name": "hundename"})["value"] == "Bello"  # typed text kept
    assert not DraftFile.objects.filter(pk=stored.pk).exists()
    assert not storage.exists(name)


def test_files_of_another_draft_cannot_be_removed(site_client):
    page, client = on_second_step(site_client)
    fill_second_step(client, page, hundename="")
    foreign = draft_of(client, page).files.get()
    other_page, other = on_second_step(site_client)
    other.post(step_url(other_page, 2), {"remove_file": foreign.pk})
    assert DraftFile.objects.filter(pk=foreign.pk).exists()
