"""Admin registration of the E-Akte: the viewset (URLs under /admin/e-akte/) and the
"E-Akte" submenu."""

from __future__ import annotations

from wagtail import hooks

from .viewset import EfilesViewSet, submenu_item

try:  # the chooser (its own module) registers its own hooks
    from . import chooser as _chooser  # noqa: F401
except ImportError as error:
    # only a missing chooser module is fine; an error inside it must show
    if getattr(error, "name", None) != f"{__package__}.chooser":
        raise


@hooks.register("register_admin_viewset")
def register_efiles_viewset() -> EfilesViewSet:
    return EfilesViewSet()


@hooks.register("register_admin_menu_item")
def register_efiles_menu():
    return submenu_item()
