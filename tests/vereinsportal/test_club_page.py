"""The club's profile page: every field shown when filled, nothing empty when not, the
contact person as the club wishes, JSON-LD, events, downloads, volunteering."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.utils.formats import date_format

from tests.vereinsportal.factories import club_page, event_page, volunteer_board
from tests.vereinsportal.factories_clubs import (
    add_chronicle,
    add_download,
    add_photo,
    days_ahead,
    image,
    opportunity,
)
from vereinsportal.models import ContactVisibility, EventOccurrence

pytestmark = pytest.mark.django_db


def path(page) -> str:
    return urlsplit(page.full_url).path


def jsonld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def full_club(**fields):
    fields = {
        "short_description": "Turnen, Handball und Leichtathletik seit 1846.",
        "description": "<p>Wir sind der <b>größte Verein</b> der Stadt.</p>",
        "logo": image("TV-Logo"),
        "place_name": "Sporthalle am Sportzentrum",
        "street": "Am Sportzentrum 3",
        "postcode": "76646",
        "city": "Bruchsal",
        "latitude": 49.1245,
        "longitude": 8.5981,
        "wheelchair_accessible": True,
        "accessibility_notes": "Aufzug am Seiteneingang.",
        "contact_name": "Erika Mustermann",
        "contact_email": "vorstand@tv-bruchsal.example",
        "contact_phone": "07251 12345",
        "contact_visibility": ContactVisibility.ALL,
        "website": "https://tv-bruchsal.example/",
        "membership_info": "<p>Probetraining jederzeit.</p>",
        "fees": "Erwachsene 60 € im Jahr, Kinder 30 €",
        "founded": 1846,
        "register_court": "Amtsgericht Mannheim",
        "register_number": "VR 123456",
        **fields,
    }
    club = club_page(
        "bruchsal",
        "TV Bruchsal",
        categories=["Sport", "Jugend"],
        target_groups=["Kinder", "Familien"],
        **fields,
    )
    return club


def test_a_full_profile_shows_every_field(site_client):
    club = full_club()
    add_photo(club, caption="Die Turnriege beim Stadtfest", title="foto1")
    add_photo(club, caption="", title="Handballmannschaft 2026")
    add_download(club, "Satzung", "satzung.pdf", b"%PDF-1.4 " + b"x" * 2048)
    add_chronicle(club, 1990, "Neue Halle eingeweiht.")
    add_chronicle(club, 1846, "Gründung als Turngemeinde.")

    response = site_client("bruchsal").get(path(club))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="verein-titel">TV Bruchsal</h1>' in html
    assert "Turnen, Handball und Leichtathletik seit 1846." in html
    assert 'alt="Logo: TV Bruchsal"' in html
    assert "<b>größte Verein</b>" in html
    assert "Sport, Jugend" in html and "Kinder, Familien" in html
    # photos: the caption is the alt text, else the image title
    assert 'alt="Die Turnriege beim Stadtfest"' in html
    assert 'alt="Handballmannschaft 2026"' in html
    # meeting place with the two-click map: nothing loaded from OpenStreetMap yet
    assert "Sporthalle am Sportzentrum" in html and "76646 Bruchsal" in html
    assert "Der Treffpunkt ist barrierefrei zugänglich." in html
    assert "Aufzug am Seiteneingang." in html
    assert 'data-consent-embed="https://www.openstreetmap.org/export/embed.html?' in html
    assert "<iframe" not in html
    assert "https://www.openstreetmap.org/?mlat=49.124500&amp;mlon=8.598100" in html
    # contact "all": name, phone and address
    assert "Erika Mustermann" in html
    assert 'href="tel:0725112345"' in html
    assert 'href="mailto:vorstand@tv-bruchsal.example"' in html
    assert 'href="https://tv-bruchsal.example/"' in html
    assert f'href="{path(club)}kontakt/"' in html
    # membership, register, founded
    assert "Probetraining jederzeit." in html
    assert "Erwachsene 60 € im Jahr, Kinder 30 €" in html
    assert "Amtsgericht Mannheim, VR 123456" in html
    assert "<dt>Gegründet</dt><dd>1846</dd>" in html
    # downloads: title, type and size, link to the file
    download = re.search(
        r'<a href="([^"]+)" download>Satzung</a> <span class="downloads__meta">\(([^)]+)\)', html
    )
    assert download.group(1).endswith("satzung.pdf")
    assert download.group(2).startswith("PDF, 2,")
    # chronicle ascending
    assert html.index("Gründung als Turngemeinde.") < html.index("Neue Halle eingeweiht.")
    assert "<dt>1846</dt>" in html


def test_a_minimal_profile_has_no_empty_sections(site_client):
    club = club_page(
        "bruchsal",
        "Skatfreunde",
        contact_name="",
        contact_visibility=ContactVisibility.FORM_ONLY,
        contact_email="geheim@skat.example",
    )
    html = site_client("bruchsal").get(path(club)).content.decode()
    assert "Skatfreunde" in html
    for heading in [
        "Fotos",
        "Über uns",
        "Treffpunkt",
        "Mitglied werden",
        "Downloads",
        "Chronik",
        "Vereinsdaten",
        "Ehrenamtlich mithelfen",
    ]:
        assert f">{heading}</h2>" not in html, heading
    assert "consent-embed" not in html
    assert "geheim@skat.example" not in html
    assert "Zurzeit sind keine Veranstaltungen angekündigt." in html
    assert f'href="{path(club)}kontakt/"' in html


def test_address_without_coordinates_shows_no_map(site_client):
    club = club_page(
        "bruchsal", "Anglerverein", street="Seeweg 1", postcode="76646", city="Bruchsal"
    )
    html = site_client("bruchsal").get(path(club)).content.decode()
    assert "Seeweg 1" in html
    assert "consent-embed" not in html
    assert "openstreetmap" not in html


@pytest.mark.parametrize(
    ("visibility", "name", "phone", "email"),
    [
        (ContactVisibility.FORM_ONLY, False, False, False),
        (ContactVisibility.NAME, True, False, False),
        (ContactVisibility.NAME_PHONE, True, True, False),
        (ContactVisibility.ALL, True, True, True),
    ],
)
def test_contact_person_is_shown_as_the_club_wishes(site_client, visibility, name, phone, email):
    club = club_page(
        "bruchsal",
        "Kegelclub",
        contact_name="Hans Huber",
        contact_phone="07251 999",
        contact_email="huber@kegeln.example",
        contact_visibility=visibility,
    )
    html = site_client("bruchsal").get(path(club)).content.decode()
    assert ("Hans Huber" in html) is name
    assert ("07251 999" in html) is phone
    assert ("huber@kegeln.example" in html) is email
    data = jsonld(html)
    assert ("email" in data) is email
    assert ("telephone" in data) is phone
    assert f'href="{path(club)}kontakt/"' in html  # the form is always there


def test_organization_jsonld(site_client):
    club = full_club()
    html = site_client("bruchsal").get(path(club)).content.decode()
    data = jsonld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "TV Bruchsal"
    assert data["url"] == club.full_url
    assert data["description"] == "Turnen, Handball und Leichtathletik seit 1846."
    assert data["logo"].startswith("http://bruchsal.localhost:8000/")
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "DE",
        "streetAddress": "Am Sportzentrum 3",
        "postalCode": "76646",
        "addressLocality": "Bruchsal",
    }
    assert data["email"] == "vorstand@tv-bruchsal.example"
    assert data["telephone"] == "07251 12345"
    assert data["foundingDate"] == "1846"
    assert data["sameAs"] == ["https://tv-bruchsal.example/"]


def test_jsonld_cannot_be_broken_out_of(site_client):
    club = club_page("bruchsal", "Verein </script><script>alert(1)</script>")
    html = site_client("bruchsal").get(path(club)).content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld(html)["name"] == "Verein </script><script>alert(1)</script>"


def test_next_five_events_with_links_to_list_and_feed(site_client):
    club = club_page("bruchsal", "Chorgemeinschaft")
    event_page(club, "Vergangenes Konzert", start=days_ahead(-200))
    event_page(club, "Chorprobe", start=days_ahead(30, 19, 30), recurrence="FREQ=WEEKLY;COUNT=10")
    other = club_page("bruchsal", "Anderer Verein")
    event_page(other, "Fremde Veranstaltung", start=days_ahead(29))
    cancelled = event_page(club, "Abgesagter Termin", start=days_ahead(31))
    EventOccurrence.objects.filter(event=cancelled).update(cancelled=True)

    html = site_client("bruchsal").get(path(club)).content.decode()
    section = html[html.index('id="termine-titel"') :]
    section = section[: section.index("</section>")]
    assert section.count("Chorprobe") == 5
    assert "Vergangenes Konzert" not in section
    assert "Fremde Veranstaltung" not in section
    assert "Abgesagter Termin" not in section
    first = days_ahead(30, 19, 30)
    assert f"{date_format(first, 'l, j. F Y')}, 19:30 Uhr" in section
    assert f'href="{path(club)}veranstaltungen/"' in section
    assert f'href="{path(club)}kalender.ics"' in section
    assert f'<link rel="alternate" type="text/calendar" href="{path(club)}kalender.ics"' in html


def test_open_volunteer_opportunities_link_to_the_board(site_client):
    board = volunteer_board("bruchsal")
    club = club_page("bruchsal", "Tafel Bruchsal")
    active = opportunity(club, "Fahrer/in für die Abholtour")
    opportunity(club, "Alte Aufgabe", active=False)
    html = site_client("bruchsal").get(path(club)).content.decode()
    assert "Ehrenamtlich mithelfen" in html
    assert f'<a href="{path(board)}{active.pk}/">Fahrer/in für die Abholtour</a>' in html
    assert "Alte Aufgabe" not in html


def test_draft_club_is_not_public(site_client):
    club = club_page("bruchsal", "Noch nicht fertig", live=False)
    assert site_client("bruchsal").get(path(club)).status_code == 404
