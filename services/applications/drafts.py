"""The application in progress: an ``ApplicationDraft`` referenced from the session
(one per service page), and "save and continue later" with a mailed resume token."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from ..models import ApplicationDraft, hash_token, new_token
from .specs import FieldSpec, StepSpec, all_fields, is_empty, is_visible

SESSION_KEY = "services_drafts"
SESSION_LIFETIME = timedelta(days=1)
SAVED_LIFETIME = timedelta(days=30)


def current(request: HttpRequest, page) -> ApplicationDraft | None:
    """The draft of this browser for this service page, if still valid."""
    draft_id = request.session.get(SESSION_KEY, {}).get(str(page.pk))
    if not draft_id:
        return None
    draft = ApplicationDraft.objects.filter(
        pk=draft_id,
        service_page=page,
        form_id=page.application_form_id,
        expires_at__gt=timezone.now(),
    ).first()
    # a gone draft's id is left in the session (a new draft replaces it): writing the
    # session here would undo what a parallel request of the same browser just stored –
    # the submit that turned this draft into a case records the case there
    return draft


def remember(request: HttpRequest, page, draft: ApplicationDraft) -> None:
    drafts = dict(request.session.get(SESSION_KEY, {}))
    drafts[str(page.pk)] = draft.pk
    request.session[SESSION_KEY] = drafts


def forget(request: HttpRequest, page) -> None:
    drafts = dict(request.session.get(SESSION_KEY, {}))
    if drafts.pop(str(page.pk), None) is not None:
        request.session[SESSION_KEY] = drafts


def start(request: HttpRequest, page, site) -> ApplicationDraft:
    draft = ApplicationDraft.objects.create(
        site=site,
        service_page=page,
        form=page.application_form,
        expires_at=timezone.now() + SESSION_LIFETIME,
    )
    remember(request, page, draft)
    return draft


def extend(draft: ApplicationDraft) -> None:
    """Keep an active draft alive for another day (never shortens a saved one)."""
    draft.expires_at = max(draft.expires_at, timezone.now() + SESSION_LIFETIME)


def save_for_later(draft: ApplicationDraft, email: str) -> str:
    """Give the draft a new resume token (the old link stops working); returns it."""
    token, token_hash = new_token()
    draft.email = email
    draft.resume_token_hash = token_hash
    draft.expires_at = timezone.now() + SAVED_LIFETIME
    draft.save(update_fields=["email", "resume_token_hash", "expires_at", "updated_at"])
    return token


def find_saved(page, token: str) -> ApplicationDraft | None:
    if not token:
        return None
    return ApplicationDraft.objects.filter(
        resume_token_hash=hash_token(token),
        service_page=page,
        form_id=page.application_form_id,
        expires_at__gt=timezone.now(),
    ).first()


# --- progress -----------------------------------------------------------------------
def files_by_key(draft: ApplicationDraft | None) -> dict[str, list]:
    grouped: dict[str, list] = {}
    if draft is not None:
        for stored in draft.files.all():
            grouped.setdefault(stored.field_key, []).append(stored)
    return grouped


def missing_required(
    step: StepSpec, specs: dict[str, FieldSpec], answers: dict, files: dict[str, list]
) -> list[FieldSpec]:
    """Required fields of a step that are asked (conditions) but not answered."""
    missing = []
    for spec in step.fields:
        if not spec.required or not is_visible(spec, answers, specs):
            continue
        if spec.is_file:
            if not files.get(spec.key):
                missing.append(spec)
        elif is_empty(spec, answers.get(spec.key)):
            missing.append(spec)
    return missing


def drop_hidden(draft: ApplicationDraft, steps: list[StepSpec]) -> list:
    """Remove answers (and files) of fields whose condition no longer holds."""
    specs = all_fields(steps)
    for key in list(draft.data):
        spec = specs.get(key)
        if spec is None or not is_visible(spec, draft.data, specs):
            draft.data.pop(key, None)
    return [
        stored
        for stored in draft.files.all()
        if stored.field_key not in specs
        or not is_visible(specs[stored.field_key], draft.data, specs)
    ]


def recheck_completed(draft: ApplicationDraft, steps: list[StepSpec]) -> None:
    """Steps stay completed only while nothing required is missing (an answer on an
    earlier step can make a later field required)."""
    specs = all_fields(steps)
    files = files_by_key(draft)
    draft.completed_steps = sorted(
        index
        for index in set(draft.completed_steps)
        if 0 <= index < len(steps) and not missing_required(steps[index], specs, draft.data, files)
    )


def first_unfinished(draft: ApplicationDraft | None, steps: list[StepSpec]) -> int | None:
    """Index of the first step not completed, None when all are."""
    done = set(draft.completed_steps) if draft else set()
    for step in steps:
        if step.index not in done:
            return step.index
    return None
