"""The club's participant list and CSV export – only for the event's own club."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from vereinsportal.signups import service

from .factories import club_manager, club_page, club_user
from .factories_signups import occurrences_of, signup_event, soup, text

pytestmark = pytest.mark.django_db


def participants_url(event, **query) -> str:
    try:
        url = reverse("vereinsportal:event_participants", args=[event.club_id, event.pk])
    except NoReverseMatch:
        pytest.skip("the dashboard does not include vereinsportal.signups.dashboard_urls yet")
    if query:
        url += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return url


def csv_url(event, club_id=None) -> str:
    return reverse(
        "vereinsportal:event_participants_csv", args=[club_id or event.club_id, event.pk]
    )


@pytest.fixture
def course():
    event = signup_event(capacity=3, recurrence="FREQ=WEEKLY;COUNT=2", title="Erste Hilfe")
    first, second = occurrences_of(event)
    service.sign_up(first, name="Anna Alt", email="anna@example.org", places=2, phone="0721 1")
    service.sign_up(first, name="Ben Bau", email="ben@example.org", note="Vegetarisch; bitte")
    service.sign_up(first, name="=Cara", email="cara@example.org")  # waiting
    gone = service.sign_up(first, name="Dora Dorn", email="dora@example.org")  # waiting
    service.cancel(gone.token)
    service.sign_up(second, name="Emil Ende", email="emil@example.org")
    return event, first, second


def test_member_sees_participants_grouped_with_totals(site_client, course):
    event, first, second = course
    client = site_client("bruchsal")
    client.force_login(club_user(event.club))
    response = client.get(participants_url(event))
    assert response.status_code == 200
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Teilnehmende: Erste Hilfe"
    selected = html.select_one("select[name=termin] option[selected]")
    assert selected["value"] == str(first.pk)
    tables = html.select("table.participants")
    names = [[row.th.get_text(strip=True) for row in table.select("tbody tr")] for table in tables]
    assert names == [["Anna Alt", "Ben Bau"], ["=Cara"], ["Dora Dorn"]]
    totals = " ".join(html.select_one(".participants-totals").get_text(" ").split())
    assert "3 Plätze von 3" in totals
    assert "2 Anmeldungen" in totals
    assert "1 Person" in totals

    other_date = client.get(participants_url(event, termin=second.pk))
    other_names = [th.get_text(strip=True) for th in soup(other_date).select("tbody th")]
    assert other_names == ["Emil Ende"]
    assert "Noch keine Anmeldungen" not in text(other_date)


def test_csv_export_for_german_excel(site_client, course):
    event, first, second = course
    client = site_client("bruchsal")
    client.force_login(club_manager(event.club))
    participants_url(event)
    response = client.get(csv_url(event) + f"?termin={first.pk}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Termin",
        "Name",
        "E-Mail",
        "Telefon",
        "Plätze",
        "Status",
        "Angemeldet am",
        "Anmerkung",
    ]
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {"Anna Alt", "Ben Bau", "'=Cara", "Dora Dorn"}
    assert by_name["Anna Alt"][2:6] == ["anna@example.org", "0721 1", "2", "angemeldet"]
    assert by_name["Ben Bau"][7] == "Vegetarisch; bitte"
    assert by_name["'=Cara"][5] == "auf der Warteliste"
    assert by_name["Dora Dorn"][5] == "abgemeldet"
    assert by_name["Anna Alt"][0] == timezone.localtime(first.start).strftime("%d.%m.%Y %H:%M")
    all_rows = list(
        csv.reader(
            io.StringIO(client.get(csv_url(event)).content.decode("utf-8-sig")), delimiter=";"
        )
    )
    assert len(all_rows) == 1 + 5
    assert client.get(csv_url(event) + "?termin=abc").status_code == 400


def test_other_clubs_and_anonymous_get_nothing(site_client, course):
    event, _first, _second = course
    url = participants_url(event)
    anonymous = site_client("bruchsal")
    response = anonymous.get(url)
    assert response.status_code == 302
    assert "Anna Alt" not in response.content.decode()
    assert anonymous.get(csv_url(event)).status_code == 302

    other_club = club_page("bruchsal", title="Anderer Verein")
    stranger = site_client("bruchsal")
    stranger.force_login(club_manager(other_club))
    assert stranger.get(url).status_code == 404
    assert stranger.get(csv_url(event)).status_code == 404
    # their own club id with someone else's event
    assert stranger.get(csv_url(event, club_id=other_club.pk)).status_code == 404
    assert (
        stranger.get(
            reverse("vereinsportal:event_participants", args=[other_club.pk, event.pk])
        ).status_code
        == 404
    )
