"""Elasticsearch (no server here): the index mappings of Akte and Dokument and the query
bodies the E-Akte search would send, built by Wagtail's own elasticsearch9 classes – the
access restrictions must arrive in Elasticsearch as filters."""

from __future__ import annotations

from unittest import mock

import pytest
from modelsearch.backends import import_backend

from backoffice.efiles import access
from backoffice.efiles import search as records_search
from backoffice.efiles.models import Akte, Confidentiality, Dokument
from portal.search import conf
from tests.efiles.factories import akte, clerk, dokument, unit_in

ES_URL = "http://search.example:9200"


def elasticsearch_backend():
    params = conf.search_backends(
        database_engine="django.db.backends.postgresql",
        elasticsearch_url=ES_URL,
        index_prefix="redi-test",
    )["default"]
    backend_class = import_backend(params.pop("BACKEND"))
    return backend_class(params)  # the client connects on first use only


def properties(model) -> dict:
    return elasticsearch_backend().mapping_class(model).get_mapping()["properties"]


def test_each_model_has_its_own_prefixed_index():
    backend = elasticsearch_backend()

    assert type(backend).__module__ == "modelsearch.backends.elasticsearch9"
    assert backend.get_index_for_model(Akte).name == "redi-test-efiles_akte"
    assert backend.get_index_for_model(Dokument).name == "redi-test-efiles_dokument"


def test_akte_mapping_text_and_filter_fields():
    mapping = properties(Akte)

    # searched text, analysed by the index's default (German) analyzer, boosted
    for name in ("aktenzeichen", "title", "description"):
        assert mapping[name]["type"] == "text"
        assert "analyzer" not in mapping[name]
    assert mapping["aktenzeichen"]["copy_to"] == ["_all_text", "_all_text_boost_5_0"]
    assert mapping["title"]["copy_to"] == ["_all_text", "_all_text_boost_3_0"]
    assert mapping["aktenzeichen_edgengrams"]["analyzer"] == "edgengram_analyzer"
    # what access restricts by
    assert mapping["site_id_filter"] == {"type": "integer"}
    assert mapping["org_unit_id_filter"] == {"type": "long"}
    assert mapping["confidentiality_filter"] == {"type": "integer"}
    assert mapping["status_filter"] == {"type": "keyword"}


def test_dokument_mapping_has_full_text_metadata_and_its_file():
    mapping = properties(Dokument)

    for name in ("title", "sender", "recipient", "text"):
        assert mapping[name]["type"] == "text", name
        assert "_all_text" in mapping[name]["copy_to"]
    assert mapping["akte"]["type"] == "nested"
    assert set(mapping["akte"]["properties"]) == {"aktenzeichen", "title"}
    assert mapping["akte_id_filter"] == {"type": "long"}
    assert mapping["confidentiality_filter"] == {"type": "integer"}
    assert mapping["document_type_filter"] == {"type": "keyword"}


def test_indexed_document_carries_text_and_filter_values():
    record = Akte(pk=7, site_id=3, org_unit_id=11, aktenzeichen="020.1/0007/2026", title="Bau")
    doc = Dokument(
        pk=5, akte=record, title="Gutachten", sender="Grünflächenamt", text="Baumschnitt", akte_id=7
    )
    doc.confidentiality = Confidentiality.VS_NFD

    document = elasticsearch_backend().mapping_class(Dokument).get_document(doc)

    assert document["text"] == "Baumschnitt"
    assert document["sender"] == "Grünflächenamt"
    assert document["akte_id_filter"] == 7
    assert document["confidentiality_filter"] == Confidentiality.VS_NFD
    assert document["akte"] == {"aktenzeichen": "020.1/0007/2026", "title": "Bau"}


def _filters(results) -> str:
    return str(results.query_compiler.get_query()["bool"]["filter"])


@pytest.mark.django_db
def test_akten_query_is_restricted_to_units_clearance_and_town():
    unit = unit_in("bruchsal")
    user = clerk(unit, clearance=Confidentiality.VS_NFD)
    backend = elasticsearch_backend()
    queryset = access.akten_for(user).for_sites({unit.site_id})

    results = backend.search("Bauantrag Hauptstraße", queryset, operator="and")
    body = results.query_compiler.get_query()

    assert body["bool"]["must"]["multi_match"]["query"] == "Bauantrag Hauptstraße"
    assert body["bool"]["must"]["multi_match"]["operator"] == "and"
    filters = _filters(results)
    assert "{'match': {'_django_content_type': 'efiles.Akte'}}" in filters
    assert "{'range': {'confidentiality_filter': {'lte': 1}}}" in filters
    assert f"{{'terms': {{'org_unit_id_filter': [{unit.pk}]}}}}" in filters
    assert f"{{'terms': {{'site_id_filter': [{unit.site_id}]}}}}" in filters


@pytest.mark.django_db
def test_dokumente_query_is_restricted_to_visible_files_and_clearance():
    unit = unit_in("bruchsal")
    other = unit_in("bruchsal")
    user = clerk(unit)
    own = akte(unit)
    secret = akte(unit, confidentiality=Confidentiality.CONFIDENTIAL)
    foreign = akte(other)

    results = elasticsearch_backend().search(
        "Baumschnitt", access.dokumente_for(user), operator="and"
    )

    filters = _filters(results)
    assert "{'match': {'_django_content_type': 'efiles.Dokument'}}" in filters
    assert "{'range': {'confidentiality_filter': {'lte': 0}}}" in filters
    assert f"{{'terms': {{'akte_id_filter': [{own.pk}]}}}}" in filters
    assert str(secret.pk) not in filters.replace(f"[{own.pk}]", "")
    assert str(foreign.pk) not in filters.replace(f"[{own.pk}]", "")


@pytest.mark.django_db
def test_records_search_runs_on_elasticsearch(django_capture_on_commit_callbacks):
    """``search.search`` with the Elasticsearch backend: the hits Elasticsearch names are
    loaded from the database – still only among what the user may see."""
    unit = unit_in("bruchsal")
    user = clerk(unit)
    record = akte(unit, title="Baumkataster")
    doc = dokument(record, title="Gutachten")
    outsider = dokument(akte(unit_in("rastatt")), title="Gutachten Rastatt")
    backend = elasticsearch_backend()
    sent = []

    def fake_search(**kwargs):
        sent.append(kwargs)
        index = kwargs["index"]
        pks = [record.pk] if index.endswith("akte") else [doc.pk, outsider.pk]
        return {"hits": {"hits": [{"fields": {"pk": [str(pk)]}, "_score": 1} for pk in pks]}}

    with (
        mock.patch.object(records_search, "get_search_backend", return_value=backend),
        mock.patch.object(backend.es, "search", side_effect=fake_search),
    ):
        hits = records_search.search(user, "Gutachten Baumkataster")

    assert [hit.obj for hit in hits] == [record, doc]
    assert {call["index"] for call in sent} == {
        "redi-test-efiles_akte",
        "redi-test-efiles_dokument",
    }
    assert all(call["query"]["bool"]["must"]["multi_match"]["query"] for call in sent)
