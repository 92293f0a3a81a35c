"""A new town gets its Bürgerservice roles at once."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from portal.core.models import TownSettings

pytestmark = pytest.mark.django_db


def test_createtown_sets_up_case_workers_and_editor_rights(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("createtown", "karlsbad", "Karlsbad", "karlsbad.localhost", "--port", "8000")
    town = TownSettings.objects.get(slug="karlsbad")
    caseworkers = Group.objects.get(name="Bürgerservice Karlsbad")
    assert set(caseworkers.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "view_case",
        "change_case",
        "export_case",
    }
    editor_rights = set(town.editors_group.permissions.values_list("codename", flat=True))
    assert {"add_applicationform", "change_organisationalunit", "view_leistung"} <= editor_rights
    assert "change_leistung" not in editor_rights  # the regional text is the region's
