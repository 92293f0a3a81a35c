"""Club dashboard: the club's people – invitations by e-mail, removing people – and
accepting an invitation (with a new or an existing account)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.outbox import queue_mail

from ..models import ClubInvitation, ClubMembership, ClubRole
from . import access
from .forms import AccountForm, InviteForm
from .views import TEMPLATES, club_context

INVITATION_DAYS = 14


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _pending(club):
    return ClubInvitation.objects.filter(
        club=club, accepted_at=None, expires_at__gt=timezone.now()
    ).order_by("email")


@access.club_login_required
def club_members(request: HttpRequest, club_id: int) -> HttpResponse:
    club = access.club_for(request, club_id, manager=True).specific
    context = club_context(request, club, "members") | {
        "members": ClubMembership.objects.filter(club=club)
        .select_related("user")
        .order_by("role", "user__last_name", "user__email"),
        "invitations": _pending(club),
        "form": InviteForm(),
    }
    return render(request, TEMPLATES + "members.html", context)


def invite(club, email: str, role: str, *, request: HttpRequest) -> ClubInvitation:
    """Store an invitation (replacing an open one to the same address) and mail the link."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        _pending(club).filter(email__iexact=email).delete()
        invitation = ClubInvitation.objects.create(
            club=club,
            email=email,
            role=role,
            token_hash=hash_token(token),
            invited_by=request.user,
            expires_at=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
        )
        link = request.build_absolute_uri(reverse("vereinsportal:invitation_accept", args=[token]))
        context = {
            "club": club,
            "link": link,
            "invitation": invitation,
            "inviter": request.user.get_full_name() or request.user.get_username(),
            "role": ClubRole(role).label,
            "days": INVITATION_DAYS,
        }
        queue_mail(
            [email],
            _("Einladung: %(club)s im Vereinsportal") % {"club": club.title},
            render_to_string(TEMPLATES + "mail/invitation.txt", context, request=request),
        )
    return invitation


@access.club_login_required
def member_invite(request: HttpRequest, club_id: int) -> HttpResponse:
    club = access.club_for(request, club_id, manager=True).specific
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip()
        if ClubMembership.objects.filter(club=club, user__email__iexact=email).exists():
            form.add_error(
                "email", _("Eine Person mit dieser E-Mail-Adresse gehört schon zum Verein.")
            )
        else:
            invite(club, email, form.cleaned_data["role"], request=request)
            messages.success(
                request,
                _("Die Einladung an %(email)s ist verschickt; sie gilt %(days)d Tage.")
                % {"email": email, "days": INVITATION_DAYS},
            )
            return redirect("vereinsportal:club_members", club.pk)
    context = club_context(request, club, "members") | {
        "members": ClubMembership.objects.filter(club=club).select_related("user"),
        "invitations": _pending(club),
        "form": form,
    }
    return render(request, TEMPLATES + "members.html", context, status=400 if form.errors else 200)


@access.club_login_required
def invitation_revoke(request: HttpRequest, club_id: int, invitation_id: int) -> HttpResponse:
    club = access.club_for(request, club_id, manager=True)
    invitation = get_object_or_404(ClubInvitation, club=club, pk=invitation_id, accepted_at=None)
    if request.method != "POST":
        return redirect("vereinsportal:club_members", club.pk)
    invitation.delete()
    messages.success(
        request, _("Die Einladung an %(email)s ist zurückgezogen.") % {"email": invitation.email}
    )
    return redirect("vereinsportal:club_members", club.pk)


@access.club_login_required
def member_remove(request: HttpRequest, club_id: int, membership_id: int) -> HttpResponse:
    club = access.club_for(request, club_id, manager=True).specific
    membership = get_object_or_404(
        ClubMembership.objects.select_related("user"), club=club, pk=membership_id
    )
    managers = ClubMembership.objects.filter(club=club, role=ClubRole.MANAGER).count()
    last_manager = membership.role == ClubRole.MANAGER and managers <= 1
    if request.method == "POST" and not last_manager:
        with transaction.atomic():
            # re-check under lock: two managers removing each other at once
            locked = list(
                ClubMembership.objects.select_for_update().filter(club=club, role=ClubRole.MANAGER)
            )
            if membership.role == ClubRole.MANAGER and len(locked) <= 1:
                last_manager = True
            else:
                membership.delete()
        if not last_manager:
            messages.success(
                request,
                _("%(name)s hat keinen Zugang zum Verein mehr.") % {"name": _name(membership.user)},
            )
            if membership.user_id == request.user.pk:
                return redirect("vereinsportal:dashboard")
            return redirect("vereinsportal:club_members", club.pk)
    context = club_context(request, club, "members") | {
        "membership": membership,
        "person": _name(membership.user),
        "last_manager": last_manager,
        "is_self": membership.user_id == request.user.pk,
    }
    status = 409 if (request.method == "POST" and last_manager) else 200
    return render(request, TEMPLATES + "member_remove.html", context, status=status)


def _name(user) -> str:
    full = user.get_full_name()
    return (
        f"{full} ({user.email})"
        if full and user.email
        else full or user.email or user.get_username()
    )


# --- accepting ---------------------------------------------------------------------------


def _invalid(request, reason: str, status: int) -> HttpResponse:
    return render(request, TEMPLATES + "invitation_invalid.html", {"reason": reason}, status=status)


def _accept(invitation: ClubInvitation, user) -> ClubMembership:
    membership, created = ClubMembership.objects.get_or_create(
        club=invitation.club, user=user, defaults={"role": invitation.role}
    )
    if not created and invitation.role == ClubRole.MANAGER and membership.role != ClubRole.MANAGER:
        membership.role = ClubRole.MANAGER
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = (
        ClubInvitation.objects.select_related("club").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        return _invalid(request, "unknown", 404)
    if invitation.accepted_at is not None:
        return _invalid(request, "used", 410)
    if invitation.expires_at <= timezone.now():
        return _invalid(request, "expired", 410)
    club = invitation.club
    User = get_user_model()
    existing = User.objects.filter(email__iexact=invitation.email, is_active=True).exists()
    form = None
    if not request.user.is_authenticated and not existing:
        form = AccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST":
        with transaction.atomic():
            locked = ClubInvitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.accepted_at is not None:
                return _invalid(request, "used", 410)
            if request.user.is_authenticated:
                _accept(locked, request.user)
                user = request.user
            elif form is not None and form.is_valid():
                user = _create_user(invitation.email, form.cleaned_data)
                _accept(locked, user)
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                user = None
        if user is not None:
            messages.success(
                request,
                _("Willkommen! Sie können jetzt „%(club)s“ bearbeiten.") % {"club": club.title},
            )
            return redirect("vereinsportal:club", club.pk)
    login_url = reverse("vereinsportal:login") + "?next=" + request.path
    context = {
        "invitation": invitation,
        "club": club,
        "form": form,
        "form_list": [form] if form is not None else [],
        "existing": existing and not request.user.is_authenticated,
        "login_url": login_url,
        "role": ClubRole(invitation.role).label,
    }
    return render(
        request,
        TEMPLATES + "invitation_accept.html",
        context,
        status=400 if form is not None and form.errors else 200,
    )


def _create_user(email: str, data: dict):
    User = get_user_model()
    username = email.lower()[:150]
    number = 2
    while User.objects.filter(username__iexact=username).exists():
        username = f"{email.lower()[:140]}-{number}"
        number += 1
    user = User(
        username=username,
        email=email,
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    user.set_password(data["password1"])
    user.save()
    return user
