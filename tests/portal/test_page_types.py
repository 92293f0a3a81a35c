"""Home, index, content and legal pages as citizens see them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from portal.core.models import TownSettings
from portal.pages.models import INDEX_PAGE_SIZE, IndexPage
from tests.portal.factories import ContentPageFactory, IndexPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def home(slug: str):
    return TownSettings.objects.get(slug=slug).site.root_page


def test_content_page_shows_breadcrumbs_intro_body_and_last_updated(site_client):
    soup = soup_of(site_client("bruchsal").get("/rathaus-service/"))
    first_child = soup.select(".teasers a")[0]["href"]

    soup = soup_of(site_client("bruchsal").get(first_child))
    crumbs = [a.get_text(strip=True) for a in soup.select("nav.breadcrumbs a")]
    assert crumbs[0] == "Startseite"
    assert crumbs[1] == "Rathaus & Service"
    assert soup.select_one("nav.breadcrumbs [aria-current=page]")
    assert soup.select_one("p.lead").get_text(strip=True)
    assert soup.select("article h2")
    updated = soup.select_one("p.meta time")
    assert updated["datetime"].startswith("20")


def test_index_page_paginates_its_children(site_client):
    section = IndexPageFactory(parent=home("stutensee"), title="Aktuelles", slug="aktuelles")
    for number in range(INDEX_PAGE_SIZE + 3):
        ContentPageFactory(parent=section, title=f"Meldung {number:02d}", slug=f"m{number}")
    client = site_client("stutensee")

    first = soup_of(client.get("/aktuelles/"))
    assert len(first.select(".teasers li")) == INDEX_PAGE_SIZE
    assert first.select_one(".pagination [aria-current=page]").get_text(strip=True).endswith("1")
    second = soup_of(client.get("/aktuelles/", {"seite": 2}))
    titles = [h.get_text(strip=True) for h in second.select(".teasers h2")]
    assert titles == [f"Meldung {n:02d}" for n in range(INDEX_PAGE_SIZE, INDEX_PAGE_SIZE + 3)]
    # a page number out of range or not a number shows a valid page, not an error
    assert len(soup_of(client.get("/aktuelles/", {"seite": 99})).select(".teasers li")) == 3
    assert len(soup_of(client.get("/aktuelles/", {"seite": "x"})).select(".teasers li")) == 12


def test_empty_index_page_says_so(site_client):
    IndexPageFactory(parent=home("buehl"), title="Ausschreibungen", slug="ausschreibungen")

    soup = soup_of(site_client("buehl").get("/ausschreibungen/"))
    assert "noch keine Seiten" in soup.select_one(".empty-state").get_text()


def test_seo_fields_are_rendered(site_client):
    page = IndexPage.objects.descendant_of(home("rastatt")).first()
    soup = soup_of(site_client("rastatt").get(page.relative_url(page.get_site())))

    assert soup.select_one("meta[name=description]")["content"] == page.search_description
    assert soup.select_one("meta[property='og:title']")["content"] == page.title
    assert soup.select_one("link[rel=canonical]")["href"] == page.full_url


def test_accessibility_feedback_is_stored_and_mailed_to_the_town(site_client):
    client = site_client("gaggenau")
    soup = soup_of(client.get("/barrierefreiheit/"))
    form = soup.select_one("form[method=post]")
    fields = {tag["name"] for tag in form.select("input, textarea") if tag.get("name")}
    description = next(name for name in fields if name.startswith("beschreibung"))

    response = client.post(
        "/barrierefreiheit/",
        {
            "ihr_name": "Erika Mustermann",
            "ihre_e_mail_adresse": "erika@example.org",
            description: "Die Karte auf der Seite Bürgerbüro ist mit der Tastatur nicht bedienbar.",
        },
    )

    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    submission = FormSubmission.objects.get(
        page__slug="barrierefreiheit", page__depth=3, page__path__startswith=home("gaggenau").path
    )
    assert "Tastatur" in submission.form_data[description]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [TownSettings.objects.get(slug="gaggenau").email]


def test_accessibility_feedback_without_description_shows_an_error_and_stores_nothing(
    site_client,
):
    client = site_client("gaggenau")
    before = FormSubmission.objects.count()

    response = client.post("/barrierefreiheit/", {"ihr_name": "Erika"})

    soup = soup_of(response)
    assert soup.select_one("[role=alert]")
    assert soup.select(".errorlist li")
    assert FormSubmission.objects.count() == before
