"""Recurrence rules: expansion in Europe/Berlin, validation with German messages,
the rule builder and the German description."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from vereinsportal.models import EventPage
from vereinsportal.recurrence import (
    BERLIN,
    RuleError,
    build_rule,
    describe,
    expand,
    parse_for_form,
    validate_event,
)

from .factories import berlin, club_page, event_page

# EventPage() looks up its content type: every test may touch the database
pytestmark = pytest.mark.django_db


def make(recurrence="", start=None, end=None, all_day=False, exceptions=None) -> EventPage:
    start = start or berlin(2027, 3, 16, 19)
    return EventPage(
        title="Probe",
        start=start,
        end=end or start + dt.timedelta(hours=2),
        all_day=all_day,
        recurrence=recurrence,
        exceptions=exceptions or [],
    )


def messages(event) -> dict:
    with pytest.raises(ValidationError) as caught:
        validate_event(event)
    return {field: " ".join(texts) for field, texts in caught.value.message_dict.items()}


def test_weekly_event_stays_at_19_local_across_both_dst_changes():
    event = make("FREQ=WEEKLY;BYDAY=TU;UNTIL=20271109", start=berlin(2027, 3, 16, 19))
    dates = expand(event)
    assert all(start.astimezone(BERLIN).hour == 19 for start, _end in dates)
    assert all((end - start) == dt.timedelta(hours=2) for start, end in dates)
    offsets = {start.date(): start.utcoffset() for start, _end in dates}
    assert offsets[dt.date(2027, 3, 23)] == dt.timedelta(hours=1)  # before spring change
    assert offsets[dt.date(2027, 3, 30)] == dt.timedelta(hours=2)  # after it
    assert offsets[dt.date(2027, 11, 2)] == dt.timedelta(hours=1)  # after autumn change
    assert dates[-1][0].date() == dt.date(2027, 11, 9)  # UNTIL as a date includes that day


def test_exception_dates_are_left_out():
    event = make("FREQ=WEEKLY;COUNT=4", exceptions=["2027-03-23"])
    days = [start.date() for start, _end in expand(event)]
    assert days == [dt.date(2027, 3, 16), dt.date(2027, 3, 30), dt.date(2027, 4, 6)]


def test_utc_until_and_monthly_nth_weekday():
    event = make("FREQ=MONTHLY;BYDAY=1SA;UNTIL=20270630T215959Z", start=berlin(2027, 1, 2, 10))
    days = [start.date() for start, _end in expand(event)]
    assert days == [
        dt.date(2027, 1, 2),
        dt.date(2027, 2, 6),
        dt.date(2027, 3, 6),
        dt.date(2027, 4, 3),
        dt.date(2027, 5, 1),
        dt.date(2027, 6, 5),
    ]


def test_all_day_events_count_by_date():
    event = make(
        "FREQ=WEEKLY;COUNT=2",
        start=berlin(2027, 3, 27, 15),
        end=berlin(2027, 3, 28, 9),
        all_day=True,
    )
    (first_start, first_end), (second_start, _second_end) = expand(event)
    assert first_start == dt.datetime(2027, 3, 27, tzinfo=BERLIN)
    assert first_end == dt.datetime(2027, 3, 29, tzinfo=BERLIN)  # two days, end exclusive
    assert second_start == dt.datetime(2027, 4, 3, tzinfo=BERLIN)


def test_open_ended_rule_stops_at_the_horizon(settings):
    settings.VEREINE_OCCURRENCE_HORIZON_DAYS = 30
    event = make("FREQ=DAILY", start=dt.datetime.now(BERLIN).replace(microsecond=0))
    assert 29 <= len(expand(event)) <= 32


def test_single_event_has_one_date():
    event = make(start=berlin(2027, 5, 1, 10), end=berlin(2027, 5, 1, 12))
    assert expand(event) == [(berlin(2027, 5, 1, 10), berlin(2027, 5, 1, 12))]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=SOMETIMES", "Unbekannte Häufigkeit FREQ=SOMETIMES"),
        ("FREQ=WEEKLY;BYDAY=XY", "Unbekannter Wochentag „XY“ in BYDAY"),
        ("BYDAY=TU", "FREQ fehlt"),
        ("FREQ=WEEKLY;COLOR=RED", "Unbekannter Bestandteil „COLOR“"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20270601", "COUNT und UNTIL dürfen nicht beide"),
        ("FREQ=WEEKLY;UNTIL=morgen", "UNTIL muss ein Datum"),
        ("FREQ=HOURLY", "öfter als täglich"),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL muss eine ganze Zahl"),
        ("FREQ=DAILY;COUNT=1001", "mehr als 1000 Termine"),
        ("FREQ=DAILY;UNTIL=20300101", "mehr als 1000 Termine"),
        ("FREQ=WEEKLY;UNTIL=20270101", "liegt vor dem Beginn"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "an keinem Tag statt"),
    ],
)
def test_invalid_rules_get_a_german_message(rule, expected):
    assert expected in messages(make(rule))["recurrence"]


def test_end_before_or_equal_start():
    start = berlin(2027, 3, 16, 19)
    assert "Das Ende muss nach dem Beginn liegen." in messages(make(start=start, end=start))["end"]
    earlier = start - dt.timedelta(hours=1)
    assert "nach dem Beginn" in messages(make(start=start, end=earlier))["end"]
    # an all-day event may end on its start day, but not before
    validate_event(make(start=start, end=start, all_day=True))
    yesterday = start - dt.timedelta(days=1)
    assert "nicht vor dem Beginn" in messages(make(start=start, end=yesterday, all_day=True))["end"]


def test_exceptions_must_be_dates():
    event = make("FREQ=WEEKLY;COUNT=3", exceptions=["2027-02-30"])
    assert "„2027-02-30“ ist kein gültiger Tag" in messages(event)["exceptions"]
    assert "wiederkehrenden" in messages(make(exceptions=["2027-03-23"]))["exceptions"]


def test_valid_event_passes():
    validate_event(make("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10", exceptions=["2027-03-18"]))


def test_describe_in_german():
    assert describe(make("FREQ=WEEKLY")) == "jeden Dienstag"
    assert describe(make("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH")) == (
        "alle 2 Wochen montags und donnerstags"
    )
    assert describe(make("FREQ=MONTHLY;BYDAY=1SA")) == "jeden 1. Samstag im Monat"
    assert describe(make("FREQ=MONTHLY;BYDAY=-1FR")) == "jeden letzten Freitag im Monat"
    assert describe(make("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630")) == "jeden Dienstag bis 30.06.2027"
    assert describe(make("FREQ=DAILY;COUNT=3")) == "täglich, 3 Termine"
    assert describe(make("")) == ""


def test_build_rule_gives_what_expand_and_validate_accept():
    rule = build_rule("weekly", 2, ["MO", 3], until=dt.date(2027, 4, 30))
    assert rule == "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270430T215959Z;BYDAY=MO,TH"
    event = make(rule, start=berlin(2027, 3, 15, 18))
    validate_event(event)
    days = [start.date() for start, _end in expand(event)]
    assert days[:3] == [dt.date(2027, 3, 15), dt.date(2027, 3, 18), dt.date(2027, 3, 29)]
    assert days[-1] == dt.date(2027, 4, 29)
    assert build_rule("monthly", 1, ["1SA"], count=5) == "FREQ=MONTHLY;COUNT=5;BYDAY=1SA"
    parsed = parse_for_form(rule)
    assert (parsed.freq, parsed.interval, parsed.weekdays) == ("WEEKLY", 2, ("MO", "TH"))
    assert parsed.until == dt.date(2027, 4, 30)
    with pytest.raises(RuleError, match="Unbekannter Wochentag"):
        build_rule("weekly", 1, ["XX"])


def test_full_clean_rejects_bad_rule_and_nothing_is_saved():
    club = club_page("bruchsal", "TV Regelprobe")
    before = EventPage.objects.count()
    event = EventPage(
        title="Kaputte Regel",
        slug="kaputte-regel",
        teaser="Kurz",
        start=berlin(2027, 3, 16, 19),
        end=berlin(2027, 3, 16, 18),
        recurrence="FREQ=WEEKLY;BYDAY=DI",
    )
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    errors = caught.value.message_dict
    assert "Das Ende muss nach dem Beginn liegen." in errors["end"]
    assert any("Unbekannter Wochentag „DI“" in text for text in errors["recurrence"])
    assert EventPage.objects.count() == before
    assert event_page(club, "Gute Regel", recurrence="FREQ=WEEKLY;COUNT=2").occurrences.count() == 2
