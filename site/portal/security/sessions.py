"""Staff sessions end (ASVS V7): after ``STAFF_SESSION_IDLE_MINUTES`` without a request
and at the latest ``STAFF_SESSION_MAX_HOURS`` after signing in – on a shared office PC
nobody finds an open admin the next morning. Wagtail's editor pings while a page is
open for editing, so writing a long page does not count as idle.

The times are kept in the session (seconds since the epoch); the last-seen time is
written at most once a minute, so a busy editor does not save the session on every
request. An ended session is signed out and sent to the same address again, where the
page's own sign-in form (admin or club dashboard) says why and leads back.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

SIGNED_IN_AT = "_redi_signed_in_at"
SEEN_AT = "_redi_seen_at"
WRITE_EVERY_SECONDS = 60


def _ended(session, now: float) -> str | None:
    signed_in = session.get(SIGNED_IN_AT)
    seen = session.get(SEEN_AT)
    if seen is not None and now - seen > settings.STAFF_SESSION_IDLE_MINUTES * 60:
        return _(
            "Sie wurden nach %(minutes)d Minuten ohne Aktivität abgemeldet. Bitte melden "
            "Sie sich erneut an."
        ) % {"minutes": settings.STAFF_SESSION_IDLE_MINUTES}
    if signed_in is not None and now - signed_in > settings.STAFF_SESSION_MAX_HOURS * 3600:
        return _(
            "Ihre Anmeldung ist nach %(hours)d Stunden abgelaufen. Bitte melden Sie sich erneut an."
        ) % {"hours": settings.STAFF_SESSION_MAX_HOURS}
    return None


class StaffSessionMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # a visitor without session: touching request.user would read the session and
            # make the page vary on Cookie (and so uncacheable)
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        session = request.session
        now = time.time()
        reason = _ended(session, now)
        if reason:
            logout(request)  # a new, empty session
            messages.info(request, reason)
            # the same address again: a page that needs a sign-in sends the person to its
            # own sign-in form (admin, club dashboard) and back; a form sent is not replayed
            back = request.get_full_path() if request.method == "GET" else request.path
            return HttpResponseRedirect(back)
        session.setdefault(SIGNED_IN_AT, int(now))
        if now - session.get(SEEN_AT, 0) >= WRITE_EVERY_SECONDS:
            session[SEEN_AT] = int(now)
        return None
