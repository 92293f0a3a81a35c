"""What an editor sees: block previews in the chooser, and field errors for bad input."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.core.models import TownSettings
from portal.pages.models import ContentPage
from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def editor(username="redaktion.bruchsal") -> Client:
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize("name", ["notice", "opening_hours", "accordion", "map", "contact"])
def test_block_preview_renders_in_the_town_look(name, media):
    block = ContentPage.body.field.stream_block.child_blocks[name]

    response = editor().get("/admin/block-preview/", {"id": block.definition_prefix})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("link[href$='themes/base.css']")
    assert soup.main.get_text(strip=True)


def test_image_without_alt_text_is_refused_in_the_page_editor(media):
    home = TownSettings.objects.get(slug="bruchsal").site.root_page
    page = ContentPageFactory(parent=home, title="Stadtfest", slug="stadtfest")
    revisions = page.revisions.count()

    data = nested_form_data(
        {
            "title": "Stadtfest",
            "slug": "stadtfest",
            "intro": "Das Stadtfest",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Alle sind eingeladen.</p>")),
                    (
                        "image",
                        {
                            "image": media["image"].pk,
                            "alt_text": "",
                            "decorative": "",
                            "caption": "",
                            "credit": "",
                        },
                    ),
                ]
            ),
        }
    )
    response = editor().post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 200
    html = response.content.decode()
    # the editor shows the error at the field (rendered from the form's error data)
    assert "Bitte einen Alternativtext angeben" in html
    assert page.revisions.count() == revisions
