"""Bad input in the editor gets a field error in German, naming what to do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from blocks.embeds import MapBlock, VideoBlock
from blocks.links import CallToActionBlock, TeaserCardBlock
from blocks.media import ImageBlock
from blocks.structured import AddressBlock, OpeningExceptionBlock, OpeningPeriodBlock, TableBlock


def errors_of(block, raw) -> dict[str, str]:
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(raw))
    return {name: words(errors) for name, errors in caught.value.block_errors.items()}


def words(errors) -> str:
    if isinstance(errors, ValidationError):
        return " ".join(errors.messages)
    return " ".join(words(e) if isinstance(e, ValidationError) else str(e) for e in errors)


@pytest.mark.django_db
def test_image_without_alt_text_is_refused_unless_decorative(media):
    block = ImageBlock()
    raw = {"image": media["image"].pk, "alt_text": " ", "decorative": False}

    assert "Alternativtext" in errors_of(block, raw)["alt_text"]
    assert block.clean(block.to_python({**raw, "decorative": True}))["decorative"] is True


@pytest.mark.django_db
def test_teaser_card_needs_exactly_one_target():
    block = TeaserCardBlock()
    assert "entweder eine Seite" in errors_of(block, {"page": None, "url": ""})["url"]
    from wagtail.models import Page

    page = Page.objects.filter(depth=2).first()
    both = {"page": page.pk, "url": "https://www.service-bw.de/"}
    assert "entweder eine Seite" in errors_of(block, both)["url"]


def test_call_to_action_refuses_an_invalid_address():
    raw = {"title": "Termin", "button_label": "Buchen", "url": "keine adresse"}
    assert errors_of(CallToActionBlock(), raw)["url"]


def test_video_accepts_only_youtube_or_vimeo():
    raw = {"url": "https://example.org/film.mp4", "title": "Film"}
    assert "YouTube- oder Vimeo" in errors_of(VideoBlock(), raw)["url"]
    ok = {"url": "https://youtu.be/aqz-KE-bpKQ", "title": "Film"}
    assert VideoBlock().clean(VideoBlock().to_python(ok))["title"] == "Film"


def test_map_refuses_coordinates_outside_the_globe():
    raw = {"title": "Rathaus", "latitude": 120, "longitude": 8.2, "zoom": 16}
    assert errors_of(MapBlock(), raw)["latitude"]


def test_opening_period_must_end_after_it_begins():
    raw = {"weekdays": ["0"], "opens": "12:00", "closes": "08:00"}
    assert "nach dem Beginn" in errors_of(OpeningPeriodBlock(), raw)["closes"]


def test_opening_exception_needs_times_or_closed():
    raw = {"date": dt.date(2026, 12, 24).isoformat(), "closed": False}
    assert "geschlossen" in errors_of(OpeningExceptionBlock(), raw)["closes"]


def test_address_needs_a_five_digit_postcode():
    raw = {"street": "Marktplatz 1", "postcode": "7643", "city": "Rastatt"}
    assert "fünfstellige" in errors_of(AddressBlock(), raw)["postcode"]


def test_table_needs_a_caption():
    raw = {"caption": "", "table": {"data": [["a"]]}}
    assert errors_of(TableBlock(), raw)["caption"]
