"""The regional service description: LeiKa key, synonyms, sections."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from services.leika import formatted, validate_leika

from .factories import LeistungFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["99115001001000", "991 150 010 01000", "99115.001.001.000"])
def test_valid_leika_keys_written_in_any_grouping(key):
    validate_leika(key)


@pytest.mark.parametrize(
    "key", ["", "9911500100100", "991150010010001", "9911500100100X", "00015001001000"]
)
def test_invalid_leika_keys_are_refused_in_german(key):
    with pytest.raises(ValidationError) as error:
        validate_leika(key)
    assert "Leistungs" in error.value.messages[0]


def test_full_clean_stores_the_key_without_spaces():
    leistung = LeistungFactory.build(name="Hund anmelden X", leika_key="99108 011 001 000")
    leistung.full_clean()
    assert leistung.leika_key == "99108011001000"
    assert formatted(leistung.leika_key) == "99108011 001 000"


def test_full_clean_names_the_field_of_a_bad_key():
    leistung = LeistungFactory.build(name="Hund anmelden Y", leika_key="123")
    with pytest.raises(ValidationError) as error:
        leistung.full_clean()
    assert "leika_key" in error.value.message_dict


def test_synonyms_one_per_line():
    leistung = LeistungFactory.build(synonyms="Hundesteuer\n\n  Hundemarke \n")
    assert leistung.synonym_list == ["Hundesteuer", "Hundemarke"]
