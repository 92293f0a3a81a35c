"""The citizen's private tracking page of a case (``/vorgang/<token>/``), the reply to
a query and "Link verloren?" (``/vorgang/link/``)."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from ..models import Case, CaseEvent, CaseEventKind, CaseStatus, hash_token, new_token
from . import mails, spam
from .forms import LostLinkForm, ReplyForm, error_summary
from .views import private

TEMPLATES = "services/tracking/"
MAX_TOKEN_LENGTH = 200
# what the citizen sees of the history: never internal notes
CITIZEN_KINDS = [CaseEventKind.STATUS, CaseEventKind.MESSAGE, CaseEventKind.REPLY]


def find_case(request: HttpRequest, token: str) -> Case | None:
    """The case of a tracking token, only on its own town's site."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    site = Site.find_for_request(request)
    return (
        Case.objects.select_related("service_page__responsible_unit", "site")
        .filter(tracking_token_hash=hash_token(token), site=site)
        .first()
    )


def status_steps(case: Case) -> list[dict]:
    """Eingegangen → In Bearbeitung → Abgeschlossen/Abgelehnt, with where the case is;
    a query is shown on the middle step."""
    status = case.status
    position = {
        CaseStatus.RECEIVED: 0,
        CaseStatus.IN_PROGRESS: 1,
        CaseStatus.QUERY: 1,
        CaseStatus.COMPLETED: 2,
        CaseStatus.REJECTED: 2,
    }.get(status, 0)
    middle = _("In Bearbeitung")
    if status == CaseStatus.QUERY:
        middle = _("In Bearbeitung – Rückfrage an Sie")
    final = _("Abgelehnt") if status == CaseStatus.REJECTED else _("Abgeschlossen")
    steps = []
    for index, label in enumerate([_("Eingegangen"), middle, final]):
        steps.append(
            {
                "label": label,
                "done": index < position or (index == 2 and position == 2),
                "current": index == position,
                "query": index == 1 and status == CaseStatus.QUERY,
                "rejected": index == 2 and status == CaseStatus.REJECTED,
            }
        )
    return steps


def citizen_events(case: Case) -> list[CaseEvent]:
    return list(
        case.events.filter(visible_to_citizen=True, kind__in=CITIZEN_KINDS).order_by(
            "created_at", "pk"
        )
    )


def open_question(case: Case, events: list[CaseEvent]) -> CaseEvent | None:
    """The office's latest message while a query is open."""
    if case.status != CaseStatus.QUERY:
        return None
    for event in reversed(events):
        if event.kind == CaseEventKind.REPLY:
            return None
        if event.text and event.kind in (CaseEventKind.MESSAGE, CaseEventKind.STATUS):
            return event
    return None


def status_label(value: str) -> str:
    """A status as the citizen reads it (the query is addressed to them)."""
    labels = {
        CaseStatus.RECEIVED: _("Eingegangen"),
        CaseStatus.IN_PROGRESS: _("In Bearbeitung"),
        CaseStatus.QUERY: _("Rückfrage an Sie"),
        CaseStatus.COMPLETED: _("Abgeschlossen"),
        CaseStatus.REJECTED: _("Abgelehnt"),
    }
    return str(labels.get(value, value))


@require_http_methods(["GET", "HEAD", "POST"])
def tracking(request: HttpRequest, token: str) -> HttpResponse:
    case = find_case(request, token)
    if case is None:
        response = TemplateResponse(request, TEMPLATES + "not_found.html", {}, status=404)
        return private(response)
    if case.is_anonymised:
        return private(TemplateResponse(request, TEMPLATES + "anonymised.html", {"case": case}))
    can_reply = case.status == CaseStatus.QUERY
    form = ReplyForm() if can_reply else None
    extra: list[str] = []
    status = 200
    if request.method == "POST":
        if not can_reply:
            extra.append(_("Eine Antwort ist nur möglich, solange eine Rückfrage offen ist."))
            status = 400
        elif spam.honeypot_filled(request):
            extra.append(spam.honeypot_message())
            form = ReplyForm(request.POST)
        elif spam.rate_limited(request, "reply"):
            return private(spam.rate_limited_response(request))
        else:
            form = ReplyForm(request.POST)
            if form.is_valid() and _store_reply(case, form.cleaned_data["text"]):
                messages.success(request, _("Vielen Dank, Ihre Antwort wurde an das Amt gesendet."))
                return private(HttpResponseRedirect(request.path, status=303))
            if not form.errors:
                extra.append(_("Eine Antwort ist nur möglich, solange eine Rückfrage offen ist."))
                status = 400
    events = citizen_events(case)
    for event in events:
        event.status_label = status_label(event.new_value) if event.new_value else ""
    context = {
        "case": case,
        "status_steps": status_steps(case),
        "status": status_label(case.status),
        "events": events,
        "question": open_question(case, events),
        "form": form,
        "errors": error_summary(form, extra),
        "honeypot_field": spam.HONEYPOT_FIELD,
        "lost_link_url": reverse("services:lost_link"),
    }
    response = TemplateResponse(request, TEMPLATES + "case.html", context, status=status)
    return private(response, with_form=form is not None)


def _store_reply(case: Case, text: str) -> bool:
    """Record the citizen's reply and tell the office; False if the query was closed
    in the meantime."""
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("service_page__responsible_unit")
            .get(pk=case.pk)
        )
        if locked.status != CaseStatus.QUERY:
            return False
        CaseEvent.objects.create(
            case=locked, kind=CaseEventKind.REPLY, text=text, visible_to_citizen=True
        )
        locked.save(update_fields=["updated_at"])
        unit = locked.service_page.responsible_unit if locked.service_page else None
        mails.notify_reply(locked, unit)
    return True


@require_http_methods(["GET", "HEAD", "POST"])
def lost_link(request: HttpRequest) -> HttpResponse:
    """A new tracking link for reference + e-mail. The answer is the same whether they
    matched or not, so nobody learns which references exist."""
    form = LostLinkForm()
    extra: list[str] = []
    if request.method == "POST":
        form = LostLinkForm(request.POST)
        if spam.honeypot_filled(request):
            extra.append(spam.honeypot_message())
        elif spam.rate_limited(request, "link"):
            return private(spam.rate_limited_response(request))
        elif form.is_valid():
            renew_link(
                Site.find_for_request(request),
                form.cleaned_data["reference"],
                form.cleaned_data["email"],
            )
            return private(TemplateResponse(request, TEMPLATES + "lost_link_sent.html", {}))
    context = {
        "form": form,
        "errors": error_summary(form, extra),
        "honeypot_field": spam.HONEYPOT_FIELD,
    }
    response = TemplateResponse(request, TEMPLATES + "lost_link.html", context)
    return private(response, with_form=True)


def renew_link(site, reference: str, email: str) -> bool:
    """Give a matching case a new tracking token (the old link stops working) and
    mail it to the case's address. True if a case matched."""
    with transaction.atomic():
        case = (
            Case.objects.select_for_update()
            .filter(
                site=site,
                reference__iexact=reference,
                applicant_email__iexact=email,
                anonymised_at=None,
            )
            .exclude(applicant_email="")
            .first()
        )
        if case is None:
            return False
        token, token_hash = new_token()
        Case.objects.filter(pk=case.pk).update(tracking_token_hash=token_hash)
        mails.send_new_tracking_link(case, token)
    return True
