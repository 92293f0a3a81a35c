"""Which towns a page of the Vereinsportal speaks for: its own, or – on the regional
site – all of them."""

from __future__ import annotations

from wagtail.models import Page, Site

from portal.core.models import TownSettings


def town_of(page: Page) -> TownSettings | None:
    site = page.get_site()
    return TownSettings.for_site(site) if site else None


def scope_site_id(page: Page) -> int | None:
    """The site whose clubs/events ``page`` lists – None on the regional site (all)."""
    site = page.get_site()
    if site is None:
        return None
    town = TownSettings.for_site(site)
    return None if town.is_region else site.pk


def towns_by_site() -> dict[int, TownSettings]:
    """Every town (not the region), keyed by site id – one query, for labelling lists."""
    return {
        town.site_id: town
        for town in TownSettings.objects.filter(is_region=False).select_related("site")
    }


def site_of_slug(slug: str) -> Site | None:
    town = TownSettings.objects.filter(slug=slug, is_region=False).select_related("site").first()
    return town.site if town else None
