"""Copying blocks to the clipboard: listing, storing, limits, clearing, permissions."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from blocks.clipboard.models import MAX_ITEMS_PER_USER, ClipboardItem
from portal.pages.models import IndexPage

from . import (
    content_page,
    copy_block,
    copy_url,
    heading,
    login,
    notice,
    paragraph,
    paste_url,
    text_of,
    town_root,
    user,
)

pytestmark = pytest.mark.django_db


def test_copy_view_lists_blocks_of_the_latest_revision():
    page = content_page(
        body=[heading("Öffnungszeiten"), paragraph("Montag bis Freitag von 8 bis 12 Uhr.")]
    )
    draft = page.get_latest_revision_as_object()
    draft.body.append(("paragraph", "<p>Nur im Entwurf: Samstag geschlossen.</p>"))
    draft.save_revision(user=user("redaktion.bruchsal"))

    response = login("redaktion.bruchsal").get(copy_url(page))

    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    cells = [[" ".join(td.get_text(" ").split()) for td in row.select("td")[:3]] for row in rows]
    assert cells == [
        ["1", "Überschrift", "Öffnungszeiten Zwischenüberschrift (H2)"],
        ["2", "Text", "Montag bis Freitag von 8 bis 12 Uhr."],
        ["3", "Text", "Nur im Entwurf: Samstag geschlossen."],
    ]
    assert all(row.select_one("form[method=post] button[type=submit]") for row in rows)
    assert "In die Zwischenablage" in text_of(response)


def test_copy_stores_the_raw_block_with_its_source():
    page = content_page(body=[heading("Zuständigkeit"), notice("Achtung", "Baustelle am Markt")])
    client = login("redaktion.bruchsal")

    response = copy_block(client, page, 1)

    assert "Block „Hinweiskasten“ liegt in der Zwischenablage." in text_of(response)
    item = ClipboardItem.objects.get(user=user("redaktion.bruchsal"))
    assert item.page_id == page.pk
    assert item.page_title == page.title
    assert (item.field_name, item.block_type, item.block_label) == (
        "body",
        "notice",
        "Hinweiskasten",
    )
    assert "Baustelle am Markt" in item.summary
    assert item.value == {
        "type": "notice",
        "value": {"kind": "warning", "title": "Achtung", "text": "Baustelle am Markt"},
    }


def test_summary_is_short_plain_text():
    long_text = "Sehr langer Text mit <strong>Auszeichnung</strong>. " * 20
    page = content_page(body=[paragraph(long_text)])

    copy_block(login("redaktion.bruchsal"), page, 0)

    summary = ClipboardItem.objects.get(user=user("redaktion.bruchsal")).summary
    assert len(summary) <= 120
    assert "<" not in summary
    assert summary.startswith("Sehr langer Text mit Auszeichnung.")


def test_copying_a_block_that_is_gone_changes_nothing():
    page = content_page(body=[paragraph("Einziger Block")])
    client = login("redaktion.bruchsal")

    for data in (
        {"field_name": "body", "index": 5},
        {"field_name": "body", "index": "zwei"},
        {"field_name": "gibt-es-nicht", "index": 0},
        {"field_name": "body", "index": 0, "block_id": "veraltet"},
    ):
        response = client.post(copy_url(page), data, follow=True)
        assert response.status_code == 200
        shown = text_of(response)
        assert "nicht kopiert werden" in shown or "Diesen Block gibt es nicht mehr" in shown
        assert "liegt in der Zwischenablage" not in shown

    assert not ClipboardItem.objects.filter(user=user("redaktion.bruchsal")).exists()


def test_clipboard_keeps_the_newest_twenty():
    page = content_page(body=[paragraph("Immer wieder kopiert")])
    client = login("redaktion.bruchsal")

    copy_block(client, page, 0)
    oldest = ClipboardItem.objects.get(user=user("redaktion.bruchsal"))
    for _ in range(MAX_ITEMS_PER_USER):
        assert copy_block(client, page, 0).status_code == 200

    items = ClipboardItem.objects.filter(user=user("redaktion.bruchsal"))
    assert items.count() == 20
    assert not items.filter(pk=oldest.pk).exists()


def test_clear_and_delete_only_touch_own_items():
    page = content_page(body=[paragraph("Eins"), paragraph("Zwei")])
    bruchsal, region = login("redaktion.bruchsal"), login("redaktion.region")
    copy_block(bruchsal, page, 0)
    copy_block(bruchsal, page, 1)
    copy_block(region, page, 0)
    first, second = ClipboardItem.objects.filter(user__username="redaktion.bruchsal")

    response = bruchsal.post(
        reverse("block_clipboard:delete_item", args=[first.pk]),
        {"next": paste_url(page)},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == paste_url(page)
    assert "aus der Zwischenablage entfernt" in text_of(response)
    assert list(ClipboardItem.objects.filter(user__username="redaktion.bruchsal")) == [second]

    response = bruchsal.post(
        reverse("block_clipboard:clear"), {"next": paste_url(page)}, follow=True
    )
    assert "Zwischenablage geleert." in text_of(response)
    assert "Ihre Zwischenablage ist leer." in text_of(response)
    assert not ClipboardItem.objects.filter(user__username="redaktion.bruchsal").exists()
    assert ClipboardItem.objects.filter(user__username="redaktion.region").count() == 1

    assert bruchsal.get(reverse("block_clipboard:clear")).status_code == 405


def test_town_editor_cannot_copy_from_another_town():
    rastatt_page = content_page("rastatt", body=[paragraph("Rastatter Inhalt")])
    client = login("redaktion.bruchsal")

    assert client.get(copy_url(rastatt_page)).status_code == 404
    response = client.post(copy_url(rastatt_page), {"field_name": "body", "index": 0})
    assert response.status_code == 404
    assert not ClipboardItem.objects.filter(user__username="redaktion.bruchsal").exists()


def test_unknown_page_is_404():
    missing = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    client = login("redaktion.region")
    assert client.get(reverse("block_clipboard:copy", args=[missing])).status_code == 404
    assert client.get(reverse("block_clipboard:paste", args=[missing])).status_code == 404


def test_header_buttons_on_the_edit_view():
    page = content_page(body=[paragraph("Mit Knöpfen")])

    response = login("redaktion.bruchsal").get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    copy_link = soup.select_one(f"a[href='{copy_url(page)}']")
    paste_link = soup.select_one(f"a[href='{paste_url(page)}']")
    assert copy_link is not None and "Blöcke kopieren" in copy_link.get_text()
    assert paste_link is not None and "Block einfügen" in paste_link.get_text()


def test_no_header_buttons_on_pages_without_streamfields():
    index = IndexPage.objects.descendant_of(town_root("bruchsal")).first()

    response = login("redaktion.bruchsal").get(f"/admin/pages/{index.pk}/edit/")

    assert response.status_code == 200
    assert copy_url(index) not in response.content.decode()
