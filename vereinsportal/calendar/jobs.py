"""Periodic jobs of the calendar (collected by ``vereinsportal.scheduled``)."""

from __future__ import annotations

import logging

from ..models import EventPage
from ..occurrences import rebuild
from ..recurrence import is_open_ended

logger = logging.getLogger(__name__)


def extend_horizons() -> str:
    """Rebuild the dates of open-ended recurring live events, so the horizon
    (``VEREINE_OCCURRENCE_HORIZON_DAYS`` ahead) moves on day by day. Returns how many
    events were rebuilt (as text, like every job)."""
    count = 0
    events = EventPage.objects.live().exclude(recurrence="").iterator(chunk_size=200)
    for event in events:
        if is_open_ended(event):
            rebuild(event)
            count += 1
    logger.info("extend_horizons: %d open-ended events rebuilt", count)
    return f"{count} open-ended events rebuilt"


JOBS = [extend_horizons]
