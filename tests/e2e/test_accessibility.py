"""Every page type of two towns in Chromium: axe-core finds no WCAG 2.1 A/AA violation,
and the page requests nothing from any host other than its own."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "regional home": (None, "/"),
    "town home": ("{town}", "/"),
    "index page": ("{town}", "/rathaus-service/"),
    "content page": ("{town}", "/rathaus-service/buergerbuero/"),
    "legal page": ("{town}", "/impressum/"),
    "privacy page": ("{town}", "/datenschutz/"),
    "accessibility statement with form": ("{town}", "/barrierefreiheit/"),
    "easy language page": ("{town}", "/leichte-sprache/"),
    "not found page": ("{town}", "/gibt-es-nicht/"),
    "services A–Z": ("{town}", "/rathaus-service/leistungen/"),
    "service search": ("{town}", "/rathaus-service/leistungen/?q=Hund"),
    "Lebenslagen": ("{town}", "/rathaus-service/leistungen/lebenslagen/"),
    "one Lebenslage": ("{town}", "/rathaus-service/leistungen/lebenslagen/umzug/"),
    "service page": ("{town}", "/rathaus-service/leistungen/hund-anmelden/"),
    "application first step": ("{town}", "/rathaus-service/leistungen/sperrmuell-anmelden/antrag/"),
    "case tracking": ("{town}", "/vorgang/demo-{town}-vorgang/"),
    "lost tracking link": ("{town}", "/vorgang/link/"),
}
CASES = [
    pytest.param(town, name, id=f"{town}-{name}")
    for town in ("bruchsal", "buehl")
    for name in PAGES
    if not (town == "buehl" and name == "regional home")
]


def url_for(port: int, town: str, name: str) -> str:
    host_template, path = PAGES[name]
    host = "localhost" if host_template is None else f"{town}.localhost"
    return f"http://{host}:{port}{path.format(town=town)}"


@pytest.mark.parametrize(("town", "name"), CASES)
def test_page_has_no_wcag_violations_and_no_third_party_requests(
    demo_server, page, requests_seen, town, name
):
    url = url_for(demo_server, town, name)

    response = page.goto(url)

    assert response is not None
    assert response.status in (200, 404), url
    if name != "not found page":
        assert response.status == 200, url
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert violations == [], url
    own = urlsplit(url).netloc
    foreign = [seen for seen in requests_seen if urlsplit(seen).netloc != own]
    assert foreign == []


def test_keyboard_user_reaches_the_content_with_the_skip_link(demo_server, page):
    page.goto(f"http://bruchsal.localhost:{demo_server}/rathaus-service/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_citizen_sends_accessibility_feedback(demo_server, page):
    page.goto(f"http://buehl.localhost:{demo_server}/barrierefreiheit/")

    page.get_by_role("button", name="Rückmeldung senden").click()
    assert page.get_by_role("alert").first.is_visible()
    page.get_by_label("Beschreibung der Barriere").fill("Die Tabelle hat keine Überschriften.")
    page.get_by_role("button", name="Rückmeldung senden").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihre Rückmeldung"


def test_editor_logs_in_and_sees_only_their_town(demo_server, page):
    page.goto(f"http://localhost:{demo_server}/admin/login/")
    page.locator("input[name=username]").fill("redaktion.bruchsal")
    page.locator("input[name=password]").fill("demo-bruchsal")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/admin/")

    page.goto(f"http://localhost:{demo_server}/admin/pages/")
    assert "Bruchsal" in page.content()
    body = page.locator("main").inner_text()
    assert "Rastatt" not in body
    assert "Ettlingen" not in body
