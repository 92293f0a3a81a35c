"""Who may do what in the club dashboard: a club's members edit its profile and events,
its managers also invite and remove people. Everything is looked up through the
signed-in user's memberships, so another club's id answers 404 – never 403, which
would confirm the club exists to someone guessing ids."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest

from ..models import ClubMembership, ClubPage, ClubRole, EventPage

LOGIN_URL_NAME = "vereinsportal:login"


def memberships(user) -> list[ClubMembership]:
    if not user.is_authenticated:
        return []
    return list(
        ClubMembership.objects.filter(user=user).select_related("club").order_by("club__title")
    )


def club_for(request: HttpRequest, club_id: int, *, manager: bool = False) -> ClubPage:
    """The club ``club_id`` if the signed-in user belongs to it (as a manager when
    ``manager``), else Http404."""
    if not request.user.is_authenticated:
        raise Http404
    membership = (
        ClubMembership.objects.filter(user=request.user, club_id=club_id)
        .select_related("club")
        .first()
    )
    if membership is None or (manager and membership.role != ClubRole.MANAGER):
        raise Http404
    return membership.club


def is_manager(user, club: ClubPage) -> bool:
    return ClubMembership.objects.filter(user=user, club=club, role=ClubRole.MANAGER).exists()


def event_for(request: HttpRequest, club: ClubPage, event_id: int) -> EventPage:
    """An event (page) of ``club``, else Http404. Drafts count – the dashboard edits
    them too."""
    event = EventPage.objects.child_of(club).filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


def club_login_required(view):
    """``login_required`` that sends people to the club login, not Wagtail's."""
    return login_required(view, login_url=LOGIN_URL_NAME)
