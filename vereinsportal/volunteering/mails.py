"""Mails of the Ehrenamtsbörse, sent through the outbox after the transaction commits:
the citizen's message to the club (reply goes straight to the citizen) and a
confirmation to the citizen – which never contains the club's address."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core.models import TownSettings
from portal.core.outbox import queue_mail

from ..models import VolunteerInterest
from .forms import keep_days

TEMPLATES = "vereinsportal/volunteering/mail/"


def _render(template: str, context: dict) -> str:
    return render_to_string(TEMPLATES + template, context).strip() + "\n"


def _dashboard_url(site, club_id: int) -> str:
    try:
        path = reverse("vereinsportal:club_interests", kwargs={"club_id": club_id})
    except NoReverseMatch:  # the club dashboard is not mounted in this project
        return ""
    return (site.root_url if site else "") + path


def send_interest_mails(interest: VolunteerInterest, opportunity_url: str) -> None:
    """Queue both mails for a new ``interest`` (inside the caller's transaction)."""
    opportunity = interest.opportunity
    club = opportunity.club
    site = opportunity.site
    context = {
        "interest": interest,
        "opportunity": opportunity,
        "club": club,
        "town": TownSettings.for_site(site) if site else None,
        "opportunity_url": opportunity_url,
        "dashboard_url": _dashboard_url(site, club.pk),
        "keep_days": keep_days(),
    }
    with translation.override(
        settings.LANGUAGE_CODE
    ):  # clubs read German, whatever the citizen used
        queue_mail(
            [club.contact_email],
            _("Interesse am Ehrenamt: %(title)s") % {"title": opportunity.title},
            _render("to_club.txt", context),
            reply_to=interest.email,
        )
    queue_mail(
        [interest.email],
        _("Ihre Nachricht an %(club)s") % {"club": club.title},
        _render("to_citizen.txt", context),
    )
