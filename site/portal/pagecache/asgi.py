"""``PageCacheApp``: answers page-cache hits before Django – no middleware, no session, no
database; one Redis round trip (generation and entry in one ``MGET``). Anything else,
misses included, goes to Django, whose ``PageCacheMiddleware`` stores the page."""

from __future__ import annotations

import logging
import time

from . import conf, http, policy, store

logger = logging.getLogger(__name__)


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


class PageCacheApp:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not conf.enabled():
            return await self.app(scope, receive, send)
        found = await self._lookup(scope)
        if found is None:
            return await self.app(scope, receive, send)
        entry, if_none_match = found
        await self._respond(scope, send, entry, if_none_match)

    async def _lookup(self, scope) -> tuple[store.Entry, str | None] | None:
        headers = scope.get("headers") or []
        method = scope.get("method", "GET")
        if not policy.request_may_use_cache(
            method, _header(headers, b"cookie"), _header(headers, b"authorization") is not None
        ):
            return None
        query = scope.get("query_string", b"").decode("utf-8", "replace")
        if not policy.query_is_cacheable(query):
            return None
        meta_name = http.proxy_header_meta_name()
        forwarded = None
        if meta_name and meta_name.startswith("HTTP_"):
            wire = meta_name[5:].lower().replace("_", "-").encode("latin-1")
            forwarded = _header(headers, wire)
        scheme = http.scheme(forwarded, scope.get("scheme", "http"))
        host = http.host(_header(headers, b"host") or "", _header(headers, b"x-forwarded-host"))
        key = store.page_key(scheme, host, scope.get("root_path", "") + scope["path"], query)
        try:
            generation, entry = await store.get_store().aget(key)
        except Exception as error:  # noqa: BLE001 – Django answers, the cache is optional
            logger.warning("page cache not reachable: %s", error)
            return None
        if entry is None or entry.generation != generation:
            return None
        return entry, _header(headers, b"if-none-match")

    async def _respond(self, scope, send, entry: store.Entry, if_none_match: str | None):
        method = scope.get("method", "GET")
        age = str(max(0, int(time.time() - entry.stored_at))).encode()
        if http.not_modified(if_none_match, entry.etag):
            status, body = 304, b""
            kept = {"etag", "cache-control", "vary", "content-language"}
            headers = [
                (k.lower().encode("latin-1"), v.encode("latin-1"))
                for k, v in entry.headers
                if k.lower() in kept
            ]
        else:
            status, body = entry.status, entry.body
            headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in entry.headers]
            headers.append((b"content-length", str(len(body)).encode()))
        headers += [(b"x-page-cache", b"HIT"), (b"age", age)]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})
