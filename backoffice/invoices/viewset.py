"""The Rechnungslauf in the Wagtail admin: one viewset under /admin/rechnungen/ (URL
namespace ``invoices``) that gathers the URLs of every part, and the "Rechnungen" submenu."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from portal.core.menu import AllowedLinkMenuItem

from . import access
from .views import deadlines, export, filing, inbox, intake, setup

ICON = "doc-full-inverse"


class InvoicesViewSet(ViewSet):
    name = "invoices"
    url_prefix = "rechnungen"
    icon = ICON

    def get_urlpatterns(self):
        # fixed paths first: inbox has "<int:pk>/<action>/"
        return (
            intake.urlpatterns
            + deadlines.urlpatterns
            + export.urlpatterns
            + setup.urlpatterns
            + filing.urlpatterns
            + inbox.urlpatterns
        )


def _perm(codename: str) -> Callable:
    def allowed(user) -> bool:
        return access.may_use(user) and (user.is_superuser or user.has_perm(f"invoices.{codename}"))

    return allowed


def menu_items() -> list[MenuItem]:
    items = [
        (_("Eingang"), "invoices:index", access.may_use, ICON),
        (_("Fristen"), "invoices:deadlines", access.may_use, "date"),
        (_("Hochladen"), "invoices:upload", _perm("receive_invoice"), "upload"),
        (_("Export"), "invoices:export", _perm("export_invoice"), "download"),
        (_("Leitweg-IDs"), "invoices:route_index", _perm("manage_routing"), "site"),
        (_("Anordnungsgrenzen"), "invoices:limit_index", _perm("manage_routing"), "lock"),
        (_("Zugänge"), "invoices:token_index", _perm("manage_routing"), "key"),
    ]
    return [
        AllowedLinkMenuItem(
            label,
            url_name,
            allowed,
            name=f"rechnungen-{url_name.split(':')[1].replace('_', '-')}",
            icon_name=icon,
            order=100 * (number + 1),
        )
        for number, (label, url_name, allowed, icon) in enumerate(items)
    ]


def submenu_item() -> SubmenuMenuItem:
    """ "Rechnungen" in the main menu; hidden when none of its items is for the user."""
    return SubmenuMenuItem(
        _("Rechnungen"), Menu(items=menu_items()), name="rechnungen", icon_name=ICON, order=170
    )
