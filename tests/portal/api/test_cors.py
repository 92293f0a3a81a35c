"""CORS: closed by default; open to the origins in CORS_ALLOWED_ORIGINS, for /api/ only."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[3]
APP = "https://app.bruchsal.example"
ALLOW = "Access-Control-Allow-Origin"


def test_no_cors_header_by_default(site_client, settings):
    response = site_client("bruchsal").get("/api/v2/pages/", HTTP_ORIGIN=APP)

    assert settings.CORS_ALLOWED_ORIGINS == []
    assert response.status_code == 200
    assert ALLOW not in response


@override_settings(CORS_ALLOWED_ORIGINS=[APP])
@pytest.mark.parametrize(
    "path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/openapi.json"]
)
def test_allowed_origin_gets_the_header_on_the_api(site_client, path):
    response = site_client("bruchsal").get(path, HTTP_ORIGIN=APP)

    assert response.status_code == 200
    assert response[ALLOW] == APP
    assert "Access-Control-Allow-Credentials" not in response


@override_settings(CORS_ALLOWED_ORIGINS=[APP])
def test_other_origins_and_other_paths_get_no_header(site_client):
    client = site_client("bruchsal")

    assert ALLOW not in client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert ALLOW not in client.get("/", HTTP_ORIGIN=APP)
    assert ALLOW not in client.get("/theme/bruchsal/tokens.css", HTTP_ORIGIN=APP)


@override_settings(CORS_ALLOWED_ORIGINS=[APP])
def test_preflight_allows_reading_only(site_client):
    response = site_client("bruchsal").options(
        "/api/v2/pages/",
        HTTP_ORIGIN=APP,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 200
    assert response[ALLOW] == APP
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def settings_with(origins: str) -> subprocess.CompletedProcess:
    code = "from django.conf import settings; print(settings.CORS_ALLOWED_ORIGINS)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "CORS_ALLOWED_ORIGINS": origins,
    }
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "--no-imports", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_origins_come_from_the_environment():
    result = settings_with(f"{APP}, http://localhost:3000")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"['{APP}', 'http://localhost:3000']"


@pytest.mark.parametrize("origins", ["app.example", "https://app.example/path", "*"])
def test_broken_origin_stops_with_one_line_naming_the_variable(origins):
    result = settings_with(origins)

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "CORS_ALLOWED_ORIGINS" in lines[0]
