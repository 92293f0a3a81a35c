"""Block lists that page types combine. Rules of what is allowed where live here."""

from __future__ import annotations

from .media import ImageBlock
from .text import HeadingBlock, NoticeBlock, ParagraphBlock, QuoteBlock


def text_blocks() -> list[tuple[str, object]]:
    """Text only – for legal pages (Impressum, Datenschutz, Barrierefreiheit)."""
    return [("heading", HeadingBlock()), ("paragraph", ParagraphBlock())]


def content_blocks() -> list[tuple[str, object]]:
    """Everything an ordinary content page may hold."""
    return [
        *text_blocks(),
        ("notice", NoticeBlock()),
        ("quote", QuoteBlock()),
        ("image", ImageBlock()),
    ]
