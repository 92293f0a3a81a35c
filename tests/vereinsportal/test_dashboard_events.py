"""Club events in the dashboard: create/edit with the repetition builder, publish
directly or through the town's approval workflow, cancel, delete; bad input explained
in German with nothing saved."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from tests.vereinsportal.factories import (
    BERLIN,
    berlin,
    category,
    club_manager,
    club_page,
    club_user,
    event_page,
)
from tests.vereinsportal.factories_dashboard import approval_workflow, image_upload, no_approval
from vereinsportal.models import EventOccurrence, EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def club():
    no_approval("bruchsal")
    return club_page("bruchsal", "Turnverein 1861", street="Sportpark 1", city="Bruchsal")


@pytest.fixture
def client(site_client, club):
    client = site_client("bruchsal")
    client.force_login(club_user(club))
    return client


def event_data(**overrides):
    data = {
        "title": "Lauftreff",
        "teaser": "Gemeinsam laufen, alle Tempi willkommen.",
        "description": "Treffpunkt am Eingang.",
        "start_date": "2027-03-02",
        "start_time": "19:00",
        "end_date": "2027-03-02",
        "end_time": "20:30",
        "freq": "",
        "interval": "1",
        "monthly_mode": "day",
        "ends": "never",
        "location_kind": "club",
        "categories": [str(category("Sport").pk)],
        "is_free": "on",
        "waiting_list": "on",
        "max_places_per_signup": "4",
        "signup_closes_hours": "0",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def create_url(club):
    return reverse("vereinsportal:event_create", args=[club.pk])


def test_create_recurring_event_publishes_it_without_workflow(client, club):
    data = event_data(
        freq="WEEKLY",
        weekdays=["TU", "TH"],
        ends="until",
        until="2027-03-31",
        exceptions_text="04.03.2027\n",
    )
    response = client.post(create_url(club), data, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Veröffentlicht." in page
    event = EventPage.objects.child_of(club).get()
    assert event.live and event.club_id == club.pk
    assert event.start == berlin(2027, 3, 2, 19) and event.end == berlin(2027, 3, 2, 20, 30)
    assert "FREQ=WEEKLY" in event.recurrence and "BYDAY=TU,TH" in event.recurrence
    assert event.exceptions == ["2027-03-04"]
    dates = [
        row.start.astimezone(BERLIN).date() for row in EventOccurrence.objects.filter(event=event)
    ]
    assert dt.date(2027, 3, 2) in dates and dt.date(2027, 3, 30) in dates
    assert dt.date(2027, 3, 4) not in dates and len(dates) == 8
    assert "Lauftreff" in page and "Dienstag" in page  # the list describes the rule
    logged = PageLogEntry.objects.filter(page=event)
    assert {"wagtail.create", "wagtail.publish"} <= set(logged.values_list("action", flat=True))
    assert set(logged.values_list("user_id", flat=True)) == {response.wsgi_request.user.pk}


def test_create_with_town_workflow_waits_for_approval(client, club):
    approval_workflow("bruchsal")
    response = client.post(create_url(club), event_data(), follow=True)
    page = response.content.decode()
    assert "Zur Freigabe an die Stadt gesendet" in page
    assert "wartet auf Freigabe" in page
    event = EventPage.objects.child_of(club).get()
    assert not event.live
    assert not EventOccurrence.objects.filter(event=event).exists()
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    overview = client.get(reverse("vereinsportal:club", args=[club.pk])).content.decode()
    assert "Wartet auf Freigabe durch die Stadt" in overview and "Lauftreff" in overview


def test_edit_live_event_publishes_or_goes_to_approval(client, club):
    event = event_page(club, "Sommerfest", start=berlin(2027, 7, 3, 14), end=berlin(2027, 7, 3, 22))
    url = reverse("vereinsportal:event_edit", args=[club.pk, event.pk])
    form = client.get(url).content.decode()
    assert 'value="2027-07-03"' in form and 'value="14:00"' in form
    data = event_data(
        title="Sommerfest 2027",
        start_date="2027-07-03",
        start_time="15:00",
        end_date="2027-07-03",
        end_time="22:00",
    )
    assert client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Sommerfest 2027" and event.start == berlin(2027, 7, 3, 15)
    assert EventOccurrence.objects.get(event=event).start == berlin(2027, 7, 3, 15)

    approval_workflow("bruchsal")
    data["title"] = "Großes Sommerfest"
    response = client.post(url, data, follow=True)
    assert "Zur Freigabe an die Stadt gesendet" in response.content.decode()
    event.refresh_from_db()
    assert event.live and event.title == "Sommerfest 2027"  # live version unchanged
    assert event.get_latest_revision_as_object().title == "Großes Sommerfest"
    assert WorkflowState.objects.filter(object_id=str(event.pk), status="in_progress").count() == 1
    # a second edit restarts the approval with the newest version – still one workflow
    data["title"] = "Das große Sommerfest"
    client.post(url, data)
    assert WorkflowState.objects.filter(object_id=str(event.pk), status="in_progress").count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2027-03-01"}, "Das Ende liegt vor dem Beginn."),
        ({"end_time": "19:00"}, "Das Ende muss nach dem Beginn liegen."),
        ({"start_date": "2027-02-30"}, "Datum"),
        ({"start_time": ""}, "Bitte eine Uhrzeit angeben"),
        ({"freq": "WEEKLY", "ends": "until", "until": "2027-02-01"}, "vor dem ersten Termin"),
        ({"freq": "WEEKLY", "ends": "count", "count": ""}, "nach wie vielen Terminen"),
        ({"freq": "WEEKLY", "exceptions_text": "32.13.2027"}, "kein Datum in der Form TT.MM.JJJJ"),
        ({"exceptions_text": "09.03.2027"}, "nur bei wiederkehrenden Veranstaltungen"),
        ({"is_free": None, "price": ""}, "Bitte den Preis angeben"),
        ({"location_kind": "online"}, "Adresse der Online-Veranstaltung"),
        ({"freq": "SECONDLY"}, "Auswahl"),
    ],
)
def test_bad_input_is_explained_and_nothing_saved(client, club, overrides, message):
    response = client.post(create_url(club), event_data(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EventPage.objects.child_of(club).exists()


def test_oversized_event_image_is_refused(client, club, settings):
    settings.VEREINE_MAX_IMAGE_MB = 1
    data = event_data(image_upload=image_upload("plakat.png", size=(900, 900), noise=True))
    response = client.post(create_url(club), data)
    assert response.status_code == 400
    assert "erlaubt sind höchstens 1 MB" in response.content.decode()
    assert not EventPage.objects.child_of(club).exists()


def test_monthly_on_nth_weekday_all_day_with_image(client, club):
    data = event_data(
        start_date="2027-03-06",
        start_time="",
        end_date="",
        end_time="",
        all_day="on",
        freq="MONTHLY",
        monthly_mode="weekday",
        ends="count",
        count="3",
        image_upload=image_upload("flohmarkt.webp", fmt="WEBP"),
    )
    assert client.post(create_url(club), data).status_code == 302
    event = EventPage.objects.child_of(club).get()
    assert "BYDAY=1SA" in event.recurrence and "COUNT=3" in event.recurrence
    assert event.all_day and event.image is not None
    dates = [
        row.start.astimezone(BERLIN).date() for row in EventOccurrence.objects.filter(event=event)
    ]
    assert dates == [dt.date(2027, 3, 6), dt.date(2027, 4, 3), dt.date(2027, 5, 1)]


def test_same_title_twice_gets_its_own_address(client, club):
    client.post(create_url(club), event_data())
    client.post(create_url(club), event_data(start_date="2027-03-09", end_date="2027-03-09"))
    slugs = sorted(EventPage.objects.child_of(club).values_list("slug", flat=True))
    assert slugs == ["lauftreff", "lauftreff-2"]


def test_cancel_takes_effect_at_once_even_with_workflow(client, club):
    event = event_page(club, "Konzert")
    approval_workflow("bruchsal")
    url = reverse("vereinsportal:event_cancel", args=[club.pk, event.pk])
    assert "absagen oder verschieben" in client.get(url).content.decode()
    response = client.post(
        url, {"status": "cancelled", "status_note": "Fällt wegen Krankheit aus."}, follow=True
    )
    assert "ist jetzt: abgesagt" in response.content.decode()
    event.refresh_from_db()
    assert event.live and event.status == "cancelled"
    assert event.status_note == "Fällt wegen Krankheit aus."
    assert not WorkflowState.objects.filter(object_id=str(event.pk)).exists()
    response = client.post(url, {"status": "postponed", "status_note": "Neuer Termin folgt."})
    event.refresh_from_db()
    assert event.status == "postponed"


def test_delete_after_confirmation(client, club):
    event = event_page(club, "Generalversammlung")
    url = reverse("vereinsportal:event_delete", args=[club.pk, event.pk])
    page = client.get(url).content.decode()
    assert "„Generalversammlung“ löschen?" in page and "Endgültig löschen" in page
    assert EventPage.objects.filter(pk=event.pk).exists()
    response = client.post(url, follow=True)
    assert "wurde gelöscht" in response.content.decode()
    assert not EventPage.objects.filter(pk=event.pk).exists()
    assert not EventOccurrence.objects.filter(event_id=event.pk).exists()


def test_event_list_sections(client, club):
    event_page(club, "Vorbei", start=berlin(2020, 5, 1, 10), end=berlin(2020, 5, 1, 12))
    event_page(club, "Demnächst", start=berlin(2027, 5, 1, 10), end=berlin(2027, 5, 1, 12))
    event_page(club, "Noch geheim", live=False)
    page = client.get(reverse("vereinsportal:club_events", args=[club.pk])).content.decode()
    upcoming = page.index("Kommende Veranstaltungen")
    drafts = page.index("Entwürfe und wartend auf Freigabe")
    past = page.index("Vergangene Veranstaltungen")
    assert upcoming < page.index("Demnächst") < drafts < page.index("Noch geheim") < past
    assert page.index("Vorbei") > past
    assert "nicht veröffentlicht" in page


def test_manager_of_club_sees_same_event_pages(site_client, club):
    client = site_client("bruchsal")
    client.force_login(club_manager(club))
    assert client.get(create_url(club)).status_code == 200
