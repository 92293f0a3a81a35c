"""The rules of signing up for one date (occurrence) of an event.

Whoever signs up or cancels first locks the occurrence row
(``select_for_update``), then counts the confirmed places and writes – so of several
people racing for the last place exactly one gets it (PostgreSQL; SQLite serialises
writers anyway). Places are counted per occurrence: ``capacity`` None is unlimited.

* ``sign_up`` → confirmed if the places fit, else on the waiting list (if the event has
  one), else ``SignupError("Leider ausgebucht.")``. Nothing is stored on an error.
* ``cancel`` (by the token from the mail) frees the places and moves waiting people up
  in the order they signed up: each one whose places fit into what is free is
  confirmed (someone who needs more places than are free keeps their place in the
  queue while a smaller sign-up behind them may move up – the same rule as for a new
  sign-up, which is confirmed whenever its places fit).
* ``occurrences_dropped`` mails everyone still signed up for dates that were cancelled
  or dropped out of the rule ("Termin entfällt"), once per sign-up.

Only a SHA-256 hash of the cancel token is stored; the token itself is only in the mail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from ..models import EventOccurrence, EventPage, Signup, SignupStatus
from ..models.events import EventStatus

ACTIVE = ~Q(status=SignupStatus.CANCELLED)


class SignupError(Exception):
    """A German message for the citizen; nothing was stored."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TokenUnknown(SignupError):
    pass


@dataclass
class Result:
    signup: Signup
    token: str
    position: int | None = None  # on the waiting list: 1, 2, …


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """``(token, hash)``: the token goes into the mail, the hash into the database."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def closes_at(event: EventPage, occurrence: EventOccurrence) -> dt.datetime:
    return occurrence.start - dt.timedelta(hours=event.signup_closes_hours or 0)


def unavailable(event: EventPage, occurrence: EventOccurrence, now=None) -> str | None:
    """Why nobody can sign up for ``occurrence`` now (German), or None."""
    now = now or timezone.now()
    if not event.signup_enabled:
        return _("Für diese Veranstaltung ist keine Anmeldung über das Portal vorgesehen.")
    if not event.live:
        return _("Diese Veranstaltung ist nicht veröffentlicht.")
    if event.status == EventStatus.CANCELLED or occurrence.cancelled:
        return _("Dieser Termin ist abgesagt.")
    if occurrence.start <= now:
        return _("Dieser Termin hat bereits begonnen oder liegt in der Vergangenheit.")
    if now >= closes_at(event, occurrence):
        return _("Der Anmeldeschluss für diesen Termin ist vorbei.")
    return None


def confirmed_places(occurrence_id: int) -> int:
    return (
        Signup.objects.filter(occurrence_id=occurrence_id, status=SignupStatus.CONFIRMED).aggregate(
            total=Sum("places")
        )["total"]
        or 0
    )


def waiting_position(signup: Signup) -> int:
    """1 for the first person on the waiting list of the sign-up's date."""
    return (
        Signup.objects.filter(occurrence_id=signup.occurrence_id, status=SignupStatus.WAITING)
        .filter(
            Q(created_at__lt=signup.created_at) | Q(created_at=signup.created_at, pk__lte=signup.pk)
        )
        .count()
    )


def _locked_occurrence(occurrence_id: int) -> EventOccurrence:
    occurrence = EventOccurrence.objects.select_for_update().filter(pk=occurrence_id).first()
    if occurrence is None:
        raise SignupError(_("Diesen Termin gibt es nicht mehr."))
    return occurrence


def sign_up(
    occurrence: EventOccurrence | int,
    *,
    name: str,
    email: str,
    phone: str = "",
    places: int = 1,
    note: str = "",
    language: str = "",
) -> Result:
    """Sign ``name`` up for ``occurrence``; queues the confirmation (or waiting-list)
    mail in the same transaction. Raises ``SignupError`` – then nothing is stored."""
    from . import mails

    occurrence_id = occurrence if isinstance(occurrence, int) else occurrence.pk
    email = email.strip()
    with transaction.atomic():
        locked = _locked_occurrence(occurrence_id)
        event = EventPage.objects.get(pk=locked.event_id)
        if problem := unavailable(event, locked):
            raise SignupError(problem)
        maximum = event.max_places_per_signup or 1
        if places < 1 or places > maximum:
            raise SignupError(
                ngettext(
                    "Sie können höchstens %(count)d Platz je Anmeldung buchen.",
                    "Sie können höchstens %(count)d Plätze je Anmeldung buchen.",
                    maximum,
                )
                % {"count": maximum}
            )
        if event.capacity is not None and places > event.capacity:
            raise SignupError(
                ngettext(
                    "Für diesen Termin gibt es insgesamt nur %(count)d Platz.",
                    "Für diesen Termin gibt es insgesamt nur %(count)d Plätze.",
                    event.capacity,
                )
                % {"count": event.capacity}
            )
        duplicate = Signup.objects.filter(occurrence=locked, email__iexact=email).filter(ACTIVE)
        if duplicate.exists():
            raise SignupError(_("Sie sind für diesen Termin bereits angemeldet."))
        if event.capacity is None or confirmed_places(locked.pk) + places <= event.capacity:
            status = SignupStatus.CONFIRMED
        elif event.waiting_list:
            status = SignupStatus.WAITING
        else:
            raise SignupError(_("Leider ausgebucht."))
        token, token_hash = new_token()
        try:
            with transaction.atomic():
                signup = Signup.objects.create(
                    occurrence=locked,
                    name=name.strip(),
                    email=email,
                    phone=phone.strip(),
                    places=places,
                    note=note.strip(),
                    status=status,
                    token_hash=token_hash,
                    language=language or get_language() or "",
                )
        except IntegrityError as error:  # the constraint, should two requests slip past
            raise SignupError(_("Sie sind für diesen Termin bereits angemeldet.")) from error
        signup.occurrence = locked
        locked.event = event
        if status == SignupStatus.CONFIRMED:
            mails.send_confirmed(signup, token)
            return Result(signup, token)
        position = waiting_position(signup)
        mails.send_waiting(signup, token, position)
        return Result(signup, token, position)


