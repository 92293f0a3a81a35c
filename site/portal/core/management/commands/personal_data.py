"""Requests under Art. 15 and 17 GDPR for one person, found by e-mail address, across
every app that registered a provider (``portal.core.personal_data``):

    redi personal_data export --email erika@example.org [--output erika.json]
    redi personal_data erase --email erika@example.org          # shows what would go
    redi personal_data erase --email erika@example.org --yes    # erases, prints a summary
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from portal.core import personal_data


class Command(BaseCommand):
    help = (
        "Auskunft (export) oder Löschung (erase) aller personenbezogenen Daten zu einer "
        "E-Mail-Adresse über alle Apps."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("--email", required=True, help="E-Mail-Adresse der Person")
        parser.add_argument("--output", help="export: JSON in diese Datei statt auf stdout")
        parser.add_argument(
            "--yes", action="store_true", help="erase: wirklich löschen (sonst nur anzeigen)"
        )

    def handle(self, *args, action: str, email: str, output=None, yes=False, **options):
        try:
            found = personal_data.export(email)
        except ValueError as error:
            raise CommandError(f"Keine gültige E-Mail-Adresse: {email!r}") from error
        if action == "export":
            text = json.dumps(found, ensure_ascii=False, indent=2)
            if output:
                with open(output, "w", encoding="utf-8") as file:
                    file.write(text + "\n")
                self.stdout.write(f"Gespeichert in {output}")
            else:
                self.stdout.write(text)
            return
        if not yes:
            for item in personal_data.found_counts(found):
                self.stdout.write(str(item))
            if not found["data"]:
                self.stdout.write("Nichts gefunden.")
            self.stdout.write("Nichts gelöscht – mit --yes wird gelöscht.")
            return
        summary = personal_data.summarise(personal_data.erase(email))
        for line in summary.lines:
            self.stdout.write(line)
        personal_data.log_erasure(summary, by="command")
        self.stdout.write(summary.total_line)
