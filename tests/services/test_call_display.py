"""Walk-in tickets and the call display page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from services.appointments import calls
from services.models import TicketStatus

from .factories_appointments import office

pytestmark = pytest.mark.django_db


def test_tickets_are_numbered_per_office_and_day():
    bruchsal, bretten = office("bruchsal"), office("bretten")
    numbers = [calls.issue_ticket(bruchsal).number for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert calls.issue_ticket(bretten).number == 1


def test_call_next_takes_the_longest_waiting_and_names_the_counter(
    django_capture_on_commit_callbacks,
):
    o = office(counters=2)
    first, second = calls.issue_ticket(o), calls.issue_ticket(o)
    counter = o.counters.get(name="Schalter 2")
    with django_capture_on_commit_callbacks(execute=True):
        called = calls.call_next(o, counter)
    assert called.pk == first.pk and called.status == TicketStatus.CALLED
    assert calls.board(o.pk) == {
        "calls": [
            {
                "number": 1,
                "counter": "Schalter 2",
                "called_at": called.called_at.astimezone(
                    __import__("zoneinfo").ZoneInfo("Europe/Berlin")
                ).strftime("%H:%M"),
            }
        ],
        "waiting": 1,
    }
    calls.call_next(o, counter)
    assert calls.call_next(o, counter) is None  # nobody left
    second.refresh_from_db()
    assert second.status == TicketStatus.CALLED


def test_display_page_shows_calls_and_announces_the_latest(site_client):
    o = office("bruchsal", counters=3)
    for _ in range(3):
        calls.issue_ticket(o)
    calls.call_next(o, o.counters.get(name="Schalter 1"))
    calls.call_next(o, o.counters.get(name="Schalter 3"))
    response = site_client("bruchsal").get(f"/aufruf/{o.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [[td.get_text() for td in tr.select("td")] for tr in soup.select("#aufrufe tr")]
    assert rows == [["2", "Schalter 3"], ["1", "Schalter 1"]]
    assert soup.select_one("#ansage").get_text(strip=True) == "Nummer 2 bitte zu Schalter 3"
    assert soup.select_one("#wartende").get_text(strip=True) == "1 Person wartet"
    board = site_client("bruchsal").get(f"/aufruf/{o.pk}/stand.json").json()
    assert board["calls"][0]["number"] == 2 and board["waiting"] == 1


def test_display_of_another_towns_office_is_not_found(site_client):
    o = office("bretten")
    assert site_client("bruchsal").get(f"/aufruf/{o.pk}/").status_code == 404
    assert site_client("bruchsal").get(f"/aufruf/{o.pk}/stand.json").status_code == 404
    assert site_client("bruchsal").get("/aufruf/999999/").status_code == 404
