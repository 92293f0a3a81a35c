"""Organisational units in the admin: each town edits its own."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from services.roles import setup_town

from .factories import OrganisationalUnitFactory, town

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    setup_town(town("bruchsal"))
    client.force_login(get_user_model().objects.get(username="redaktion.bruchsal"))
    return client


def test_editor_lists_and_edits_only_own_units(editor):
    own = OrganisationalUnitFactory(site=town("bruchsal").site, name="Bürgerbüro Testort")
    other = OrganisationalUnitFactory(site=town("bretten").site, name="Standesamt Anderswo")
    listing = editor.get(reverse("wagtailsnippets_core_organisationalunit:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Bürgerbüro Testort" in html and "Standesamt Anderswo" not in html
    assert (
        editor.get(
            reverse("wagtailsnippets_core_organisationalunit:edit", args=[own.pk])
        ).status_code
        == 200
    )
    response = editor.get(reverse("wagtailsnippets_core_organisationalunit:edit", args=[other.pk]))
    assert response.status_code == 404
    editor.post(reverse("wagtailsnippets_core_organisationalunit:delete", args=[other.pk]))
    assert type(other).objects.filter(pk=other.pk).exists()


def test_unit_postcode_must_have_five_digits():
    from django.core.exceptions import ValidationError

    unit = OrganisationalUnitFactory.build(site=town("bruchsal").site, postcode="7664")
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "postcode" in error.value.message_dict


def test_town_editors_do_not_see_the_staff_list_of_units(editor):
    unit = OrganisationalUnitFactory(site=town("bruchsal").site, name="Kasse Testort")
    html = editor.get(
        reverse("wagtailsnippets_core_organisationalunit:edit", args=[unit.pk])
    ).content.decode()
    assert 'name="members"' not in html  # the user list of the whole installation
