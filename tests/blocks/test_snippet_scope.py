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


@pytest.mark.parametrize("view", ["edit", "delete", "usage", "history", "copy"])
def test_another_towns_contact_is_absent_on_every_admin_page(view):
    rastatt = TownSettings.objects.get(slug="rastatt").site
    bruchsal = TownSettings.objects.get(slug="bruchsal").site
    foreign = Contact.objects.create(name="Ordnungsamt Rastatt", site=rastatt)
    own = Contact.objects.create(name="Ordnungsamt Bruchsal", site=bruchsal)
    client = Client(HTTP_HOST="localhost:8000")
    client.force_login(get_user_model().objects.get(username="redaktion.bruchsal"))

    foreign_page = client.get(f"/admin/snippets/blocks/contact/{view}/{foreign.pk}/")
    own_page = client.get(f"/admin/snippets/blocks/contact/{view}/{own.pk}/")

    assert foreign_page.status_code == 404
    assert "Ordnungsamt Rastatt" not in foreign_page.content.decode()
    assert own_page.status_code in (200, 302)  # copy redirects to a new form in some versions
    assert Contact.objects.filter(pk=foreign.pk).exists()
