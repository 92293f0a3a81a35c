"""The MQTT intake worker (``manage.py mqtt_intake``).

- MQTT v5, fixed client id, ``clean_start=False`` with a session expiry: the broker
  keeps the subscription and queues uplinks while the worker is away or restarting;
- subscribes ``SENSOR_MQTT_TOPICS`` at QoS 1 with **manual acknowledgement**: a message
  is acknowledged only after its observations were committed (or it was rejected and
  counted) – a crash, a database outage or a broker restart loses nothing accepted;
  what was committed but not acknowledged comes again and is skipped by its
  deduplication key;
- the network runs in paho's thread and fills a queue; this thread takes up to
  ``batch_max`` messages or waits ``batch_wait`` seconds, and hands the batch to
  :func:`batch.process` (one transaction). The receive maximum sent to the broker lets
  it have two batches in flight (Mosquitto's default for MQTT 3.1.1 would be 20);
- database down → the batch is retried with backoff, unacknowledged; broker down →
  paho reconnects (1 … 30 s) and the broker redelivers what was not acknowledged.
  Acknowledgements are only sent on the connection that delivered the message.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import paho.mqtt.client as mqtt
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.subscribeoptions import SubscribeOptions

from ..models import IntakeProblem
from . import connection as mqtt_connection
from .batch import DeviceCache, Outcome, process

logger = logging.getLogger(__name__)
WEEK = 7 * 24 * 3600


@dataclass
class Stats:
    received: int = 0
    handled: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0

    def add(self, outcome: Outcome) -> None:
        self.handled += outcome.messages
        self.stored += outcome.stored
        self.duplicates += outcome.duplicates
        self.rejected += outcome.rejected


class Worker:
    """``Worker(url, topics=[…], client_id="redi-intake").run()`` until :meth:`stop`."""

    def __init__(
        self,
        url: str,
        *,
        topics: list[str],
        client_id: str,
        session_expiry: int = WEEK,
        batch_max: int = 500,
        batch_wait: float = 0.05,
        once: int | None = None,
        status_every: float | None = None,
        say: Callable[[str], None] | None = None,
    ):
        self.broker = mqtt_connection.broker(url)
        self.topics = list(topics)
        self.client_id = client_id
        self.session_expiry = session_expiry
        self.batch_max = batch_max
        self.batch_wait = batch_wait
        self.once = once
        self.status_every = status_every
        self.say = say or logger.info
        self.stats = Stats()
        self.cache = DeviceCache()
        self.noted: set[tuple[int, str]] = set()
        self.connected = threading.Event()  # set while connected and subscribed
        self.finished = threading.Event()
        self._stop = threading.Event()
        self._queue: queue.Queue = queue.Queue()
        self._generation = 0
        self._lock = threading.Lock()
        self._client: mqtt.Client | None = None

    # --- paho callbacks (network thread) ---------------------------------------------

    def _on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        if reason_code.is_failure:
            self.say(f"MQTT: Verbindung zu {self.broker} abgelehnt: {reason_code}")
            return
        with self._lock:
            self._generation += 1
        client.subscribe([(topic, SubscribeOptions(qos=1)) for topic in self.topics])
        session = "fortgesetzt" if flags.session_present else "neu"
        self.say(f"MQTT: verbunden mit {self.broker} als {self.client_id} (Sitzung {session}).")

    def _on_subscribe(self, client, userdata, mid, reason_codes, properties) -> None:
        failed = [code for code in reason_codes if code.is_failure]
        if failed:
            self.say(f"MQTT: Abonnement abgelehnt: {', '.join(str(c) for c in failed)}")
        self.connected.set()

    def _on_disconnect(self, client, userdata, flags, reason_code, properties) -> None:
        self.connected.clear()
        if not self._stop.is_set():
            self.say(f"MQTT: Verbindung verloren ({reason_code}) – neuer Versuch folgt.")

    def _on_message(self, client, userdata, message) -> None:
        self.stats.received += 1
        self._queue.put((self._generation, message))

    # --- the intake (this thread) ------------------------------------------------------

    def stop(self) -> None:
        """Finish the current batch, then disconnect (safe from signal handlers)."""
        self._stop.set()

    def start(self) -> None:
        """Connect (in paho's network thread, retrying until the broker answers)."""
        client = mqtt_connection.client(self.broker, self.client_id, manual_ack=True)
        client.on_connect = self._on_connect
        client.on_subscribe = self._on_subscribe
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        self._client = client
        properties = Properties(PacketTypes.CONNECT)
        properties.SessionExpiryInterval = self.session_expiry
        properties.ReceiveMaximum = min(65535, max(20, 2 * self.batch_max))
        client.connect_async(
            self.broker.host,
            self.broker.port,
            keepalive=30,
            clean_start=False,
            properties=properties,
        )
        client.loop_start()

    def serve(self, until: Callable[[Stats], bool] | None = None) -> Stats:
        """Take in batches until :meth:`stop`, ``once`` messages or ``until(stats)``."""
        last_status = time.monotonic()
        while not self._stop.is_set():
            batch = self._collect()
            if batch:
                self._handle(batch)
            if self.once is not None and self.stats.handled >= self.once:
                break
            if until is not None and until(self.stats):
                break
            if self.status_every and time.monotonic() - last_status >= self.status_every:
                last_status = time.monotonic()
                self.say(self.status())
        return self.stats

    def close(self) -> None:
        """Disconnect; what was received but not taken in is delivered again next time."""
        self._stop.set()
        self.connected.clear()
        if self._client is not None:
            self._client.disconnect()
            self._client.loop_stop()
        self.finished.set()

    def run(self) -> Stats:
        """:meth:`start`, :meth:`serve`, :meth:`close` – the command's whole life."""
        self.start()
        try:
            return self.serve()
        finally:
            self.close()
            if not connection.in_atomic_block:
                connection.close()

    def status(self) -> str:
        s = self.stats
        return (
            f"MQTT: empfangen {s.received}, verarbeitet {s.handled}, gespeichert {s.stored}, "
            f"doppelt {s.duplicates}, abgewiesen {s.rejected}, wartend {self._queue.qsize()}"
        )

    def _collect(self) -> list:
        limit = self.batch_max
        if self.once is not None:
            limit = max(1, min(limit, self.once - self.stats.handled))
        try:
            batch = [self._queue.get(timeout=0.2)]
        except queue.Empty:
            return []
        deadline = time.monotonic() + self.batch_wait
        while len(batch) < limit:
            try:
                batch.append(self._queue.get_nowait())
                continue
            except queue.Empty:
                pass
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                batch.append(self._queue.get(timeout=remaining))
            except queue.Empty:
                break
        return batch

    def _handle(self, batch: list) -> None:
        items = [(message.topic, message.payload) for _, message in batch]
        delay = 1.0
        single = False
        while True:
            try:
                if single:
                    outcome = self._one_by_one(items)
                else:
                    outcome = process(items, self.cache, self.noted)
                break
            except (OperationalError, InterfaceError) as error:
                # the database is away: keep the batch unacknowledged and try again
                self.say(f"Datenbank nicht erreichbar ({error}); neuer Versuch in {delay:.0f} s.")
                self._reset_database()
                if self._stop.wait(delay):
                    return  # stopping: the broker delivers the batch again next time
                delay = min(delay * 2, 30.0)
            except Exception:  # noqa: BLE001 – one odd message must not stop the intake
                logger.exception("MQTT batch failed, taking its messages one by one")
                self._reset_database()
                single = True
        self._ack(batch)
        self.stats.add(outcome)

    def _one_by_one(self, items: list[tuple[str, bytes]]) -> Outcome:
        total = Outcome()
        for topic, payload in items:
            try:
                outcome = process([(topic, payload)], self.cache, self.noted)
            except (OperationalError, InterfaceError):
                raise
            except Exception as error:  # noqa: BLE001
                logger.exception("MQTT message on %s could not be taken in", topic)
                self._reset_database()
                outcome = Outcome(messages=1, rejected=1)
                try:
                    IntakeProblem.record(
                        IntakeProblem.Source.MQTT,
                        topic,
                        f"Interner Fehler bei der Verarbeitung: {type(error).__name__}",
                    )
                except DatabaseError:
                    self._reset_database()
            total.messages += outcome.messages
            total.stored += outcome.stored
            total.duplicates += outcome.duplicates
            total.rejected += outcome.rejected
        return total

    def _reset_database(self) -> None:
        if not connection.in_atomic_block:
            with contextlib.suppress(Exception):
                connection.close()

    def _ack(self, batch: list) -> None:
        client = self._client
        with self._lock:
            for generation, message in batch:
                if message.qos > 0 and generation == self._generation:
                    client.ack(message.mid, message.qos)
