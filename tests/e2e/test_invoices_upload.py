"""Uploading e-invoices in a real browser: the Rechnungseingang of Rastatt chooses two files,
each is sent on its own with a progress bar, and both result rows appear – one accepted
(number, seller, amount), one rejected with its rule id. The page is checked with axe-core."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.invoices import conftest as suite

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
USERNAME = "e2e.rechnungseingang.rastatt"
PASSWORD = "e2e-Rechnungen-2026"

SETUP = f"""
from django.contrib.auth import get_user_model
from portal.core.models import OrganisationalUnit, TownSettings
from backoffice.invoices import roles

town = TownSettings.objects.get(slug="rastatt")
groups = roles.setup_town(town)
user, _ = get_user_model().objects.get_or_create(
    username="{USERNAME}", defaults={{"first_name": "Erika", "last_name": "Eingang"}}
)
user.set_password("{PASSWORD}")
user.save()
user.groups.add(groups["Rechnungseingang"])
unit, _ = OrganisationalUnit.objects.get_or_create(
    site=town.site, name="Rechnungseingang (E2E)", defaults={{"city": "Rastatt"}}
)
unit.members.add(user)
"""


@pytest.fixture(scope="module")
def clerk(demo_server, demo_dir):
    """A Rechnungseingang clerk of Rastatt in the demo's database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "REDI_VAR_DIR": str(demo_dir),
        "DATABASE_URL": f"sqlite:///{demo_dir / 'demo.sqlite3'}",
        "REDI_DEMO_PORT": str(demo_server),
    }
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "-c", SETUP],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return USERNAME, PASSWORD


def assert_accessible(page) -> None:
    """axe-core on the page's own content (the admin frame and flash messages are Wagtail's)."""
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


def a_new_invoice() -> tuple[str, bytes]:
    """A valid XRechnung of the test suite with a number no other test used."""
    number = f"E2E-{uuid.uuid4().hex[:10].upper()}"
    xml = suite.testsuite_file("01.01a-INVOICE_ubl.xml").read_text(encoding="utf-8")
    return number, xml.replace(
        "<cbc:ID>123456XX</cbc:ID>", f"<cbc:ID>{number}</cbc:ID>", 1
    ).encode()


def test_clerk_uploads_two_files_and_sees_both_results(page, demo_server, clerk):
    base = f"http://rastatt.localhost:{demo_server}"
    login(page, base, *clerk)

    page.goto(base + "/admin/rechnungen/hochladen/")
    main = page.locator("main")
    expect(main).to_contain_text("Rechnungsdateien")
    assert_accessible(page)

    number, valid = a_new_invoice()
    page.get_by_label("Rechnungsdateien").set_input_files(
        [
            {"name": "rechnung-gueltig.xml", "mimeType": "application/xml", "buffer": valid},
            {"name": "kaputt.xml", "mimeType": "application/xml", "buffer": b"<Invoice><oh"},
        ]
    )
    page.get_by_role("button", name="Hochladen").click()

    rows = page.locator("[data-upload-results] > li")
    expect(rows).to_have_count(2)
    accepted = rows.filter(has_text="rechnung-gueltig.xml")
    rejected = rows.filter(has_text="kaputt.xml")
    expect(accepted).to_have_attribute("data-outcome", "accepted", timeout=30_000)
    expect(rejected).to_have_attribute("data-outcome", "rejected", timeout=30_000)
    for row in (accepted, rejected):
        progress = row.locator("progress")
        expect(progress).to_have_attribute("data-complete", "")
        assert progress.evaluate("node => node.value") == 100
        expect(row).to_contain_text("Fertig")
    expect(accepted).to_contain_text("Angenommen")
    expect(accepted).to_contain_text(number)
    expect(accepted).to_contain_text("[Seller name]")
    expect(accepted).to_contain_text("336,90 EUR")
    expect(rejected).to_contain_text("Abgelehnt")
    expect(rejected).to_contain_text("XML-WOHLGEFORMT")
    assert_accessible(page)

    # the same invoice again (other bytes): a possible duplicate, taken on request
    page.get_by_label("Rechnungsdateien").set_input_files(
        [{"name": "nochmal.xml", "mimeType": "application/xml", "buffer": valid + b"<!-- 2 -->"}]
    )
    page.get_by_role("button", name="Hochladen").click()
    again = rows.filter(has_text="nochmal.xml")
    expect(again).to_have_attribute("data-outcome", "duplicate", timeout=30_000)
    again.get_by_role("button", name="Trotzdem als Dublette übernehmen").click()
    expect(again).to_have_attribute("data-outcome", "accepted", timeout=30_000)
    expect(again).to_contain_text("DUBLETTE")
