"""The documented reverse proxy, for real: Varnish with deploy/varnish/redi.vcl in front of
the portal keeps anonymous pages, passes everything personal, and is purged through
wagtail.contrib.frontend_cache the moment a change is committed."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail.models import Site

from tests.conftest import host
from tests.utils import REPO, need

pytestmark = [pytest.mark.django_db(transaction=True)]
VCL = REPO / "deploy" / "varnish" / "redi.vcl"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def varnish(live_server, tmp_path: Path):
    binary = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
    )
    need(binary is not None, "varnishd not installed (apt-get install varnish)")
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "redi.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8080";', f'.port = "{backend_port}";'))
    port = free_port()
    process = subprocess.Popen(
        [binary, "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-f", str(vcl),
         "-n", str(tmp_path / "varnish"), "-s", "malloc,32m"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail("varnishd did not start: " + (process.stdout.read() or ""))
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch(url: str, host_header: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Host": host_header})
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.headers, response.read().decode()


def test_varnish_keeps_anonymous_pages_and_is_purged_on_publish(demo_seeded, varnish, page_cache):
    town = host("bruchsal")
    with override_settings(
        WAGTAILFRONTENDCACHE={
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": varnish,
            }
        }
    ):
        headers, first = fetch(varnish + "/", town)
        assert headers["X-Cache"] == "MISS"
        assert headers["Cache-Control"] == "public, max-age=0, s-maxage=600"
        headers, second = fetch(varnish + "/", town)
        assert headers["X-Cache"] == "HIT"
        assert second == first
        assert "x-redi-host" not in {name.lower() for name in headers}

        # a visitor with a session always reaches the portal; nothing of theirs is kept
        headers, _ = fetch(varnish + "/", town, cookie="sessionid=abc")
        assert headers["X-Cache"] != "HIT"

        # an editor publishes: committed at once here, the proxy is purged after the commit
        home = Site.objects.get(hostname="bruchsal.localhost").root_page.specific
        home.title = "Bruchsal – frisch veröffentlicht"
        home.save_revision().publish()
        headers, fresh = fetch(varnish + "/", town)
        assert headers["X-Cache"] == "MISS"
        assert "Bruchsal – frisch veröffentlicht" in fresh
        assert fetch(varnish + "/", town)[0]["X-Cache"] == "HIT"


def test_varnish_never_keeps_a_page_with_a_form_token(demo_seeded, varnish, page_cache):
    from vereinsportal.models import EventPage

    for event in EventPage.objects.live().filter(signup_enabled=True):
        site = event.get_site()
        path = event.relative_url(site)
        headers, body = fetch(varnish + path, f"{site.hostname}:{site.port}")
        if "csrfmiddlewaretoken" in body:
            break
    else:
        pytest.fail("the demo has no event page with a sign-up form")
    assert "public" not in headers.get("Cache-Control", "")
    assert fetch(varnish + path, f"{site.hostname}:{site.port}")[0]["X-Cache"] != "HIT"
