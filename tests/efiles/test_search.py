"""The staff search of the E-Akte: what a clerk finds (by a word only in a PDF, by
Aktenzeichen, by sender) and what they never find (other units, other towns, documents
above their clearance); odd input answers with a page, not an error."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from backoffice.efiles import search
from backoffice.efiles.models import Confidentiality, Dokument, TextStatus
from tests.efiles.factories import ADMIN_HOST, akte, clerk, dokument, pdf_bytes, unit_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET_WORD = "Quittenbaumallee"


def client_for(user) -> Client:
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(user)
    return client


def search_page(user, q=None, **params):
    data = {k: v for k, v in {"q": q, **params}.items() if v is not None}
    return client_for(user).get(reverse("efiles:search"), data)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def shown_titles(response) -> list[str]:
    return [h.get_text(" ", strip=True) for h in soup(response).select(".efiles-hit h2")]


def status(response) -> str:
    return soup(response).select_one(".efiles-search-status").get_text(" ", strip=True)


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    """Bauamt Bruchsal with a file whose PDF mentions the secret word; the same word in
    the Ordnungsamt's file, in Rastatt and in a confidential document of the Bauamt."""
    bau = unit_in("bruchsal", name="Bauamt Bruchsal")
    ordnung = unit_in("bruchsal", name="Ordnungsamt Bruchsal")
    rastatt = unit_in("rastatt", name="Bauamt Rastatt")
    text = f"Die Bäume in der {SECRET_WORD} werden im Herbst geschnitten. <b>Achtung</b>"
    with django_capture_on_commit_callbacks(execute=True):
        own = akte(bau, title="Straßenbäume Nordstadt")
        found = dokument(
            own, title="Gutachten Baumschnitt", content=pdf_bytes(text), sender="Grünflächenamt"
        )
        secret = dokument(
            own,
            title="Personalakte Gärtner",
            content=pdf_bytes(text),
            confidentiality=Confidentiality.CONFIDENTIAL,
        )
        other_unit = akte(ordnung, title="Sondernutzung")
        dokument(other_unit, title="Antrag Sondernutzung", content=pdf_bytes(text))
        other_town = akte(rastatt, title="Baumkataster Rastatt")
        dokument(other_town, title="Gutachten Rastatt", content=pdf_bytes(text))
    return {
        "bau": bau,
        "own": own,
        "found": Dokument.objects.get(pk=found.pk),
        "secret": secret,
        "other_unit": other_unit,
        "other_town": other_town,
    }


def test_text_extraction_ran(world):
    assert world["found"].text_status == TextStatus.DONE
    assert SECRET_WORD in world["found"].text


