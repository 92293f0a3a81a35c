"""The club directory of a town and of the region: filters, search, A–Z, pages, bad
input and the number of queries."""

import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.vereinsportal.factories import club_index, club_page
from tests.vereinsportal.factories_clubs import empty_directory, image, no_clubs_anywhere

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="club-teaser__title"><a href="[^"]+">([^<]+)</a>', html)


def count_heading(response) -> str:
    html = response.content.decode()
    return re.search(r'id="treffer-titel"[^>]*>([^<]+)', html).group(1).strip()


def test_town_directory_lists_live_clubs_of_the_town_only(site_client):
    index = empty_directory("bruchsal")
    club_page("bruchsal", "TV Bruchsal")
    club_page("bruchsal", "Musikverein Bruchsal", categories=["Musik"])
    club_page("bruchsal", "Geheimer Entwurf", live=False)
    club_page("bretten", "Schachclub Bretten")

    response = site_client("bruchsal").get(index.url)

    assert response.status_code == 200
    assert titles(response) == ["Musikverein Bruchsal", "TV Bruchsal"]
    assert count_heading(response) == "2 Vereine"
    html = response.content.decode()
    assert f'href="{urlsplit(index.full_url).path}registrieren/"' in html
    assert "Verein eintragen" in html
    assert 'name="stadt"' not in html  # no town filter in a town's directory


def test_regional_directory_lists_every_town_with_its_name_and_filters_by_town(site_client):
    no_clubs_anywhere()
    index = club_index("region")
    club_page("bruchsal", "TV Bruchsal")
    club_page("bretten", "Schachclub Bretten")

    response = site_client("region").get(index.url)
    html = response.content.decode()
    assert titles(response) == ["Schachclub Bretten", "TV Bruchsal"]
    assert '<p class="club-teaser__town">Bretten</p>' in html
    assert '<p class="club-teaser__town">Bruchsal</p>' in html
    assert '<option value="bretten">Bretten</option>' in html

    filtered = site_client("region").get(index.url, {"stadt": "bretten"})
    assert titles(filtered) == ["Schachclub Bretten"]
    assert count_heading(filtered) == "1 Verein"


def test_filters_category_target_group_accessibility_and_search(site_client):
    index = empty_directory("bruchsal")
    club_page("bruchsal", "TV Bruchsal", categories=["Sport"], target_groups=["Kinder"])
    club_page(
        "bruchsal",
        "Schwimmfreunde",
        categories=["Sport"],
        wheelchair_accessible=True,
        short_description="Schwimmen im Hallenbad für alle Generationen",
    )
    club_page(
        "bruchsal", "Gesangverein Liederkranz", categories=["Musik"], target_groups=["Kinder"]
    )
    client = site_client("bruchsal")

    assert titles(client.get(index.url, {"kategorie": "sport"})) == [
        "Schwimmfreunde",
        "TV Bruchsal",
    ]
    assert titles(client.get(index.url, {"zielgruppe": "kinder"})) == [
        "Gesangverein Liederkranz",
        "TV Bruchsal",
    ]
    assert titles(client.get(index.url, {"barrierefrei": "1"})) == ["Schwimmfreunde"]
    assert titles(client.get(index.url, {"q": "hallenbad"})) == ["Schwimmfreunde"]
    assert titles(client.get(index.url, {"q": "liederkranz"})) == ["Gesangverein Liederkranz"]
    combined = client.get(index.url, {"kategorie": "sport", "zielgruppe": "kinder"})
    assert titles(combined) == ["TV Bruchsal"]
    empty = client.get(index.url, {"q": "Bogenschießen"})
    assert titles(empty) == []
    assert count_heading(empty) == "0 Vereine"
    assert "keinen Verein gefunden" in empty.content.decode()


def test_empty_directory_invites_to_register(site_client):
    index = empty_directory("bruchsal")
    html = site_client("bruchsal").get(index.url).content.decode()
    assert "Hier sind noch keine Vereine eingetragen." in html
    assert "0 Vereine" in html


