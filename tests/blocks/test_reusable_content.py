"""A shared snippet, edited once, shows on every page that places it – in its own town
or, when region-wide, everywhere."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from blocks.models import ReusableContent
from portal.core.models import TownSettings
from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def home(slug):
    return TownSettings.objects.get(slug=slug).site


def place(site, snippet, slug):
    return ContentPageFactory(
        parent=site.root_page,
        slug=slug,
        body=[{"type": "reusable", "value": {"content": snippet.pk}}],
    )


def text(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser").main.get_text(" ", strip=True)


def test_region_wide_snippet_shows_on_every_town_and_updates_everywhere(site_client):
    snippet = ReusableContent.objects.create(
        title="Online-Dienste",
        body=[{"type": "paragraph", "value": "<p>Viele Anliegen erledigen Sie online.</p>"}],
    )
    place(home("bruchsal"), snippet, "online")
    place(home("rastatt"), snippet, "online")

    assert "erledigen Sie online" in text(site_client("bruchsal"), "/online/")
    assert "erledigen Sie online" in text(site_client("rastatt"), "/online/")

    snippet.body = [{"type": "paragraph", "value": "<p>Neu: Termine online buchen.</p>"}]
    snippet.save()
    assert "Termine online buchen" in text(site_client("bruchsal"), "/online/")
    assert "Termine online buchen" in text(site_client("rastatt"), "/online/")


def test_town_snippet_is_not_shown_on_another_towns_page(site_client):
    snippet = ReusableContent.objects.create(
        title="Baustelle Kaiserstraße",
        site=home("bruchsal"),
        body=[{"type": "paragraph", "value": "<p>Die Kaiserstraße ist gesperrt.</p>"}],
    )
    place(home("bruchsal"), snippet, "baustelle")
    place(home("rastatt"), snippet, "baustelle")

    assert "Kaiserstraße ist gesperrt" in text(site_client("bruchsal"), "/baustelle/")
    assert "Kaiserstraße ist gesperrt" not in text(site_client("rastatt"), "/baustelle/")


def test_unpublished_snippet_is_not_shown(site_client):
    snippet = ReusableContent.objects.create(
        title="Entwurf",
        live=False,
        body=[{"type": "paragraph", "value": "<p>Noch geheim.</p>"}],
    )
    place(home("ettlingen"), snippet, "entwurf")

    assert "Noch geheim" not in text(site_client("ettlingen"), "/entwurf/")


def test_town_snippet_is_not_in_another_towns_api(site_client):
    snippet = ReusableContent.objects.create(
        title="Baustelle Kaiserstraße",
        site=home("bruchsal"),
        body=[{"type": "paragraph", "value": "<p>Die Kaiserstraße ist gesperrt.</p>"}],
    )
    place(home("bruchsal"), snippet, "baustelle")
    page = place(home("rastatt"), snippet, "baustelle")

    own = site_client("bruchsal").get(
        "/api/v2/pages/", {"type": "pages.ContentPage", "slug": "baustelle", "fields": "body"}
    )
    assert "Kaiserstraße ist gesperrt" in own.content.decode()
    other = site_client("rastatt").get(f"/api/v2/pages/{page.pk}/")
    assert other.status_code == 200
    assert "Kaiserstraße ist gesperrt" not in other.content.decode()
