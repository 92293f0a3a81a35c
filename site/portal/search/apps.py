from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchPortalConfig(AppConfig):
    name = "portal.search"
    label = "search_portal"  # "search" would be close to Wagtail's "wagtailsearch"
    verbose_name = _("Suche im Portal")

    def ready(self) -> None:
        from . import pages, registry

        pages.register()
        registry.discover()
