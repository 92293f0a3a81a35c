from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.test import Client

from portal.core.models import TownSettings
from themes import contrast
from themes.defaults import DEFAULT_THEMES
from themes.models import Theme

WHITE = "#ffffff"


@pytest.mark.parametrize("spec", DEFAULT_THEMES, ids=lambda t: t.slug)
def test_shipped_themes_pass_the_contrast_guard(spec):
    theme = Theme(
        name=spec.name,
        slug=spec.slug,
        primary=spec.primary,
        secondary=spec.secondary,
        accent=spec.accent,
        surface=spec.surface,
    )
    theme.clean()  # raises on any failing pair
    assert contrast.ratio(WHITE, theme.primary_dark) >= 4.5


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert contrast.ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast.ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_adjust_finds_a_passing_colour_of_the_same_hue():
    suggestion = contrast.adjust("#7fb7be", WHITE, 4.5)
    assert contrast.ratio(suggestion, WHITE) >= 4.5
    assert suggestion != "#7fb7be"
    assert contrast.adjust("#1d4f91", WHITE) == "#1d4f91"


def test_failing_colour_is_refused_with_the_measured_ratio_and_a_suggestion():
    theme = Theme(
        name="Test",
        slug="test",
        primary="#7fb7be",
        secondary="#123260",
        accent="#a67c0c",
        surface="#edf2fa",
    )
    with pytest.raises(ValidationError) as caught:
        theme.clean()
    message = " ".join(caught.value.message_dict["primary"])
    assert "2,23 : 1 gemessen" in message
    assert "mindestens 4,5 : 1" in message
    suggestion = message.split("Vorschlag: ")[1].rstrip(".")
    assert contrast.ratio(WHITE, suggestion) >= 4.5


@pytest.mark.django_db
def test_editor_cannot_save_a_failing_theme_in_the_admin():
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(get_user_model().objects.get(username="admin"))
    theme = Theme.objects.get(slug="bruchsal")
    before = theme.primary

    response = client.post(
        f"/admin/snippets/themes/theme/edit/{theme.pk}/",
        {
            "name": theme.name,
            "slug": theme.slug,
            "primary": "#f4a6b0",
            "secondary": theme.secondary,
            "accent": theme.accent,
            "surface": theme.surface,
        },
    )

    assert response.status_code == 200  # the form again, with the error
    errors = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Zu wenig Kontrast zu weißer Schrift" in errors
    assert ": 1 gemessen" in errors
    theme.refresh_from_db()
    assert theme.primary == before


@pytest.mark.django_db
def test_each_demo_town_has_its_own_theme_with_a_logo():
    primaries = set()
    for town in TownSettings.objects.select_related("theme"):
        assert town.theme is not None, town.slug
        assert town.theme.slug == town.slug
        assert finders.find(town.theme.static_logo_path)
        primaries.add(town.theme.primary)
    assert len(primaries) == 10


@pytest.mark.django_db
def test_tokens_stylesheet_serves_the_theme_colours():
    response = Client().get("/theme/bruchsal/tokens.css", HTTP_HOST="localhost:8000")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    body = response.content.decode()
    assert f"--color-primary: {Theme.objects.get(slug='bruchsal').primary};" in body
    assert Client().get("/theme/unbekannt/tokens.css").status_code == 404


@pytest.mark.django_db
def test_changing_a_theme_changes_the_stylesheet_address(site_client):
    theme = Theme.objects.get(slug="bretten")
    soup = BeautifulSoup(site_client("bretten").get("/").content, "html.parser")
    before = soup.select("link[rel=stylesheet]")[-1]["href"]

    theme.primary = "#17406f"
    theme.save()

    soup = BeautifulSoup(site_client("bretten").get("/").content, "html.parser")
    after = soup.select("link[rel=stylesheet]")[-1]["href"]
    assert before != after and after.startswith("/theme/bretten/tokens.css?v=")
