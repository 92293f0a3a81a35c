"""Town staff of the Vereinsportal: the moderators group per town with its rights, the
"Veranstaltungsfreigabe" workflow and the per-town switch for event approval."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, WorkflowPage, WorkflowState

from portal.core.towns import create_town
from tests.portal.factories import UserFactory
from tests.vereinsportal.factories import club_index, club_page, club_user, event_page, site_of
from tests.vereinsportal.factories_registration import moderator, ready_town, town_settings
from vereinsportal import roles
from vereinsportal.models import ClubIndexPage, EventPage

pytestmark = pytest.mark.django_db


def page_codenames(group, page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def without_default_workflow():
    """Wagtail installs "Moderators approval" on the tree root; without it, pages
    outside a town's approval workflow have none."""
    WorkflowPage.objects.filter(page__depth=1).delete()


def test_town_has_moderators_group_with_rights_and_workflow():
    index = ready_town("bruchsal")
    town = town_settings("bruchsal")
    group = Group.objects.get(name="Vereinsmoderation Bruchsal")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "review_clubregistration"} <= codenames
    assert {"add_page", "change_page", "publish_page", "lock_page"} <= page_codenames(group, index)
    # rights on the club directory only, not on the town's other pages
    assert page_codenames(group, site_of("bruchsal").root_page) == set()

    workflow = roles.event_workflow(town)
    assert workflow.name == "Veranstaltungsfreigabe Bruchsal"
    [task] = [t.specific for t in workflow.tasks]
    assert list(task.groups.all()) == [group]
    # idempotent
    roles.setup_town(town)
    assert Group.objects.filter(name="Vereinsmoderation Bruchsal").count() == 1
    assert len(roles.event_workflow(town).tasks) == 1


def test_new_town_gets_its_group_and_its_club_directory_the_rights(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        result = create_town(slug="malsch", name="Malsch", hostname="malsch.localhost", port=8000)
    group = Group.objects.get(name="Vereinsmoderation Malsch")
    assert group.permissions.filter(codename="review_clubregistration").exists()

    home = result.settings.site.root_page
    index = ClubIndexPage(title="Vereine", slug="vereine")
    home.add_child(instance=index)
    assert "publish_page" in page_codenames(group, index)


def test_set_event_approval_switches_the_workflow_of_new_events():
    without_default_workflow()
    site = site_of("bruchsal")
    ready_town("bruchsal")
    club = club_page("bruchsal", "Musikverein Harmonie")

    roles.set_event_approval(site, True)
    assert roles.event_approval_required(site)
    event = event_page(club, "Frühjahrskonzert", live=False)
    assert event.get_workflow().name == "Veranstaltungsfreigabe Bruchsal"

    roles.set_event_approval(site, False)
    assert not roles.event_approval_required(site)
    later = event_page(club, "Sommerfest", live=False)
    assert later.get_workflow() is None
    assert EventPage.objects.get(pk=event.pk).get_workflow() is None

    # another town is not affected
    other_club = club_page("ettlingen", "Turnverein Ettlingen")
    roles.set_event_approval(site_of("ettlingen"), False)
    roles.set_event_approval(site, True)
    assert not roles.event_approval_required(site_of("ettlingen"))
    assert event_page(other_club, live=False).get_workflow() is None


def test_moderator_approves_a_submitted_event_and_it_goes_live():
    without_default_workflow()
    site = site_of("bruchsal")
    ready_town("bruchsal")
    roles.set_event_approval(site, True)
    club = club_page("bruchsal", "Gesangverein Liederkranz")
    member = club_user(club)
    event = event_page(club, "Weihnachtssingen", live=False)
    event.get_workflow().start(event, member)
    state = WorkflowState.objects.get(object_id=str(event.pk), status="in_progress")
    task_state = state.current_task_state
    task = task_state.task.specific

    other_town = moderator("ettlingen")
    assert task.get_actions(event, other_town) == []
    assert task.get_actions(event, member) == []
    staff = moderator("bruchsal")
    assert "approve" in [name for name, _label, _modal in task.get_actions(event, staff)]

    task.on_action(task_state, staff, "approve")

    event.refresh_from_db()
    assert event.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_moderated_site_ids_are_town_scoped():
    bruchsal = moderator("bruchsal")
    assert roles.moderated_site_ids(bruchsal) == {site_of("bruchsal").pk}
    assert roles.moderated_site_ids(UserFactory()) == set()
    assert roles.moderated_site_ids(UserFactory(is_superuser=True)) is None


def test_set_event_approval_refuses_the_region():
    club_index("region")
    with pytest.raises(ValueError):
        roles.set_event_approval(site_of("region"), True)


def test_event_approval_admin_toggle(client):
    without_default_workflow()
    staff = moderator("bruchsal")
    roles.set_event_approval(site_of("bruchsal"), False)
    client.force_login(staff)

    page = client.get("/admin/vereine/freigabe/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bruchsal" in html and "Ettlingen" not in html

    response = client.post(
        "/admin/vereine/freigabe/", {"site": site_of("bruchsal").pk, "required": "1"}
    )
    assert response.status_code == 302
    assert roles.event_approval_required(site_of("bruchsal"))

    # another town's site id is not the user's to switch
    ready_town("ettlingen")
    roles.set_event_approval(site_of("ettlingen"), False)
    refused = client.post(
        "/admin/vereine/freigabe/", {"site": site_of("ettlingen").pk, "required": "1"}
    )
    assert refused.status_code == 404
    assert not roles.event_approval_required(site_of("ettlingen"))
