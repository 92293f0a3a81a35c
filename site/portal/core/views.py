from __future__ import annotations

from django.db import connection
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
    return HttpResponse(loader.get_template("500.html").render(), status=500)
