"""Running the day as staff: who may see which office (another town's office is a 404, an
editor without the case permission gets Wagtail's "no permission"), the day and week
views, marking bookings, blocking time, booking by phone and walk-in tickets."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from services.appointments import booking as bookings
from services.appointments import slots
from services.models import BlockedTime, Booking, BookingStatus, Ticket, TicketStatus
from tests.services.factories_inbox import admin_client, caseworker, superuser, town_editor

from .factories_appointments import next_weekday, office

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BERLIN)


def book(o, start, name="Erika Muster", persons=1, email="erika@example.org") -> Booking:
    selections = [slots.Selection(o.services.first(), persons)]
    pending, token = bookings.create_pending(o, start, selections, name=name, email=email)
    confirmed, _manage = bookings.confirm(token)
    return confirmed


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def day_table(response) -> list[list[str]]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup.select("table.appt-day tr")
    ]


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


# --- permissions -----------------------------------------------------------------------

ROLES = ["staff_a", "staff_b", "editor", "superuser"]


def make_user(role: str):
    return {
        "staff_a": lambda: caseworker("bruchsal"),
        "staff_b": lambda: caseworker("rastatt"),
        "editor": lambda: town_editor("bruchsal"),
        "superuser": superuser,
    }[role]()


def expected(role: str) -> str:
    """The outcome for an office of Bruchsal."""
    return {"staff_a": "ok", "superuser": "ok", "staff_b": "404", "editor": "denied"}[role]


def assert_outcome(response, outcome: str, ok_codes=(200,)) -> None:
    if outcome == "404":
        assert response.status_code == 404
    elif outcome == "denied":
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    else:
        assert response.status_code in ok_codes


@pytest.fixture
def bruchsal():
    return office("bruchsal")


def get_urls(o, day: dt.date) -> list[str]:
    base = f"/admin/termine/{o.pk}"
    return [
        f"{base}/tag/",
        f"{base}/tag/{day.isoformat()}/",
        f"{base}/woche/{day.isoformat()}/",
        f"{base}/sperren/",
        f"{base}/telefon/",
        f"{base}/wartenummern/",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_views_of_an_office_only_for_staff_of_its_town(role, bruchsal):
    client = admin_client(make_user(role))
    for address in get_urls(bruchsal, next_weekday(0)):
        assert_outcome(client.get(address), expected(role))


@pytest.mark.parametrize("role", ["staff_a", "superuser"])
def test_guessed_and_bad_ids_are_404(role, bruchsal):
    client = admin_client(make_user(role))
    assert client.get(f"/admin/termine/{bruchsal.pk + 1000}/tag/").status_code == 404
    assert client.get(f"/admin/termine/{bruchsal.pk}/tag/2026-13-45/").status_code == 404
    assert client.get(f"/admin/termine/{bruchsal.pk}/woche/kaputt/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_office_picker_lists_only_the_own_towns_offices(role, bruchsal):
    rastatt = office("rastatt")
    response = admin_client(make_user(role)).get("/admin/termine/")
    if role == "editor":
        assert_outcome(response, "denied")
        return
    assert response.status_code == 200
    page = text(response)
    shown = {"staff_a": {bruchsal}, "staff_b": {rastatt}, "superuser": {bruchsal, rastatt}}[role]
    for o in (bruchsal, rastatt):
        assert (o.unit.name in page) == (o in shown)


def test_menu_item_only_for_staff(bruchsal):
    staff_page = admin_client(caseworker("bruchsal")).get("/admin/")
    assert "/admin/termine/" in staff_page.content.decode()
    editor_page = admin_client(town_editor("bruchsal")).get("/admin/")
    assert "/admin/termine/" not in editor_page.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_posts_refused_change_nothing(role, bruchsal):
    monday = next_weekday(0)
    booking = book(bruchsal, at(monday, 9))
    block = BlockedTime.objects.create(
        office=bruchsal, start=at(monday, 11), end=at(monday, 12), reason="Schulung"
    )
    client = admin_client(make_user(role))
    base = f"/admin/termine/{bruchsal.pk}"
    outcome = expected(role)
    posts = [
        (f"{base}/markieren/", {"booking": booking.pk, "status": "arrived"}),
        (
            f"{base}/sperren/",
            {
                "counter": "",
                "day": monday.isoformat(),
                "start_time": "08:00",
                "end_time": "08:30",
                "reason": "Krank",
            },
        ),
        (f"{base}/sperren/aufheben/", {"block": block.pk}),
        (
            f"{base}/telefon/",
            {
                f"persons_{bruchsal.services.first().pk}": "1",
                "day": monday.isoformat(),
                "start": at(monday, 10).isoformat(),
                "name": "Tom Telefon",
                "phone": "0721 1",
                "book": "1",
            },
        ),
        (f"{base}/wartenummern/", {"draw": "1"}),
    ]
    for address, data in posts:
        assert_outcome(client.post(address, data), outcome, ok_codes=(302,))
    booking.refresh_from_db()
    if outcome == "ok":
        assert booking.status == BookingStatus.ARRIVED
        assert not BlockedTime.objects.filter(pk=block.pk).exists()
        assert BlockedTime.objects.filter(office=bruchsal, reason="Krank").exists()
        assert Booking.objects.filter(name="Tom Telefon", source="phone").exists()
        assert Ticket.objects.filter(office=bruchsal).count() == 1
    else:
        assert booking.status == BookingStatus.CONFIRMED
        assert list(BlockedTime.objects.filter(office=bruchsal)) == [block]
        assert not Booking.objects.filter(name="Tom Telefon").exists()
        assert not Ticket.objects.filter(office=bruchsal).exists()


def test_a_booking_of_another_office_cannot_be_marked_through_the_own(bruchsal):
    monday = next_weekday(0)
    other = office("rastatt")
    foreign = book(other, at(monday, 9))
    client = admin_client(caseworker("bruchsal"))
    response = client.post(
        f"/admin/termine/{bruchsal.pk}/markieren/", {"booking": foreign.pk, "status": "done"}
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == BookingStatus.CONFIRMED


# --- day and week ----------------------------------------------------------------------


def test_day_view_shows_bookings_blocks_and_free_cells(bruchsal):
    monday = next_weekday(0)
    book(bruchsal, at(monday, 9), name="Erika Muster", persons=2)  # 25 minutes
    counter_2 = bruchsal.counters.get(name="Schalter 2")
    BlockedTime.objects.create(
        office=bruchsal,
        counter=counter_2,
        start=at(monday, 11),
        end=at(monday, 12),
        reason="Schulung",
    )
    client = admin_client(caseworker("bruchsal"))
    response = client.get(f"/admin/termine/{bruchsal.pk}/tag/{monday.isoformat()}/")
    assert response.status_code == 200
    rows = day_table(response)
    assert rows[0] == ["Uhrzeit", "Schalter 1", "Schalter 2"]
    by_time = {row[0]: row[1:] for row in rows[1:]}
    assert list(by_time)[0] == "08:00" and list(by_time)[-1] == "11:45"
    assert len(by_time) == 16  # 8–12 every 15 minutes
    assert by_time["08:00"] == ["frei", "frei"]
    assert "Erika Muster" in by_time["09:00"][0]
    assert "Personalausweis beantragen (T) (2 Pers.)" in by_time["09:00"][0]
    assert "Bestätigt" in by_time["09:00"][0]
    assert by_time["09:15"][0] == "belegt"
    assert by_time["09:30"][0] == "frei"
    assert by_time["11:00"] == ["frei", "gesperrt: Schulung"]
    page = text(response)
    assert "Nächster Tag" in page and "Wochenansicht" in page
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", string="Nächster Tag →")["href"] == (
        f"/admin/termine/{bruchsal.pk}/tag/{(monday + dt.timedelta(days=1)).isoformat()}/"
    )


def test_day_view_of_a_closed_day(bruchsal):
    sunday = next_weekday(6)
    client = admin_client(caseworker("bruchsal"))
    response = client.get(f"/admin/termine/{bruchsal.pk}/tag/{sunday.isoformat()}/")
    assert response.status_code == 200
    assert "geschlossen" in text(response)


def test_week_view_counts_bookings_and_free_starts(bruchsal):
    monday = next_weekday(0)
    book(bruchsal, at(monday, 9))
    client = admin_client(caseworker("bruchsal"))
    response = client.get(
        f"/admin/termine/{bruchsal.pk}/woche/{(monday + dt.timedelta(2)).isoformat()}/"
    )
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [
        [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]
        for row in soup.select("table.appt-week tbody tr")
    ]
    assert len(rows) == 7
    assert rows[0][1] == "1"
    assert rows[0][2] == "16"  # the other counter is still free at 9:00
    assert rows[6][1:] == ["0", "0"]  # Sunday
    link = soup.select("table.appt-week tbody a")[0]
    assert link["href"] == f"/admin/termine/{bruchsal.pk}/tag/{monday.isoformat()}/"


# --- marking ---------------------------------------------------------------------------


def test_marking_arrived_then_done(bruchsal):
    monday = next_weekday(0)
    booking = book(bruchsal, at(monday, 9))
    client = admin_client(caseworker("bruchsal"))
    address = f"/admin/termine/{bruchsal.pk}/markieren/"
    response = client.post(address, {"booking": booking.pk, "status": "arrived"}, follow=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.ARRIVED
    assert "jetzt „Erschienen“" in messages_of(response)
    client.post(address, {"booking": booking.pk, "status": "done"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DONE


@pytest.mark.parametrize("status", ["confirmed", "cancelled", "arrived", "quatsch"])
def test_invalid_transitions_change_nothing(status, bruchsal):
    monday = next_weekday(0)
    booking = book(bruchsal, at(monday, 9))
    client = admin_client(caseworker("bruchsal"))
    address = f"/admin/termine/{bruchsal.pk}/markieren/"
    client.post(address, {"booking": booking.pk, "status": "done"})
    response = client.post(address, {"booking": booking.pk, "status": status}, follow=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DONE
    assert "Es wurde nichts geändert" in messages_of(response)


def test_cancelled_booking_cannot_be_marked(bruchsal):
    monday = next_weekday(0)
    booking = book(bruchsal, at(monday, 9))
    bookings.cancel(booking)
    client = admin_client(caseworker("bruchsal"))
    response = client.post(
        f"/admin/termine/{bruchsal.pk}/markieren/",
        {"booking": booking.pk, "status": "arrived"},
        follow=True,
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert "Es wurde nichts geändert" in messages_of(response)


def test_bad_booking_id_is_404(bruchsal):
    client = admin_client(caseworker("bruchsal"))
    address = f"/admin/termine/{bruchsal.pk}/markieren/"
    assert client.post(address, {"booking": "x", "status": "done"}).status_code == 404
    assert client.post(address, {"booking": "999999", "status": "done"}).status_code == 404


# --- blocking --------------------------------------------------------------------------


def block_data(day, start="10:00", end="11:00", counter="", **extra) -> dict:
    return {
        "counter": counter,
        "day": day.isoformat(),
        "start_time": start,
        "end_time": end,
        "reason": "Betriebsausflug",
        **extra,
    }


def test_blocking_all_counters_removes_the_free_starts(bruchsal):
    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    response = client.post(f"/admin/termine/{bruchsal.pk}/sperren/", block_data(monday))
    assert response.status_code == 302
    block = BlockedTime.objects.get(office=bruchsal)
    assert (block.counter, block.start, block.end) == (None, at(monday, 10), at(monday, 11))
    assert block.reason == "Betriebsausflug"
    starts = slots.Calendar(bruchsal, monday, monday).free_starts(monday, 15, at(monday, 0))
    shown = [s.astimezone(BERLIN).strftime("%H:%M") for s in starts]
    assert "09:45" in shown and "11:00" in shown
    assert not {"10:00", "10:15", "10:30", "10:45"} & set(shown)
    listing = client.get(f"/admin/termine/{bruchsal.pk}/sperren/")
    assert "Betriebsausflug" in text(listing)


def test_blocking_one_counter_leaves_the_other(bruchsal):
    monday = next_weekday(0)
    counter = bruchsal.counters.get(name="Schalter 1")
    client = admin_client(caseworker("bruchsal"))
    client.post(
        f"/admin/termine/{bruchsal.pk}/sperren/", block_data(monday, counter=str(counter.pk))
    )
    assert BlockedTime.objects.get(office=bruchsal).counter == counter
    calendar = slots.Calendar(bruchsal, monday, monday)
    assert at(monday, 10) in calendar.free_starts(monday, 15, at(monday, 0))
    assert calendar.free_counter(at(monday, 10), 15) == [
        bruchsal.counters.get(name="Schalter 2").pk
    ]


def test_block_over_bookings_warns_first_and_is_allowed_when_confirmed(bruchsal):
    monday = next_weekday(0)
    book(bruchsal, at(monday, 10))
    book(bruchsal, at(monday, 10, 30), email="b@example.org")
    client = admin_client(caseworker("bruchsal"))
    address = f"/admin/termine/{bruchsal.pk}/sperren/"
    response = client.post(address, block_data(monday))
    assert response.status_code == 200
    assert "In dieser Zeit gibt es 2 gebuchte Termine" in text(response)
    assert not BlockedTime.objects.filter(office=bruchsal).exists()
    response = client.post(address, block_data(monday, confirm_overlap="on"))
    assert response.status_code == 302
    assert BlockedTime.objects.filter(office=bruchsal).count() == 1
    assert bruchsal.bookings.filter(status=BookingStatus.CONFIRMED).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"start_time": "11:00", "end_time": "10:00"},
        {"start_time": "kaputt"},
        {"day": "2026-02-31"},
        {"counter": "999999"},
    ],
)
def test_bad_block_input_is_a_german_message_and_nothing_saved(data, bruchsal):
    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    response = client.post(f"/admin/termine/{bruchsal.pk}/sperren/", {**block_data(monday), **data})
    assert response.status_code == 200
    assert "Die Zeit wurde nicht gesperrt" in text(response)
    assert not BlockedTime.objects.filter(office=bruchsal).exists()
    soup = BeautifulSoup(response.content, "html.parser")
    invalid = soup.select_one("form.appt-form [aria-invalid=true]")
    assert soup.find(id=invalid["aria-describedby"]).get_text(strip=True)


def test_deleting_a_block_of_another_office_is_404(bruchsal):
    other = office("rastatt")
    monday = next_weekday(0)
    block = BlockedTime.objects.create(office=other, start=at(monday, 8), end=at(monday, 9))
    client = admin_client(caseworker("bruchsal"))
    response = client.post(f"/admin/termine/{bruchsal.pk}/sperren/aufheben/", {"block": block.pk})
    assert response.status_code == 404
    assert BlockedTime.objects.filter(pk=block.pk).exists()


# --- booking by phone ------------------------------------------------------------------


def phone_data(o, day, **extra) -> dict:
    return {f"persons_{o.services.first().pk}": "1", "day": day.isoformat(), **extra}


def test_phone_booking_lists_free_times_then_books_confirmed(bruchsal):
    monday = next_weekday(0)
    staff = caseworker("bruchsal")
    client = admin_client(staff)
    address = f"/admin/termine/{bruchsal.pk}/telefon/"
    response = client.post(address, phone_data(bruchsal, monday, search="1"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    options = [o.get_text(strip=True) for o in soup.select("select[name=start] option")]
    assert options[:2] == ["08:00", "08:15"]
    response = client.post(
        address,
        phone_data(
            bruchsal,
            monday,
            start=at(monday, 8).isoformat(),
            name="Tom Telefon",
            phone="07251 123",
            book="1",
        ),
    )
    assert response.status_code == 302
    booking = Booking.objects.get(name="Tom Telefon")
    assert booking.status == BookingStatus.CONFIRMED
    assert (booking.source, booking.created_by, booking.email) == ("phone", staff, "")
    assert booking.start == at(monday, 8)
    assert booking.claims.count() == 3
    # both counters: one more fits at 8:00, then it is taken
    client.post(
        address,
        phone_data(
            bruchsal,
            monday,
            start=at(monday, 8).isoformat(),
            name="Tina Telefon",
            email="tina@example.org",
            book="1",
        ),
    )
    assert Booking.objects.get(name="Tina Telefon").status == BookingStatus.CONFIRMED
    calendar = slots.Calendar(bruchsal, monday, monday)
    assert at(monday, 8) not in calendar.free_starts(monday, 15, at(monday, 0))
    day_page = client.get(f"/admin/termine/{bruchsal.pk}/tag/{monday.isoformat()}/")
    assert "Tom Telefon" in day_page.content.decode()


def test_phone_booking_of_a_taken_time_is_refused_with_a_message(bruchsal):
    monday = next_weekday(0)
    book(bruchsal, at(monday, 8), email="a@example.org")
    book(bruchsal, at(monday, 8), email="b@example.org")
    client = admin_client(caseworker("bruchsal"))
    response = client.post(
        f"/admin/termine/{bruchsal.pk}/telefon/",
        phone_data(
            bruchsal, monday, start=at(monday, 8).isoformat(), name="Tom", phone="1", book="1"
        ),
    )
    assert response.status_code == 200
    assert "Der Termin wurde nicht gebucht" in text(response)
    assert not Booking.objects.filter(name="Tom").exists()


@pytest.mark.parametrize(
    "extra",
    [
        {"name": "", "phone": "1"},
        {"name": "Tom", "phone": "", "email": ""},
        {"name": "Tom", "email": "kein-mail"},
        {"name": "Tom", "phone": "1", "start": "kaputt"},
        {"name": "Tom", "phone": "1", "persons_0": "x", "day": "morgen"},
    ],
)
def test_bad_phone_booking_input_saves_nothing(extra, bruchsal):
    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    data = phone_data(bruchsal, monday, start=at(monday, 8).isoformat(), book="1")
    data.update(extra)
    response = client.post(f"/admin/termine/{bruchsal.pk}/telefon/", data)
    assert response.status_code == 200
    assert "Der Termin wurde nicht gebucht" in text(response)
    assert not Booking.objects.filter(office=bruchsal).exists()


def test_phone_booking_without_services_asks_for_one(bruchsal):
    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    data = {f"persons_{bruchsal.services.first().pk}": "0", "day": monday.isoformat()}
    response = client.post(f"/admin/termine/{bruchsal.pk}/telefon/", {**data, "search": "1"})
    assert response.status_code == 200
    assert "mindestens eine Leistung" in text(response)


# --- walk-in tickets -------------------------------------------------------------------


def test_tickets_are_numbered_per_day_and_called_oldest_first(bruchsal):
    client = admin_client(caseworker("bruchsal"))
    address = f"/admin/termine/{bruchsal.pk}/wartenummern/"
    for _ in range(3):
        client.post(address, {"draw": "1", "service_name": "Ausweis"})
    assert list(Ticket.objects.filter(office=bruchsal).values_list("number", flat=True)) == [
        1,
        2,
        3,
    ]
    counter = bruchsal.counters.get(name="Schalter 2")
    response = client.post(address, {"call": "1", "counter": counter.pk}, follow=True)
    assert "Nummer 1 bitte zu Schalter 2" in messages_of(response)
    first = Ticket.objects.get(office=bruchsal, number=1)
    assert (first.status, first.counter) == (TicketStatus.CALLED, counter)
    assert first.called_at is not None
    page = text(client.get(address))
    assert "1 → Schalter 2" in page
    other = office("rastatt")
    client_b = admin_client(caseworker("rastatt"))
    client_b.post(f"/admin/termine/{other.pk}/wartenummern/", {"draw": "1"})
    assert Ticket.objects.get(office=other).number == 1


def test_calling_when_nobody_waits(bruchsal):
    client = admin_client(caseworker("bruchsal"))
    counter = bruchsal.counters.first()
    response = client.post(
        f"/admin/termine/{bruchsal.pk}/wartenummern/",
        {"call": "1", "counter": counter.pk},
        follow=True,
    )
    assert "Es wartet niemand" in messages_of(response)


def test_many_phone_bookings_without_email(bruchsal):
    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    for hour in (8, 9, 10, 11):
        client.post(
            f"/admin/termine/{bruchsal.pk}/telefon/",
            phone_data(
                bruchsal,
                monday,
                start=at(monday, hour).isoformat(),
                name=f"Anrufer {hour}",
                phone="1",
                book="1",
            ),
        )
    assert Booking.objects.filter(source="phone").count() == 4


def test_phone_form_fields_have_labels(bruchsal):
    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    response = client.post(
        f"/admin/termine/{bruchsal.pk}/telefon/", phone_data(bruchsal, monday, search="1")
    )
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.appt-form")
    for field in form.select("input:not([type=hidden]), select"):
        label = soup.find("label", attrs={"for": field["id"]})
        assert label is not None and label.get_text(strip=True), field
    labels = [label.get_text(" ", strip=True) for label in form.find_all("label")]
    assert "Datum *" in labels and "Freie Zeit" in labels
    assert [legend.get_text(strip=True) for legend in form.find_all("legend")] == [
        "1. Leistungen und Personen",
        "2. Zeit und Kontakt",
    ]


def test_every_demo_office_renders_its_next_days_and_week():
    from services.models import BookableOffice

    client = admin_client(superuser())
    offices = list(BookableOffice.objects.all())
    assert offices
    today = dt.date.today()
    index = client.get("/admin/termine/")
    assert index.status_code == 200
    for o in offices:
        for offset in range(4):
            day = today + dt.timedelta(days=offset)
            response = client.get(f"/admin/termine/{o.pk}/tag/{day.isoformat()}/")
            assert response.status_code == 200
        assert client.get(f"/admin/termine/{o.pk}/woche/{today.isoformat()}/").status_code == 200
    shown = sum(
        "appt-booking" in client.get(f"/admin/termine/{o.pk}/tag/{d}/").content.decode()
        for o in offices
        for d in (today + dt.timedelta(days=i) for i in range(1, 5))
    )
    assert shown  # the demo's bookings appear somewhere


def test_phone_booking_with_email_mails_the_confirmation(
    bruchsal, django_capture_on_commit_callbacks
):
    from django.core import mail

    monday = next_weekday(0)
    client = admin_client(caseworker("bruchsal"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/termine/{bruchsal.pk}/telefon/",
            phone_data(
                bruchsal,
                monday,
                start=at(monday, 9).isoformat(),
                name="Tina Telefon",
                email="tina@example.org",
                book="1",
            ),
        )
    assert [m.to for m in mail.outbox] == [["tina@example.org"]]
    assert mail.outbox[0].attachments[0][0].endswith(".ics")
