"""/api/v2/documents/: a town's address lists the documents of its media collection only."""

from __future__ import annotations

import pytest
import wagtail_factories
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.portal.api.conftest import all_items, get_json, town

pytestmark = pytest.mark.django_db
Document = get_document_model()


def collection_document_ids(slug: str) -> set[int]:
    collection = town(slug).collection
    members = Document.objects.filter(collection__path__startswith=collection.path)
    return set(members.values_list("id", flat=True))


def test_two_towns_list_their_own_documents_and_never_the_others(site_client):
    bruchsal = get_json(site_client("bruchsal"), "/documents/")["items"]
    rastatt = get_json(site_client("rastatt"), "/documents/")["items"]

    assert {item["title"] for item in bruchsal} == {
        "Antrag Anwohnerparkausweis Bruchsal",
        "Gebührenverzeichnis Bruchsal",
    }
    assert {item["id"] for item in bruchsal} == collection_document_ids("bruchsal")
    assert {item["id"] for item in rastatt} == collection_document_ids("rastatt")
    assert all(item["meta"]["download_url"].endswith(".pdf") for item in bruchsal)


def test_detail_of_another_towns_document_is_not_found(site_client):
    document_id = min(collection_document_ids("rastatt"))

    assert get_json(site_client("bruchsal"), f"/documents/{document_id}/", status=404)
    detail = get_json(site_client("rastatt"), f"/documents/{document_id}/")
    assert detail["title"].endswith("Rastatt")
    found = site_client("rastatt").get("/api/v2/documents/find/", {"id": document_id})
    assert found.status_code == 302 and found["Location"].endswith(f"/documents/{document_id}/?")


def test_downloads_block_points_at_the_towns_own_documents(site_client):
    client = site_client("bruchsal")
    page = client.get("/api/v2/pages/find/", {"html_path": "/rathaus-service/auf-einen-blick/"})
    body = client.get(page["Location"]).json()["body"]

    downloads = next(block["value"] for block in body if block["type"] == "downloads")
    for item in downloads["items"]:
        assert get_json(client, f"/documents/{item['document']}/")["title"] == item["title"]


def test_region_sees_its_collection_and_the_root_collection(site_client):
    shared = wagtail_factories.DocumentFactory(
        title="Satzung des Verbunds", collection=Collection.get_first_root_node()
    )
    regional = wagtail_factories.DocumentFactory(
        title="Jahresbericht", collection=town("region").collection
    )
    client = site_client(None)

    assert {item["id"] for item in all_items(client, "/documents/")} == {shared.id, regional.id}
    everything = {item["id"] for item in all_items(client, "/documents/", site="all")}
    assert everything == set(Document.objects.values_list("id", flat=True))
    bruchsal = {item["id"] for item in all_items(client, "/documents/", site="bruchsal")}
    assert bruchsal == collection_document_ids("bruchsal")
    get_json(site_client("bruchsal"), f"/documents/{shared.id}/", status=404)


def test_tag_title_and_search_filters(site_client):
    collection = town("bruchsal").collection
    form = wagtail_factories.DocumentFactory(title="Antrag Sondernutzung", collection=collection)
    form.tags.add("formular")
    client = site_client("bruchsal")

    tagged = get_json(client, "/documents/", tags="formular")["items"]
    assert [(item["title"], item["meta"]["tags"]) for item in tagged] == [
        ("Antrag Sondernutzung", ["formular"])
    ]
    titled = get_json(client, "/documents/", title="Gebührenverzeichnis Bruchsal")["items"]
    assert len(titled) == 1
    found = {item["title"] for item in get_json(client, "/documents/", search="Antrag")["items"]}
    assert "Antrag Anwohnerparkausweis Bruchsal" in found
    assert not any("Rastatt" in title for title in found)


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "1000"},
        {"limit": "-1"},
        {"id": "eins"},
        {"fields": "file_size("},
        {"locale": "de"},
        {"site": "nowhere"},
        {"tags": "formular", "search": "Antrag"},
    ],
)
def test_bad_input_answers_400_with_a_message(site_client, params):
    assert get_json(site_client("bruchsal"), "/documents/", status=400, **params)["message"]


@pytest.mark.parametrize("pk", ["abc", "-3", "1e3"])
def test_non_numeric_id_answers_400(site_client, pk):
    response = site_client("bruchsal").get(f"/api/v2/documents/{pk}/")

    assert response.status_code == 400
    assert pk in response.json()["message"]
