"""E-Akte journeys in a real browser: a clerk creates a file, adds a document, uploads a
new version and finds the document by a word in its PDF; the records officer sees the
disposal list. Our own E-Akte pages are checked with axe-core (staff use screen readers too)."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from fpdf import FPDF
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pdf(text: str) -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.multi_cell(0, 8, text)
    return bytes(document.output())


def assert_accessible(page) -> None:
    """axe-core on the E-Akte's own content; the admin frame around it and its flash
    messages (a success message's colours) are Wagtail's."""
    results = Axe().run(
        page,
        context={"include": [["main"]], "exclude": [[".messages"]]},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    violations = [
        f"{v['id']}: {v['help']} ({[node['target'] for node in v['nodes']]})"
        for v in results.response["violations"]
    ]
    assert violations == [], page.url


def login(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile("/admin/$"))


def test_clerk_files_a_document_versions_it_and_finds_it(page, demo_server):
    base = f"http://rastatt.localhost:{demo_server}"
    login(page, base, "akten.rastatt", "demo-rastatt")

    page.goto(base + "/admin/e-akte/")
    expect(page.locator("main")).to_contain_text("Aktenzeichen")
    assert_accessible(page)

    page.goto(base + "/admin/e-akte/neu/")
    page.get_by_label("Aktenplaneinheit").select_option(index=1)
    page.get_by_label("Federführende Stelle").select_option(index=1)
    page.get_by_label("Betreff").fill("Sondernutzung Marktplatz Adventsmarkt")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("main")).to_contain_text("Sondernutzung Marktplatz Adventsmarkt")
    aktenzeichen = page.locator("main").inner_text()
    assert re.search(r"\d{4}/\d{4}", aktenzeichen) or "/" in aktenzeichen
    assert_accessible(page)

    page.get_by_role("link", name="Vorgang anlegen").click()
    page.get_by_label("Betreff").fill("Antrag des Gewerbevereins")
    page.locator("main form button[type=submit]").first.click()
    page.get_by_role("link", name="Dokument hinzufügen").first.click()
    page.get_by_label("Titel").fill("Lageplan Standflächen")
    page.get_by_label("Absender").fill("Gewerbeverein Rastatt e. V.")
    page.get_by_label("Datei").set_input_files(
        {
            "name": "Lageplan.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf("Lageplan der Standflaechen am Glockenspielbrunnen"),
        }
    )
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("main")).to_contain_text("Lageplan.pdf")
    assert_accessible(page)

    # a second version; the first stays listed
    page.get_by_label("Datei").first.set_input_files(
        {
            "name": "Lageplan-v2.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf("Zweite Fassung: Stand 4 an der Nordseite des Glockenspielbrunnens"),
        }
    )
    page.get_by_label("Kommentar").first.fill("Standfläche 4 verschoben")
    page.get_by_role("button", name="Neue Version hochladen").click()
    expect(page.locator("main")).to_contain_text("Lageplan-v2.pdf")
    expect(page.locator("main")).to_contain_text("Lageplan.pdf")
    expect(page.locator("main")).to_contain_text("Standfläche 4 verschoben")

    # the newest version's text was read after the upload: the search finds a word of it
    page.goto(base + "/admin/e-akte/suche/?q=Nordseite")
    expect(page.locator("main")).to_contain_text("Lageplan Standflächen")
    assert_accessible(page)


def test_records_officer_sees_the_disposal_list_and_the_audit_trail(page, demo_server):
    base = f"http://rastatt.localhost:{demo_server}"
    login(page, base, "registratur.rastatt", "demo-rastatt")
    page.goto(base + "/admin/e-akte/aussonderung/")
    main = page.locator("main")
    expect(main).to_contain_text("V – vernichten")
    expect(main).to_contain_text("A – an das Archiv abgeben")
    expect(main).to_contain_text("B – zu bewerten")
    assert_accessible(page)
    page.goto(base + "/admin/e-akte/protokoll/")
    expect(main).to_contain_text("Angelegt")
    assert_accessible(page)
    page.goto(base + "/admin/e-akte/aktenplan/")
    expect(main).to_contain_text("Allgemeine Verwaltung")
    assert_accessible(page)
