"""A rate limit on every public POST (ASVS V2.4 / anti-automation), on top of the limits
the forms have themselves (applications, sign-ups, club forms: ``spam.py`` of each app;
sign-in: django-axes; devices and API clients: per token).

Every POST of a visitor who is not signed in counts against ``PUBLIC_POST_RATE`` per
address (django-ratelimit syntax, default 100 an hour – a family filling in several
multi-step applications stays far below). The machine interfaces, which limit per
device or key, are left to their own limits (``RATE_LIMIT_EXEMPT_PREFIXES``). Over the
limit the visitor gets a page in German with ``Retry-After`` (HTTP 429) and nothing of
the request is processed.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.deprecation import MiddlewareMixin
from django_ratelimit.core import get_usage

GROUP = "portal.security.public-post"


def _signed_in(request) -> bool:
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PublicPostRateLimitMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not settings.PUBLIC_POST_RATE:
            return None
        if request.path_info.startswith(tuple(settings.RATE_LIMIT_EXEMPT_PREFIXES)):
            return None
        if _signed_in(request):
            return None
        usage = get_usage(
            request,
            group=GROUP,
            key="ip",
            rate=settings.PUBLIC_POST_RATE,
            method="POST",
            increment=True,
        )
        if not usage or not usage["should_limit"]:
            return None
        response = render(request, "429.html", status=429)
        response["Retry-After"] = str(max(1, int(usage["time_left"])))
        response["Cache-Control"] = "no-store"
        return response
