"""What every page of a site shows around its content – the town's settings (address,
theme, legal pages) and the main menu – cached per site.

The cache holds one version number; publishing, unpublishing, moving or deleting a
page and saving a town, a theme or a site raise it, so no stale menu or footer is
ever served. Live push and the page cache of later issues build on the same idea.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from themes.models import Theme

from .models import TownSettings

VERSION_KEY = "redi:chrome:version"
TIMEOUT = 6 * 3600
RELATED = (
    "site",
    "theme",
    "logo",
    "imprint_page",
    "privacy_page",
    "accessibility_page",
    "easy_language_page",
)


def version() -> int:
    value = cache.get(VERSION_KEY)
    if value is None:
        value = 1
        cache.add(VERSION_KEY, value, None)
    return value


def invalidate(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _home(site: Site, language: str) -> Page:
    """The site's home page in ``language`` if translated and live, else the source."""
    root = site.root_page
    if language != settings.LANGUAGE_CODE:
        locale = Locale.objects.filter(language_code=language).first()
        translated = root.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            return translated
    return root


def _load(site: Site | None, language: str) -> dict:
    condition = Q(is_region=True)
    if site is not None:
        condition |= Q(site=site)
    found = list(TownSettings.objects.filter(condition).select_related(*RELATED))
    town = next((t for t in found if site is not None and t.site_id == site.pk), None)
    region = next((t for t in found if t.is_region), None)
    menu = []
    home_url = "/"
    if site is not None:
        home = _home(site, language)
        home_url = home.get_url(None, current_site=site) or "/"
        for item in home.get_children().live().in_menu():
            menu.append(
                {
                    "pk": item.pk,
                    "path": item.path,
                    "title": item.title,
                    "url": item.get_url(None, current_site=site),
                }
            )
    return {
        "town": town,
        "region_url": region.site.root_url + "/" if region else None,
        "menu": menu,
        "home_url": home_url,
        "locales": dict(Locale.objects.values_list("id", "language_code")),
    }


def translated_keys() -> frozenset:
    """Translation keys of pages that exist in more than the default language: pages
    outside this set have no translation, so the language switcher needs no query."""
    key = f"redi:chrome:translated:{version()}"
    keys = cache.get(key)
    if keys is None:
        default = Locale.get_default()
        keys = frozenset(
            str(k)
            for k in Page.objects.exclude(locale=default)
            .filter(depth__gt=1)
            .values_list("translation_key", flat=True)
        )
        cache.set(key, keys, TIMEOUT)
    return keys


def for_site(site: Site | None) -> dict:
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = f"redi:chrome:{site.pk if site else 0}:{language}:{version()}"
    data = cache.get(key)
    if data is None:
        data = _load(site, language)
        cache.set(key, data, TIMEOUT)
    return data


page_published.connect(invalidate, dispatch_uid="redi-chrome-published")
page_unpublished.connect(invalidate, dispatch_uid="redi-chrome-unpublished")
post_page_move.connect(invalidate, dispatch_uid="redi-chrome-moved")


@receiver(post_save, sender=TownSettings, dispatch_uid="redi-chrome-town")
@receiver(post_save, sender=Theme, dispatch_uid="redi-chrome-theme")
@receiver(post_save, sender=Site, dispatch_uid="redi-chrome-site")
@receiver(post_delete, sender=Site, dispatch_uid="redi-chrome-site-deleted")
@receiver(post_delete, sender=TownSettings, dispatch_uid="redi-chrome-town-deleted")
def _invalidate_on_save(sender, **kwargs) -> None:
    invalidate()


@receiver(post_delete, dispatch_uid="redi-chrome-page-deleted")
def _invalidate_on_page_delete(sender, **kwargs) -> None:
    if isinstance(kwargs.get("instance"), Page):
        invalidate()
