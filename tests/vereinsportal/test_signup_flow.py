"""A citizen signs up for an event date through the real pages, gets the confirmation
mail with the calendar file, and cancels with the link from the mail."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
import vobject
from django.test import RequestFactory
from django.utils import timezone
from icalendar import Calendar

from vereinsportal.models import EventOccurrence, Signup, SignupStatus
from vereinsportal.signups import service
from vereinsportal.signups.views import signup_context

from .factories_signups import (
    PERSON,
    cancel_link,
    event_path,
    first_occurrence,
    ics_of,
    in_days,
    mails_to,
    occurrences_of,
    post_signup,
    signup_event,
    signup_path,
    soup,
    text,
)

pytestmark = pytest.mark.django_db


def test_event_page_shows_free_places_and_the_form(site_client):
    event = signup_event(capacity=3, title="Lauftreff am Schloss")
    occurrence = first_occurrence(event)
    response = site_client("bruchsal").get(event_path(event))
    assert response.status_code == 200
    html = soup(response)
    section = html.select_one("section#anmeldung")
    assert section.h2.get_text(strip=True) == "Anmeldung"
    assert "noch 3 Plätze frei" in section.get_text()
    form = section.select_one("form.signup-form")
    assert form["action"] == signup_path(event, occurrence)
    for name in ("name", "email", "phone", "places", "note", "consent"):
        field = form.select_one(f"[name={name}]")
        assert field is not None, name
        assert form.select_one(f"label[for={field['id']}]") is not None, name
    assert form.select_one("[name=url_homepage]") is not None  # honeypot
    assert [o["value"] for o in form.select("select[name=places] option")] == list("1234")
    assert "30 Tage nach dem Termin gelöscht" in section.get_text()


def test_sign_up_confirms_mails_ics_and_cancel_link(site_client):
    event = signup_event(
        capacity=3,
        title="Kräuterwanderung",
        start=in_days(10, 14),
        location_kind="address",
        location_name="Schlossgarten",
        street="Schönbornstraße 1",
        postcode="76646",
        city="Bruchsal",
    )
    occurrence = first_occurrence(event)
    client = site_client("bruchsal")
    response = post_signup(client, event, occurrence, places="2", note="Mit Kind")
    assert response.status_code == 302
    assert response["Location"] == signup_path(event, occurrence) + "?gesendet=1"
    done = client.get(response["Location"])
    assert "Sie sind angemeldet" in text(done)
    assert "Ihre 2 Plätze sind reserviert" in text(done)

    signup = Signup.objects.get(occurrence=occurrence)
    assert (signup.status, signup.places, signup.note) == (SignupStatus.CONFIRMED, 2, "Mit Kind")
    [mail] = mails_to("maria@example.org")
    assert mail.subject.startswith("Anmeldung bestätigt: Kräuterwanderung am ")
    assert "Sie sind angemeldet" in mail.body
    assert "Sie sind angemeldet" in mail.html
    assert mail.reply_to == event.club.contact_email
    path, token = cancel_link(mail)
    assert "http://bruchsal.localhost:8000/verein/abmelden/" in mail.body
    assert signup.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in signup.token_hash

    calendar = ics_of(mail)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"signup-{signup.pk}@bruchsal.localhost"
    assert str(vevent["SUMMARY"]) == "Kräuterwanderung"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent.decoded("DTSTART") == occurrence.start
    assert vevent.decoded("DTEND") == occurrence.end
    assert str(vevent["URL"]).endswith(event_path(event))
    assert str(vevent["LOCATION"]) == "Schlossgarten, Schönbornstraße 1, 76646 Bruchsal"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    # a second reader (vobject) reads the same moment from the file's own VTIMEZONE
    [read_back] = vobject.readComponents(calendar.to_ical().decode()).__next__().vevent_list
    assert read_back.dtstart.value == occurrence.start

    # the event page now counts the two places
    page = client.get(event_path(event))
    assert "noch 1 Platz frei" in soup(page).select_one("section#anmeldung").get_text()

    # the link from the mail: GET only asks, POST cancels
    ask = client.get(path)
    assert ask.status_code == 200
    assert "Vom Termin abmelden?" in text(ask)
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED
    cancelled = client.post(path)
    assert cancelled.status_code == 200
    assert "Sie sind abgemeldet" in text(cancelled)
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CANCELLED
    assert signup.cancelled_at is not None
    goodbye = mails_to("maria@example.org")[-1]
    assert goodbye.subject.startswith("Abmeldung: Kräuterwanderung")
    assert str(ics_of(goodbye).walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    page = client.get(event_path(event))
    assert "noch 3 Plätze frei" in soup(page).select_one("section#anmeldung").get_text()

    used = client.get(path)
    assert "bereits abgemeldet" in text(used)
    assert client.post(path).status_code == 200
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.CANCELLED


def test_unknown_cancel_link_is_a_german_404(site_client):
    response = site_client("bruchsal").get("/verein/abmelden/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diesen Abmelde-Link kennen wir nicht" in text(response)
    assert site_client("bruchsal").post("/verein/abmelden/gibt-es-nicht/").status_code == 404


def test_duplicate_sign_up_is_refused_and_nothing_stored(site_client):
    event = signup_event(capacity=5)
    occurrence = first_occurrence(event)
    client = site_client("bruchsal")
    assert post_signup(client, event, occurrence).status_code == 302
    again = post_signup(client, event, occurrence, email="MARIA@example.org ")
    assert again.status_code == 200
    assert "Sie sind für diesen Termin bereits angemeldet." in text(again)
    assert Signup.objects.filter(occurrence=occurrence).count() == 1
    assert len(mails_to("maria@example.org")) == 1
    with pytest.raises(service.SignupError, match="bereits angemeldet"):
        service.sign_up(occurrence, name="X", email="Maria@Example.org")


def test_form_errors_are_german_and_nothing_is_stored(site_client):
    event = signup_event()
    occurrence = first_occurrence(event)
    client = site_client("bruchsal")
    response = post_signup(client, event, occurrence, name=" ", email="kein-at", consent="")
    assert response.status_code == 200
    page = text(response)
    assert "Bitte prüfen Sie Ihre Angaben" in page
    assert "Bitte geben Sie Ihren Namen an." in page
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in page
    assert "Bitte stimmen Sie zu" in page
    too_many = post_signup(client, event, occurrence, places="5")
    assert "Bitte wählen Sie eine Anzahl aus der Liste." in text(too_many)
    assert not Signup.objects.filter(occurrence=occurrence).exists()
    assert mails_to("maria@example.org") == []


def test_places_above_the_maximum_or_capacity_are_refused_by_the_rules():
    event = signup_event(capacity=3, max_places=5)
    occurrence = first_occurrence(event)
    with pytest.raises(service.SignupError, match="insgesamt nur 3 Plätze"):
        service.sign_up(occurrence, name="A", email="a@example.org", places=4)
    with pytest.raises(service.SignupError, match="höchstens 5 Plätze"):
        service.sign_up(occurrence, name="A", email="a@example.org", places=6)
    with pytest.raises(service.SignupError, match="höchstens 5 Plätze"):
        service.sign_up(occurrence, name="A", email="a@example.org", places=0)
    assert not Signup.objects.filter(occurrence=occurrence).exists()


def test_honeypot_is_rejected(site_client):
    event = signup_event()
    occurrence = first_occurrence(event)
    response = post_signup(site_client("bruchsal"), event, occurrence, url_homepage="http://x")
    assert response.status_code == 400
    assert "konnte nicht angenommen werden" in text(response)
    assert not Signup.objects.filter(occurrence=occurrence).exists()


def test_closed_past_and_cancelled_dates(site_client):
    client = site_client("bruchsal")
    closing = signup_event(start=timezone.now() + dt.timedelta(hours=20), signup_closes_hours=24)
    occurrence = first_occurrence(closing)
    assert "Anmeldeschluss vorbei" in text(client.get(event_path(closing)))
    refused = post_signup(client, closing, occurrence)
    assert "Der Anmeldeschluss für diesen Termin ist vorbei." in text(refused)

    past = signup_event(start=in_days(-3))
    old = first_occurrence(past)
    refused = post_signup(client, past, old)
    assert "liegt in der Vergangenheit" in text(refused)

    weekly = signup_event(recurrence="FREQ=WEEKLY;COUNT=3")
    dates = occurrences_of(weekly)
    EventOccurrence.objects.filter(pk=dates[1].pk).update(cancelled=True)
    html = soup(client.get(event_path(weekly)))
    items = [" ".join(li.get_text(" ").split()) for li in html.select(".signup__date-item")]
    assert len(items) == 3
    assert "abgesagt" in items[1] and "noch 2 Plätze frei" in items[0]
    assert html.select(".signup__date-item")[1].select_one("a.button") is None
    refused = post_signup(client, weekly, dates[1])
    assert "Dieser Termin ist abgesagt." in text(refused)
    events = [closing, past, weekly]
    assert not Signup.objects.filter(occurrence__event__in=events).exists()


def test_event_not_live_refuses_and_tells_those_signed_up():
    event = signup_event()
    occurrence = first_occurrence(event)
    service.sign_up(occurrence, name="A", email="a@example.org")
    event.unpublish()
    occurrence.refresh_from_db()  # kept (marked cancelled): someone had signed up
    assert occurrence.cancelled
    with pytest.raises(service.SignupError, match="nicht veröffentlicht"):
        service.sign_up(occurrence, name="B", email="b@example.org")
    assert mails_to("a@example.org")[-1].subject.startswith("Termin entfällt")
    assert mails_to("b@example.org") == []


def test_recurring_event_lists_dates_and_signs_up_for_one(site_client):
    event = signup_event(capacity=4, recurrence="FREQ=WEEKLY;COUNT=4")
    dates = occurrences_of(event)
    client = site_client("bruchsal")
    html = soup(client.get(event_path(event)))
    links = [a["href"] for a in html.select(".signup__date-item a.button")]
    assert links == [signup_path(event, o) for o in dates]
    assert html.select_one("section#anmeldung form") is None
    form_page = client.get(signup_path(event, dates[2]))
    assert form_page.status_code == 200
    assert soup(form_page).h1.get_text(strip=True) == f"Anmeldung: {event.title}"
    assert post_signup(client, event, dates[2], places="3").status_code == 302
    assert Signup.objects.get(occurrence__event=event).occurrence_id == dates[2].pk
    items = [
        li.get_text(" ")
        for li in soup(client.get(event_path(event))).select("li.signup__date-item")
    ]
    assert "noch 1 Platz frei" in items[2]
    assert "noch 4 Plätze frei" in items[0]
    other = signup_event(capacity=4)
    assert client.get(signup_path(event, first_occurrence(other))).status_code == 404


def test_event_without_sign_up_has_no_section(site_client):
    event = signup_event()
    event.signup_enabled = False
    event.save_revision().publish()
    client = site_client("bruchsal")
    assert soup(client.get(event_path(event))).select_one("#anmeldung") is None
    assert client.get(signup_path(event, first_occurrence(event))).status_code == 404


def test_signup_context_counts_with_one_query(django_assert_num_queries):
    event = signup_event(capacity=3, recurrence="FREQ=DAILY;COUNT=8")
    dates = occurrences_of(event)
    service.sign_up(dates[0], name="A", email="a@example.org", places=2)
    service.sign_up(dates[5], name="B", email="b@example.org", places=3)
    request = RequestFactory().get("/", HTTP_HOST="bruchsal.localhost:8000")
    event.get_url(request)  # warm the site cache of the request
    with django_assert_num_queries(1):
        context = signup_context(request, event, dates)
    labels = [offer.label for offer in context["signup"]["offers"]]
    assert labels[0] == "noch 1 Platz frei"
    assert labels[5] == "ausgebucht – Warteliste möglich"
    assert labels[1] == "noch 3 Plätze frei"


def test_ics_of_an_all_day_event_uses_dates():
    event = signup_event(
        all_day=True, start=in_days(8, 0), end=in_days(8, 0) + dt.timedelta(hours=23, minutes=59)
    )
    result = service.sign_up(first_occurrence(event), name="A", email="a@example.org")
    [mail] = mails_to("a@example.org")
    vevent = ics_of(mail).walk("VEVENT")[0]
    start = vevent.decoded("DTSTART")
    assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
    assert vevent.decoded("DTEND") - start == dt.timedelta(days=1)
    assert Calendar.from_ical(ics_of(mail).to_ical())  # round trip
    assert result.signup.status == SignupStatus.CONFIRMED
    assert PERSON["email"] not in mail.to
