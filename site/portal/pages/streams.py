"""Streams of the portal's own page types: the content blocks of ``blocks`` plus the
blocks of the domain apps (the composition root may import them; ``blocks`` may not)."""

from __future__ import annotations

from blocks.prefetch import PrefetchingStreamBlock
from blocks.streams import content_blocks
from sensor_widgets.blocks import (
    SensorAlertsBlock,
    SensorChartBlock,
    SensorMapBlock,
    SensorTableBlock,
    SensorValuesBlock,
)
from vereinsportal.blocks import ClubsBlock, UpcomingEventsBlock


def domain_blocks() -> list[tuple[str, object]]:
    """Blocks that show content of the domain apps (events, clubs, sensor values)."""
    return [
        ("upcoming_events", UpcomingEventsBlock()),
        ("clubs", ClubsBlock()),
        ("sensor_values", SensorValuesBlock()),
        ("sensor_chart", SensorChartBlock()),
        ("sensor_map", SensorMapBlock()),
        ("sensor_table", SensorTableBlock()),
        ("sensor_alerts", SensorAlertsBlock()),
    ]


def page_stream() -> PrefetchingStreamBlock:
    """Body of the home pages and content pages: content blocks and domain blocks."""
    return PrefetchingStreamBlock([*content_blocks(), *domain_blocks()])
