"""The club's participant list of an event: one date at a time (chosen with
``?termin=<id>``), confirmed / waiting / cancelled with totals, and the CSV export for
German Excel (UTF-8 with BOM, ``;``). Only members of the event's club get there;
everyone else – another club's event, a guessed id – gets 404 (``dashboard.access``).
"""

from __future__ import annotations

import csv
import io

from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..dashboard.access import club_for, club_login_required, event_for
from ..models import EventOccurrence, Signup, SignupStatus
from .forms import OccurrenceChoiceForm, keep_days

CSV_COLUMNS = [
    gettext_lazy("Termin"),
    gettext_lazy("Name"),
    gettext_lazy("E-Mail"),
    gettext_lazy("Telefon"),
    gettext_lazy("Plätze"),
    gettext_lazy("Status"),
    gettext_lazy("Angemeldet am"),
    gettext_lazy("Anmerkung"),
]


def _when(occurrence: EventOccurrence) -> str:
    start = timezone.localtime(occurrence.start)
    if occurrence.all_day:
        return start.strftime("%d.%m.%Y")
    return start.strftime("%d.%m.%Y %H:%M")


def _occurrences(event):
    """All dates of the event with their sign-up numbers – one query."""
    return list(
        EventOccurrence.objects.filter(event=event)
        .annotate(
            confirmed_places=Sum("signups__places", filter=Q(signups__status="confirmed")),
            waiting_count=Count("signups", filter=Q(signups__status="waiting")),
        )
        .order_by("start")
    )


def _default(occurrences: list[EventOccurrence]) -> EventOccurrence | None:
    now = timezone.now()
    upcoming = [occurrence for occurrence in occurrences if occurrence.end > now]
    if upcoming:
        return upcoming[0]
    return occurrences[-1] if occurrences else None


def _choice_label(occurrence: EventOccurrence) -> str:
    places = occurrence.confirmed_places or 0
    label = _when(occurrence)
    label += " – " + ngettext("%(count)d Platz belegt", "%(count)d Plätze belegt", places) % {
        "count": places
    }
    if occurrence.waiting_count:
        label += ", " + _("%(count)d auf der Warteliste") % {"count": occurrence.waiting_count}
    if occurrence.cancelled:
        label += " (" + _("abgesagt") + ")"
    return label


@club_login_required
def participants(request: HttpRequest, club_id: int, event_id: int) -> HttpResponse:
    club = club_for(request, club_id)
    event = event_for(request, club, event_id)
    occurrences = _occurrences(event)
    by_id = {occurrence.pk: occurrence for occurrence in occurrences}
    form = OccurrenceChoiceForm(
        request.GET or None,
        choices=[(occurrence.pk, _choice_label(occurrence)) for occurrence in occurrences],
    )
    selected = None
    if form.is_bound and form.is_valid() and form.cleaned_data.get("termin"):
        selected = by_id.get(form.cleaned_data["termin"])
    if selected is None:
        selected = _default(occurrences)
        if selected is not None and not form.is_bound:
            form = OccurrenceChoiceForm(
                initial={"termin": selected.pk},
                choices=form.fields["termin"].choices,
            )
    signups = (
        list(Signup.objects.filter(occurrence=selected).order_by("created_at", "pk"))
        if selected
        else []
    )
    groups = {status: [s for s in signups if s.status == status] for status in SignupStatus.values}
    confirmed_places = sum(s.places for s in groups[SignupStatus.CONFIRMED])
    context = {
        "club": club,
        "event": event,
        "form": form,
        "occurrences": occurrences,
        "selected": selected,
        "confirmed": groups[SignupStatus.CONFIRMED],
        "waiting": groups[SignupStatus.WAITING],
        "cancelled": groups[SignupStatus.CANCELLED],
        "confirmed_places": confirmed_places,
        "waiting_places": sum(s.places for s in groups[SignupStatus.WAITING]),
        "capacity": event.capacity,
        "free_places": None
        if event.capacity is None
        else max(0, event.capacity - confirmed_places),
        "keep_days": keep_days(),
    }
    return TemplateResponse(request, "vereinsportal/signups/participants.html", context)


def _cell(value) -> str:
    """Text for a CSV cell; a leading = + - @ would be a formula in Excel."""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@club_login_required
def participants_csv(request: HttpRequest, club_id: int, event_id: int) -> HttpResponse:
    """All dates, or one with ``?termin=<id>`` (of this event, else empty)."""
    club = club_for(request, club_id)
    event = event_for(request, club, event_id)
    signups = Signup.objects.filter(occurrence__event=event).select_related("occurrence")
    suffix = ""
    termin = request.GET.get("termin", "")
    if termin:
        if not termin.isdigit():
            return HttpResponse(_("Unbekannter Termin."), status=400, content_type="text/plain")
        signups = signups.filter(occurrence_id=int(termin))
    signups = signups.order_by("occurrence__start", "created_at", "pk")
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(column) for column in CSV_COLUMNS])
    labels = dict(SignupStatus.choices)
    for signup in signups:
        if termin and not suffix:
            suffix = "-" + timezone.localtime(signup.occurrence.start).strftime("%Y-%m-%d")
        writer.writerow(
            [
                _cell(_when(signup.occurrence)),
                _cell(signup.name),
                _cell(signup.email),
                _cell(signup.phone),
                signup.places,
                _cell(labels.get(signup.status, signup.status)),
                timezone.localtime(signup.created_at).strftime("%d.%m.%Y %H:%M"),
                _cell(signup.note),
            ]
        )
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    filename = f"teilnehmende-{slugify(event.title)[:50] or event.pk}{suffix}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
