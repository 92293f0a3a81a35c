"""Saving club content through Wagtail: every change is a revision; club profiles go live
directly, events go through the town's approval workflow when one applies (e.g.
"Veranstaltungsfreigabe" on the town's club directory) and are published otherwise.

Club people have no Wagtail permissions: the dashboard has checked their membership, so
publishing here skips Wagtail's page permission checks."""

from __future__ import annotations

import enum

from django.conf import settings
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState

from ..models import ClubIndexPage, ClubPage, EventPage


class Outcome(enum.StrEnum):
    PUBLISHED = "published"
    SUBMITTED = "submitted"
    SAVED = "saved"


def publish_club(club: ClubPage, *, user) -> None:
    """New revision of the club profile, published at once."""
    with transaction.atomic():
        revision = club.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)


def _workflow_state(page: Page) -> WorkflowState | None:
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=page.get_base_content_type(), object_id=str(page.pk))
        .first()
    )


def town_workflow(page: Page) -> Workflow | None:
    """The approval workflow the town attached to its club directory (or below it) that
    applies to ``page`` – like ``page.get_workflow()``, but a workflow further up the tree
    (such as Wagtail's default "Moderators approval" on the root) does not count: whether
    club events need approval is the town's decision."""
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        return None
    index = ClubIndexPage.objects.ancestor_of(page).first()
    if index is None:
        return None
    link = (
        WorkflowPage.objects.filter(
            page__in=Page.objects.ancestor_of(page, inclusive=True).filter(depth__gte=index.depth),
            workflow__active=True,
        )
        .select_related("workflow")
        .order_by("-page__depth")
        .first()
    )
    return link.workflow if link else None


def _submit_or_publish(event: EventPage, *, user) -> Outcome:
    revision = event.save_revision(user=user, log_action=True)
    workflow = town_workflow(event)
    if workflow is None or not workflow.tasks.filter(active=True).exists():
        # no approval required (a workflow without tasks would approve at once)
        revision.publish(user=user, skip_permission_checks=True)
        return Outcome.PUBLISHED
    state = _workflow_state(event)
    if state is not None:
        state.cancel(user=user)
    workflow.start(event, user)
    return Outcome.SUBMITTED


def create_event(club: ClubPage, event: EventPage, *, user) -> Outcome:
    """Add ``event`` under ``club``; publish it or send it to the town for approval."""
    with transaction.atomic():
        event.live = False
        event.has_unpublished_changes = True
        event.owner = user
        club.add_child(instance=event)
        log(instance=event, action="wagtail.create", user=user)
        return _submit_or_publish(event, user=user)


def update_event(event: EventPage, *, user) -> Outcome:
    """A new revision of an edited event (``event`` built from its latest revision)."""
    with transaction.atomic():
        return _submit_or_publish(event, user=user)


def awaiting_approval(event: Page) -> bool:
    return _workflow_state(event) is not None


def set_status(event: EventPage, status: str, note: str, *, user) -> Outcome:
    """Cancel or postpone an event (or set it back to planned). Takes effect at once on
    the live page – a cancellation must not wait for approval; a draft waiting for
    approval gets the same status and stays in the workflow."""
    with transaction.atomic():
        event = EventPage.objects.select_for_update().get(pk=event.pk)
        pending = _workflow_state(event)
        draft = event.get_latest_revision_as_object() if event.has_unpublished_changes else None
        if not event.live:
            draft = draft or event
            draft.status, draft.status_note = status, note
            draft.save_revision(user=user, log_action=True)
            _restart(draft, pending, user)
            return Outcome.SAVED
        event.status, event.status_note = status, note
        event.save_revision(user=user, log_action=True).publish(
            user=user, skip_permission_checks=True
        )
        if draft is not None:
            draft.status, draft.status_note = status, note
            draft.save_revision(user=user, log_action=True)
            _restart(event, pending, user)
        return Outcome.PUBLISHED


def _restart(event: EventPage, pending: WorkflowState | None, user) -> None:
    """Let a workflow in progress review the newest revision."""
    if pending is None:
        return
    pending.cancel(user=user)
    workflow = town_workflow(event)
    if workflow is not None:
        workflow.start(event, user)


def delete_event(event: EventPage, *, user) -> None:
    """Unpublish (so caches and feeds drop it), then delete the event page."""
    with transaction.atomic():
        event = EventPage.objects.get(pk=event.pk)
        state = _workflow_state(event)
        if state is not None:
            state.cancel(user=user)
        if event.live:
            from wagtail.actions.unpublish_page import UnpublishPageAction

            UnpublishPageAction(event, user=user).execute(skip_permission_checks=True)
        event.delete(user=user, skip_permission_checks=True)
