"""Mails about club registrations, queued in the caller's transaction (sent after it
commits): the citizen's confirmation, the notice to the town's moderators, and the
decision (approved with the links to set a password and to the club dashboard, or
rejected with the reason)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.core.models import TownSettings
from portal.core.outbox import queue_mail

from ..models import ClubRegistration
from ..roles import moderator_emails

TEMPLATES = "vereinsportal/registration/mail/"


def _render(template: str, context: dict) -> str:
    return render_to_string(TEMPLATES + template, context).strip() + "\n"


def _context(registration: ClubRegistration, **extra) -> dict:
    site = registration.site
    return {
        "registration": registration,
        "categories": ", ".join(c.name for c in registration.categories.all()),
        "town": TownSettings.for_site(site),
        **extra,
    }


def review_url(registration: ClubRegistration) -> str:
    """The admin page of the registration, on the town's host."""
    path = reverse("vereinsportal_registrations:detail", args=[registration.pk])
    return registration.site.root_url + path


def send_received_mails(registration: ClubRegistration) -> None:
    context = _context(registration, review_url=review_url(registration))
    queue_mail(
        [registration.contact_email],
        _("Ihre Anmeldung des Vereins „%(name)s“") % {"name": registration.club_name},
        _render("received.txt", context),
    )
    recipients = moderator_emails(registration.site)
    if recipients:
        queue_mail(
            recipients,
            _("Neue Vereinsanmeldung: %(name)s") % {"name": registration.club_name},
            _render("to_moderators.txt", context),
            reply_to=registration.contact_email,
        )


def send_approved_mail(
    registration: ClubRegistration, *, password_url: str, dashboard_url: str, club_url: str
) -> None:
    context = _context(
        registration,
        password_url=password_url,
        dashboard_url=dashboard_url,
        club_url=club_url,
    )
    queue_mail(
        [registration.contact_email],
        _("Ihr Verein „%(name)s“ ist freigeschaltet") % {"name": registration.club_name},
        _render("approved.txt", context),
    )


def send_rejected_mail(registration: ClubRegistration) -> None:
    town = TownSettings.for_site(registration.site)
    queue_mail(
        [registration.contact_email],
        _("Ihre Anmeldung des Vereins „%(name)s“") % {"name": registration.club_name},
        _render("rejected.txt", _context(registration)),
        reply_to=town.email if town else "",
    )
