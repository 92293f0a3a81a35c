"""The citizen's booking: services and persons → day (month calendar) → time and
details → e-mail confirmation (double opt-in) → manage (cancel, rebook).

The selection travels in the query string (``?s=<service>:<persons>,…&tag=YYYY-MM-DD``),
so every step works without JavaScript and can be bookmarked; nothing is stored
before the details form is sent.
"""

from __future__ import annotations

import calendar as pycalendar
import contextlib
import datetime as dt
from urllib.parse import urlencode

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from ..applications import spam
from ..applications.forms import error_summary
from ..applications.views import private
from ..models import BookableOffice, Booking, BookingStatus, hash_token
from . import booking as bookings
from . import mails, slots
from .forms import DetailsForm

TEMPLATES = "services/appointments/"
MAX_TOKEN_LENGTH = 200
# lazy: translated when shown, in the visitor's language
WEEKDAYS = [
    (gettext_lazy("Mo"), gettext_lazy("Montag")),
    (gettext_lazy("Di"), gettext_lazy("Dienstag")),
    (gettext_lazy("Mi"), gettext_lazy("Mittwoch")),
    (gettext_lazy("Do"), gettext_lazy("Donnerstag")),
    (gettext_lazy("Fr"), gettext_lazy("Freitag")),
    (gettext_lazy("Sa"), gettext_lazy("Samstag")),
    (gettext_lazy("So"), gettext_lazy("Sonntag")),
]


# --- helpers ------------------------------------------------------------------------
def office_for(request: HttpRequest, office_id: int) -> BookableOffice:
    """The office, only on its own town's site and only while it takes bookings."""
    if office_id > 2**31 - 1:
        raise Http404
    office = get_object_or_404(
        BookableOffice.objects.select_related("unit__site"), pk=office_id, enabled=True
    )
    site = Site.find_for_request(request)
    if site is None or office.unit.site_id != site.pk:
        raise Http404
    return office


def services_of(office: BookableOffice) -> list:
    return list(office.services.select_related("leistung").all())


def parse_selection(office_services: list, value: str) -> list[slots.Selection] | None:
    """``"12:1,13:2"`` → selections; None if anything is off."""
    by_id = {service.pk: service for service in office_services}
    result, seen = [], set()
    for part in (value or "").split(","):
        if not part:
            continue
        try:
            service_id, persons = (int(x) for x in part.split(":"))
        except ValueError:
            return None
        service = by_id.get(service_id)
        if service is None or service_id in seen or not 1 <= persons <= service.max_persons:
            return None
        seen.add(service_id)
        result.append(slots.Selection(service, persons))
    return result or None


def selection_value(selections: list[slots.Selection]) -> str:
    return ",".join(f"{s.service.pk}:{s.persons}" for s in selections)


def book_url(office: BookableOffice, **params) -> str:
    url = reverse("appointments:book", kwargs={"office_id": office.pk})
    params = {key: value for key, value in params.items() if value}
    return f"{url}?{urlencode(params, safe=':,')}" if params else url


def day_label(day: dt.date) -> str:
    return formats.date_format(day, "l, j. F Y")


def selection_lines(selections: list[slots.Selection]) -> list[str]:
    return [
        ngettext("%(service)s, %(count)d Person", "%(service)s, %(count)d Personen", s.persons)
        % {"service": s.service.leistung.name, "count": s.persons}
        for s in selections
    ]


