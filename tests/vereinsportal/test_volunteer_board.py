"""The public board: what it lists (active, live club, own town / all towns on the
regional site), filters as a GET form, pages of 20, empty state, no query per card."""

from __future__ import annotations

import re

import pytest

from tests.vereinsportal.factories import club_page, volunteer_board
from tests.vereinsportal.factories_volunteering import board_url, opportunity
from vereinsportal.models import VolunteerOpportunity
from vereinsportal.models.volunteering import TimeCommitment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_boards(db):
    """Each test starts from empty boards (the demo seeds offers of its own)."""
    VolunteerOpportunity.objects.all().delete()


def titles(response) -> list[str]:
    text = response.content.decode()
    return re.findall(r'<h3><a href="[^"]*">([^<]+)</a></h3>', text)


def test_town_board_lists_active_opportunities_of_live_clubs_of_the_town(site_client):
    board = volunteer_board("bruchsal")
    club = club_page("bruchsal", "TV Bruchsal")
    hidden_club = club_page("bruchsal", "Entwurfsverein", live=False)
    other = club_page("bretten", "SV Bretten")
    opportunity(club, "Trainer für die E-Jugend", categories=["Sport"], place="Sportpark")
    opportunity(club, "Kassenwart", active=False)
    opportunity(hidden_club, "Nicht zu sehen")
    opportunity(other, "Platzwart in Bretten")

    response = site_client("bruchsal").get(board_url(board))

    assert response.status_code == 200
    assert titles(response) == ["Trainer für die E-Jugend"]
    text = response.content.decode()
    assert "1 Ehrenamtsangebot" in text
    assert "TV Bruchsal" in text and "Sportpark" in text and "wöchentlich" in text
    assert "Sport" in text


def test_regional_board_lists_all_towns_with_the_town_name(site_client):
    board = volunteer_board("region")
    opportunity(club_page("bruchsal", "TV Bruchsal"), "Trainer Bruchsal")
    opportunity(club_page("bretten", "SV Bretten"), "Platzwart Bretten")

    response = site_client("region").get(board_url(board))

    assert set(titles(response)) >= {"Trainer Bruchsal", "Platzwart Bretten"}
    text = response.content.decode()
    assert "<dt>Stadt</dt><dd>Bretten</dd>" in text
    assert "<dt>Stadt</dt><dd>Bruchsal</dd>" in text
    filtered = site_client("region").get(board_url(board), {"stadt": "bretten"})
    assert "Platzwart Bretten" in titles(filtered)
    assert "Trainer Bruchsal" not in titles(filtered)


def test_filters_by_category_commitment_target_group_and_search(site_client):
    board = volunteer_board("bruchsal")
    club = club_page("bruchsal", "Musikverein Harmonie")
    opportunity(
        club,
        "Notenwart",
        categories=["Musik"],
        time_commitment=TimeCommitment.MONTHLY,
        target_groups=["Senioren"],
    )
    opportunity(
        club,
        "Jugendbetreuer",
        categories=["Jugend"],
        time_commitment=TimeCommitment.WEEKLY,
        skills="Geduld und Freude an Kindern",
    )
    client = site_client("bruchsal")
    url = board_url(board)

    assert titles(client.get(url, {"kategorie": "musik"})) == ["Notenwart"]
    assert titles(client.get(url, {"zeitaufwand": "weekly"})) == ["Jugendbetreuer"]
    assert titles(client.get(url, {"geeignet": "senioren"})) == ["Notenwart"]
    assert titles(client.get(url, {"q": "geduld kinder"})) == ["Jugendbetreuer"]
    assert titles(client.get(url, {"q": "Harmonie"})) == ["Jugendbetreuer", "Notenwart"]
    # the form shows what was chosen
    text = client.get(url, {"kategorie": "musik"}).content.decode()
    assert '<option value="musik" selected>' in text


def test_unknown_filter_values_are_ignored_not_a_server_error(site_client):
    board = volunteer_board("bruchsal")
    opportunity(club_page("bruchsal"), "Helfer beim Sommerfest")
    response = site_client("bruchsal").get(
        board_url(board),
        {"kategorie": "gibt-es-nicht", "zeitaufwand": "x", "seite": "abc", "q": "x" * 500},
    )
    assert response.status_code == 200
    assert "Helfer beim Sommerfest" in titles(response)


def test_empty_state_points_clubs_to_the_club_login(site_client):
    board = volunteer_board("bruchsal")
    response = site_client("bruchsal").get(board_url(board), {"q": "nichtsdergleichen"})
    text = response.content.decode()
    assert "0 Ehrenamtsangebote" in text
    assert "Ihr Verein sucht Unterstützung? Im" in text
    assert 'href="/verein/"' in text


def test_pages_of_twenty_keep_the_filters(site_client):
    board = volunteer_board("bruchsal")
    club = club_page("bruchsal")
    for number in range(23):
        opportunity(club, f"Aufgabe Nummer {number:02d}", categories=["Sport"])
    client = site_client("bruchsal")

    first = client.get(board_url(board), {"kategorie": "sport"})
    assert len(titles(first)) == 20
    assert "23 Ehrenamtsangebote" in first.content.decode()
    assert "?kategorie=sport&amp;seite=2" in first.content.decode()

    second = client.get(board_url(board), {"kategorie": "sport", "seite": 2})
    assert len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))


@pytest.mark.parametrize("count", [3, 25])
def test_no_query_per_card(site_client, django_assert_max_num_queries, count):
    board = volunteer_board("region")
    club = club_page("bruchsal")
    for number in range(count):
        opportunity(
            club, f"Aufgabe {number}", categories=["Sport", "Jugend"], target_groups=["Familien"]
        )
    client = site_client("region")
    client.get(board_url(board))  # warm caches (site root paths, settings)
    with django_assert_max_num_queries(17):
        response = client.get(board_url(board))
    assert len(titles(response)) == min(count, 20)
