"""The search page in Chromium: no WCAG 2.1 A/AA violation (axe-core), and the
suggestions arrive in the search box's list while typing."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.demo.server import demo_server as run_demo_server
from tests.e2e.conftest import CHROMIUM_FLAGS, chromium_path

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        chromium_path() is None and os.environ.get("REDI_REQUIRE_BROWSER") != "1",
        reason="Chromium not found: install Debian's package (apt-get install chromium) "
        "or set REDI_CHROMIUM to its path",
    ),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    with run_demo_server(tmp_path_factory.mktemp("search-demo")) as port:
        yield port


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        pytest.fail("REDI_REQUIRE_BROWSER=1 but Chromium was not found")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_FLAGS}


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
