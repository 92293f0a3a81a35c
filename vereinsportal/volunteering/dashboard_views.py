"""Club side of the Ehrenamtsbörse: a club's members list, post, edit and delete its
opportunities and read the messages citizens sent about them.

Everything is looked up through the club of the signed-in user (``club_for``), and
opportunities and messages through that club – another club's ids answer 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ..dashboard.access import club_for, club_login_required
from ..models import ClubPage, VolunteerBoardPage, VolunteerInterest, VolunteerOpportunity
from .forms import OpportunityForm, keep_days

TEMPLATES = "vereinsportal/volunteering/dashboard/"


def _opportunity_for(club: ClubPage, pk: int) -> VolunteerOpportunity:
    opportunity = VolunteerOpportunity.objects.filter(club=club, pk=pk).first()
    if opportunity is None:
        raise Http404
    return opportunity


def _club_interests(club: ClubPage):
    return VolunteerInterest.objects.filter(opportunity__club=club)


def _board_of(club: ClubPage) -> VolunteerBoardPage | None:
    """The live board of the club's town, for "see it public" links."""
    if club.town_site_id is None:
        return None
    root = club.town_site.root_page
    return VolunteerBoardPage.objects.live().descendant_of(root).first()


def _site_of(club: ClubPage):
    return club.town_site or club.get_site()


@club_login_required
def club_opportunities(request: HttpRequest, club_id: int) -> HttpResponse:
    club = club_for(request, club_id)
    opportunities = (
        VolunteerOpportunity.objects.filter(club=club)
        .annotate(
            interest_count=Count("interests"),
            unread_count=Count("interests", filter=Q(interests__read_at__isnull=True)),
        )
        .order_by("-active", "-created_at")
    )
    return render(
        request,
        TEMPLATES + "list.html",
        {
            "club": club,
            "opportunities": opportunities,
            "unread": _club_interests(club).filter(read_at__isnull=True).count(),
            "board": _board_of(club),
        },
    )


def _save(form: OpportunityForm, club: ClubPage) -> VolunteerOpportunity:
    with transaction.atomic():
        opportunity = form.save(commit=False)
        opportunity.club = club
        opportunity.site = _site_of(club)
        opportunity.save()
        form.save_m2m()
    return opportunity


@club_login_required
@require_http_methods(["GET", "POST"])
def opportunity_create(request: HttpRequest, club_id: int) -> HttpResponse:
    club = club_for(request, club_id)
    if _site_of(club) is None:
        raise Http404
    form = OpportunityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opportunity = _save(form, club)
        messages.success(
            request, _("Das Angebot „%(title)s“ ist gespeichert.") % {"title": opportunity.title}
        )
        return redirect("vereinsportal:club_opportunities", club_id=club.pk)
    return render(
        request, TEMPLATES + "form.html", {"club": club, "form": form, "opportunity": None}
    )


@club_login_required
@require_http_methods(["GET", "POST"])
def opportunity_edit(request: HttpRequest, club_id: int, pk: int) -> HttpResponse:
    club = club_for(request, club_id)
    opportunity = _opportunity_for(club, pk)
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        _save(form, club)
        messages.success(
            request, _("Das Angebot „%(title)s“ ist gespeichert.") % {"title": opportunity.title}
        )
        return redirect("vereinsportal:club_opportunities", club_id=club.pk)
    return render(
        request,
        TEMPLATES + "form.html",
        {"club": club, "form": form, "opportunity": opportunity},
    )


@club_login_required
@require_http_methods(["GET", "POST"])
def opportunity_delete(request: HttpRequest, club_id: int, pk: int) -> HttpResponse:
    club = club_for(request, club_id)
    opportunity = _opportunity_for(club, pk)
    if request.method == "POST":
        title = opportunity.title
        opportunity.delete()  # its messages go with it
        messages.success(request, _("Das Angebot „%(title)s“ ist gelöscht.") % {"title": title})
        return redirect("vereinsportal:club_opportunities", club_id=club.pk)
    return render(
        request,
        TEMPLATES + "delete.html",
        {
            "club": club,
            "opportunity": opportunity,
            "interest_count": opportunity.interests.count(),
        },
    )


@club_login_required
@require_http_methods(["GET", "POST"])
def club_interests(request: HttpRequest, club_id: int) -> HttpResponse:
    """Messages about the club's opportunities: unread first; mark read, delete."""
    club = club_for(request, club_id)
    interests = _club_interests(club)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "read_all":
            count = interests.filter(read_at__isnull=True).update(read_at=timezone.now())
            messages.success(
                request,
                ngettext(
                    "%(count)d Nachricht als gelesen markiert.",
                    "%(count)d Nachrichten als gelesen markiert.",
                    count,
                )
                % {"count": count},
            )
            return redirect("vereinsportal:club_interests", club_id=club.pk)
        raw_id = request.POST.get("interest", "")
        if not raw_id.isdigit() or len(raw_id) > 18:
            raise Http404
        interest = interests.filter(pk=int(raw_id)).first()
        if interest is None or action not in ("read", "unread", "delete"):
            raise Http404
        if action == "delete":
            interest.delete()
            messages.success(
                request, _("Die Nachricht von %(name)s ist gelöscht.") % {"name": interest.name}
            )
        else:
            interest.read_at = timezone.now() if action == "read" else None
            interest.save(update_fields=["read_at"])
            text = (
                _("Die Nachricht von %(name)s ist als gelesen markiert.")
                if action == "read"
                else _("Die Nachricht von %(name)s ist als ungelesen markiert.")
            )
            messages.success(request, text % {"name": interest.name})
        return redirect("vereinsportal:club_interests", club_id=club.pk)
    listed = list(
        interests.select_related("opportunity").order_by(
            F("read_at").asc(nulls_first=True), "-created_at", "-pk"
        )
    )
    return render(
        request,
        TEMPLATES + "interests.html",
        {
            "club": club,
            "interests": listed,
            "unread": sum(1 for item in listed if item.read_at is None),
            "keep_days": keep_days(),
        },
    )
