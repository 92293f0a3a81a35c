"""Two-factor sign-in for the admin (ASVS V6.3, BSI APP.3.1): after the password, people
who work in the admin (Wagtail access, staff, superusers) confirm with a six-digit code
from an authenticator app (TOTP, RFC 6238, django-otp) or one of ten one-time backup
codes.

``STAFF_TWO_FACTOR``:

* ``"required"`` (production): nobody uses the admin without a second factor; someone
  without one is led to set it up right after signing in.
* ``"optional"`` (demo, tests): whoever has set it up (account → "Zwei-Faktor-Anmeldung")
  must use it; the others sign in with the password alone.

Club members without admin access are not asked (their dashboard holds no personal data
of citizens). The codes are checked by django-otp, which slows down repeated wrong codes
per device (throttling); the sign-in lockout counts passwords only.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from django_otp import user_has_device

from .headers import is_admin_path

OPEN_PREFIXES = ("/admin/zwei-faktor/", "/admin/login/", "/admin/logout/", "/admin/password_reset/")


def works_in_admin(user) -> bool:
    return bool(user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def required() -> bool:
    return settings.STAFF_TWO_FACTOR == "required"


def next_step(user) -> str | None:
    """Where a signed-in, not yet confirmed person must go first – or None."""
    if user.is_verified() or not works_in_admin(user):
        return None
    if user_has_device(user):
        return "security_two_factor_verify"
    if required():
        return "security_two_factor_setup"
    return None


def _background(request) -> bool:
    """A fetch/XHR of a script rather than the browser opening a page."""
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return True
    return request.headers.get("Sec-Fetch-Dest", "document") not in ("document", "iframe")


class TwoFactorMiddleware(MiddlewareMixin):
    """After django-otp's ``OTPMiddleware``: admin pages need the second factor."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        path = request.path_info
        if not is_admin_path(path) or path.startswith(OPEN_PREFIXES):
            return None
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        step = next_step(user)
        if step is None:
            return None
        if _background(request):
            # a script of the admin page asking for data: an answer it can fail on, not a
            # whole sign-in page to insert somewhere
            return JsonResponse({"error": "second factor required"}, status=403)
        back = request.get_full_path() if request.method == "GET" else "/admin/"
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': back})}")
