"""Streams of the portal's own page types: the content blocks of ``blocks`` plus the
blocks of the domain apps (the composition root may import them; ``blocks`` may not)."""

from __future__ import annotations

from blocks.prefetch import PrefetchingStreamBlock
from blocks.streams import content_blocks
from vereinsportal.blocks import ClubsBlock, UpcomingEventsBlock


def domain_blocks() -> list[tuple[str, object]]:
    """Blocks that show content of the domain apps (events, clubs)."""
    return [("upcoming_events", UpcomingEventsBlock()), ("clubs", ClubsBlock())]


def page_stream() -> PrefetchingStreamBlock:
    """Body of the home pages and content pages: content blocks and domain blocks."""
    return PrefetchingStreamBlock([*content_blocks(), *domain_blocks()])
