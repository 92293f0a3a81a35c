"""Every block renders its preview value and with empty optional fields; its stored
form and its API representation survive a JSON round trip."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.core.serializers.json import DjangoJSONEncoder
from wagtail import blocks as wagtail_blocks

from blocks.streams import content_blocks

ALL_BLOCKS = dict(content_blocks())
# blocks whose preview needs a snippet that only the test creates
NEEDS_SNIPPET = {"contact", "reusable"}


def preview_value(name, block, media):
    if name == "contact":
        return block.to_python({"contact": media["contact"].pk, "heading": "Kontakt"})
    if name == "reusable":
        from blocks.models import ReusableContent

        snippet = ReusableContent.objects.create(
            title="Hinweis Online-Dienste",
            body=[{"type": "paragraph", "value": "<p>Viele Anliegen erledigen Sie online.</p>"}],
        )
        return block.to_python({"content": snippet.pk})
    return block.get_preview_value()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_block_has_label_icon_template_description_and_preview(name, media):
    block = ALL_BLOCKS[name]
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert block.meta.template, name
    assert str(block.meta.description), name
    assert str(block.label), name
    if name not in NEEDS_SNIPPET:
        assert block.get_preview_value() is not None, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_block_renders_its_preview_value(name, media):
    block = ALL_BLOCKS[name]
    value = preview_value(name, block, media)

    html = block.render(value, context={"page": None})

    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    if name != "table_of_contents":  # lists headings of a page; none here
        assert text, name
    assert "None" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_block_value_and_api_representation_round_trip_through_json(name, media):
    block = ALL_BLOCKS[name]
    value = preview_value(name, block, media)

    def to_json(native):
        return json.loads(json.dumps(block.get_prep_value(native), cls=DjangoJSONEncoder))

    stored = to_json(block.to_python(to_json(value)))  # as the database holds it
    again = block.to_python(stored)

    assert json.dumps(block.get_prep_value(again), cls=DjangoJSONEncoder) == json.dumps(
        stored, cls=DjangoJSONEncoder
    )
    api = block.get_api_representation(again)
    assert json.loads(json.dumps(api, cls=DjangoJSONEncoder)) is not None


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_block_renders_with_empty_optional_fields(name, media):
    block = ALL_BLOCKS[name]
    if not isinstance(block, wagtail_blocks.StructBlock):  # the text block: nothing optional
        html = block.render(block.to_python("<p>Nur Text.</p>"))
        assert BeautifulSoup(html, "html.parser").get_text(strip=True) == "Nur Text."
        return
    full = block.get_prep_value(preview_value(name, block, media))
    minimal = {
        key: raw
        for key, raw in full.items()
        if block.child_blocks[key].required
        or getattr(block.child_blocks[key].meta, "min_num", None)
    }

    html = block.render(block.to_python(minimal), context={"page": None})

    assert "None" not in BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
