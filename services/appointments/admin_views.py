"""Running the day as staff: offices, day and week views, marking bookings, blocking
time, booking by phone and walk-in tickets, under /admin/termine/.

Every view needs ``services.change_case`` (else Wagtail's usual "no permission"); an
office is looked up only among the offices of the user's towns, so any other id – also a
guessed one – answers 404.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from blocks.opening_hours import periods_for
from portal.core.permissions import staff_site_ids

from ..models import (
    ACTIVE_BOOKING_STATUSES,
    BlockedTime,
    BookableOffice,
    Booking,
    BookingStatus,
    TicketStatus,
)
from ..roles import CASE_PERMISSION
from . import booking as booking_service
from . import calls, slots, statistics
from . import mails as appointment_mails
from .staff_forms import BlockForm, PhoneBookingForm, local

URL_NAMESPACE = "termine"

#: bookings shown in the day view (the others hold no time)
SHOWN_STATUSES = [*ACTIVE_BOOKING_STATUSES, BookingStatus.NO_SHOW]

#: what staff may mark: from status → to statuses
TRANSITIONS = {
    BookingStatus.CONFIRMED: {BookingStatus.ARRIVED, BookingStatus.NO_SHOW, BookingStatus.DONE},
    BookingStatus.ARRIVED: {BookingStatus.DONE, BookingStatus.NO_SHOW},
}


def url(name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def day_url(office, day: dt.date) -> str:
    return url("day", office.pk, day.isoformat())


def offices_for(user) -> QuerySet[BookableOffice]:
    """The offices of the towns ``user`` works for (all for superusers)."""
    offices = BookableOffice.objects.select_related("unit__site")
    site_ids = staff_site_ids(user, CASE_PERMISSION)
    if site_ids is not None:
        offices = offices.filter(unit__site_id__in=site_ids)
    return offices.order_by("unit__site__site_name", "unit__name")


def get_office_or_404(user, pk) -> BookableOffice:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    office = offices_for(user).filter(pk=pk).first()
    if office is None:
        raise Http404
    return office


def parse_day(value: str | None) -> dt.date:
    if not value:
        return timezone.localdate(timezone.now(), slots.zone())
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Http404 from None


def local_time(moment: dt.datetime) -> str:
    return f"{moment.astimezone(slots.zone()):%H:%M}"


def services_text(booking: Booking) -> str:
    parts = []
    for item in booking.services or []:
        if isinstance(item, dict):
            persons = item.get("persons") or 1
            parts.append(
                _("%(name)s (%(persons)d Pers.)")
                % {"name": item.get("name", ""), "persons": persons}
            )
    return ", ".join(parts)


class StaffMixin:
    """Needs ``services.change_case``."""

    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CASE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OfficeMixin(StaffMixin):
    """``self.office`` only from the user's towns."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CASE_PERMISSION):
            raise PermissionDenied
        self.office = get_office_or_404(request.user, kwargs["office_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        return str(self.office.unit.name)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Termine")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = parse_day(None)
        context.update(
            {
                "office": self.office,
                "links": {
                    "today": day_url(self.office, today),
                    "week": url("week", self.office.pk, today.isoformat()),
                    "blocks": url("blocks", self.office.pk),
                    "phone": url("phone", self.office.pk),
                    "tickets": url("tickets", self.office.pk),
                    "statistics": url("statistics", self.office.pk),
                },
            }
        )
        return context


class OfficeIndexView(StaffMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/appointments/staff/index.html"
    page_title = _("Termine")

    def get_page_title(self) -> str:
        return _("Termine")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = parse_day(None)
        context["offices"] = [
            {
                "office": office,
                "day_url": day_url(office, today),
                "week_url": url("week", office.pk, today.isoformat()),
            }
            for office in offices_for(self.request.user)
        ]
        return context


class DayView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """A row per start time of the office's grid, a column per counter."""

    template_name = "services/appointments/staff/day.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.day = parse_day(kwargs.get("day"))

    def get_page_title(self) -> str:
        return _("Termine am %(day)s") % {"day": date_format(self.day, "l, d.m.Y")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        office, day = self.office, self.day
        counters = list(office.counters.all())
        begin = local(day, dt.time(0))
        end = begin + dt.timedelta(days=1)
        bookings = list(
            office.bookings.filter(status__in=SHOWN_STATUSES, start__lt=end, end__gt=begin)
            .select_related("counter")
            .order_by("start")
        )
        blocks = list(
            office.blocked_times.filter(start__lt=end, end__gt=begin).select_related("counter")
        )
        periods, reason = periods_for(office.unit.hours, day) if office.unit.hours else ([], None)
        step = dt.timedelta(minutes=office.interval_minutes)
        rows = []
        for opens, closes in periods:
            moment, until = local(day, opens), local(day, closes)
            while moment < until:
                after = moment + step
                cells = [
                    self.cell(counter, moment, after, bookings, blocks) for counter in counters
                ]
                rows.append({"time": local_time(moment), "cells": cells})
                moment = after
        for item in bookings:
            item.time = f"{local_time(item.start)}–{local_time(item.end)}"
            item.services_text = services_text(item)
            item.actions = [
                (status.value, status.label)
                for status in (BookingStatus.ARRIVED, BookingStatus.NO_SHOW, BookingStatus.DONE)
                if status in TRANSITIONS.get(item.status, ())
            ]
        context.update(
            {
                "day": day,
                "counters": counters,
                "rows": rows,
                "closed_reason": reason,
                "bookings": bookings,
                "blocks": blocks,
                "previous_url": day_url(office, day - dt.timedelta(days=1)),
                "next_url": day_url(office, day + dt.timedelta(days=1)),
                "week_url": url("week", office.pk, day.isoformat()),
                "mark_url": url("mark", office.pk),
            }
        )
        return context

    @staticmethod
    def cell(counter, start, end, bookings, blocks) -> dict:
        starting = [b for b in bookings if b.counter_id == counter.pk and start <= b.start < end]
        if starting:
            return {"kind": "booking", "bookings": starting}
        if any(b.counter_id == counter.pk and b.start < start < b.end for b in bookings):
            return {"kind": "continued"}
        for block in blocks:
            if block.counter_id in (None, counter.pk) and block.start < end and block.end > start:
                return {"kind": "blocked", "reason": block.reason}
        if not counter.active:
            return {"kind": "inactive"}
        return {"kind": "free"}


class WeekView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/appointments/staff/week.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        day = parse_day(kwargs.get("day"))
        self.monday = day - dt.timedelta(days=day.weekday())

    def get_page_title(self) -> str:
        return _("Woche ab %(day)s") % {"day": date_format(self.monday, "d.m.Y")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        office, monday = self.office, self.monday
        sunday = monday + dt.timedelta(days=6)
        services = list(office.services.all())
        minutes = (
            min(slots.duration([slots.Selection(s, 1)]) for s in services)
            if services
            else office.interval_minutes
        )
        free = slots.Calendar(office, monday, sunday).days(minutes)
        counts: dict[dt.date, int] = {}
        bookings = office.bookings.filter(
            status__in=SHOWN_STATUSES,
            start__gte=local(monday, dt.time(0)),
            start__lt=local(sunday + dt.timedelta(days=1), dt.time(0)),
        )
        for start in bookings.values_list("start", flat=True):
            key = start.astimezone(slots.zone()).date()
            counts[key] = counts.get(key, 0) + 1
        context.update(
            {
                "days": [
                    {
                        "day": day,
                        "url": day_url(office, day),
                        "bookings": counts.get(day, 0),
                        "free": free.get(day, 0),
                    }
                    for day in (monday + dt.timedelta(days=i) for i in range(7))
                ],
                "minutes": minutes,
                "previous_url": url("week", office.pk, (monday - dt.timedelta(7)).isoformat()),
                "next_url": url("week", office.pk, (monday + dt.timedelta(7)).isoformat()),
            }
        )
        return context


class MarkView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """POST booking + status: arrived / no-show / done."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            pk = int(request.POST.get("booking", ""))
        except ValueError:
            raise Http404 from None
        target = request.POST.get("status", "")
        with transaction.atomic():
            item = Booking.objects.select_for_update().filter(office=self.office, pk=pk).first()
            if item is None:
                raise Http404
            allowed = TRANSITIONS.get(item.status, set())
            if target not in allowed:
                messages.error(
                    request,
                    _(
                        "Der Termin um %(time)s hat den Status „%(status)s“ und kann nicht "
                        "so markiert werden. Es wurde nichts geändert."
                    )
                    % {"time": local_time(item.start), "status": item.get_status_display()},
                )
            else:
                item.status = target
                item.save(update_fields=["status"])
                messages.success(
                    request,
                    _("Der Termin um %(time)s ist jetzt „%(status)s“.")
                    % {"time": local_time(item.start), "status": item.get_status_display()},
                )
        day = item.start.astimezone(slots.zone()).date()
        return redirect(day_url(self.office, day))


class BlockView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """Block time (form) and the coming blocks with delete."""

    template_name = "services/appointments/staff/blocks.html"

    def get_page_title(self) -> str:
        return _("Gesperrte Zeiten")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        today = parse_day(None)
        context["form"] = form or BlockForm(office=self.office, initial={"day": today})
        context["blocks"] = (
            self.office.blocked_times.filter(end__gt=local(today, dt.time(0)))
            .select_related("counter")
            .order_by("start")
        )
        context["delete_url"] = url("block_delete", self.office.pk)
        return context

    def post(self, request, *args, **kwargs):
        form = BlockForm(request.POST, office=self.office)
        if not form.is_valid():
            messages.error(
                request, _("Die Zeit wurde nicht gesperrt. Bitte prüfen Sie die Angaben.")
            )
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        BlockedTime.objects.create(
            office=self.office,
            counter=data["counter_obj"],
            start=data["start"],
            end=data["end"],
            reason=data["reason"],
            created_by=request.user,
        )
        messages.success(
            request,
            _("Gesperrt: %(day)s, %(start)s–%(end)s Uhr.")
            % {
                "day": date_format(data["day"], "d.m.Y"),
                "start": local_time(data["start"]),
                "end": local_time(data["end"]),
            },
        )
        return redirect(url("blocks", self.office.pk))


class BlockDeleteView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            pk = int(request.POST.get("block", ""))
        except ValueError:
            raise Http404 from None
        deleted, _details = self.office.blocked_times.filter(pk=pk).delete()
        if not deleted:
            raise Http404
        messages.success(request, _("Die Sperre wurde aufgehoben."))
        return redirect(url("blocks", self.office.pk))


class PhoneBookingView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """Book for a citizen on the phone or at the counter: confirmed at once."""

    template_name = "services/appointments/staff/phone.html"

    def get_page_title(self) -> str:
        return _("Termin telefonisch buchen")

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form or PhoneBookingForm(
            office=self.office, initial={"day": parse_day(self.request.GET.get("tag"))}
        )
        return context

    def post(self, request, *args, **kwargs):
        booking = "book" in request.POST
        form = PhoneBookingForm(request.POST, office=self.office, booking=booking)
        if not form.is_valid():
            if booking:
                messages.error(
                    request, _("Der Termin wurde nicht gebucht. Bitte prüfen Sie die Angaben.")
                )
            return self.render_to_response(self.get_context_data(form=form))
        if not booking:  # only searched the free times
            if not form.free_starts:
                messages.warning(request, _("An diesem Tag ist keine passende Zeit frei."))
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        try:
            with transaction.atomic():
                item, token = booking_service.create_pending(
                    self.office,
                    data["start_moment"],
                    data["selections"],
                    name=data["name"].strip(),
                    email=data["email"],
                    phone=data["phone"],
                )
                item, manage_token = booking_service.confirm(token)
                item.source = "phone"
                item.created_by = request.user
                item.save(update_fields=["source", "created_by"])
                if item.email:  # the citizen gets the confirmation with .ics and links
                    appointment_mails.send_confirmed(item, manage_token)
        except booking_service.BookingError as error:
            form.add_error(None, str(error))
            messages.error(
                request, _("Der Termin wurde nicht gebucht: %(reason)s") % {"reason": error}
            )
            return self.render_to_response(self.get_context_data(form=form))
        start = item.start.astimezone(slots.zone())
        messages.success(
            request,
            _("Termin gebucht: %(day)s, %(time)s Uhr, %(counter)s, für %(name)s.")
            % {
                "day": date_format(start.date(), "d.m.Y"),
                "time": local_time(start),
                "counter": item.counter.name if item.counter else "–",
                "name": item.name,
            },
        )
        return redirect(day_url(self.office, start.date()))


class TicketView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """Walk-ins: draw a number, call the next for a counter."""

    template_name = "services/appointments/staff/tickets.html"

    def get_page_title(self) -> str:
        return _("Wartenummern")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = parse_day(None)
        tickets = self.office.tickets.filter(day=today).select_related("counter")
        context.update(
            {
                "waiting": [t for t in tickets if t.status == TicketStatus.WAITING],
                "called": [t for t in tickets if t.status == TicketStatus.CALLED],
                "counters": [c for c in self.office.counters.all() if c.active],
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if "draw" in request.POST:
            ticket = calls.issue_ticket(self.office, request.POST.get("service_name", ""))
            messages.success(
                request, _("Wartenummer %(number)d gezogen.") % {"number": ticket.number}
            )
        elif "call" in request.POST:
            counter = self.office.counters.filter(pk=_int(request.POST.get("counter"))).first()
            if counter is None:
                messages.error(request, _("Bitte wählen Sie einen Schalter."))
            else:
                ticket = calls.call_next(self.office, counter)
                if ticket is None:
                    messages.warning(request, _("Es wartet niemand."))
                else:
                    messages.success(
                        request,
                        _("Nummer %(number)d bitte zu %(counter)s.")
                        % {"number": ticket.number, "counter": counter.name},
                    )
        return redirect(url("tickets", self.office.pk))


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class StatisticsView(OfficeMixin, WagtailAdminTemplateMixin, TemplateView):
    """Bookings, no-shows, waiting times, utilisation by day and hour; CSV."""

    template_name = "services/appointments/staff/statistics.html"

    def get_page_title(self) -> str:
        return _("Statistik")

    def _range(self) -> tuple[dt.date, dt.date]:
        today = parse_day(None)
        first = _date(self.request.GET.get("von")) or today - dt.timedelta(days=27)
        last = _date(self.request.GET.get("bis")) or today
        if last < first:
            first, last = last, first
        return first, min(last, first + dt.timedelta(days=statistics.MAX_DAYS - 1))

    def get(self, request, *args, **kwargs):
        first, last = self._range()
        result = statistics.figures(self.office, first, last)
        if request.GET.get("format") == "csv":
            response = HttpResponse(
                statistics.as_csv(result), content_type="text/csv; charset=utf-8"
            )
            name = f"termine-{self.office.pk}-{first.isoformat()}-{last.isoformat()}.csv"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        context = self.get_context_data(**kwargs)
        context.update(
            {
                "figures": result,
                "first": first,
                "last": last,
                "day_bars": statistics.bars(
                    {d.day.strftime("%d.%m."): d.utilisation for d in result.days if d.open_minutes}
                ),
                "hour_bars": statistics.bars(
                    {f"{hour}": count for hour, count in result.by_hour.items()}
                ),
            }
        )
        return self.render_to_response(context)


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
