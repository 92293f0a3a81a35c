"""Block lists that page types combine, and the rules of what is allowed where."""

from __future__ import annotations

from .embeds import MapBlock, VideoBlock
from .links import CallToActionBlock, DownloadsBlock, TeaserCardsBlock
from .media import GalleryBlock, ImageBlock
from .prefetch import PrefetchingStreamBlock
from .reusable import ReusableContentBlock
from .structured import (
    AccordionBlock,
    AddressBlock,
    ContactCardBlock,
    OpeningHoursBlock,
    TableBlock,
)
from .text import HeadingBlock, NoticeBlock, ParagraphBlock, QuoteBlock, TableOfContentsBlock


def text_blocks() -> list[tuple[str, object]]:
    """Text only – for legal pages (Impressum, Datenschutz, Barrierefreiheit)."""
    return [("heading", HeadingBlock()), ("paragraph", ParagraphBlock())]


def reusable_blocks() -> list[tuple[str, object]]:
    """What a shared snippet may hold: everything but nesting and page-level blocks."""
    return [
        *text_blocks(),
        ("notice", NoticeBlock()),
        ("quote", QuoteBlock()),
        ("image", ImageBlock()),
        ("gallery", GalleryBlock()),
        ("teasers", TeaserCardsBlock()),
        ("call_to_action", CallToActionBlock()),
        ("accordion", AccordionBlock()),
        ("contact", ContactCardBlock()),
        ("opening_hours", OpeningHoursBlock()),
        ("downloads", DownloadsBlock()),
        ("table", TableBlock()),
        ("video", VideoBlock()),
        ("map", MapBlock()),
        ("address", AddressBlock()),
    ]


def content_blocks() -> list[tuple[str, object]]:
    """Everything an ordinary content page may hold."""
    return [
        *reusable_blocks(),
        ("table_of_contents", TableOfContentsBlock()),
        ("reusable", ReusableContentBlock()),
    ]


def text_stream() -> PrefetchingStreamBlock:
    return PrefetchingStreamBlock(text_blocks())


def reusable_stream() -> PrefetchingStreamBlock:
    return PrefetchingStreamBlock(reusable_blocks())


def content_stream() -> PrefetchingStreamBlock:
    """Content blocks as one StreamBlock that fetches each model once per stream."""
    return PrefetchingStreamBlock(content_blocks())
