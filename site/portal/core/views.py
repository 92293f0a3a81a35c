from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400 without touching the request's host: it may be the very thing that is bad."""
    return HttpResponseBadRequest(loader.get_template("400.html").render())


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """500 – or 503 when the database cannot be reached (restarting, failing over): a
    passing state the visitor can wait out, which ``Retry-After`` says, and no error of
    the page. Django calls this inside its ``except``, so the exception is at hand. Both
    pages are plain HTML: neither may need the database or the town's settings."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
