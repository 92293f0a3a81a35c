"""Helpers for the search tests: the result list as a visitor reads it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from portal.core.models import TownSettings


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response) -> list[str]:
    """Titles of the results in the order shown (promotions included)."""
    return [a.get_text(strip=True) for a in soup_of(response).select(".search-result h2 a")]


def status_text(response) -> str:
    return soup_of(response).select_one("[role=status]").get_text(" ", strip=True)


def home(slug: str):
    """The home page of a town ("region" for the regional site)."""
    return TownSettings.objects.get(slug=slug).site.root_page.specific


def site(slug: str) -> Site:
    return TownSettings.objects.get(slug=slug).site


@pytest.fixture
def search(site_client):
    """``search("bruchsal", "anmelden", seite=2)`` – the search page of a town."""

    def run(slug: str, q: str | None = None, **params):
        data = {k: v for k, v in {"q": q, **params}.items() if v is not None}
        return site_client(slug).get("/suche/", data)

    return run
