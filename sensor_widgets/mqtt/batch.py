"""One batch of MQTT messages → observations, in one database transaction.

For every message: parse it (``messages``), find the device by DevEUI (cached), skip an
uplink already taken in (``Uplink.key``), decode the bytes with the device's decoder
(unless the network server sent decoded values), check each value against the
datastream of the Thing with the same key – then store everything together, remember
the uplinks, and count per device.

Counting (what staff see in the admin): ``accepted`` = values that passed the checks,
``rejected`` = values that failed them plus messages that could not be read at all;
``last_error`` says why. Messages without a known device go to ``IntakeProblem``
(source ``mqtt``, identified by DevEUI or, when even that is missing, by topic).
Decoded values without a datastream are ignored; each device's first such key is noted
once in ``last_error`` (a hint for staff to add a datastream or change the decoder) –
except the decoder's ``optional`` keys (battery and the like).

A database error propagates: the caller retries the whole batch and acknowledges
nothing until it has been committed.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from .. import decoders
from ..intake import ReadingError, check, store
from ..intake.auth import storable
from ..models import Datastream, Device, IntakeProblem, Uplink
from .messages import MessageError, parse

logger = logging.getLogger(__name__)
SOURCE = IntakeProblem.Source.MQTT
LOOKUP_CHUNK = 500


@dataclass(slots=True)
class Entry:
    device: Device
    streams: dict[str, Datastream]


class DeviceCache:
    """Devices by DevEUI with their datastreams by key, kept ``ttl`` seconds (so changes
    in the admin – a new device, another range – count within that time)."""

    def __init__(self, ttl: float = 30.0):
        self.ttl = ttl
        self._entries: dict[str, tuple[float, Entry | None]] = {}

    def clear(self) -> None:
        self._entries.clear()

    def lookup(self, dev_euis: set[str]) -> dict[str, Entry | None]:
        now = time.monotonic()
        found: dict[str, Entry | None] = {}
        missing = []
        for dev_eui in dev_euis:
            cached = self._entries.get(dev_eui)
            if cached and now - cached[0] < self.ttl:
                found[dev_eui] = cached[1]
            else:
                missing.append(dev_eui)
        for offset in range(0, len(missing), LOOKUP_CHUNK):
            chunk = missing[offset : offset + LOOKUP_CHUNK]
            devices = list(Device.objects.filter(dev_eui__in=chunk).select_related("thing"))
            streams: dict[int, dict[str, Datastream]] = defaultdict(dict)
            for stream in Datastream.objects.filter(thing_id__in={d.thing_id for d in devices}):
                streams[stream.thing_id][stream.key] = stream
            by_eui = {d.dev_eui: Entry(d, streams[d.thing_id]) for d in devices}
            for dev_eui in chunk:
                found[dev_eui] = by_eui.get(dev_eui)
                self._entries[dev_eui] = (now, found[dev_eui])
        return found


@dataclass
class Outcome:
    messages: int = 0
    stored: int = 0  # new observations
    duplicates: int = 0  # uplinks seen before + values already stored
    rejected: int = 0  # messages and values refused
    problems: list[str] = field(default_factory=list)  # for the log


class _Tally:
    """Counters of one batch, written in one go at the end."""

    def __init__(self) -> None:
        self.accepted: dict[int, int] = defaultdict(int)
        self.rejected: dict[int, list] = {}  # device id → [count, last message]
        self.problems: dict[str, list] = {}  # identifier → [count, last message]
        self.notes: dict[int, str] = {}

    # messages quote what devices sent (value names): NUL bytes and lone surrogates are
    # removed, PostgreSQL cannot store them
    def reject(self, device: Device, message: str) -> None:
        entry = self.rejected.setdefault(device.pk, [0, ""])
        entry[0] += 1
        entry[1] = storable(message)

    def problem(self, identifier: str, message: str) -> None:
        entry = self.problems.setdefault(storable(identifier)[:200] or "?", [0, ""])
        entry[0] += 1
        entry[1] = storable(message)

    def write(self) -> None:
        now = timezone.now()
        for device_id, note in self.notes.items():
            Device.objects.filter(pk=device_id).update(last_error=note, last_error_at=now)
        # one UPDATE per distinct count instead of one per device (most devices send
        # the same number of values per batch): the worker's largest cost after storing
        by_count: dict[int, list[int]] = defaultdict(list)
        for device_id, count in self.accepted.items():
            by_count[count].append(device_id)
        for count, device_ids in by_count.items():
            Device.objects.filter(pk__in=sorted(device_ids)).update(
                accepted_count=F("accepted_count") + count, last_seen_at=now
            )
        for device_id, (count, message) in self.rejected.items():
            Device(pk=device_id).count_rejected(message, count)
        for identifier, (count, message) in self.problems.items():
            IntakeProblem.record(SOURCE, identifier, message, count)


def process(
    messages: list[tuple[str, bytes]],
    cache: DeviceCache,
    noted: set[tuple[int, str]] | None = None,
) -> Outcome:
    """Take in ``[(topic, payload), …]``; see the module docstring."""
    noted = noted if noted is not None else set()
    now = timezone.now()
    outcome = Outcome(messages=len(messages))
    tally = _Tally()
    parsed = []
    failed: list[tuple[str, MessageError]] = []
    for topic, payload in messages:
        try:
            parsed.append(parse(topic, payload, now=now))
        except MessageError as error:
            failed.append((topic, error))
    entries = cache.lookup(
        {u.dev_eui for u in parsed} | {e.dev_eui for _, e in failed if e.dev_eui}
    )

    for topic, error in failed:
        entry = entries.get(error.dev_eui) if error.dev_eui else None
        if entry is not None:
            tally.reject(entry.device, str(error))
        else:
            tally.problem(error.dev_eui or topic, str(error))
        outcome.rejected += 1

    keys = list({u.key for u in parsed})
    known: set[str] = set()
    for offset in range(0, len(keys), LOOKUP_CHUNK):
        known.update(
            Uplink.objects.filter(key__in=keys[offset : offset + LOOKUP_CHUNK]).values_list(
                "key", flat=True
            )
        )
    readings = []
    uplinks = []
    for uplink in parsed:
        entry = entries.get(uplink.dev_eui)
        if entry is None:
            tally.problem(
                uplink.dev_eui,
                gettext("Unbekanntes Gerät: DevEUI %(eui)s ist keinem Gerät zugeordnet.")
                % {"eui": uplink.dev_eui},
            )
            outcome.rejected += 1
            continue
        device = entry.device
        if not device.enabled:
            tally.reject(device, gettext("Gerät ist deaktiviert – Nachricht verworfen."))
            outcome.rejected += 1
            continue
        if uplink.key in known:
            outcome.duplicates += 1
            continue
        known.add(uplink.key)
        uplinks.append(Uplink(key=uplink.key, device=device, received_at=now))
        optional: frozenset[str] = frozenset()
        try:
            if uplink.values:
                values = uplink.values
            else:
                values = decoders.decode(device.decoder, uplink.payload or b"")
                optional = decoders.get(device.decoder).optional
        except decoders.DecodeError as error:
            tally.reject(device, str(error))
            outcome.rejected += 1
            continue
        matched = [key for key in values if key in entry.streams]
        if not matched:
            tally.reject(
                device,
                gettext("Keiner der gemeldeten Werte (%(keys)s) gehört zu einem Datenstrom.")
                % {"keys": ", ".join(sorted(values))[:200]},
            )
            outcome.rejected += 1
            continue
        unknown = sorted(k for k in values if k not in entry.streams and k not in optional)
        if unknown and (device.pk, unknown[0]) not in noted:
            noted.add((device.pk, unknown[0]))
            tally.notes[device.pk] = storable(
                gettext("Hinweis: Werte ohne Datenstrom werden ignoriert: %(keys)s")
                % {"keys": ", ".join(unknown)[:200]}
            )
        for key in matched:
            try:
                readings.append(check(entry.streams[key], uplink.time, values[key], now=now))
            except ReadingError as error:
                tally.reject(device, f"{key}: {error}")
                outcome.rejected += 1
                continue
            tally.accepted[device.pk] += 1

    with transaction.atomic():
        result = store(readings) if readings else None
        if uplinks:
            Uplink.objects.bulk_create(uplinks, ignore_conflicts=True)
        tally.write()
    if result is not None:
        outcome.stored = len(result.stored)
        outcome.duplicates += result.duplicates
    outcome.problems = [f"{ident}: {msg}" for ident, (_, msg) in tally.problems.items()] + [
        f"Gerät {pk}: {msg}" for pk, (_, msg) in tally.rejected.items()
    ]
    return outcome
