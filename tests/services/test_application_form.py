"""Form fields built from the form-builder blocks: each type's validation with its
German message, conditional fields, and how answers are stored and shown."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from services.applications.fields import build_field
from services.applications.specs import FieldSpec, all_fields, display, form_steps, to_storage
from services.applications.step_form import StepForm
from services.models import ApplicationForm
from tests.services.factories import simple_steps


def spec(kind: str, required: bool = True, **options) -> FieldSpec:
    return FieldSpec(
        key="feld", type=kind, label="Feld", step=0, required=required, options=options
    )


def clean(kind: str, value, required: bool = True, **options):
    return build_field(spec(kind, required, **options), required=required).clean(value)


def message(kind: str, value, required: bool = True, **options) -> str:
    with pytest.raises(ValidationError) as caught:
        clean(kind, value, required, **options)
    return " ".join(caught.value.messages)


def test_text_required_and_max_length():
    assert clean("text", "  Bello ") == "Bello"
    assert message("text", "") == "Bitte geben Sie „Feld“ an."
    assert clean("text", "", required=False) == ""
    assert "höchstens 5 Zeichen" in message("text", "Bellissimo", max_length=5)
    field = build_field(spec("text", multiline=True), required=True)
    assert field.widget.__class__.__name__ == "Textarea"


def test_email():
    assert clean("email", "erika@example.org") == "erika@example.org"
    assert message("email", "erika@") == (
        "Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."
    )


@pytest.mark.parametrize("value", ["07251 79-0", "+49 (7251) 79/0", "0170-1234567"])
def test_phone_valid(value):
    assert clean("phone", value) == value


@pytest.mark.parametrize("value", ["0721 abc", "07251;79", "+-"])
def test_phone_invalid(value):
    assert message("phone", value).startswith("Bitte geben Sie eine Telefonnummer an")


def test_date_formats_and_allowed_ranges():
    today = timezone.localdate()
    assert clean("date", "2020-02-29") == datetime.date(2020, 2, 29)
    assert clean("date", "29.02.2020") == datetime.date(2020, 2, 29)
    assert message("date", "31.02.2020") == (
        "Bitte geben Sie ein gültiges Datum an, z. B. 31.12.2025."
    )
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    assert message("date", tomorrow, allowed="past") == (
        "Das Datum darf nicht in der Zukunft liegen."
    )
    assert clean("date", yesterday, allowed="past")
    assert message("date", yesterday, allowed="future") == (
        "Das Datum darf nicht in der Vergangenheit liegen."
    )
    assert clean("date", tomorrow, allowed="future")
    assert clean("date", tomorrow, allowed="any")


@pytest.mark.parametrize(
    ("allowed", "attribute", "absent"),
    [("past", "max", "min"), ("future", "min", "max"), ("any", None, None)],
)
def test_date_picker_offers_only_the_allowed_dates(allowed, attribute, absent):
    html = build_field(spec("date", allowed=allowed), required=True).widget.render("feld", None)
    assert 'type="date"' in html
    if attribute:
        assert f'{attribute}="{timezone.localdate().isoformat()}"' in html
        assert f"{absent}=" not in html
    else:
        assert "min=" not in html and "max=" not in html


def test_number_with_german_comma_and_limits():
    assert clean("number", "2,5") == Decimal("2.5")
    assert clean("number", "3") == Decimal("3")
    assert message("number", "zwei") == "Bitte geben Sie eine Zahl an, z. B. 3 oder 2,5."
    options = {"min_value": Decimal("1"), "max_value": Decimal("10")}
    assert message("number", "0", **options) == "Bitte geben Sie mindestens 1 an."
    assert message("number", "11", **options) == "Bitte geben Sie höchstens 10 an."


def test_choice_and_multiple_choice():
    choices = ["nein", "ja"]
    assert clean("choice", "ja", choices=choices) == "ja"
    assert message("choice", "", choices=choices) == "Bitte wählen Sie bei „Feld“ eine Antwort."
    assert message("choice", "vielleicht", choices=choices) == (
        "Bitte wählen Sie eine der angebotenen Antworten."
    )
    items = ["Sofa", "Schrank", "Matratze"]
    assert clean("multiple_choice", ["Sofa", "Matratze"], choices=items) == ["Sofa", "Matratze"]
    assert message("multiple_choice", [], choices=items) == (
        "Bitte wählen Sie bei „Feld“ mindestens eine Antwort."
    )
    assert message("multiple_choice", ["Auto"], choices=items) == (
        "Bitte wählen Sie eine der angebotenen Antworten."
    )


def test_checkbox_and_consent():
    assert clean("checkbox", "on") is True
    assert clean("checkbox", "", required=False) is False
    assert message("checkbox", "") == "Bitte kreuzen Sie „Feld“ an."
    assert message("consent", "") == (
        "Bitte stimmen Sie der Einwilligung zu, um den Antrag zu stellen."
    )


def test_address():
    value = clean("address", ["Marktplatz 1", "76646", "Bruchsal"])
    assert value == {"street": "Marktplatz 1", "postcode": "76646", "city": "Bruchsal"}
    assert message("address", ["Marktplatz 1", "7664", "Bruchsal"]) == (
        "Bitte eine fünfstellige Postleitzahl angeben."
    )
    assert message("address", ["Marktplatz 1", "", "Bruchsal"]) == (
        "Bitte geben Sie Straße, Postleitzahl und Ort an."
    )
    assert message("address", ["", "", ""]) == "Bitte geben Sie Straße, Postleitzahl und Ort an."
    assert clean("address", ["", "", ""], required=False) is None
    # optional but started: all three parts are needed
    assert message("address", ["Marktplatz 1", "", ""], required=False) == (
        "Bitte geben Sie Straße, Postleitzahl und Ort an."
    )


def test_iban_normalised_and_checked():
    assert clean("iban", "de89370400440532013000") == "DE89 3704 0044 0532 0130 00"
    assert clean("iban", "DE89 3704 0044 0532 0130 00") == "DE89 3704 0044 0532 0130 00"
    assert message("iban", "DE88370400440532013000") == (
        "Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie Ihre Eingabe."
    )
    assert message("iban", "DE8937040044053201300") == (
        "Die IBAN hat nicht die richtige Länge (in Deutschland 22 Zeichen)."
    )
    assert clean("iban", "", required=False) == ""


def test_display_and_storage():
    assert to_storage(spec("date"), datetime.date(2026, 3, 1)) == "2026-03-01"
    assert display(spec("date"), "2026-03-01") == "01.03.2026"
    assert to_storage(spec("number"), Decimal("2.50")) == "2.50"
    assert display(spec("number"), "2.5") == "2,5"
    assert display(spec("checkbox"), False) == "nein"
    assert display(spec("consent"), True) == "erteilt"
    assert display(spec("multiple_choice"), ["Sofa", "Schrank"]) == "Sofa, Schrank"
    address = {"street": "Marktplatz 1", "postcode": "76646", "city": "Bruchsal"}
    assert display(spec("address"), address) == "Marktplatz 1, 76646 Bruchsal"
    assert display(spec("text"), "") == "keine Angabe"
    assert display(spec("file"), None, ["a.pdf", "b.png"]) == "a.pdf, b.png"


# --- conditions -----------------------------------------------------------------------
def dog_step_form(data: dict, answers: dict | None = None) -> StepForm:
    steps = form_steps(ApplicationForm(title="Hund", steps=simple_steps(with_file=False)))
    base = {"hundename": "Bello", "einwilligung": "on"}
    return StepForm(steps[1], all_fields(steps), answers or {}, data={**base, **data})


def test_condition_on_same_step_makes_field_required_only_when_it_holds():
    form = dog_step_form({"gelistet": "ja", "sachkunde": ""})
    assert not form.is_valid()
    assert form.errors["sachkunde"] == ["Bitte geben Sie „Nachweis Sachkunde“ an."]

    form = dog_step_form({"gelistet": "nein", "sachkunde": ""})
    assert form.is_valid(), form.errors


def test_value_of_field_whose_condition_does_not_hold_is_dropped():
    form = dog_step_form({"gelistet": "nein", "sachkunde": "Prüfung 2024"})
    assert form.is_valid()
    assert "sachkunde" not in form.values()
    form = dog_step_form({"gelistet": "ja", "sachkunde": "Prüfung 2024"})
    assert form.is_valid()
    assert form.values()["sachkunde"] == "Prüfung 2024"


def test_same_step_condition_shown_with_hint_for_browsers_without_javascript():
    form = dog_step_form({})
    row = next(row for row in form.rows() if row["spec"].key == "sachkunde")
    assert row["hint"] == "Nur ausfüllen, wenn bei „Rasse gelistet“ „ja“ angegeben ist."


def conditional_on_earlier_step() -> ApplicationForm:
    return ApplicationForm(
        title="Gewerbe",
        steps=[
            {
                "type": "step",
                "value": {
                    "title": "Art",
                    "fields": [
                        {"type": "checkbox", "value": {"label": "Gaststätte", "key": "gast"}},
                    ],
                },
            },
            {
                "type": "step",
                "value": {
                    "title": "Details",
                    "fields": [
                        {
                            "type": "number",
                            "value": {
                                "label": "Sitzplätze",
                                "key": "plaetze",
                                "required": True,
                                "show_if_field": "gast",
                                "show_if_value": "ja",
                            },
                        },
                        {"type": "text", "value": {"label": "Name", "key": "name"}},
                    ],
                },
            },
        ],
    )


def test_condition_on_earlier_step_decided_from_the_stored_answers():
    steps = form_steps(conditional_on_earlier_step())
    specs = all_fields(steps)
    asked = StepForm(steps[1], specs, {"gast": True}, data={"name": "Zur Post"})
    assert "plaetze" in asked.fields
    assert not asked.is_valid()
    assert asked.errors["plaetze"] == ["Bitte geben Sie „Sitzplätze“ an."]
    assert not any(row["hint"] for row in asked.rows())

    skipped = StepForm(steps[1], specs, {"gast": False}, data={"name": "Zur Post"})
    assert "plaetze" not in skipped.fields
    assert skipped.is_valid()
