"""Spam protection without third parties: a honeypot field, a minimum time between
showing the first step and sending it (signed timestamp), and a rate limit per IP
address on the actions that store or mail something."""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "url_homepage"
TIMESTAMP_FIELD = "form_started"
SALT = "services.applications.started"
MAX_AGE = 24 * 3600


def min_seconds() -> float:
    return float(getattr(settings, "SERVICES_MIN_SUBMIT_SECONDS", 3))


def submit_rate() -> str:
    return getattr(settings, "SERVICES_SUBMIT_RATE", "10/h")


def issue_timestamp(at: float | None = None) -> str:
    """A signed "the form was shown now" for the hidden field of the first step."""
    return signing.dumps(at if at is not None else time.time(), salt=SALT)


def honeypot_filled(request: HttpRequest) -> bool:
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def too_fast(request: HttpRequest) -> bool:
    """True if the signed timestamp is missing, forged, stale or younger than
    ``SERVICES_MIN_SUBMIT_SECONDS``."""
    try:
        shown = float(
            signing.loads(request.POST.get(TIMESTAMP_FIELD, ""), salt=SALT, max_age=MAX_AGE)
        )
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - shown < min_seconds()


def honeypot_message() -> str:
    return _("Bitte lassen Sie das Feld „Bitte leer lassen“ leer und senden Sie erneut.")


def too_fast_message() -> str:
    return _(
        "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das "
        "Formular noch einmal ab."
    )


def rate_limited(request: HttpRequest, group: str) -> bool:
    """Count this request against the limit of ``group`` per IP; True when over it."""
    return is_ratelimited(
        request, group=f"services.{group}", key="ip", rate=submit_rate(), increment=True
    )


def rate_limited_response(request: HttpRequest, context: dict | None = None) -> HttpResponse:
    response = TemplateResponse(
        request, "services/applications/rate_limited.html", context or {}, status=429
    )
    response["Retry-After"] = "3600"
    return response
