from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug

from portal.core.towns import create_town
from themes.models import Theme


class Command(BaseCommand):
    help = "Legt eine Stadt an: Website, Startseite, Einstellungen, Mediensammlung, Redaktion."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Kürzel, z. B. karlsbad")
        parser.add_argument("name", help="Name, z. B. Karlsbad")
        parser.add_argument(
            "hostname", help="Hostname, z. B. www.karlsbad.de oder karlsbad.localhost"
        )
        parser.add_argument("--port", type=int, default=443)
        parser.add_argument("--legal-name", default=None, help="z. B. „Gemeinde Karlsbad“")
        parser.add_argument("--theme", default=None, help="Kürzel eines Designs, z. B. region")

    def handle(self, *args, slug, name, hostname, port, legal_name, theme, **options):
        if theme and not Theme.objects.filter(slug=theme).exists():
            known = ", ".join(Theme.objects.values_list("slug", flat=True)) or "region"
            raise CommandError(f"Unbekanntes Design {theme!r}. Vorhanden: {known}")
        try:
            validate_slug(slug)
        except ValidationError:
            message = f"Ungültiges Kürzel {slug!r}: nur a–z, 0–9 und Bindestriche."
            raise CommandError(message) from None
        result = create_town(
            slug=slug,
            name=name,
            hostname=hostname,
            port=port,
            legal_name=legal_name,
            theme=theme or slug,
        )
        town = result.settings
        if result.created:
            self.stdout.write(self.style.SUCCESS(f"Stadt {town.name} angelegt: {town.root_url}/"))
            self.stdout.write(f"Redaktionsgruppe: {town.editors_group.name}")
        else:
            self.stdout.write(f"Stadt {town.name} gibt es schon: {town.root_url}/")
