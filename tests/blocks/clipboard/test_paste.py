"""Pasting a block from the clipboard into another page: a new draft revision, never
a change to the live page; checks of the block type, the position and permissions."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageLogEntry, Revision

from blocks.clipboard.models import ClipboardItem
from portal.pages.models import ContentPage, LegalPage

from . import (
    content_page,
    copy_block,
    copy_url,
    heading,
    login,
    notice,
    paragraph,
    paste_item_url,
    paste_url,
    text_of,
    town_root,
    user,
)

pytestmark = pytest.mark.django_db


def revision_count(page) -> int:
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def paste(client, page, item, field_name="body", position="end", follow=True):
    data = {f"item-{item.pk}-field_name": field_name, f"item-{item.pk}-position": position}
    return client.post(paste_item_url(page, item), data, follow=follow)


def test_copy_paragraph_and_paste_it_after_block_two_as_draft():
    source = content_page(
        body=[heading("Müllabfuhr"), paragraph("Die Tonnen werden dienstags geleert.")]
    )
    target = content_page(
        body=[heading("Abfall"), paragraph("Allgemeines"), paragraph("Sperrmüll"), heading("Ende")]
    )
    live_before = ContentPage.objects.get(pk=target.pk).body.raw_data[:]
    old_ids = {block.id for block in target.body}
    client = login("redaktion.bruchsal")

    copy_block(client, source, 1)
    item = ClipboardItem.objects.get(user=user("redaktion.bruchsal"))

    listing = client.get(paste_url(target))
    assert listing.status_code == 200
    assert "Die Tonnen werden dienstags geleert." in text_of(listing)
    soup = BeautifulSoup(listing.content, "html.parser")
    options = [
        o.get_text(" ", strip=True) for o in soup.select(f"#id_item-{item.pk}-position option")
    ]
    assert options[:2] == ["am Anfang", "am Ende"]
    assert options[3].startswith("nach Block 2: Text")
    field_options = [o["value"] for o in soup.select(f"#id_item-{item.pk}-field_name option")]
    assert field_options == ["body"]

    response = paste(client, target, item, position="body:2")

    assert response.redirect_chain[-1][0] == f"/admin/pages/{target.pk}/edit/"
    assert "Block eingefügt. Bitte prüfen und veröffentlichen." in text_of(response)
    target.refresh_from_db()
    draft = target.get_latest_revision_as_object()
    assert [b.block_type for b in draft.body] == [
        "heading",
        "paragraph",
        "paragraph",
        "paragraph",
        "heading",
    ]
    pasted = draft.body[2]
    assert pasted.value.source == "<p>Die Tonnen werden dienstags geleert.</p>"
    assert pasted.id and pasted.id not in old_ids
    assert pasted.id != source.body[1].id
    assert draft.body[3].value.source == "<p>Sperrmüll</p>"

    live = ContentPage.objects.get(pk=target.pk)
    assert live.body.raw_data[:] == live_before
    assert live.live and live.has_unpublished_changes
    revision = target.latest_revision
    assert revision.user == user("redaktion.bruchsal")
    assert PageLogEntry.objects.filter(
        page=target, action="wagtail.edit", user=user("redaktion.bruchsal"), revision=revision
    ).exists()


@pytest.mark.parametrize(
    ("position", "expected"),
    [("start", ["notice", "heading", "paragraph"]), ("end", ["heading", "paragraph", "notice"])],
)
def test_paste_at_start_or_end(position, expected):
    source = content_page(body=[notice("Achtung", "Rathaus geschlossen")])
    target = content_page(body=[heading("Titel"), paragraph("Text")])
    client = login("redaktion.region")
    copy_block(client, source, 0)
    item = ClipboardItem.objects.get(user=user("redaktion.region"))

    paste(client, target, item, position=position)

    draft = ContentPage.objects.get(pk=target.pk).get_latest_revision_as_object()
    assert [b.block_type for b in draft.body] == expected


def test_notice_is_refused_on_a_legal_page():
    source = content_page(body=[notice("Achtung", "Rathaus geschlossen")])
    legal = LegalPage.objects.descendant_of(town_root("bruchsal")).first()
    revisions_before = revision_count(legal)
    body_before = legal.body.raw_data[:]
    client = login("redaktion.bruchsal")
    copy_block(client, source, 0)
    item = ClipboardItem.objects.get(user=user("redaktion.bruchsal"))

    listing = client.get(paste_url(legal))
    assert "Der Block „Hinweiskasten“ ist auf Seiten vom Typ „Rechtliche Seite“ nicht erlaubt." in (
        text_of(listing)
    )
    response = paste(client, legal, item, follow=False)

    assert response.status_code == 200
    assert "Der Block wurde nicht eingefügt." in text_of(response)
    errors = BeautifulSoup(response.content, "html.parser").select(".error")
    assert any(
        "Der Block „Hinweiskasten“ ist auf Seiten vom Typ „Rechtliche Seite“ nicht erlaubt."
        in e.get_text()
        for e in errors
    )
    assert revision_count(legal) == revisions_before
    assert LegalPage.objects.get(pk=legal.pk).body.raw_data[:] == body_before


def test_invalid_block_value_shows_the_blocks_errors():
    target = content_page(body=[paragraph("Text")])
    item = ClipboardItem.objects.create(
        user=user("redaktion.bruchsal"),
        field_name="body",
        block_type="notice",
        block_label="Hinweiskasten",
        value={"type": "notice", "value": {"kind": "info", "title": "Ohne Text", "text": ""}},
    )
    revisions_before = revision_count(target)

    response = paste(login("redaktion.bruchsal"), target, item, follow=False)

    assert response.status_code == 200
    assert "Der Block „Hinweiskasten“ ist hier nicht gültig: Text:" in text_of(response)
    assert revision_count(target) == revisions_before


@pytest.mark.parametrize(
    ("field_name", "position"),
    [("body", "body:99"), ("body", "drei"), ("body", ""), ("gibt-es-nicht", "end")],
)
def test_bad_position_or_field_is_a_form_error(field_name, position):
    source = content_page(body=[paragraph("Kopie")])
    target = content_page(body=[paragraph("Eins"), paragraph("Zwei")])
    client = login("redaktion.bruchsal")
    copy_block(client, source, 0)
    item = ClipboardItem.objects.get(user=user("redaktion.bruchsal"))
    revisions_before = revision_count(target)

    response = paste(client, target, item, field_name=field_name, position=position, follow=False)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(f"#item-{item.pk}-title ~ form .error-message")
    assert "Der Block wurde nicht eingefügt." in text_of(response)
    assert revision_count(target) == revisions_before


def test_town_editor_cannot_paste_into_another_town():
    own = content_page(body=[paragraph("Bruchsal")])
    rastatt_page = content_page("rastatt", body=[paragraph("Rastatt")])
    client = login("redaktion.bruchsal")
    copy_block(client, own, 0)
    item = ClipboardItem.objects.get(user=user("redaktion.bruchsal"))
    revisions_before = revision_count(rastatt_page)

    assert client.get(paste_url(rastatt_page)).status_code == 404
    assert client.get(copy_url(rastatt_page)).status_code == 404
    assert paste(client, rastatt_page, item, follow=False).status_code == 404
    assert revision_count(rastatt_page) == revisions_before


def test_another_users_clipboard_item_is_404():
    page = content_page(body=[paragraph("Geheim")])
    target = content_page(body=[paragraph("Ziel")])
    copy_block(login("redaktion.region"), page, 0)
    foreign = ClipboardItem.objects.get(user=user("redaktion.region"))
    client = login("redaktion.bruchsal")

    listing = client.get(paste_url(target))
    assert "Geheim" not in text_of(listing)
    assert "Ihre Zwischenablage ist leer." in text_of(listing)
    assert paste(client, target, foreign, follow=False).status_code == 404
    delete_url = f"/admin/block-clipboard/items/{foreign.pk}/delete/"
    assert client.post(delete_url).status_code == 404
    assert ClipboardItem.objects.filter(pk=foreign.pk).exists()
    assert revision_count(target) == 0


def test_clipboard_lists_newest_first():
    page = content_page(body=[paragraph("Erster Block"), paragraph("Zweiter Block")])
    client = login("redaktion.bruchsal")
    copy_block(client, page, 0)
    copy_block(client, page, 1)
    target = content_page(body=[heading("Ziel")])

    text = text_of(client.get(paste_url(target)))

    assert text.index("Zweiter Block") < text.index("Erster Block")
