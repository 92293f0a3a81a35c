"""The Rechnungslauf groups per town and the "Rechnungen" submenu each role sees."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from backoffice.invoices import roles
from tests.conftest import TOWN_SLUGS
from tests.invoices.factories import ADMIN_HOST, staff, unit_in
from tests.portal.factories import UserFactory
from tests.services.factories import town

pytestmark = pytest.mark.django_db


def _codenames(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def invoices_menu(user) -> list[str] | None:
    """Labels of the Rechnungen submenu as ``user`` sees them (None: no submenu)."""
    request = RequestFactory().get("/admin/", HTTP_HOST=ADMIN_HOST)
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == "rechnungen":
            items = sorted(item.menu.menu_items_for_request(request), key=lambda i: i.order)
            return [str(child.label) for child in items]
    return None


def test_every_town_has_the_six_groups_after_migrate():
    for slug in TOWN_SLUGS:
        name = town(slug).name
        for role in roles.ROLES:
            assert Group.objects.filter(name=f"{role} {name}").exists(), (role, name)


def test_groups_carry_their_step_and_nothing_else():
    groups = roles.setup_town(town("bretten"))
    assert _codenames(groups["Anordnung"]) == {
        "wagtailadmin.access_admin",
        "invoices.view_invoice",
        "invoices.order_payment",
    }
    assert "invoices.order_payment" not in _codenames(groups["Sachliche Prüfung"])
    assert "invoices.export_invoice" in _codenames(groups["Kasse"])


def test_setup_town_is_idempotent():
    bretten = town("bretten")
    first = roles.setup_town(bretten)
    count = Group.objects.count()
    assert roles.setup_town(bretten) == first
    assert Group.objects.count() == count


def test_menu_per_role():
    unit = unit_in("rastatt")
    assert invoices_menu(staff(unit, "Sachliche Prüfung")) == ["Eingang", "Fristen"]
    assert invoices_menu(staff(unit, "Rechnungseingang")) == ["Eingang", "Fristen", "Hochladen"]
    assert invoices_menu(staff(unit, "Kasse")) == ["Eingang", "Fristen", "Export"]
    assert invoices_menu(staff(unit, "Rechnungslauf-Verwaltung")) == [
        "Eingang",
        "Fristen",
        "Leitweg-IDs",
        "Anordnungsgrenzen",
        "Zugänge",
    ]


def test_people_without_invoice_rights_see_no_submenu():
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert invoices_menu(editor) is None
