"""Models of the Vereinsportal.

- ``taxonomy``: regional categories and target groups
- ``clubs``: the club directory page, club pages, memberships, invitations, registrations
- ``events``: the event calendar page, event pages and their materialised occurrences
- ``signups``: sign-ups for an occurrence, with capacity and waiting list
- ``volunteering``: the volunteering board, opportunities and expressions of interest
"""

from .clubs import (
    ClubChronicleEntry,
    ClubDownload,
    ClubIndexPage,
    ClubInvitation,
    ClubMembership,
    ClubPage,
    ClubPhoto,
    ClubRegistration,
    ClubRole,
    ContactVisibility,
    RegistrationStatus,
)
from .events import EventCalendarPage, EventOccurrence, EventPage, EventStatus, LocationKind
from .signups import Signup, SignupStatus
from .taxonomy import Category, TargetGroup
from .volunteering import VolunteerBoardPage, VolunteerInterest, VolunteerOpportunity

__all__ = [
    "Category",
    "ClubChronicleEntry",
    "ClubDownload",
    "ClubIndexPage",
    "ClubInvitation",
    "ClubMembership",
    "ClubPage",
    "ClubPhoto",
    "ClubRegistration",
    "ClubRole",
    "ContactVisibility",
    "EventCalendarPage",
    "EventOccurrence",
    "EventPage",
    "EventStatus",
    "LocationKind",
    "RegistrationStatus",
    "Signup",
    "SignupStatus",
    "TargetGroup",
    "VolunteerBoardPage",
    "VolunteerInterest",
    "VolunteerOpportunity",
]
