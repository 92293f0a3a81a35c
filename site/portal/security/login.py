"""Login protection (ASVS V6): django-axes counts failed sign-ins per account *and*
address in the cache (Redis in production: shared by every worker, nothing kept in the
database, the counts expire with the lock) and locks that pair out for
``LOGIN_LOCKOUT_MINUTES`` after ``LOGIN_FAILURE_LIMIT`` failures. Someone guessing the
password of a known account from one address is stopped; a colleague at another desk
can still sign in.

The locked-out answer is the sign-in page itself with a German message (HTTP 429), and
the log says *that* an account was locked, never which one or from where: the
client is a keyed hash (the same account and address give the same hash, so repeated
attacks can be followed without personal data in the log).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.urls import resolve
from django.utils.crypto import salted_hmac
from django.utils.translation import ngettext


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: the sign-in form that was used (admin, club dashboard)
    again, with the reason and the wait."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    messages.error(
        request,
        ngettext(
            "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung mit diesem Konto ist "
            "von Ihrem Gerät aus für %(minutes)d Minute gesperrt.",
            "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung mit diesem Konto ist "
            "von Ihrem Gerät aus für %(minutes)d Minuten gesperrt.",
            minutes,
        )
        % {"minutes": minutes},
    )
    request.method = "GET"  # show the empty form; the refused attempt is not replayed
    match = resolve(request.path_info)
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    response.status_code = 429
    return response


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """``AXES_CLIENT_STR_CALLABLE``: who tried, pseudonymised for the log."""
    key = salted_hmac(
        "portal.security.login", f"{username}|{ip_address}", algorithm="sha256"
    ).hexdigest()[:12]
    if isinstance(path_info, (tuple, list)):
        path_info = path_info[0] if path_info else ""
    return f"{{client: {key}, path_info: {path_info}}}"