def find(token: str) -> Signup | None:
    """The sign-up of a cancel link (any status), with its occurrence and event."""
    if not token or len(token) > 100:
        return None
    signup = (
        Signup.objects.select_related("occurrence").filter(token_hash=hash_token(token)).first()
    )
    if signup is not None:
        signup.occurrence.event = EventPage.objects.get(pk=signup.occurrence.event_id)
    return signup


def cancel(token: str) -> tuple[Signup, list[Signup]]:
    """Cancel the sign-up of ``token``; returns it and the people who moved up.
    ``TokenUnknown`` for an unknown token, ``SignupError`` for a used one."""
    from . import mails

    found = find(token)
    if found is None:
        raise TokenUnknown(_("Diesen Abmelde-Link kennen wir nicht."))
    with transaction.atomic():
        occurrence = _locked_occurrence(found.occurrence_id)
        signup = Signup.objects.select_for_update().get(pk=found.pk)
        if signup.status == SignupStatus.CANCELLED:
            raise SignupError(_("Sie haben sich von diesem Termin bereits abgemeldet."))
        if occurrence.end <= timezone.now():
            raise SignupError(_("Dieser Termin ist bereits vorbei."))
        was_confirmed = signup.status == SignupStatus.CONFIRMED
        signup.status = SignupStatus.CANCELLED
        signup.cancelled_at = timezone.now()
        signup.save(update_fields=["status", "cancelled_at"])
        event = found.occurrence.event
        occurrence.event = event
        signup.occurrence = occurrence
        mails.send_cancelled(signup, had_place=was_confirmed)
        promoted = promote_waiting(occurrence, event) if was_confirmed else []
    return signup, promoted


def promote_waiting(occurrence: EventOccurrence, event: EventPage) -> list[Signup]:
    """Move waiting people up while places are free (the caller holds the lock on
    ``occurrence``); each gets a mail with a new cancel link and the ``.ics``."""
    from . import mails

    if occurrence.cancelled or event.status == EventStatus.CANCELLED:
        return []
    if occurrence.start <= timezone.now():
        return []
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - confirmed_places(occurrence.pk)
        if free <= 0:
            return []
    promoted = []
    waiting = Signup.objects.select_for_update().filter(
        occurrence=occurrence, status=SignupStatus.WAITING
    )
    for signup in waiting.order_by("created_at", "pk"):
        if free is not None and signup.places > free:
            continue
        token, token_hash = new_token()
        signup.status = SignupStatus.CONFIRMED
        signup.promoted_at = timezone.now()
        signup.token_hash = token_hash
        signup.save(update_fields=["status", "promoted_at", "token_hash"])
        signup.occurrence = occurrence
        mails.send_promoted(signup, token)
        promoted.append(signup)
        if free is not None:
            free -= signup.places
            if free <= 0:
                break
    return promoted


def occurrences_dropped(event: EventPage | None, occurrences: Iterable[EventOccurrence]) -> int:
    """Handler for ``vereinsportal.occurrences.on_occurrences_dropped`` (called with
    ``(event, occurrences)``): tell everyone still signed up (or waiting) for these
    dates that the date is off – once per sign-up. Returns how many mails were queued."""
    from . import mails

    ids = [occurrence.pk for occurrence in occurrences if occurrence.pk]
    if not ids:
        return 0
    count = 0
    with transaction.atomic():
        signups = (
            Signup.objects.select_for_update()
            .filter(occurrence_id__in=ids, dropped_mailed_at=None)
            .filter(ACTIVE)
            .order_by("occurrence_id", "created_at", "pk")
        )
        events: dict[int, EventPage] = {}
        occurrence_rows = {o.pk: o for o in EventOccurrence.objects.filter(pk__in=ids)}
        for signup in signups:
            occurrence = occurrence_rows.get(signup.occurrence_id)
            if occurrence is None or occurrence.end <= timezone.now():
                continue
            if occurrence.event_id not in events:
                events[occurrence.event_id] = EventPage.objects.get(pk=occurrence.event_id)
            occurrence.event = events[occurrence.event_id]
            signup.occurrence = occurrence
            signup.dropped_mailed_at = timezone.now()
            signup.save(update_fields=["dropped_mailed_at"])
            mails.send_dropped(signup)
            count += 1
    return count


def notify_event_cancelled(event: EventPage) -> int:
    """The whole event was set to "abgesagt": mail everyone signed up for its coming
    dates (once per sign-up – safe to call on every publish)."""
    if event.status != EventStatus.CANCELLED or event.pk is None:
        return 0
    upcoming = list(EventOccurrence.objects.filter(event_id=event.pk, end__gt=timezone.now()))
    return occurrences_dropped(event, upcoming)


def _connect() -> None:
    """Register ``occurrences_dropped`` with the events area (once)."""
    try:
        from .. import occurrences
    except ImportError:  # the events area is not there yet
        return
    handlers = getattr(occurrences, "on_occurrences_dropped", None)
    if handlers is not None and occurrences_dropped not in handlers:
        handlers.append(occurrences_dropped)


_connect()
