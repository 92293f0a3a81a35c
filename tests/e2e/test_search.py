"""The search page in Chromium: no WCAG 2.1 A/AA violation (axe-core), and the
suggestions arrive in the search box's list while typing."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize(
    "query", ["anmelden", "Bürgerbüor", ""], ids=["results", "did-you-mean", "empty"]
)
def test_search_page_has_no_wcag_violations(demo_server, page, query):
    url = f"http://bruchsal.localhost:{demo_server}/suche/?q={query}"

    response = page.goto(url)

    assert response is not None and response.status == 200
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert violations == [], url


def test_typing_fills_the_suggestions(demo_server, page):
    page.goto(f"http://bruchsal.localhost:{demo_server}/suche/")

    page.locator("#suche-begriff").press_sequentially("Bürger")

    option = page.locator('#suche-vorschlaege option[value="Bürgerbüro"]')
    option.wait_for(state="attached")
    assert option.count() == 1


def test_header_search_leads_to_the_results(demo_server, page):
    page.goto(f"http://bruchsal.localhost:{demo_server}/")

    page.get_by_role("searchbox", name="Suche").fill("Bürgerbüro")
    page.get_by_role("banner").get_by_role("button", name="Suchen").click()

    page.wait_for_url("**/suche/?q=B*")
    first = page.locator(".search-result h2 a").first
    assert first.inner_text() == "Bürgerbüro"
    assert "Treffer für „Bürgerbüro“" in page.get_by_role("status").inner_text()
