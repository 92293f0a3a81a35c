"""Mails of the booking, all through the outbox (``queue_mail``): sent after the
transaction that caused them commits. Links are absolute on the town's own host."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.core.outbox import queue_mail

from ..applications.mails import town_for
from . import ics

TEMPLATES = "services/appointments/mail/"


def site_of(booking):
    return booking.office.unit.site


def absolute(site, name: str, **kwargs) -> str:
    return site.root_url + reverse(f"appointments:{name}", kwargs=kwargs or None)


def confirm_url(site, token: str) -> str:
    return absolute(site, "confirm", token=token)


def manage_url(site, token: str) -> str:
    return absolute(site, "manage", token=token)


def service_names(booking) -> str:
    """ "Personalausweis beantragen (2 Personen), …" – plural forms per language."""
    return ", ".join(
        ngettext("%(service)s (%(count)d Person)", "%(service)s (%(count)d Personen)", persons)
        % {"service": item.get("name", ""), "count": persons}
        for item in booking.services
        for persons in [item.get("persons", 1)]
    )


def what_to_bring(booking) -> list[dict]:
    """``[{"name", "html"}]``: the Leistung's "Erforderliche Unterlagen" per service."""
    from ..models import AppointmentService

    ids = [item.get("service") for item in booking.services]
    found = AppointmentService.objects.filter(pk__in=ids).select_related("leistung")
    return [
        {"name": service.leistung.name, "html": service.leistung.unterlagen}
        for service in found
        if service.leistung.unterlagen
    ]


def _context(booking, **extra) -> dict:
    unit = booking.office.unit
    return {
        "booking": booking,
        "unit": unit,
        "office": booking.office,
        "town": town_for(unit.site),
        "start": timezone.localtime(booking.start),
        "end": timezone.localtime(booking.end),
        "services": service_names(booking),
        "address": ics.address_of(unit),
        **extra,
    }


def _render(template: str, context: dict) -> str:
    return render_to_string(TEMPLATES + template, context).strip() + "\n"


def _send(booking, subject: str, body: str, attachments=()) -> None:
    reply_to = booking.office.unit.email or ""
    queue_mail([booking.email], subject, body, reply_to=reply_to, attachments=attachments)


def send_confirm_link(booking, token: str, replaces: str = "") -> None:
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        url = confirm_url(site_of(booking), token)
        if replaces:
            url += f"?ersetzt={replaces}"
        context = _context(booking, url=url, expires=timezone.localtime(booking.confirm_by))
        subject = _("Bitte bestätigen Sie Ihren Termin am %(date)s") % {
            "date": context["start"].strftime("%d.%m.%Y")
        }
        _send(booking, subject, _render("confirm_link.txt", context))


def send_confirmed(booking, manage_token: str) -> None:
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        site = site_of(booking)
        bring = what_to_bring(booking)
        context = _context(
            booking,
            manage_url=manage_url(site, manage_token),
            bring=[{"name": b["name"], "text": strip_tags(b["html"]).strip()} for b in bring],
        )
        summary = _("Termin: %(services)s") % {"services": context["services"]}
        description = _render("ics_description.txt", context)
        calendar = ics.booking_ics(
            booking, summary=summary, description=description, host=site.hostname
        )
        subject = _("Ihr Termin am %(date)s um %(time)s Uhr ist gebucht") % {
            "date": context["start"].strftime("%d.%m.%Y"),
            "time": context["start"].strftime("%H:%M"),
        }
        _send(
            booking,
            subject,
            _render("confirmed.txt", context),
            attachments=[("termin.ics", calendar, "text/calendar")],
        )


def send_cancelled(booking) -> None:
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        context = _context(
            booking, book_url=absolute(site_of(booking), "book", office_id=booking.office_id)
        )
        subject = _("Ihr Termin am %(date)s wurde abgesagt") % {
            "date": context["start"].strftime("%d.%m.%Y")
        }
        _send(booking, subject, _render("cancelled.txt", context))


def send_reminder(booking) -> None:
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        context = _context(booking)
        subject = _("Erinnerung: Ihr Termin morgen um %(time)s Uhr") % {
            "time": context["start"].strftime("%H:%M")
        }
        _send(booking, subject, _render("reminder.txt", context))
