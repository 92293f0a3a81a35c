"""Club dashboard: sign-in, the list of my clubs and a club's overview.

Profile, events and people have their own modules (``views_profile``,
``views_events``, ``views_members``)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import WorkflowState

from ..models import ClubPage, EventOccurrence, EventPage
from . import access
from .forms import LoginForm

TEMPLATES = "vereinsportal/dashboard/"


def optional_url(name: str, *args) -> str:
    """The URL of another area's view, "" while that area does not provide it."""
    try:
        return reverse(f"vereinsportal:{name}", args=args)
    except NoReverseMatch:
        return ""


def club_context(request: HttpRequest, club: ClubPage, section: str) -> dict:
    """What every page of a club's dashboard needs: the club, the navigation."""
    return {
        "club": club,
        "section": section,
        "is_manager": access.is_manager(request.user, club),
        "opportunities_url": optional_url("club_opportunities", club.pk),
        "public_url": club.url if club.live else "",
        "clubs": access.memberships(request.user),
    }


def pending_event_ids(event_ids) -> set[int]:
    """Which of these events have a draft waiting for the town's approval (one query)."""
    if not event_ids:
        return set()
    states = WorkflowState.objects.active().filter(
        base_content_type__model="page",
        base_content_type__app_label="wagtailcore",
        object_id__in=[str(pk) for pk in event_ids],
    )
    return {int(pk) for pk in states.values_list("object_id", flat=True)}


# --- sign-in ---------------------------------------------------------------------------


def _safe_next(request: HttpRequest) -> str:
    """Only relative paths on this site are followed after login."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(target, allowed_hosts=None)
    ):
        return target
    return ""


class LoginView(auth_views.LoginView):
    template_name = TEMPLATES + "login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_redirect_url(self):
        return _safe_next(self.request)

    def get_default_redirect_url(self):
        return reverse("vereinsportal:dashboard")


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("vereinsportal:login")

    def get_redirect_url(self):
        return _safe_next(self.request)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = TEMPLATES + "password_reset.html"
    email_template_name = TEMPLATES + "mail/password_reset.txt"
    subject_template_name = TEMPLATES + "mail/password_reset_subject.txt"
    success_url = reverse_lazy("vereinsportal:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = TEMPLATES + "password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = TEMPLATES + "password_reset_confirm.html"
    success_url = reverse_lazy("vereinsportal:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = TEMPLATES + "password_reset_complete.html"


# --- dashboard -------------------------------------------------------------------------


@access.club_login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    memberships = access.memberships(request.user)
    if len(memberships) == 1:
        return redirect("vereinsportal:club", memberships[0].club_id)
    return render(request, TEMPLATES + "index.html", {"memberships": memberships})


@access.club_login_required
def club_overview(request: HttpRequest, club_id: int) -> HttpResponse:
    club = access.club_for(request, club_id).specific
    now = timezone.now()
    upcoming = list(
        EventOccurrence.objects.filter(club=club, end__gte=now)
        .select_related("event")
        .order_by("start")[:5]
    )
    events = list(EventPage.objects.child_of(club).only("pk", "title", "live"))
    pending = pending_event_ids([event.pk for event in events])
    missing = []
    if not club.logo_id:
        missing.append("logo")
    if not club.description:
        missing.append("description")
    if not club.has_address:
        missing.append("address")
    context = club_context(request, club, "overview") | {
        "upcoming": [
            {
                "occurrence": occurrence,
                "participants_url": optional_url("event_participants", club.pk, occurrence.event_id)
                if occurrence.event.signup_enabled
                else "",
            }
            for occurrence in upcoming
        ],
        "pending": [event for event in events if event.pk in pending],
        "drafts": [event for event in events if not event.live and event.pk not in pending],
        "missing": missing,
    }
    return render(request, TEMPLATES + "club.html", context)