def parse_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def month_grid(year: int, month: int, free: dict, office, selection: str, ersetzt: str):
    """Weeks of the month: cells with day, free count and link (if bookable)."""
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            count = free.get(day, 0) if day.month == month else 0
            cells.append(
                {
                    "day": day,
                    "in_month": day.month == month,
                    "count": count,
                    "url": book_url(office, s=selection, tag=day.isoformat(), ersetzt=ersetzt)
                    if count
                    else "",
                    "label": ngettext(
                        "%(day)s: %(count)d freier Termin",
                        "%(day)s: %(count)d freie Termine",
                        count,
                    )
                    % {"day": day_label(day), "count": count},
                }
            )
        weeks.append(cells)
    return weeks


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# --- the booking flow ---------------------------------------------------------------
@require_http_methods(["GET", "HEAD", "POST"])
def book(request: HttpRequest, office_id: int) -> HttpResponse:
    office = office_for(request, office_id)
    office_services = services_of(office)
    ersetzt = request.GET.get("ersetzt", "")[:MAX_TOKEN_LENGTH]
    context = {"office": office, "unit": office.unit, "ersetzt": ersetzt}
    if "s" not in request.GET:
        return choose(request, office, office_services, context)
    selections = parse_selection(office_services, request.GET.get("s", ""))
    if selections is None:
        return choose(
            request,
            office,
            office_services,
            context,
            errors=[_("Bitte wählen Sie mindestens eine Leistung für mindestens eine Person.")],
        )
    minutes = slots.duration(selections)
    context.update(
        {
            "selections": selection_lines(selections),
            "selection": selection_value(selections),
            "minutes": minutes,
            "change_url": book_url(
                office, ersetzt=ersetzt, **{"aendern": selection_value(selections)}
            ),
        }
    )
    if "tag" not in request.GET:
        return month(request, office, minutes, context)
    return day_view(request, office, selections, minutes, context)


def choose(request, office, office_services, context, errors=()) -> HttpResponse:
    """Step 1: services and persons (a GET form; its result becomes ``?s=``)."""
    errors = list(errors)
    initial: dict[int, int] = {}
    preset = parse_selection(office_services, request.GET.get("aendern", "")) or []
    initial.update({s.service.pk: s.persons for s in preset})
    leistung = request.GET.get("leistung", "")
    for service in office_services:
        if str(service.leistung_id) == leistung:
            initial[service.pk] = 1
    if "auswahl" in request.GET:
        chosen, invalid = [], False
        for service in office_services:
            raw = request.GET.get(f"anzahl_{service.pk}", "0").strip() or "0"
            try:
                persons = int(raw)
            except ValueError:
                persons = -1
            if not 0 <= persons <= service.max_persons:
                invalid = True
                errors.append(
                    _("%(service)s: Bitte geben Sie eine Zahl von 0 bis %(max)d an.")
                    % {"service": service.leistung.name, "max": service.max_persons}
                )
            elif persons:
                chosen.append(slots.Selection(service, persons))
            initial[service.pk] = persons if persons >= 0 else 0
        if not invalid and not chosen:
            errors.append(
                _("Bitte wählen Sie mindestens eine Leistung für mindestens eine Person.")
            )
        if not errors:
            return HttpResponseRedirect(
                book_url(office, s=selection_value(chosen), ersetzt=context["ersetzt"])
            )
    rows = [
        {
            "service": service,
            "value": initial.get(service.pk, 0),
            "minutes_first": service.minutes_first_person,
            "minutes_further": service.minutes_per_additional_person,
        }
        for service in office_services
    ]
    chosen_now = [slots.Selection(row["service"], row["value"]) for row in rows if row["value"] > 0]
    context.update(
        {
            "rows": rows,
            "errors": [{"text": str(text), "href": ""} for text in errors],
            "total_minutes": slots.duration(chosen_now) if chosen_now else 0,
        }
    )
    status = 400 if errors else 200
    return private(TemplateResponse(request, TEMPLATES + "choose.html", context, status=status))


def month(request, office, minutes, context) -> HttpResponse:
    """Step 2: a month calendar with the days that have free times."""
    first, last = slots.bookable_range(office)
    wanted = request.GET.get("monat", "")
    try:
        shown = dt.date.fromisoformat(f"{wanted}-01") if wanted else first.replace(day=1)
    except ValueError:
        shown = first.replace(day=1)
    if not first.replace(day=1) <= shown <= last.replace(day=1):
        shown = first.replace(day=1)
    month_end = add_months(shown, 1) - dt.timedelta(days=1)
    start, end = max(first, shown), min(last, month_end)
    free = slots.Calendar(office, start, end).days(minutes)
    previous = add_months(shown, -1)
    following = add_months(shown, 1)
    params = {"s": context["selection"], "ersetzt": context["ersetzt"]}
    context.update(
        {
            "month": shown,
            "weekdays": WEEKDAYS,
            "weeks": month_grid(
                shown.year, shown.month, free, office, context["selection"], context["ersetzt"]
            ),
            "any_free": any(free.values()),
            "previous_url": book_url(office, monat=f"{previous:%Y-%m}", **params)
            if previous >= first.replace(day=1)
            else "",
            "next_url": book_url(office, monat=f"{following:%Y-%m}", **params)
            if following <= last.replace(day=1)
            else "",
            "next_month": following,
            "previous_month": previous,
        }
    )
    return private(TemplateResponse(request, TEMPLATES + "month.html", context))


