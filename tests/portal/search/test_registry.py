"""Other apps plug their own kinds of result into the search through the registry."""

from __future__ import annotations

import importlib.machinery
import sys
import types
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils.html import format_html
from wagtail.documents import get_document_model

from portal.core.models import TownSettings
from portal.search import registry
from portal.search.pages import KEY as PAGES
from tests.portal.factories import ContentPageFactory

from .conftest import home, result_titles, soup_of

pytestmark = pytest.mark.django_db


def town_documents(site):
    """Documents of the town's media collection – a stand-in for services or events."""
    town = TownSettings.objects.filter(site=site).first()
    return get_document_model().objects.filter(collection=town.collection if town else None)


def render_document(document, context: registry.RenderContext) -> str:
    return format_html(
        '<p class="search-result__kind">{}</p><h2><a href="{}">{}</a></h2>',
        context.kind.label,
        document.url,
        document.title,
    )


@pytest.fixture
def documents_type():
    searchable = registry.register(
        registry.SearchableType(
            key="dokumente",
            label="Dokumente",
            queryset=town_documents,
            render=render_document,
            order=50,
        )
    )
    yield searchable
    registry.unregister("dokumente")


def add_document(slug: str, title: str):
    town = TownSettings.objects.get(slug=slug)
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"Rezept", name="rezept.txt"), collection=town.collection
    )


def test_pages_are_registered_first():
    assert registry.types()[0].key == PAGES
    assert str(registry.get(PAGES).label) == "Seiten"


def test_registered_type_is_searched_rendered_and_offered_as_filter(search, documents_type):
    add_document("bruchsal", "Zwiebelkuchen Rezeptheft")
    add_document("rastatt", "Zwiebelkuchen Rezepte aus Rastatt")
    search_page_title = "Zwiebelkuchen backen"
    ContentPageFactory(parent=home("bruchsal").get_children().first(), title=search_page_title)

    response = search("bruchsal", "Zwiebelkuchen")

    assert result_titles(response) == [search_page_title, "Zwiebelkuchen Rezeptheft"]
    soup = soup_of(response)
    filters = [a.get_text(" ", strip=True) for a in soup.select("nav.search-filter a")]
    assert "Dokumente (1)" in filters and "Inhaltsseite (1)" in filters
    only_documents = search("bruchsal", "Zwiebelkuchen", typ="dokumente")
    assert result_titles(only_documents) == ["Zwiebelkuchen Rezeptheft"]


def test_unregistered_type_is_no_longer_searched(search, documents_type):
    add_document("bruchsal", "Zwiebelkuchen Rezeptheft")
    registry.unregister("dokumente")

    assert result_titles(search("bruchsal", "Zwiebelkuchen")) == []
    assert registry.get("dokumente") is None


def test_apps_describe_their_types_in_a_search_types_module(search, monkeypatch):
    """How a domain app (which must not import portal) plugs in."""
    module = types.ModuleType("leistungen_app.search_types")
    module.__spec__ = importlib.machinery.ModuleSpec(module.__name__, None)
    module.SEARCHABLE_TYPES = [
        {
            "key": "dokumente",
            "label": "Dokumente",
            "queryset": town_documents,
            "render": render_document,
        }
    ]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    add_document("bruchsal", "Zwiebelkuchen Rezeptheft")
    try:
        with monkeypatch.context() as patch:
            patch.setattr(
                registry.apps, "get_app_configs", lambda: [SimpleNamespace(name="leistungen_app")]
            )
            found = registry.discover()

        assert [t.key for t in found] == ["dokumente"]
        assert result_titles(search("bruchsal", "Zwiebelkuchen")) == ["Zwiebelkuchen Rezeptheft"]
    finally:
        registry.unregister("dokumente")
