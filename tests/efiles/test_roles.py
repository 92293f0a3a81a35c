"""The E-Akte groups: created once per town with their permissions, idempotent."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from backoffice.efiles import access, roles
from backoffice.efiles.models import Confidentiality
from tests.conftest import TOWN_SLUGS
from tests.portal.factories import UserFactory
from tests.services.factories import town

pytestmark = pytest.mark.django_db


def _codenames(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_setup_town_is_idempotent():
    bretten = town("bretten")
    clerks, officers = roles.setup_town(bretten)
    groups = Group.objects.count()
    before = (_codenames(clerks), _codenames(officers))
    again = roles.setup_town(bretten)
    assert again == (clerks, officers)
    assert Group.objects.count() == groups
    assert (_codenames(clerks), _codenames(officers)) == before
    roles.setup_all_towns()
    assert Group.objects.count() == groups + 0  # every town has its groups already


def test_every_town_has_its_groups_with_their_permissions():
    for slug in TOWN_SLUGS:
        name = town(slug).name
        clerks = Group.objects.get(name=f"E-Akte {name}")
        officers = Group.objects.get(name=f"Registratur {name}")
        assert _codenames(clerks) == {
            "wagtailadmin.access_admin",
            "efiles.view_akte",
            "efiles.change_akte",
            "efiles.view_planunit",
        }
        assert _codenames(officers) == {
            "wagtailadmin.access_admin",
            "efiles.view_akte",
            "efiles.view_planunit",
            "efiles.manage_fileplan",
            "efiles.dispose_akte",
            "efiles.view_auditentry",
        }
    vs_nfd = Group.objects.get(name=roles.CLEARANCE_VS_NFD)
    confidential = Group.objects.get(name=roles.CLEARANCE_CONFIDENTIAL)
    assert _codenames(vs_nfd) == {"efiles.clearance_vs_nfd"}
    assert _codenames(confidential) == {
        "efiles.clearance_vs_nfd",
        "efiles.clearance_confidential",
    }


def test_what_each_role_may_do():
    clerks, officers = roles.setup_town(town("stutensee"))
    vs_nfd, confidential = roles.clearance_groups()
    clerk = UserFactory(groups=[clerks])
    officer = UserFactory(groups=[officers, vs_nfd])
    trusted = UserFactory(groups=[clerks, confidential])
    nobody = UserFactory()
    assert access.may_view(clerk) and access.may_edit(clerk)
    assert not (access.may_dispose(clerk) or access.may_manage_plan(clerk))
    assert not access.may_view_audit(clerk)
    assert access.may_view(officer) and not access.may_edit(officer)
    assert access.may_dispose(officer) and access.may_manage_plan(officer)
    assert access.may_view_audit(officer)
    assert not (access.may_view(nobody) or access.may_edit(nobody))
    assert access.clearance(clerk) == Confidentiality.OPEN
    assert access.clearance(officer) == Confidentiality.VS_NFD
    assert access.clearance(trusted) == Confidentiality.CONFIDENTIAL
