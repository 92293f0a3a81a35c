"""German word forms find each other: "anmelden" finds "Anmeldung", on SQLite and
PostgreSQL alike (and with the German analyzer on Elasticsearch, see
test_elasticsearch.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from portal.search.pages import body_text
from portal.search.stemming import prefixes, stem
from tests.portal.factories import ContentPageFactory

from .conftest import home, result_titles

pytestmark = pytest.mark.django_db


def test_snowball_stems_word_forms_alike():
    assert stem("anmelden") == stem("Anmeldung") == stem("Anmeldungen") == "anmeld"
    assert prefixes("Straßen") == ["strass", "straß"]
    assert prefixes("zu") == []


def test_backend_stems_german():
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert backend.config == "german"
    else:
        assert type(backend).__name__ == "GermanSQLiteSearchBackend"


def test_anmelden_finds_a_demo_page_that_only_says_anmeldung(search):
    family = home("bruchsal").get_descendants().get(slug="familie-bildung").specific
    text = f"{family.title} {family.intro} {family.search_description} {body_text(family)}"
    assert "Anmeldung" in text and "anmelden" not in text.lower()

    titles = result_titles(search("bruchsal", "anmelden", typ="contentpage"))

    assert "Familie & Bildung" in titles
    assert "Bürgerbüro" in titles  # says both


def test_every_word_is_stemmed_and_all_must_match(search):
    titles = result_titles(search("bruchsal", "Kindertagespflege anmelden", typ="contentpage"))

    assert titles == ["Familie & Bildung"]


def test_eszett_word_forms_find_each_other(search):
    section = home("bruchsal").get_children().first()
    ContentPageFactory(
        parent=section, title="Quittenallee", intro="Die Straße ist wegen Bauarbeiten gesperrt."
    )

    assert result_titles(search("bruchsal", "Straßen Quittenallee")) == ["Quittenallee"]


def test_stemmed_match_is_highlighted(search):
    response = search("bruchsal", "anmelden", typ="contentpage")

    html = response.content.decode()
    assert "Die <mark>Anmeldung</mark> erfolgt zentral" in html
