import socket
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.core import scheduled

SCHEDULE_SECONDS = 60
SENSOR_SECONDS = 10.0  # the simulated sensors report this often


def _run_scheduled_forever() -> None:
    """Mail outbox, retention of personal data … as cron would in production."""
    while True:
        time.sleep(SCHEDULE_SECONDS)
        scheduled.run_all()


def _wait_for_port(host: str, port: int) -> None:
    while True:
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)


def _start_sensors(say, addr: str, port: int) -> str:
    """Simulated sensors in daemon threads: over MQTT (with the intake worker) when a
    broker is configured, otherwise over HTTP against this demo server. Returns the line
    that tells the user so."""
    from sensor_widgets import simulator
    from sensor_widgets.mqtt.connection import broker
    from sensor_widgets.mqtt.worker import Worker

    if settings.MQTT_URL:
        worker = Worker(
            settings.MQTT_URL,
            topics=settings.SENSOR_MQTT_TOPICS,
            client_id=settings.SENSOR_MQTT_CLIENT_ID,
            session_expiry=3600,  # the demo's queue on the broker lives an hour at most
            say=say,
        )
        threading.Thread(target=worker.run, name="mqtt-intake", daemon=True).start()
        threading.Thread(
            target=simulator.run,
            kwargs={"via": "mqtt", "interval": SENSOR_SECONDS, "say": say},
            name="sensor-simulator",
            daemon=True,
        ).start()
        return (
            f"Sensorik: simulierte Sensoren senden alle {SENSOR_SECONDS:.0f} s per MQTT an "
            f"{broker(settings.MQTT_URL)}, der MQTT-Empfang läuft mit."
        )
    host = "127.0.0.1" if addr in ("0.0.0.0", "::", "") else addr  # noqa: S104
    url = f"http://{host}:{port}/sensorik/api/v1/observations"

    def simulate_over_http() -> None:
        _wait_for_port(host, port)
        simulator.run("http", url=url, interval=SENSOR_SECONDS, say=say)

    threading.Thread(target=simulate_over_http, name="sensor-simulator", daemon=True).start()
    return (
        f"Sensorik: simulierte Sensoren senden alle {SENSOR_SECONDS:.0f} s per HTTP an {url} "
        f"(kein MQTT_URL gesetzt)."
    )


class Command(BaseCommand):
    help = "Richtet die Demo ein (migrate, Inhalte) und startet den ASGI-Server."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=settings.REDI_DEMO_PORT)
        parser.add_argument("--no-serve", action="store_true", help="nur einrichten")
        parser.add_argument(
            "--no-sensors", action="store_true", help="keine simulierten Sensoren starten"
        )

    def handle(self, *args, addr: str, port: int, no_serve: bool, no_sensors: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", port=port)
        if no_serve:
            return
        threading.Thread(target=_run_scheduled_forever, name="scheduled", daemon=True).start()
        sensors = "" if no_sensors else _start_sensors(self.stdout.write, addr, port) + "\n"
        self.stdout.write(
            f"\nServer startet auf http://{addr}:{port}/ – beenden mit Strg+C.\n"
            f"Regelmäßige Aufgaben (E-Mail-Versand, Löschfristen) laufen jede Minute.\n"
            f"{sensors}"
        )
        call_command("runserver", f"{addr}:{port}", use_reloader=False)
