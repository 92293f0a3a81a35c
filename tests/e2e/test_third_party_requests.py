"""No third-party requests from citizen pages: one page of every citizen page type is
loaded in Chromium; every request and WebSocket it opens goes to the page's own origin,
and its HTML names no resource (script, stylesheet, font, image, frame, form target) on
another host. Embeds (video, maps) sit behind a two-click consent and load nothing
before the click; their links to the provider are plain links and allowed."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.e2e

Follow = Callable[[object], object] | None


def link(selector: str) -> Callable[[object], object]:
    return lambda page: page.locator(selector).first


def link_named(text: str) -> Callable[[object], object]:
    return lambda page: page.locator("a", has_text=text).first


# name: (town or None for the regional portal, path, how to reach the page from there)
PAGES: dict[str, tuple[str | None, str, Follow]] = {
    "regional home": (None, "/", None),
    "town home": ("rastatt", "/", None),
    "index page": ("bruchsal", "/rathaus-service/", None),
    "content page": ("bruchsal", "/rathaus-service/buergerbuero/", None),
    "page with every block (video and map embeds)": (
        "rastatt",
        "/rathaus-service/auf-einen-blick/",
        None,
    ),
    "Impressum": ("bruchsal", "/impressum/", None),
    "Datenschutz": ("bruchsal", "/datenschutz/", None),
    "accessibility statement": ("bruchsal", "/barrierefreiheit/", None),
    "easy language page": ("bruchsal", "/leichte-sprache/", None),
    "not found page": ("bruchsal", "/gibt-es-nicht/", None),
    "search results": ("bruchsal", "/suche/?q=Hund", None),
    "service catalogue": ("bruchsal", "/rathaus-service/leistungen/", None),
    "service search": ("bruchsal", "/rathaus-service/leistungen/?q=Hund", None),
    "Lebenslage": ("bruchsal", "/rathaus-service/leistungen/lebenslagen/umzug/", None),
    "service page": ("bruchsal", "/rathaus-service/leistungen/hund-anmelden/", None),
    "application form step": (
        "bruchsal",
        "/rathaus-service/leistungen/sperrmuell-anmelden/antrag/",
        None,
    ),
    "case tracking": ("bruchsal", "/vorgang/demo-bruchsal-vorgang/", None),
    "lost tracking link": ("bruchsal", "/vorgang/link/", None),
    "appointment booking": (
        "rastatt",
        "/rathaus-service/leistungen/personalausweis-beantragen/",
        link_named("Termin vereinbaren"),
    ),
    "club directory": ("ettlingen", "/vereine/", None),
    "club page": ("ettlingen", "/vereine/", link(".club-list a")),
    "club contact form": ("ettlingen", "/vereine/", link(".club-list a")),
    "club registration": ("bruchsal", "/vereine/registrieren/", None),
    "event calendar": ("ettlingen", "/veranstaltungen/", None),
    "event page": ("ettlingen", "/veranstaltungen/", link(".calendar-entry__title a")),
    "volunteering board": ("ettlingen", "/ehrenamt/", None),
    "volunteer opportunity": ("ettlingen", "/ehrenamt/", link(".volunteer-cards h3 a")),
    "club login": ("bruchsal", "/verein/anmelden/", None),
    "sensor page (live values, chart, map)": ("rastatt", "/leben/messwerte/", None),
    "English home": ("rastatt", "/en/", None),
    "English section": ("rastatt", "/en/rathaus-service/", None),
    "Arabic page (right to left)": ("buehl", "/ar/rathaus-service/", None),
}
SUFFIX = {"club contact form": "kontakt/"}

# elements and attributes that make the browser fetch something (links <a href> do not)
RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "form": ("action",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
FETCHING_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "apple-touch-icon",
    "manifest",
    "mask-icon",
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class ResourceCollector(HTMLParser):
    """Collects every URL a page's HTML makes the browser fetch (not inside <template>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._template = 0
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "template":
            self._template += 1
        if self._template:
            return
        values = {name: value or "" for name, value in attrs}
        names = RESOURCE_ATTRIBUTES.get(tag, ())
        if tag == "link" and FETCHING_RELS & set(values.get("rel", "").lower().split()):
            names = ("href", "imagesrcset")
        for name in names:
            value = values.get(name, "").strip()
            if not value:
                continue
            if name.endswith("srcset"):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            else:
                self.urls.append(value)
        if "style" in values:
            self._css(values["style"])
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "template" and self._template:
            self._template -= 1
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style and not self._template:
            self._css(data)

    def _css(self, text: str) -> None:
        self.urls += [a or b for a, b in CSS_URL.findall(text)]


def foreign_resources(html: str, base: str) -> list[str]:
    collector = ResourceCollector()
    collector.feed(html)
    own = urlsplit(base).netloc
    found = []
    for url in collector.urls:
        absolute = urlsplit(urljoin(base, url))
        if absolute.scheme in ("data", "blob", "about", "javascript"):
            continue
        if absolute.netloc != own:
            found.append(url)
    return found


def test_resource_collector_finds_what_the_browser_would_fetch():
    html = """
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="alternate" hreflang="en" href="https://elsewhere.example/en/">
      <script src="//cdn.example/lib.js"></script><script src="/static/own.js"></script>
      <img src="a.png" srcset="https://img.example/a.png 2x, /b.png 1x">
      <a href="https://www.openstreetmap.org/">Karte</a>
      <template><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></template>
      <style>@import "https://css.example/x.css"; body { background: url(/own.png) }</style>
      <div style="background-image: url('https://tiles.example/1/2/3.png')"></div>
      <form action="https://forms.example/send"></form>
    """
    assert foreign_resources(html, "http://town.localhost:8000/page/") == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example/lib.js",
        "https://img.example/a.png",
        "https://css.example/x.css",
        "https://tiles.example/1/2/3.png",
        "https://forms.example/send",
    ]


def page_url(port: int, town: str | None, path: str) -> str:
    host = f"{town}.localhost" if town else "localhost"
    return f"http://{host}:{port}{path}"


@pytest.mark.parametrize("name", list(PAGES))
def test_citizen_page_requests_nothing_from_other_origins(demo_server, page, name):
    town, path, follow = PAGES[name]
    url = page_url(demo_server, town, path)
    if follow is not None:
        page.goto(url)
        href = follow(page).get_attribute("href")
        assert href, f"{name}: no link to follow on {url}"
        url = urljoin(page.url, href) + SUFFIX.get(name, "")
    own = urlsplit(url).netloc
    requests: list[str] = []
    sockets: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda socket: sockets.append(socket.url))

    response = page.goto(url)
    assert response is not None, url
    assert response.status == (404 if name == "not found page" else 200), url
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images
    page.wait_for_load_state("networkidle")

    foreign_requests = [
        seen
        for seen in requests
        if urlsplit(seen).scheme not in ("data", "blob") and urlsplit(seen).netloc != own
    ]
    assert foreign_requests == [], f"{url} requested other origins: {foreign_requests}"
    foreign_sockets = [
        seen
        for seen in sockets
        if urlsplit(seen).scheme not in ("ws", "wss") or urlsplit(seen).netloc != own
    ]
    assert foreign_sockets == [], f"{url} opened WebSockets elsewhere: {foreign_sockets}"
    served = foreign_resources(response.text(), url)
    assert served == [], f"{url} names resources on other hosts in its HTML: {served}"
    rendered = foreign_resources(page.content(), url)
    assert rendered == [], f"{url} after its scripts ran names resources elsewhere: {rendered}"
