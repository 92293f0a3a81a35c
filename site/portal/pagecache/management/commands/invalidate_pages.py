"""``redi invalidate_pages``: forget every cached page (all workers) and purge the proxy –
after a deploy that changed templates or styles without a migration, or when in doubt."""

from django.core.management.base import BaseCommand

from portal.pagecache import proxy, store


class Command(BaseCommand):
    help = "Alle zwischengespeicherten Seiten verwerfen (alle Prozesse) und den Proxy leeren."

    def handle(self, *args, **options):
        generation = store.get_store().bump()
        proxy.purge_all()
        self.stdout.write(f"Seiten-Cache verworfen (Generation {generation}).")
