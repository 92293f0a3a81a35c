"""/api/v2/images/: a town's address lists the images of its media collection only."""

from __future__ import annotations

import pytest
import wagtail_factories
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.portal.api.conftest import all_items, get_json, town

pytestmark = pytest.mark.django_db
Image = get_image_model()


def collection_image_ids(slug: str) -> set[int]:
    collection = town(slug).collection
    members = Image.objects.filter(collection__path__startswith=collection.path)
    return set(members.values_list("id", flat=True))


def test_two_towns_list_their_own_images_and_never_the_others(site_client):
    bruchsal = {item["id"] for item in all_items(site_client("bruchsal"), "/images/")}
    rastatt = {item["id"] for item in all_items(site_client("rastatt"), "/images/")}

    assert bruchsal and bruchsal == collection_image_ids("bruchsal")
    assert rastatt and rastatt == collection_image_ids("rastatt")
    assert not bruchsal & rastatt


def test_listing_gives_title_and_download_url(site_client):
    items = get_json(site_client("bruchsal"), "/images/")["items"]

    assert {item["title"] for item in items} >= {"Rathaus Bruchsal", "Stadtpark Bruchsal"}
    for item in items:
        assert item["meta"]["type"] == "wagtailimages.Image"
        assert item["meta"]["download_url"]


def test_detail_of_another_towns_image_is_not_found(site_client):
    image_id = min(collection_image_ids("rastatt"))

    assert get_json(site_client("bruchsal"), f"/images/{image_id}/", status=404)
    detail = get_json(site_client("rastatt"), f"/images/{image_id}/")
    assert detail["width"] > 0 and detail["height"] > 0
    response = site_client("bruchsal").get("/api/v2/images/find/", {"id": image_id})
    assert response.status_code == 404


def test_images_in_a_towns_subcollection_belong_to_the_town(site_client):
    press = town("bruchsal").collection.add_child(name="Pressebilder Bruchsal")
    image = wagtail_factories.ImageFactory(title="Pressefoto", collection=press)

    assert image.id in {item["id"] for item in all_items(site_client("bruchsal"), "/images/")}
    get_json(site_client("rastatt"), f"/images/{image.id}/", status=404)


def test_region_sees_its_collection_and_the_root_collection(site_client):
    shared = wagtail_factories.ImageFactory(
        title="Gemeinsames Logo", collection=Collection.get_first_root_node()
    )
    regional = wagtail_factories.ImageFactory(
        title="Karte der Region", collection=town("region").collection
    )

    region = {item["id"] for item in all_items(site_client(None), "/images/")}
    assert region == {shared.id, regional.id}
    assert shared.id not in {item["id"] for item in all_items(site_client("bruchsal"), "/images/")}


def test_region_lists_every_town_with_site_all_or_one_with_its_slug(site_client):
    client = site_client(None)

    everything = {item["id"] for item in all_items(client, "/images/", site="all")}
    assert everything == set(Image.objects.values_list("id", flat=True))
    rastatt = {item["id"] for item in all_items(client, "/images/", site="rastatt")}
    assert rastatt == collection_image_ids("rastatt")
    assert get_json(site_client("bruchsal"), "/images/", status=400, site="all")["message"]


def test_filters_and_search(site_client):
    client = site_client("bruchsal")

    by_title = get_json(client, "/images/", title="Rathaus Bruchsal")["items"]
    assert [item["title"] for item in by_title] == ["Rathaus Bruchsal"]
    ordered = get_json(client, "/images/", order="-title", fields="width,height")["items"]
    assert [item["title"] for item in ordered] == sorted(
        (item["title"] for item in ordered), reverse=True
    )
    assert all(item["width"] == 1200 for item in ordered)
    found = get_json(client, "/images/", search="Stadtpark")["items"]
    assert [item["title"] for item in found] == ["Stadtpark Bruchsal"]


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "51"},
        {"offset": "x"},
        {"width": "wide"},
        {"fields": "file"},
        {"order": "file"},
        {"type": "pages.ContentPage"},
        {"site": "bruchsal\x00"},
        {"search": "Park", "search_operator": "xor"},
    ],
)
def test_bad_input_answers_400_with_a_message(site_client, params):
    assert get_json(site_client("bruchsal"), "/images/", status=400, **params)["message"]


def test_non_numeric_id_answers_400(site_client):
    response = site_client("bruchsal").get("/api/v2/images/rathaus/")

    assert response.status_code == 400
    assert "positive integer" in response.json()["message"]
    assert site_client("bruchsal").get("/api/v2/images/find/?id=x").status_code == 400
