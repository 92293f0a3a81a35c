"""The E-Akte in the Wagtail admin: one viewset under /admin/e-akte/ (URL namespace
``efiles``) that gathers the URLs of every part, and the "E-Akte" submenu."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.base import ViewSet

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


class EfilesMenuItem(MenuItem):
    """A link in the E-Akte submenu, shown to those for whom ``allowed(user)`` holds."""

    def __init__(self, label, url_name: str, allowed: Callable, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name
        self.allowed = allowed

    def resolved_url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:  # that part of the E-Akte is not installed
            return None

    def is_shown(self, request) -> bool:
        return bool(self.allowed(request.user)) and self.resolved_url() is not None

    def render_component(self, request):
        return LinkMenuItem(
            self.name,
            self.label,
            self.resolved_url(),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


def _plan_allowed(user) -> bool:
    return access.may_view(user) or access.may_manage_plan(user)


def menu_items() -> list[MenuItem]:
    return [
        EfilesMenuItem(
            _("Akten"),
            "efiles:index",
            access.may_view,
            name="efiles-akten",
            icon_name=ICON,
            order=100,
        ),
        EfilesMenuItem(
            _("Suche"),
            "efiles:search",
            access.may_view,
            name="efiles-suche",
            icon_name="search",
            order=200,
        ),
        EfilesMenuItem(
            _("Aktenplan"),
            "efiles:plan_index",
            _plan_allowed,
            name="efiles-aktenplan",
            icon_name="list-ul",
            order=300,
        ),
        EfilesMenuItem(
            _("Aussonderung"),
            "efiles:disposal_index",
            access.may_dispose,
            name="efiles-aussonderung",
            icon_name="bin",
            order=400,
        ),
        EfilesMenuItem(
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
