"""An editor sets up the two-factor sign-in in a real Chromium and signs in with it
(issue #12): the QR code page, the first code, the backup codes, then a sign-in that
asks for the second factor. Uses a login no other journey needs (redaktion.stutensee)."""

from __future__ import annotations

import base64
import re

import pytest
from django_otp.oath import totp

pytestmark = pytest.mark.e2e


def sign_in(page, base: str) -> None:
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill("redaktion.stutensee")
    page.locator("input[name=password]").fill("demo-stutensee")
    page.locator("form button[type=submit]").first.click()


def test_editor_sets_up_the_app_and_then_signs_in_with_a_backup_code(page, demo_server):
    base = f"http://stutensee.localhost:{demo_server}"
    sign_in(page, base)
    page.wait_for_url(re.compile("/admin/$"))  # optional in the demo: no code asked yet

    page.goto(base + "/admin/account/")
    page.locator("#tab-label-actions").click()  # Wagtail's tab with the account's actions
    page.get_by_role("link", name="Zwei-Faktor-Anmeldung").click()
    page.wait_for_url(re.compile("/admin/zwei-faktor/einrichten/"))
    assert page.locator("figure.two-factor-qr svg").is_visible()
    secret = page.locator("code").first.inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.locator("input[name=code]").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Einrichten").click()

    page.locator("ul.two-factor-codes").wait_for()
    assert page.locator("#main h1").first.inner_text() == "Ihre Ersatzcodes"
    codes = [item.inner_text() for item in page.locator("ul.two-factor-codes code").all()]
    assert len(codes) == 10
    page.get_by_role("link", name="Weiter").click()

    # next time the password alone is not enough
    page.context.clear_cookies()
    sign_in(page, base)
    page.wait_for_url(re.compile("/admin/zwei-faktor/"))
    assert page.locator("#main h1").first.inner_text() == "Anmeldung bestätigen"
    page.locator("input[name=code]").fill("000000")
    page.get_by_role("button", name="Bestätigen").click()
    page.locator(".messages li.error", has_text="Der Code stimmt nicht").wait_for()
    page.wait_for_timeout(1200)  # a wrong code slows the next try down by a second
    page.locator("input[name=code]").fill(codes[0])
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url(re.compile("/admin/$"))
    page.locator(".messages li", has_text="noch übrig").first.wait_for()
