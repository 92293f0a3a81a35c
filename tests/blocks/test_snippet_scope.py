"""Town editors choose from their own town's and the region-wide snippets, never from
another town's."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from blocks.models import Contact
from portal.core.models import TownSettings

pytestmark = pytest.mark.django_db


def test_contacts_of_another_town_are_not_offered_in_the_chooser():
    rastatt = TownSettings.objects.get(slug="rastatt").site
    bruchsal = TownSettings.objects.get(slug="bruchsal").site
    Contact.objects.create(name="Ordnungsamt Rastatt", site=rastatt)
    Contact.objects.create(name="Ordnungsamt Bruchsal", site=bruchsal)
    Contact.objects.create(name="Geschäftsstelle re@di")
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(get_user_model().objects.get(username="redaktion.bruchsal"))

    response = client.get("/admin/snippets/choose/blocks/contact/")

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Ordnungsamt Bruchsal" in html
    assert "Geschäftsstelle re@di" in html
    assert "Ordnungsamt Rastatt" not in html
