"""The E-Akte in the Wagtail admin: one viewset under /admin/e-akte/ (URL namespace
``efiles``) that gathers the URLs of every part, and the "E-Akte" submenu."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from portal.core.menu import AllowedLinkMenuItem

from . import access
from .views import audit, disposal, plan, records, search

ICON = "folder-open-inverse"


class EfilesViewSet(ViewSet):
    name = "efiles"
    url_prefix = "e-akte"
    icon = ICON

    def get_urlpatterns(self):
        return (
            records.urlpatterns
            + search.urlpatterns
            + audit.urlpatterns
            + plan.urlpatterns
            + disposal.urlpatterns
        )


def _plan_allowed(user) -> bool:
    return access.may_view(user) or access.may_manage_plan(user)


def menu_items() -> list[MenuItem]:
    return [
        AllowedLinkMenuItem(
            _("Akten"),
            "efiles:index",
            access.may_view,
            name="efiles-akten",
            icon_name=ICON,
            order=100,
        ),
        AllowedLinkMenuItem(
            _("Suche"),
            "efiles:search",
            access.may_view,
            name="efiles-suche",
            icon_name="search",
            order=200,
        ),
        AllowedLinkMenuItem(
            _("Aktenplan"),
            "efiles:plan_index",
            _plan_allowed,
            name="efiles-aktenplan",
            icon_name="list-ul",
            order=300,
        ),
        AllowedLinkMenuItem(
            _("Aussonderung"),
            "efiles:disposal_index",
            access.may_dispose,
            name="efiles-aussonderung",
            icon_name="bin",
            order=400,
        ),
        AllowedLinkMenuItem(
            _("Protokoll"),
            "efiles:audit_index",
            access.may_view_audit,
            name="efiles-protokoll",
            icon_name="history",
            order=500,
        ),
    ]


def submenu_item() -> SubmenuMenuItem:
    """ "E-Akte" in the main menu; hidden when none of its items is for the user."""
    return SubmenuMenuItem(
        _("E-Akte"), Menu(items=menu_items()), name="e-akte", icon_name=ICON, order=160
    )
