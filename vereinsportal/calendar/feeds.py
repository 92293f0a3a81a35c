"""iCalendar feeds: per town (regional: all towns), per category, per club, per event.

``Content-Type: text/calendar; charset=utf-8``; built by ``vereinsportal.calendar.ics``
from one query over the events plus prefetches – no query per event.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import Resolver404
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Site

from ..models import Category, ClubPage, EventCalendarPage, EventPage
from ..towns import scope_site_id
from .ics import build_calendar, events_for_feed

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def _town_events(page: EventCalendarPage):
    events = EventPage.objects.all()
    site_id = scope_site_id(page)
    if site_id is not None:
        events = events.filter(town_site_id=site_id)
    return events


def _town_name(page, request) -> str:
    site = page.get_site()
    return site.site_name or request.get_host() if site else request.get_host()


def town_feed(request: HttpRequest, page: EventCalendarPage) -> HttpResponse:
    name = _("Veranstaltungen – %(town)s") % {"town": _town_name(page, request)}
    body = build_calendar(name, events_for_feed(_town_events(page)), request)
    return _response(body, "veranstaltungen.ics")


def category_feed(request: HttpRequest, page: EventCalendarPage, slug: str) -> HttpResponse:
    category = Category.objects.filter(slug=slug).first()
    if category is None:
        raise Http404(_("Diese Kategorie gibt es nicht."))
    events = _town_events(page).filter(
        pk__in=EventPage.categories.through.objects.filter(category=category).values("eventpage_id")
    )
    name = _("%(category)s – Veranstaltungen – %(town)s") % {
        "category": category.name,
        "town": _town_name(page, request),
    }
    return _response(build_calendar(name, events_for_feed(events), request), f"{slug}.ics")


def club_feed(request: HttpRequest, club: ClubPage) -> HttpResponse:
    events = EventPage.objects.filter(club_id=club.pk)
    name = _("Veranstaltungen – %(club)s") % {"club": club.title}
    return _response(build_calendar(name, events_for_feed(events), request), "verein.ics")


def event_feed(request: HttpRequest, event: EventPage) -> HttpResponse:
    events = EventPage.objects.filter(pk=event.pk)
    body = build_calendar(event.title, events_for_feed(events), request)
    response = _response(body, "termin.ics")
    response["Content-Disposition"] = 'attachment; filename="termin.ics"'
    return response


ICS_PATH_PATTERN = r"^(?P<path>(?:[\w\-]+/)*[\w\-]+\.ics)$"


def serve_ics(request: HttpRequest, path: str) -> HttpResponse:
    """Serve ``<page path>/kalender.ics`` (and ``…/kategorie/<slug>.ics``,
    ``…/termin.ics``) through the page's own routes.

    Wagtail's page URL pattern allows no dot in a path, so the project mounts this
    view before Wagtail's URLs with ``ICS_PATH_PATTERN``. Privacy hooks
    (``before_serve_page``) run as for any page.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [part for part in path.split("/") if part]
    root = site.root_page.localized.specific
    for tail_length in (1, 2):
        if len(components) <= tail_length - 1:
            continue
        head, tail = components[:-tail_length], components[-tail_length:]
        try:
            page = root.route(request, head).page
        except Http404:
            continue
        if not isinstance(page, RoutablePageMixin):
            continue
        try:
            match = page.resolve_subpage("/" + "/".join(tail))
        except (Http404, Resolver404):
            continue
        for hook in hooks.get_hooks("before_serve_page"):
            result = hook(page, request, match.args, match.kwargs)
            if isinstance(result, HttpResponse):
                return result
        return page.serve(request, match.func, match.args, match.kwargs)
    raise Http404
