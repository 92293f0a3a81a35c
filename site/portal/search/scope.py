"""Whose content a site's visitors find: the site's own pages and the region's."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from portal.core import chrome
from portal.core.models import TownSettings

TIMEOUT = 6 * 3600


def _in_language(root: Page, locale: Locale | None) -> Page:
    """The home page in the visitor's language if it is translated, else the original."""
    if locale is None or root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale) or root


def root_paths(site: Site | None) -> list[str]:
    """Tree paths of the site's home page and the regional site's home page, in the
    language of the request where translated.

    Cached with the chrome version, which every change of a site or town raises.
    """
    language = get_language() or ""
    key = f"redi:search:roots:{site.pk if site else 0}:{language}:{chrome.version()}"
    paths = cache.get(key)
    if paths is None:
        locale = Locale.objects.filter(language_code=language).first() if language else None
        roots = [site.root_page] if site is not None else []
        region = (
            TownSettings.objects.filter(is_region=True).select_related("site__root_page").first()
        )
        if region is not None:
            roots.append(region.site.root_page)
        paths = []
        for root in roots:
            path = _in_language(root, locale).path
            if path not in paths:
                paths.append(path)
        cache.set(key, paths, TIMEOUT)
    return paths


def in_scope_q(site: Site | None) -> Q:
    paths = root_paths(site)
    if not paths:
        return Q(pk__in=[])
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def pages(site: Site | None):
    """Live, public pages a visitor of ``site`` may find."""
    return Page.objects.live().public().filter(in_scope_q(site))


def is_own(page: Page, site: Site | None) -> bool:
    """Whether ``page`` belongs to ``site`` itself (not the region)."""
    return site is not None and page.path.startswith(root_paths(site)[0])
