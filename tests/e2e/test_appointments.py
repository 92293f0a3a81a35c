"""Terminvereinbarung in Chromium: a citizen books an appointment for two services from
the service page and confirms it from the mail; staff call a walk-in and the waiting
room's display shows it live over WebSocket. axe on every citizen page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .test_online_application import assert_accessible, mail_to

pytestmark = pytest.mark.e2e


def test_citizen_books_for_two_services_and_confirms_by_mail(demo_server, demo_dir, browser):
    town = f"http://rastatt.localhost:{demo_server}"
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    foreign: list[str] = []
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url) if urlsplit(r.url).netloc != urlsplit(town).netloc else None
        ),
    )

    page.goto(town + "/rathaus-service/leistungen/personalausweis-beantragen/")
    page.get_by_role("link", name="Termin vereinbaren").click()
    assert_accessible(page)
    # the service of the page is preselected for one person; add a passport for two
    passport = page.get_by_role("group", name="Reisepass beantragen")
    passport.get_by_label("Anzahl Personen").fill("2")
    page.get_by_role("button", name="Weiter zur Tagesauswahl").click()

    # an accessible month table: days with free times are links
    table = page.get_by_role("table").first
    expect(table).to_be_visible()
    assert_accessible(page)
    table.get_by_role("link").first.click()

    # a plain list of free times, then the details
    expect(page.get_by_role("group", name=re.compile("Freie Uhrzeiten am"))).to_be_visible()
    assert_accessible(page)
    first_time = page.get_by_role("radio").first
    chosen = page.locator(f"label[for='{first_time.get_attribute('id')}']").inner_text()
    first_time.check()
    page.get_by_label("Vor- und Nachname").fill("Svenja Brandt")
    page.get_by_label("E-Mail-Adresse").fill("svenja.brandt@example.org")
    page.get_by_role("checkbox", name=re.compile("einverstanden")).check()
    page.get_by_role("button", name="Termin anfragen").click()
    expect(page.locator("main")).to_contain_text("15 Minuten")
    assert_accessible(page)

    # double opt-in: the link from the mail, then the button
    _subject, text = mail_to(demo_dir / "server.log", "svenja.brandt@example.org", "")
    confirm_link = re.search(r"https?://\S+/termine/bestaetigen/\S+/", text).group()
    page.goto(confirm_link)
    assert_accessible(page)
    page.get_by_role("button", name="Termin verbindlich buchen").click()
    main = page.locator("main")
    expect(main).to_contain_text(chosen.replace(" Uhr", "").strip())
    expect(main).to_contain_text("Personalausweis beantragen")
    expect(main).to_contain_text("Reisepass beantragen")
    assert_accessible(page)
    subject, text = mail_to(
        demo_dir / "server.log", "svenja.brandt@example.org", "", containing="/termine/verwalten/"
    )
    manage_link = re.search(r"https?://\S+/termine/verwalten/\S+/", text).group()
    page.goto(manage_link)
    assert_accessible(page)
    assert foreign == []
    context.close()


def test_call_display_updates_live_when_staff_call_the_next_number(demo_server, browser):
    town = f"http://gaggenau.localhost:{demo_server}"
    staff = browser.new_context(locale="de-DE")
    admin = staff.new_page()
    admin.goto(town + "/admin/login/")
    admin.locator("input[name=username]").fill("buergerservice.gaggenau")
    admin.locator("input[name=password]").fill("demo-gaggenau")
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url(re.compile("/admin/$"))
    admin.goto(town + "/admin/termine/")
    admin.get_by_role("link", name="Bürgerbüro").first.click()
    admin.get_by_role("link", name="Wartenummern").first.click()
    office_id = re.search(r"/admin/termine/(\d+)/", admin.url).group(1)

    display_context = staff.browser.new_context(locale="de-DE")
    display = display_context.new_page()
    sockets: list[str] = []
    display.on("websocket", lambda ws: sockets.append(ws.url))
    display.goto(f"{town}/aufruf/{office_id}/")
    assert_accessible(display)
    expect(display.locator("#aufrufe")).to_contain_text("Noch keine Aufrufe")

    admin.get_by_role("button", name="Wartenummer ziehen").click()
    admin.get_by_role("button", name="Nächste Nummer aufrufen").click()
    # pushed over the WebSocket: well before the 5-second polling would come
    expect(display.locator("#aufrufe tr.is-latest")).to_contain_text("1", timeout=3000)
    expect(display.locator("#aufrufe tr.is-latest")).to_contain_text("Schalter")
    expect(display.locator("#ansage")).to_have_text(re.compile(r"Nummer 1 bitte zu Schalter \d"))
    assert sockets and sockets[0].endswith(f"/ws/aufruf/{office_id}/")
    display_context.close()
    staff.close()
