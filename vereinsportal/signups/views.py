"""Public side of the sign-up: the section on the event page (``signup_context``), the
sign-up page of one date (``signup``: GET shows the form, POST signs up and redirects
to the same address with ``?gesendet=1``) and the cancel link (``cancel``: GET asks,
POST cancels – so link scanners in mail systems cancel nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import EventOccurrence, Signup, SignupStatus
from ..spam import rejected
from . import service
from .forms import SignupForm, keep_days

SENT_PARAM = "gesendet"
SESSION_KEY = "vereinsportal_signup_done"
TEMPLATES = "vereinsportal/signups/"


@dataclass
class Offer:
    """One date on the event page and what can be done about it."""

    occurrence: EventOccurrence
    state: str  # open | waiting_list | full | closed | cancelled | past
    label: str
    free: int | None
    url: str

    @property
    def can_sign_up(self) -> bool:
        return self.state in ("open", "waiting_list")


def _label(state: str, free: int | None) -> str:
    if state == "open":
        if free is None:
            return _("Plätze frei")
        return ngettext("noch %(count)d Platz frei", "noch %(count)d Plätze frei", free) % {
            "count": free
        }
    return {
        "waiting_list": _("ausgebucht – Warteliste möglich"),
        "full": _("ausgebucht"),
        "closed": _("Anmeldeschluss vorbei"),
        "cancelled": _("abgesagt"),
        "past": _("hat bereits begonnen"),
    }[state]


def offer_for(event, occurrence, taken: int, now, url: str) -> Offer:
    if event.status == "cancelled" or occurrence.cancelled:
        state = "cancelled"
    elif occurrence.start <= now:
        state = "past"
    elif now >= service.closes_at(event, occurrence):
        state = "closed"
    elif event.capacity is None or taken < event.capacity:
        state = "open"
    else:
        state = "waiting_list" if event.waiting_list else "full"
    free = None if event.capacity is None else max(0, event.capacity - taken)
    return Offer(occurrence, state, _label(state, free), free, url)


def taken_places(occurrence_ids: list[int]) -> dict[int, dict]:
    """``{occurrence id: {"confirmed": places, "waiting": people}}`` – one query."""
    if not occurrence_ids:
        return {}
    rows = (
        Signup.objects.filter(occurrence_id__in=occurrence_ids)
        .values("occurrence_id")
        .order_by()
        .annotate(
            confirmed=Sum("places", filter=Q(status=SignupStatus.CONFIRMED)),
            waiting=Count("pk", filter=Q(status=SignupStatus.WAITING)),
        )
    )
    return {
        row["occurrence_id"]: {"confirmed": row["confirmed"] or 0, "waiting": row["waiting"]}
        for row in rows
    }


def signup_url(request, event, occurrence_id: int) -> str:
    return (event.get_url(request) or "") + event.reverse_subpage("signup", args=[occurrence_id])


def signup_context(request, event, occurrences) -> dict:
    """Context for ``signups/signup_section.html`` on the event page: ``signup`` is
    None when the event takes no sign-ups, else the offered dates (one query for all)."""
    if not event.signup_enabled:
        return {"signup": None}
    occurrences = list(occurrences)
    counts = taken_places([occurrence.pk for occurrence in occurrences])
    now = timezone.now()
    base = event.get_url(request) or ""
    offers = [
        offer_for(
            event,
            occurrence,
            counts.get(occurrence.pk, {}).get("confirmed", 0),
            now,
            base + event.reverse_subpage("signup", args=[occurrence.pk]),
        )
        for occurrence in occurrences
    ]
    open_offers = [offer for offer in offers if offer.can_sign_up]
    single = open_offers[0] if len(offers) == 1 and open_offers else None
    return {
        "signup": {
            "offers": offers,
            "single": single,
            "form": SignupForm(event=event) if single else None,
            "keep_days": keep_days(),
            "event": event,
        }
    }


def _occurrence_of(event, occurrence_id: int) -> EventOccurrence:
    occurrence = EventOccurrence.objects.filter(event=event, pk=occurrence_id).first()
    if occurrence is None:
        raise Http404
    return occurrence


def _render(request, event, template: str, context: dict, status: int = 200) -> HttpResponse:
    page_context = event.get_context(request)
    page_context.update(context)
    return TemplateResponse(request, TEMPLATES + template, page_context, status=status)


def signup(request: HttpRequest, event, occurrence_id: int) -> HttpResponse:
    if not event.signup_enabled:
        raise Http404
    occurrence = _occurrence_of(event, occurrence_id)
    counts = taken_places([occurrence.pk]).get(occurrence.pk, {})
    offer = offer_for(
        event,
        occurrence,
        counts.get("confirmed", 0),
        timezone.now(),
        signup_url(request, event, occurrence.pk),
    )
    context = {
        "event": event,
        "offer": offer,
        "occurrence": occurrence,
        "keep_days": keep_days(),
        "problem": service.unavailable(event, occurrence),
    }
    if request.method == "GET" and request.GET.get(SENT_PARAM):
        done = request.session.get(SESSION_KEY)
        if not done or done.get("occurrence") != occurrence.pk:
            return redirect(offer.url)
        return _render(request, event, "signup_done.html", {**context, "done": done})
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405)
    if request.method == "GET":
        form = SignupForm(event=event)
        return _render(request, event, "signup_page.html", {**context, "form": form})
    if message := rejected(request, "signup"):
        form = SignupForm(event=event)
        return _render(
            request, event, "signup_page.html", {**context, "form": form, "error": message}, 400
        )
    form = SignupForm(request.POST, event=event)
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = service.sign_up(
                occurrence,
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                places=data["places"],
                note=data["note"],
                language=getattr(request, "LANGUAGE_CODE", ""),
            )
        except service.SignupError as error:
            form.add_error(None, error.message)
        else:
            request.session[SESSION_KEY] = {
                "occurrence": occurrence.pk,
                "status": result.signup.status,
                "position": result.position,
                "email": result.signup.email,
                "places": result.signup.places,
            }
            return redirect(f"{offer.url}?{SENT_PARAM}=1")
    return _render(request, event, "signup_page.html", {**context, "form": form})


def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """The cancel link from the mail."""
    signup = service.find(token)
    if signup is None:
        return TemplateResponse(request, TEMPLATES + "cancel_unknown.html", {}, status=404)
    occurrence = signup.occurrence
    context = {
        "signup": signup,
        "occurrence": occurrence,
        "event": occurrence.event,
        "event_url": occurrence.event.get_url(request) if occurrence.event.live else "",
    }
    if signup.status == SignupStatus.CANCELLED:
        return TemplateResponse(request, TEMPLATES + "cancel_used.html", context)
    if occurrence.end <= timezone.now():
        return TemplateResponse(request, TEMPLATES + "cancel_over.html", context)
    if request.method == "POST":
        try:
            cancelled, _promoted = service.cancel(token)
        except service.TokenUnknown:
            return TemplateResponse(request, TEMPLATES + "cancel_unknown.html", {}, status=404)
        except service.SignupError as error:
            return TemplateResponse(
                request, TEMPLATES + "cancel_used.html", {**context, "error": error.message}
            )
        return TemplateResponse(
            request, TEMPLATES + "cancel_done.html", {**context, "signup": cancelled}
        )
    if request.method != "GET":
        return HttpResponse(status=405)
    return TemplateResponse(request, TEMPLATES + "cancel_confirm.html", context)
