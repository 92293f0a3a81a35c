"""An editor of one town edits and sees only that town in the admin (wagtail#4288, #1700);
the regional editors edit everything."""

from __future__ import annotations

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page

from portal.core.models import TownSettings
from portal.core.permissions import towns_for_user

pytestmark = pytest.mark.django_db


def login(username: str) -> Client:
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(get_user_model().objects.get(username=username))
    return client


def town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site__root_page").get(slug=slug)


def page_ids(html: bytes) -> set[int]:
    soup = BeautifulSoup(html, "html.parser")
    ids = set()
    for link in soup.select("a[href*='/admin/pages/']"):
        parts = [p for p in link["href"].split("/") if p.isdigit()]
        if parts:
            ids.add(int(parts[0]))
    return ids


def tree_ids(slug: str) -> set[int]:
    root = town(slug).site.root_page
    return set(Page.objects.descendant_of(root, inclusive=True).values_list("pk", flat=True))


def test_town_editor_cannot_open_another_towns_page_for_editing():
    client = login("redaktion.bruchsal")
    rastatt_page = Page.objects.descendant_of(town("rastatt").site.root_page).first()

    response = client.get(f"/admin/pages/{rastatt_page.pk}/edit/")
    assert response.status_code == 404
    response = client.post(f"/admin/pages/{rastatt_page.pk}/edit/", {"title": "Übernommen"})
    assert response.status_code == 404
    rastatt_page.refresh_from_db()
    assert rastatt_page.title != "Übernommen"
    assert client.get(f"/admin/pages/{rastatt_page.pk}/delete/").status_code == 404


def test_town_editor_can_edit_own_towns_page():
    client = login("redaktion.bruchsal")
    own = Page.objects.descendant_of(town("bruchsal").site.root_page).first()

    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_explorer_starts_at_own_town_and_never_lists_another():
    client = login("redaktion.bruchsal")
    bruchsal = town("bruchsal").site.root_page

    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/admin/pages/{bruchsal.pk}/")
    rastatt_home = town("rastatt").site.root_page
    assert client.get(f"/admin/pages/{rastatt_home.pk}/").status_code == 404

    listing = client.get(f"/admin/pages/{bruchsal.pk}/")
    assert listing.status_code == 200
    shown = page_ids(listing.content)
    assert shown & tree_ids("bruchsal")
    assert not shown & tree_ids("rastatt")


def test_admin_page_search_finds_only_own_towns_pages():
    client = login("redaktion.bruchsal")

    response = client.get("/admin/pages/search/", {"q": "Bürgerbüro"})
    assert response.status_code == 200
    shown = page_ids(response.content)
    assert shown & tree_ids("bruchsal")
    for other in ("rastatt", "ettlingen", "region"):
        assert not shown & tree_ids(other)


def test_page_chooser_offers_only_own_town_and_the_regional_site():
    client = login("redaktion.bruchsal")

    response = client.get("/admin/choose-page/")
    assert response.status_code == 200
    html = response.json()["html"]
    assert "Bruchsal" in html
    assert "Rastatt" not in html
    rastatt_home = town("rastatt").site.root_page
    assert client.get(f"/admin/choose-page/{rastatt_home.pk}/").status_code == 404
    region_home = town("region").site.root_page
    assert client.get(f"/admin/choose-page/{region_home.pk}/").status_code == 200
    search = client.get("/admin/choose-page/search/", {"q": "Impressum"})
    soup = BeautifulSoup(search.content, "html.parser")
    chosen = {int(a["data-id"]) for a in soup.select("a[data-id]")}
    assert chosen
    assert chosen <= tree_ids("bruchsal") | tree_ids("region")


def test_sidebar_explorer_api_lists_only_own_town():
    client = login("redaktion.bruchsal")
    bruchsal = town("bruchsal").site.root_page

    response = client.get("/admin/api/main/pages/", {"child_of": bruchsal.pk, "for_explorer": 1})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert ids
    assert ids <= tree_ids("bruchsal")


def test_images_and_documents_of_another_town_are_invisible():
    bruchsal_image = wagtail_factories.ImageFactory(
        title="Schloss Bruchsal", collection=town("bruchsal").collection
    )
    rastatt_image = wagtail_factories.ImageFactory(
        title="Residenz Rastatt", collection=town("rastatt").collection
    )
    rastatt_doc = Document.objects.create(
        title="Satzung Rastatt", collection=town("rastatt").collection
    )
    client = login("redaktion.bruchsal")

    listing = client.get("/admin/images/").content.decode()
    assert "Schloss Bruchsal" in listing
    assert "Residenz Rastatt" not in listing
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert "Schloss Bruchsal" in chooser
    assert "Residenz Rastatt" not in chooser
    assert client.get(f"/admin/images/{rastatt_image.pk}/").status_code == 404
    assert client.get(f"/admin/images/{bruchsal_image.pk}/").status_code == 200
    assert "Satzung Rastatt" not in client.get("/admin/documents/").content.decode()
    assert "Satzung Rastatt" not in client.get("/admin/documents/chooser/").json()["html"]
    assert client.get(f"/admin/documents/edit/{rastatt_doc.pk}/").status_code == 404


def test_regional_editor_edits_every_town():
    client = login("redaktion.region")

    for slug in ("rastatt", "bruchsal", "region"):
        page = Page.objects.descendant_of(town(slug).site.root_page).first()
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    response = client.get("/admin/choose-page/")
    assert "Rastatt" in response.json()["html"]
    assert towns_for_user(get_user_model().objects.get(username="redaktion.region")).count() == 10


def test_each_town_editor_holds_exactly_their_town():
    for settings in TownSettings.objects.filter(is_region=False):
        user = get_user_model().objects.get(username=f"redaktion.{settings.slug}")
        assert list(towns_for_user(user)) == [settings]