def test_a_to_z_puts_umlauts_under_their_base_letter(site_client):
    index = empty_directory("bruchsal")
    for title in ["Bachverein", "Ökumenischer Chor", "Angler", "Ärztesport", "Zither"]:
        club_page("bruchsal", title)
    client = site_client("bruchsal")

    response = client.get(index.url)
    assert titles(response) == ["Angler", "Ärztesport", "Bachverein", "Ökumenischer Chor", "Zither"]
    html = response.content.decode()
    assert 'href="?buchstabe=A"' in html and 'href="?buchstabe=O"' in html
    assert 'href="?buchstabe=C"' not in html  # no club under C: not linked
    assert 'aria-hidden="true">C</span>' in html

    letter_a = client.get(index.url, {"buchstabe": "A"})
    assert titles(letter_a) == ["Angler", "Ärztesport"]
    assert '<span aria-current="page"><span class="visually-hidden">Buchstabe </span>A</span>' in (
        letter_a.content.decode()
    )
    assert titles(client.get(index.url, {"buchstabe": "o"})) == ["Ökumenischer Chor"]
    assert titles(client.get(index.url, {"buchstabe": "Ö"})) == ["Ökumenischer Chor"]


def test_pages_of_24_keep_the_filters(site_client):
    index = empty_directory("bruchsal")
    for number in range(26):
        club_page("bruchsal", f"Sportverein {number:02d}", categories=["Sport"])
    club_page("bruchsal", "Musikverein", categories=["Musik"])
    client = site_client("bruchsal")

    first = client.get(index.url, {"kategorie": "sport"})
    assert len(titles(first)) == 24
    assert count_heading(first) == "26 Vereine"
    html = first.content.decode()
    assert 'href="?kategorie=sport&amp;seite=2"' in html
    second = client.get(index.url, {"kategorie": "sport", "seite": "2"})
    assert titles(second) == ["Sportverein 24", "Sportverein 25"]
    assert 'href="?kategorie=sport"' in second.content.decode()  # back to page 1


@pytest.mark.parametrize(
    "params",
    [
        {"seite": "abc"},
        {"kategorie": "gibt-es-nicht"},
        {"zielgruppe": "<script>"},
        {"buchstabe": "ÄÖ"},
        {"buchstabe": "1"},
        {"stadt": "bretten"},
        {"barrierefrei": "vielleicht"},
        {"q": "x" * 5000},
    ],
)
def test_nonsense_parameters_are_ignored(site_client, params):
    index = empty_directory("bruchsal")
    club_page("bruchsal", "TV Bruchsal")
    response = site_client("bruchsal").get(index.url, params)
    assert response.status_code == 200
    if "q" not in params:
        assert titles(response) == ["TV Bruchsal"]


@pytest.mark.parametrize("number", ["2", "0", "-1", "99999999999999999999"])
def test_page_numbers_beyond_the_list_answer_404(site_client, number):
    index = empty_directory("bruchsal")
    club_page("bruchsal", "TV Bruchsal")
    assert site_client("bruchsal").get(index.url, {"seite": number}).status_code == 404


def _queries_for(client, url, params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_5_and_30_clubs_cost_the_same_queries(site_client, django_assert_max_num_queries):
    index = empty_directory("bruchsal")
    client = site_client("bruchsal")

    def add(count: int, start: int) -> None:
        for number in range(start, start + count):
            club_page(
                "bruchsal",
                f"Verein {number:02d}",
                categories=["Sport", "Jugend"],
                target_groups=["Kinder"],
                logo=image(f"Logo {number}"),
            )

    add(5, 0)
    client.get(index.url)  # renditions are created on the first view
    few = _queries_for(client, index.url, {"kategorie": "sport"})
    add(25, 5)
    client.get(index.url)
    client.get(index.url, {"seite": "2"})
    many = _queries_for(client, index.url, {"kategorie": "sport"})
    assert many == few
    with django_assert_max_num_queries(few):
        response = client.get(index.url, {"kategorie": "sport", "seite": "2"})
    assert len(titles(response)) == 6
    assert response.content.decode().count('class="club-teaser__logo"') == 6


def test_demo_directories_and_club_pages_render(site_client):
    """The seeded demo (many clubs with photos, downloads, events) renders everywhere."""
    from vereinsportal.models import ClubPage

    for town in ["bruchsal", "region"]:
        index = club_index(town)
        response = site_client(town).get(urlsplit(index.full_url).path)
        assert response.status_code == 200
        assert re.search(r"\d+ Verein", count_heading(response))
    for club in ClubPage.objects.live().filter(town_site__hostname="bruchsal.localhost")[:3]:
        response = site_client("bruchsal").get(urlsplit(club.full_url).path)
        assert response.status_code == 200
        assert club.title in response.content.decode()
