"""Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit on every site,
linked from the footer of every page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from portal.core.models import TownSettings
from portal.pages.models import AccessibilityStatementPage, EasyLanguagePage, LegalPage
from services.models import ServicePage
from tests.conftest import TOWN_SLUGS

pytestmark = pytest.mark.django_db

LEGAL_TITLES = ["Impressum", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"]


@pytest.mark.parametrize("slug", ["region", *TOWN_SLUGS])
def test_legal_pages_exist_and_are_linked_from_every_page_footer(site_client, slug):
    town = TownSettings.objects.get(slug=slug)
    assert isinstance(town.imprint_page.specific, LegalPage)
    assert isinstance(town.privacy_page.specific, LegalPage)
    assert isinstance(town.accessibility_page.specific, AccessibilityStatementPage)
    assert isinstance(town.easy_language_page.specific, EasyLanguagePage)
    client = site_client(slug)
    expected = {
        "Impressum": "/impressum/",
        "Datenschutzerklärung": "/datenschutz/",
        "Erklärung zur Barrierefreiheit": "/barrierefreiheit/",
    }

    pages = Page.objects.live().descendant_of(town.site.root_page, inclusive=True)
    # home, sections and their pages, four legal pages (the region has one section)
    assert pages.count() >= (9 if slug == "region" else 13)
    # the ~56 service pages share one template: one of them stands for all
    services = pages.type(ServicePage)
    for page in [*pages.not_type(ServicePage), *services[:1]]:
        url = page.relative_url(town.site)
        response = client.get(url)
        assert response.status_code == 200, url
        footer = BeautifulSoup(response.content, "html.parser").select_one("footer")
        links = {a.get_text(strip=True): a["href"] for a in footer.select(".legal-links a")}
        for title, href in expected.items():
            assert links.get(title) == href, (url, links)


@pytest.mark.parametrize("slug", ["bruchsal", "gaggenau"])
def test_imprint_names_the_town_and_its_address(site_client, slug):
    town = TownSettings.objects.get(slug=slug)
    text = BeautifulSoup(site_client(slug).get("/impressum/").content, "html.parser").main.text

    assert town.legal_name in text
    assert town.street in text
    assert town.postcode in text


def test_legal_pages_accept_text_blocks_only():
    allowed = set(LegalPage.body.field.stream_block.child_blocks)
    assert allowed == {"heading", "paragraph"}
    allowed = set(AccessibilityStatementPage.body.field.stream_block.child_blocks)
    assert allowed == {"heading", "paragraph"}