def day_view(request, office, selections, minutes, context) -> HttpResponse:
    """Step 3: the free times of the chosen day and the details form."""
    first, last = slots.bookable_range(office)
    day = parse_day(request.GET.get("tag", ""))
    back = book_url(office, s=context["selection"], ersetzt=context["ersetzt"])
    problem = ""
    if day is None:
        problem = _("Bitte wählen Sie einen Tag im Kalender.")
    elif day < first:
        problem = _("Dieser Tag liegt in der Vergangenheit. Bitte wählen Sie einen anderen Tag.")
    elif day > last:
        problem = _(
            "Termine können höchstens %(days)d Tage im Voraus gebucht werden. "
            "Bitte wählen Sie einen früheren Tag."
        ) % {"days": office.horizon_days}
    context["back_url"] = back
    if problem:
        context["errors"] = [{"text": problem, "href": ""}]
        return private(TemplateResponse(request, TEMPLATES + "problem.html", context, status=400))
    starts = slots.Calendar(office, day, day).free_starts(day, minutes)
    times = [timezone.localtime(start, slots.zone()).strftime("%H:%M") for start in starts]
    extra: list[str] = []
    status = 200
    if request.method == "POST":
        form = DetailsForm(request.POST, times=times)
        if spam.honeypot_filled(request):
            extra.append(spam.honeypot_message())
            status = 400
        elif spam.rate_limited(request, "booking"):
            return private(spam.rate_limited_response(request))
        elif form.is_valid():
            hour, minute = (int(x) for x in form.cleaned_data["zeit"].split(":"))
            start = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=slots.zone())
            try:
                with transaction.atomic():
                    booking, token = bookings.create_pending(
                        office,
                        start,
                        selections,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                        phone=form.cleaned_data["phone"],
                        language=(get_language() or "de")[:10],
                    )
                    replaces = context["ersetzt"]
                    if replaces and bookings.for_manage_token(replaces) is None:
                        replaces = ""
                    mails.send_confirm_link(booking, token, replaces)
            except bookings.BookingError as error:
                extra.append(str(error))
                status = 409
            else:
                context.update({"booking": booking, "day_label": day_label(day), "time": start})
                return private(TemplateResponse(request, TEMPLATES + "pending.html", context))
        else:
            status = 400
    else:
        form = DetailsForm(times=times)
    context.update(
        {
            "day": day,
            "day_label": day_label(day),
            "times": times,
            "form": form,
            "errors": error_summary(form, extra),
            "honeypot_field": spam.HONEYPOT_FIELD,
            "retention_days": office.retention_days,
            "action_url": request.get_full_path(),
        }
    )
    response = TemplateResponse(request, TEMPLATES + "day.html", context, status=status)
    return private(response, with_form=True)


# --- confirming ---------------------------------------------------------------------
def _message(request, title: str, text: str, status: int, **extra) -> HttpResponse:
    context = {"title": title, "text": text, **extra}
    response = TemplateResponse(request, TEMPLATES + "message.html", context, status=status)
    return private(response)


