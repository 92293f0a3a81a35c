from django.conf import settings
from django.core.management.base import BaseCommand

from portal.demo.seed import seed


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (zehn Seiten, Redaktionen, Logins). Mehrfach ausführbar."

    def add_arguments(self, parser):
        parser.add_argument("--domain", default=settings.REDI_DEMO_DOMAIN)
        parser.add_argument("--port", type=int, default=settings.REDI_DEMO_PORT)

    def handle(self, *args, domain: str, port: int, **options):
        report = seed(domain=domain, port=port)
        verbosity = options["verbosity"]
        if verbosity:
            self.stdout.write(f"Demo geladen: {report.pages_created} neue Seiten.")
        if verbosity:
            self.stdout.write("\nSeiten:")
            for name, url in report.sites:
                self.stdout.write(f"  {name:<28} {url}")
            admin = report.sites[0][1] + "admin/"
            self.stdout.write(f"\nRedaktion (Wagtail-Admin): {admin}")
            for role, user, password in report.logins:
                self.stdout.write(f"  {role:<36} {user:<26} {password}")
