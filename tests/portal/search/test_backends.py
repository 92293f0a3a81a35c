"""The database backends behind the search: the same pages as Wagtail's own, and no
query text that breaks them (Wagtail's admin search passes what editors type)."""

from __future__ import annotations

import pytest
from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db

QUERIES = [
    "anmelden",
    "Bürgerbüro Öffnungszeiten",
    "die Anmeldung",
    "Kindertagespflege anmelden",
    "Rathaus",
    "der die das",
    "Xylophonorchester",
]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.parametrize("query", QUERIES)
def test_postgres_finds_the_same_pages_as_wagtails_own_backend(query):
    ours = get_search_backend()
    wagtails = PostgresSearchBackend({"SEARCH_CONFIG": "german"})
    pages = Page.objects.live()

    found = {page.pk for page in ours.search(query, pages, operator="and")}
    expected = {page.pk for page in wagtails.search(query, pages, operator="and")}

    assert type(ours).__name__ == "IndexedPostgresSearchBackend"
    assert found == expected
    assert [p.pk for p in ours.search(query, pages)[:5]] == [
        p.pk for p in wagtails.search(query, pages)[:5]
    ]


@pytest.mark.parametrize(
    "query", ['Bür"ger', "(Rathaus", "Rathaus*", "NOT Rathaus", "Bürger' OR 1=1 --", "a\\b"]
)
def test_raw_query_text_never_breaks_the_backend(query):
    list(Page.objects.live().search(query))
    list(Page.objects.live().autocomplete(query))
