"""Send today's deadline reminders of the Rechnungslauf (also run by ``run_scheduled``)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from backoffice.invoices.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Erinnert die zuständigen Personen an Rechnungen, deren Skonto- oder Zahlungsfrist "
        "bald abläuft (höchstens einmal am Tag je Rechnung)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--date",
            help="Stichtag im Format JJJJ-MM-TT (Vorgabe: heute).",
        )

    def handle(self, *args, date: str | None = None, **options) -> None:
        today = None
        if date:
            try:
                today = dt.date.fromisoformat(date)
            except ValueError:
                raise CommandError(
                    f"„{date}“ ist kein gültiges Datum (Format JJJJ-MM-TT)."
                ) from None
        self.stdout.write(send_reminders(today))
