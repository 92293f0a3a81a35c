"""The town's site search finds services by their synonyms, only the town's own."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.portal.search.conftest import result_titles

from .factories import LeistungFactory, ServicePageFactory, service_index

pytestmark = pytest.mark.django_db


def test_site_search_finds_a_service_by_synonym_in_its_town_only(site_client):
    leistung = LeistungFactory(name="Zwergpudel melden", synonyms="Schnauzbartpflege")
    own = ServicePageFactory(
        parent=service_index("bruchsal"), title="Zwergpudel melden", leistung=leistung
    )
    ServicePageFactory(
        parent=service_index("bretten"), title="Zwergpudel melden", leistung=leistung
    )
    response = site_client("bruchsal").get("/suche/", {"q": "Schnauzbartpflege"})
    assert response.status_code == 200
    assert result_titles(response) == ["Zwergpudel melden"]  # Bretten's page is not offered
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".search-result h2 a")["href"].endswith(own.url_path.split("/", 2)[2])
    assert soup.select_one(".search-result__kind").get_text(strip=True) == "Leistung"


def test_regional_text_change_reaches_the_search_index(site_client):
    leistung = LeistungFactory(name="Zwergpudel melden", synonyms="")
    ServicePageFactory(
        parent=service_index("bruchsal"), title="Zwergpudel melden", leistung=leistung
    )
    search = site_client("bruchsal")
    assert result_titles(search.get("/suche/", {"q": "Kläffer"})) == []
    leistung.synonyms = "Kläffer"
    leistung.save()
    assert result_titles(search.get("/suche/", {"q": "Kläffer"})) == ["Zwergpudel melden"]
