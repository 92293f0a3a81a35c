"""The Vereinsportal part of the demo (``portal.demo.vereine_seed``), as loaded once per
test session by tests/conftest.py."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal.core.models import TownSettings
from portal.demo.seed import SeedReport
from portal.demo.vereine_seed import club_login, moderator_login, seed_vereine
from tests.conftest import TOWN_SLUGS
from tests.utils import login as login_with_request
from vereinsportal import roles
from vereinsportal.models import (
    Category,
    ClubIndexPage,
    ClubMembership,
    ClubPage,
    ClubRegistration,
    ClubRole,
    EventCalendarPage,
    EventOccurrence,
    EventPage,
    EventStatus,
    RegistrationStatus,
    Signup,
    SignupStatus,
    TargetGroup,
    VolunteerBoardPage,
    VolunteerOpportunity,
)
from vereinsportal.occurrences import rebuild
from vereinsportal.recurrence import validate_event

pytestmark = pytest.mark.django_db

PAGES = [
    ("vereine", ClubIndexPage),
    ("veranstaltungen", EventCalendarPage),
    ("ehrenamt", VolunteerBoardPage),
]


def _town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site__root_page").get(slug=slug)


@pytest.mark.parametrize("slug", [*TOWN_SLUGS, "region"])
def test_every_town_and_the_region_has_the_three_pages_live_in_the_menu(slug):
    home = _town(slug).site.root_page
    for page_slug, model in PAGES:
        page = model.objects.child_of(home).get(slug=page_slug)
        assert page.live and page.show_in_menus, (slug, page_slug)


def test_taxonomy_has_the_regional_categories_and_target_groups():
    assert {
        "sport",
        "musik",
        "kultur",
        "soziales",
        "jugend",
        "senioren",
        "umwelt",
        "feuerwehr",
        "bildung",
        "religion",
        "heimat-brauchtum",
        "gesundheit",
    } <= set(Category.objects.values_list("slug", flat=True))
    assert Category.objects.get(slug="heimat-brauchtum").name == "Heimat & Brauchtum"
    assert set(TargetGroup.objects.values_list("name", flat=True)) >= {
        "Kinder",
        "Jugendliche",
        "Erwachsene",
        "Familien",
        "Senioren",
        "Menschen mit Behinderung",
    }


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_every_town_has_clubs_with_events_and_opportunities(slug):
    site = _town(slug).site
    clubs = ClubPage.objects.live().filter(town_site=site)
    big = slug in {"baden-baden", "bruchsal", "ettlingen"}
    assert (18 if big else 8) <= clubs.count() <= (22 if big else 12)
    for club in clubs:
        assert club.categories.exists(), club.title
        assert club.register_number.startswith("VR 2"), club.title
        assert club.latitude and club.longitude and club.street and club.postcode
    events = EventPage.objects.live().filter(town_site=site)
    assert events.filter(status=EventStatus.CANCELLED).exists()
    assert events.filter(status=EventStatus.POSTPONED).exists()
    assert events.filter(recurrence__startswith="FREQ=WEEKLY").exists()
    assert events.filter(recurrence__startswith="FREQ=MONTHLY;BYDAY=").exists()
    assert 2 <= VolunteerOpportunity.objects.filter(site=site, active=True).count() <= 4
    pending = ClubRegistration.objects.filter(site=site, status=RegistrationStatus.PENDING)
    assert 1 <= pending.count() <= 2


def test_club_and_event_pages_are_proper_wagtail_pages_in_the_town():
    club = ClubPage.objects.get(slug="tv-1846-bruchsal-e-v")
    assert club.title == "TV 1846 Bruchsal e. V."
    assert club.get_parent().specific_class is ClubIndexPage
    assert club.url_path.endswith("/vereine/tv-1846-bruchsal-e-v/")
    event = EventPage.objects.child_of(club).get(slug="kinderturnen-4-6-jahre")
    assert event.club_id == club.pk
    assert event.town_site_id == club.town_site_id
    assert club.get_children().count() == club.numchild == 3


def test_demo_events_pass_the_events_validation():
    for event in EventPage.objects.all():
        try:
            validate_event(event)
        except ValidationError as error:  # pragma: no cover - shows which one
            pytest.fail(f"{event.title} ({event.url_path}): {error.messages}")


def test_town_calendar_lists_an_upcoming_event(site_client):
    response = site_client("bruchsal").get("/veranstaltungen/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kinderturnen (4–6 Jahre)" in text  # weekly: always a coming date
    today = timezone.localdate()
    coming = EventOccurrence.objects.filter(
        site__hostname="bruchsal.localhost", start__date__gte=today
    )
    assert coming.filter(start__date__lte=today + dt.timedelta(days=7)).exists()


def test_regional_calendar_and_directory_answer(site_client):
    client = site_client("region")
    assert client.get("/veranstaltungen/").status_code == 200
    response = client.get("/vereine/")
    assert response.status_code == 200


def test_club_page_of_the_demo_renders(site_client):
    response = site_client("ettlingen").get("/vereine/tafel-ettlingen-e-v/")
    assert response.status_code == 200
    assert "Tafel Ettlingen e. V." in response.content.decode()


def test_recurring_events_have_their_occurrences():
    recurring = EventPage.objects.exclude(recurrence="")
    assert recurring.count() >= 9 * 3
    today = timezone.localdate()
    for event in recurring:
        dates = EventOccurrence.objects.filter(event=event)
        if event.recurrence.startswith("FREQ=WEEKLY"):
            # four weeks back (the archive) to a year ahead
            assert 50 <= dates.count() <= 58, event.url_path
            assert dates.filter(start__date__lt=today).exists()
        else:
            assert dates.count() >= 3, event.url_path
        assert dates.filter(start__date__gte=today).exists(), event.url_path
    single = EventPage.objects.filter(recurrence="").first()
    assert EventOccurrence.objects.filter(event=single).count() == 1


def test_rebuild_finds_nothing_to_change_in_the_bulk_made_occurrences():
    """The demo inserts occurrences in bulk; publishing would have run ``rebuild``."""
    events = list(EventPage.objects.filter(town_site__hostname="rastatt.localhost"))
    assert events
    for event in events:
        before = sorted(
            EventOccurrence.objects.filter(event=event).values_list(
                "pk", "start", "end", "site_id", "club_id", "is_free", "wheelchair_accessible"
            )
        )
        assert rebuild(event) == []
        after = sorted(
            EventOccurrence.objects.filter(event=event).values_list(
                "pk", "start", "end", "site_id", "club_id", "is_free", "wheelchair_accessible"
            )
        )
        assert before == after, event.url_path


def test_weekly_training_stays_at_its_local_time():
    """Tuesdays 16:00 in Berlin, summer and winter time alike."""
    event = EventPage.objects.get(
        slug="kinderturnen-4-6-jahre", town_site__hostname="bruchsal.localhost"
    )
    berlin = ZoneInfo("Europe/Berlin")
    local = [o.start.astimezone(berlin) for o in EventOccurrence.objects.filter(event=event)]
    assert {(moment.weekday(), moment.hour, moment.minute) for moment in local} == {(1, 16, 0)}


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_sign_ups_one_open_event_with_capacity_12_and_one_fully_booked(slug):
    site = _town(slug).site
    open_event = EventPage.objects.get(
        town_site=site, capacity=12, slug="seepferdchen-kurs-fuer-kinder"
    )
    taken = Signup.objects.filter(
        occurrence__event=open_event, status=SignupStatus.CONFIRMED
    ).values_list("places", flat=True)
    assert 0 < sum(taken) < 12
    full = EventPage.objects.get(town_site=site, slug="infoabend-fuer-neue-ehrenamtliche")
    assert full.signup_enabled and full.waiting_list
    signups = Signup.objects.filter(occurrence__event=full)
    confirmed = sum(signups.filter(status=SignupStatus.CONFIRMED).values_list("places", flat=True))
    assert confirmed == full.capacity
    assert signups.filter(status=SignupStatus.WAITING).count() == 2
    assert all(len(s.token_hash) == 64 for s in signups)


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_club_manager_login_manages_the_first_club_without_admin_access(slug, client):
    username, password = club_login(slug)
    user = get_user_model().objects.get(username=username)
    membership = ClubMembership.objects.get(user=user)
    assert membership.role == ClubRole.MANAGER
    town = _town(slug)
    assert membership.club.town_site == town.site
    # README's table names the club: "TV <year> <town> e. V."
    assert membership.club.title.startswith("TV 18")
    assert membership.club.title.endswith(f"{town.name} e. V.")
    assert not user.is_staff and not user.is_superuser
    assert not user.has_perm("wagtailadmin.access_admin")
    assert login_with_request(client, username, password)


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_moderator_login_reviews_registrations_of_its_town(slug, client):
    username, password = moderator_login(slug)
    user = get_user_model().objects.get(username=username)
    town = _town(slug)
    assert user.groups.filter(name=roles.moderators_group_name(town.name)).exists()
    assert roles.moderated_site_ids(user) == {town.site_id}
    assert login_with_request(client, username, password)


@pytest.mark.parametrize("slug", TOWN_SLUGS)
def test_only_bruchsal_requires_event_approval(slug):
    assert roles.event_approval_required(_town(slug).site) is (slug == "bruchsal")


def test_seeding_again_adds_nothing():
    def counts():
        return {
            "clubs": ClubPage.objects.count(),
            "events": EventPage.objects.count(),
            "indexes": ClubIndexPage.objects.count(),
            "calendars": EventCalendarPage.objects.count(),
            "boards": VolunteerBoardPage.objects.count(),
            "occurrences": EventOccurrence.objects.count(),
            "signups": Signup.objects.count(),
            "opportunities": VolunteerOpportunity.objects.count(),
            "registrations": ClubRegistration.objects.count(),
            "memberships": ClubMembership.objects.count(),
            "users": get_user_model().objects.count(),
            "categories": Category.objects.count(),
            "target_groups": TargetGroup.objects.count(),
        }

    before = counts()
    report = SeedReport()
    seed_vereine(report)
    assert counts() == before
    assert report.pages_created == 0
    assert ("Vereinsmoderation Bruchsal", *moderator_login("bruchsal")) in report.logins
