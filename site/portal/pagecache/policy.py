"""What may be served from, and stored in, the page cache.

Served from the cache: GET/HEAD without a session or messages cookie and without
``Authorization`` – a visitor the site knows nothing about.

Stored: a response to such a request, from a Wagtail page or a view that called
``allow(request)``, with status 200, that set no cookie (a CSRF token means a form for this
visitor), varies neither on ``Cookie`` nor on everything, said neither ``private`` nor
``no-store``/``no-cache``, while no message was queued for the visitor – so never a page with
a form token, a message or personal data – nor one whose Content-Security-Policy nonce was
used (a nonce served twice is no nonce).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http.cookie import parse_cookie

ATTRIBUTE = "page_cache_allowed"
SECONDS_ATTRIBUTE = "page_cache_seconds"
MAX_QUERY_LENGTH = 512
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}
cc_delim_re = re.compile(r"\s*,\s*")
HOP_HEADERS = {"set-cookie", "date", "content-length", "x-page-cache", "age", "connection"}


def allow(request, seconds: int | None = None) -> None:
    """A view whose answer is the same for every anonymous visitor opts in here."""
    setattr(request, ATTRIBUTE, True)
    if seconds is not None:
        limit_seconds(request, seconds)


def limit_seconds(request, seconds: int) -> None:
    """Something on the page ages faster (live values): keep it at most ``seconds``."""
    current = getattr(request, SECONDS_ATTRIBUTE, None)
    setattr(request, SECONDS_ATTRIBUTE, seconds if current is None else min(current, seconds))


def _personal_cookies() -> set[str]:
    return {
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    }


def anonymous_cookie_header(cookie_header: str | None) -> bool:
    """True when the Cookie header carries nothing that makes a page personal."""
    if not cookie_header:
        return True
    return not (_personal_cookies() & set(parse_cookie(cookie_header)))


def request_may_use_cache(method: str, cookie_header: str | None, authorization: bool) -> bool:
    return (
        method in {"GET", "HEAD"} and not authorization and anonymous_cookie_header(cookie_header)
    )


def query_is_cacheable(query: str) -> bool:
    return len(query) <= MAX_QUERY_LENGTH


def _directives(response) -> set[str]:
    value = response.headers.get("Cache-Control", "")
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(value) if part}


def _vary(response) -> set[str]:
    value = response.headers.get("Vary", "")
    return {part.strip().lower() for part in cc_delim_re.split(value) if part.strip()}


def _messages_queued(request) -> bool:
    storage = getattr(request, "_messages", None)
    return bool(storage is not None and getattr(storage, "_queued_messages", None))


def response_may_be_stored(request, response, max_bytes: int) -> bool:
    if not getattr(request, ATTRIBUTE, False):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or _messages_queued(request):
        return False
    if getattr(request, "_csp_nonce", None):  # a nonce is for one response, never shared
        return False
    if _directives(response) & REFUSING_DIRECTIVES:
        return False
    if {"cookie", "*", "authorization"} & _vary(response):
        return False
    return len(response.content) <= max_bytes


def stored_headers(response) -> list[tuple[str, str]]:
    """The headers replayed on a hit. ``Vary: Accept-Language`` is dropped: the language of
    a page is given by its path (``i18n_patterns``, German without prefix)."""
    headers = []
    for name, value in response.headers.items():
        lowered = name.lower()
        if lowered in HOP_HEADERS:
            continue
        if lowered == "vary":
            kept = [v.strip() for v in value.split(",") if v.strip().lower() != "accept-language"]
            if not kept:
                continue
            value = ", ".join(kept)
        headers.append((name, value))
    return headers
