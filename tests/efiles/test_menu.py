"""The "E-Akte" submenu: each role sees its items, people without E-Akte rights none."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client, RequestFactory
from wagtail.admin.menu import admin_menu

from backoffice.efiles.models import Confidentiality
from tests.efiles.factories import ADMIN_HOST, clerk, officer, unit_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def efiles_menu(user) -> dict[str, str] | None:
    """Label → URL of the E-Akte submenu's items as ``user`` sees them (None: no submenu)."""
    request = RequestFactory().get("/admin/", HTTP_HOST=ADMIN_HOST)
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == "e-akte":
            return {
                str(child.label): child.resolved_url()
                for child in sorted(
                    item.menu.menu_items_for_request(request), key=lambda i: i.order
                )
            }
    return None


@pytest.fixture
def unit():
    return unit_in("bruchsal")


def test_clerk_sees_files_search_and_plan(unit):
    assert efiles_menu(clerk(unit, clearance=Confidentiality.VS_NFD)) == {
        "Akten": "/admin/e-akte/",
        "Suche": "/admin/e-akte/suche/",
        "Aktenplan": "/admin/e-akte/aktenplan/",
    }


def test_records_officer_sees_disposal_and_audit_too(unit):
    assert list(efiles_menu(officer(unit))) == [
        "Akten",
        "Suche",
        "Aktenplan",
        "Aussonderung",
        "Protokoll",
    ]


def test_plan_keeper_without_file_rights_sees_only_the_plan(unit):
    keeper = UserFactory()
    keeper.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(content_type__app_label="efiles", codename="manage_fileplan"),
    )
    assert list(efiles_menu(keeper)) == ["Aktenplan"]


def test_people_without_efiles_rights_have_no_efiles_menu():
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert efiles_menu(editor) is None
    inactive = clerk(unit_in("rastatt"), is_active=False)
    assert efiles_menu(inactive) is None


def test_superuser_sees_everything():
    assert len(efiles_menu(UserFactory(is_superuser=True))) == 5


def test_admin_dashboard_renders_the_menu(unit):
    client = Client(HTTP_HOST=ADMIN_HOST)
    client.force_login(officer(unit))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"/admin/e-akte/aussonderung/" in response.content
