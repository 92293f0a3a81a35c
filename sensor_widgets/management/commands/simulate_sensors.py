"""``redi simulate_sensors``: realistic readings of the demo devices over MQTT or HTTP."""

from __future__ import annotations

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sensor_widgets import simulator


class Command(BaseCommand):
    help = (
        "Simuliert die Geräte, deren Messstelle ein Simulationsprofil hat, und sendet "
        "Messwerte per MQTT (wie ChirpStack/The Things Stack) oder per HTTP. Bei HTTP "
        "erhält jedes simulierte Gerät beim Start ein neues Token."
    )

    def add_arguments(self, parser):
        parser.add_argument("--via", choices=["mqtt", "http"], default="mqtt")
        parser.add_argument(
            "--url",
            default=None,
            help="MQTT: Broker (Vorgabe MQTT_URL); HTTP: Adresse der Schnittstelle "
            "(Vorgabe http://127.0.0.1:<REDI_DEMO_PORT>/sensorik/api/v1/observations)",
        )
        parser.add_argument("--interval", type=float, default=10.0, help="Sekunden je Runde")
        parser.add_argument("--count", type=int, default=None, help="nach N Messungen enden")
        parser.add_argument(
            "--burst", type=int, default=None, help="N Messungen so schnell wie möglich senden"
        )
        parser.add_argument("--shape", choices=simulator.SHAPES, default="mixed")
        parser.add_argument("--prefix", default="", help="vor jedes MQTT-Topic (Tests)")

    def handle(self, *args, via, url, interval, count, burst, shape, prefix, verbosity, **kw):
        if via == "mqtt" and not (url or settings.MQTT_URL):
            raise CommandError("Kein MQTT-Broker: MQTT_URL setzen, --url angeben oder --via http.")
        if interval <= 0 or (count is not None and count < 1) or (burst is not None and burst < 1):
            raise CommandError("--interval, --count und --burst brauchen positive Zahlen.")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        say = self.stdout.write if verbosity >= 1 else (lambda _: None)
        try:
            sent = simulator.run(
                via,
                url=url,
                interval=interval,
                count=count,
                burst=burst,
                shape=shape,
                prefix=prefix,
                stop=stop,
                say=say,
            )
        except ValueError as error:
            raise CommandError(str(error)) from None
        say(f"Simulator: {sent} Messungen gesendet.")
