"""``manage.py import_invoices PATH… [--site SLUG] [--user USERNAME] [--accept-duplicates]``

Receives e-invoice files in a batch (e.g. what a mail gateway saved into a folder): every
``*.xml`` and ``*.pdf`` below the given folders (recursively) and every file named directly.
Each file goes through :func:`backoffice.invoices.intake.receive` (source "Stapelimport") and
gets one line::

    angenommen: <Pfad> → Rechnung #<id> (<Nummer>, <Steller>, <Betrag> EUR, <Stadt>/<Stelle>)
    abgelehnt: <Pfad>: <REGEL> <Meldung>; <REGEL> <Meldung>

then a summary. The exit status is 1 when any file was rejected (after all were tried).

``--site``: the town (slug, e.g. "rastatt") for invoices whose Leitweg-ID no route knows;
routes of other towns are then refused. Without it the Leitweg-ID alone decides.
``--user``: who is recorded as having received them. ``--accept-duplicates``: take possible
duplicates (same seller and number) as duplicates instead of refusing them.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from backoffice.invoices.intake import IntakeResult, format_amount, receive, town_name
from backoffice.invoices.models import Source

SUFFIXES = {".xml", ".pdf"}


def files_in(paths: list[str]) -> list[tuple[Path, bool]]:
    """``(path, exists)`` for every file to import: named files as given, folders searched
    recursively for ``*.xml`` / ``*.pdf`` (sorted); a path that does not exist is kept
    (``exists`` False) so it can be reported."""
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                (child, True)
                for child in sorted(path.rglob("*"))
                if child.is_file() and child.suffix.lower() in SUFFIXES
            )
        else:
            found.append((path, path.is_file()))
    return found


def accepted_line(path: Path, result: IntakeResult) -> str:
    invoice = result.invoice
    office = invoice.org_unit.name if invoice.org_unit else "ohne Dienststelle"
    line = (
        f"angenommen: {path} → Rechnung #{invoice.pk} ({invoice.number}, {invoice.seller_name}, "
        f"{format_amount(invoice.amount_due)} {invoice.currency}, "
        f"{town_name(invoice.site)}/{office})"
    )
    if result.warnings:
        line += f" – {len(result.warnings)} Hinweis(e): " + ", ".join(
            sorted({finding.rule_id for finding in result.warnings})
        )
    return line


def rejected_line(path: Path, result: IntakeResult) -> str:
    reasons = "; ".join(f"{finding.rule_id} {finding.message}" for finding in result.errors)
    return f"abgelehnt: {path}: {reasons or result.message}"


class Command(BaseCommand):
    help = "Nimmt XRechnung- und ZUGFeRD-Dateien aus Dateien oder Ordnern entgegen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PFAD", help="Dateien oder Ordner")
        parser.add_argument(
            "--site",
            metavar="STADT",
            help="Kürzel der Stadt (z. B. rastatt) für Leitweg-IDs ohne Zuordnung",
        )
        parser.add_argument("--user", metavar="BENUTZERNAME", help="Wer die Rechnungen einstellt")
        parser.add_argument(
            "--accept-duplicates",
            action="store_true",
            help="Mögliche Dubletten als Dublette übernehmen statt abzulehnen",
        )

    def handle(self, *args, **options) -> None:
        site = self._site(options.get("site"))
        user = self._user(options.get("user"))
        files = files_in(options["paths"])
        if not files:
            raise CommandError("Keine Dateien gefunden (gesucht: *.xml, *.pdf).")
        accepted = rejected = 0
        for path, exists in files:
            if not exists:
                rejected += 1
                self.stdout.write(f"abgelehnt: {path}: DATEI-FEHLT Die Datei gibt es nicht.")
                continue
            try:
                data = path.read_bytes()
            except OSError as error:
                rejected += 1
                self.stdout.write(
                    f"abgelehnt: {path}: DATEI-UNLESBAR Die Datei kann nicht gelesen werden "
                    f"({error.strerror or error})."
                )
                continue
            result = receive(
                data,
                path.name,
                source=Source.COMMAND,
                user=user,
                site=site,
                accept_duplicate=options["accept_duplicates"],
            )
            if result.accepted:
                accepted += 1
                self.stdout.write(accepted_line(path, result))
            else:
                rejected += 1
                self.stdout.write(rejected_line(path, result))
        total = accepted + rejected
        self.stdout.write(
            f"{total} {'Datei' if total == 1 else 'Dateien'}: "
            f"{accepted} angenommen, {rejected} abgelehnt."
        )
        if rejected:
            raise CommandError(
                f"{rejected} {'Datei wurde' if rejected == 1 else 'Dateien wurden'} abgelehnt.",
                returncode=1,
            )

    def _site(self, slug: str | None):
        if not slug:
            return None
        from portal.core.models import TownSettings

        town = TownSettings.objects.filter(slug=slug, is_region=False).select_related("site")
        town = town.first()
        if town is None:
            raise CommandError(f"Keine Stadt mit dem Kürzel „{slug}“.")
        return town.site

    def _user(self, username: str | None):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Kein Benutzer „{username}“.")
        return user
