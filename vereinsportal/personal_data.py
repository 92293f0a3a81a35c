"""The Vereinsportal's providers for ``portal.core.personal_data`` (access and erasure
requests): event sign-ups, volunteering interest, club registrations and invitations –
found by e-mail address. Messages to clubs through the contact form are not stored
here (only as mails in the outbox, which ``portal.core`` covers).

Erasure deletes; a sign-up for a date still to come is kept and reported (cancelling
it through its link frees the place and moves the waiting list up).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from portal.core.personal_data import Erasure, register

from .models import ClubInvitation, ClubRegistration, Signup, SignupStatus, VolunteerInterest


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class Signups:
    key = "vereinsportal.signups"
    label = "Anmeldungen zu Veranstaltungen"

    def export(self, email: str) -> list[dict[str, Any]]:
        signups = Signup.objects.filter(email__iexact=email).select_related("occurrence__event")
        return [
            {
                "event": signup.occurrence.event.title,
                "date": _iso(signup.occurrence.start),
                "status": signup.get_status_display(),
                "name": signup.name,
                "email": signup.email,
                "phone": signup.phone,
                "places": signup.places,
                "note": signup.note,
                "signed_up_at": _iso(signup.created_at),
            }
            for signup in signups.order_by("created_at")
        ]

    def erase(self, email: str) -> Erasure:
        signups = Signup.objects.filter(email__iexact=email)
        upcoming = signups.filter(occurrence__end__gte=timezone.now()).exclude(
            status=SignupStatus.CANCELLED
        )
        result = Erasure(kept=upcoming.count())
        if result.kept:
            result.reasons.append("Anmeldungen zu kommenden Terminen: bitte zuerst abmelden")
        result.erased, _ = signups.exclude(pk__in=upcoming.values("pk")).delete()
        return result


class Interests:
    key = "vereinsportal.volunteer_interests"
    label = "Nachrichten an Vereine (Ehrenamt)"

    def export(self, email: str) -> list[dict[str, Any]]:
        interests = VolunteerInterest.objects.filter(email__iexact=email)
        return [
            {
                "opportunity": interest.opportunity.title,
                "name": interest.name,
                "email": interest.email,
                "phone": interest.phone,
                "message": interest.message,
                "sent_at": _iso(interest.created_at),
            }
            for interest in interests.select_related("opportunity").order_by("created_at")
        ]

    def erase(self, email: str) -> Erasure:
        count, _ = VolunteerInterest.objects.filter(email__iexact=email).delete()
        return Erasure(erased=count)


class Registrations:
    key = "vereinsportal.club_registrations"
    label = "Anmeldungen neuer Vereine"

    def export(self, email: str) -> list[dict[str, Any]]:
        registrations = ClubRegistration.objects.filter(contact_email__iexact=email)
        return [
            {
                "club_name": item.club_name,
                "contact_name": item.contact_name,
                "contact_email": item.contact_email,
                "contact_phone": item.contact_phone,
                "role_in_club": item.role_in_club,
                "message": item.message,
                "status": item.get_status_display(),
                "sent_at": _iso(item.created_at),
            }
            for item in registrations.order_by("created_at")
        ]

    def erase(self, email: str) -> Erasure:
        matching = ClubRegistration.objects.filter(contact_email__iexact=email)
        count = matching.count()
        matching.delete()
        return Erasure(erased=count)


class Invitations:
    key = "vereinsportal.invitations"
    label = "Einladungen in Vereinszugänge"

    def export(self, email: str) -> list[dict[str, Any]]:
        invitations = ClubInvitation.objects.filter(email__iexact=email).select_related("club")
        return [
            {
                "club": item.club.title,
                "email": item.email,
                "role": item.get_role_display(),
                "sent_at": _iso(item.created_at),
                "accepted_at": _iso(item.accepted_at),
            }
            for item in invitations.order_by("created_at")
        ]

    def erase(self, email: str) -> Erasure:
        matching = ClubInvitation.objects.filter(Q(email__iexact=email))
        count = matching.count()
        matching.delete()
        return Erasure(erased=count)


def register_providers() -> None:
    for provider in (Signups(), Interests(), Registrations(), Invitations()):
        register(provider)
