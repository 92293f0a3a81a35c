"""What staff do to a case: assign it, change its status, note something internally,
write to the citizen. Every function locks the case, checks the change, records a
``CaseEvent`` (who, when, old → new) and queues any mail in the same transaction.

Refused changes raise :class:`WorkflowError` with a German message and change nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.core.models import TownSettings
from portal.core.outbox import queue_mail
from portal.core.permissions import staff_site_ids

from .models import Case, CaseEvent, CaseEventKind, CaseStatus
from .roles import CASE_PERMISSION

MAX_TEXT_LENGTH = 5000


class WorkflowError(ValueError):
    """A change that is not allowed; ``str(error)`` is the German message for the user,
    ``field`` the input it is about ("status", "message", "assignee", "text") if any."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def display_name(user) -> str:
    """How a staff member is named in the history: full name, else the user name."""
    if user is None:
        return ""
    return (user.get_full_name() or user.get_username()).strip()


def status_label(value: str) -> str:
    try:
        return str(CaseStatus(value).label)
    except ValueError:
        return value


def may_work_on(user, site_id: int) -> bool:
    """Is ``user`` staff of the town with site ``site_id``?"""
    if user is None or not user.is_active:
        return False
    site_ids = staff_site_ids(user, CASE_PERMISSION)
    return site_ids is None or site_id in site_ids


def _lock(case: Case) -> Case:
    locked = Case.objects.select_for_update().select_related("site").get(pk=case.pk)
    if locked.is_anonymised:
        raise WorkflowError(
            gettext("Dieser Vorgang wurde anonymisiert und kann nicht mehr geändert werden.")
        )
    return locked


def _sync(case: Case, locked: Case) -> None:
    """Copy what changed onto the caller's instance."""
    for field in ("status", "assignee_id", "closed_at", "delete_after", "updated_at"):
        setattr(case, field, getattr(locked, field))  # setting assignee_id drops the cache


def _clean_text(text: str, field: str, *, required_message: str | None = None) -> str:
    text = (text or "").strip()
    if required_message and not text:
        raise WorkflowError(required_message, field)
    if len(text) > MAX_TEXT_LENGTH:
        raise WorkflowError(
            gettext("Der Text ist zu lang (höchstens %(max)d Zeichen).") % {"max": MAX_TEXT_LENGTH},
            field,
        )
    return text


def _language(case: Case) -> str:
    """The case's language if the portal speaks it, else German."""
    known = {code for code, _name in settings.LANGUAGES}
    return case.language if case.language in known else settings.LANGUAGE_CODE


def lost_link_url(case: Case) -> str:
    """Absolute address of the page where the citizen asks for a new tracking link."""
    root = case.site.root_url.rstrip("/")
    language = _language(case)
    with translation.override(language):
        try:
            path = reverse("services:lost_link")
        except NoReverseMatch:
            prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
            path = f"{prefix}/vorgang/link/"
    return f"{root}{path}"


def _town_name(case: Case) -> str:
    town = TownSettings.objects.filter(site_id=case.site_id).first()
    return town.name if town else case.site.site_name


def _mail_citizen(case: Case, template: str, subject: str, context: dict) -> None:
    """Queue a mail to the applicant: only the reference, the text and where to look."""
    if not case.applicant_email:
        return
    body = render_to_string(
        template,
        {
            "reference": case.reference,
            "town_name": _town_name(case),
            "lost_link_url": lost_link_url(case),
            **context,
        },
    )
    queue_mail([case.applicant_email], subject, body)


def assign(case: Case, user, by) -> CaseEvent:
    """Make ``user`` (or nobody, with None) responsible for the case."""
    with transaction.atomic():
        locked = _lock(case)
        if user is not None and not may_work_on(user, locked.site_id):
            raise WorkflowError(
                gettext("%(name)s bearbeitet keine Vorgänge dieser Stadt.")
                % {"name": display_name(user)},
                "assignee",
            )
        if locked.assignee_id == (user.pk if user else None):
            raise WorkflowError(gettext("Der Vorgang ist bereits so zugewiesen."), "assignee")
        old = locked.assignee
        locked.assignee = user
        locked.save(update_fields=["assignee", "updated_at"])
        event = CaseEvent.objects.create(
            case=locked,
            actor=by,
            kind=CaseEventKind.ASSIGNED,
            old_value=display_name(old)[:200],
            new_value=display_name(user)[:200],
        )
    _sync(case, locked)
    return event


