"""Mails to citizens and offices, all through the outbox (``queue_mail``): sent after
the transaction that caused them commits."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal.core.models import TownSettings
from portal.core.outbox import queue_mail

from .summary import mail_lines


def town_for(site) -> TownSettings | None:
    return TownSettings.objects.filter(site=site).first() if site is not None else None


def tracking_url(site, token: str) -> str:
    """The absolute tracking link on the town's own host (never the request's)."""
    return site.root_url + reverse("services:tracking", kwargs={"token": token})


def lost_link_url(site) -> str:
    return site.root_url + reverse("services:lost_link")


def _render(template: str, context: dict) -> str:
    return render_to_string(f"services/mail/{template}", context).strip() + "\n"


def send_confirmation(case, token: str, *, confirmation_text: str = "", unit=None) -> None:
    """The receipt of a submitted application: reference, answers, tracking link."""
    with translation.override(case.language or settings.LANGUAGE_CODE):
        town = town_for(case.site)
        context = {
            "case": case,
            "town": town,
            "unit": unit,
            "lines": mail_lines(case.data),
            "tracking_url": tracking_url(case.site, token),
            "next_steps": strip_tags(confirmation_text or "").strip(),
            "submitted": timezone.localtime(case.submitted_at),
        }
        subject = _("Ihr Antrag ist eingegangen: %(reference)s – %(service)s") % {
            "reference": case.reference,
            "service": case.service_name,
        }
        body = _render("application_confirmation.txt", context)
    reply_to = (unit.email if unit is not None else "") or (town.email if town else "")
    queue_mail([case.applicant_email], subject, body, reply_to=reply_to)


def send_resume_link(draft, url: str, service_name: str) -> None:
    town = town_for(draft.site)
    context = {
        "town": town,
        "service": service_name,
        "url": url,
        "expires": timezone.localtime(draft.expires_at),
    }
    subject = _("Ihr Antrag „%(service)s“: Link zum Fortsetzen") % {"service": service_name}
    queue_mail([draft.email], subject, _render("application_resume.txt", context))


def send_new_tracking_link(case, token: str) -> None:
    with translation.override(case.language or settings.LANGUAGE_CODE):
        context = {
            "case": case,
            "town": town_for(case.site),
            "tracking_url": tracking_url(case.site, token),
        }
        subject = _("Neuer Link zu Ihrem Vorgang %(reference)s") % {"reference": case.reference}
        body = _render("tracking_new_link.txt", context)
    queue_mail([case.applicant_email], subject, body)


def notify_reply(case, unit) -> None:
    """Tell the responsible office that the citizen answered (no personal data beyond
    the reference: the answer is read in the case inbox)."""
    if unit is None or not unit.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "case": case,
            "unit": unit,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
        }
        subject = _("Antwort auf Rückfrage zum Vorgang %(reference)s") % {
            "reference": case.reference
        }
        body = _render("tracking_reply_staff.txt", context)
    queue_mail([unit.email], subject, body)
