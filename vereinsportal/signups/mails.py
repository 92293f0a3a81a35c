"""Mails to the people who sign up – German source strings, plain text and HTML, sent
through the outbox after the transaction commits. Links are absolute on the event's
town host; replies go to the club's contact address.

confirmed (+ ``termin.ics``), waiting (position on the list), promoted ("Sie sind
nachgerückt", new cancel link + ``termin.ics``), cancelled (their own cancellation,
``.ics`` with ``STATUS:CANCELLED``), dropped ("Termin entfällt", same).
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.core.models import TownSettings
from portal.core.outbox import queue_mail

from . import ics

TEMPLATES = "vereinsportal/signups/mail/"


def keep_days() -> int:
    return getattr(settings, "VEREINE_SIGNUP_KEEP_DAYS", 30)


def site_of(event):
    if event.town_site_id:
        return event.town_site
    return event.get_site()


def cancel_url(site, token: str) -> str:
    path = reverse("vereinsportal:signup_cancel", kwargs={"token": token})
    return (site.root_url if site else "") + path


def event_url(event) -> str:
    return event.get_full_url() or ""


def _context(signup, **extra) -> dict:
    occurrence = signup.occurrence
    event = occurrence.event
    site = site_of(event)
    return {
        "signup": signup,
        "event": event,
        "club": event.club,
        "occurrence": occurrence,
        "start": timezone.localtime(occurrence.start),
        "end": timezone.localtime(occurrence.end),
        "all_day": occurrence.all_day,
        "location": ics.location_of(event),
        "event_url": event_url(event),
        "town": TownSettings.objects.filter(site=site).first() if site else None,
        "keep_days": keep_days(),
        **extra,
    }


def _calendar(signup, context: dict, *, cancelled: bool = False) -> tuple[str, bytes, str]:
    site = site_of(context["event"])
    data = ics.signup_ics(
        signup,
        event=context["event"],
        occurrence=context["occurrence"],
        url=context["event_url"],
        host=site.hostname if site else "",
        cancelled=cancelled,
    )
    return ("termin.ics", data, "text/calendar")


def _send(signup, template: str, subject: str, context: dict, attachments=()) -> None:
    body = render_to_string(f"{TEMPLATES}{template}.txt", context).strip() + "\n"
    html = render_to_string(f"{TEMPLATES}{template}.html", context)
    club = context["club"]
    queue_mail(
        [signup.email],
        subject,
        body,
        html=html,
        reply_to=(club.contact_email if club else "") or "",
        attachments=attachments,
    )


def _date(context: dict) -> str:
    return context["start"].strftime("%d.%m.%Y")


def _language(signup):
    return translation.override(signup.language or settings.LANGUAGE_CODE)


def send_confirmed(signup, token: str) -> None:
    with _language(signup):
        site = site_of(signup.occurrence.event)
        context = _context(signup, cancel_url=cancel_url(site, token))
        subject = _("Anmeldung bestätigt: %(event)s am %(date)s") % {
            "event": context["event"].title,
            "date": _date(context),
        }
        _send(signup, "confirmed", subject, context, [_calendar(signup, context)])


def send_waiting(signup, token: str, position: int) -> None:
    with _language(signup):
        site = site_of(signup.occurrence.event)
        context = _context(signup, cancel_url=cancel_url(site, token), position=position)
        subject = _("Warteliste: %(event)s am %(date)s") % {
            "event": context["event"].title,
            "date": _date(context),
        }
        _send(signup, "waiting", subject, context)


def send_promoted(signup, token: str) -> None:
    with _language(signup):
        site = site_of(signup.occurrence.event)
        context = _context(signup, cancel_url=cancel_url(site, token))
        subject = _("Sie sind nachgerückt: %(event)s am %(date)s") % {
            "event": context["event"].title,
            "date": _date(context),
        }
        _send(signup, "promoted", subject, context, [_calendar(signup, context)])


def send_cancelled(signup, *, had_place: bool) -> None:
    with _language(signup):
        context = _context(signup)
        subject = _("Abmeldung: %(event)s am %(date)s") % {
            "event": context["event"].title,
            "date": _date(context),
        }
        attachments = [_calendar(signup, context, cancelled=True)] if had_place else []
        _send(signup, "cancelled", subject, context, attachments)


def send_dropped(signup) -> None:
    with _language(signup):
        context = _context(signup)
        subject = _("Termin entfällt: %(event)s am %(date)s") % {
            "event": context["event"].title,
            "date": _date(context),
        }
        had_place = signup.status == "confirmed"
        attachments = [_calendar(signup, context, cancelled=True)] if had_place else []
        _send(signup, "dropped", subject, context, attachments)
