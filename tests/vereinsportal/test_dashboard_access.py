"""Who may open which page of the club dashboard: a club's people only their own club
(managers also its people), everybody else 404; anonymous visitors go to the club login;
club people get nowhere in the Wagtail admin."""

import pytest
from django.urls import reverse

from tests.vereinsportal.factories import (
    club_manager,
    club_page,
    club_user,
    event_page,
    home_of,
)
from tests.vereinsportal.factories_dashboard import town_editor
from vereinsportal.models import ClubMembership

pytestmark = pytest.mark.django_db

EDITOR_URLS = ["club", "club_profile", "club_events", "event_create"]
MANAGER_URLS = ["club_members", "member_invite"]


@pytest.fixture
def world():
    a = club_page("bruchsal", "Club A")
    b = club_page("bruchsal", "Club B")
    c = club_page("ettlingen", "Club C")
    return {
        "a": a,
        "b": b,
        "c": c,
        "event_a": event_page(a, "Fest A"),
        "event_b": event_page(b, "Fest B"),
        "event_c": event_page(c, "Fest C"),
        "manager_a": club_manager(a),
        "editor_a": club_user(a),
        "manager_b": club_manager(b),
        "manager_c": club_manager(c),
    }


def urls_of(club, event, names):
    urls = [reverse(f"vereinsportal:{name}", args=[club.pk]) for name in names]
    if event is not None:
        urls.append(reverse("vereinsportal:event_edit", args=[club.pk, event.pk]))
    return urls


def statuses(client, urls):
    return {url: client.get(url).status_code for url in urls}


@pytest.mark.parametrize(
    ("who", "own", "manager"),
    [
        ("manager_a", "a", True),
        ("editor_a", "a", False),
        ("manager_b", "b", True),
        ("manager_c", "c", True),
    ],
)
def test_club_people_reach_only_their_own_club(site_client, world, who, own, manager):
    client = site_client("bruchsal")
    client.force_login(world[who])
    for key in ("a", "b", "c"):
        club, event = world[key], world[f"event_{key}"]
        editor_urls = urls_of(club, event, EDITOR_URLS)
        manager_urls = urls_of(club, None, MANAGER_URLS)
        expected_editor = 200 if key == own else 404
        expected_manager = 200 if key == own and manager else 404
        assert set(statuses(client, editor_urls).values()) == {expected_editor}, (who, key)
        assert set(statuses(client, manager_urls).values()) == {expected_manager}, (who, key)


def test_event_of_another_club_under_own_club_id_is_404(site_client, world):
    client = site_client("bruchsal")
    client.force_login(world["manager_a"])
    for other in ("event_b", "event_c"):
        for name in ("event_edit", "event_cancel", "event_delete"):
            url = reverse(f"vereinsportal:{name}", args=[world["a"].pk, world[other].pk])
            assert client.get(url).status_code == 404
            assert client.post(url, {"status": "cancelled"}).status_code == 404
    world["event_b"].refresh_from_db()
    assert world["event_b"].status == "scheduled" and world["event_b"].live


def test_post_to_another_club_changes_nothing(site_client, world):
    client = site_client("bruchsal")
    client.force_login(world["manager_a"])
    url = reverse("vereinsportal:club_profile", args=[world["b"].pk])
    response = client.post(url, {"profil-title": "Gekapert", "profil-short_description": "x"})
    assert response.status_code == 404
    world["b"].refresh_from_db()
    assert world["b"].title == "Club B"


def test_anonymous_visitors_are_sent_to_the_club_login(site_client, world):
    client = site_client("bruchsal")
    urls = urls_of(world["a"], world["event_a"], EDITOR_URLS + MANAGER_URLS)
    urls.append(reverse("vereinsportal:dashboard"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/verein/anmelden/?next=")


def test_town_editor_without_membership_gets_404(site_client, world):
    client = site_client("bruchsal")
    client.force_login(town_editor("bruchsal"))
    urls = urls_of(world["a"], world["event_a"], EDITOR_URLS + MANAGER_URLS)
    assert set(statuses(client, urls).values()) == {404}
    response = client.get(reverse("vereinsportal:dashboard"))
    assert "Noch kein Verein" in response.content.decode()


def test_club_people_get_no_wagtail_admin_and_cannot_edit_town_pages(site_client, world):
    client = site_client("bruchsal")
    client.force_login(world["manager_a"])
    home = home_of("bruchsal")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    for url in (f"/admin/pages/{home.pk}/edit/", f"/admin/pages/{world['a'].pk}/edit/"):
        response = client.get(url)
        # no admin access: sent to the admin login (or not found) – never the editor
        assert response.status_code in (302, 404)
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/")
    title = home.title
    client.post(f"/admin/pages/{home.pk}/edit/", {"title": "Gekapert"})
    home.refresh_from_db()
    assert home.title == title


def test_dashboard_with_one_club_opens_it_and_lists_several(site_client, world):
    client = site_client("bruchsal")
    client.force_login(world["manager_a"])
    response = client.get(reverse("vereinsportal:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("vereinsportal:club", args=[world["a"].pk])
    ClubMembership.objects.create(club=world["b"], user=world["manager_a"], role="editor")
    page = client.get(reverse("vereinsportal:dashboard")).content.decode()
    assert "Club A" in page and "Club B" in page and "Club C" not in page
