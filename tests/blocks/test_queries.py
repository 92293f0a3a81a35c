"""Rendering a page costs one query per model in its stream – never one per block or
list item. (The absolute figure is reported by the benchmark, bench/README.md.)"""

from __future__ import annotations

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.core.models import TownSettings
from portal.pages.models import ContentPage
from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db
LISTS = {"gallery": "images", "teasers": "cards", "downloads": "items", "accordion": "entries"}


def queries_for(client, url) -> int:
    client.get(url)  # warm the per-site caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_more_blocks_and_list_items_cost_no_extra_queries(site_client):
    town = TownSettings.objects.get(slug="bruchsal")
    showcase = ContentPage.objects.get(
        slug="auf-einen-blick", path__startswith=town.site.root_page.path
    )
    raw = list(showcase.body.raw_data)
    bigger = []
    for block in raw:
        block = copy.deepcopy(dict(block))
        key = LISTS.get(block["type"])
        if key:
            block["value"][key] = block["value"][key] * 3
        bigger.append(block)
    bigger += copy.deepcopy(bigger)  # every block twice
    home = town.site.root_page
    ContentPageFactory(parent=home, slug="normal", body=raw)
    ContentPageFactory(parent=home, slug="gross", body=bigger)
    client = site_client("bruchsal")

    assert queries_for(client, "/gross/") == queries_for(client, "/normal/")


def test_menu_follows_publishing_at_once(site_client):
    client = site_client("rastatt")
    client.get("/")
    home = TownSettings.objects.get(slug="rastatt").site.root_page
    page = ContentPageFactory(parent=home, slug="aktuelles", title="Aktuelles", show_in_menus=True)
    page.save_revision().publish()

    assert "Aktuelles" in client.get("/").content.decode()
    page.unpublish()
    assert "Aktuelles" not in client.get("/").content.decode()
