"""Calendar pages: upcoming events by day, month grid, archive (per town or regional),
a club's events, and the event page itself.

Lists read ``EventOccurrence`` (indexed on site and start) with the event and club
joined in the same query – never a query per entry.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from itertools import groupby

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from ..models import ClubPage, EventCalendarPage, EventOccurrence, EventPage
from ..recurrence import BERLIN, describe, expand
from ..towns import scope_site_id, towns_by_site
from .display import json_ld, local, place_of, status_label, time_text, when_text
from .filters import CalendarFilterForm, apply

PER_PAGE = 50
MONTH_LIST_LIMIT = 150  # more dates in a month: the list below the grid links to days
PAGE_PARAM = "seite"
NEXT_DATES = 10


def occurrences_in(site_id: int | None):
    """Occurrences of live events of live clubs, of one town (None: all towns)."""
    rows = EventOccurrence.objects.filter(event__live=True, club__live=True).select_related(
        "event", "club"
    )
    if site_id is not None:
        rows = rows.filter(site_id=site_id)
    return rows


def _entries(request, rows, towns: dict) -> list[dict]:
    entries = []
    for row in rows:
        event = row.event
        town = towns.get(row.site_id)
        entries.append(
            {
                "occurrence": row,
                "event": event,
                "url": event.get_url(request),
                "club": row.club,
                "town": town.name if town else "",
                "day": local(row.start).date(),
                "time": time_text(row.start, row.end, row.all_day),
                "status": status_label(event, row.cancelled),
                "cancelled": row.cancelled or event.status == "cancelled",
            }
        )
    return entries


def _days(entries: list[dict]) -> list[dict]:
    return [
        {"date": day, "anchor": f"tag-{day.isoformat()}", "entries": list(items)}
        for day, items in groupby(entries, key=lambda entry: entry["day"])
    ]


def _feed_links(request, page: EventCalendarPage) -> dict:
    today = timezone.localdate()
    base = page.get_url(request) or ""
    path = base + page.reverse_subpage("feed") if base else ""
    https = request.build_absolute_uri(path) if path else ""
    return {
        "feed_url": path,
        "feed_https": https,
        "feed_webcal": "webcal://" + https.split("://", 1)[1] if https else "",
        "feed_title": _("Veranstaltungen – %(name)s") % {"name": page.title},
        "list_url": base,
        "month_url": base + page.reverse_subpage("month", args=(today.year, today.month)),
        "archive_url": base + page.reverse_subpage("archive"),
    }


def _filters(request, page):
    site_id = scope_site_id(page)
    towns = towns_by_site()
    form = CalendarFilterForm(
        request.GET or None, site_id=site_id, towns=towns if site_id is None else None
    )
    values = form.values()
    return site_id, towns, form, values


def _paginate(request, rows):
    paginator = Paginator(rows, PER_PAGE)
    return paginator.get_page(request.GET.get(PAGE_PARAM))


def calendar_list(request: HttpRequest, page: EventCalendarPage) -> HttpResponse:
    site_id, towns, form, values = _filters(request, page)
    now = timezone.now()
    rows = apply(occurrences_in(site_id), values, towns).filter(end__gte=now)
    rows = rows.order_by("start", "event_id")
    page_obj = _paginate(request, rows)
    days = _days(_entries(request, page_obj.object_list, towns if site_id is None else {}))
    return page.render(
        request,
        template="vereinsportal/event_calendar_page.html",
        context_overrides={
            "form": form,
            "filtered": bool(values),
            "days": days,
            "page_obj": page_obj,
            "regional": site_id is None,
            **_feed_links(request, page),
        },
    )


def calendar_archive(request: HttpRequest, page: EventCalendarPage) -> HttpResponse:
    site_id, towns, form, values = _filters(request, page)
    rows = apply(occurrences_in(site_id), values, towns).filter(end__lt=timezone.now())
    rows = rows.order_by("-start", "-event_id")
    page_obj = _paginate(request, rows)
    days = _days(_entries(request, page_obj.object_list, towns if site_id is None else {}))
    return page.render(
        request,
        template="vereinsportal/calendar_archive.html",
        context_overrides={
            "form": form,
            "filtered": bool(values),
            "days": days,
            "page_obj": page_obj,
            "regional": site_id is None,
            **_feed_links(request, page),
        },
    )


def calendar_month(request: HttpRequest, page: EventCalendarPage, year: int, month: int):
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404(_("Diesen Monat gibt es nicht."))
    site_id, towns, form, values = _filters(request, page)
    first = dt.date(year, month, 1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    begin = dt.datetime.combine(first, dt.time(), tzinfo=BERLIN)
    stop = dt.datetime.combine(following, dt.time(), tzinfo=BERLIN)
    values = {key: value for key, value in values.items() if key not in ("von", "bis")}
    in_month = apply(occurrences_in(site_id), values, towns).filter(
        start__gte=begin, start__lt=stop
    )
    counts = {
        row["day"]: row["total"]
        for row in in_month.annotate(day=TruncDate("start", tzinfo=BERLIN))
        .values("day")
        .annotate(total=Count("pk"))
        .order_by()
    }
    total = sum(counts.values())
    days = []
    if total <= MONTH_LIST_LIMIT:
        rows = in_month.order_by("start", "event_id")[:MONTH_LIST_LIMIT]
        days = _days(_entries(request, rows, towns if site_id is None else {}))
    other = [(key, value) for key, value in request.GET.lists() if key not in ("von", "bis")]
    list_url = page.get_url(request)

    def day_url(day: dt.date) -> str:
        if total <= MONTH_LIST_LIMIT:
            return f"#tag-{day.isoformat()}"
        query = QueryDict(mutable=True)
        for key, items in other:
            query.setlist(key, items)
        query["von"] = query["bis"] = day.isoformat()
        return f"{list_url}?{query.urlencode()}"

    query = request.GET.urlencode()
    suffix = f"?{query}" if query else ""
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            count = counts.get(day, 0) if day.month == month else 0
            cells.append(
                {
                    "day": day,
                    "in_month": day.month == month,
                    "count": count,
                    "url": day_url(day) if count else "",
                    "label": dateformat.format(day, "l, j. F Y"),
                    "today": day == timezone.localdate(),
                }
            )
        weeks.append(cells)
    day_links = [{"date": day, "count": counts[day], "url": day_url(day)} for day in sorted(counts)]
    weekdays = [
        (_("Mo"), _("Montag")),
        (_("Di"), _("Dienstag")),
        (_("Mi"), _("Mittwoch")),
        (_("Do"), _("Donnerstag")),
        (_("Fr"), _("Freitag")),
        (_("Sa"), _("Samstag")),
        (_("So"), _("Sonntag")),
    ]

    def month_url(day: dt.date) -> str:
        return (
            page.get_url(request)
            + page.reverse_subpage("month", args=(day.year, day.month))
            + suffix
        )

    return page.render(
        request,
        template="vereinsportal/calendar_month.html",
        context_overrides={
            "form": form,
            "filtered": bool(values),
            "month": first,
            "weeks": weeks,
            "weekdays": weekdays,
            "days": days,
            "total": total,
            "day_links": day_links if total > MONTH_LIST_LIMIT else [],
            "regional": site_id is None,
            "previous_month": previous,
            "next_month": following,
            "previous_url": month_url(previous) if previous.year >= 1900 else "",
            "next_url": month_url(following) if following.year <= 2200 else "",
            "form_action": page.get_url(request)
            + page.reverse_subpage("month", args=(year, month)),
            **_feed_links(request, page),
        },
    )


def club_events(request: HttpRequest, club: ClubPage) -> HttpResponse:
    rows = (
        occurrences_in(None)
        .filter(club_id=club.pk, end__gte=timezone.now())
        .order_by("start", "event_id")
    )
    page_obj = _paginate(request, rows)
    days = _days(_entries(request, page_obj.object_list, {}))
    club_base = club.get_url(request) or ""
    path = club_base + club.reverse_subpage("feed") if club_base else ""
    https = request.build_absolute_uri(path) if path else ""
    return club.render(
        request,
        template="vereinsportal/club_events.html",
        context_overrides={
            "club": club,
            "days": days,
            "page_obj": page_obj,
            "feed_url": path,
            "feed_https": https,
            "feed_webcal": "webcal://" + https.split("://", 1)[1] if https else "",
            "feed_title": _("Veranstaltungen – %(name)s") % {"name": club.title},
        },
    )


def _dates_of(event: EventPage) -> list[EventOccurrence]:
    """The next dates (cancelled ones included, marked); for a draft preview computed."""
    now = timezone.now()
    rows = list(
        EventOccurrence.objects.filter(event_id=event.pk, end__gte=now).order_by("start")[
            :NEXT_DATES
        ]
    )
    if not rows and (not event.live or not event.pk):
        rows = [
            EventOccurrence(event=event, start=start, end=end, all_day=event.all_day)
            for start, end in expand(event)
            if end >= now
        ][:NEXT_DATES]
    return rows


def event_detail(request: HttpRequest, event: EventPage) -> HttpResponse:
    from ..signups.views import signup_context

    club = event.club
    dates = _dates_of(event)
    if not dates:  # past event: show its last date
        last = EventOccurrence.objects.filter(event_id=event.pk).order_by("-start").first()
        dates = [last] if last else []
    if not dates:
        start, end = expand(event)[0]
        dates = [EventOccurrence(event=event, start=start, end=end, all_day=event.all_day)]
    for row in dates:
        row.when = when_text(row.start, row.end, row.all_day)
        row.status_text = status_label(event, row.cancelled)
    first = dates[0]
    place = place_of(event, club)
    event_url = event.get_full_url(request) or request.build_absolute_uri()
    club_url = club.get_full_url(request) if club else ""
    image_url = ""
    if event.image_id:
        rendition = event.image.get_rendition("fill-1200x675")
        image_url = request.build_absolute_uri(rendition.url)
    map_context = None
    if place.has_coordinates:
        from blocks.embeds import osm_links

        map_context = {
            "value": {
                "title": _("Lage: %(place)s") % {"place": place.one_line},
                "description": place.one_line,
            },
            **osm_links(place.latitude, place.longitude, 16),
        }
    event_base = event.get_url(request) or ""
    ics_path = event_base + event.reverse_subpage("ics") if event_base else ""
    upcoming = [row for row in dates if row.pk]
    context = {
        "event": event,
        "club": club,
        "club_url": club.get_url(request) if club else "",
        "dates": dates,
        "first": first,
        "rule_text": describe(event),
        "place": place,
        "map": map_context,
        "status_text": status_label(event),
        "ics_url": ics_path,
        "json_ld": json_ld(
            event,
            start=first.start,
            end=first.end,
            url=event_url,
            club_url=club_url,
            image_url=image_url,
            place=place,
        ),
        "target_groups": list(event.target_groups.all()),
        "categories": list(event.categories.all()),
    }
    context.update(signup_context(request, event, upcoming) or {})
    return event.render(
        request, template="vereinsportal/event_page.html", context_overrides=context
    )
