"""Purging the reverse proxy (Varnish, ``deploy/varnish/redi.vcl``) through
``wagtail.contrib.frontend_cache``: one ``PURGE`` of each site's root URL, which the VCL
turns into a ban of everything on that host – the proxy then follows the same "one
generation" rule as the cache in the app."""

from __future__ import annotations

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def site_root_urls() -> list[str]:
    from wagtail.models import Site

    return sorted({site.root_url.rstrip("/") + "/" for site in Site.objects.all()})


def purge_all() -> None:
    if not configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    try:
        purge_urls_from_cache(site_root_urls())
    except Exception as error:  # noqa: BLE001 – the content is saved; the proxy's TTL bounds it
        logger.error("reverse proxy not purged: %s", error)
