"""Aktenzeichen: the pattern is checked with clear messages; numbers count per plan unit
(and per year when the pattern shows the year)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from backoffice.efiles import aktenzeichen
from backoffice.efiles.models import PlanUnit, RecordSettings

pytestmark = pytest.mark.django_db


def message_of(pattern: str) -> str:
    with pytest.raises(ValidationError) as caught:
        aktenzeichen.validate_pattern(pattern)
    return caught.value.messages[0]


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("{plan}/{nummer}/{az}", "Unbekannter Platzhalter: {az}. Erlaubt sind {plan}, {nummer}"),
        ("{plan}/{jahr}", "Das Muster braucht {nummer}, damit jedes Aktenzeichen eindeutig ist."),
        ("{jahr}-{nummer}", "Das Muster braucht {plan}, damit"),
        ("{nummer}", "Das Muster braucht {plan}"),
        ("{plan:05}/{nummer}", "Eine Formatangabe wie „:04“ ist nur bei {nummer} möglich."),
        ("{plan}/{nummer:x}", "Bei {nummer} ist nur eine Stellenzahl möglich"),
        ("{plan/{nummer}", "Das Muster ist nicht lesbar"),
        ("{plan}/{nummer", "Das Muster ist nicht lesbar"),
        ("{plan}/{nummer}}", "Das Muster ist nicht lesbar"),
        (
            "{plan}/" + "x" * 60 + "/{nummer}",
            "Aktenzeichen nach diesem Muster würden länger als 60 Zeichen",
        ),
    ],
)
def test_invalid_patterns_get_a_german_message(pattern, message):
    assert message_of(pattern).startswith(message)


@pytest.mark.parametrize(
    "pattern", ["{plan}/{nummer:04}/{jahr}", "{stadt}-{plan}-{nummer}", "{plan}.{nummer}/{jahr2}"]
)
def test_valid_patterns(pattern):
    aktenzeichen.validate_pattern(pattern)


def test_rendering_with_width_two_digit_year_and_town():
    pattern = "{stadt} {plan}/{nummer:04}/{jahr2}"
    assert aktenzeichen.render(pattern, plan="022.31", nummer=7, jahr=2026, stadt="RA") == (
        "RA 022.31/0007/26"
    )
    assert aktenzeichen.render("{plan}/{nummer}/{jahr}", plan="0", nummer=12, jahr=2009) == (
        "0/12/2009"
    )
    assert aktenzeichen.render("{plan}-{nummer:03}-{jahr2}", plan="1", nummer=5, jahr=2005) == (
        "1-005-05"
    )


@pytest.fixture
def site():
    return Site.objects.create(
        hostname="aktenzeichen.localhost",
        port=8000,
        site_name="Zählstadt",
        root_page=Page.get_first_root_node(),
    )


def allocate(unit, year):
    with transaction.atomic():
        return aktenzeichen.allocate(unit, year)


def test_numbers_count_per_unit_and_restart_each_year_with_jahr(site):
    RecordSettings.objects.create(
        site=site, aktenzeichen_pattern="{stadt}-{plan}/{nummer:04}/{jahr}", town_code="ZS"
    )
    unit = PlanUnit.objects.create(site=site, code="022.31", title="Fachverfahren")
    other = PlanUnit.objects.create(site=site, code="60", title="Stadtplanung")
    assert [allocate(unit, 2026) for _ in range(3)] == [
        (1, "ZS-022.31/0001/2026"),
        (2, "ZS-022.31/0002/2026"),
        (3, "ZS-022.31/0003/2026"),
    ]
    assert allocate(other, 2026) == (1, "ZS-60/0001/2026")
    assert allocate(unit, 2027) == (1, "ZS-022.31/0001/2027")
    assert allocate(unit, 2026) == (4, "ZS-022.31/0004/2026")


def test_numbers_continue_across_years_without_jahr(site):
    RecordSettings.objects.create(site=site, aktenzeichen_pattern="{plan}-{nummer}")
    unit = PlanUnit.objects.create(site=site, code="9", title="Finanzen")
    assert allocate(unit, 2025) == (1, "9-1")
    assert allocate(unit, 2026) == (2, "9-2")
    assert allocate(unit, 2027) == (3, "9-3")


def test_two_digit_year_pattern_counts_per_year(site):
    RecordSettings.objects.create(site=site, aktenzeichen_pattern="{plan}.{nummer:03}/{jahr2}")
    unit = PlanUnit.objects.create(site=site, code="1", title="Ordnung")
    assert allocate(unit, 2026) == (1, "1.001/26")
    assert allocate(unit, 2027) == (1, "1.001/27")


def test_default_pattern_when_town_has_no_settings(site):
    unit = PlanUnit.objects.create(site=site, code="020.1", title="Sitzungen")
    assert allocate(unit, 2026) == (1, "020.1/0001/2026")
    assert RecordSettings.objects.get(site=site).aktenzeichen_pattern == (
        aktenzeichen.DEFAULT_PATTERN
    )
