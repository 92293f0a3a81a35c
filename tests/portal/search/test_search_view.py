"""The search page of a town, as a visitor sees it."""

from __future__ import annotations

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.portal.factories import ContentPageFactory

from .conftest import home, result_titles, soup_of, status_text

pytestmark = pytest.mark.django_db


def page_in(slug: str, title: str, **fields) -> Page:
    section = home(slug).get_children().first()
    return ContentPageFactory(parent=section, title=title, **fields)


def test_search_page_without_query_shows_an_accessible_form(search):
    soup = soup_of(search("bruchsal"))

    form = soup.select_one("main form[role=search]")
    assert form["method"] == "get" and form["action"] == "/suche/"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Suchbegriff"
    assert soup.select_one("[role=status]") is not None
    assert not soup.select(".search-result")
    assert soup.title.get_text().startswith("Suche")


def test_finds_a_page_of_the_town_by_title(search):
    response = search("bruchsal", "Bürgerbüro", typ="contentpage")

    titles = result_titles(response)
    assert titles[0] == "Bürgerbüro"
    assert status_text(response).endswith("Treffer für „Bürgerbüro“")
    assert f"{len(titles)} Treffer" in status_text(response)


def test_finds_region_pages_but_never_another_towns(search):
    page_in("rastatt", "Zwiebelkuchenfest in Rastatt", intro="Zwiebelkuchenfest am Marktplatz.")
    page_in("region", "Zwiebelkuchenfest der Region", intro="Zwiebelkuchenfest für alle Städte.")

    from_bruchsal = search("bruchsal", "Zwiebelkuchenfest")
    from_rastatt = search("rastatt", "Zwiebelkuchenfest")

    assert result_titles(from_bruchsal) == ["Zwiebelkuchenfest der Region"]
    regional = soup_of(from_bruchsal).select_one(".search-result .search-result__kind")
    assert "Region" in regional.get_text()
    assert set(result_titles(from_rastatt)) == {
        "Zwiebelkuchenfest in Rastatt",
        "Zwiebelkuchenfest der Region",
    }


def test_another_towns_page_is_not_found_even_by_its_exact_title(search):
    page_in("rastatt", "Rastatter Stadtfest Sonderseite")

    response = search("bruchsal", "Rastatter Stadtfest Sonderseite")

    assert result_titles(response) == []
    assert "Keine Treffer" in soup_of(response).select_one(".search-empty").get_text()


def test_promotions_come_first_marked_as_recommendation(search):
    target = home("bruchsal").get_descendants().get(slug="ordnung-sicherheit")
    query = Query.get("Ausweis")
    SearchPromotion.objects.create(
        query=query, page=target, description="Hier geht es um Ausweise.", sort_order=0
    )

    response = search("bruchsal", "ausweis")

    soup = soup_of(response)
    first = soup.select_one(".search-result")
    assert "search-result--promoted" in first["class"]
    assert first.select_one("h2 a").get_text(strip=True) == "Ordnung & Sicherheit"
    assert "Empfehlung" in first.get_text()
    assert "Hier geht es um Ausweise." in first.get_text()
    # shown once, not again among the ordinary results
    assert result_titles(response).count("Ordnung & Sicherheit") == 1
    assert len(soup.select(".search-result--promoted")) == 1


def test_promotion_of_another_towns_page_is_not_shown(search):
    rastatt_page = page_in("rastatt", "Rastatter Empfehlung")
    SearchPromotion.objects.create(query=Query.get("ausweis"), page=rastatt_page, sort_order=0)

    response = search("bruchsal", "ausweis")

    assert "Rastatter Empfehlung" not in result_titles(response)
    assert not soup_of(response).select(".search-result--promoted")


def test_ten_results_per_page_with_seite(search):
    section = home("bruchsal").get_children().first()
    for number in range(25):
        ContentPageFactory(
            parent=section, title=f"Pflaumenkuchen {number:02d}", intro="Pflaumenkuchen backen."
        )

    first = search("bruchsal", "Pflaumenkuchen")
    third = search("bruchsal", "Pflaumenkuchen", seite=3)

    assert len(result_titles(first)) == 10
    assert "25 Treffer" in status_text(first)
    assert "Seite 1 von 3" in status_text(first)
    assert len(result_titles(third)) == 5
    assert "Seite 3 von 3" in status_text(third)
    pages_seen = (
        set(result_titles(first))
        | set(result_titles(search("bruchsal", "Pflaumenkuchen", seite=2)))
        | set(result_titles(third))
    )
    assert len(pages_seen) == 25
    soup = soup_of(first)
    next_link = soup.select_one("a[rel=next]")
    assert next_link["href"] == "?q=Pflaumenkuchen&seite=2"
    assert soup.select_one("ol.search-results")["start"] == "1"
    assert soup_of(third).select_one("ol.search-results")["start"] == "21"


