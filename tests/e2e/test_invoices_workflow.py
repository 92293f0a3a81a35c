"""The approval path in a real browser: Rechnungseingang checks an invoice formally, a
colleague confirms "sachlich richtig", another "rechnerisch richtig"; the person who
confirmed "sachlich richtig" is refused the Anordnung (four eyes) and sees why; the Anordnung
person orders. The list and the invoice page are checked with axe-core."""

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
TOWN = "rastatt"
DEMO_PASSWORD = f"demo-{TOWN}"
BOTH_USER = "e2e.vieraugen.rastatt"
BOTH_PASSWORD = "e2e-Vier-Augen-2026"
FOUR_EYES = (
    "Sie haben diese Rechnung als sachlich richtig gezeichnet – die Anordnung muss eine "
    "andere Person geben."
)

SETUP = """
import hashlib
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from backoffice.invoices import roles, steps
from backoffice.invoices.document.reader import read_invoice
from backoffice.invoices.models import ApprovalLimit, Invoice, InvoiceStep, Source
from portal.core.models import OrganisationalUnit, TownSettings
from portal.demo.invoices_content import leitweg_check_digits, route_id, MUNICIPALITY_KEYS, OFFICES
from portal.demo.services_content import UNITS

town = TownSettings.objects.get(slug="{town}")
groups = roles.setup_town(town)
unit = OrganisationalUnit.objects.get(site=town.site, name=UNITS["bauamt"][0])

user, _ = get_user_model().objects.get_or_create(
    username="{both_user}", defaults={{"first_name": "Vera", "last_name": "Vieraugen"}}
)
user.set_password("{both_password}")
user.save()
user.groups.add(groups["Sachliche Prüfung"], groups["Anordnung"])
unit.members.add(user)
ApprovalLimit.objects.get_or_create(
    site=town.site, user=user, defaults={{"max_amount": Decimal("100000")}}
)

data = Path("{path}").read_bytes()
result = read_invoice(data, "e2e.xml")
doc = result.document
stored = doc.to_dict()
for attachment in stored["attachments"]:
    attachment["content"] = None
coarse = MUNICIPALITY_KEYS["{town}"]
fine = OFFICES["bauamt"]
invoice = Invoice.objects.create(
    site=town.site,
    org_unit=unit,
    source=Source.UPLOAD,
    original=ContentFile(data, name="e2e.xml"),
    original_name="{number}.xml",
    original_sha256=hashlib.sha256(data + b"{number}").hexdigest(),
    container="xml",
    syntax=result.syntax,
    specification_id=doc.specification_id,
    document=stored,
    number="{number}",
    issue_date=doc.issue_date,
    type_code=doc.type_code,
    currency=doc.currency,
    leitweg_id=route_id("{town}", "bauamt") + "-" + leitweg_check_digits(coarse, fine),
    seller_name="E2E Gerüstbau Murgtal GmbH",
    seller_key="E2E-{number}",
    net_total=doc.totals.without_vat,
    vat_total=doc.totals.vat_total,
    gross_total=doc.totals.with_vat,
    amount_due=doc.totals.due,
    iban=doc.iban,
    creditor_name="E2E Gerüstbau Murgtal GmbH",
)
steps.record(invoice, InvoiceStep.Action.RECEIVED, to_status=invoice.status)
print("INVOICE", invoice.pk)
"""


@pytest.fixture(scope="module")
def invoice_pk(demo_server, demo_dir) -> int:
    """A fresh invoice of the Rastatt Bauamt (from the XRechnung test suite) and a person who
    has both "Sachliche Prüfung" and "Anordnung", in the demo's database."""
    number = f"E2E-{uuid.uuid4().hex[:8].upper()}"
    script = SETUP.format(
        town=TOWN,
        both_user=BOTH_USER,
        both_password=BOTH_PASSWORD,
        path=suite.testsuite_file("01.01a-INVOICE_ubl.xml"),
        number=number,
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "REDI_VAR_DIR": str(demo_dir),
        "DATABASE_URL": f"sqlite:///{demo_dir / 'demo.sqlite3'}",
        "REDI_DEMO_PORT": str(demo_server),
    }
    env.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(re.search(r"INVOICE (\d+)", done.stdout).group(1))


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


def as_user(browser, base: str, username: str, password: str):
    """A fresh browser context logged in as ``username``; returns its page."""
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile("/admin/$"))
    return page


def test_four_eyes_path_from_formal_check_to_anordnung(browser, demo_server, invoice_pk):
    base = f"http://{TOWN}.localhost:{demo_server}"
    detail = f"{base}/admin/rechnungen/{invoice_pk}/"

    # Rechnungseingang: the list, the invoice, the formal check
    page = as_user(browser, base, f"rechnungseingang.{TOWN}", DEMO_PASSWORD)
    page.goto(base + "/admin/rechnungen/?q=E2E+Ger%C3%BCstbau")
    main = page.locator("main")
    expect(main).to_contain_text("E2E Gerüstbau Murgtal GmbH")
    expect(main).to_contain_text("Eingegangen")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(r"^E2E-")).first.click()
    expect(page).to_have_url(detail)
    expect(main).to_contain_text("Fälliger Betrag (BT-115)")
    expect(main).to_contain_text("DE79000000001234567890")
    assert_accessible(page)
    page.locator("#id_formal-comment").fill("Auftrag Gerüst Rathaus liegt vor")
    page.get_by_role("button", name="Formal prüfen").click()
    expect(page.locator(".messages")).to_contain_text("ist formal geprüft")
    page.context.close()

    # the colleague with both roles confirms "sachlich richtig"
    both = as_user(browser, base, BOTH_USER, BOTH_PASSWORD)
    both.goto(detail)
    both.locator("#id_factual-comment").fill("Gerüst stand wie bestellt")
    both.get_by_role("button", name="Sachlich richtig zeichnen").click()
    expect(both.locator(".messages")).to_contain_text("ist sachlich richtig gezeichnet")
    expect(both.locator("main")).to_contain_text("Gerüst stand wie bestellt")

    # Rechnerische Prüfung
    page = as_user(browser, base, f"rechnerisch.{TOWN}", DEMO_PASSWORD)
    page.goto(detail)
    page.get_by_role("button", name="Rechnerisch richtig zeichnen").click()
    expect(page.locator(".messages")).to_contain_text("ist rechnerisch richtig gezeichnet")
    page.context.close()

    # four eyes: who confirmed "sachlich richtig" may not order – and is told why
    both.goto(detail)
    expect(both.locator("main")).to_contain_text(FOUR_EYES)
    expect(both.get_by_role("button", name="Zahlung anordnen")).to_have_count(0)
    assert_accessible(both)
    both.context.close()

    # another person orders
    page = as_user(browser, base, f"anordnung.{TOWN}", DEMO_PASSWORD)
    page.goto(detail)
    expect(page.locator("main")).to_contain_text("innerhalb Ihrer Anordnungsgrenze")
    page.get_by_role("button", name="Zahlung anordnen").click()
    expect(page.locator(".messages")).to_contain_text("ist angeordnet")
    main = page.locator("main")
    expect(main).to_contain_text("exportiert die Kasse")
    path = main.locator("table", has=page.locator("caption", has_text="Bearbeitungsschritte"))
    for step in ["Formal geprüft", "Sachlich richtig", "Rechnerisch richtig", "Angeordnet"]:
        expect(path).to_contain_text(step)
    expect(path).to_contain_text("Vera Vieraugen")
    assert_accessible(page)
    page.context.close()
