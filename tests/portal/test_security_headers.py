"""Security headers (issue #12, ASVS V3): what a browser is told on citizen pages, in the
admin, and how the production settings name and guard cookies."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils.csp import LazyNonce

from blocks.embeds import osm_links, video_embed
from portal.pagecache import policy
from tests.portal.test_production_settings import PRODUCTION_ENV, S3_ENV, S3_NAMES
from tests.utils import manage, printed

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_citizen_page_gets_the_strict_policy(site_client):
    response = site_client("bruchsal").get("/")

    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_citizen_page_has_no_inline_script(site_client):
    """What the strict policy would block must not be on the page in the first place."""
    from bs4 import BeautifulSoup

    for path in ("/", "/suche/?q=Pass"):
        html = site_client("bruchsal").get(path, follow=True).content.decode()
        soup = BeautifulSoup(html, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", script
        assert not soup.select("[style]")
        assert not soup.find_all("style")
        for tag in soup.find_all(True):
            assert not [attribute for attribute in tag.attrs if attribute.startswith("on")], tag


def test_admin_gets_its_own_policy(client):
    response = client.get("/admin/login/")

    csp = directives(response["Content-Security-Policy"])
    # Wagtail 8's admin writes inline scripts: allowed there, and only there
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert response["Permissions-Policy"].startswith("accelerometer=()")


def test_every_embed_provider_may_be_framed_and_nothing_else():
    """The two-click consent loads these frames; the policy must let exactly them in."""
    embeds = [
        video_embed("https://www.youtube.com/watch?v=aqz-KE-bpKQ")["embed_url"],
        video_embed("https://vimeo.com/76979871")["embed_url"],
        osm_links(48.8, 8.2, 14)["embed_url"],
    ]
    origins = {"{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in embeds}

    assert origins == set(settings.SECURE_CSP["frame-src"])


def test_a_page_that_used_its_nonce_is_never_stored_in_the_page_cache():
    from django.http import HttpResponse

    request = RequestFactory().get("/")
    policy.allow(request)
    request._csp_nonce = LazyNonce()
    assert policy.response_may_be_stored(request, HttpResponse("x"), 10_000)

    str(request._csp_nonce)  # a template wrote it into a <script nonce="…">

    assert not policy.response_may_be_stored(request, HttpResponse("x"), 10_000)


PRODUCTION_REPORT = """
import json
from django.conf import settings
print(json.dumps({
    "session": settings.SESSION_COOKIE_NAME, "csrf": settings.CSRF_COOKIE_NAME,
    "secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "samesite": [settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SAMESITE],
    "hsts": settings.SECURE_HSTS_SECONDS, "frames": settings.X_FRAME_OPTIONS,
    "csp": settings.SECURE_CSP, "admin": settings.SECURE_CSP_ADMIN,
    "two_factor": settings.STAFF_TWO_FACTOR,
}, default=str))
"""


def test_production_cookies_are_host_bound_and_media_origins_allowed():
    plain = json.loads(
        printed(PRODUCTION_REPORT, env=PRODUCTION_ENV, drop=[*S3_NAMES, *PRODUCTION_ENV])
    )
    assert (plain["session"], plain["csrf"]) == ("__Host-sessionid", "__Host-csrftoken")
    assert plain["secure"] == [True, True]
    assert plain["samesite"] == ["Lax", "Lax"]
    assert plain["hsts"] >= 31_536_000
    assert plain["two_factor"] == "required"  # no admin of a live installation without it
    assert plain["frames"] == "DENY"  # Wagtail's preview views allow SAMEORIGIN themselves
    assert plain["csp"]["upgrade-insecure-requests"] is True
    assert plain["csp"]["img-src"] == ["'self'", "data:"]

    with_s3 = json.loads(
        printed(
            PRODUCTION_REPORT, env={**PRODUCTION_ENV, **S3_ENV}, drop=[*S3_NAMES, *PRODUCTION_ENV]
        )
    )
    assert "https://s3.redi.example" in with_s3["csp"]["img-src"]
    assert "https://redi-media.s3.redi.example" in with_s3["admin"]["img-src"]


def test_check_deploy_passes_with_production_settings():
    """``manage.py check --deploy --fail-level WARNING``, as an operator would run it."""
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=PRODUCTION_ENV,
        drop=[*S3_NAMES, *PRODUCTION_ENV],
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
