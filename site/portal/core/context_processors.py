from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from themes.api import fallback_theme

from .models import TownSettings


def town(request: HttpRequest) -> dict:
    """The town of the requested site, its theme and the regional site, for every template."""
    site = Site.find_for_request(request)
    towns = {
        settings.site_id: settings
        for settings in TownSettings.objects.filter(is_region=True).select_related("site", "theme")
    }
    settings = towns.get(site.pk) if site else None
    if site is not None and settings is None:
        settings = TownSettings.objects.filter(site=site).select_related("site", "theme").first()
    region = next(iter(towns.values()), None)
    region_home = {"url": region.site.root_url + "/"} if region else None
    theme = settings.theme if settings and settings.theme else fallback_theme()
    return {"current_site": site, "town": settings, "theme": theme, "region_home": region_home}
