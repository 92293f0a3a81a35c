from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from themes.api import fallback_theme

from . import chrome


def town(request: HttpRequest) -> dict:
    """The town of the requested site, its theme, menu and the regional site's address."""
    site = Site.find_for_request(request)
    data = chrome.for_site(site)
    settings = data["town"]
    theme = settings.theme if settings and settings.theme else fallback_theme()
    region_home = {"url": data["region_url"]} if data["region_url"] else None
    return {
        "current_site": site,
        "town": settings,
        "theme": theme,
        "region_home": region_home,
        "site_menu": data["menu"],
        "site_home_url": data["home_url"],
        "locale_codes": data["locales"],
    }
