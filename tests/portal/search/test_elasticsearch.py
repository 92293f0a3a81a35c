"""Elasticsearch (no server here): the German analyzer in the index settings and the
query bodies Wagtail's elasticsearch9 backend would send, built by its own classes."""

from __future__ import annotations

import pytest
from modelsearch.backends import import_backend
from wagtail.models import Page

from portal.pages.models import ContentPage
from portal.search import conf, engine, scope
from tests.utils import printed

from .conftest import site

ES_URL = "http://search.example:9200"


def elasticsearch_backend():
    params = conf.search_backends(
        database_engine="django.db.backends.postgresql",
        elasticsearch_url=ES_URL,
        index_prefix="redi-test",
    )["default"]
    backend_class = import_backend(params.pop("BACKEND"))
    return backend_class(params)  # the client connects on first use only


def test_backend_is_wagtails_elasticsearch9_with_prefixed_indexes():
    backend = elasticsearch_backend()

    assert type(backend).__module__ == "modelsearch.backends.elasticsearch9"
    assert backend.get_index_for_model(ContentPage).name == "redi-test-wagtailcore_page"


def test_index_settings_carry_the_german_analyzer():
    analysis = elasticsearch_backend().settings["settings"]["analysis"]

    assert analysis["analyzer"]["default"] == {"type": "german"}
    # Wagtail's own analyzers for autocomplete stay
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_text_fields_of_the_mapping_use_the_default_german_analyzer():
    backend = elasticsearch_backend()
    properties = backend.mapping_class(ContentPage).get_mapping()["properties"]

    text_fields = {name: m for name, m in properties.items() if m["type"] == "text"}
    assert {"title", "pages_contentpage__intro", "pages_contentpage__body", "_all_text"} <= set(
        text_fields
    )
    analysed_by_default = [
        name for name, mapping in text_fields.items() if "analyzer" not in mapping
    ]
    assert "pages_contentpage__body" in analysed_by_default
    assert "_all_text" in analysed_by_default
    assert properties["title"]["copy_to"] == ["_all_text", "_all_text_boost_2_0"]
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["path_filter"] == {"type": "keyword"}


@pytest.mark.django_db
def test_search_query_targets_all_text_within_the_town_and_region():
    backend = elasticsearch_backend()
    bruchsal = site("bruchsal")
    town_root = bruchsal.root_page.path
    (region_root,) = [path for path in scope.root_paths(bruchsal) if path != town_root]

    results = engine.results(scope.pages(bruchsal), "Anmeldung Hund", backend=backend)
    body = results.query_compiler.get_query()

    assert body["bool"]["must"] == {
        "multi_match": {
            "query": "Anmeldung Hund",
            "operator": "and",
            # titles count twice, the synonyms of services three times
            "fields": ["_all_text", "_all_text_boost_2_0^2.0", "_all_text_boost_3_0^3.0"],
        }
    }
    filters = str(body["bool"]["filter"])
    assert "{'match': {'_django_content_type': 'wagtailcore.Page'}}" in filters
    assert f"{{'prefix': {{'path_filter': '{town_root}'}}}}" in filters
    assert f"{{'prefix': {{'path_filter': '{region_root}'}}}}" in filters
    assert "{'term': {'live_filter': True}}" in filters
    rastatt_root = site("rastatt").root_page.path
    assert rastatt_root not in filters


@pytest.mark.django_db
def test_autocomplete_query_targets_the_edgengram_field():
    backend = elasticsearch_backend()

    results = backend.autocomplete("Bürg", Page.objects.live())
    body = results.query_compiler.get_query()

    assert body["bool"]["must"] == {"match": {"_edgengrams": {"query": "Bürg"}}}


def test_settings_choose_elasticsearch_when_elasticsearch_url_is_set():
    code = (
        "from wagtail.search.backends import get_search_backend as g; b = g(); "
        "print(type(b).__module__, b.index_prefix, "
        "b.settings['settings']['analysis']['analyzer']['default']['type'])"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "ELASTICSEARCH_URL": ES_URL,
        "SEARCH_INDEX_PREFIX": "redi-staging",
    }

    last_line = printed(code, env, drop=["DATABASE_URL"])
    assert last_line.split() == ["modelsearch.backends.elasticsearch9", "redi-staging-", "german"]
