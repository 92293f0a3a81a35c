"""Spam protection for the public forms (contact, club registration, sign-up, volunteer
interest) without third parties: a honeypot field and a rate limit per IP address.

Templates render ``{% include "vereinsportal/includes/honeypot.html" %}`` inside the
form; views call ``rejected(request)`` before validating and answer with the message
it returns.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "url_homepage"


def form_rate() -> str:
    return getattr(settings, "VEREINE_FORM_RATE", "20/h")


def rejected(request: HttpRequest, group: str) -> str | None:
    """A German message if this POST looks like spam or comes too often, else None.
    Counts the request against the rate limit of ``group``."""
    if request.POST.get(HONEYPOT_FIELD, "").strip():
        return _("Ihre Nachricht konnte nicht angenommen werden.")
    if is_ratelimited(
        request,
        group=f"vereinsportal.{group}",
        key="ip",
        rate=form_rate(),
        method="POST",
        increment=True,
    ):
        return _(
            "Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Anfragen. "
            "Bitte versuchen Sie es in einer Stunde erneut."
        )
    return None
