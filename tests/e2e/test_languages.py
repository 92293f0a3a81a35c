"""Switching language in the browser; the right-to-left (Arabic) interface passes axe."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_citizen_switches_to_the_english_page(demo_server, page):
    page.goto(f"http://rastatt.localhost:{demo_server}/")
    assert page.locator("link[rel=alternate][hreflang=en]").count() == 1

    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="English").click()

    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    page.locator(".language-switcher summary").click()
    page.get_by_role("link", name="Deutsch").click()
    page.wait_for_url(f"http://rastatt.localhost:{demo_server}/")
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.parametrize("path", ["/ar/", "/ar/rathaus-service/"])
def test_right_to_left_interface_passes_axe(demo_server, page, requests_seen, path):
    page.goto(f"http://buehl.localhost:{demo_server}{path}")

    assert page.locator("html").get_attribute("dir") == "rtl"
    box = page.locator(".brand").bounding_box()
    assert box["x"] > page.viewport_size["width"] / 2  # the logo sits on the right
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert [v["id"] for v in results.response["violations"]] == []
    assert all("localhost" in url for url in requests_seen)
