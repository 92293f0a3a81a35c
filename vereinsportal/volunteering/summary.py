"""What the club dashboard's overview may show about a club's volunteering (two
queries): ``club_summary(club)`` → ``{"opportunities": 3, "active": 2, "unread": 1}``."""

from __future__ import annotations

from django.db.models import Count, Q

from ..models import ClubPage, VolunteerInterest, VolunteerOpportunity


def club_summary(club: ClubPage) -> dict[str, int]:
    counts = VolunteerOpportunity.objects.filter(club=club).aggregate(
        opportunities=Count("pk", distinct=True),
        active=Count("pk", filter=Q(active=True), distinct=True),
    )
    counts["unread"] = VolunteerInterest.objects.filter(
        opportunity__club=club, read_at__isnull=True
    ).count()
    return counts
