"""The suggestions endpoint behind the search box: titles as JSON, never a 500."""

from __future__ import annotations

import pytest

from tests.portal.factories import ContentPageFactory

from .conftest import home

pytestmark = pytest.mark.django_db

URL = "/suche/vorschlaege/"


def suggestions(site_client, slug: str, **params):
    return site_client(slug).get(URL, params)


def test_suggests_titles_of_the_town_for_a_prefix(site_client):
    response = suggestions(site_client, "bruchsal", q="Bürger")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    titles = response.json()
    assert "Bürgerbüro" in titles
    assert "Bürgerservice auf einen Blick" in titles
    assert len(titles) <= 8


def test_suggests_region_titles_but_not_another_towns(site_client):
    section = home("rastatt").get_children().first()
    ContentPageFactory(parent=section, title="Quittenmarkt Rastatt")
    region_section = home("region").get_children().first()
    ContentPageFactory(parent=region_section, title="Quittenmarkt der Region")

    assert suggestions(site_client, "bruchsal", q="Quitten").json() == ["Quittenmarkt der Region"]
    assert sorted(suggestions(site_client, "rastatt", q="Quitt").json()) == [
        "Quittenmarkt Rastatt",
        "Quittenmarkt der Region",
    ]


def test_at_most_eight_distinct_titles(site_client):
    section = home("bruchsal").get_children().first()
    for number in range(12):
        ContentPageFactory(parent=section, title=f"Holunderblüte {number:02d}")
    ContentPageFactory(parent=section, title="Holunderblüte 00", slug="noch-einmal")  # same title

    titles = suggestions(site_client, "bruchsal", q="Holunder").json()

    assert len(titles) == 8
    assert len(set(titles)) == 8


@pytest.mark.parametrize("q", ["", "B", " ", "\x00", "!!", "“”"])
def test_too_short_or_empty_input_gives_an_empty_list(site_client, q):
    response = suggestions(site_client, "bruchsal", q=q)

    assert response.status_code == 200
    assert response.json() == []


def test_missing_parameter_gives_an_empty_list(site_client):
    response = site_client("bruchsal").get(URL)

    assert response.status_code == 200
    assert response.json() == []


def test_overlong_input_is_refused_with_a_message(site_client):
    response = suggestions(site_client, "bruchsal", q="Bürger" * 50)

    assert response.status_code == 400
    assert response.json() == {"error": "Der Suchbegriff ist zu lang (höchstens 100 Zeichen)."}


def test_more_than_one_query_is_refused_with_a_message(site_client):
    response = site_client("bruchsal").get(URL + "?q=Bürger&q=Rathaus")

    assert response.status_code == 400
    assert response.json() == {"error": "Bitte nur einen Suchbegriff angeben."}


@pytest.mark.parametrize("q", ['Bür"ger', "Bürger\x00", "(Bürger*", "Bürger OR 1=1", "ß🙂"])
def test_odd_characters_never_break_it(site_client, q):
    response = suggestions(site_client, "bruchsal", q=q)

    assert response.status_code == 200
    assert isinstance(response.json(), list)


def test_only_get_is_allowed(site_client):
    assert site_client("bruchsal").post(URL, {"q": "Bürger"}).status_code == 405
