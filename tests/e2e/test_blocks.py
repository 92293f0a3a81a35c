"""The page holding every block, in each of the nine town themes: no WCAG 2.1 A/AA
violation in Chromium, no third-party request – the two-click embeds load nothing
from the video or map host before consent, and everything works without JavaScript."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import TOWN_SLUGS

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SHOWCASE = "/rathaus-service/auf-einen-blick/"


def showcase_url(port: int, slug: str) -> str:
    return f"http://{slug}.localhost:{port}{SHOWCASE}"


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_every_block_in_every_theme_passes_axe_without_third_party_requests(
    demo_server, page, requests_seen, slug
):
    url = showcase_url(demo_server, slug)
    response = page.goto(url)
    assert response.status == 200
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy images
    page.wait_for_load_state("networkidle")

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})

    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert violations == []
    own = urlsplit(url).netloc
    assert [seen for seen in requests_seen if urlsplit(seen).netloc != own] == []
    for block in (
        "toc",
        "gallery",
        "teaser-cards",
        "cta",
        "downloads",
        "accordion",
        "table-wrapper",
        "address-block",
        "opening-hours",
        "contact-card",
        "consent-embed--video",
        "consent-embed--map",
        "reusable-content",
    ):
        assert page.locator(f".{block}").count() >= 1, block


def test_video_loads_from_the_provider_only_after_the_click(demo_server, page, requests_seen):
    # the sandbox has no internet: the browser answers foreign requests itself
    page.route(
        lambda url: "localhost" not in url,
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>extern</p>"),
    )
    page.goto(showcase_url(demo_server, "rastatt"))
    assert page.locator("iframe").count() == 0
    assert not [u for u in requests_seen if "youtube" in u or "openstreetmap" in u]

    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role("button", name="Video laden und Daten an YouTube übertragen").click()

    frame = page.locator("figure.consent-embed--video iframe")
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert frame.get_attribute("title") == "Film: Ein Tag in Rastatt"
    assert page.locator("figure.consent-embed--map iframe").count() == 0
    # a keyboard user this time
    page.get_by_role("button", name="Karte laden und Daten an OpenStreetMap übertragen").focus()
    page.keyboard.press("Enter")
    map_src = page.locator("figure.consent-embed--map iframe").get_attribute("src")
    assert map_src.startswith("https://www.openstreetmap.org/export/embed.html")


def test_blocks_work_without_javascript(demo_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(showcase_url(demo_server, "ettlingen"))

    # no consent buttons without JS, but a link to the provider
    assert page.locator(".consent-embed__load").first.is_hidden()
    assert page.get_by_role("link", name="Video auf YouTube ansehen").is_visible()
    # the FAQ opens with a click on its summary (native <details>)
    question = page.locator("details.accordion__item").first
    assert question.get_attribute("open") is None
    question.locator("summary").click()
    assert question.get_attribute("open") is not None
    assert page.get_by_role("link", name="Auf dieser Seite").count() == 0
    toc = page.locator("nav.toc a").first
    toc.click()
    assert page.url.endswith("#ihr-weg-ins-rathaus")
    context.close()
