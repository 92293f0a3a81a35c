"""Requests under Art. 15 and 17 GDPR for one person, found by e-mail address, across
every app that registered a provider (``portal.core.personal_data``):

    redi personal_data export --email erika@example.org [--output erika.json]
    redi personal_data erase --email erika@example.org          # shows what would go
    redi personal_data erase --email erika@example.org --yes    # erases, prints a summary
"""

from __future__ import annotations

import json
import logging

from django.core.management.base import BaseCommand, CommandError

from portal.core import personal_data

logger = logging.getLogger(__name__)


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
            for key, kind in found["data"].items():
                self.stdout.write(f"{kind['label']} ({key}): {len(kind['items'])}")
            if not found["data"]:
                self.stdout.write("Nichts gefunden.")
            self.stdout.write("Nichts gelöscht – mit --yes wird gelöscht.")
            return
        results = personal_data.erase(email)
        total = 0
        for key, result in results.items():
            if result.erased or result.kept:
                line = f"{key}: {result.erased} gelöscht/anonymisiert"
                if result.kept:
                    line += f", {result.kept} behalten ({'; '.join(result.reasons)})"
                self.stdout.write(line)
            total += result.erased
        # no address in the log: the request is identified by the operator's own records
        logger.info("Personal data erased on request: %d item(s)", total)
        self.stdout.write(f"Zusammen: {total} gelöscht oder anonymisiert.")
