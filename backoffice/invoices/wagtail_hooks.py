"""Admin registration of the Rechnungslauf: the viewset (URLs under /admin/rechnungen/) and
the "Rechnungen" submenu."""

from __future__ import annotations

from wagtail import hooks

from . import wagtail_hooks_panels  # noqa: F401 – the dashboard panel
from .viewset import InvoicesViewSet, submenu_item


@hooks.register("register_admin_viewset")
def register_invoices_viewset() -> InvoicesViewSet:
    return InvoicesViewSet()


@hooks.register("register_admin_menu_item")
def register_invoices_menu():
    return submenu_item()