def _on_site(request, booking: Booking | None) -> bool:
    site = Site.find_for_request(request)
    return booking is not None and site is not None and booking.office.unit.site_id == site.pk


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button only (mail scanners prefetch links); POST books."""
    pending = None
    if token and len(token) <= MAX_TOKEN_LENGTH:
        pending = (
            Booking.objects.select_related("office__unit__site")
            .filter(confirm_token_hash=hash_token(token))
            .first()
        )
    if not _on_site(request, pending):
        return _message(
            request,
            _("Link ungültig"),
            _("Dieser Bestätigungslink ist ungültig oder wurde schon benutzt."),
            404,
        )
    expired = pending.status == BookingStatus.EXPIRED or (
        pending.status == BookingStatus.PENDING
        and pending.confirm_by is not None
        and pending.confirm_by < timezone.now()
    )
    if pending.status not in (BookingStatus.PENDING, BookingStatus.EXPIRED):
        return _message(
            request,
            _("Link nicht mehr gültig"),
            _("Dieser Termin wurde bereits bestätigt oder abgesagt."),
            410,
        )
    if request.method != "POST" or expired:
        if expired:
            if request.method == "POST":
                with contextlib.suppress(bookings.BookingError):
                    bookings.confirm(token)  # marks the booking as expired
            return _message(
                request,
                _("Bestätigungslink abgelaufen"),
                _(
                    "Der Bestätigungslink ist abgelaufen (%(minutes)d Minuten). Der Termin "
                    "wurde nicht gebucht – bitte wählen Sie ihn neu."
                )
                % {"minutes": bookings.CONFIRM_MINUTES},
                410,
                again_url=book_url(pending.office),
            )
        context = {
            "booking": pending,
            "unit": pending.office.unit,
            "services": mails.service_names(pending),
            "address": mails.ics.address_of(pending.office.unit),
        }
        response = TemplateResponse(request, TEMPLATES + "confirm.html", context)
        return private(response, with_form=True)
    try:
        with transaction.atomic():
            booking, manage_token = bookings.confirm(token)
            mails.send_confirmed(booking, manage_token)
            replaced = _replace(booking, request.GET.get("ersetzt", ""))
    except bookings.BookingError as error:
        return _message(
            request,
            _("Termin nicht gebucht"),
            str(error),
            409,
            again_url=book_url(pending.office, s=_selection_of(pending)),
        )
    context = {
        "booking": booking,
        "unit": booking.office.unit,
        "office": booking.office,
        "services": mails.service_names(booking),
        "address": mails.ics.address_of(booking.office.unit),
        "bring": mails.what_to_bring(booking),
        "manage_url": reverse("appointments:manage", kwargs={"token": manage_token}),
        "replaced": replaced,
    }
    return private(TemplateResponse(request, TEMPLATES + "confirmed.html", context))


def _selection_of(booking: Booking) -> str:
    return ",".join(f"{item.get('service')}:{item.get('persons', 1)}" for item in booking.services)


def _replace(booking: Booking, old_token: str) -> Booking | None:
    """After a rebooking is confirmed: cancel the booking it replaces (same office)."""
    if not old_token or len(old_token) > MAX_TOKEN_LENGTH:
        return None
    old = bookings.for_manage_token(old_token)
    if (
        old is None
        or old.pk == booking.pk
        or old.office_id != booking.office_id
        or old.status != BookingStatus.CONFIRMED
    ):
        return None
    bookings.cancel(old)
    return old


# --- managing -----------------------------------------------------------------------
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    booking = bookings.for_manage_token(token if len(token) <= MAX_TOKEN_LENGTH else "")
    if not _on_site(request, booking):
        return _message(
            request,
            _("Link ungültig"),
            _("Zu diesem Link gibt es keinen Termin. Bitte prüfen Sie den Link aus Ihrer E-Mail."),
            404,
        )
    if booking.status == BookingStatus.CANCELLED:
        return _message(
            request,
            _("Termin abgesagt"),
            _("Dieser Termin wurde abgesagt. Der Link gilt nicht mehr."),
            410,
            again_url=book_url(booking.office),
        )
    if booking.status != BookingStatus.CONFIRMED or booking.end < timezone.now():
        return _message(
            request,
            _("Link nicht mehr gültig"),
            _("Dieser Termin ist vorbei und kann nicht mehr geändert werden."),
            410,
            again_url=book_url(booking.office),
        )
    if request.method == "POST" and request.POST.get("action") == "absagen":
        try:
            with transaction.atomic():
                bookings.cancel(booking)
                mails.send_cancelled(booking)
        except bookings.BookingError as error:
            return _message(request, _("Absage nicht möglich"), str(error), 409)
        return _message(
            request,
            _("Termin abgesagt"),
            _("Ihr Termin wurde abgesagt. Wir haben Ihnen eine Bestätigung per E-Mail gesendet."),
            200,
            again_url=book_url(booking.office),
        )
    asking = request.method == "POST" or request.GET.get("absagen") == "1"
    context = {
        "booking": booking,
        "unit": booking.office.unit,
        "services": mails.service_names(booking),
        "address": mails.ics.address_of(booking.office.unit),
        "asking": asking,
        "cancel_url": f"{request.path}?absagen=1",
        "rebook_url": book_url(booking.office, s=_selection_of(booking), ersetzt=token),
    }
    response = TemplateResponse(request, TEMPLATES + "manage.html", context)
    return private(response, with_form=asking)