@pytest.mark.parametrize(("seite", "expected"), [("abc", 1), ("99", 3), ("-1", 3), ("", 1)])
def test_odd_page_numbers_show_a_sensible_page(search, seite, expected):
    section = home("bruchsal").get_children().first()
    for number in range(25):
        ContentPageFactory(parent=section, title=f"Mirabellen {number:02d}")

    response = search("bruchsal", "Mirabellen", seite=seite)

    assert f"Seite {expected} von 3" in status_text(response)


def test_empty_state_helps_on(search):
    response = search("bruchsal", "Xylophonorchesterprobe")

    soup = soup_of(response)
    assert "0 Treffer für „Xylophonorchesterprobe“" in status_text(response)
    empty = soup.select_one(".search-empty")
    text = empty.get_text(" ", strip=True)
    assert "Keine Treffer für „Xylophonorchesterprobe“" in text
    assert "Prüfen Sie die Schreibweise." in text
    assert "Meinten Sie" not in text
    links = {a.get_text(strip=True): a["href"] for a in empty.select("a")}
    assert links["Zur Startseite"] == "/"
    assert "Rathaus & Service" in links  # the town's topics, A to Z


def test_did_you_mean_offers_a_better_spelling(search):
    response = search("bruchsal", "Bürgerbüor")

    suggestion = soup_of(response).select_one(".search-suggestion")
    assert " ".join(suggestion.get_text().split()) == "Meinten Sie „Bürgerbüro“?"
    link = suggestion.select_one("a")
    assert link["href"] == "?q=B%C3%BCrgerb%C3%BCro"
    assert "Bürgerbüro" in result_titles(search("bruchsal", "Bürgerbüro"))


def test_snippet_marks_the_words_and_escapes_the_text(search):
    page_in(
        "bruchsal",
        "Zwetschgenernte",
        intro="Die <b>Zwetschgen</b>-Ernte & mehr: alles über Zwetschgen.",
        search_description="",
    )

    response = search("bruchsal", "zwetschgen")

    html = response.content.decode()
    assert (
        "Die &lt;b&gt;<mark>Zwetschgen</mark>&lt;/b&gt;-Ernte &amp; mehr: alles über "
        "<mark>Zwetschgen</mark>." in html
    )
    snippet = soup_of(response).select_one(".search-result__snippet")
    assert snippet.select("b") == []
    assert [mark.get_text() for mark in snippet.select("mark")] == ["Zwetschgen", "Zwetschgen"]


def test_results_can_be_filtered_by_page_type(search):
    response = search("bruchsal", "Rathaus")

    soup = soup_of(response)
    filters = {
        a.get_text(" ", strip=True).rsplit(" ", 1)[0]: a["href"]
        for a in soup.select("nav.search-filter a")
    }
    assert "Inhaltsseite" in filters and "Übersichtsseite" in filters
    assert soup.select_one("nav.search-filter a[aria-current]").get_text().startswith("Alle")

    only_sections = soup_of(search("bruchsal", "Rathaus", typ="indexpage"))
    kinds = {k.get_text(strip=True) for k in only_sections.select(".search-result__kind")}
    assert kinds == {"Übersichtsseite"}
    assert "Rathaus & Service" in [
        a.get_text() for a in only_sections.select(".search-result h2 a")
    ]


def test_unknown_type_filter_shows_everything(search):
    assert result_titles(search("bruchsal", "Bürgerbüro", typ="gibtesnicht"))[0] == "Bürgerbüro"


def test_query_is_recorded_for_promotions_and_reports(search):
    search("bruchsal", "Sperrmüll")
    search("rastatt", "sperrmüll")

    assert Query.objects.get(query_string="sperrmüll").hits == 2


@pytest.mark.parametrize(
    "q",
    ['"', "\x00", "a" * 5000, "AND OR NOT", "(*)", "'; DROP TABLE x; --", "Bürger\x00büro", "🙂"],
)
def test_odd_input_never_breaks_the_page(search, q):
    response = search("bruchsal", q)

    assert response.status_code == 200
    assert soup_of(response).select_one("main form[role=search]") is not None


def test_header_of_every_page_has_a_search_box(site_client):
    soup = soup_of(site_client("bruchsal").get("/"))

    form = soup.select_one("header form[role=search]")
    assert form["action"] == "/suche/"
    assert form.get("method", "get").lower() == "get"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Suche"


def test_search_page_speaks_english_under_en(site_client):
    response = site_client("bruchsal").get("/en/suche/", {"q": "Xylophonorchesterprobe"})

    soup = soup_of(response)
    assert soup.select_one("main form[role=search]")["action"] == "/en/suche/"
    assert soup.select_one("label[for=suche-begriff]").get_text(strip=True) == "Search term"
    assert "0 results for “Xylophonorchesterprobe”" in status_text(response)
    assert "No results for" in soup.select_one(".search-empty").get_text()
