from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from themes import registry
from themes.contrast import ratio

WHITE = "#ffffff"


@pytest.mark.parametrize("theme", registry.all_themes(), ids=lambda t: t.slug)
def test_theme_colours_reach_wcag_aa_contrast(theme):
    assert ratio(WHITE, theme.primary) >= 4.5  # navigation text on the primary colour
    assert ratio(WHITE, theme.primary_dark) >= 4.5  # footer text
    assert ratio(theme.primary, theme.surface) >= 4.5  # teaser links
    assert ratio(theme.primary_dark, WHITE) >= 4.5  # link hover


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_town_has_a_theme_and_a_logo():
    slugs = {theme.slug for theme in registry.all_themes()}
    assert {"region", "bruchsal", "rastatt", "buehl", "baden-baden"} <= slugs
    assert len(slugs) == 10
    for theme in registry.all_themes():
        assert finders.find(theme.logo_path), theme.slug


def test_unknown_theme_falls_back_to_the_regional_one():
    assert registry.get("gibt-es-nicht").slug == "region"


@pytest.mark.django_db
def test_tokens_stylesheet_serves_the_theme_colours():
    response = Client().get("/theme/bruchsal/tokens.css", HTTP_HOST="localhost:8000")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    body = response.content.decode()
    assert f"--color-primary: {registry.get('bruchsal').primary};" in body
    assert Client().get("/theme/unbekannt/tokens.css").status_code == 404
