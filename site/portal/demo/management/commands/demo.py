import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.core import scheduled

SCHEDULE_SECONDS = 60


def _run_scheduled_forever() -> None:
    """Mail outbox, retention of personal data … as cron would in production."""
    while True:
        time.sleep(SCHEDULE_SECONDS)
        scheduled.run_all()


class Command(BaseCommand):
    help = "Richtet die Demo ein (migrate, Inhalte) und startet den ASGI-Server."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=settings.REDI_DEMO_PORT)
        parser.add_argument("--no-serve", action="store_true", help="nur einrichten")

    def handle(self, *args, addr: str, port: int, no_serve: bool, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", port=port)
        if no_serve:
            return
        threading.Thread(target=_run_scheduled_forever, name="scheduled", daemon=True).start()
        self.stdout.write(
            f"\nServer startet auf http://{addr}:{port}/ – beenden mit Strg+C.\n"
            f"Regelmäßige Aufgaben (E-Mail-Versand, Löschfristen) laufen jede Minute.\n"
        )
        call_command("runserver", f"{addr}:{port}", use_reloader=False)
