"""Languages: German unprefixed, translations under /en/ …, a switcher on every page,
hreflang alternates and correct lang/dir."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from portal.core.models import TownSettings
from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup) -> dict[str, str | None]:
    entries = {}
    for item in soup.select(".language-switcher li"):
        link = item.find("a")
        name = item.find(attrs={"lang": True})
        entries[name["lang"]] = link["href"] if link else None
    return entries


def test_german_home_links_its_english_translation_with_hreflang(site_client):
    soup = soup_of(site_client("bruchsal").get("/"))

    assert soup.html["lang"] == "de" and soup.html["dir"] == "ltr"
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate]")}
    assert alternates["de"] == "http://bruchsal.localhost:8000/"
    assert alternates["en"] == "http://bruchsal.localhost:8000/en/"
    assert alternates["x-default"] == alternates["de"]
    entries = switcher(soup)
    assert entries["en"] == "/en/"
    assert entries["tr"] is None  # not translated: said, not linked
    assert "nicht übersetzt" in soup.select_one(".language-switcher").get_text()


def test_english_home_is_in_english_with_an_english_interface(site_client):
    soup = soup_of(site_client("bruchsal").get("/en/"))

    assert soup.html["lang"] == "en"
    assert soup.select_one(".skip-link").get_text(strip=True) == "Skip to content"
    assert switcher(soup)["de"] == "/"
    lead = soup.select_one("p.lead").get_text()
    assert "Willkommen" not in lead and lead.strip()
    menu = [a.get_text(strip=True) for a in soup.select("nav.main-nav a")]
    assert menu and all(title != "Rathaus & Service" for title in menu)


def test_english_content_page_and_its_german_original_link_each_other(site_client):
    town = TownSettings.objects.get(slug="rastatt")
    english = Locale.objects.get(language_code="en")
    german_home = town.site.root_page
    section = german_home.get_children().get(slug="rathaus-service")
    page = section.get_children().first()
    translated = page.get_translation(english)

    de_url = page.relative_url(town.site)
    en_url = translated.relative_url(town.site)
    assert en_url.startswith("/en/")
    assert switcher(soup_of(site_client("rastatt").get(de_url)))["en"] == en_url
    assert switcher(soup_of(site_client("rastatt").get(en_url)))["de"] == de_url


def test_untranslated_page_in_another_language_says_so_and_marks_the_german_text(site_client):
    soup = soup_of(site_client("bruchsal").get("/ar/"))

    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    marked = soup.select_one("main div[lang=de]")
    assert marked is not None and marked["dir"] == "ltr"


def test_arabic_translation_renders_right_to_left(site_client):
    arabic = Locale.objects.get(language_code="ar")
    home = TownSettings.objects.get(slug="stutensee").site.root_page
    page = ContentPageFactory(parent=home, slug="willkommen", title="Willkommen")
    translated = page.copy_for_translation(arabic, copy_parents=True)
    translated.title = "أهلا وسهلا"
    translated.intro = "معلومات للمواطنين"
    translated.save_revision().publish()

    soup = soup_of(site_client("stutensee").get(translated.relative_url(home.get_site())))
    assert soup.html["lang"] == "ar" and soup.html["dir"] == "rtl"
    assert soup.h1.get_text(strip=True) == "أهلا وسهلا"
    assert soup.select_one("main div[lang=de]") is None
