"""Signal handlers: occurrences follow publishing.

Publishing an event rebuilds its dates, unpublishing or deleting clears them
(``vereinsportal.occurrences``).
"""

from __future__ import annotations

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import EventPage, EventStatus
from .signups import service as _signup_service  # noqa: F401 – registers occurrences_dropped


@receiver(page_published, sender=EventPage, dispatch_uid="vereinsportal_event_published")
def event_published(sender, instance: EventPage, **kwargs) -> None:
    from .occurrences import rebuild

    rebuild(instance)
    if instance.status == EventStatus.CANCELLED:
        # the dates stay (marked "abgesagt"), so no row drops out: tell those signed up
        from .signups.service import notify_event_cancelled

        notify_event_cancelled(instance)


@receiver(page_unpublished, sender=EventPage, dispatch_uid="vereinsportal_event_unpublished")
def event_unpublished(sender, instance: EventPage, **kwargs) -> None:
    from .occurrences import clear

    clear(instance)


@receiver(post_delete, sender=EventPage, dispatch_uid="vereinsportal_event_deleted")
def event_deleted(sender, instance: EventPage, **kwargs) -> None:
    # the rows usually went with the page (on_delete=CASCADE); clear whatever is left
    from .occurrences import clear

    clear(instance)
