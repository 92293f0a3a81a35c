"""Club profile in the dashboard: everything saved as a new revision and published at
once; uploads checked; nothing half-saved on an error."""

import pytest
from django.urls import reverse
from filer.models import File as FilerFile
from wagtail.images import get_image_model

from portal.core.models import TownSettings
from tests.vereinsportal.factories import category, club_manager, club_page, site_of, target_group
from tests.vereinsportal.factories_dashboard import docx_upload, image_upload, pdf_upload
from vereinsportal.models import ClubPage

pytestmark = pytest.mark.django_db
Image = get_image_model()


@pytest.fixture
def club():
    return club_page("bruchsal", "Musikverein Harmonie", categories=["Musik"])


@pytest.fixture
def client(site_client, club):
    client = site_client("bruchsal")
    client.force_login(club_manager(club))
    return client


def url(club):
    return reverse("vereinsportal:club_profile", args=[club.pk])


def form_data(club, photos=0, downloads=(), chronicle=(), **overrides):
    data = {
        "profil-title": club.title,
        "profil-short_description": "Blasmusik seit 1890.",
        "profil-description": "Wir spielen Blasmusik.\n\n- Proben dienstags\n- Konzerte im Sommer",
        "profil-categories": [str(category("Musik").pk)],
        "profil-target_groups": [str(target_group("Familien").pk)],
        "profil-place_name": "Probelokal",
        "profil-street": "Am Alten Schloss 2",
        "profil-postcode": "76646",
        "profil-city": "Bruchsal",
        "profil-contact_name": "Erika Mustermann",
        "profil-contact_email": "vorstand@harmonie.example",
        "profil-contact_visibility": "name",
        "profil-membership_info": "Einfach zur Probe kommen.",
        "profil-fees": "Erwachsene 60 € im Jahr",
        "profil-founded": "1890",
        "profil-register_court": "Amtsgericht Mannheim",
        "profil-register_number": "VR 123456",
        "fotos-TOTAL_FORMS": str(photos),
        "fotos-INITIAL_FORMS": str(photos),
        "dateien-TOTAL_FORMS": str(len(downloads)),
        "dateien-INITIAL_FORMS": str(len(downloads)),
        "chronik-TOTAL_FORMS": str(len(chronicle) + 2),
        "chronik-INITIAL_FORMS": str(len(chronicle)),
    }
    for index, title in enumerate(downloads):
        data[f"dateien-{index}-title"] = title
    for index, (year, text) in enumerate(chronicle):
        data[f"chronik-{index}-year"] = str(year)
        data[f"chronik-{index}-text"] = text
    data.update(overrides)
    return data


def test_form_shows_current_profile(client, club):
    response = client.get(url(club))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Musikverein Harmonie"' in page
    assert "Speichern und veröffentlichen" in page
    assert 'type="checkbox"' in page  # categories as checkboxes


def test_save_publishes_everything_with_uploads(client, club):
    data = form_data(
        club,
        **{
            "profil-logo_upload": image_upload("logo.png"),
            "profil-new_photo": image_upload("konzert.jpg", fmt="JPEG"),
            "profil-new_photo_caption": "Sommerkonzert",
            "profil-new_download": pdf_upload(),
            "profil-new_download_title": "Satzung (PDF)",
            "chronik-0-year": "1890",
            "chronik-0-text": "Gründung",
        },
    )
    revisions = club.revisions.count()
    response = client.post(url(club), data, follow=True)
    assert response.status_code == 200
    assert "Gespeichert und veröffentlicht" in response.content.decode()
    assert "Profil ansehen" in response.content.decode()
    club = ClubPage.objects.get(pk=club.pk)
    assert club.revisions.count() == revisions + 1
    assert club.live and not club.has_unpublished_changes
    assert club.short_description == "Blasmusik seit 1890."
    assert "<li>Proben dienstags</li>" in club.description
    assert club.register_number == "VR 123456" and club.founded == 1890
    assert list(club.target_groups.values_list("name", flat=True)) == ["Familien"]
    town = TownSettings.for_site(site_of("bruchsal"))
    assert club.logo is not None
    if town.collection_id:
        assert club.logo.collection_id == town.collection_id
    photo = club.photos.get()
    assert photo.caption == "Sommerkonzert" and photo.image.width == 40
    download = club.downloads.get()
    assert download.title == "Satzung (PDF)"
    assert download.file.original_filename == "satzung.pdf"
    assert download.file.folder.pretty_logical_path.endswith(f"Vereine/{town.name}/{club.title}")
    assert [(entry.year, entry.text) for entry in club.chronicle.all()] == [(1890, "Gründung")]
    # the form shows the text back as text
    again = client.get(url(club)).content.decode()
    assert "- Proben dienstags" in again and "Sommerkonzert" in again


def test_oversized_image_is_refused_and_nothing_saved(client, club, settings):
    settings.VEREINE_MAX_IMAGE_MB = 1
    images = Image.objects.count()
    data = form_data(
        club,
        **{
            "profil-short_description": "Geändert",
            "profil-logo_upload": image_upload("gross.png", size=(900, 900), noise=True),
            "profil-new_download": pdf_upload(),
            "profil-new_download_title": "Satzung",
        },
    )
    response = client.post(url(club), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Das Bild ist 2,3 MB groß; erlaubt sind höchstens 1 MB." in page
    assert "Nichts wurde gespeichert" in page
    club.refresh_from_db()
    assert club.short_description != "Geändert"
    assert Image.objects.count() == images
    assert not FilerFile.objects.filter(original_filename="satzung.pdf").exists()


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        (
            "profil-logo_upload",
            image_upload("bild.gif", fmt="GIF"),
            "Erlaubt sind JPEG, PNG und WebP",
        ),
        ("profil-new_photo", pdf_upload("foto.jpg"), "kein lesbares Bild"),
        ("profil-new_download", image_upload("satzung.pdf"), "nur PDF-, ODT- und DOCX-Dateien"),
    ],
)
def test_wrong_file_types_are_refused(client, club, field, upload, message):
    data = form_data(club, **{field: upload, "profil-new_download_title": "Datei"})
    response = client.post(url(club), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_download_needs_title_and_bad_register_number_is_explained(client, club):
    data = form_data(
        club,
        **{"profil-new_download": docx_upload(), "profil-register_number": "12345"},
    )
    response = client.post(url(club), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Bitte geben Sie der Datei einen Titel." in page
    assert "Registernummer in der Form" in page
    assert not ClubPage.objects.get(pk=club.pk).downloads.exists()


def test_remove_download_and_photo(client, club, django_capture_on_commit_callbacks):
    client.post(
        url(club),
        form_data(
            club,
            **{
                "profil-new_download": docx_upload(),
                "profil-new_download_title": "Aufnahmeantrag",
                "profil-new_photo": image_upload(),
            },
        ),
    )
    club = ClubPage.objects.get(pk=club.pk)
    assert club.downloads.count() == 1 and club.photos.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(club),
            form_data(
                club,
                photos=1,
                downloads=["Aufnahmeantrag"],
                **{"dateien-0-remove": "on", "fotos-0-remove": "on"},
            ),
        )
    assert response.status_code == 302
    club = ClubPage.objects.get(pk=club.pk)
    assert not club.downloads.exists() and not club.photos.exists()
    assert not FilerFile.objects.filter(original_filename="antrag.docx").exists()


def test_category_is_required(client, club):
    data = form_data(club)
    del data["profil-categories"]
    response = client.post(url(club), data)
    assert response.status_code == 400
    assert list(ClubPage.objects.get(pk=club.pk).categories.values_list("name", flat=True)) == [
        "Musik"
    ]
