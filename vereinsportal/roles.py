"""Town staff of the Vereinsportal and the per-town approval of new events.

- Club moderators ("Vereinsmoderation <Stadt>"): review citizens' club registrations of
  their town and may add, edit, publish and lock the pages below the town's club
  directory (ClubIndexPage). A moderator of one town sees nothing of another town's
  registrations (:func:`moderated_site_ids`).
- Event approval ("Veranstaltungsfreigabe <Stadt>"): a Wagtail workflow with one
  group-approval task for the moderators. Attached to the town's club directory, it
  applies to every club and event page below it; detached, clubs publish directly
  (:func:`set_event_approval`).

Groups and workflows are created for every town by :func:`setup_town` (on
``portal.core.signals.town_created`` and when a town's club directory is created).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.core.models import TownSettings
from portal.core.signals import town_created

from .models import ClubIndexPage

REVIEW_PERMISSION = "vereinsportal.review_clubregistration"
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("vereinsportal", "review_clubregistration"),
    ("vereinsportal", "view_clubregistration"),
    ("vereinsportal", "view_clubmembership"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


# not translated: the names identify groups and workflows, whatever the admin's language
def moderators_group_name(town_name: str) -> str:
    return f"Vereinsmoderation {town_name}"


def event_workflow_name(town_name: str) -> str:
    return f"Veranstaltungsfreigabe {town_name}"


def town_for_site(site: Site) -> TownSettings | None:
    return TownSettings.objects.filter(site=site).first()


def club_index_of(site: Site) -> ClubIndexPage | None:
    """The club directory of a town: the ClubIndexPage below its home page."""
    return (
        ClubIndexPage.objects.descendant_of(site.root_page, inclusive=True)
        .order_by("depth", "path")
        .first()
    )


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def moderators_group(town: TownSettings) -> Group:
    group, _created = Group.objects.get_or_create(name=moderators_group_name(town.name))
    return group


@transaction.atomic
def setup_town(town: TownSettings) -> Group | None:
    """Create (or complete) the town's moderators group and event workflow; grant the
    page permissions on its club directory if that exists. Idempotent. Nothing for the
    regional site (registrations always belong to a town)."""
    if town.is_region:
        return None
    group = moderators_group(town)
    for app_label, codename in MODEL_PERMISSIONS:
        group.permissions.add(_permission(app_label, codename))
    event_workflow(town, group)
    index = club_index_of(town.site)
    if index is not None:
        grant_club_index(group, index)
    return group


def grant_club_index(group: Group, index: ClubIndexPage) -> None:
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=index, permission=_permission("wagtailcore", codename)
        )


def event_workflow(town: TownSettings, group: Group | None = None) -> Workflow:
    """The town's "Veranstaltungsfreigabe" workflow (created with its task if missing)."""
    name = event_workflow_name(town.name)
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
    if not workflow.workflow_tasks.exists():
        group = group or moderators_group(town)
        task = GroupApprovalTask.objects.create(name=f"{name}: {group.name}"[:255], active=True)
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def setup_all_towns() -> None:
    """For every town (e.g. after the demo seed created their club directories)."""
    for town in TownSettings.objects.filter(is_region=False).select_related("site"):
        setup_town(town)


@transaction.atomic
def set_event_approval(site: Site, required: bool) -> None:
    """Require (or stop requiring) the moderators' approval of new and changed events
    (and club pages) below the town's club directory."""
    town = town_for_site(site)
    index = club_index_of(site)
    if town is None or town.is_region or index is None:
        raise ValueError(f"{site} has no club directory of a town")
    workflow = event_workflow(town)
    if required:
        setup_town(town)
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    else:
        WorkflowPage.objects.filter(page=index, workflow=workflow).delete()


def event_approval_required(site: Site) -> bool:
    town = town_for_site(site)
    index = club_index_of(site)
    if town is None or index is None:
        return False
    return WorkflowPage.objects.filter(
        page=index, workflow__name=event_workflow_name(town.name), workflow__active=True
    ).exists()


# --- who sees which registrations ------------------------------------------------------


def moderated_site_ids(user) -> set[int] | None:
    """The towns (site ids) whose registrations ``user`` reviews; None: every town
    (superusers). Empty without the review permission."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not user.has_perm(REVIEW_PERMISSION):
        return set()
    group_names = set(user.groups.values_list("name", flat=True))
    return {
        town.site_id
        for town in TownSettings.objects.filter(is_region=False)
        if moderators_group_name(town.name) in group_names
    }


def moderator_emails(site: Site) -> list[str]:
    """Where notices about a town's registrations go: its moderators' addresses, else
    the town's general address."""
    town = town_for_site(site)
    if town is None:
        return []
    users = get_user_model().objects.filter(
        groups__name=moderators_group_name(town.name), is_active=True
    )
    emails = sorted(set(users.exclude(email="").values_list("email", flat=True)))
    return emails or ([town.email] if town.email else [])


# --- keeping it in step ------------------------------------------------------------------


@receiver(town_created)
def give_new_town_its_moderators(sender, settings, **kwargs) -> None:
    setup_town(settings)


@receiver(post_save, sender=ClubIndexPage)
def grant_new_club_index(sender, instance: ClubIndexPage, created: bool, **kwargs) -> None:
    if not created or kwargs.get("raw"):
        return
    site = instance.get_site()
    town = town_for_site(site) if site else None
    if town is not None and not town.is_region:
        setup_town(town)
