"""Keep ``EventOccurrence`` rows in step with an event's rule.

``rebuild(event)`` runs when an event is published (``vereinsportal.signals``) and by the
nightly job for open-ended rules; ``clear(event)`` when it is unpublished or deleted.
Both use a fixed handful of queries, however many dates an event has.

A date that drops out (rule or exceptions changed, event unpublished) is deleted –
unless people signed up for it: then the row stays, marked ``cancelled``, and the
callables in ``on_occurrences_dropped`` are called with ``(event, occurrences)`` so the
sign-up code can tell them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from .models import EventOccurrence, EventPage, Signup, SignupStatus
from .recurrence import expand

on_occurrences_dropped: list[Callable[[EventPage, list[EventOccurrence]], None]] = []

COPIED_FIELDS = ("site_id", "club_id", "end", "all_day", "is_free", "wheelchair_accessible")


def _copied(event: EventPage, end) -> dict:
    return {
        "site_id": event.town_site_id,
        "club_id": event.club_id,
        "end": end,
        "all_day": event.all_day,
        "is_free": event.is_free,
        "wheelchair_accessible": event.wheelchair_accessible,
    }


def _key(moment) -> float:
    return moment.timestamp()


def rebuild(event: EventPage) -> list[EventOccurrence]:
    """Make the event's rows match ``expand(event)``; return rows newly cancelled because
    their date dropped out while people were signed up. A non-live event is cleared."""
    if not event.live:
        return clear(event)
    wanted = {_key(start): (start, end) for start, end in expand(event)}
    with transaction.atomic():
        existing = list(EventOccurrence.objects.filter(event_id=event.pk))
        by_key = {_key(row.start): row for row in existing}
        new_rows, changed = [], []
        for key, (start, end) in wanted.items():
            values = _copied(event, end)
            row = by_key.get(key)
            if row is None:
                new_rows.append(EventOccurrence(event_id=event.pk, start=start, **values))
                continue
            if any(getattr(row, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(row, name, value)
                changed.append(row)
        if new_rows:
            EventOccurrence.objects.bulk_create(new_rows)
        if changed:
            EventOccurrence.objects.bulk_update(
                changed, [f.removesuffix("_id") for f in COPIED_FIELDS]
            )
        dropped = [row for key, row in by_key.items() if key not in wanted]
        newly_cancelled = _drop(dropped)
    _notify(event, newly_cancelled)
    return newly_cancelled


def clear(event: EventPage) -> list[EventOccurrence]:
    """Remove every date of ``event`` (keeping, cancelled, those with sign-ups)."""
    if event.pk is None:
        return []
    with transaction.atomic():
        newly_cancelled = _drop(list(EventOccurrence.objects.filter(event_id=event.pk)))
    _notify(event, newly_cancelled)
    return newly_cancelled


def _drop(rows: list[EventOccurrence]) -> list[EventOccurrence]:
    if not rows:
        return []
    ids = [row.pk for row in rows]
    with_signups = set(
        Signup.objects.filter(occurrence_id__in=ids)
        .exclude(status=SignupStatus.CANCELLED)
        .values_list("occurrence_id", flat=True)
        .distinct()
    )
    keep = [row for row in rows if row.pk in with_signups]
    newly_cancelled = [row for row in keep if not row.cancelled]
    if newly_cancelled:
        EventOccurrence.objects.filter(pk__in=[row.pk for row in newly_cancelled]).update(
            cancelled=True
        )
        for row in newly_cancelled:
            row.cancelled = True
    delete_ids = [row.pk for row in rows if row.pk not in with_signups]
    if delete_ids:
        EventOccurrence.objects.filter(pk__in=delete_ids).delete()
    return newly_cancelled


def _notify(event: EventPage, rows: list[EventOccurrence]) -> None:
    if not rows:
        return
    for callback in list(on_occurrences_dropped):
        callback(event, rows)
