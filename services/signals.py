"""Keep the town pages' search index in step with the regional description; give a new
town's groups their Bürgerservice rights."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index

from portal.core.signals import town_created

from .models import Leistung


@receiver(post_save, sender=Leistung)
def reindex_town_pages(sender, instance: Leistung, **kwargs) -> None:
    for page in instance.pages.all():
        index.insert_or_update_object(page)


@receiver(town_created)
def give_new_town_its_roles(sender, settings, **kwargs) -> None:
    from .roles import setup_town

    setup_town(settings)
