"""Offices taking appointments in the admin: each town edits its own."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from services.models import BookableOffice
from services.roles import setup_town

from .factories import town
from .factories_appointments import office

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    setup_town(town("bruchsal"))
    client.force_login(get_user_model().objects.get(username="redaktion.bruchsal"))
    return client


def test_editor_lists_and_edits_only_own_offices(editor):
    own = office("bruchsal")
    other = office("bretten")
    listing = editor.get(reverse("wagtailsnippets_services_bookableoffice:list"))
    assert listing.status_code == 200
    assert str(own.unit.name) in listing.content.decode()
    assert str(other.unit.name) not in listing.content.decode()
    edit = "wagtailsnippets_services_bookableoffice:edit"
    assert editor.get(reverse(edit, args=[own.pk])).status_code == 200
    assert editor.get(reverse(edit, args=[other.pk])).status_code == 404
    editor.post(reverse("wagtailsnippets_services_bookableoffice:delete", args=[other.pk]))
    assert BookableOffice.objects.filter(pk=other.pk).exists()
