"""Run the periodic jobs of every app (mail outbox, retention of personal data, …)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from portal.core import scheduled


class Command(BaseCommand):
    help = "Führt die regelmäßigen Aufgaben aller Apps aus (E-Mail-Versand, Löschfristen …)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            type=int,
            default=0,
            metavar="SEKUNDEN",
            help="Wiederholt die Aufgaben in diesem Abstand, bis das Programm beendet wird.",
        )

    def handle(self, *args, loop: int = 0, **options):
        while True:
            for name, result in scheduled.run_all().items():
                self.stdout.write(f"{name}: {result}")
            if not loop:
                return
            time.sleep(loop)
