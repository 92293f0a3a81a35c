"""``PageCacheMiddleware`` – first in MIDDLEWARE: on the way in it answers hits (WSGI and
the test client; under ASGI ``asgi.PageCacheApp`` answers them earlier), on the way out it
stores what ``policy`` allows and marks every page response for shared caches."""

from __future__ import annotations

import logging
import time

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from . import conf, http, policy, store

logger = logging.getLogger(__name__)

GENERATION_ATTRIBUTE = "_page_cache_generation"


def request_key(request) -> str | None:
    query = request.META.get("QUERY_STRING", "")
    if not policy.query_is_cacheable(query):
        return None
    meta_name = http.proxy_header_meta_name()
    scheme = http.scheme(request.META.get(meta_name) if meta_name else None, request.scheme)
    host = http.host(request.META.get("HTTP_HOST", ""), request.META.get("HTTP_X_FORWARDED_HOST"))
    return store.page_key(scheme, host, request.path, query)


def response_from(entry: store.Entry, method: str, if_none_match: str | None) -> HttpResponse:
    if http.not_modified(if_none_match, entry.etag):
        response = HttpResponseNotModified()
        for name, value in entry.headers:
            if name.lower() in {"etag", "cache-control", "vary", "content-language"}:
                response[name] = value
    else:
        response = HttpResponse(b"" if method == "HEAD" else entry.body, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
    response["X-Page-Cache"] = "HIT"
    response["Age"] = str(max(0, int(time.time() - entry.stored_at)))
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not conf.enabled():
            return self.get_response(request)
        key = None
        if policy.request_may_use_cache(
            request.method, request.META.get("HTTP_COOKIE"), "HTTP_AUTHORIZATION" in request.META
        ):
            key = request_key(request)
        if key is None:
            return self._mark_personal(request, self.get_response(request))
        try:
            generation, entry = store.get_store().get(key)
        except Exception as error:  # noqa: BLE001 – a cache outage must not stop pages
            logger.warning("page cache not reachable: %s", error)
            return self._mark_personal(request, self.get_response(request))
        if entry is not None and entry.generation == generation:
            return response_from(entry, request.method, request.META.get("HTTP_IF_NONE_MATCH"))
        setattr(request, GENERATION_ATTRIBUTE, generation)
        response = self.get_response(request)
        self._store(request, response, key, generation)
        return response

    @staticmethod
    def _mark_personal(request, response):
        """A page made for this visitor (session, form token, message): no shared cache may
        keep it."""
        if getattr(request, policy.ATTRIBUTE, False) and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _store(self, request, response, key: str, generation: int) -> None:
        if request.method != "GET" or not policy.response_may_be_stored(
            request, response, conf.max_bytes()
        ):
            self._mark_personal(request, response)
            return
        seconds = conf.seconds()
        limit = getattr(request, policy.SECONDS_ATTRIBUTE, None)
        if limit is not None:
            seconds = max(1, min(seconds, limit))
        response["Cache-Control"] = http.cache_control(seconds)
        if "Vary" in response:
            kept = [
                v.strip()
                for v in response["Vary"].split(",")
                if v.strip().lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        etag = store.etag_of(response.content)
        response["ETag"] = etag
        entry = store.Entry(
            status=response.status_code,
            headers=policy.stored_headers(response),
            body=response.content,
            etag=etag,
            generation=generation,
            stored_at=time.time(),
        )
        try:
            store.get_store().put(key, entry, seconds)
        except Exception as error:  # noqa: BLE001
            logger.warning("page not stored in the page cache: %s", error)
            return
        response["X-Page-Cache"] = "MISS"
