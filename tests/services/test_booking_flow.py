"""The citizen's booking: choose → day → time → details → mail → confirm → manage."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from icalendar import Calendar as ICalendar

from services.appointments import booking as bookings
from services.appointments import slots
from services.models import Booking, BookingStatus, SlotClaim

from .booking_helpers import (
    PERSON,
    book_path,
    link_in,
    monday,
    path_of,
    selection,
    soup,
    text,
)
from .factories_appointments import office

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def request_booking(client, o, day, time="09:00", callbacks=None, **data):
    path = book_path(o, s=selection(o), tag=day.isoformat())
    with callbacks(execute=True):
        return client.post(path, {**PERSON, "zeit": time, **data})


def test_choose_services_shows_fieldsets_and_preselects_leistung(site_client):
    o = office(services=[("Ausweis (T)", 15, 10), ("Reisepass (T)", 20, 10)])
    ausweis, reisepass = o.services.all()
    client = site_client("bruchsal")
    response = client.get(book_path(o, leistung=reisepass.leistung_id))
    assert response.status_code == 200
    html = soup(response)
    legends = [legend.get_text(strip=True) for legend in html.select("fieldset legend")]
    assert legends == ["Ausweis (T)", "Reisepass (T)"]
    assert html.select_one(f"#anzahl_{ausweis.pk}")["value"] == "0"
    assert html.select_one(f"#anzahl_{reisepass.pk}")["value"] == "1"
    assert html.select_one(f"label[for=anzahl_{reisepass.pk}]").get_text() == "Anzahl Personen"
    assert "Gesamtdauer: etwa 20 Minuten" in text(response)
    chosen = client.get(
        book_path(o, auswahl=1, **{f"anzahl_{ausweis.pk}": 2, f"anzahl_{reisepass.pk}": 0})
    )
    assert chosen.status_code == 302
    assert chosen["Location"] == book_path(o, s=f"{ausweis.pk}:2")


def test_no_service_chosen_is_a_message(site_client):
    o = office()
    service = o.services.first()
    client = site_client("bruchsal")
    response = client.get(book_path(o, auswahl=1, **{f"anzahl_{service.pk}": 0}))
    assert response.status_code == 400
    assert "Bitte wählen Sie mindestens eine Leistung" in text(response)
    too_many = client.get(book_path(o, auswahl=1, **{f"anzahl_{service.pk}": 9}))
    assert "Bitte geben Sie eine Zahl von 0 bis 4 an" in text(too_many)
    forged = client.get(book_path(o, s="999999:1"))
    assert forged.status_code == 400


def test_month_calendar_is_an_accessible_table(site_client):
    o = office()
    client = site_client("bruchsal")
    day = monday()
    response = client.get(book_path(o, s=selection(o), monat=f"{day:%Y-%m}"))
    assert response.status_code == 200
    html = soup(response)
    table = html.select_one("table.booking-calendar")
    assert table.caption.get_text(strip=True) in {
        f"{m} {day.year}"
        for m in ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"]
        + ["September", "Oktober", "November", "Dezember"]
    }
    headers = table.select("thead th[scope=col]")
    assert [th.get_text(strip=True) for th in headers] == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    link = table.find("a", href=lambda h: h and f"tag={day.isoformat()}" in h)
    assert link is not None
    # 8–12 with starts every 15 minutes for 15 minutes: 16 free times
    assert link["aria-label"].startswith("Montag, ")
    assert link["aria-label"].endswith(": 16 freie Termine")
    months = soup(response).select_one("nav.booking-months")
    assert months is not None and months.find("a", string=lambda t: "Monat" in t)
    saturday = day + dt.timedelta(days=5)
    if saturday.month == day.month:
        assert table.find("a", href=lambda h: h and saturday.isoformat() in h) is None


def test_whole_flow_books_mails_ics_and_cancel_frees_the_slot(
    site_client, django_capture_on_commit_callbacks
):
    o = office(counters=1, notes="Eingang über den Hof")
    client = site_client("bruchsal")
    day = monday()
    page = client.get(book_path(o, s=selection(o), tag=day.isoformat()))
    assert page.status_code == 200
    html = soup(page)
    legend = html.select_one("fieldset.booking-times legend").get_text(" ", strip=True)
    assert legend.startswith("Freie Uhrzeiten am Montag")
    radios = html.select("input[type=radio][name=zeit]")
    assert radios[0]["value"] == "08:00"
    assert html.select_one("label[for=id_email]") is not None
    assert "30 Tage nach dem Termin gelöscht" in text(page)

    response = request_booking(client, o, day, callbacks=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse innerhalb von 15 Minuten" in text(response)
    booking = Booking.objects.get(office=o)
    assert booking.status == BookingStatus.PENDING
    assert booking.start == dt.datetime.combine(day, dt.time(9), tzinfo=BERLIN)
    assert not SlotClaim.objects.filter(booking=booking).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika@example.org"]
    confirm_link = link_in(mail.outbox[0].body, "bestaetigen")
    assert confirm_link.startswith("http://bruchsal.localhost:8000/termine/bestaetigen/")

    # GET does not book (mail scanners prefetch links)
    shown = client.get(path_of(confirm_link))
    assert shown.status_code == 200
    assert soup(shown).find("button", string="Termin verbindlich buchen") is not None
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(path_of(confirm_link))
    assert done.status_code == 200
    page_text = text(done)
    assert "Ihr Termin ist gebucht" in page_text
    assert "09:00 – 09:15 Uhr" in page_text
    assert "Marktplatz 1" in page_text
    assert "Personalausweis" in page_text  # what to bring (the Leistung's Unterlagen)
    assert "Eingang über den Hof" in page_text
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert SlotClaim.objects.filter(booking=booking).count() == 3

    confirmation = mail.outbox[-1]
    assert "Personalausweis beantragen (T) (1 Person)" in confirmation.body
    manage_link = link_in(confirmation.body, "verwalten")
    (name, content, mimetype) = confirmation.attachments[0]
    assert name == "termin.ics"
    assert mimetype.startswith("text/calendar")
    if isinstance(content, str):
        content = content.encode()
    event = ICalendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime.combine(day, dt.time(9), tzinfo=BERLIN)
    assert event.decoded("dtend") == dt.datetime.combine(day, dt.time(9, 15), tzinfo=BERLIN)
    assert "Marktplatz 1" in str(event["location"])
    assert manage_link in str(event["description"])
    assert event.walk("VALARM")

    # the time is taken now
    calendar = slots.Calendar(o, day, day)
    assert booking.start not in calendar.free_starts(day, 15)
    # the confirm link is used up
    again = client.post(path_of(confirm_link))
    assert again.status_code == 404

    manage = client.get(path_of(manage_link))
    assert manage.status_code == 200
    assert "Termin absagen" in text(manage)
    ask = client.get(path_of(manage_link) + "?absagen=1")
    assert "wirklich absagen" in text(ask)
    assert soup(ask).select_one("form.booking-cancel")["action"] == path_of(manage_link)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(path_of(manage_link), {"action": "absagen"})
    assert cancelled.status_code == 200
    assert "Ihr Termin wurde abgesagt" in text(cancelled)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert not SlotClaim.objects.filter(booking=booking).exists()
    assert booking.start in slots.Calendar(o, day, day).free_starts(day, 15)
    assert "abgesagt" in mail.outbox[-1].subject
    gone = client.get(path_of(manage_link))
    assert gone.status_code == 410
    assert "wurde abgesagt" in text(gone)


def test_expired_confirmation_link(site_client, django_capture_on_commit_callbacks):
    o = office()
    client = site_client("bruchsal")
    day = monday()
    request_booking(client, o, day, callbacks=django_capture_on_commit_callbacks)
    link = path_of(link_in(mail.outbox[0].body, "bestaetigen"))
    booking = Booking.objects.get(office=o)
    booking.confirm_by = booking.created_at - dt.timedelta(minutes=1)
    booking.save()
    shown = client.get(link)
    assert shown.status_code == 410
    assert "Der Bestätigungslink ist abgelaufen" in text(shown)
    posted = client.post(link)
    assert posted.status_code == 410
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert not SlotClaim.objects.filter(booking=booking).exists()


def test_taken_while_pending_is_409(site_client, django_capture_on_commit_callbacks):
    o = office(counters=1)
    client = site_client("bruchsal")
    day = monday()
    request_booking(client, o, day, callbacks=django_capture_on_commit_callbacks)
    link = path_of(link_in(mail.outbox[0].body, "bestaetigen"))
    start = dt.datetime.combine(day, dt.time(9), tzinfo=BERLIN)
    other, token = bookings.create_pending(
        o, start, [slots.Selection(o.services.first(), 1)], name="B", email="b@example.org"
    )
    bookings.confirm(token)
    response = client.post(link)
    assert response.status_code == 409
    assert "inzwischen leider vergeben" in text(response)
    assert Booking.objects.get(office=o, email="erika@example.org").status == "pending"


def test_unknown_token_is_404(site_client):
    client = site_client("bruchsal")
    assert client.get("/termine/bestaetigen/unbekannt/").status_code == 404
    response = client.get("/termine/verwalten/unbekannt/")
    assert response.status_code == 404
    assert "keinen Termin" in text(response)


def test_other_towns_office_and_disabled_office_are_404(site_client):
    o = office("bruchsal")
    assert site_client("bretten").get(book_path(o)).status_code == 404
    assert site_client("bruchsal").get(book_path(o)).status_code == 200
    o.enabled = False
    o.save()
    assert site_client("bruchsal").get(book_path(o)).status_code == 404


@pytest.mark.parametrize(
    ("day_offset", "message"),
    [(-1, "in der Vergangenheit"), (400, "höchstens 56 Tage im Voraus")],
)
def test_days_out_of_range_are_messages(site_client, day_offset, message):
    o = office()
    client = site_client("bruchsal")
    day = dt.date.today() + dt.timedelta(days=day_offset)
    response = client.get(book_path(o, s=selection(o), tag=day.isoformat()))
    assert response.status_code == 400
    assert message in text(response)
    posted = client.post(
        book_path(o, s=selection(o), tag=day.isoformat()), {**PERSON, "zeit": "09:00"}
    )
    assert posted.status_code == 400
    assert not Booking.objects.filter(office=o).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"zeit": "13:00"}, "Diese Uhrzeit ist nicht (mehr) frei"),
        ({"zeit": "09:07"}, "Diese Uhrzeit ist nicht (mehr) frei"),
        ({"email": "keine-adresse"}, "gültige E-Mail-Adresse"),
        ({"consent": ""}, "Bitte stimmen Sie der Speicherung"),
        ({"name": ""}, "Bitte geben Sie Ihren Namen an"),
        ({"url_homepage": "http://spam"}, "Bitte lassen Sie das Feld"),
    ],
)
def test_bad_details_store_nothing(site_client, django_capture_on_commit_callbacks, data, message):
    o = office()
    client = site_client("bruchsal")
    response = request_booking(
        client, o, monday(), callbacks=django_capture_on_commit_callbacks, **data
    )
    assert response.status_code == 400
    assert message in text(response)
    assert soup(response).select_one(".error-summary") is not None
    assert not Booking.objects.filter(office=o).exists()
    assert mail.outbox == []


def test_rebooking_cancels_the_old_booking_only_after_confirming(
    site_client, django_capture_on_commit_callbacks
):
    o = office()
    client = site_client("bruchsal")
    day = monday()
    request_booking(client, o, day, callbacks=django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_of(link_in(mail.outbox[0].body, "bestaetigen")))
    old = Booking.objects.get(office=o)
    manage = path_of(link_in(mail.outbox[-1].body, "verwalten"))
    page = soup(client.get(manage))
    rebook = page.find("a", string="Termin verschieben")["href"]
    assert "ersetzt=" in rebook
    month = client.get(rebook)
    assert month.status_code == 200
    tuesday = day + dt.timedelta(days=1)
    link = soup(month).find("a", href=lambda h: h and f"tag={tuesday.isoformat()}" in h)
    # (Tuesday may be in the next month)
    link_path = rebook + f"&tag={tuesday.isoformat()}" if link is None else link["href"]
    with django_capture_on_commit_callbacks(execute=True):
        pending = client.post(link_path, {**PERSON, "zeit": "10:00"})
    assert pending.status_code == 200
    old.refresh_from_db()
    assert old.status == BookingStatus.CONFIRMED
    confirm_link = path_of(link_in(mail.outbox[-1].body, "bestaetigen"))
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(confirm_link)
    assert done.status_code == 200
    assert "Ihr bisheriger Termin" in text(done)
    old.refresh_from_db()
    assert old.status == BookingStatus.CANCELLED
    new = Booking.objects.exclude(pk=old.pk).get(office=o)
    assert new.status == BookingStatus.CONFIRMED
    assert new.start == dt.datetime.combine(tuesday, dt.time(10), tzinfo=BERLIN)
