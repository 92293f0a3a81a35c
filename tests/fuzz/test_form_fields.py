"""Fuzzing the citizen forms through the test client: the online application (one step with a
field of every type of the form builder), a club's contact form and the registration of a
new club. Random unicode, control characters, overlong and odd values: the answer is the
page again with German errors (200) or the next step (302) – never a 500; a refused
registration or message stores nothing.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from hypothesis import example, given, settings
from hypothesis import strategies as st

from portal.core.models import OutboxMessage
from services.models import Case
from tests.fuzz.conftest import examples
from tests.services.factories import ApplicationFormFactory
from tests.services.factories_applications import application_page, started, step_url
from tests.vereinsportal.factories import category, club_page
from tests.vereinsportal.factories_registration import ready_town
from vereinsportal.models import ClubRegistration, ContactVisibility

pytestmark = pytest.mark.django_db

# what people (and bots) type: any unicode, control characters, right-to-left marks,
# overlong values, NUL bytes (Django's forms refuse them), numbers that overflow
VALUES = (
    st.text(max_size=40)
    | st.text(st.characters(codec="utf-8"), max_size=10)
    | st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "\u202e\u0000",
            "\r\n" * 50,
            "x" * 5_000,
            "9" * 400,
            "1e400",
            "NaN",
            "-0",
            "2,5",
            "31.02.2027",
            "0001-01-01",
            "9999-12-31",
            "10000-01-01",
            "DE89 3704 0044 0532 0130 00",
            "DE00" + "0" * 40,
            "<script>alert(1)</script>",
            "a@b",
            "a" * 300 + "@example.org",
        ]
    )
)


def field(kind: str, key: str, **options) -> dict:
    return {"type": kind, "value": {"label": key.title(), "key": key, "required": True, **options}}


EVERY_KIND = [
    field("text", "name", max_length=20),
    field("text", "notiz", multiline=True, required=False),
    field("email", "email"),
    field("phone", "telefon", required=False),
    field("date", "geburtstag"),
    field("number", "anzahl", min_value=0, max_value=100),
    field("choice", "auswahl", choices=["ja", "nein"]),
    field("multiple_choice", "mehrfach", choices=["a", "b", "c"], required=False),
    field("checkbox", "bestaetigt", required=False),
    field("address", "anschrift"),
    field("iban", "iban", required=False),
]
KEYS = [
    "name",
    "notiz",
    "email",
    "telefon",
    "geburtstag",
    "anzahl",
    "auswahl",
    "mehrfach",
    "bestaetigt",
    "anschrift_0",
    "anschrift_1",
    "anschrift_2",
    "iban",
]


@pytest.fixture
def application(site_client):
    form = ApplicationFormFactory(
        steps=[{"type": "step", "value": {"title": "Alles", "intro": "", "fields": EVERY_KIND}}]
    )
    return site_client("bruchsal"), application_page(form=form)


def _data(draw_values: dict) -> dict:
    return {key: value for key, value in draw_values.items() if value is not None}


def _post(client, url: str, data: dict):
    cache.clear()  # rate limits of public forms: every example is a new visitor
    response = client.post(url, data)
    assert response.status_code in {200, 302}, response.content[:500]
    return response


@given(
    values=st.fixed_dictionaries({key: st.none() | VALUES for key in KEYS}),
    choices=st.lists(VALUES | st.sampled_from(["a", "b"]), max_size=3),
)
@example(
    values={
        "name": "Erika",
        "notiz": "",
        "email": "erika@example.org",
        "telefon": "",
        "geburtstag": "0001-01-01",
        "anzahl": "9" * 400,
        "auswahl": "ja",
        "mehrfach": None,
        "bestaetigt": "on",
        "anschrift_0": "Marktplatz 1",
        "anschrift_1": "76646",
        "anschrift_2": "Bruchsal",
        "iban": "DE89370400440532013000",
    },
    choices=["a"],
)
@settings(max_examples=examples(40))
def test_an_application_step_answers_errors_or_the_next_step(application, values, choices):
    client, page = application
    cases = Case.objects.count()
    data = {**_data(values), **started()}
    if choices:
        data["mehrfach"] = choices

    response = _post(client, step_url(page, 1), data)

    if response.status_code == 200:
        html = response.content.decode()
        assert "Fehler:" in html or "error" in html
    assert Case.objects.count() == cases  # a step is no submission


@pytest.fixture
def contact(site_client):
    club = club_page(
        "bruchsal",
        "TV Fuzz",
        contact_email="vorstand@tv-fuzz.example",
        contact_visibility=ContactVisibility.FORM_ONLY,
    )
    return site_client("bruchsal"), urlsplit(club.full_url).path + "kontakt/"


@given(
    values=st.fixed_dictionaries(
        {key: st.none() | VALUES for key in ["name", "email", "subject", "message", "consent"]}
    )
)
@settings(max_examples=examples(25))
def test_the_club_contact_form_answers_errors_or_sends(contact, values):
    client, url = contact
    mails = OutboxMessage.objects.count()

    response = _post(client, url, _data(values))

    if response.status_code == 200:
        assert OutboxMessage.objects.count() == mails


@pytest.fixture
def registration_form(site_client):
    index = ready_town("bruchsal")
    sport = str(category("Sport").pk)
    return site_client("bruchsal"), index.url + "registrieren/", sport


REGISTRATION_KEYS = [
    "club_name",
    "short_description",
    "register_court",
    "register_number",
    "contact_name",
    "contact_email",
    "contact_phone",
    "role_in_club",
    "message",
    "consent",
]


@given(
    values=st.fixed_dictionaries({key: st.none() | VALUES for key in REGISTRATION_KEYS}),
    categories=st.lists(st.sampled_from(["sport", "0", "-1", "99999999999999999999", "x"])),
)
@settings(max_examples=examples(25))
def test_the_club_registration_answers_errors_or_stores_one(registration_form, values, categories):
    client, url, sport = registration_form
    before = ClubRegistration.objects.count()
    data = _data(values)
    data["categories"] = [sport if value == "sport" else value for value in categories]

    response = _post(client, url, data)

    after = ClubRegistration.objects.count()
    assert after == before + (response.status_code == 302)


# --- the filters of the club directory, the volunteering board and the calendar (GET) -----
FILTER_KEYS = ["q", "kategorie", "zielgruppe", "geeignet", "stadt", "zeitaufwand"]
FILTER_KEYS += ["barrierefrei", "buchstabe", "von", "bis", "verein", "kostenlos", "page"]
IDS = st.sampled_from(["1", "0", "-1", "99999999999999999999", "9" * 5000, "1.5", "x"])


@pytest.mark.parametrize("listing", ["club_index", "volunteer_board", "calendar_page"])
@given(values=st.fixed_dictionaries({key: st.none() | VALUES | IDS for key in FILTER_KEYS}))
@example(values={"kategorie": "99999999999999999999", "verein": "99999999999999999999"})
@example(values={"geeignet": "99999999999999999999", "zielgruppe": "99999999999999999999"})
@settings(max_examples=examples(15))
def test_a_filter_answers_the_page(site_client, listing, values):
    from tests.vereinsportal import factories

    url = getattr(factories, listing)("bruchsal").url
    query = {key: value.replace("\x00", "") for key, value in _data(values).items()}

    response = site_client("bruchsal").get(url, query)

    assert response.status_code == 200, response.content[:300]
