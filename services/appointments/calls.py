"""Walk-in tickets and the call display (Aufrufanzeige).

Staff issue a numbered ticket per office and day and call the next one to a counter;
every call is pushed to the office's display over the channel layer (WebSocket, group
``calls.<office id>``). Live push is best effort – the database is the truth and the
display also polls :func:`board` as JSON.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from ..models import BookableOffice, Counter, Ticket, TicketStatus

SHOWN_CALLS = 6
logger = logging.getLogger(__name__)


def group_name(office_id: int) -> str:
    return f"calls.{office_id}"


def issue_ticket(office: BookableOffice, service_name: str = "") -> Ticket:
    """The next number of the day (safe when two counters issue at once)."""
    today = timezone.localdate()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                last = Ticket.objects.filter(office=office, day=today).aggregate(n=Max("number"))
                return Ticket.objects.create(
                    office=office,
                    day=today,
                    number=(last["n"] or 0) + 1,
                    service_name=service_name[:200],
                )
        except IntegrityError:
            continue
    raise RuntimeError("no ticket number after 5 attempts")


def call_next(office: BookableOffice, counter: Counter) -> Ticket | None:
    """Call the longest-waiting ticket of today to ``counter``; None if nobody waits."""
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(skip_locked=True)
            .filter(office=office, day=timezone.localdate(), status=TicketStatus.WAITING)
            .order_by("number")
            .first()
        )
        if ticket is None:
            return None
        ticket.status = TicketStatus.CALLED
        ticket.counter = counter
        ticket.called_at = timezone.now()
        ticket.save(update_fields=["status", "counter", "called_at"])
        transaction.on_commit(lambda: announce(office.pk))
    return ticket


def board(office_id: int) -> dict:
    """What the display shows: the latest calls (number → counter) and how many wait."""
    today = timezone.localdate()
    tickets = Ticket.objects.filter(office_id=office_id, day=today)
    called = (
        tickets.filter(status__in=[TicketStatus.CALLED, TicketStatus.DONE])
        .exclude(called_at=None)
        .select_related("counter")
        .order_by("-called_at")[:SHOWN_CALLS]
    )
    return {
        "calls": [
            {
                "number": ticket.number,
                "counter": ticket.counter.name if ticket.counter else "",
                "called_at": timezone.localtime(ticket.called_at).strftime("%H:%M"),
            }
            for ticket in called
        ],
        "waiting": tickets.filter(status=TicketStatus.WAITING).count(),
    }


def announce(office_id: int) -> None:
    """Push the board to the office's displays (best effort)."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(
            group_name(office_id), {"type": "board.update", "board": board(office_id)}
        )
    except Exception:  # Redis down: the displays poll and catch up
        logger.warning("call display push failed", exc_info=True)
