"""Editing: the town editor sees which regional sections the town overrides; the regional
text is edited once, by the regional team."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from services.roles import setup_regional_editors, setup_town
from services.sections import SECTIONS

from .factories import LeistungFactory, ServicePageFactory, service_index, town

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    setup_town(town("bruchsal"))
    client.force_login(get_user_model().objects.get(username="redaktion.bruchsal"))
    return client


def test_edit_view_shows_overridden_and_regional_sections(editor):
    page = ServicePageFactory(
        parent=service_index("bruchsal"), hinweise_override="<p>Nur in Bruchsal.</p>"
    )
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {
        row["data-section"]: row.select("td")[1].get_text(" ", strip=True)
        for row in soup.select(".redi-override-summary tr[data-section]")
    }
    assert rows["hinweise"] == "überschrieben (eigener Text)"
    assert rows["kosten"] == "regional"
    assert rows["fristen"] == "kein Text"
    # next to each override field, the regional text it replaces
    kosten = soup.select_one('.redi-regional-text[data-section="kosten"]')
    assert "Regional: 10 Euro." in kosten.get_text()
    assert "Regionaler Text wird angezeigt" in kosten.get_text()


def test_editor_overrides_a_section_through_the_admin(editor, site_client):
    page = ServicePageFactory(parent=service_index("bruchsal"))
    data = {
        "title": page.title,
        "slug": page.slug,
        "leistung": page.leistung_id,
        "responsible_unit": "",
        "town_notes": rich_text(""),
        "application_form": "",
        "external_application_url": "",
        "appointment_url": "",
        "retention_days": 90,
        "retention_action": "anonymise",
        "seo_title": "",
        "search_description": "",
        "social_image": "",
        **{section.override_field: rich_text("") for section in SECTIONS},
        "kosten_override": rich_text("<p>Bruchsal: 15 Euro.</p>"),
        "action-publish": "publish",
    }
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert "Bruchsal: 15 Euro." in page.kosten_override
    html = site_client("bruchsal").get(page.url).content.decode()
    assert "Bruchsal: 15 Euro." in html and "Regional: 10 Euro." not in html


def test_town_editor_reads_but_cannot_change_regional_descriptions(editor):
    leistung = LeistungFactory()
    edit = reverse("wagtailsnippets_services_leistung:edit", args=[leistung.pk])
    response = editor.post(edit, {"name": "Geändert"})
    leistung.refresh_from_db()
    assert leistung.name != "Geändert"
    assert response.status_code in (302, 403)


def test_regional_editor_changes_the_description_for_every_town(client):
    user = get_user_model().objects.get(username="redaktion.region")
    setup_regional_editors(user.groups.get(name="Regionale Redaktion"))
    client.force_login(user)
    leistung = LeistungFactory()
    response = client.get(reverse("wagtailsnippets_services_leistung:edit", args=[leistung.pk]))
    assert response.status_code == 200
