"""The town's site search finds services by their synonyms, only the town's own."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from .factories import LeistungFactory, ServicePageFactory, service_index

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        a.get_text(" ", strip=True)
        for a in soup.select(".search-results h2 a, .search-result h2 a")
    ]


def test_site_search_finds_a_service_by_synonym_in_its_town_only(site_client):
    leistung = LeistungFactory(name="Zwergpudel melden", synonyms="Schnauzbartpflege")
    ServicePageFactory(
        parent=service_index("bruchsal"), title="Zwergpudel melden", leistung=leistung
    )
    ServicePageFactory(
        parent=service_index("bretten"), title="Zwergpudel melden", leistung=leistung
    )
    response = site_client("bruchsal").get("/suche/", {"q": "Schnauzbartpflege"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("Zwergpudel melden") >= 1
    soup = BeautifulSoup(html, "html.parser")
    links = [a["href"] for a in soup.select("main a") if "zwergpudel" in a.get_text().lower()]
    assert links and all("bretten" not in href for href in links)


def test_regional_text_change_reaches_the_search_index(site_client):
    leistung = LeistungFactory(name="Zwergpudel melden", synonyms="")
    ServicePageFactory(
        parent=service_index("bruchsal"), title="Zwergpudel melden", leistung=leistung
    )
    assert (
        "Zwergpudel"
        not in site_client("bruchsal").get("/suche/", {"q": "Kläffer"}).content.decode()
    )
    leistung.synonyms = "Kläffer"
    leistung.save()
    assert "Zwergpudel" in site_client("bruchsal").get("/suche/", {"q": "Kläffer"}).content.decode()
