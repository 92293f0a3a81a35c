"""Browser journeys: a real demo server (its own SQLite database, seeded by the demo
command) and Debian's Chromium driven by Playwright.

Chromium cannot be downloaded here: install Debian's package (`apt-get install
chromium`) or point REDI_CHROMIUM at a binary. Without it these tests are skipped
with that reason – unless REDI_REQUIRE_BROWSER=1 (as in CI), where they fail.
"""

from __future__ import annotations

import os

import pytest

from portal.demo.server import CHROMIUM_FLAGS, chromium_path
from portal.demo.server import demo_server as run_demo_server


def pytest_collection_modifyitems(config, items):
    if chromium_path() or os.environ.get("REDI_REQUIRE_BROWSER") == "1":
        return
    skip = pytest.mark.skip(
        reason="Chromium not found: install Debian's package (apt-get install chromium) "
        "or set REDI_CHROMIUM to its path"
    )
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory):
    """Where the demo server keeps its database, files and log (``server.log``, which
    holds the mails: the demo sends them to the console)."""
    return tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="session")
def demo_server(demo_dir):
    """Runs the demo exactly as `make demo` does, on a free port; yields the port."""
    with run_demo_server(demo_dir) as port:
        yield port


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    if path is None:
        pytest.fail("REDI_REQUIRE_BROWSER=1 but Chromium was not found")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_FLAGS}


@pytest.fixture
def requests_seen(page):
    """Every network request the page makes, recorded as URLs."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A German browser, as most of the towns' users have."""
    return {**browser_context_args, "locale": "de-DE"}


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Every journey also proves the Content-Security-Policy holds: anything the browser
    refused (an inline script, a style, a frame, a connection) fails the test."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield
    assert not refused, "Content-Security-Policy violations:\n" + "\n".join(refused)
