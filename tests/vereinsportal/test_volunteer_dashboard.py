"""Club side of the Ehrenamtsbörse: a club's people list, create, edit and delete only
their own club's opportunities and read only the messages about them (another club's
ids answer 404); German validation; anonymous people are sent to the club login."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.vereinsportal.factories import (
    category,
    club_manager,
    club_page,
    club_user,
    target_group,
)
from tests.vereinsportal.factories_volunteering import interest, opportunity
from vereinsportal.models import VolunteerInterest, VolunteerOpportunity

pytestmark = pytest.mark.django_db


def url(name: str, club, *args) -> str:
    return reverse(f"vereinsportal:{name}", args=[club.pk, *args])


@pytest.fixture
def club_a():
    return club_page("bruchsal", "TV Bruchsal")


@pytest.fixture
def club_b():
    return club_page("bruchsal", "Musikverein Bruchsal")


def signed_in(site_client, user):
    client = site_client("bruchsal")
    client.force_login(user)
    return client


def form_data(**overrides) -> dict:
    data = {
        "title": "Helfer/in beim Vereinsfest",
        "description": "Aufbau, Ausschank und Abbau am Festwochenende.",
        "time_commitment": "once",
        "hours_per_month": "6",
        "skills": "Gute Laune",
        "place": "Festplatz",
        "starts_on": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
        "categories": [category("Sport").pk],
        "target_groups": [target_group("Familien").pk],
        "active": "on",
    }
    data.update(overrides)
    return data


def test_anonymous_people_are_sent_to_the_club_login(site_client, club_a):
    response = site_client("bruchsal").get(url("club_opportunities", club_a))
    assert response.status_code == 302
    assert reverse("vereinsportal:login") in response["Location"]


def test_list_shows_own_opportunities_active_and_hidden_with_unread_count(
    site_client, club_a, club_b
):
    shown = opportunity(club_a, "Platzwart")
    opportunity(club_a, "Kassenprüfer", active=False)
    opportunity(club_b, "Notenwart")
    interest(shown)
    interest(shown, read_at=timezone.now())
    client = signed_in(site_client, club_user(club_a))

    response = client.get(url("club_opportunities", club_a))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Platzwart" in text and "Kassenprüfer" in text and "verborgen" in text
    assert "Notenwart" not in text
    assert "Nachrichten (1 ungelesen)" in text
    assert "2 (1 ungelesen)" in text


def test_create_sets_club_and_town_site(site_client, club_a):
    client = signed_in(site_client, club_user(club_a))
    assert client.get(url("opportunity_create", club_a)).status_code == 200

    response = client.post(url("opportunity_create", club_a), form_data())

    assert response.status_code == 302
    created = VolunteerOpportunity.objects.get(title="Helfer/in beim Vereinsfest")
    assert created.club_id == club_a.pk
    assert created.site.hostname == "bruchsal.localhost"
    assert created.hours_per_month == 6 and created.active
    assert list(created.categories.values_list("slug", flat=True)) == ["sport"]
    assert list(created.target_groups.values_list("slug", flat=True)) == ["familien"]
    listing = client.get(response["Location"]).content.decode()
    assert "Das Angebot „Helfer/in beim Vereinsfest“ ist gespeichert." in listing


def test_start_in_the_past_and_missing_fields_get_german_messages(site_client, club_a):
    client = signed_in(site_client, club_user(club_a))
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client.post(
        url("opportunity_create", club_a),
        form_data(title="", description="", starts_on=yesterday, hours_per_month="900"),
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in text
    assert "Der Beginn liegt in der Vergangenheit." in text
    assert "Bitte beschreiben Sie die Aufgabe in wenigen Worten." in text
    assert "Bitte beschreiben Sie, was Freiwillige erwartet." in text
    assert "Bitte eine Zahl zwischen 1 und 200 Stunden angeben." in text
    response = client.post(url("opportunity_create", club_a), form_data(starts_on="31.02.2027"))
    assert "Bitte ein Datum angeben" in response.content.decode()
    assert not VolunteerOpportunity.objects.filter(club=club_a).exists()


def test_edit_keeps_an_old_start_date_and_can_hide(site_client, club_a):
    item = opportunity(club_a, "Platzwart", starts_on=dt.date(2020, 1, 1))
    client = signed_in(site_client, club_user(club_a))
    page = client.get(url("opportunity_edit", club_a, item.pk)).content.decode()
    assert 'value="Platzwart"' in page

    response = client.post(
        url("opportunity_edit", club_a, item.pk),
        form_data(title="Platzwart (m/w/d)", starts_on="2020-01-01", active=""),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Platzwart (m/w/d)" and not item.active
    assert item.starts_on == dt.date(2020, 1, 1)


def test_delete_asks_first_then_deletes_with_its_messages(site_client, club_a):
    item = opportunity(club_a, "Platzwart")
    interest(item)
    client = signed_in(site_client, club_user(club_a))

    confirm = client.get(url("opportunity_delete", club_a, item.pk))
    assert "„Platzwart“ löschen?" in confirm.content.decode()
    assert "Auch 1 Nachricht zu diesem Angebot wird gelöscht." in confirm.content.decode()
    assert VolunteerOpportunity.objects.filter(pk=item.pk).exists()

    response = client.post(url("opportunity_delete", club_a, item.pk))
    assert response.status_code == 302
    assert not VolunteerOpportunity.objects.filter(pk=item.pk).exists()
    assert not VolunteerInterest.objects.exists()


def test_messages_list_mark_read_and_delete(site_client, club_a):
    item = opportunity(club_a, "Platzwart")
    first = interest(item, name="Jana Beispiel", email="jana@buerger.example", phone="0721 1")
    second = interest(item, name="Tom Test")
    client = signed_in(site_client, club_user(club_a))
    inbox = url("club_interests", club_a)

    text = client.get(inbox).content.decode()
    assert "2 ungelesene Nachrichten" in text
    assert "jana@buerger.example" in text and "0721 1" in text and "Tom Test" in text

    assert client.post(inbox, {"interest": first.pk, "action": "read"}).status_code == 302
    first.refresh_from_db()
    assert first.read_at is not None
    assert "1 ungelesene Nachricht<" in client.get(inbox).content.decode()

    client.post(inbox, {"interest": first.pk, "action": "unread"})
    first.refresh_from_db()
    assert first.read_at is None

    client.post(inbox, {"action": "read_all"})
    assert not VolunteerInterest.objects.filter(read_at__isnull=True).exists()

    client.post(inbox, {"interest": second.pk, "action": "delete"})
    assert list(VolunteerInterest.objects.all()) == [first]
    text = client.get(inbox).content.decode()
    assert "Die Nachricht von Tom Test ist gelöscht." in text
    assert f'id="nachricht-{second.pk}"' not in text


def test_club_b_cannot_see_or_touch_club_a(site_client, club_a, club_b):
    item = opportunity(club_a, "Platzwart")
    message = interest(item, name="Jana Beispiel", email="jana@buerger.example")
    client = signed_in(site_client, club_manager(club_b))

    for path in (
        url("club_interests", club_a),
        url("club_opportunities", club_a),
        url("opportunity_create", club_a),
        url("opportunity_edit", club_a, item.pk),
        url("opportunity_delete", club_a, item.pk),
        # club A's opportunity through club B's own dashboard
        url("opportunity_edit", club_b, item.pk),
        url("opportunity_delete", club_b, item.pk),
    ):
        assert client.get(path).status_code == 404, path
        assert client.post(path, form_data()).status_code == 404, path
    own_inbox = url("club_interests", club_b)
    assert "jana@buerger.example" not in client.get(own_inbox).content.decode()
    for action in ("read", "delete"):
        response = client.post(own_inbox, {"interest": message.pk, "action": action})
        assert response.status_code == 404
    response = client.post(own_inbox, {"interest": "1" * 40, "action": "read"})
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.read_at is None
    item.refresh_from_db()
    assert item.title == "Platzwart"
    assert VolunteerOpportunity.objects.filter(club=club_a).count() == 1


def test_summary_for_the_dashboard_overview(club_a, club_b):
    from vereinsportal.volunteering.summary import club_summary

    shown = opportunity(club_a, "Platzwart")
    opportunity(club_a, "Kassenprüfer", active=False)
    interest(shown)
    interest(shown, read_at=timezone.now())
    interest(opportunity(club_b, "Notenwart"))
    assert club_summary(club_a) == {"opportunities": 2, "active": 1, "unread": 1}
