"""/api/v2/pages/: each town's address serves its own pages, blocks as typed JSON."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from tests.conftest import TOWN_SLUGS
from tests.portal.api.conftest import all_items, get_json, town, town_page_ids
from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

SHOWCASE = "/rathaus-service/auf-einen-blick/"


def showcase(client) -> dict:
    response = client.get("/api/v2/pages/find/", {"html_path": SHOWCASE})
    assert response.status_code == 302
    return client.get(response["Location"]).json()


def test_two_towns_list_their_own_pages_and_never_the_others(site_client):
    bruchsal = {item["id"] for item in all_items(site_client("bruchsal"), "/pages/")}
    rastatt = {item["id"] for item in all_items(site_client("rastatt"), "/pages/")}

    assert bruchsal == town_page_ids("bruchsal")
    assert rastatt == town_page_ids("rastatt")
    assert not bruchsal & rastatt


def test_listing_items_carry_their_town_address(site_client):
    items = all_items(site_client("bruchsal"), "/pages/")

    assert {item["meta"]["type"] for item in items} >= {"pages.HomePage", "pages.ContentPage"}
    for item in items:
        assert item["meta"]["detail_url"].startswith("http://bruchsal.localhost:8000/api/v2/")
        assert item["meta"]["html_url"].startswith("http://bruchsal.localhost:8000/")


@pytest.mark.parametrize("path", ["/pages/{id}/", "/pages/find/?id={id}"])
def test_another_towns_page_is_not_found(site_client, path):
    rastatt_page = Page.objects.get(id=max(town_page_ids("rastatt")))
    url = "/api/v2" + path.format(id=rastatt_page.id)

    response = site_client("bruchsal").get(url)

    assert response.status_code == 404
    assert response.json() == {"message": "not found"}
    assert site_client("rastatt").get(url, follow=True).status_code == 200


def test_find_by_path_stays_on_the_towns_own_site(site_client):
    bruchsal, rastatt = showcase(site_client("bruchsal")), showcase(site_client("rastatt"))

    assert bruchsal["id"] in town_page_ids("bruchsal")
    assert rastatt["id"] in town_page_ids("rastatt")
    assert "Bruchsal" in bruchsal["intro"] and "Rastatt" in rastatt["intro"]


def test_showcase_body_comes_back_as_typed_blocks(site_client):
    page = showcase(site_client("bruchsal"))

    assert page["meta"]["type"] == "pages.ContentPage"
    assert page["meta"]["parent"]["title"] == "Rathaus & Service"
    types = [block["type"] for block in page["body"]]
    assert set(types) >= {
        "heading",
        "paragraph",
        "image",
        "gallery",
        "notice",
        "quote",
        "teasers",
        "call_to_action",
        "accordion",
        "contact",
        "opening_hours",
        "downloads",
        "table",
        "video",
        "map",
        "address",
        "table_of_contents",
        "reusable",
    }
    assert all(block["id"] for block in page["body"])
    heading = next(block["value"] for block in page["body"] if block["type"] == "heading")
    assert set(heading) == {"text", "level", "anchor"} and heading["level"] in {"h2", "h3"}
    paragraph = next(block["value"] for block in page["body"] if block["type"] == "paragraph")
    assert paragraph.startswith("<p>") and "linktype=" not in paragraph


def test_images_in_blocks_are_the_towns_own(site_client):
    client = site_client("bruchsal")
    page = showcase(client)

    image = next(block["value"] for block in page["body"] if block["type"] == "image")
    detail = get_json(client, f"/images/{image['image']}/")
    assert detail["title"].endswith("Bruchsal")
    assert image["alt_text"]


def test_region_address_serves_the_regional_site_by_default(site_client):
    region = {item["id"] for item in all_items(site_client(None), "/pages/")}

    assert region == town_page_ids("region")
    for address in ["127.0.0.1:8000", "testserver", "nowhere.localhost:8000"]:
        client = site_client(None)
        client.defaults["HTTP_HOST"] = address
        assert {item["id"] for item in all_items(client, "/pages/")} == region


def test_region_address_lists_every_town_with_site_all(site_client):
    everything = {item["id"] for item in all_items(site_client(None), "/pages/", site="all")}

    for slug in ["region", *TOWN_SLUGS]:
        assert town_page_ids(slug) <= everything


def test_region_address_lists_one_town_with_its_slug(site_client):
    items = all_items(site_client(None), "/pages/", site="rastatt")

    assert {item["id"] for item in items} == town_page_ids("rastatt")
    assert all(item["meta"]["html_url"].startswith("http://rastatt.") for item in items)


def test_region_address_finds_a_towns_page_only_with_site(site_client):
    page_id = showcase(site_client("rastatt"))["id"]
    client = site_client(None)

    assert get_json(client, f"/pages/{page_id}/", status=404) == {"message": "not found"}
    assert get_json(client, f"/pages/{page_id}/", site="rastatt")["id"] == page_id
    assert get_json(client, f"/pages/{page_id}/", site="all")["id"] == page_id
    get_json(client, f"/pages/{page_id}/", status=404, site="bruchsal")
    found = client.get("/api/v2/pages/find/", {"html_path": SHOWCASE, "site": "rastatt"})
    assert found.status_code == 302 and f"/pages/{page_id}/" in found["Location"]


def test_town_address_accepts_only_its_own_slug_as_site(site_client):
    client = site_client("bruchsal")

    assert get_json(client, "/pages/", site="bruchsal")["meta"]["total_count"] == len(
        town_page_ids("bruchsal")
    )
    message = get_json(client, "/pages/", status=400, site="rastatt")["message"]
    assert "Bruchsal" in message and "regional" in message
    get_json(client, "/pages/", status=400, site="all")


def test_type_filter_narrows_to_one_page_type_with_its_fields(site_client):
    items = all_items(site_client("bruchsal"), "/pages/", type="pages.ContentPage", fields="intro")

    assert items and {item["meta"]["type"] for item in items} == {"pages.ContentPage"}
    assert all("intro" in item for item in items)
    legal = get_json(site_client("bruchsal"), "/pages/", type="pages.LegalPage")
    assert {item["meta"]["slug"] for item in legal["items"]} == {"impressum", "datenschutz"}


def test_tree_slug_and_search_filters_stay_in_the_town(site_client):
    client = site_client("bruchsal")
    home = town("bruchsal").site.root_page

    children = get_json(client, "/pages/", child_of=home.id)["items"]
    assert {"rathaus-service", "impressum"} <= {item["meta"]["slug"] for item in children}
    assert get_json(client, "/pages/", child_of="root")["items"] == children
    by_slug = get_json(client, "/pages/", slug="auf-einen-blick")["items"]
    assert [item["id"] for item in by_slug] == [showcase(client)["id"]]
    found = get_json(client, "/pages/", search="Bürgerservice")["items"]
    assert found and {item["id"] for item in found} <= town_page_ids("bruchsal")
    rastatt_home = town("rastatt").site.root_page
    get_json(client, "/pages/", status=400, child_of=rastatt_home.id)


def test_locale_filter_lists_one_language_of_the_town(site_client):
    english = Locale.objects.get(language_code="en")
    home = town("bruchsal").site.root_page.specific
    if home.get_translation_or_none(english) is None:
        home.copy_for_translation(english).save_revision().publish()
    client = site_client("bruchsal")

    items = all_items(client, "/pages/", locale="en")
    assert items and {item["meta"]["locale"] for item in items} == {"en"}
    assert {item["id"] for item in items} <= town_page_ids("bruchsal")
    german = all_items(client, "/pages/", locale="de")
    assert {item["meta"]["locale"] for item in german} == {"de"}
    assert not {item["id"] for item in items} & {item["id"] for item in german}
    for item in get_json(client, "/pages/", locale="fr")["items"]:  # a language, maybe empty
        assert item["meta"]["locale"] == "fr"


def test_unpublished_and_restricted_pages_stay_hidden(site_client):
    section = Page.objects.get(id=showcase(site_client("bruchsal"))["meta"]["parent"]["id"])
    draft = ContentPageFactory(parent=section, live=False)
    secret = ContentPageFactory(parent=section)
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    client = site_client("bruchsal")

    ids = {item["id"] for item in all_items(client, "/pages/")}
    assert draft.id not in ids and secret.id not in ids
    get_json(client, f"/pages/{secret.id}/", status=404)


def test_limit_is_capped_at_fifty(site_client):
    client = site_client(None)

    assert len(get_json(client, "/pages/", site="all", limit=50)["items"]) == 50
    assert "50" in get_json(client, "/pages/", status=400, site="all", limit=51)["message"]


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"type": "pages.NoSuchPage"}, "type"),
        ({"type": "wagtailimages.Image"}, "type"),
        ({"type": "nonsense"}, "type"),
        ({"locale": "xx"}, "locale"),
        ({"locale": "de\x00"}, "locale"),
        ({"limit": "abc"}, "limit"),
        ({"limit": "100000000000000000000000"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"id": "abc"}, "id"),
        ({"child_of": "abc"}, "child_of"),
        ({"descendant_of": "-4"}, "descendant_of"),
        ({"order": "nonsense"}, "order"),
        ({"order": "body"}, "order"),
        ({"fields": "nonsense"}, "fields"),
        ({"fields": "body"}, "body"),
        ({"fields": "title("}, "fields"),
        ({"show_in_menus": "perhaps"}, "show_in_menus"),
        ({"first_published_at": "yesterday"}, "yesterday"),
        ({"title": "a\x00b"}, "null"),
        ({"rich_text_format": "rtf"}, "rtf"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_input_answers_400_with_a_message(site_client, params, words):
    message = get_json(site_client("bruchsal"), "/pages/", status=400, **params)["message"]

    assert words in message


@pytest.mark.parametrize(
    "site",
    ["nowhere", "bruchsal.localhost", "BRUCHSAL", "ä" * 100],
)
def test_unknown_site_on_region_answers_400_naming_the_slugs(site_client, site):
    message = get_json(site_client(None), "/pages/", status=400, site=site)["message"]

    assert "unknown site" in message and "rastatt" in message and "all" in message


@pytest.mark.parametrize("pk", ["abc", "-1", "1.5", "%00"])
def test_non_numeric_id_answers_400(site_client, pk):
    response = site_client("bruchsal").get(f"/api/v2/pages/{pk}/")

    assert response.status_code == 400
    assert "id must be a positive integer" in response.json()["message"]


@pytest.mark.parametrize("pk", ["99999999999999999999999", "2147483648", "0"])
def test_id_beyond_any_page_answers_404(site_client, pk):
    assert site_client("bruchsal").get(f"/api/v2/pages/{pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"id": "99999999999999999999999"},
        {"child_of": "99999999999999999999999"},
        {"search": "\x00"},
        {"search": '"Rathaus'},
        {"search": "Rathaus AND OR NOT"},
        {"search": "NEAR(* -"},
        {"search": "'); DROP TABLE wagtailcore_page; --"},
        {"search": "a" * 5000},
        {"search": "Rathaus", "search_operator": "xor"},
        {"search": "Rathaus", "order": "title"},
        {"html_path": "\x00"},
        {"order": "random", "offset": "1"},
        {"translation_of": "abc"},
        {"ancestor_of": "root"},
        {"alias_of": "abc"},
    ],
)
def test_odd_input_never_answers_500(site_client, query):
    for path in ["/api/v2/pages/", "/api/v2/pages/find/"]:
        response = site_client("bruchsal").get(path, query)
        assert response.status_code in {200, 302, 400, 404}, (path, response.content[:300])
        if response.status_code in {400, 404}:
            assert response.json()["message"]


def test_unknown_api_path_answers_json_404(site_client):
    response = site_client("bruchsal").get("/api/v2/nothing/here/")

    assert response.status_code == 404
    assert "openapi.json" in response.json()["message"]


def test_other_methods_answer_405_json(site_client):
    response = site_client("bruchsal").post("/api/v2/pages/")

    assert response.status_code == 405
    assert "POST" in response.json()["message"]
