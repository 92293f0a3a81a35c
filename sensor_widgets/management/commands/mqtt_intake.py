"""``redi mqtt_intake``: take in LoRaWAN uplinks from the MQTT broker (see mqtt.worker)."""

from __future__ import annotations

import signal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sensor_widgets.mqtt.worker import WEEK, Worker


class Command(BaseCommand):
    help = (
        "Nimmt Uplinks von ChirpStack v4 und The Things Stack v3 über MQTT entgegen "
        "(QoS 1, dauerhafte Sitzung) und speichert die Messwerte. Läuft bis SIGTERM/Strg+C."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default=None, help="Broker, Vorgabe: MQTT_URL")
        parser.add_argument(
            "--topic",
            action="append",
            dest="topics",
            help="Topic (mehrfach möglich), Vorgabe: SENSOR_MQTT_TOPICS",
        )
        parser.add_argument("--client-id", default=None, help="Vorgabe: SENSOR_MQTT_CLIENT_ID")
        parser.add_argument(
            "--once", type=int, default=None, metavar="N", help="nach N Nachrichten beenden"
        )
        parser.add_argument("--batch", type=int, default=500, help="Nachrichten je Transaktion")

    def handle(self, *args, url, topics, client_id, once, batch, verbosity, **options):
        url = url or settings.MQTT_URL
        if not url:
            raise CommandError("Kein MQTT-Broker: MQTT_URL setzen oder --url angeben.")
        if once is not None and once < 1:
            raise CommandError("--once braucht eine Zahl ab 1.")
        if batch < 1:
            raise CommandError("--batch braucht eine Zahl ab 1.")
        try:
            worker = Worker(
                url,
                topics=topics or settings.SENSOR_MQTT_TOPICS,
                client_id=client_id or settings.SENSOR_MQTT_CLIENT_ID,
                batch_max=batch,
                # how long the broker keeps the session (and queues uplinks) while away
                session_expiry=getattr(settings, "SENSOR_MQTT_SESSION_EXPIRY", WEEK),
                once=once,
                status_every=10.0 if verbosity >= 2 else None,
                say=(lambda line: self.stdout.write(line)) if verbosity >= 1 else (lambda _: None),
            )
        except ValueError as error:
            raise CommandError(f"MQTT-URL nicht verwendbar: {error}") from None

        def stop(signum, frame):
            self.stdout.write("MQTT: Beenden angefordert – laufender Stapel wird abgeschlossen.")
            worker.stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        worker.run()
        if verbosity >= 1:
            self.stdout.write(worker.status())
