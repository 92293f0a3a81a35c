"""Which content an API request may see: that of the town whose address was asked.

A town's host answers for its own pages, images and documents only. The regional host
(and any unknown host, which Wagtail maps to the default site) answers for the regional
site; with ``?site=all`` it answers for every site, with ``?site=<slug>`` for one town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Collection, Page, PageViewRestriction, Site

from portal.core.models import TownSettings

ALL = "all"
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")


@dataclass(frozen=True)
class Scope:
    """The sites and media collections one request may see."""

    host_site: Site | None
    sites: tuple[Site, ...] = ()
    collections: tuple[Collection, ...] = ()
    root_collection: bool = False  # the root collection itself (regional host)
    everything: bool = False  # ?site=all on the regional host

    @property
    def home_site(self) -> Site | None:
        """The site meant by ``child_of=root`` and ``html_path``."""
        return self.sites[0] if len(self.sites) == 1 else self.host_site

    def pages(self, request: HttpRequest) -> QuerySet[Page]:
        """Live pages of the scope's sites (every language tree) the request may view."""
        root_keys = [site.root_page.translation_key for site in self.sites]
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots = Page.objects.filter(translation_key__in=root_keys)
        else:
            roots = Page.objects.filter(pk__in=[site.root_page_id for site in self.sites])
        paths = list(roots.values_list("path", flat=True))
        if not paths:
            return Page.objects.none()
        queryset = Page.objects.live().filter(
            reduce(or_, (Q(path__startswith=path) for path in paths))
        )
        for restriction in PageViewRestriction.objects.select_related("page"):
            if not restriction.accept_request(request):
                queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
        return queryset

    def media(self) -> Q:
        """A filter on images or documents: those in the scope's collections (and below).

        By collection id, the one field of theirs the search backends can filter on.
        """
        if self.everything:
            return Q()
        conditions = [Q(path__startswith=collection.path) for collection in self.collections]
        if self.root_collection:
            conditions.append(Q(depth=1))
        if not conditions:
            return Q(pk__in=[])
        ids = Collection.objects.filter(reduce(or_, conditions)).values_list("id", flat=True)
        return Q(collection__in=list(ids))


def _town_scope(site: Site, town: TownSettings | None) -> Scope:
    collections = (town.collection,) if town is not None and town.collection else ()
    return Scope(host_site=site, sites=(site,), collections=collections)


def _unknown_site(wanted: str) -> BadRequestError:
    slugs = ", ".join(TownSettings.objects.order_by("slug").values_list("slug", flat=True))
    return BadRequestError(f"site: unknown site '{wanted[:40]}'; use '{ALL}' or one of: {slugs}")


def resolve(request: HttpRequest) -> Scope:
    """The scope of ``request``, from its host name and its ``site`` parameter."""
    site = Site.find_for_request(request)
    if site is None:  # no sites configured at all
        return Scope(host_site=None)
    town = (
        TownSettings.objects.select_related("collection", "site__root_page")
        .filter(site=site)
        .first()
    )
    wanted = request.GET.get("site", "").strip()

    if town is None or not town.is_region:
        if wanted and (town is None or wanted != town.slug):
            name = town.name if town is not None else site.site_name or site.hostname
            raise BadRequestError(
                f"site: this address answers for {name} only; the site parameter selects "
                "other towns on the regional address"
            )
        return _town_scope(site, town)

    if not wanted or wanted == town.slug:
        scope = _town_scope(site, town)
        return Scope(
            host_site=site, sites=scope.sites, collections=scope.collections, root_collection=True
        )
    if wanted == ALL:
        sites = tuple(Site.objects.select_related("root_page").order_by("pk"))
        return Scope(host_site=site, sites=sites, everything=True)
    if not SLUG.fullmatch(wanted):
        raise _unknown_site(wanted)
    other = (
        TownSettings.objects.select_related("collection", "site__root_page")
        .filter(slug=wanted)
        .first()
    )
    if other is None:
        raise _unknown_site(wanted)
    collections = _town_scope(other.site, other).collections
    return Scope(host_site=site, sites=(other.site,), collections=collections)
