"""The call display page (Aufrufanzeige) for a screen in the waiting room, and its
JSON for polling."""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Site

from ..models import BookableOffice
from . import calls


def _office(request: HttpRequest, office_id: int) -> BookableOffice:
    office = get_object_or_404(BookableOffice.objects.select_related("unit"), pk=office_id)
    site = Site.find_for_request(request)
    if site is None or office.unit.site_id != site.pk:
        raise Http404
    return office


def display(request: HttpRequest, office_id: int):
    office = _office(request, office_id)
    return TemplateResponse(
        request,
        "services/appointments/display.html",
        {"office": office, "board": calls.board(office.pk)},
    )


def display_json(request: HttpRequest, office_id: int) -> JsonResponse:
    office = _office(request, office_id)
    response = JsonResponse(calls.board(office.pk))
    response["Cache-Control"] = "no-store"
    return response