def change_status(case: Case, new: str, by, message: str = "") -> CaseEvent:
    """Move the case to status ``new`` along ``TRANSITIONS``.

    "rueckfrage" needs a message (the question), "abgelehnt" a reason; both go to the
    citizen. Closing sets ``closed_at`` and ``delete_after``; reopening clears them.
    The citizen gets a mail about the new status (with the message, if any).
    """
    with transaction.atomic():
        locked = _lock(case)
        old = locked.status
        if new not in locked.allowed_transitions():
            raise WorkflowError(
                gettext("Der Status kann nicht von „%(old)s“ auf „%(new)s“ geändert werden.")
                % {"old": status_label(old), "new": status_label(new)},
                "status",
            )
        required = {
            CaseStatus.QUERY: gettext(
                "Für eine Rückfrage schreiben Sie bitte eine Nachricht an die "
                "antragstellende Person."
            ),
            CaseStatus.REJECTED: gettext(
                "Bitte geben Sie einen Grund für die Ablehnung an. Er wird der "
                "antragstellenden Person mitgeteilt."
            ),
        }
        message = _clean_text(message, "message", required_message=required.get(new))
        now = timezone.now()
        locked.status = new
        if locked.is_closed:
            locked.closed_at = now
            locked.delete_after = now + timedelta(days=locked.retention_days)
        else:
            locked.closed_at = None
            locked.delete_after = None
        locked.save(update_fields=["status", "closed_at", "delete_after", "updated_at"])
        event = CaseEvent.objects.create(
            case=locked, actor=by, kind=CaseEventKind.STATUS, old_value=old, new_value=new
        )
        if message:
            CaseEvent.objects.create(
                case=locked,
                actor=by,
                kind=CaseEventKind.MESSAGE,
                text=message,
                visible_to_citizen=True,
            )
        with translation.override(_language(locked)):
            subject = gettext("Ihr Antrag %(reference)s: %(status)s") % {
                "reference": locked.reference,
                "status": status_label(new),
            }
            _mail_citizen(
                locked,
                "services/mail/case_status.txt",
                subject,
                {"status": status_label(new), "status_value": new, "message": message},
            )
    _sync(case, locked)
    return event


def add_note(case: Case, text: str, by) -> CaseEvent:
    """An internal note: for staff only, never shown or sent to the citizen."""
    with transaction.atomic():
        locked = _lock(case)
        text = _clean_text(
            text, "text", required_message=gettext("Bitte geben Sie eine Notiz ein.")
        )
        event = CaseEvent.objects.create(
            case=locked, actor=by, kind=CaseEventKind.NOTE, text=text, visible_to_citizen=False
        )
        locked.save(update_fields=["updated_at"])
    _sync(case, locked)
    return event


def send_message(case: Case, text: str, by) -> CaseEvent:
    """A message to the citizen: shown on the tracking page and announced by mail."""
    with transaction.atomic():
        locked = _lock(case)
        text = _clean_text(
            text, "text", required_message=gettext("Bitte geben Sie eine Nachricht ein.")
        )
        event = CaseEvent.objects.create(
            case=locked, actor=by, kind=CaseEventKind.MESSAGE, text=text, visible_to_citizen=True
        )
        locked.save(update_fields=["updated_at"])
        with translation.override(_language(locked)):
            subject = gettext("Ihr Antrag %(reference)s: neue Nachricht") % {
                "reference": locked.reference
            }
            _mail_citizen(locked, "services/mail/case_message.txt", subject, {"message": text})
    _sync(case, locked)
    return event


def record(case: Case, kind: str, by, *, new_value: str = "", text: str = "") -> CaseEvent:
    """Record something that does not change the case (an export, a download)."""
    return CaseEvent.objects.create(
        case=case, actor=by, kind=kind, new_value=new_value[:200], text=text
    )
