"""The Bürgerservice journey in Chromium: a citizen of Bruchsal finds "Hund anmelden"
through the search, applies online with an upload, gets the reference number and the
mail, follows the case; staff ask a question in the inbox; the citizen sees it.
Every citizen page on the way is checked with axe-core."""

from __future__ import annotations

import email
import email.policy
import re
import time
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def assert_accessible(page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]
    assert violations == [], page.url


def mails(log_path) -> list[email.message.Message]:
    """The mails the demo server printed (Django's console mail backend)."""
    log = log_path.read_text(errors="replace")
    found = []
    for chunk in re.split(r"\n-{70,}\n", log):
        start = chunk.find("Content-Type: ")
        if start != -1 and "\nSubject: " in chunk:
            found.append(email.message_from_string(chunk[start:], policy=email.policy.default))
    return found


def mail_to(log_path, address: str, subject_part: str, containing: str = "") -> tuple[str, str]:
    """Subject and text of the last mail to ``address`` with ``subject_part`` in the
    subject and ``containing`` in the text."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for message in reversed(mails(log_path)):
            subject = str(message["Subject"])
            text = message.get_body(preferencelist=("plain",)).get_content()
            if message["To"] == address and subject_part in subject and containing in text:
                return subject, text
        time.sleep(0.2)
    raise AssertionError(f"no mail '{subject_part}' to {address} in the server log")


def test_citizen_applies_staff_asks_citizen_sees_the_question(
    demo_server, demo_dir, browser, tmp_path
):
    town = f"http://bruchsal.localhost:{demo_server}"
    citizen = browser.new_context(locale="de-DE")
    page = citizen.new_page()
    foreign: list[str] = []
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url) if urlsplit(r.url).netloc != urlsplit(town).netloc else None
        ),
    )

    # find the service through the site search
    page.goto(town + "/")
    page.get_by_role("searchbox").first.fill("Hund")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_role("link", name="Hund anmelden").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hund anmelden")
    assert_accessible(page)

    # apply online: step 1, the person
    page.get_by_role("link", name="Online beantragen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Halterin oder Halter")
    assert_accessible(page)
    page.get_by_label("Vorname").fill("Jana")
    page.get_by_label("Nachname").fill("Schäfer")
    page.get_by_label("Straße und Hausnummer").fill("Kaiserstraße 12")
    page.get_by_label("Postleitzahl").fill("76646")
    page.get_by_label("Ort", exact=True).fill("Bruchsal")
    page.get_by_label("E-Mail-Adresse").fill("jana.schaefer@example.org")
    page.wait_for_timeout(3200)  # people take longer than bots (time-to-submit check)
    page.get_by_role("button", name="Weiter", exact=True).last.click()

    # step 2, the dog: a listed breed asks for the permit (conditional upload)
    expect(page.get_by_role("heading", level=1)).to_have_text("Ihr Hund")
    page.get_by_label("Name des Hundes").fill("Bruno")
    page.get_by_label("Rasse").fill("Staffordshire-Mischling")
    page.get_by_label("Geburtsdatum des Hundes").fill("2023-04-01")
    page.get_by_label("Der Hund lebt bei mir seit").fill("2026-10-01")
    page.get_by_label("Wie viele Hunde halten Sie insgesamt (mit diesem)?").fill("1")
    upload = page.get_by_label("Erlaubnis oder Negativzeugnis")
    expect(upload).to_be_hidden()  # shown only for a listed breed
    page.get_by_role("radio", name="ja").check()
    expect(upload).to_be_visible()
    permit = tmp_path / "Negativzeugnis Bruno.pdf"
    permit.write_bytes(PDF)
    upload.set_input_files(str(permit))
    assert_accessible(page)
    page.get_by_role("button", name="Weiter", exact=True).last.click()

    # step 3, consent; then the review page
    expect(page.get_by_role("heading", level=1)).to_have_text("Zahlung und Einwilligung")
    page.get_by_role("checkbox", name=re.compile("Ich stimme zu")).check()
    page.get_by_role("button", name="Weiter zur Prüfung").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Angaben prüfen")
    review = page.locator("main").inner_text()
    assert "Bruno" in review and "Negativzeugnis Bruno.pdf" in review
    assert_accessible(page)
    page.get_by_role("button", name="Verbindlich absenden").click()

    # confirmation: reference number, tracking link, the mail
    main = page.locator("main")
    expect(main).to_contain_text(re.compile(r"BRU-\d{4}-\d{6}"))
    reference = re.search(r"BRU-\d{4}-\d{6}", main.inner_text()).group()
    assert_accessible(page)
    tracking_link = next(
        href
        for href in page.locator("main a").evaluate_all("links => links.map(a => a.href)")
        if "/vorgang/" in href and "/vorgang/link/" not in href
    )
    subject, text = mail_to(demo_dir / "server.log", "jana.schaefer@example.org", reference)
    assert subject == f"Ihr Antrag ist eingegangen: {reference} – Hund anmelden"
    assert tracking_link in text and "Name des Hundes: Bruno" in text

    page.goto(tracking_link)
    expect(page.locator("main")).to_contain_text(reference)
    expect(page.locator("main")).to_contain_text("Eingegangen")
    assert_accessible(page)
    assert foreign == []

    # staff of Bruchsal find the case and ask a question
    staff = browser.new_context(locale="de-DE")
    admin = staff.new_page()
    admin.goto(town + "/admin/login/")
    admin.locator("input[name=username]").fill("buergerservice.bruchsal")
    admin.locator("input[name=password]").fill("demo-bruchsal")
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(re.compile("/admin/$"))
    admin.goto(town + "/admin/vorgaenge/?q=" + reference)
    admin.get_by_role("link", name=reference).click()
    expect(admin.locator("main")).to_contain_text("Negativzeugnis Bruno.pdf")
    admin.get_by_label("Neuer Status").select_option(label="Rückfrage an Antragsteller")
    admin.locator("form", has=admin.get_by_label("Neuer Status")).get_by_label(
        "Nachricht an die antragstellende Person"
    ).fill("Bitte reichen Sie noch den Nachweis der Haftpflichtversicherung nach.")
    admin.get_by_role("button", name="Status ändern").click()
    expect(admin.locator("main")).to_contain_text("Nachweis der Haftpflichtversicherung")

    # the citizen sees the question and gets a mail
    page.goto(tracking_link)
    expect(page.locator("main")).to_contain_text("Rückfrage")
    expect(page.locator("main")).to_contain_text("Nachweis der Haftpflichtversicherung")
    assert_accessible(page)
    mail_to(
        demo_dir / "server.log",
        "jana.schaefer@example.org",
        reference,
        containing="Nachweis der Haftpflichtversicherung",
    )
    citizen.close()
    staff.close()
