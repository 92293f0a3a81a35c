"""Adding a tenth town with one command."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from portal.core.models import TownSettings

pytestmark = pytest.mark.django_db


def test_createtown_creates_a_working_site_with_editors_and_media(capsys):
    call_command(
        "createtown",
        "karlsbad",
        "Karlsbad",
        "karlsbad.localhost",
        "--port",
        "8000",
        "--legal-name",
        "Gemeinde Karlsbad",
    )

    town = TownSettings.objects.get(slug="karlsbad")
    assert town.legal_name == "Gemeinde Karlsbad"
    assert town.editors_group.name == "Redaktion Karlsbad"
    assert town.collection.name == "Karlsbad"
    assert town.theme.slug == "region"
    response = Client().get("/", HTTP_HOST="karlsbad.localhost:8000")
    assert response.status_code == 200
    assert "Karlsbad" in response.content.decode()
    assert "angelegt" in capsys.readouterr().out


def test_createtown_twice_keeps_the_first(capsys):
    call_command("createtown", "karlsbad", "Karlsbad", "karlsbad.localhost")
    call_command("createtown", "karlsbad", "Anderer Name", "anders.localhost")

    assert TownSettings.objects.get(slug="karlsbad").name == "Karlsbad"
    assert "gibt es schon" in capsys.readouterr().out


def test_createtown_refuses_a_bad_slug():
    with pytest.raises(CommandError, match="Ungültiges Kürzel"):
        call_command("createtown", "Karls bad!", "Karlsbad", "karlsbad.localhost")
    assert not TownSettings.objects.filter(name="Karlsbad").exists()
