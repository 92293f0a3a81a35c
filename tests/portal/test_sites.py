"""Ten sites on one installation: each answers on its own host name in its own look."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from portal.core.models import TownSettings
from tests.conftest import TOWN_SLUGS, host
from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "baden-baden": "Baden-Baden",
    "bretten": "Bretten",
    "bruchsal": "Bruchsal",
    "buehl": "Bühl",
    "ettlingen": "Ettlingen",
    "gaggenau": "Gaggenau",
    "rastatt": "Rastatt",
    "rheinstetten": "Rheinstetten",
    "stutensee": "Stutensee",
}


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_town_home_answers_on_its_own_host_with_its_name_and_theme(site_client, slug):
    response = site_client(slug).get("/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".brand__name").get_text(strip=True) == NAMES[slug]
    assert soup.title.get_text().endswith(f"– {NAMES[slug]}")
    assert soup.body["class"][0] == f"theme-{slug}"
    stylesheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert any(s.startswith(f"/theme/{slug}/tokens.css?v=") for s in stylesheets)
    assert soup.select_one(".brand__logo")["src"].endswith(f"themes/{slug}/logo.svg")


def test_regional_site_links_all_nine_towns(site_client):
    response = site_client(None).get("/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "re@di" in soup.select_one(".brand__name").get_text()
    links = {a.get_text(strip=True): a["href"] for a in soup.select("#towns-heading ~ ul a")}
    assert links == {NAMES[slug]: f"http://{host(slug)}/" for slug in TOWN_SLUGS}


@pytest.mark.parametrize("address", ["127.0.0.1:8000", "localhost"])
def test_regional_site_is_the_default_for_any_other_address(site_client, address):
    client = site_client(None)
    response = client.get("/", HTTP_HOST=address)

    assert response.status_code == 200
    assert "Die Städte im Verbund" in response.content.decode()


def test_ten_sites_exist_with_town_settings():
    towns = TownSettings.objects.select_related("site").order_by("slug")

    assert [t.slug for t in towns if not t.is_region] == sorted(TOWN_SLUGS)
    region = towns.get(is_region=True)
    assert region.site.is_default_site
    assert (region.site.hostname, region.site.port) == ("localhost", 8000)
    for town in towns.filter(is_region=False):
        assert town.site.hostname == f"{town.slug}.localhost"
        assert town.site.site_name == town.name
        assert town.street and town.postcode and town.phone and town.email


@pytest.mark.parametrize("slug", ["bruchsal", "rastatt"])
def test_main_navigation_lists_the_sections_and_the_club_portal(site_client, slug):
    soup = BeautifulSoup(site_client(slug).get("/").content, "html.parser")

    nav = soup.select_one("nav.main-nav")
    titles = [a.get_text(strip=True) for a in nav.select("a")]
    assert len(titles) == 5
    assert titles[0] == "Rathaus & Service"
    assert titles[1].startswith("Leben in")
    assert titles[2:] == ["Vereine", "Veranstaltungen", "Ehrenamt"]


def test_home_page_links_the_easy_language_page(site_client):
    soup = BeautifulSoup(site_client("ettlingen").get("/").content, "html.parser")

    link = soup.select_one("a.easy-language-link")
    assert link["href"] == "/leichte-sprache/"
    page = site_client("ettlingen").get(link["href"])
    assert page.status_code == 200
    assert "Leichter Sprache" in page.content.decode()


def test_a_town_page_is_not_served_on_another_towns_host(site_client):
    bruchsal = TownSettings.objects.get(slug="bruchsal").site.root_page
    ContentPageFactory(parent=bruchsal, title="Schlossfest", slug="schlossfest")

    assert site_client("bruchsal").get("/schlossfest/").status_code == 200
    response = site_client("rastatt").get("/schlossfest/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_health_check_answers(site_client):
    assert site_client("bruchsal").get("/healthz").json() == {"status": "ok"}
