"""Fuzzing recurrence rules (RFC 5545 RRULE) of club events.

Rules come in as text (the ``recurrence`` field of an event in the Wagtail admin, or rules
stored earlier) and from the repetition builder of the club dashboard. Whatever the text:
validation answers a German ``ValidationError`` or accepts; a rule it accepts can be
expanded (bounded: never more than 5 × 1000 dates, in well under a second), described in
German, put back into the builder and written into the iCal feed. The dashboard form
answers 400 with errors or 302 – never a 500 – and stores an event only when it is valid.
"""

from __future__ import annotations

import datetime as dt
import time
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.fuzz.conftest import examples
from tests.vereinsportal.factories import club_page, club_user
from tests.vereinsportal.factories_dashboard import no_approval
from vereinsportal.calendar.ics import _first_and_rule
from vereinsportal.dashboard.forms import parse_rule
from vereinsportal.models import EventPage
from vereinsportal.recurrence import (
    BERLIN,
    MAX_OCCURRENCES,
    RuleError,
    describe,
    expand,
    local_start,
    parse_for_form,
    split_rule,
    validate_event,
)

SECONDS = 2

NUMBERS = st.sampled_from(
    ["0", "1", "2", "53", "366", "367", "999", "1000", "1001", "-1", "+1", "²", "١", "１"]
    + ["9" * 20, "9" * 5000, "1e3", "", " 7 ", "0x10", "00000000000007"]
) | st.integers(min_value=-(10**12), max_value=10**12).map(str)
UNTILS = st.sampled_from(
    ["20271231", "20271231T230000Z", "20271231T230000", "20271399", "00000101", "00010101"]
    + ["00010101T000000", "99991231", "99991231T235959Z", "99991231T235959", "20270229"]
    + ["20280229", "2027-12-31", "20271231T250000Z", "٢٠٢٧١٢٣١", "19000101", "20261201"]
) | st.from_regex(r"\A\d{8}(T\d{6}Z?)?\Z", fullmatch=True)
DAYS = st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU", "XX", "mo", ""])
BYDAY = st.lists(
    st.tuples(st.sampled_from(["", "1", "-1", "5", "53", "54", "+2", "0", "١"]), DAYS).map("".join),
    min_size=1,
    max_size=4,
).map(",".join)
INT_LIST = st.lists(NUMBERS, min_size=1, max_size=3).map(",".join)
PARTS = {
    "FREQ": st.sampled_from(
        ["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "SECONDLY", "MINUTELY", "HOURLY", "daily", "X"]
    ),
    "INTERVAL": NUMBERS,
    "COUNT": NUMBERS,
    "UNTIL": UNTILS,
    "BYDAY": BYDAY,
    "BYMONTHDAY": INT_LIST,
    "BYMONTH": INT_LIST,
    "BYSETPOS": INT_LIST,
    "BYYEARDAY": INT_LIST,
    "BYWEEKNO": INT_LIST,
    "WKST": DAYS,
    "X-NAME": st.text(max_size=5),
    "BYHOUR": NUMBERS,
}


@st.composite
def rules(draw) -> str:
    names = draw(st.lists(st.sampled_from(sorted(PARTS)), max_size=5))
    if draw(st.booleans()):
        names = ["FREQ", *names]
    text = ";".join(f"{name}={draw(PARTS[name])}" for name in names)
    if draw(st.booleans()):
        text = "RRULE:" + text
    return text


RULES = (
    rules()
    | st.text(max_size=60)
    | st.sampled_from(["RRULE:", ";;;", "=", "FREQ", "FREQ=DAILY\nFREQ=WEEKLY", "FREQ=DAILY;;"])
)
STARTS = st.datetimes(
    min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(9998, 12, 1), timezones=st.just(BERLIN)
) | st.sampled_from([dt.datetime(2027, 3, 2, 19, 0, tzinfo=BERLIN)])


def event(rule: str, start: dt.datetime, all_day: bool, exceptions=()) -> SimpleNamespace:
    return SimpleNamespace(
        start=start,
        end=start + dt.timedelta(hours=2),
        all_day=all_day,
        recurrence=rule,
        exceptions=list(exceptions),
    )


@given(rule=RULES)
@example(rule="FREQ=DAILY;INTERVAL=²")
@example(rule="FREQ=DAILY;COUNT=" + "9" * 5000)
@example(rule="FREQ=DAILY;UNTIL=20271399")
@example(rule="FREQ=YEARLY;UNTIL=00000101")
@settings(max_examples=examples(150))
def test_split_rule_answers_a_german_rule_error(rule):
    try:
        parts = split_rule(rule)
    except RuleError as error:
        assert str(error).strip()
        return
    assert parts["FREQ"] in {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
    assert all(value.isascii() for value in parts.values())


@given(rule=RULES, start=STARTS, all_day=st.booleans())
@example(rule="FREQ=YEARLY;INTERVAL=10;UNTIL=99991231T235959Z", start=None, all_day=False)
@example(rule="FREQ=DAILY;UNTIL=00010101T000000", start=None, all_day=False)
@example(rule="FREQ=DAILY;COUNT=999", start=None, all_day=True)
@example(rule="FREQ=DAILY;UNTIL=99991231", start=None, all_day=False)
@example(rule="FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start=None, all_day=False)
@example(rule="FREQ=MONTHLY;BYDAY=5MO;BYSETPOS=-1;COUNT=1000", start=None, all_day=False)
@settings(max_examples=examples(120))
def test_a_rule_is_refused_in_german_or_works_everywhere(rule, start, all_day):
    start = start or dt.datetime(2027, 3, 2, 19, 0, tzinfo=BERLIN)
    subject = event(rule, start, all_day)
    began = time.perf_counter()
    try:
        validate_event(subject)
    except ValidationError as error:
        assert all(message.strip() for message in error.messages)
        valid = False
    else:
        valid = True

    moments = expand(subject)  # an invalid rule gives the first date only
    text = describe(subject)
    assert time.perf_counter() - began < SECONDS, rule
    assert len(moments) <= 5 * MAX_OCCURRENCES
    assert all(begin <= end for begin, end in moments)
    assert isinstance(text, str)
    if valid and rule.strip():
        assert text, rule
        parse_for_form(rule)
        parse_rule(rule)
        first, _end, written = _first_and_rule(subject)  # what the iCal feed writes
        assert written and first >= local_start(subject)


# --- the dashboard form ---------------------------------------------------------------------
@pytest.fixture
def dashboard(site_client):
    no_approval("bruchsal")
    club = club_page("bruchsal", "Lauftreff Fuzz", street="Sportpark 1", city="Bruchsal")
    client = site_client("bruchsal")
    client.force_login(club_user(club))
    return client, club


FORM_TEXT = st.text(max_size=30) | st.sampled_from(["", "0", "-1", "1e9", "9" * 400, "²"])
DATES = (
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat)
    | st.sampled_from(["0001-01-01", "9999-12-31", "2027-02-30", "2027-03-02", "31.12.2027"])
    | FORM_TEXT
)


@pytest.mark.django_db
@given(
    data=st.fixed_dictionaries(
        {
            "start_date": DATES,
            "end_date": DATES | st.just(""),
            "start_time": st.sampled_from(["19:00", "", "25:00", "00:00", "23:59"]),
            "end_time": st.sampled_from(["20:30", "", "18:00", "24:00"]),
            "freq": st.sampled_from(["", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "SECONDLY"]),
            "interval": FORM_TEXT | st.sampled_from(["1", "99", "100"]),
            "weekdays": st.lists(st.sampled_from(["MO", "TU", "SU", "XX", "1SA"]), max_size=3),
            "monthly_mode": st.sampled_from(["day", "weekday", "x"]),
            "ends": st.sampled_from(["never", "until", "count", "x"]),
            "until": DATES,
            "count": FORM_TEXT | st.sampled_from(["1", "999", "1000"]),
            "exceptions_text": FORM_TEXT | st.sampled_from(["24.12.2027\n31.02.2027", "\x00"]),
        }
    ),
    all_day=st.booleans(),
)
@example(
    data={
        "start_date": "0001-01-01",
        "end_date": "",
        "start_time": "00:00",
        "end_time": "",
        "freq": "DAILY",
        "interval": "1",
        "weekdays": [],
        "monthly_mode": "day",
        "ends": "count",
        "until": "",
        "count": "999",
        "exceptions_text": "",
    },
    all_day=False,
)
@example(
    data={
        "start_date": "9999-12-31",
        "end_date": "",
        "start_time": "23:59",
        "end_time": "",
        "freq": "YEARLY",
        "interval": "1",
        "weekdays": [],
        "monthly_mode": "day",
        "ends": "never",
        "until": "",
        "count": "",
        "exceptions_text": "",
    },
    all_day=True,
)
@settings(max_examples=examples(25))
def test_the_event_form_answers_errors_or_saves(dashboard, data, all_day):
    client, club = dashboard
    before = EventPage.objects.child_of(club).count()
    post = {
        "title": "Lauftreff",
        "teaser": "Gemeinsam laufen.",
        "description": "Treffpunkt am Eingang.",
        "location_kind": "club",
        "is_free": "on",
        "max_places_per_signup": "4",
        "signup_closes_hours": "0",
        **data,
    }
    if all_day:
        post["all_day"] = "on"

    response = client.post(reverse("vereinsportal:event_create", args=[club.pk]), post)

    assert response.status_code in {400, 302}, response.content[:300]  # 400: the form again
    after = EventPage.objects.child_of(club).count()
    if response.status_code == 400:
        assert after == before
        assert "error" in response.content.decode()
    else:
        assert after == before + 1
        event = EventPage.objects.child_of(club).order_by("-pk").first()
        validate_event(event)
        assert len(expand(event)) <= 5 * MAX_OCCURRENCES
