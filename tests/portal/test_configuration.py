"""Settings from the environment: clear failures, production checks, error pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client, override_settings

from tests.utils import manage as run_manage

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k3y-" + "Zq8!rT5@wX2#vB7$nM4%" * 3,
    "ALLOWED_HOSTS": "www.bruchsal.de,redi.example",
    "DATABASE_URL": "postgres://redi@127.0.0.1:5432/redi",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://portal:geheim@mail.redi.example:587",
}


def manage(*args: str, env: dict[str, str]):
    return run_manage(*args, env=env, drop=PRODUCTION_ENV)


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL"])
def test_missing_production_variable_stops_with_one_line_naming_it(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert missing in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("DATABASE_URL", "nonsense://"), ("REDIS_URL", "http://x"), ("REDI_DEMO_PORT", "acht")],
)
def test_broken_variable_stops_with_one_line_naming_it(name, value):
    result = manage("check", env={**PRODUCTION_ENV, name: value})

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]


def test_check_deploy_with_production_settings_reports_nothing():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["bruchsal.localhost"], DEBUG=False)
def test_unknown_host_gets_a_clear_400_page():
    response = Client().get("/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    text = response.content.decode()
    assert "Ungültige Anfrage" in text
    assert "Traceback" not in text and "DisallowedHost" not in text


@pytest.mark.django_db
def test_missing_page_gets_a_404_page_in_the_towns_look(site_client):
    response = site_client("rheinstetten").get("/gibt-es-nicht/")

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Seite nicht gefunden"
    assert soup.select_one(".brand__name").get_text(strip=True) == "Rheinstetten"
    assert soup.body["class"][0] == "theme-rheinstetten"
    assert soup.select_one("footer .legal-links a[href='/impressum/']")


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_machine_translation_is_off_by_default_and_configurable():
    script = (
        "from django.conf import settings; "
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS', 'off'))"
    )
    off = manage("shell", "-c", script, env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev"})
    assert off.stdout.strip().splitlines()[-1] == "off"
    libre = manage(
        "shell",
        "-c",
        script,
        env={
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "MACHINE_TRANSLATION": "libretranslate",
            "LIBRETRANSLATE_URL": "http://127.0.0.1:5000",
        },
    )
    assert libre.stdout.strip().splitlines()[-1].endswith("LibreTranslator")
    missing_key = manage(
        "check",
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "MACHINE_TRANSLATION": "deepl"},
    )
    assert missing_key.returncode != 0
    assert "DEEPL_AUTH_KEY" in missing_key.stderr
