"""Club dashboard: the club's events – list, create, edit, cancel/postpone, delete."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ..models import EventOccurrence, EventPage, EventStatus, Signup, SignupStatus
from ..recurrence import describe
from . import access, images, publishing
from .forms import EventForm, StatusForm
from .views import TEMPLATES, club_context, optional_url, pending_event_ids

# sub-paths of a club page (its routes) that an event slug must not take
RESERVED_SLUGS = {"kontakt", "veranstaltungen", "kalender-ics"}

OUTCOME_MESSAGES = {
    publishing.Outcome.PUBLISHED: _lazy("Veröffentlicht."),
    publishing.Outcome.SUBMITTED: _lazy(
        "Zur Freigabe an die Stadt gesendet. Die Veranstaltung erscheint, sobald die Stadt "
        "sie freigegeben hat."
    ),
    publishing.Outcome.SAVED: _lazy("Gespeichert."),
}


def _message(outcome) -> str:
    return str(OUTCOME_MESSAGES[outcome])


def _free_slug(club, title: str, exclude: int | None = None) -> str:
    base = slugify(title)[:70] or "veranstaltung"
    taken = set(EventPage.objects.child_of(club).exclude(pk=exclude).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@access.club_login_required
def club_events(request: HttpRequest, club_id: int) -> HttpResponse:
    club = access.club_for(request, club_id).specific
    now = timezone.now()
    events = list(EventPage.objects.child_of(club).specific().order_by("start"))
    pending = pending_event_ids([event.pk for event in events])
    next_dates = {}
    for occurrence in EventOccurrence.objects.filter(club=club, end__gte=now).order_by("-start"):
        next_dates[occurrence.event_id] = occurrence
    upcoming, drafts, past = [], [], []
    for event in events:
        row = {
            "event": event,
            "pending": event.pk in pending,
            "next": next_dates.get(event.pk),
            "rule": describe(event),
            "participants_url": optional_url("event_participants", club.pk, event.pk)
            if event.signup_enabled
            else "",
        }
        if not event.live:
            drafts.append(row)
        elif row["next"] is not None or event.end >= now:
            upcoming.append(row)
        else:
            past.append(row)
    upcoming.sort(key=lambda row: row["next"].start if row["next"] else row["event"].start)
    past.reverse()
    context = club_context(request, club, "events") | {
        "upcoming": upcoming,
        "drafts": drafts,
        "past": past,
    }
    return render(request, TEMPLATES + "events.html", context)


def _apply(form: EventForm, event: EventPage, *, club, user, created: list) -> EventPage:
    data = form.cleaned_data
    event = form.save(commit=False)
    event.categories.set(data["categories"])
    event.target_groups.set(data["target_groups"])
    if data.get("image_upload"):
        event.image = images.create_image(
            data["image_upload"], title=event.title, site=club.get_site(), user=user
        )
        created.append(event.image)
    elif data.get("remove_image"):
        event.image = None
    return event


def _render_form(request, club, form, event=None, status=200):
    context = club_context(request, club, "events") | {
        "form": form,
        "form_list": [form],
        "event": event,
        "pending": bool(event and publishing.awaiting_approval(event)),
    }
    return render(request, TEMPLATES + "event_form.html", context, status=status)


@access.club_login_required
def event_create(request: HttpRequest, club_id: int) -> HttpResponse:
    club = access.club_for(request, club_id).specific
    if request.method != "POST":
        initial = {
            "location_kind": "club" if club.has_address else "address",
            "categories": list(club.categories.all()),
        }
        return _render_form(request, club, EventForm(instance=EventPage(), initial=initial))
    form = EventForm(request.POST, request.FILES, instance=EventPage())
    if not form.is_valid():
        return _render_form(request, club, form, status=400)
    created: list = []
    try:
        with transaction.atomic():
            event = _apply(form, form.instance, club=club, user=request.user, created=created)
            event.slug = _free_slug(club, event.title)
            outcome = publishing.create_event(club, event, user=request.user)
    except Exception:
        images.discard(created)
        raise
    messages.success(request, _message(outcome))
    return redirect("vereinsportal:club_events", club.pk)


@access.club_login_required
def event_edit(request: HttpRequest, club_id: int, event_id: int) -> HttpResponse:
    club = access.club_for(request, club_id).specific
    event = access.event_for(request, club, event_id).specific
    draft = event.get_latest_revision_as_object() if event.latest_revision_id else event
    if request.method != "POST":
        return _render_form(request, club, EventForm(instance=draft), event)
    form = EventForm(request.POST, request.FILES, instance=draft)
    if not form.is_valid():
        return _render_form(request, club, form, event, status=400)
    created: list = []
    try:
        with transaction.atomic():
            draft = _apply(form, draft, club=club, user=request.user, created=created)
            outcome = publishing.update_event(draft, user=request.user)
    except Exception:
        images.discard(created)
        raise
    messages.success(request, _message(outcome))
    return redirect("vereinsportal:club_events", club.pk)


@access.club_login_required
def event_cancel(request: HttpRequest, club_id: int, event_id: int) -> HttpResponse:
    """Cancel or postpone an event (or plan it again) – takes effect at once."""
    club = access.club_for(request, club_id).specific
    event = access.event_for(request, club, event_id).specific
    form = StatusForm(
        request.POST or None,
        initial={
            "status": EventStatus.CANCELLED
            if event.status == EventStatus.SCHEDULED
            else event.status,
            "status_note": event.status_note,
        },
    )
    if request.method == "POST" and form.is_valid():
        outcome = publishing.set_status(
            event, form.cleaned_data["status"], form.cleaned_data["status_note"], user=request.user
        )
        label = EventStatus(form.cleaned_data["status"]).label
        if outcome == publishing.Outcome.PUBLISHED:
            text = _("„%(title)s“ ist jetzt: %(status)s.")
        else:
            text = _("„%(title)s“ (noch nicht veröffentlicht) ist jetzt: %(status)s.")
        messages.success(request, text % {"title": event.title, "status": label})
        return redirect("vereinsportal:club_events", club.pk)
    context = club_context(request, club, "events") | {"form": form, "event": event}
    return render(
        request, TEMPLATES + "event_status.html", context, status=400 if form.errors else 200
    )


@access.club_login_required
def event_delete(request: HttpRequest, club_id: int, event_id: int) -> HttpResponse:
    club = access.club_for(request, club_id).specific
    event = access.event_for(request, club, event_id).specific
    signups = (
        Signup.objects.filter(occurrence__event=event)
        .exclude(status=SignupStatus.CANCELLED)
        .count()
    )
    if request.method == "POST" and not signups:
        title = event.title
        publishing.delete_event(event, user=request.user)
        messages.success(request, _("„%(title)s“ wurde gelöscht.") % {"title": title})
        return redirect("vereinsportal:club_events", club.pk)
    context = club_context(request, club, "events") | {"event": event, "signups": signups}
    return render(
        request,
        TEMPLATES + "event_delete.html",
        context,
        status=409 if request.method == "POST" else 200,
    )
