from __future__ import annotations

from bs4 import BeautifulSoup

from blocks.streams import content_blocks, text_blocks
from blocks.text import HeadingBlock, NoticeBlock, ParagraphBlock, QuoteBlock


def render(block, value) -> BeautifulSoup:
    return BeautifulSoup(block.render(block.to_python(value)), "html.parser")


def test_heading_gets_an_anchor_from_its_text():
    soup = render(HeadingBlock(), {"text": "Öffnungszeiten & Anfahrt", "level": "h2"})
    assert soup.h2["id"] == "offnungszeiten-anfahrt"
    assert soup.h2.get_text() == "Öffnungszeiten & Anfahrt"
    soup = render(HeadingBlock(), {"text": "Kosten", "level": "h3", "anchor": "gebuehren"})
    assert soup.h3["id"] == "gebuehren"


def test_notice_states_its_kind_in_words_not_only_colour():
    soup = render(NoticeBlock(), {"kind": "warning", "title": "", "text": "Baustelle"})
    aside = soup.select_one("aside.notice--warning")
    assert aside["aria-label"] == "Warnung"
    assert aside.select_one(".notice__title").get_text() == "Warnung"
    danger = render(NoticeBlock(), {"kind": "danger", "title": "Hochwasser", "text": "x"})
    assert danger.select_one("aside")["role"] == "alert"


def test_quote_and_paragraph_render():
    soup = render(QuoteBlock(), {"text": "Gemeinsam digital.", "attribution": "re@di"})
    assert soup.blockquote.get_text(strip=True) == "Gemeinsam digital."
    assert "re@di" in soup.figcaption.get_text()
    html = ParagraphBlock().render(ParagraphBlock().to_python("<p>Hallo <b>Welt</b></p>"))
    assert "<b>Welt</b>" in html


def test_every_block_has_a_label_icon_and_a_preview_or_description():
    for name, block in content_blocks():
        assert block.meta.icon, name
        assert block.meta.template, name
        assert str(block.meta.description), name
    assert [name for name, _ in text_blocks()] == ["heading", "paragraph"]


def test_heading_api_representation_carries_the_anchor():
    block = HeadingBlock()
    data = block.get_api_representation(block.to_python({"text": "Kontakt", "level": "h2"}))
    assert data["anchor"] == "kontakt"