def test_finds_a_document_by_a_word_only_in_its_pdf_text(world):
    user = clerk(world["bau"])

    response = search_page(user, SECRET_WORD.lower())

    assert shown_titles(response) == ["Gutachten Baumschnitt"]
    hit = soup(response).select_one(".efiles-hit")
    assert world["own"].aktenzeichen in hit.get_text(" ", strip=True)
    snippet = hit.select_one(".efiles-hit__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == [SECRET_WORD]
    # the document's text is shown escaped, never as markup
    assert snippet.select("b") == []
    assert "<b>Achtung</b>" in snippet.get_text()
    link = hit.select_one("h2 a")["href"]
    assert link == reverse("efiles:dokument_detail", args=[world["found"].pk])
    assert status(response) == f"Ein Treffer für „{SECRET_WORD.lower()}“."


def test_finds_the_file_and_its_documents_by_aktenzeichen(world):
    user = clerk(world["bau"])
    aktenzeichen = world["own"].aktenzeichen

    hits = search.search(user, aktenzeichen)

    assert hits[0].obj == world["own"]
    assert {hit.obj for hit in hits[1:]} == {world["found"]}
    response = search_page(user, aktenzeichen)
    assert shown_titles(response)[0] == f"{aktenzeichen} – Straßenbäume Nordstadt"
    # its beginning (the plan code) finds it as well
    prefix = aktenzeichen.split("/")[0] + "/"
    assert world["own"] in [hit.obj for hit in search.search(user, prefix, kind="akten")]


def test_finds_by_sender_and_by_file_title(world):
    user = clerk(world["bau"])

    assert [hit.obj for hit in search.search(user, "Grünflächenamt")] == [world["found"]]
    by_title = search.search(user, "Straßenbäume")
    assert [hit.obj for hit in by_title] == [world["own"], world["found"]]
    assert [hit.obj for hit in search.search(user, "Straßenbäume", kind="dokumente")] == [
        world["found"]
    ]


def test_kind_filter_in_the_page(world):
    user = clerk(world["bau"])

    response = search_page(user, "Straßenbäume", kind="akten")

    assert shown_titles(response) == [f"{world['own'].aktenzeichen} – Straßenbäume Nordstadt"]


@pytest.mark.parametrize("clearance", [Confidentiality.OPEN, Confidentiality.CONFIDENTIAL])
def test_never_other_units_other_towns_or_above_clearance(world, clearance):
    user = clerk(world["bau"], clearance=clearance)

    found = {hit.obj for hit in search.search(user, SECRET_WORD)}

    expected = {world["found"]}
    if clearance == Confidentiality.CONFIDENTIAL:
        expected.add(world["secret"])
    assert found == expected
    for record in (world["other_unit"], world["other_town"]):
        assert search.search(user, record.aktenzeichen) == []
        assert search.search(user, record.title) == []


def test_no_hits_message_and_empty_state(world):
    user = clerk(world["bau"])

    assert "Geben Sie ein Aktenzeichen" in status(search_page(user))
    response = search_page(user, "Zwetschgenkuchen")
    assert status(response) == "Keine Treffer für „Zwetschgenkuchen“."
    assert shown_titles(response) == []


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "'; DROP TABLE efiles_akte; --",
        "&&& ||| !!! ***",
        "<script>alert(1)</script>",
        "a" * 1000,
        "Baum " * 300,
        "\x00Baum",
        "020.1/",
        "1.2.3.4.5.6.7.8.9/" * 10,
        "AND OR NOT (",
        "Bäume*",
        "%_%",
    ],
)
def test_odd_queries_answer_200(world, q):
    response = search_page(clerk(world["bau"]), q)

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_bad_kind_and_page_answer_200(world):
    user = clerk(world["bau"])

    assert search_page(user, SECRET_WORD, kind="alles").status_code == 200
    response = search_page(user, SECRET_WORD, p="zehn")
    assert shown_titles(response) == ["Gutachten Baumschnitt"]


def test_pagination_by_20(django_capture_on_commit_callbacks):
    unit = unit_in("bruchsal")
    with django_capture_on_commit_callbacks(execute=True):  # indexed after the commit
        record = akte(unit, title="Sammelakte")
        for number in range(22):
            dokument(record, title=f"Rechnung Streusalz {number}")
    user = clerk(unit)

    first = search_page(user, "Streusalz")
    second = search_page(user, "Streusalz", p=2)

    assert len(shown_titles(first)) == 20
    assert len(shown_titles(second)) == 2
    assert "22 Treffer" in status(first)


def test_without_view_permission_no_access(world):
    nobody = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))

    response = search_page(nobody, SECRET_WORD)

    assert response.status_code in (302, 403)
    assert SECRET_WORD not in response.content.decode()
    assert search.search(nobody, SECRET_WORD) == []


def test_highlight_escapes_and_cuts_around_the_first_hit():
    text = "Anfang " + "Füllwort " * 100 + "Die <Baugenehmigungen> & mehr " + "Ende " * 100

    snippet = search.highlight(text, ["Baugenehmigung"])

    assert "<mark>Baugenehmigungen</mark>" in snippet
    assert "&lt;" in snippet and "&amp;" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) < 400
    assert search.highlight("", ["x"]) == ""
    assert search.highlight("kein Treffer hier", ["Wort"]) == "kein Treffer hier"
