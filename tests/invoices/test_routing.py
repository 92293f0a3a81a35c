"""Routing by Leitweg-ID: exact entries, the longest start at a "-" boundary, active only."""

from __future__ import annotations

import pytest

from backoffice.invoices.routing import candidates, route_for
from tests.invoices.factories import route, unit_in

pytestmark = pytest.mark.django_db


def test_candidates_are_the_id_and_its_starts_at_dashes():
    assert candidates(" 77216043-ra001-12 ") == ["77216043-RA001-12", "77216043-RA001", "77216043"]
    assert candidates("") == []
    assert candidates("991-33333TEST-33")[-1] == "991"


def test_exact_entry_wins_over_a_start():
    town_wide = route(unit_in("rastatt", name="Kämmerei"), "77216043")
    office = route(unit_in("rastatt", name="Bauamt"), "77216043-RA001-12")
    assert route_for("77216043-RA001-12") == office
    assert route_for("77216043-RA002-45") == town_wide


def test_longest_start_wins():
    route(unit_in("rastatt"), "77216043")
    middle = route(unit_in("rastatt", name="Tiefbau"), "77216043-RA001")
    assert route_for("77216043-RA001-99") == middle


def test_a_start_must_end_at_a_dash():
    route(unit_in("rastatt"), "7721604")
    assert route_for("77216043-RA001-12") is None


def test_case_and_spaces_do_not_matter():
    entry = route(unit_in("rastatt"), "77216043-RA001-12")
    assert route_for(" 77216043-ra001-12") == entry


def test_inactive_routes_are_ignored():
    route(unit_in("rastatt"), "77216043-RA001-12", active=False)
    town_wide = route(unit_in("rastatt"), "77216043")
    assert route_for("77216043-RA001-12") == town_wide


def test_unknown_and_empty_ids_have_no_route():
    route(unit_in("rastatt"), "77216043")
    assert route_for("77215000-11111-22") is None
    assert route_for("") is None
    assert route_for("Leitweg-ID") is None
