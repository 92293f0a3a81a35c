"""The town's service index: A–Z, search by synonyms, Lebenslagen."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from services.catalogue import a_to_z, letter_of

from .factories import LebenslageFactory, LeistungFactory, ServicePageFactory, service_index

pytestmark = pytest.mark.django_db


def test_letters_fold_umlauts():
    assert letter_of("Ärztlicher Notdienst") == "A"
    assert letter_of("Übermittlungssperre") == "U"
    assert letter_of("3D-Druck") == "#"


@pytest.fixture
def index():
    index = service_index("bruchsal")
    for name, synonyms in [
        ("Hund anmelden", "Hundesteuer\nHundemarke"),
        ("Übermittlungssperre einrichten", "Datenschutz Melderegister"),
        ("Anwohnerparkausweis beantragen", "Parken\nBewohnerparken"),
    ]:
        ServicePageFactory(
            parent=index,
            title=name,
            leistung=LeistungFactory(name=f"{name} (Test)", synonyms=synonyms),
        )
    return index


def _text(response, selector):
    soup = BeautifulSoup(response.content, "html.parser")
    return [node.get_text(" ", strip=True) for node in soup.select(selector)]


def test_a_to_z_groups_by_letter_with_navigation(site_client, index):
    response = site_client("bruchsal").get(index.url)
    assert response.status_code == 200
    assert _text(response, ".a-z-group h2") == ["A", "H", "U"]
    assert _text(response, ".a-z-group .service-list a") == [
        "Anwohnerparkausweis beantragen",
        "Hund anmelden",
        "Übermittlungssperre einrichten",
    ]
    links = _text(response, ".a-z-nav a")
    assert links == ["A", "H", "U"]  # letters without services are not links
    assert len(_text(response, ".a-z-nav li")) == 26


@pytest.mark.parametrize("query", ["Hundesteuer", "hundemarke", "Hund"])
def test_search_finds_services_by_name_and_synonyms(site_client, index, query):
    response = site_client("bruchsal").get(index.url, {"q": query})
    assert _text(response, ".service-results .service-list a") == ["Hund anmelden"]
    assert "1 Leistung zu" in _text(response, "#treffer-titel")[0]


def test_search_without_hits_says_so(site_client, index):
    response = site_client("bruchsal").get(index.url, {"q": "Raumfahrt"})
    assert response.status_code == 200
    assert "keine Leistung gefunden" in response.content.decode()


@pytest.mark.parametrize("query", ["<script>", "a" * 5000, "\x00", "' OR 1=1 --"])
def test_odd_queries_never_fail(site_client, index, query):
    assert site_client("bruchsal").get(index.url, {"q": query}).status_code == 200


def test_lebenslagen_list_only_situations_with_services_of_this_town(site_client, index):
    used = LebenslageFactory(name="Haustiere", slug="haustiere-test")
    LebenslageFactory(name="Leer", slug="leer-test")
    page = index.get_children().get(title="Hund anmelden").specific
    page.leistung.lebenslagen.add(used)
    client = site_client("bruchsal")
    overview = client.get(f"{index.url}lebenslagen/")
    assert "Haustiere" in _text(overview, ".teaser h2")
    assert "Leer" not in _text(overview, ".teaser h2")
    detail = client.get(f"{index.url}lebenslagen/haustiere-test/")
    assert _text(detail, ".service-list a") == ["Hund anmelden"]
    assert client.get(f"{index.url}lebenslagen/leer-test/").status_code == 404
    assert client.get(f"{index.url}lebenslagen/gibt-es-nicht/").status_code == 404


def test_a_to_z_sorting_is_german():
    class P:
        def __init__(self, title):
            self.title = title

    groups = a_to_z([P("Ummeldung"), P("Übermittlungssperre"), P("Abmeldung")])
    assert [[p.title for p in g.pages] for g in groups] == [
        ["Abmeldung"],
        ["Übermittlungssperre", "Ummeldung"],
    ]
